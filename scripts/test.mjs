// npm test: typecheck, lint, build the renderer, then the unit and store tests and the end-to-end tests
// in real Chromium. Ends with one "N passed, N failed" line for the whole run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const reports = mkdtempSync(join(tmpdir(), 'flowtavle-test-report-'));
let passed = 0;
let failed = 0;
let broken = false;

function step(label, command, args) {
  console.log(`\n=== ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root });
  console.log(`=== ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} (${Math.round((Date.now() - started) / 1000)} s)`);
  return result.status === 0;
}

function vitest(project) {
  const report = join(reports, `${project}.json`);
  const ok = step(`${project} tests`, bin('vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  if (existsSync(report)) {
    const result = JSON.parse(readFileSync(report, 'utf8'));
    passed += result.numPassedTests;
    failed += result.numFailedTests;
    if (!ok && result.numFailedTests === 0) broken = true; // a file that failed to load
  } else if (!ok) {
    broken = true;
  }
  return ok;
}

const typecheck = step('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
const lint = step('lint', process.execPath, [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js')]);
const build = step('build renderer', process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
const unit = vitest('unit');
const e2e = build ? vitest('e2e') : false;
if (!typecheck || !lint || !build) failed += 1;
if (broken) failed += 1;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(typecheck && lint && build && unit && e2e ? 0 : 1);
