import { copyFileSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync, openSync, writeSync, closeSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  backupFolder, checkStoreAtStart, createSnapshot, listSnapshots, pruneSnapshots, replaceStoreWithSnapshot, restoreSnapshot,
  snapshotFileName, startBackupSchedule, storeIdOf, lastBackupError, ForeignSnapshotError,
} from '../../db/backup';
import { closeStore, openStore, type Db } from '../../db/connection';
import { createService } from '../../db/service';
import { createTeam } from '../../db/teams';
import { initEmptyWorkspace } from '../../db/workspace';

function newStore(): { path: string; db: Db } {
  const path = join(mkdtempSync(join(tmpdir(), 'flowtavle-backup-')), 'flowtavle.db');
  const db = openStore(path);
  initEmptyWorkspace(db, 'Testafdeling');
  createTeam(db, { name: 'Team A', caseworkers: 2, actorId: null, at: '2026-11-23T08:00:00.000Z' });
  db.prepare(`INSERT INTO people (name, initials, role, team_id) VALUES ('Lene Leder', 'LL', 'leader', 1)`).run();
  return { path, db };
}

const teams = (db: Db) => (db.prepare('SELECT name FROM teams ORDER BY id').all() as { name: string }[]).map((t) => t.name);

describe('snapshots', () => {
  it('writes a checked snapshot into the backups folder beside the store and lists it', async () => {
    const { path, db } = newStore();
    const snapshot = await createSnapshot(db, { reason: 'manual', now: new Date('2026-11-23T10:00:00.000Z') });
    // The name carries the store's id: a snapshot belongs to its store.
    expect(snapshot.file).toBe(`flowtavle-${storeIdOf(db)}-2026-11-23T10-00-00-000Z-manual.db`);
    expect(storeIdOf(db)).toMatch(/^[0-9a-f]{32}$/);
    expect(snapshot.path).toBe(join(backupFolder(path), snapshot.file));
    expect(listSnapshots(path).map((s) => s.file)).toEqual([snapshot.file]);
    const copy = openStore(snapshot.path, { readonly: true });
    expect(teams(copy)).toEqual(['Team A']);
    copy.close();
    // Same millisecond again: a second file, not an overwrite.
    const second = await createSnapshot(db, { reason: 'manual', now: new Date('2026-11-23T10:00:00.000Z') });
    expect(second.file).not.toBe(snapshot.file);
    expect(listSnapshots(path)).toHaveLength(2);
    closeStore(db);
  });

  it('keeps snapshots for the chosen number of days but always the newest', async () => {
    const { path, db } = newStore();
    for (const day of ['2026-10-01', '2026-11-01', '2026-11-20']) await createSnapshot(db, { reason: 'daily', now: new Date(`${day}T03:00:00.000Z`) });
    writeFileSync(join(backupFolder(path), `${snapshotFileName(new Date(), 'daily')}.partial`), 'half');
    const id = storeIdOf(db);
    expect(pruneSnapshots(path, 30, new Date('2026-11-23T12:00:00.000Z'))).toEqual([`flowtavle-${id}-2026-10-01T03-00-00-000Z-daily.db`]);
    expect(readdirSync(backupFolder(path)).some((f) => f.endsWith('.partial'))).toBe(false);
    expect(pruneSnapshots(path, 1, new Date('2027-06-01T12:00:00.000Z'))).toEqual([`flowtavle-${id}-2026-11-01T03-00-00-000Z-daily.db`]);
    expect(listSnapshots(path).map((s) => s.file)).toEqual([`flowtavle-${id}-2026-11-20T03-00-00-000Z-daily.db`]);
    closeStore(db);
  });

  it('takes a start snapshot when the schedule starts', async () => {
    const { path, db } = newStore();
    const schedule = startBackupSchedule(db, { intervalMs: 3_600_000 });
    const snapshot = await schedule.started;
    schedule.stop();
    expect(snapshot.reason).toBe('start');
    expect(listSnapshots(path)[0]!.file).toBe(snapshot.file);
    closeStore(db);
  });
});

describe('restore', () => {
  it('round-trips: the restored store equals the snapshot, and the store before it was backed up first', async () => {
    const { path, db } = newStore();
    const snapshot = await createSnapshot(db, { reason: 'manual' });
    createTeam(db, { name: 'Team B', actorId: null, at: '2026-11-23T09:00:00.000Z' });
    expect(teams(db)).toEqual(['Team A', 'Team B']);

    const result = await restoreSnapshot(db, snapshot.file, { actorId: 1, now: () => new Date('2026-11-23T11:00:00.000Z') });
    // The same open connection sees the restored data.
    expect(teams(db)).toEqual(['Team A']);
    expect(db.prepare(`SELECT type, actor_id, to_value FROM events WHERE entity = 'store'`).all()).toEqual([
      { type: 'restored', actor_id: 1, to_value: snapshot.file },
    ]);
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    const before = openStore(result.before.path, { readonly: true });
    expect(teams(before)).toEqual(['Team A', 'Team B']);
    before.close();
    // And back again: restoring the "before" snapshot brings Team B back.
    await restoreSnapshot(db, result.before.file, { actorId: 1 });
    expect(teams(db)).toEqual(['Team A', 'Team B']);
    closeStore(db);
    const reopened = openStore(path);
    expect(teams(reopened)).toEqual(['Team A', 'Team B']);
    closeStore(reopened);
  });

  it('restores over the API for administrators only, and reports the outcome', async () => {
    const { db } = newStore();
    db.prepare(`INSERT INTO people (name, initials, role, team_id) VALUES ('Carl Caseworker', 'CC', 'caseworker', 1)`).run();
    const admin = Number(db.prepare(`INSERT INTO people (name, initials, role, team_id) VALUES ('Adam Admin', 'AA', 'administrator', NULL)`).run().lastInsertRowid);
    const service = createService(db);
    const snapshot = await createSnapshot(db, { reason: 'manual' });
    for (const person of [1, 2]) {
      expect(service.dispatch('restoreBackup', { file: snapshot.file }, service.as(person))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(service.dispatch('restoreBackup', { file: 'flowtavle-2020-01-01T00-00-00-000Z-manual.db' }, service.as(admin))).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(service.dispatch('restoreBackup', { file: '../../etc/passwd' }, service.as(admin))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    createTeam(db, { name: 'Team C', actorId: null, at: '2026-11-23T09:00:00.000Z' });
    expect(service.dispatch('restoreBackup', { file: snapshot.file }, service.as(admin))).toEqual({ ok: true, value: { started: true } });
    for (let i = 0; i < 200 && (service.dispatch('listBackups', {}, service.as(admin)) as { value: { job: { running: boolean } } }).value.job.running; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const overview = service.dispatch('listBackups', {}, service.as(admin));
    expect(overview).toMatchObject({ ok: true, value: { job: { operation: 'restore', running: false, ok: true, file: snapshot.file }, keepDays: 30 } });
    expect(teams(db)).toEqual(['Team A']);
    closeStore(db);
  });
});

describe('the check at start', () => {
  it('passes a good store and a missing one', () => {
    const { path, db } = newStore();
    closeStore(db);
    expect(checkStoreAtStart(path).ok).toBe(true);
    expect(checkStoreAtStart(join(tmpdir(), 'findes-ikke.db')).ok).toBe(true);
  });

  it('finds a broken store, explains in Danish and offers the newest good snapshot, which replaces it', async () => {
    const { path, db } = newStore();
    const older = await createSnapshot(db, { reason: 'daily', now: new Date('2026-11-20T03:00:00.000Z') });
    const newest = await createSnapshot(db, { reason: 'daily', now: new Date('2026-11-22T03:00:00.000Z') });
    closeStore(db);
    // A newer snapshot that is itself damaged must be passed over.
    const damagedSnapshot = join(backupFolder(path), 'flowtavle-2026-11-23T03-00-00-000Z-daily.db');
    writeFileSync(damagedSnapshot, 'not a database at all, just text that is long enough to fill a header '.repeat(20));
    // Damage the store: overwrite pages after the header with garbage.
    const size = statSync(path).size;
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(size - 4096, 0x5a), 0, size - 4096, 4096);
    closeSync(fd);

    const check = checkStoreAtStart(path);
    expect(check.ok).toBe(false);
    expect(check.snapshot?.file).toBe(newest.file);
    expect(check.message).toMatch(/beskadiget.*nyeste gode sikkerhedskopi/s);
    expect(older.file).not.toBe(newest.file);

    const { brokenCopy } = replaceStoreWithSnapshot(path, check.snapshot!.file, new Date('2026-11-23T12:00:00.000Z'));
    expect(brokenCopy && existsSync(brokenCopy)).toBe(true);
    expect(checkStoreAtStart(path).ok).toBe(true);
    const restored = openStore(path);
    expect(teams(restored)).toEqual(['Team A']);
    closeStore(restored);
  });
});

describe('snapshots belong to their store', () => {
  /** A second store's snapshot, put into this store's backups folder (a copied USB stick, a shared drive). */
  async function foreignSnapshotIn(path: string): Promise<string> {
    const other = newStore();
    createTeam(other.db, { name: 'Fremmed team', actorId: null, at: '2026-11-23T08:00:00.000Z' });
    const snap = await createSnapshot(other.db, { reason: 'manual', now: new Date('2026-11-23T10:30:00.000Z') });
    closeStore(other.db);
    copyFileSync(snap.path, join(backupFolder(path), snap.file));
    return snap.file;
  }

  it('refuses another store\'s snapshot in Danish unless forced, and keeps its own id when forced', async () => {
    const { path, db } = newStore();
    await createSnapshot(db, { reason: 'manual' });
    const foreign = await foreignSnapshotIn(path);
    const ownId = storeIdOf(db);
    await expect(restoreSnapshot(db, foreign, { actorId: null })).rejects.toThrow(ForeignSnapshotError);
    await expect(restoreSnapshot(db, foreign, { actorId: null })).rejects.toThrow(/tilhører en anden Flowtavle-database.*--force/s);
    expect(teams(db)).toEqual(['Team A']);
    // Over the API: a conflict said at once, nothing started.
    const admin = Number(db.prepare(`INSERT INTO people (name, initials, role, team_id) VALUES ('Adam Admin', 'AA', 'administrator', NULL)`).run().lastInsertRowid);
    const service = createService(db);
    const refused = service.dispatch('restoreBackup', { file: foreign }, service.as(admin));
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'foreign_snapshot' } } });
    const forced = await restoreSnapshot(db, foreign, { actorId: null, force: true });
    expect(forced.warning).toMatch(/anden databases sikkerhedskopi/);
    expect(teams(db)).toEqual(['Team A', 'Fremmed team']);
    expect(storeIdOf(db)).toBe(ownId);
    closeStore(db);
  });

  it('accepts a snapshot from before stores had ids, with a warning', async () => {
    const { path, db } = newStore();
    const snap = await createSnapshot(db, { reason: 'manual', now: new Date('2026-11-20T10:00:00.000Z') });
    const legacyName = 'flowtavle-2026-11-20T10-00-00-000Z-manual.db';
    const legacy = openStore(snap.path);
    legacy.prepare("DELETE FROM workspace WHERE key = 'store_id'").run();
    closeStore(legacy);
    renameSync(snap.path, join(backupFolder(path), legacyName));
    const result = await restoreSnapshot(db, legacyName, { actorId: null });
    expect(result.warning).toMatch(/fra før databaser fik et id/);
    closeStore(db);
  });

  it('the start-up offer passes over another store\'s snapshot', async () => {
    const { path, db } = newStore();
    const own = await createSnapshot(db, { reason: 'daily', now: new Date('2026-11-20T03:00:00.000Z') });
    closeStore(db);
    const foreign = await foreignSnapshotIn(path);
    // Damage the store's last pages (indexes), so its id on an early page can still be read.
    const size = statSync(path).size;
    const from = size - 4096 * 3;
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(size - from, 0x5a), 0, size - from, from);
    closeSync(fd);
    const check = checkStoreAtStart(path);
    expect(check.ok).toBe(false);
    expect(check.snapshot?.file).toBe(own.file);
    expect(check.snapshot?.file).not.toBe(foreign);
    expect(() => replaceStoreWithSnapshot(path, foreign)).toThrow(/tilhører en anden Flowtavle-database/);
  });
});

describe('a failed backup is visible in the app', () => {
  it('records a start-up backup into an unwritable folder in Danish for the banner, and clears it on success', async () => {
    const { path, db } = newStore();
    // The backups folder cannot be made: a file stands where it should be.
    writeFileSync(backupFolder(path), 'ikke en mappe');
    const errors: unknown[] = [];
    const schedule = startBackupSchedule(db, { intervalMs: 3_600_000, onError: (e) => errors.push(e) });
    await expect(schedule.started).rejects.toThrow();
    schedule.stop();
    await new Promise((r) => setTimeout(r, 10));
    expect(errors).toHaveLength(1);
    const recorded = lastBackupError(db);
    expect(recorded?.message).toMatch(/^Sikkerhedskopien kunne ikke gemmes/);
    const service = createService(db);
    expect(service.dispatch('getBackupHealth', {}, service.as(1))).toEqual({ ok: true, value: { lastError: recorded } });
    rmSync(backupFolder(path));
    const again = startBackupSchedule(db, { intervalMs: 3_600_000 });
    await again.started;
    again.stop();
    expect(lastBackupError(db)).toBeNull();
    closeStore(db);
  });

  it('says a full disk in Danish', async () => {
    const { describeBackupError } = await import('../../db/backup');
    expect(describeBackupError(Object.assign(new Error('no space'), { code: 'ENOSPC' }))).toMatch(/Disken er fuld/);
  });
});
