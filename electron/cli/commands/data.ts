// import, export, backup and restore: the administrators' way to move data in and out.
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { closeStore, type Db } from '../../../db/connection';
import { checkStoreAtStart, createSnapshot, findSnapshot, ForeignSnapshotError, listSnapshots, pruneSnapshots, readKeepDays, restoreSnapshot, writeKeepDays } from '../../../db/backup';
import { exportTable, writeCsvFile, writeXlsxFile } from '../../../db/export';
import { importExtract } from '../../../db/import';
import { personContextFromStore } from '../../../db/service/access';
import { openWorkspace } from '../../../db/workspace';
import { contract } from '../../../shared/api/contract';
import { roleAllows } from '../../../shared/api/dispatch';
import { EXPORT_TABLES, type ExportTableName } from '../../../shared/api/methods/data';
import { localToday } from '../../../shared/dates';
import { formatNumber } from '../../../shared/format';
import { validateMapping, type ImportError } from '../../../shared/import';
import { isXlsx, rowsToCsv, workbookRows } from '../../../shared/importSheet';
import { DB_OPTION, intOption, JSON_OPTION, printJson, requiredString, stringOption, UsageError, type Command } from '../command';
import { backupPhaseText, importProgressText, progressLine, type ProgressLine } from '../progress';
import { storePath } from '../store';
import { IMPORT_FINANCE_USAGE, importFinance } from './finance';

function existingStore(values: Record<string, unknown>): string {
  const path = storePath(values);
  if (!existsSync(path)) throw new UsageError(`Databasen findes ikke: ${path}`);
  return path;
}

/** Runs one command's work on the store, closed again however the work ends. */
async function withWorkspace(path: string, work: (db: Db) => number | Promise<number>): Promise<number> {
  const { db } = openWorkspace(path);
  try {
    return await work(db);
  } finally {
    closeStore(db);
  }
}

/** A snapshot of another store is refused with its reason; any other failure is a real one. */
function foreignSnapshotRefused(error: unknown): 1 {
  if (!(error instanceof ForeignSnapshotError)) throw error;
  console.error(`Fejl: ${error.message}`);
  return 1;
}

function readMapping(file: string | undefined) {
  if (file === undefined) return {};
  if (!existsSync(file)) throw new UsageError(`Filen med kolonnetilknytning findes ikke: ${file}`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8').replace(/^\ufeff/, ''));
  } catch (error) {
    throw new UsageError(`Kolonnetilknytningen i ${file} er ikke gyldig JSON: ${(error as Error).message}`);
  }
  const { mapping, errors } = validateMapping(raw);
  if (errors.length) throw new UsageError(`Kolonnetilknytningen i ${file}: ${errors.join(' ')}`);
  return mapping;
}

/**
 * An XLSX extract's first sheet as the CSV bytes the one import path reads, or why it cannot be
 * read (a damaged file, no sheet) as a row-1 error like the checks' own.
 */
async function workbookAsCsv(bytes: Uint8Array, progress: ProgressLine): Promise<{ bytes: Uint8Array } | { problem: ImportError }> {
  progress.show('Åbner regneark');
  const { default: ExcelJS } = await import('exceljs');
  const read = await workbookRows(new ExcelJS.Workbook(), bytes, (step) => progress.show(importProgressText(step)));
  return 'problem' in read ? read : { bytes: new TextEncoder().encode(rowsToCsv(read.rows)) };
}

function printImportErrors(errors: readonly ImportError[], total: number): void {
  console.error(`Filen blev ikke importeret: ${total} fejl. Intet er ændret.`);
  for (const e of errors) console.error(`  række ${e.row}${e.column ? `, ${e.column}` : ''}${e.value ? ` ("${e.value}")` : ''}: ${e.reason}`);
  if (total > errors.length) console.error(`  … og ${total - errors.length} fejl mere.`);
}

function actorOption(values: Record<string, unknown>, db: Db): number | null {
  const actor = intOption(values, 'actor');
  if (actor === undefined) return null;
  if (!db.prepare('SELECT 1 FROM people WHERE id = ? AND active = 1').get(actor)) throw new UsageError(`--actor ${actor}: personen findes ikke.`);
  // Who may import is the contract's declaration of runImport, as for the Data view; the CLI
  // reads the file itself (no 15 MB upload limit) but never decides the roles on its own.
  if (!roleAllows(contract.runImport.access, personContextFromStore(db, actor).principal)) {
    throw new UsageError(`--actor ${actor}: personen må ikke importere (det må visitationschefen og administratorer).`);
  }
  return actor;
}

const importCommand: Command = {
  name: 'import',
  summary: 'Importér sagssystemets udtræk (CSV eller XLSX), eller med "finance" økonomisystemets bogføring (CSV); alt eller intet',
  usage: `import FILE.csv|FILE.xlsx --db PATH [--mapping FILE] [--dry-run] [--actor ID] [--json] | ${IMPORT_FINANCE_USAGE}`,
  options: { ...DB_OPTION, ...JSON_OPTION, mapping: { type: 'string' }, 'dry-run': { type: 'boolean' }, actor: { type: 'string' } },
  allowPositionals: true,
  async run(values, positionals) {
    if (positionals[0] === 'finance' && positionals.length === 2) return importFinance(values, positionals[1]!);
    if (positionals.length !== 1) throw new UsageError('Angiv præcis én fil at importere (eller "finance FIL" for bogføringen).');
    const file = positionals[0]!;
    if (!existsSync(file)) throw new UsageError(`Filen findes ikke: ${file}`);
    const mapping = readMapping(stringOption(values, 'mapping'));
    const path = existingStore(values);
    const progress = progressLine(process.stderr, { json: values.json === true });
    let bytes: Uint8Array = new Uint8Array(readFileSync(file));
    const workbook = isXlsx(bytes, file);
    if (workbook) {
      const read = await workbookAsCsv(bytes, progress);
      if ('problem' in read) {
        progress.end();
        if (values.json) printJson({ errors: [read.problem] });
        else printImportErrors([read.problem], 1);
        return 1;
      }
      bytes = read.bytes;
    }
    return withWorkspace(path, (db) => {
      const now = new Date();
      const actorId = actorOption(values, db);
      let outcome;
      try {
        outcome = importExtract(db, bytes, {
          mapping, dryRun: values['dry-run'] === true, actorId, now, today: localToday(now), fileName: basename(file),
          onProgress: (p) => progress.show(importProgressText(p)),
        });
      } finally {
        progress.end();
      }
      if (!outcome.ok) {
        if (values.json) printJson({ errors: outcome.errors });
        else printImportErrors(outcome.errors, outcome.totalErrors);
        return 1;
      }
      const { inserted, updated, unchanged } = outcome.summary;
      if (values.json) printJson({ inserted, updated, unchanged });
      else {
        console.log(`${outcome.dryRun ? 'Prøvekørsel (intet gemt)' : 'Importeret'}: ${inserted} nye sager, ${updated} opdateret, ${unchanged} uændret (${outcome.summary.rows} rækker, ${workbook ? 'XLSX' : outcome.summary.encoding}).`);
        if (outcome.summary.newTeams.length) console.log(`  Nye teams: ${outcome.summary.newTeams.join(', ')}`);
        if (outcome.summary.newCaseworkers.length) console.log(`  Nye sagsbehandlere: ${outcome.summary.newCaseworkers.join(', ')}`);
      }
      return 0;
    });
  },
};

const exportCommand: Command = {
  name: 'export',
  summary: 'Eksportér sager, bevillinger eller revisionsloggen til CSV eller XLSX',
  usage: 'export --db PATH --what cases|grants|audit --out FILE.csv|FILE.xlsx [--team ID] [--from DATO] [--to DATO] [--json]',
  options: {
    ...DB_OPTION, ...JSON_OPTION, what: { type: 'string' }, out: { type: 'string' }, team: { type: 'string' },
    from: { type: 'string' }, to: { type: 'string' },
  },
  async run(values) {
    const what = requiredString(values, 'what');
    if (!(EXPORT_TABLES as readonly string[]).includes(what)) throw new UsageError(`--what skal være en af ${EXPORT_TABLES.join(', ')}.`);
    const out = requiredString(values, 'out');
    const format = extname(out).toLowerCase();
    if (format !== '.csv' && format !== '.xlsx') throw new UsageError('--out skal ende på .csv eller .xlsx.');
    const team = intOption(values, 'team');
    const from = stringOption(values, 'from');
    const to = stringOption(values, 'to');
    for (const [name, date] of [['from', from], ['to', to]] as const) {
      if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--${name} skal være en dato på formen ÅÅÅÅ-MM-DD.`);
    }
    const path = existingStore(values);
    const progress = progressLine(process.stderr, { json: values.json === true });
    return withWorkspace(path, async (db) => {
      progress.show('Henter data');
      const table = exportTable(db, what as ExportTableName, {
        ...(team !== undefined ? { teamId: team } : {}),
        filter: { ...(from ? { from } : {}), ...(to ? { to } : {}) },
      });
      progress.show(`Skriver ${basename(out)} (${formatNumber(table.rows.length)} rækker)`);
      try {
        if (format === '.csv') writeCsvFile(out, table);
        else await writeXlsxFile(out, table);
      } finally {
        progress.end();
      }
      if (values.json) printJson({ path: out, rows: table.rows.length });
      else console.log(`${table.title}: ${table.rows.length} rækker gemt i ${out}`);
      return 0;
    });
  },
};

const backupCommand: Command = {
  name: 'backup',
  summary: 'Tag en sikkerhedskopi nu (i mappen backups ved siden af databasen), eller vis dem',
  usage: 'backup --db PATH [--list] [--keep-days N] [--json]',
  options: { ...DB_OPTION, ...JSON_OPTION, list: { type: 'boolean' }, 'keep-days': { type: 'string' } },
  async run(values) {
    const path = existingStore(values);
    if (values.list) {
      const snapshots = listSnapshots(path);
      if (values.json) printJson(snapshots.map(({ file, createdAt, reason, bytes }) => ({ file, createdAt, reason, bytes })));
      else if (snapshots.length === 0) console.log('Ingen sikkerhedskopier endnu.');
      else for (const s of snapshots) console.log(`${s.file}  ${(s.bytes / 1_048_576).toFixed(1)} MB`);
      return 0;
    }
    const check = checkStoreAtStart(path);
    if (!check.ok) {
      console.error(check.message);
      return 1;
    }
    const keepDays = intOption(values, 'keep-days');
    if (keepDays !== undefined && (keepDays < 1 || keepDays > 3650)) throw new UsageError('--keep-days skal være mellem 1 og 3650.');
    const progress = progressLine(process.stderr, { json: values.json === true });
    return withWorkspace(path, async (db) => {
      if (keepDays !== undefined) writeKeepDays(db, keepDays);
      let snapshot;
      try {
        snapshot = await createSnapshot(db, { reason: 'manual', onPhase: (phase) => progress.show(backupPhaseText(phase)) });
      } finally {
        progress.end();
      }
      const removed = pruneSnapshots(path, readKeepDays(db));
      if (values.json) printJson({ file: snapshot.file, path: snapshot.path, bytes: snapshot.bytes, removed });
      else console.log(`Sikkerhedskopi gemt: ${snapshot.path}${removed.length ? ` (${removed.length} gamle slettet)` : ''}`);
      return 0;
    });
  },
};

const restoreCommand: Command = {
  name: 'restore',
  summary: 'Gendan en sikkerhedskopi (den nuværende database sikkerhedskopieres først)',
  usage: 'restore --db PATH --snapshot FILE [--force] [--json]',
  options: { ...DB_OPTION, ...JSON_OPTION, snapshot: { type: 'string' }, force: { type: 'boolean' } },
  async run(values) {
    const path = storePath(values);
    const file = requiredString(values, 'snapshot');
    const force = values.force === true;
    if (force) console.error('Advarsel: --force gendanner også en anden databases sikkerhedskopi; dens indhold erstatter alt i denne database.');
    if (!findSnapshot(path, basename(file))) {
      throw new UsageError(`Sikkerhedskopien findes ikke i ${path.replace(/[^/\\]+$/, '')}backups: ${file} (se "backup --list").`);
    }
    const check = checkStoreAtStart(path);
    if (!check.ok) {
      // A broken store cannot be backed up first: it is moved aside instead, never deleted.
      const { replaceStoreWithSnapshot } = await import('../../../db/backup');
      let replaced;
      try {
        replaced = replaceStoreWithSnapshot(path, basename(file), new Date(), { force });
      } catch (error) {
        return foreignSnapshotRefused(error);
      }
      if (replaced.warning && !values.json) console.error(replaced.warning);
      if (values.json) printJson({ restored: basename(file), brokenCopy: replaced.brokenCopy, warning: replaced.warning });
      else console.log(`Databasen var beskadiget og er flyttet til ${replaced.brokenCopy}. Gendannet fra ${basename(file)}.`);
      return 0;
    }
    const progress = progressLine(process.stderr, { json: values.json === true });
    return withWorkspace(path, async (db) => {
      let result;
      try {
        result = await restoreSnapshot(db, basename(file), { actorId: null, force, onPhase: (phase) => progress.show(backupPhaseText(phase)) });
      } catch (error) {
        progress.end();
        return foreignSnapshotRefused(error);
      }
      progress.end();
      if (result.warning && !values.json) console.error(result.warning);
      if (values.json) printJson({ restored: result.restored.file, before: result.before.file, warning: result.warning });
      else console.log(`Gendannet fra ${result.restored.file}. Databasen, som den var lige før, er gemt som ${result.before.file}.`);
      return 0;
    });
  },
};

export const dataCommands: Command[] = [importCommand, exportCommand, backupCommand, restoreCommand];
