// Data in and out: import of the case system's extract, saved column mappings, the audit log,
// export tables, backups and restore.
import { z } from 'zod';
import type { CaseEvent } from '../../domain';
import type { ImportError } from '../../import';
import { CANONICAL_COLUMNS, type CanonicalColumn } from '../../importColumns';
import type { ExportColumn, ExportRow } from '../../importExport';
import { ADMINISTRATORS, CASE_READERS, id, method, noInput, type CallerRole } from '../define';
import { isoDate, shortText } from '../schemas';

/** How an extract's bytes were read (db/import.ts decodeExtract). */
export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le';

export interface ImportCounts {
  /** Cases new to the store. */
  inserted: number;
  /** Cases already in the store that the file changed. */
  updated: number;
  /** Cases already in the store exactly as in the file. */
  unchanged: number;
}

/** What an import did (or, in a preview, would do); db/import.ts produces it. */
export interface ImportResult extends ImportCounts {
  encoding: TextEncoding;
  delimiter: string;
  /** Data rows in the file. */
  rows: number;
  cases: number;
  grants: number;
  newTeams: string[];
  newCaseworkers: string[];
}

export interface ImportPreview {
  /** True when the whole file is valid and would import. */
  ok: boolean;
  encoding: TextEncoding;
  delimiter: string;
  headers: string[];
  /** The file's header used for each canonical column, or null when absent. */
  columns: Record<CanonicalColumn, string | null>;
  rows: number;
  /** The first rows as the file has them (CPR-like values masked). */
  sample: string[][];
  /** What the import would do; null when the file has errors. */
  result: ImportResult | null;
  errors: ImportError[];
  totalErrors: number;
}

export interface ImportProfile {
  id: number;
  name: string;
  mapping: Partial<Record<CanonicalColumn, string>>;
  updatedAt: string;
}

export interface AuditEntry extends CaseEvent {
  caseNumber: string | null;
  /** The event in Danish words: "Flyttet", "Bevilling tilføjet". */
  typeLabel: string;
  /** from/to as a person reads them: column, team and person names instead of ids. */
  fromText: string | null;
  toText: string | null;
}

export interface AuditPage {
  total: number;
  entries: AuditEntry[];
  /** Every event type in the log, for the type filter. */
  types: string[];
}

export interface SnapshotInfo {
  file: string;
  createdAt: string;
  reason: 'start' | 'daily' | 'manual' | 'before-restore';
  bytes: number;
}

export interface BackupOverview {
  folder: string;
  keepDays: number;
  snapshots: SnapshotInfo[];
  /** The latest snapshot or restore started from the app, while running and after. */
  job: BackupJob | null;
}

/** A snapshot or restore the API started; it takes time, so the renderer polls for its outcome (db/backup.ts). */
export interface BackupJob {
  operation: 'snapshot' | 'restore';
  running: boolean;
  startedAt: string;
  finishedAt: string | null;
  ok: boolean | null;
  /** Danish, for the user. */
  message: string | null;
  file: string | null;
  /** What the running job is doing now (db/backup.ts); null once it has finished. */
  phase: BackupPhase | null;
}

/**
 * A snapshot copies the store (in one step, so the copy is one consistent moment) and checks the
 * copy; a restore checks the snapshot, snapshots the store as it is, copies the snapshot in and
 * brings it up to this version's schema.
 */
export type BackupPhase = 'copy' | 'check' | 'before' | 'restore' | 'migrate';

export const EXPORT_TABLES = ['cases', 'grants', 'audit'] as const;
export type ExportTableName = (typeof EXPORT_TABLES)[number];

export interface ExportTable {
  title: string;
  columns: ExportColumn[];
  rows: ExportRow[];
}

/** 20 MB of HTTP body: the base64 of a file up to about 15 MB. */
export const base64File = z
  .string()
  .min(1, { message: 'input.fileEmpty' })
  .max(20_000_000, { message: 'input.fileTooBig' })
  .refine((s) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s), { message: 'input.fileBase64' });

const mapping = z.partialRecord(z.enum(CANONICAL_COLUMNS), z.string().trim().min(1).max(200));

const importInput = z
  .object({
    fileName: z.string().trim().min(1).max(255),
    contentBase64: base64File,
    mapping: mapping.optional(),
  })
  .strict();

const auditFilter = z
  .object({
    actorId: id.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    caseNumber: z.string().trim().min(1).max(50).optional(),
    type: z.string().trim().min(1).max(50).optional(),
    limit: z.number().int().min(1).max(5_000).default(200),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

/** The audit log is department-wide: it is read by the department head and the administrators. */
export const AUDIT_READERS: readonly CallerRole[] = ['department_head', 'administrator'];
/** The case system's extract covers every team: imported by the department head or an administrator. */
export const IMPORTERS: readonly CallerRole[] = ['department_head', 'administrator'];

export const dataMethods = {
  /** Validates the file and reports what an import would do, writing nothing. */
  previewImport: method<ImportPreview>()(importInput, { write: false, access: { roles: IMPORTERS }, summary: 'Parses a case-system extract (base64) and reports what an import would insert, update and leave, or its row-level errors.' }),
  /** Imports the whole file or nothing. */
  runImport: method<ImportResult>()(importInput, { write: true, access: { roles: IMPORTERS }, summary: 'Imports a case-system extract in one transaction; nothing is written unless every row is valid.' }),
  listImportProfiles: method<ImportProfile[]>()(noInput, { write: false, access: { roles: IMPORTERS }, summary: 'Saved column mappings for imports.' }),
  /** Saves a column mapping under a name (replacing one of the same name). */
  saveImportProfile: method<ImportProfile>()(z.object({ name: shortText(80), mapping }).strict(), { write: true, access: { roles: IMPORTERS }, summary: 'Saves a column mapping for later imports.' }),
  deleteImportProfile: method<{ deleted: boolean }>()(z.object({ id }).strict(), { write: true, access: { roles: IMPORTERS }, summary: 'Deletes a saved column mapping.' }),
  listAudit: method<AuditPage>()(auditFilter, { write: false, access: { roles: AUDIT_READERS }, lookup: { purpose: 'Revisionsloggen', list: (p) => ({ teamId: null, count: p.entries.length }) }, summary: 'The audit log: who changed what and when, filtered by person, period, case and type.' }),
  /** A list or report as rows for CSV/XLSX export. */
  exportTable: method<ExportTable>()(
    z.object({ table: z.enum(EXPORT_TABLES), teamId: id.optional(), filter: auditFilter.omit({ limit: true, offset: true }).optional() }).strict(),
    { write: false, access: { roles: [...CASE_READERS, 'administrator'], team: { from: 'team', field: 'teamId' } }, lookup: { purpose: 'Eksport', cases: (t) => ({ caseNumbers: t.rows.flatMap((r) => { const n = r['case_number'] ?? r['caseNumber']; return typeof n === 'string' ? [n] : []; }) }) }, summary: 'A list or report as rows with Danish headers, for CSV and XLSX export.' },
  ),
  listBackups: method<BackupOverview>()(noInput, { write: false, access: { roles: ADMINISTRATORS }, summary: 'The store\'s snapshots and how long they are kept.' }),
  /** Starts a snapshot now; poll listBackups for the outcome. */
  createBackup: method<{ started: boolean }>()(noInput, { write: true, access: { roles: ADMINISTRATORS }, summary: 'Takes a snapshot of the store now (SQLite online backup).' }),
  /** Backs up the current store, then restores the chosen snapshot. */
  restoreBackup: method<{ started: boolean }>()(
    z.object({
      file: z.string().regex(/^flowtavle-(?:[0-9a-f]{32}-)?[0-9TZ-]+-[a-z-]+\.db$/, { message: 'input.unknownBackup' }),
      /** Restore another store's snapshot all the same (its content replaces this store's). */
      force: z.boolean().optional(),
    }).strict(),
    { write: true, access: { roles: ADMINISTRATORS }, summary: 'Restores a snapshot; the current store is snapshotted first. Another store\'s snapshot is refused unless force is set.' },
  ),
  setBackupKeepDays: method<{ keepDays: number }>()(z.object({ days: z.number().int().min(1).max(3650) }).strict(), { write: true, access: { roles: ADMINISTRATORS }, summary: 'Sets for how many days snapshots are kept.' }),
};
