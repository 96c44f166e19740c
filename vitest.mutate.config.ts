import { defineConfig } from 'vitest/config';

// npm run mutate: StrykerJS runs the business-rule tests once per mutant of shared/, so only the
// tests that exercise shared/ in-process (no Electron hosts, no browser) and without the demo store's
// seconds-long setup belong here. The full suite (npm test) still runs everything.
export const mutationTests = {
  include: ['tests/unit/**/*.test.ts'],
  exclude: [
    'tests/unit/electron*.test.ts',
    'tests/unit/wallElectron.test.ts',
    'tests/unit/apiDocs.test.ts',
    'tests/unit/securityDocs.test.ts',
    'tests/unit/architecture.test.ts',
  ],
};

// scripts/mutate.ts narrows the run to the tests that import the mutated file (MUTATE_TESTS, a
// comma-separated list): a mutant of module-level code re-runs every test in the run, so one file's
// static mutants against all 1,000 tests would take a day.
const narrowed = process.env.MUTATE_TESTS?.split(',').filter(Boolean);

export default defineConfig({
  test: {
    include: narrowed ?? mutationTests.include,
    exclude: narrowed ? [] : mutationTests.exclude,
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
  },
});
