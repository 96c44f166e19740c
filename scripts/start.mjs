// npm start: make sure Electron's binary and an Electron build of better-sqlite3 exist (fetching
// them on first use, since installs may skip Electron's download), build what is stale, launch.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

function fail(message) {
  console.error(`\nFlowtavle kunne ikke starte:\n  ${message}\n`);
  process.exit(1);
}

/** Runs a download step with its error output kept back: a failure becomes one line, not a stack trace. */
function runQuietly(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'pipe'], cwd: root, encoding: 'utf8', ...options });
  return { ok: result.status === 0, errors: `${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
}

/** The cause of a failed download, in Danish, from the tool's error output. */
function downloadProblem(errors) {
  const host = errors.match(/(?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET)\s+([\w.-]+)/)?.[1];
  if (/ENOTFOUND|EAI_AGAIN/.test(errors)) return `Navnet ${host ?? 'på serveren'} kunne ikke slås op – der er ingen internetforbindelse (eller DNS virker ikke).`;
  if (/ECONNREFUSED|ETIMEDOUT|ECONNRESET|socket hang up/.test(errors)) return `Forbindelsen til ${host ?? 'serveren'} blev afbrudt eller afvist (firewall eller proxy?).`;
  if (/self[- ]signed|certificate|CERT_/i.test(errors)) return 'Serverens certifikat blev ikke godkendt (en proxy med egen certifikatudsteder?). Sæt NODE_EXTRA_CA_CERTS til proxyens certifikat.';
  if (/checksum/i.test(errors)) return 'Den hentede fil havde en forkert kontrolsum. Prøv igen.';
  if (/\b40[34]\b/.test(errors)) return 'Filen findes ikke på serveren (eller adgang blev nægtet).';
  const first = errors.split('\n').map((line) => line.trim()).find((line) => line && !line.startsWith('at '));
  return first ? first.slice(0, 200) : 'ukendt fejl.';
}

// 1. Electron's binary (its install script may have been skipped, see package.json allowScripts).
let electronDir;
try {
  electronDir = dirname(require.resolve('electron/package.json'));
} catch {
  fail('Electron er ikke installeret. Kør "npm install" i Flowtavle-mappen og derefter "npm start" igen.');
}
const electronVersion = require('electron/package.json').version;
if (!existsSync(join(electronDir, 'path.txt')) || !existsSync(join(electronDir, 'dist'))) {
  console.log(`Henter Electron ${electronVersion} (første start) …`);
  const fetched = runQuietly(process.execPath, [join(electronDir, 'install.js')]);
  if (!fetched.ok) {
    fail(
      `Electron ${electronVersion} kunne ikke hentes: ${downloadProblem(fetched.errors)}\n  ` +
        'Kontrollér netværksforbindelsen (eller proxy-indstillingerne) og kør "npm start" igen.\n  ' +
        'Brug "npm run serve" for at køre Flowtavle i en browser uden Electron.',
    );
  }
}

// 2. better-sqlite3 for Electron's ABI, beside the Node build that the tests use.
const bindingDir = join(root, 'native', `electron-${electronVersion}`);
const binding = join(bindingDir, 'better_sqlite3.node');
if (!existsSync(binding)) {
  console.log(`Bygger better-sqlite3 til Electron ${electronVersion} (første start) …`);
  const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
  const work = join(root, 'native', 'build-tmp');
  rmSync(work, { recursive: true, force: true });
  cpSync(sqliteDir, work, { recursive: true, filter: (src) => !src.includes(`${join('build', 'Release')}`) });
  const prebuild = join(dirname(require.resolve('prebuild-install/package.json')), 'bin.js');
  const prebuilt = runQuietly(process.execPath, [prebuild, '--runtime', 'electron', '--target', electronVersion, '--arch', arch()], { cwd: work });
  const compiled = prebuilt.ok ? prebuilt : runQuietly('npx', ['--yes', 'node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${arch()}`,
    '--dist-url=https://electronjs.org/headers'], { cwd: work });
  const output = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!compiled.ok || !existsSync(output)) {
    fail(
      `better-sqlite3 kunne ikke bygges til Electron: ${downloadProblem(compiled.errors || prebuilt.errors)}\n  ` +
        '(Hverken et færdigbygget modul eller Electrons headers kunne hentes.) ' +
        'Kontrollér netværksforbindelsen og kør "npm start" igen, eller brug "npm run serve".',
    );
  }
  mkdirSync(bindingDir, { recursive: true });
  copyFileSync(output, binding);
  rmSync(work, { recursive: true, force: true });
}

// 3. Build what changed, then launch.
buildIfStale({ electron: true });
const electronBinary = require('electron');
const child = spawn(electronBinary, [root, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, FLOWTAVLE_NATIVE_BINDING: binding },
});
child.on('error', (error) => fail(`Electron kunne ikke startes (${error.code ?? error.message}). Slet mappen node_modules/electron/dist og kør "npm start" igen.`));
child.on('exit', (code) => process.exit(code ?? 0));
