// Data protection in the store: the lookup log's extract for one citizen, the CPR scan, redaction
// and erasure (db/privacy/), and the last failed backup.
import type { Handlers } from '../../shared/api/dispatch';
import type { AccessLogEntry, privacyMethods } from '../../shared/api/methods/privacy';
import { addMonths } from '../../shared/dates';
import { lastBackupError } from '../backup';
import { retentionMonths, type LookupLog } from '../privacy/lookupLog';
import { eraseCitizen, isRedactable, redactValue } from '../privacy/redact';
import { scanStore } from '../privacy/scan';
import type { Db } from '../connection';
import { statements } from '../statements';
import type { AccessLogRow, OrNull, PeopleRow, TeamsRow } from '../schema';
import type { ServiceContext } from './context';

type Row = Pick<AccessLogRow, 'at' | 'purpose' | 'person_id' | 'device_id'>
  & OrNull<Pick<PeopleRow, 'role' | 'name'>>
  & { team_name: TeamsRow['name'] | null; device_team: TeamsRow['name'] | null };

const queries = (db: Db) => ({
  extract: db.prepare<[string, string, string], Row>(
    `SELECT l.at, l.purpose, l.person_id, l.device_id, p.role, p.name, pt.name AS team_name, dt.name AS device_team
     FROM access_log l
     LEFT JOIN people p ON p.id = l.person_id
     LEFT JOIN teams pt ON pt.id = p.team_id
     LEFT JOIN devices d ON d.id = l.device_id
     LEFT JOIN teams dt ON dt.id = d.team_id
     WHERE l.citizen_ref = ? AND l.at >= ? AND l.at < ?
     ORDER BY l.at, l.id`,
  ),
});

export function privacyHandlers(ctx: ServiceContext, lookups: LookupLog): Pick<Handlers, keyof typeof privacyMethods> {
  const { db } = ctx;
  const { extract } = statements(db, queries);
  return {
    getAccessLog: ({ citizenRef, from, to, withEmployees }) => {
      // What the dispatcher queued a moment ago belongs in the extract too.
      lookups.flush();
      const months = retentionMonths(db);
      const today = ctx.today();
      const start = from ?? addMonths(today, -months);
      const end = to ?? today;
      const dayAfter = new Date(`${end}T00:00:00Z`);
      dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
      const entries = extract.all(citizenRef, `${start}T00:00:00`, dayAfter.toISOString()).map((r): AccessLogEntry => ({
        at: r.at,
        purpose: r.purpose,
        role: r.device_id !== null ? 'wall' : r.role,
        teamName: r.device_id !== null ? r.device_team : r.team_name,
        personId: r.person_id,
        ...(withEmployees ? { personName: r.name } : {}),
      }));
      return { citizenRef, from: start, to: end, withEmployees, retentionMonths: months, entries };
    },
      scanPrivacy: () => {
      const scan = scanStore(db);
      return { ...scan, findings: scan.findings.map((f) => ({ ...f, redactable: f.rowId !== null && isRedactable(f.table, f.column) })) };
    },
    redactValue: ({ table, column, rowId, reason, whole }, call) =>
      redactValue(db, { table, column, rowId }, { actorId: call.actorId, reason, now: ctx.now(), whole }),
    eraseCitizen: ({ citizenRef, reason }, call) =>
      eraseCitizen(db, citizenRef, { actorId: call.actorId, reason, now: ctx.now(), today: ctx.today() }),
    getBackupHealth: () => ({ lastError: lastBackupError(db) }),
  };
}
