import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeStore, openStore } from '../../db/connection';
import { runCli, tempDir } from '../support/server';

describe('the command line', () => {
  it('makes the demo department with the seed\'s totals', async () => {
    const out = join(tempDir(), 'x.db');
    const { code, stdout } = await runCli(['demo', '--out', out, '--json']);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ citizens: 4232, people: 71, teams: 7 });
    expect(existsSync(out)).toBe(true);
    // The seed's 6,404 cases, plus the follow-up items the demo pulls and closes (how many depends
    // on the day the demo is made for, since an item that is revisited opens another).
    const db = openStore(out);
    try {
      const items = (db.prepare('SELECT COUNT(*) AS n FROM follow_up_items').get() as { n: number }).n;
      expect(items).toBeGreaterThanOrEqual(6);
      expect(summary.cases - items).toBe(6404);
    } finally {
      closeStore(db);
    }
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
