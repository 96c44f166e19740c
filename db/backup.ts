// Backups of the store: SQLite's online backup into a "backups" folder beside the store, at
// start and daily, kept for a chosen number of days; a quick_check at start that offers the
// newest good snapshot instead of opening a broken store; restore that backs up first.
// The hosts (Electron main, `serve`, the CLI) call these functions; none of them needs Electron.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { migrate, schemaVersion, type Db } from './connection';
import { appendEvent } from './events';

export const BACKUP_FOLDER_NAME = 'backups';
export const DEFAULT_KEEP_DAYS = 30;
export const DAY_MS = 86_400_000;
/** Pages per backup step: all of them, so the copy is one consistent moment. */
const ALL_PAGES = 0x7fffffff;

export const SNAPSHOT_REASONS = ['start', 'daily', 'manual', 'before-restore'] as const;
export type SnapshotReason = (typeof SNAPSHOT_REASONS)[number];

export interface Snapshot {
  /** File name inside the backups folder; what restore takes. */
  file: string;
  path: string;
  createdAt: string;
  reason: SnapshotReason;
  bytes: number;
}

// flowtavle-2026-11-23T10-00-00-000Z-start.db
const SNAPSHOT_FILE = /^flowtavle-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z-]+)\.db$/;

export function backupFolder(storePath: string): string {
  return join(dirname(storePath), BACKUP_FOLDER_NAME);
}

export function snapshotFileName(at: Date, reason: SnapshotReason): string {
  return `flowtavle-${at.toISOString().replace(/[:.]/g, '-')}-${reason}.db`;
}

function parseSnapshot(folder: string, file: string): Snapshot | null {
  const m = SNAPSHOT_FILE.exec(file);
  if (!m || !(SNAPSHOT_REASONS as readonly string[]).includes(m[6]!)) return null;
  const path = join(folder, file);
  let bytes = 0;
  try {
    bytes = statSync(path).size;
  } catch {
    return null;
  }
  return { file, path, createdAt: `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`, reason: m[6] as SnapshotReason, bytes };
}

/** The snapshots beside the store, newest first. */
export function listSnapshots(storePath: string): Snapshot[] {
  const folder = backupFolder(storePath);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .map((f) => parseSnapshot(folder, f))
    .filter((s): s is Snapshot => s !== null)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.file.localeCompare(a.file)));
}

/** The snapshot named `file`, or null (a name with a path in it is never accepted). */
export function findSnapshot(storePath: string, file: string): Snapshot | null {
  if (file !== basename(file)) return null;
  return listSnapshots(storePath).find((s) => s.file === file) ?? null;
}

export interface CheckResult {
  ok: boolean;
  /** What SQLite reported, in its words (for support), empty when ok. */
  problems: string[];
  schemaVersion: number | null;
}

/** PRAGMA quick_check on a store file, without changing it. */
export function checkStoreFile(path: string): CheckResult {
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    return { ok: problems.length === 0, problems, schemaVersion: schemaVersion(db) };
  } catch (error) {
    return { ok: false, problems: [(error as Error).message], schemaVersion: null };
  } finally {
    db?.close();
  }
}

export interface SnapshotOptions {
  reason: SnapshotReason;
  now?: Date;
}

/**
 * An online snapshot of the open store (better-sqlite3's db.backup, all pages in one step, so the copy is one
 * consistent moment). Written under a temporary name and renamed when checked, so a snapshot
 * cut short by a crash is never mistaken for a good one.
 */
export async function createSnapshot(db: Db, options: SnapshotOptions): Promise<Snapshot> {
  const storePath = db.name;
  const folder = backupFolder(storePath);
  mkdirSync(folder, { recursive: true });
  let at = options.now ?? new Date();
  let file = snapshotFileName(at, options.reason);
  // Two snapshots in the same millisecond (a restore right after a start) must not collide.
  while (existsSync(join(folder, file))) {
    at = new Date(at.getTime() + 1);
    file = snapshotFileName(at, options.reason);
  }
  const partial = join(folder, `${file}.partial`);
  rmSync(partial, { force: true });
  await db.backup(partial, { progress: () => ALL_PAGES });
  const check = checkStoreFile(partial);
  if (!check.ok) {
    rmSync(partial, { force: true });
    throw new Error(`the snapshot failed its quick_check: ${check.problems.join('; ')}`);
  }
  renameSync(partial, join(folder, file));
  return parseSnapshot(folder, file)!;
}

/** Deletes snapshots older than `keepDays`, but always keeps the newest one. Returns the deleted files. */
export function pruneSnapshots(storePath: string, keepDays: number, now: Date = new Date()): string[] {
  const snapshots = listSnapshots(storePath);
  const cutoff = now.getTime() - keepDays * DAY_MS;
  const removed: string[] = [];
  snapshots.slice(1).forEach((s) => {
    if (Date.parse(s.createdAt) < cutoff) {
      rmSync(s.path, { force: true });
      removed.push(s.file);
    }
  });
  // Leftovers of snapshots cut short by a crash.
  const folder = backupFolder(storePath);
  if (existsSync(folder)) {
    for (const f of readdirSync(folder)) if (f.endsWith('.partial')) rmSync(join(folder, f), { force: true });
  }
  return removed;
}

const KEEP_DAYS_KEY = 'backup_keep_days';

export function readKeepDays(db: Db): number {
  const row = db.prepare('SELECT value FROM workspace WHERE key = ?').get(KEEP_DAYS_KEY) as { value: string } | undefined;
  const days = row ? Number(row.value) : NaN;
  return Number.isInteger(days) && days >= 1 ? days : DEFAULT_KEEP_DAYS;
}

export function writeKeepDays(db: Db, days: number): void {
  if (!Number.isInteger(days) || days < 1 || days > 3650) throw new RangeError('keep days must be 1..3650');
  db.prepare('INSERT OR REPLACE INTO workspace (key, value) VALUES (?, ?)').run(KEEP_DAYS_KEY, String(days));
}

export interface StartupCheck {
  ok: boolean;
  /** Danish, for the user: what is wrong and what they can do. */
  message: string;
  problems: string[];
  /** The newest snapshot that passes quick_check, offered instead of the broken store. */
  snapshot: Snapshot | null;
}

/**
 * Run before opening the store. A missing store is fine (it is about to be created). On failure,
 * show `message` and offer `snapshot` (replaceStoreWithSnapshot) instead of opening the store.
 */
export function checkStoreAtStart(storePath: string): StartupCheck {
  if (!existsSync(storePath)) return { ok: true, message: '', problems: [], snapshot: null };
  const check = checkStoreFile(storePath);
  if (check.ok) return { ok: true, message: '', problems: [], snapshot: null };
  const snapshot = newestGoodSnapshot(storePath);
  const message = snapshot
    ? `Databasen ${storePath} er beskadiget og kan ikke åbnes sikkert. Den nyeste gode sikkerhedskopi er fra ` +
      `${formatStamp(snapshot.createdAt)}. Vælg at gendanne den: den beskadigede fil gemmes ved siden af, så intet slettes. ` +
      'Ændringer efter sikkerhedskopien skal indtastes igen.'
    : `Databasen ${storePath} er beskadiget og kan ikke åbnes sikkert, og der er ingen god sikkerhedskopi i ` +
      `${backupFolder(storePath)}. Kontakt IT-support, og start ikke Flowtavle på den beskadigede fil.`;
  return { ok: false, message, problems: check.problems, snapshot };
}

function formatStamp(iso: string): string {
  const t = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(t.getDate())}.${pad(t.getMonth() + 1)}.${t.getFullYear()} kl. ${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

export function newestGoodSnapshot(storePath: string): Snapshot | null {
  return listSnapshots(storePath).find((s) => checkStoreFile(s.path).ok) ?? null;
}

/**
 * With the store closed: moves the broken store aside (never deletes it) and puts the snapshot
 * in its place. Returns where the broken store went.
 */
export function replaceStoreWithSnapshot(storePath: string, snapshotFile: string, now: Date = new Date()): { brokenCopy: string | null } {
  const snapshot = findSnapshot(storePath, snapshotFile);
  if (!snapshot) throw new Error(`no snapshot named ${snapshotFile}`);
  if (!checkStoreFile(snapshot.path).ok) throw new Error(`the snapshot ${snapshotFile} fails its quick_check`);
  let brokenCopy: string | null = null;
  if (existsSync(storePath)) {
    brokenCopy = `${storePath}.beskadiget-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(storePath, brokenCopy);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(storePath + suffix)) renameSync(storePath + suffix, brokenCopy + suffix);
    }
  }
  const temporary = `${storePath}.gendannes`;
  copyFileSync(snapshot.path, temporary);
  renameSync(temporary, storePath);
  return { brokenCopy };
}

export interface RestoreResult {
  /** The snapshot of the store as it was just before the restore. */
  before: Snapshot;
  restored: Snapshot;
}

/**
 * Restores a snapshot into the open store: the current store is snapshotted first, then the
 * snapshot is copied in with SQLite's backup (the store's connections stay valid and see the
 * restored data), migrated if it is older, and the restore is written to the event log.
 */
export async function restoreSnapshot(db: Db, snapshotFile: string, options: { actorId: number | null; now?: () => Date }): Promise<RestoreResult> {
  const now = options.now ?? (() => new Date());
  const storePath = db.name;
  const snapshot = findSnapshot(storePath, snapshotFile);
  if (!snapshot) throw new Error(`no snapshot named ${snapshotFile}`);
  const check = checkStoreFile(snapshot.path);
  if (!check.ok) throw new Error(`the snapshot ${snapshotFile} fails its quick_check: ${check.problems.join('; ')}`);
  const before = await createSnapshot(db, { reason: 'before-restore', now: now() });
  const source = new Database(snapshot.path, { readonly: true, fileMustExist: true });
  try {
    await source.backup(storePath, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
  migrate(db);
  db.transaction(() => {
    appendEvent(db, {
      at: now().toISOString(), actorId: actorIdIfKnown(db, options.actorId), entity: 'store', type: 'restored', field: 'snapshot',
      from: before.file, to: snapshot.file, reason: `Gendannet fra sikkerhedskopien ${snapshot.file}`,
    });
  }).immediate();
  return { before, restored: snapshot };
}

/** The restored store may not know the person who restored it (added after the snapshot). */
function actorIdIfKnown(db: Db, actorId: number | null): number | null {
  if (actorId === null) return null;
  return db.prepare('SELECT 1 FROM people WHERE id = ?').get(actorId) ? actorId : null;
}

export interface BackupSchedule {
  /** The start snapshot; rejects if it failed. */
  started: Promise<Snapshot>;
  stop(): void;
}

/**
 * Snapshot now and then every `intervalMs` (a day), pruning to the store's chosen number of days
 * after each. Call once after opening the store; stop() before closing it.
 */
export function startBackupSchedule(
  db: Db,
  options: { intervalMs?: number; onError?: (error: unknown) => void; onSnapshot?: (s: Snapshot) => void } = {},
): BackupSchedule {
  const report = options.onError ?? ((error) => console.error('[flowtavle] backup failed:', error));
  const take = async (reason: SnapshotReason) => {
    const snapshot = await createSnapshot(db, { reason });
    pruneSnapshots(db.name, readKeepDays(db));
    options.onSnapshot?.(snapshot);
    return snapshot;
  };
  const started = take('start');
  started.catch(report);
  const timer = setInterval(() => {
    if (db.open) take('daily').catch(report);
  }, options.intervalMs ?? DAY_MS);
  timer.unref();
  return { started, stop: () => clearInterval(timer) };
}

// The API's backup methods start work that takes time; the renderer polls for its outcome.
export interface BackupJob {
  operation: 'snapshot' | 'restore';
  running: boolean;
  startedAt: string;
  finishedAt: string | null;
  ok: boolean | null;
  /** Danish, for the user. */
  message: string | null;
  file: string | null;
}

const jobs = new WeakMap<Db, BackupJob>();

export function backupJob(db: Db): BackupJob | null {
  return jobs.get(db) ?? null;
}

/** Starts a snapshot or restore in the background; false when one is already running. */
export function startBackupJob(db: Db, operation: BackupJob['operation'], work: () => Promise<string>, now: () => Date = () => new Date()): boolean {
  if (jobs.get(db)?.running) return false;
  const job: BackupJob = { operation, running: true, startedAt: now().toISOString(), finishedAt: null, ok: null, message: null, file: null };
  jobs.set(db, job);
  // Later, not now: the caller may be inside a write transaction that must commit first.
  new Promise((resolve) => setImmediate(resolve)).then(work).then(
    (file) => Object.assign(job, { running: false, ok: true, file, finishedAt: now().toISOString() }),
    (error: unknown) =>
      Object.assign(job, {
        running: false, ok: false, finishedAt: now().toISOString(),
        message: `${operation === 'restore' ? 'Gendannelsen' : 'Sikkerhedskopieringen'} mislykkedes: ${(error as Error).message}`,
      }),
  );
  return true;
}
