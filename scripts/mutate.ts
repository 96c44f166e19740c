// npm run mutate [-- shared/x.ts ...]: mutation testing of shared/, one file at a time, each against
// the unit tests that import it (directly or through other modules). Narrowing the tests is what
// makes a full run fit in an hour on 2 cores: a mutant of module-level code (a zod schema, a
// constant table) re-runs every test of the run. Writes reports/mutation/<file>.{json,html} and
// reports/mutation/scores.md (score per file, equivalent mutants excluded and named).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mutationTests } from '../vitest.mutate.config';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const reportDir = join(root, 'reports', 'mutation');
const threshold = 90;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const toPosix = (path: string) => relative(root, path).split('\\').join('/');
const globToRegExp = (glob: string) =>
  new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\//g, '(.*/)?').replace(/\*/g, '[^/]*')}$`);

const included = mutationTests.include.map(globToRegExp);
const excluded = mutationTests.exclude.map(globToRegExp);
const testFiles = walk(join(root, 'tests'))
  .map(toPosix)
  .filter((file) => included.some((glob) => glob.test(file)) && !excluded.some((glob) => glob.test(file)));

const importPattern = /(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\s*\(\s*['"](\.[^'"]+)['"]\s*\)|import\s+['"](\.[^'"]+)['"]/g;

function resolveImport(fromFile: string, specifier: string): string | undefined {
  const base = resolve(root, dirname(fromFile), specifier.replace(/\.js$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return toPosix(candidate);
  }
  return undefined;
}

const importsOf = new Map<string, string[]>();
function directImports(file: string): string[] {
  let found = importsOf.get(file);
  if (!found) {
    const source = readFileSync(join(root, file), 'utf8');
    found = [...source.matchAll(importPattern)]
      .map((match) => resolveImport(file, (match[1] ?? match[2] ?? match[3])!))
      .filter((path): path is string => path !== undefined);
    importsOf.set(file, found);
  }
  return found;
}

function closure(file: string): Set<string> {
  const seen = new Set<string>();
  const pending = [file];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    pending.push(...directImports(next));
  }
  return seen;
}

const testClosures = new Map(testFiles.map((test) => [test, closure(test)]));
const testsReaching = (file: string) => testFiles.filter((test) => testClosures.get(test)!.has(file));

interface MutantResult {
  status: string;
  mutatorName: string;
  replacement?: string;
  statusReason?: string;
  location: { start: { line: number; column: number } };
}
interface FileScore {
  file: string;
  tests: number;
  killed: number;
  survived: number;
  noCoverage: number;
  ignored: MutantResult[];
  score: number | null;
}

function scoreOf(file: string, reportFile: string, tests: number): FileScore {
  const mutants: MutantResult[] = existsSync(reportFile)
    ? (JSON.parse(readFileSync(reportFile, 'utf8')).files[file]?.mutants ?? [])
    : [];
  const count = (...statuses: string[]) => mutants.filter((mutant) => statuses.includes(mutant.status)).length;
  const killed = count('Killed', 'Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const valid = killed + survived + noCoverage;
  return {
    file,
    tests,
    killed,
    survived,
    noCoverage,
    ignored: mutants.filter((mutant) => mutant.status === 'Ignored'),
    score: valid === 0 ? null : (100 * killed) / valid,
  };
}

const slug = (file: string) => file.replace(/^shared\//, '').replace(/\.ts$/, '').replace(/\//g, '.');

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const targets = (requested.length > 0 ? requested : walk(join(root, 'shared')).map(toPosix))
  .map((file) => toPosix(resolve(root, file)))
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
  .sort();

mkdirSync(reportDir, { recursive: true });
const scores: FileScore[] = [];
for (const file of targets) {
  const tests = testsReaching(file);
  const report = join(reportDir, slug(file));
  console.log(`\n=== ${file}: ${tests.length} test files`);
  if (tests.length > 0) {
    const run = spawnSync(process.execPath, [join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js'), 'run', '--mutate', file], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, MUTATE_TESTS: tests.join(','), MUTATION_REPORT: toPosix(report) },
    });
    if (run.status !== 0) console.log(`=== ${file}: Stryker ended with ${run.status}`);
  }
  scores.push(scoreOf(file, `${report}.json`, tests.length));
}

// Scores of files not run this time are kept from their last run, so one file can be re-measured.
const scoresFile = join(reportDir, 'scores.json');
const previous: FileScore[] = existsSync(scoresFile) ? JSON.parse(readFileSync(scoresFile, 'utf8')) : [];
const all = [...previous.filter((old) => !scores.some((fresh) => fresh.file === old.file)), ...scores].sort((a, b) => a.file.localeCompare(b.file));
writeFileSync(scoresFile, `${JSON.stringify(all, null, 2)}\n`);

const percent = (score: number | null) => (score === null ? 'no mutants' : `${score.toFixed(1)} %`);
const lines = [
  '# Mutation score per file of shared/',
  '',
  `Killed (or timed out) / (killed + survived + no coverage). Threshold ${threshold} %. Equivalent mutants are excluded where they arise with a \`// Stryker disable\` comment and listed below.`,
  '',
  '| File | Test files | Killed | Survived | No coverage | Score | Verdict |',
  '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ...all.map((s) => `| ${s.file} | ${s.tests} | ${s.killed} | ${s.survived} | ${s.noCoverage} | ${percent(s.score)} | ${s.score === null || s.score >= threshold ? 'ok' : 'BELOW'} |`),
  '',
  '## Equivalent mutants (excluded)',
  '',
  ...all.flatMap((s) =>
    s.ignored.map((m) => `- ${s.file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName}${m.replacement ? ` → \`${m.replacement.replace(/\s+/g, ' ').slice(0, 60)}\`` : ''}: ${m.statusReason ?? ''}`),
  ),
];
writeFileSync(join(reportDir, 'scores.md'), `${lines.join('\n')}\n`);
console.log(`\n${lines.slice(4, 6 + all.length).join('\n')}`);
const below = all.filter((s) => s.score !== null && s.score < threshold);
console.log(below.length === 0 ? `\nEvery file at or above ${threshold} %.` : `\n${below.length} file(s) below ${threshold} %.`);
process.exitCode = below.length === 0 ? 0 : 1;
