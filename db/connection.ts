import Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

export type Db = Database.Database;

export class StoreError extends Error {
  constructor(
    readonly code: 'newer_version' | 'not_a_store' | 'corrupt',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
  readonly?: boolean;
  /** Leave the schema as it is (for tests of migrations). */
  migrate?: boolean;
}

export function openStore(path: string, options: OpenOptions = {}): Db {
  const db = new Database(path, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readonly ? { readonly: true } : {}),
  });
  try {
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) db.pragma('journal_mode = WAL');
    // FULL: a case move the team saw succeed must survive a power cut.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    if (options.migrate !== false && !options.readonly) migrate(db);
    else assertNotFromTheFuture(db);
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new StoreError('not_a_store', `Filen ${path} er ikke en Flowtavle-database (eller den er beskadiget).`);
    }
    throw error;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function assertNotFromTheFuture(db: Db): void {
  const version = schemaVersion(db);
  if (version > SCHEMA_VERSION) {
    throw new StoreError(
      'newer_version',
      `Databasen er fra en nyere version af Flowtavle (skemaversion ${version}; denne version kender op til ${SCHEMA_VERSION}). ` +
        'Opdatér Flowtavle for at åbne den. Databasen er ikke ændret.',
    );
  }
}

/**
 * Applies the missing migrations, each in its own transaction together with its user_version.
 * Foreign keys are off while a migration runs (SQLite's procedure for rebuilding a table that others
 * refer to, as 010 does with people) and checked in full before it commits: a migration that would
 * leave a dangling reference is rolled back.
 */
export function migrate(db: Db, target = SCHEMA_VERSION): void {
  assertNotFromTheFuture(db);
  if (schemaVersion(db) >= target) return;
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    for (let version = schemaVersion(db); version < target; version++) {
      const step = db.transaction(() => {
        db.exec(MIGRATIONS[version]!);
        const dangling = db.pragma('foreign_key_check') as unknown[];
        if (dangling.length) throw new Error(`migration ${version + 1} leaves ${dangling.length} dangling references`);
        db.pragma(`user_version = ${version + 1}`);
      });
      step.immediate();
    }
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
}

/** Closes with the housekeeping SQLite recommends for long-lived connections. */
export function closeStore(db: Db): void {
  if (db.open) {
    try {
      if (!db.readonly) db.pragma('optimize');
    } finally {
      db.close();
    }
  }
}
