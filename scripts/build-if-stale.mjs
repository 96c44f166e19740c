// Rebuilds the renderer (and Electron's bundles) only when their sources are newer than the output.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function step(label, command, args) {
  console.log(label);
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

export function buildIfStale({ electron = false } = {}) {
  const sources = Math.max(newest(join(root, 'renderer')), newest(join(root, 'shared')), newest(join(root, 'package.json')));
  const rendererOut = join(root, 'dist', 'renderer', 'index.html');
  if (!existsSync(rendererOut) || statSync(rendererOut).mtimeMs < sources) {
    step('Bygger brugerfladen …', process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
  }
  if (electron) {
    const mainSources = Math.max(newest(join(root, 'electron')), newest(join(root, 'db')), newest(join(root, 'shared')));
    const mainOut = join(root, 'dist-electron', 'main.cjs');
    if (!existsSync(mainOut) || statSync(mainOut).mtimeMs < mainSources) {
      step('Bygger Electron-delen …', process.execPath, [join(root, 'scripts', 'build-electron.mjs')]);
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) buildIfStale();
