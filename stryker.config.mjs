// npm run mutate: mutation testing of the business rules in shared/ (StrykerJS 9.6; 10.x needs
// Node 22). Not part of npm test. scripts/mutate.ts runs this once per file of shared/, against the
// tests that import that file, and writes reports/mutation/scores.md:
//   npm run mutate                      every file of shared/
//   npm run mutate -- shared/board.ts   one file (or several)
// An equivalent mutant (one no test can tell from the original) is excluded where it arises, with
// its reason: `// Stryker disable next-line <mutator>: <why it is equivalent>`.
const report = process.env.MUTATION_REPORT ?? 'reports/mutation/mutation';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['shared/**/*.ts'],
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { reportTests: false, reportScoreTable: true },
  htmlReporter: { fileName: `${report}.html` },
  jsonReporter: { fileName: `${report}.json` },
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  thresholds: { high: 90, low: 90, break: null },
  tempDirName: process.env.MUTATE_TEMP ?? '.stryker-tmp',
  cleanTempDir: 'always',
};
