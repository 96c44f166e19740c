// Backups of the store: SQLite's online backup into a "backups" folder beside the store, at
// start and daily, kept for a chosen number of days; a quick_check at start that offers the
// newest good snapshot instead of opening a broken store; restore that backs up first.
// The hosts (Electron main, `serve`, the CLI) call these functions; none of them needs Electron.
// A snapshot belongs to its store: its name carries the store's random id (workspace `store_id`),
// and restore refuses another store's snapshot unless forced. A failed scheduled backup is kept in
// the workspace (`last_backup_error`) so the app can say so, not only a console.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { migrate, schemaVersion, type Db } from './connection';
import { appendEvent } from './events';
import { workspaceSetting } from './settings';
import { DISK_FULL_MESSAGE, isDiskFull } from '../shared/faults';
import type { BackupJob, BackupPhase } from '../shared/api/methods/data';

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
  /** The id of the store it was taken of; null for a snapshot from before stores had ids. */
  storeId: string | null;
}

// flowtavle-<store id>-2026-11-23T10-00-00-000Z-start.db (without the id: taken before ids existed)
const SNAPSHOT_FILE = /^flowtavle-(?:([0-9a-f]{32})-)?(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z-]+)\.db$/;
const STORE_ID = /^[0-9a-f]{32}$/;

/** The store's random id (migration 013), or null for a store that has none. */
export function storeIdOf(db: Db): string | null {
  const id = workspaceSetting(db, 'store_id');
  return id !== undefined && STORE_ID.test(id) ? id : null;
}

/**
 * The id inside a store file, read without changing it; null when it has none. A damaged store that
 * SQLite cannot query is searched byte by byte: the workspace row keeps key and value side by side.
 */
export function storeIdInFile(path: string): string | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    return storeIdOf(db);
  } catch {
    return storeIdInBytes(path);
  } finally {
    db?.close();
  }
}

function storeIdInBytes(path: string): string | null {
  try {
    const bytes = [path, `${path}-wal`].filter((p) => existsSync(p)).map((p) => readFileSync(p).toString('latin1')).join('');
    const found = [...bytes.matchAll(/store_id([0-9a-f]{32})/g)].map((m) => m[1]!);
    // The newest write is the last one in the file or its log.
    return found.at(-1) ?? null;
  } catch {
    return null;
  }
}

export function backupFolder(storePath: string): string {
  return join(dirname(storePath), BACKUP_FOLDER_NAME);
}

export function snapshotFileName(at: Date, reason: SnapshotReason, storeId: string | null = null): string {
  return `flowtavle-${storeId ? `${storeId}-` : ''}${at.toISOString().replace(/[:.]/g, '-')}-${reason}.db`;
}

function parseSnapshot(folder: string, file: string): Snapshot | null {
  const m = SNAPSHOT_FILE.exec(file);
  if (!m || !(SNAPSHOT_REASONS as readonly string[]).includes(m[7]!)) return null;
  const path = join(folder, file);
  let bytes = 0;
  try {
    bytes = statSync(path).size;
  } catch {
    return null;
  }
  return { file, path, createdAt: `${m[2]}T${m[3]}:${m[4]}:${m[5]}.${m[6]}Z`, reason: m[7] as SnapshotReason, bytes, storeId: m[1] ?? null };
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

export type Ownership = 'own' | 'legacy' | 'foreign';

/**
 * Whose snapshot this is: the id inside the file decides (a renamed file does not fool it), the
 * name when the file has none; without either it predates ids ('legacy') and is accepted with a warning.
 */
export function snapshotOwnership(snapshot: Snapshot, storeId: string | null): Ownership {
  const id = storeIdInFile(snapshot.path) ?? snapshot.storeId;
  if (id === null || storeId === null) return 'legacy';
  return id === storeId ? 'own' : 'foreign';
}

/** Refused: a snapshot of another store. Danish; `force` (restore --force) overrides it. */
export class ForeignSnapshotError extends Error {
  constructor(readonly file: string, force: string) {
    super(
      `Sikkerhedskopien ${file} tilhører en anden Flowtavle-database end denne. Gendannes den, erstattes alt i denne database ` +
      `af den anden databases sager, personer og hændelser. ${force}`,
    );
    this.name = 'ForeignSnapshotError';
  }
}

export const FORCE_HINT_CLI = 'Er det virkelig meningen, så gentag med --force.';
export const FORCE_HINT_API = 'Er det virkelig meningen, kan en administrator gennemtvinge den (restoreBackup med force, eller restore --force på kommandolinjen).';

export function legacyWarning(file: string): string {
  return `Advarsel: sikkerhedskopien ${file} er fra før databaser fik et id, så det kan ikke kontrolleres, at den hører til denne database.`;
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
  /** Told when the copy starts and when its check starts. */
  onPhase?: (phase: 'copy' | 'check') => void;
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
  const storeId = storeIdOf(db);
  let file = snapshotFileName(at, options.reason, storeId);
  // Two snapshots in the same millisecond (a restore right after a start) must not collide.
  while (existsSync(join(folder, file))) {
    at = new Date(at.getTime() + 1);
    file = snapshotFileName(at, options.reason, storeId);
  }
  const partial = join(folder, `${file}.partial`);
  rmSync(partial, { force: true });
  tell(db, 'snapshot', 'copy', options.onPhase);
  await db.backup(partial, { progress: () => ALL_PAGES });
  tell(db, 'snapshot', 'check', options.onPhase);
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
  const stored = workspaceSetting(db, KEEP_DAYS_KEY);
  const days = stored !== undefined ? Number(stored) : NaN;
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
  const foreignSkipped = snapshot === null && newestGoodSnapshot(storePath, { includeForeign: true }) !== null;
  const message = snapshot
    ? `Databasen ${storePath} er beskadiget og kan ikke åbnes sikkert. Den nyeste gode sikkerhedskopi er fra ` +
      `${formatStamp(snapshot.createdAt)}. Vælg at gendanne den: den beskadigede fil gemmes ved siden af, så intet slettes. ` +
      'Ændringer efter sikkerhedskopien skal indtastes igen.'
    : `Databasen ${storePath} er beskadiget og kan ikke åbnes sikkert, og der er ingen god sikkerhedskopi af den i ` +
      `${backupFolder(storePath)}${foreignSkipped ? ' (kun sikkerhedskopier af en anden database, som ikke tilbydes)' : ''}. ` +
      'Kontakt IT-support, og start ikke Flowtavle på den beskadigede fil.';
  return { ok: false, message, problems: check.problems, snapshot };
}

function formatStamp(iso: string): string {
  const t = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(t.getDate())}.${pad(t.getMonth() + 1)}.${t.getFullYear()} kl. ${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

/**
 * The newest snapshot that passes quick_check and belongs to the store (or predates ids). The
 * broken store's id is read if it still can be; when it cannot, no snapshot can be ruled out.
 */
export function newestGoodSnapshot(storePath: string, options: { includeForeign?: boolean } = {}): Snapshot | null {
  const storeId = existsSync(storePath) ? storeIdInFile(storePath) : null;
  return listSnapshots(storePath).find((s) => checkStoreFile(s.path).ok && (options.includeForeign || snapshotOwnership(s, storeId) !== 'foreign')) ?? null;
}

/**
 * With the store closed: moves the broken store aside (never deletes it) and puts the snapshot
 * in its place. Returns where the broken store went.
 */
export function replaceStoreWithSnapshot(
  storePath: string, snapshotFile: string, now: Date = new Date(), options: { force?: boolean; forceHint?: string } = {},
): { brokenCopy: string | null; warning: string | null } {
  const snapshot = findSnapshot(storePath, snapshotFile);
  if (!snapshot) throw new Error(`no snapshot named ${snapshotFile}`);
  if (!checkStoreFile(snapshot.path).ok) throw new Error(`the snapshot ${snapshotFile} fails its quick_check`);
  const ownership = snapshotOwnership(snapshot, existsSync(storePath) ? storeIdInFile(storePath) : null);
  if (ownership === 'foreign' && !options.force) throw new ForeignSnapshotError(snapshotFile, options.forceHint ?? FORCE_HINT_CLI);
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
  return { brokenCopy, warning: ownership === 'legacy' ? legacyWarning(snapshotFile) : null };
}

export interface RestoreResult {
  /** The snapshot of the store as it was just before the restore. */
  before: Snapshot;
  restored: Snapshot;
  /** Danish, when the snapshot predates store ids (or was forced from another store). */
  warning: string | null;
}

/**
 * Restores a snapshot into the open store: the current store is snapshotted first, then the
 * snapshot is copied in with SQLite's backup (the store's connections stay valid and see the
 * restored data), migrated if it is older, and the restore is written to the event log.
 */
export async function restoreSnapshot(
  db: Db, snapshotFile: string,
  options: { actorId: number | null; now?: () => Date; force?: boolean; forceHint?: string; onPhase?: (phase: 'check' | 'before' | 'restore' | 'migrate') => void },
): Promise<RestoreResult> {
  const now = options.now ?? (() => new Date());
  const storePath = db.name;
  const snapshot = findSnapshot(storePath, snapshotFile);
  if (!snapshot) throw new Error(`no snapshot named ${snapshotFile}`);
  tell(db, 'restore', 'check', options.onPhase);
  const check = checkStoreFile(snapshot.path);
  if (!check.ok) throw new Error(`the snapshot ${snapshotFile} fails its quick_check: ${check.problems.join('; ')}`);
  const ownId = storeIdOf(db);
  const ownership = snapshotOwnership(snapshot, ownId);
  if (ownership === 'foreign' && !options.force) throw new ForeignSnapshotError(snapshotFile, options.forceHint ?? FORCE_HINT_CLI);
  tell(db, 'restore', 'before', options.onPhase);
  const before = await createSnapshot(db, { reason: 'before-restore', now: now() });
  tell(db, 'restore', 'restore', options.onPhase);
  const source = new Database(snapshot.path, { readonly: true, fileMustExist: true });
  try {
    await source.backup(storePath, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
  tell(db, 'restore', 'migrate', options.onPhase);
  migrate(db);
  db.transaction(() => {
    // The store keeps its own id: a snapshot from before ids got a fresh one from the migration,
    // and a forced one carries the other store's; later snapshots must still be this store's.
    if (ownId) db.prepare("INSERT OR REPLACE INTO workspace (key, value) VALUES ('store_id', ?)").run(ownId);
    appendEvent(db, {
      at: now().toISOString(), actorId: actorIdIfKnown(db, options.actorId), entity: 'store', type: 'restored', field: 'snapshot',
      from: before.file, to: snapshot.file,
      reason: `Gendannet fra sikkerhedskopien ${snapshot.file}${ownership === 'foreign' ? ' (en anden databases sikkerhedskopi, gennemtvunget)' : ''}`,
    });
  }).immediate();
  const warning = ownership === 'legacy' ? legacyWarning(snapshot.file)
    : ownership === 'foreign' ? `Advarsel: ${snapshot.file} var en anden databases sikkerhedskopi; dens indhold har nu erstattet denne databases.` : null;
  return { before, restored: snapshot, warning };
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
  const console_ = options.onError ?? ((error) => console.error('[flowtavle] backup failed:', error));
  const report = (error: unknown) => {
    recordBackupError(db, error);
    console_(error);
  };
  const take = async (reason: SnapshotReason) => {
    const snapshot = await createSnapshot(db, { reason });
    pruneSnapshots(db.name, readKeepDays(db));
    clearBackupError(db);
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

const LAST_ERROR_KEY = 'last_backup_error';

/** A backup failure in Danish: a full disk says so. */
export function describeBackupError(error: unknown): string {
  if (isDiskFull(error)) return `Sikkerhedskopien kunne ikke gemmes. ${DISK_FULL_MESSAGE}`;
  const code = (error as { code?: unknown })?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return `Sikkerhedskopien kunne ikke gemmes: Flowtavle må ikke skrive i mappen ${(error as { path?: string }).path ?? 'backups'}. Bed IT om skriveadgang, eller flyt databasen.`;
  }
  return `Sikkerhedskopien kunne ikke gemmes: ${(error as Error)?.message ?? String(error)}`;
}

/** Kept in the store so the app shows it (a banner for leaders and administrators), not only a console. */
export function recordBackupError(db: Db, error: unknown, at: Date = new Date()): void {
  if (!db.open) return;
  try {
    db.prepare('INSERT OR REPLACE INTO workspace (key, value) VALUES (?, ?)').run(LAST_ERROR_KEY, JSON.stringify({ at: at.toISOString(), message: describeBackupError(error) }));
  } catch {
    // A disk too full for the snapshot may be too full for this row too; the console still has it.
  }
}

export function clearBackupError(db: Db): void {
  if (db.open) db.prepare('DELETE FROM workspace WHERE key = ?').run(LAST_ERROR_KEY);
}

export function lastBackupError(db: Db): { at: string; message: string } | null {
  const stored = workspaceSetting(db, LAST_ERROR_KEY);
  if (stored === undefined) return null;
  try {
    const parsed = JSON.parse(stored) as { at?: unknown; message?: unknown };
    return typeof parsed.at === 'string' && typeof parsed.message === 'string' ? { at: parsed.at, message: parsed.message } : null;
  } catch {
    return null;
  }
}

// The API's backup methods start work that takes time; the renderer polls for its outcome.
const jobs = new WeakMap<Db, BackupJob>();

export function backupJob(db: Db): BackupJob | null {
  return jobs.get(db) ?? null;
}

/**
 * Tells a snapshot's or restore's phase to its caller and to the store's running job of that
 * kind (the one the Data view polls); a restore's own snapshot of the store is the restore's
 * phase "before", not a snapshot job's.
 */
function tell<P extends BackupPhase>(db: Db, operation: BackupJob['operation'], phase: P, onPhase?: (phase: P) => void): void {
  const job = jobs.get(db);
  if (job?.running && job.operation === operation) job.phase = phase;
  onPhase?.(phase);
}

/** Starts a snapshot or restore in the background; false when one is already running. */
export function startBackupJob(db: Db, operation: BackupJob['operation'], work: () => Promise<string>, now: () => Date = () => new Date()): boolean {
  if (jobs.get(db)?.running) return false;
  const job: BackupJob = { operation, running: true, startedAt: now().toISOString(), finishedAt: null, ok: null, message: null, file: null, phase: null };
  jobs.set(db, job);
  // Later, not now: the caller may be inside a write transaction that must commit first.
  new Promise((resolve) => setImmediate(resolve)).then(work).then(
    (file) => Object.assign(job, { running: false, ok: true, file, finishedAt: now().toISOString(), phase: null }),
    (error: unknown) =>
      Object.assign(job, {
        running: false, ok: false, finishedAt: now().toISOString(), phase: null,
        message: `${operation === 'restore' ? 'Gendannelsen' : 'Sikkerhedskopieringen'} mislykkedes: ${isDiskFull(error) ? DISK_FULL_MESSAGE : (error as Error).message}`,
      }),
  );
  return true;
}
