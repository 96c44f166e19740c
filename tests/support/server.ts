// Starts `serve` as a child process, as a user would with `npm run serve`, on a store of its own.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
const TSX = join(REPO, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
const CLI = join(REPO, 'electron', 'cli', 'main.ts');

export interface RunningServer {
  url: string;
  dbPath: string;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

export function tempDir(prefix = 'flowtavle-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The demo store made once per test run (see tests/e2e/globalSetup.ts), copied for each test file. */
export function demoStoreCopy(): string {
  const template = process.env.FLOWTAVLE_DEMO_TEMPLATE;
  if (!template || !existsSync(template)) throw new Error('the e2e global setup did not make the demo template');
  const dir = tempDir();
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'flowtavle.db');
  copyFileSync(template, path);
  return path;
}

export function runCli(args: string[], options: { input?: string } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(TSX, [CLI, ...args], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

export async function startServer(options: { dbPath?: string; port?: number; extraArgs?: string[] } = {}): Promise<RunningServer> {
  const dbPath = options.dbPath ?? demoStoreCopy();
  const child = spawn(TSX, [CLI, 'serve', '--db', dbPath, '--port', String(options.port ?? 0), ...(options.extraArgs ?? [])], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve did not start:\n${output}`)), 30_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /(https?:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (m) {
        clearTimeout(timer);
        done(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => fail(new Error(`serve exited with ${code}:\n${output}`)));
  });
  return {
    url,
    dbPath,
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
