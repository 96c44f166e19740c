import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/server';

describe('the command line', () => {
  it('makes the demo department with the seed\'s totals', async () => {
    const out = join(tempDir(), 'x.db');
    const { code, stdout } = await runCli(['demo', '--out', out, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ cases: 6404, citizens: 4232, people: 71, teams: 7 });
    expect(existsSync(out)).toBe(true);
  });

  it('makes an empty workspace with init and refuses to overwrite it', async () => {
    const path = join(tempDir(), 'tom.db');
    expect((await runCli(['init', '--db', path, '--json'])).code).toBe(0);
    const again = await runCli(['init', '--db', path]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('Der findes allerede en database');
  });

  it('explains a wrong argument and exits non-zero', async () => {
    const unknown = await runCli(['demo', '--out', join(tempDir(), 'y.db'), '--scale', 'ti']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--scale skal være et helt tal');
    const noCommand = await runCli(['flyt']);
    expect(noCommand.code).toBe(2);
    expect(noCommand.stderr).toContain('Ukendt kommando: flyt');
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('demo --out PATH');
  });
});
