// The phases a snapshot and a restore report (db/backup.ts), and the command line's export,
// backup and restore with --json: the JSON alone on stdout, nothing on stderr.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupJob, createSnapshot, restoreSnapshot, startBackupJob } from '../../db/backup';
import { closeStore, openStore } from '../../db/connection';
import type { BackupPhase } from '../../shared/api/methods/data';

const REPO = resolve(import.meta.dirname, '../..');

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'electron/cli/main.ts'), ...args], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
}

describe('backup phases', () => {
  it('are told in order: a snapshot copies, then checks; a restore checks, backs up, restores, migrates', async () => {
    const db = openStore(join(mkdtempSync(join(tmpdir(), 'flowtavle-phases-')), 'flowtavle.db'));
    try {
      const snapshot: BackupPhase[] = [];
      const made = await createSnapshot(db, { reason: 'manual', onPhase: (p) => snapshot.push(p) });
      expect(snapshot).toEqual(['copy', 'check']);
      const restore: BackupPhase[] = [];
      await restoreSnapshot(db, made.file, { actorId: null, onPhase: (p) => restore.push(p) });
      expect(restore).toEqual(['check', 'before', 'restore', 'migrate']);
    } finally {
      closeStore(db);
    }
  });
});

describe('the backup job the Data view polls', () => {
  it('carries the phase its snapshot or restore is in, and none once finished', async () => {
    const db = openStore(join(mkdtempSync(join(tmpdir(), 'flowtavle-job-')), 'flowtavle.db'));
    const finished = async () => {
      while (backupJob(db)?.running) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    try {
      const seen: (BackupPhase | null | undefined)[] = [];
      const onPhase = () => seen.push(backupJob(db)?.phase);
      expect(startBackupJob(db, 'snapshot', async () => (await createSnapshot(db, { reason: 'manual', onPhase })).file)).toBe(true);
      await finished();
      expect(seen).toEqual(['copy', 'check']);
      expect(backupJob(db)).toMatchObject({ ok: true, phase: null });

      seen.length = 0;
      const file = backupJob(db)!.file!;
      expect(startBackupJob(db, 'restore', async () => (await restoreSnapshot(db, file, { actorId: null, onPhase })).restored.file)).toBe(true);
      await finished();
      // The restore's own snapshot of the store is its phase "before", never a snapshot job's copy/check.
      expect(seen).toEqual(['check', 'before', 'restore', 'migrate']);
      expect(backupJob(db)).toMatchObject({ ok: true, phase: null });
    } finally {
      closeStore(db);
    }
  });
});

describe('the command line with --json', () => {
  it('prints only the JSON on stdout and nothing on stderr for export, backup and restore', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowtavle-cli-json-'));
    const store = join(dir, 'flowtavle.db');
    openStore(store).close();

    const exported = cli('export', '--db', store, '--what', 'cases', '--out', join(dir, 'sager.xlsx'), '--json');
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual({ path: join(dir, 'sager.xlsx'), rows: 0 });

    const backup = cli('backup', '--db', store, '--json');
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    const { file } = JSON.parse(backup.stdout) as { file: string };
    expect(file).toMatch(/\.db$/);

    const restored = cli('restore', '--db', store, '--snapshot', file, '--json');
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ restored: file });
  }, 120_000);
});
