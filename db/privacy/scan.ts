// The CPR scan of a store that already holds data (stores from before the CPR guard, or a file
// someone edited by hand): every text value of every table, the event log included, read from the
// schema itself so a table added later is covered without touching this file. It reports where a
// CPR-shaped number sits, masked (010190-XXXX), never the digits.
import type { CprFinding as ReportedFinding, CprScanResult } from '../../shared/api/methods/privacy';
import { findAllCpr } from '../../shared/cpr';
import type { Db } from '../connection';
import { workspaceSetting } from '../settings';

/**
 * A finding as the scan sees it: rowId null in a WITHOUT ROWID table (then `key` names the row);
 * the service adds whether it may be redacted.
 */
export type CprFinding = Omit<ReportedFinding, 'redactable'>;

export type CprScan = Omit<CprScanResult, 'findings'> & { findings: CprFinding[] };

interface ColumnInfo { name: string; type: string; pk: number }

// Machine-made values: hashes and the store's random id are hex and would match by chance.
const MACHINE_COLUMNS = /(_hash|_token)$/;
const SKIPPED_TABLES = new Set(['redaction_window']);

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The user tables of the store, read from sqlite_master, with their columns. */
export function storeTables(db: Db): { name: string; withoutRowid: boolean; columns: ColumnInfo[] }[] {
  const tables = db
    .prepare<[], { name: string; sql: string | null }>("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all();
  return tables
    .filter((t) => !SKIPPED_TABLES.has(t.name))
    .map((t) => ({
      name: t.name,
      withoutRowid: /WITHOUT\s+ROWID/i.test(t.sql ?? ''),
      columns: db.prepare<[string], ColumnInfo>(`SELECT name, type, pk FROM pragma_table_info(?)`).all(t.name),
    }));
}

/** Which columns the scan reads: every column that can hold text, except machine-made ones. */
function scannedColumns(columns: ColumnInfo[]): ColumnInfo[] {
  // Any column may hold text in SQLite (typeof decides, below); numeric ones rarely do, but a
  // hand-edited file is exactly what the scan is for, so they are read too.
  return columns.filter((c) => !MACHINE_COLUMNS.test(c.name));
}

export function scanStore(db: Db): CprScan {
  const findings: CprFinding[] = [];
  let scannedRows = 0;
  const tables = storeTables(db);
  const storeId = workspaceSetting(db, 'store_id');
  for (const table of tables) {
    const columns = scannedColumns(table.columns);
    if (columns.length === 0) continue;
    const keyColumns = table.columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const keySelect = table.withoutRowid ? keyColumns.map((c) => quote(c.name)).join(', ') : 'rowid AS "__rowid"';
    // Only text of ten characters or more can hold a CPR number; the rest is skipped in SQL.
    const textColumns = columns.map((c) => `CASE WHEN typeof(${quote(c.name)}) = 'text' AND length(${quote(c.name)}) >= 10 THEN ${quote(c.name)} END AS ${quote(`__v_${c.name}`)}`);
    // Any table, read from the schema at run time: its row is known only by the aliases above.
    const rows = db.prepare<[], Record<string, unknown>>(`SELECT ${keySelect}, ${textColumns.join(', ')} FROM ${quote(table.name)}`).iterate();
    for (const row of rows) {
      scannedRows++;
      for (const column of columns) {
        // The store's own random id is hex, never a person's number.
        const value = row[`__v_${column.name}`];
        if (typeof value !== 'string' || (table.name === 'workspace' && value === storeId)) continue;
        const found = findAllCpr(value);
        if (found.length === 0) continue;
        findings.push({
          table: table.name,
          column: column.name,
          rowId: table.withoutRowid ? null : Number(row['__rowid']),
          ...(table.withoutRowid ? { key: Object.fromEntries(keyColumns.map((c) => [c.name, row[c.name]])) } : {}),
          masked: found[0]!.masked,
          count: found.length,
        });
      }
    }
  }
  return { findings, scannedTables: tables.length, scannedRows };
}
