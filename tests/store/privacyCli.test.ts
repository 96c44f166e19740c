// The data-protection commands as an administrator runs them on the server: privacy scan, redact
// and erase with --json and Danish refusals, and restore refusing another store's snapshot unless
// --force. Each runs the real CLI on a real store file.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFolder, createSnapshot } from '../../db/backup';
import { closeStore, openStore } from '../../db/connection';
import { createTeam } from '../../db/teams';
import { initEmptyWorkspace } from '../../db/workspace';
import { runCli, tempDir } from '../support/server';

function smallStore(): string {
  const path = join(tempDir(), 'flowtavle.db');
  const db = openStore(path);
  initEmptyWorkspace(db, 'Testafdeling');
  createTeam(db, { name: 'Team A', actorId: null, at: '2026-11-23T08:00:00.000Z' });
  const column = (db.prepare("SELECT id FROM board_columns WHERE team_id = 1 AND kind = 'done' ORDER BY position LIMIT 1").get() as { id: number }).id;
  db.exec(`INSERT INTO citizens (id, ref, initials) VALUES (1, 'B0000001', 'KL');
    INSERT INTO cases (id, case_number, citizen_id, team_id, kind, paragraph, column_id, sort_key, received_date, column_entered_at, notes)
    VALUES (1, '2015-000001', 1, 1, 'application', '85', ${column}, 1, '2015-01-05', '2015-06-01', 'Borgerens cpr er 24.12.74-1234');`);
  closeStore(db);
  return path;
}

describe('privacy on the command line', () => {
  it('scans, redacts and erases with --json, and refuses in Danish', async () => {
    const db = smallStore();
    const scan = await runCli(['privacy', 'scan', '--db', db, '--json']);
    expect(scan.code, scan.stderr).toBe(0);
    const found = JSON.parse(scan.stdout) as { findings: unknown[] };
    expect(found.findings).toEqual([{ table: 'cases', column: 'notes', rowId: 1, masked: '241274-XXXX', count: 1, redactable: true }]);
    expect(scan.stdout).not.toContain('1234');

    const wrong = await runCli(['privacy', 'redact', '--db', db, '--table', 'citizens', '--column', 'ref', '--row', '1', '--reason', 'Forsøg']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('citizens.ref kan ikke redigeres');

    const redacted = await runCli(['privacy', 'redact', '--db', db, '--table', 'cases', '--column', 'notes', '--row', '1', '--reason', 'Fundet ved scanning', '--json']);
    expect(redacted.code, redacted.stderr).toBe(0);
    expect(JSON.parse(redacted.stdout)).toMatchObject({ table: 'cases', column: 'notes', rowId: 1, replaced: 1 });
    expect((await runCli(['privacy', 'scan', '--db', db])).stdout).toContain('Ingen CPR-lignende tekst fundet.');

    const erased = await runCli(['privacy', 'erase', '--db', db, '--citizen', 'B0000001', '--reason', 'Opbevaringsperioden er udløbet', '--json']);
    expect(erased.code, erased.stderr).toBe(0);
    expect(JSON.parse(erased.stdout)).toMatchObject({ citizenId: 1, newRef: 'SLETTET-1', cases: 1 });
    const again = await runCli(['privacy', 'erase', '--db', db, '--citizen', 'B0000001', '--reason', 'Igen']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Borgeren B0000001 findes ikke.');

    const usage = await runCli(['privacy', 'slet', '--db', db]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('privacy scan');
  }, 120_000);

  it('restores another store\'s snapshot only with --force, with a Danish warning', async () => {
    const db = smallStore();
    const other = smallStore();
    const otherDb = openStore(other);
    const snap = await createSnapshot(otherDb, { reason: 'manual' });
    closeStore(otherDb);
    const mine = openStore(db);
    await createSnapshot(mine, { reason: 'manual' });
    closeStore(mine);
    copyFileSync(snap.path, join(backupFolder(db), snap.file));

    const refused = await runCli(['restore', '--db', db, '--snapshot', snap.file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('tilhører en anden Flowtavle-database');
    expect(refused.stderr).toContain('--force');
    const forced = await runCli(['restore', '--db', db, '--snapshot', snap.file, '--force', '--json']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toContain('Advarsel: --force');
    expect(JSON.parse(forced.stdout)).toMatchObject({ restored: snap.file, warning: expect.stringContaining('anden databases sikkerhedskopi') });
  }, 120_000);
});
