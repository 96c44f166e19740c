import { CASE_READERS } from '../../shared/api/define';
import type { Handlers } from '../../shared/api/dispatch';
import { ApiFailure, fieldError } from '../../shared/api/envelope';
import { AUDIT_READERS, type AuditEntry, type dataMethods, type ImportPreview, type ImportProfile } from '../../shared/api/methods/data';
import { CANONICAL_COLUMNS, maskCpr, parseCsv, resolveColumns, validateMapping, type CanonicalColumn, type ColumnMapping } from '../../shared/import';
import {
  backupJob, createSnapshot, listSnapshots, readKeepDays, restoreSnapshot, startBackupJob, writeKeepDays, backupFolder, findSnapshot,
  FORCE_HINT_API, snapshotOwnership, storeIdOf,
} from '../backup';
import { appendEvent } from '../events';
import { exportTable, queryAudit } from '../export';
import { decodeExtract, importExtract } from '../import';
import { actsAs } from './access';
import type { ServiceContext } from './context';
import { statements } from '../statements';
import type { Db } from '../connection';
import type { ImportProfilesRow } from '../schema';

const SAMPLE_ROWS = 8;

type ProfileRow = Pick<ImportProfilesRow, 'id' | 'name' | 'mapping' | 'updated_at'>;

const queries = (db: Db) => ({
  profiles: db.prepare<[], ProfileRow>('SELECT id, name, mapping, updated_at FROM import_profiles ORDER BY name'),
  profileByName: db.prepare<[string], ProfileRow>('SELECT id, name, mapping, updated_at FROM import_profiles WHERE name = ?'),
  profileById: db.prepare<[number], ProfileRow>('SELECT id, name, mapping, updated_at FROM import_profiles WHERE id = ?'),
  upsertProfile: db.prepare(
    `INSERT INTO import_profiles (name, mapping, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ),
  deleteProfile: db.prepare('DELETE FROM import_profiles WHERE id = ?'),
});

export function dataHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof dataMethods> {
  const { db } = ctx;
  const q = statements(db, queries);

  function bytesOf(contentBase64: string): Uint8Array {
    return new Uint8Array(Buffer.from(contentBase64, 'base64'));
  }

  function checkedMapping(mapping: ColumnMapping | undefined): ColumnMapping {
    const { mapping: valid, errors } = validateMapping(mapping ?? {});
    if (errors.length) throw new ApiFailure('invalid_input', errors.join(' '), errors.map((message) => ({ field: 'mapping', message })));
    return valid;
  }

  const toProfile = (r: ProfileRow): ImportProfile => ({
    id: r.id, name: r.name, mapping: JSON.parse(r.mapping) as ImportProfile['mapping'], updatedAt: r.updated_at,
  });

  return {
    previewImport: ({ fileName, contentBase64, mapping }) => {
      const valid = checkedMapping(mapping);
      const bytes = bytesOf(contentBase64);
      const { text } = decodeExtract(bytes);
      const { rows } = parseCsv(text);
      const headers = (rows[0] ?? []).map((h) => h.replace(/^\ufeff/, '').trim());
      const { columns } = resolveColumns(headers, valid);
      const named = Object.fromEntries(
        CANONICAL_COLUMNS.map((c) => [c, columns[c] === null ? null : headers[columns[c]!] ?? null]),
      ) as Record<CanonicalColumn, string | null>;
      const sample = rows.slice(1).filter((r) => r.some((c) => c.trim() !== '')).slice(0, SAMPLE_ROWS).map((r) => r.map(maskCpr));
      // A dry run: the same code path as the import, inside a savepoint it never commits.
      const outcome = importExtract(db, bytes, { mapping: valid, dryRun: true, actorId: null, now: ctx.now(), today: ctx.today(), fileName });
      const preview: ImportPreview = outcome.ok
        ? {
          ok: true, encoding: outcome.summary.encoding, delimiter: outcome.summary.delimiter, headers: headers.map(maskCpr), columns: named,
          rows: outcome.summary.rows, sample, result: outcome.summary, errors: [], totalErrors: 0,
        }
        : {
          ok: false, encoding: outcome.encoding, delimiter: outcome.delimiter, headers: headers.map(maskCpr), columns: named,
          rows: outcome.rows, sample, result: null, errors: outcome.errors, totalErrors: outcome.totalErrors,
        };
      return preview;
    },

    runImport: ({ fileName, contentBase64, mapping }, call) => {
      const { actorId } = call;
      const valid = checkedMapping(mapping);
      const outcome = importExtract(db, bytesOf(contentBase64), { mapping: valid, actorId, now: ctx.now(), today: ctx.today(), fileName });
      if (!outcome.ok) {
        throw ApiFailure.of('invalid_input', 'data.importFailed', { count: outcome.totalErrors }, {
          fields: outcome.errors.slice(0, 50).map((e) => ({ field: `række ${e.row}${e.column ? `, ${e.column}` : ''}`, message: e.reason })),
          details: { errors: outcome.errors, totalErrors: outcome.totalErrors },
        });
      }
      return outcome.summary;
    },

    listImportProfiles: () => q.profiles.all().map(toProfile),

    saveImportProfile: ({ name, mapping }, call) => {
      const { actorId } = call;
      const valid = checkedMapping(mapping);
      const before = q.profileByName.get(name);
      const json = JSON.stringify(valid);
      q.upsertProfile.run(name, json, ctx.now().toISOString(), actorId);
      const saved = toProfile(q.profileByName.get(name)!);
      appendEvent(db, {
        at: ctx.now().toISOString(), actorId, entity: 'import_profile', entityId: saved.id, type: before ? 'updated' : 'created',
        field: 'mapping', from: before?.mapping ?? null, to: json, reason: name,
      });
      return saved;
    },

    deleteImportProfile: ({ id }, call) => {
      const { actorId } = call;
      const row = q.profileById.get(id);
      if (!row) throw ApiFailure.of('not_found', 'data.mappingNotFound', undefined, { fields: [fieldError('id', 'general.notFound')] });
      q.deleteProfile.run(id);
      appendEvent(db, {
        at: ctx.now().toISOString(), actorId, entity: 'import_profile', entityId: id, type: 'deleted', field: 'mapping', from: row.mapping, reason: row.name,
      });
      return { deleted: true };
    },

    listAudit: (filter, call) => {
      if (filter.from && filter.to && filter.from > filter.to) {
        throw ApiFailure.of('invalid_input', 'data.periodReversed', undefined, { fields: [fieldError('to', 'data.periodReversedField')] });
      }
      if (filter.caseNumber && !actsAs(call, CASE_READERS)) throw ApiFailure.of('forbidden', 'records.noCaseContent');
      const page = queryAudit(db, filter);
      // An administrator who reads no cases sees who did what and when, not to which case or with which content.
      return actsAs(call, CASE_READERS) ? page : { ...page, entries: page.entries.map(withoutCaseContent) };
    },

    exportTable: ({ table, teamId, filter }, call) => {
      // One method serves the case lists and the audit log, and their readers differ: the audit
      // log is department-wide (whatever the team), the case lists are case content, which an
      // administrator alone does not see. The team scope is the declaration's.
      if (table === 'audit' ? !actsAs(call, AUDIT_READERS) : !actsAs(call, CASE_READERS)) {
        throw ApiFailure.of('forbidden', 'general.forbidden');
      }
      if (filter?.caseNumber && !actsAs(call, CASE_READERS)) throw ApiFailure.of('forbidden', 'records.noCaseContent');
      const rows = exportTable(db, table, { ...(teamId !== undefined ? { teamId } : {}), ...(filter ? { filter } : {}), today: ctx.today() });
      if (table !== 'audit' || actsAs(call, CASE_READERS)) return rows;
      return { ...rows, rows: rows.rows.map((r) => (r['caseNumber'] ? { ...r, caseNumber: null, field: null, from: null, to: null, reason: null } : r)) };
    },

    listBackups: () => ({
      folder: backupFolder(db.name),
      keepDays: readKeepDays(db),
      snapshots: listSnapshots(db.name).map(({ file, createdAt, reason, bytes }) => ({ file, createdAt, reason, bytes })),
      job: backupJob(db),
    }),

    createBackup: () => {
      if (db.memory) throw ApiFailure.of('conflict', 'data.memoryNoBackup');
      const started = startBackupJob(db, 'snapshot', async () => (await createSnapshot(db, { reason: 'manual' })).file, ctx.now);
      if (!started) throw ApiFailure.of('conflict', 'data.backupRunning');
      return { started };
    },

    restoreBackup: ({ file, force }, call) => {
      const { actorId } = call;
      const snapshot = findSnapshot(db.name, file);
      if (!snapshot) {
        throw ApiFailure.of('not_found', 'data.snapshotNotFound', { file }, { fields: [fieldError('file', 'general.notFound')] });
      }
      // Said now, not after the job has started: another store's snapshot never replaces this one by mistake.
      if (!force && snapshotOwnership(snapshot, storeIdOf(db)) === 'foreign') {
        throw ApiFailure.of('conflict', 'data.foreignSnapshot', { file }, { fields: [fieldError('file', 'data.foreignSnapshotField')], details: { reason: 'foreign_snapshot' } });
      }
      const started = startBackupJob(db, 'restore', async () => {
        await restoreSnapshot(db, file, { actorId, now: ctx.now, force: force === true, forceHint: FORCE_HINT_API });
        return file;
      }, ctx.now);
      if (!started) throw ApiFailure.of('conflict', 'data.backupRunning');
      return { started };
    },

    setBackupKeepDays: ({ days }, call) => {
      const { actorId } = call;
      const before = readKeepDays(db);
      writeKeepDays(db, days);
      appendEvent(db, { at: ctx.now().toISOString(), actorId, entity: 'workspace', type: 'updated', field: 'backup_keep_days', from: before, to: days });
      return { keepDays: days };
    },
  };
}

/** An audit entry about a case, without the case and its content: for readers who see no case content. */
function withoutCaseContent(entry: AuditEntry): AuditEntry {
  if (entry.caseId === null && entry.caseNumber === null) return entry;
  return { ...entry, caseId: null, caseNumber: null, field: null, fromValue: null, toValue: null, fromText: null, toText: null, reason: null };
}
