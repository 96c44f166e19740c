// The lookup log (logning af opslag, Datatilsynet): every answered call that showed a citizen's
// data is logged with who, when, which citizen and which screen; a list logs its team and count.
// The dispatcher reports each call (the contract declares what it shows); the entries are queued
// and written in one transaction a fifth of a second later, so a busy board does not pay a write
// per read. Kept for a configurable period (workspace `access_log_months`, default 6), then pruned.
import type { CallContext } from '../../shared/api/define';
import type { LookupEntry } from '../../shared/api/dispatch';
import type { Db } from '../connection';
import type { CasesRow, CitizensRow } from '../schema';
import { workspaceSetting } from '../settings';

type CitizenOfCase = Pick<CasesRow, 'citizen_id' | 'team_id'> & Pick<CitizensRow, 'ref'>;

export const DEFAULT_RETENTION_MONTHS = 6;
const FLUSH_AFTER_MS = 200;
const FLUSH_AT_ENTRIES = 500;
const PRUNE_EVERY_MS = 60 * 60_000;

interface Pending {
  at: string;
  personId: number | null;
  deviceId: number | null;
  method: string;
  entry: LookupEntry;
}

export interface LookupLog {
  record(method: string, ctx: CallContext, entry: LookupEntry): void;
  /** Writes what is queued now (tests, shutdown, and before the log is read). */
  flush(): void;
  /** Deletes entries older than the retention period; returns how many. */
  prune(): number;
}

export function retentionMonths(db: Db): number {
  const raw = workspaceSetting(db, 'access_log_months');
  const months = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(months) && months > 0 ? months : DEFAULT_RETENTION_MONTHS;
}

export function createLookupLog(db: Db, now: () => Date): LookupLog {
  const q = {
    byId: db.prepare<[number], CitizenOfCase>('SELECT c.citizen_id, z.ref, c.team_id FROM cases c JOIN citizens z ON z.id = c.citizen_id WHERE c.id = ?'),
    byNumber: db.prepare<[string], CitizenOfCase>('SELECT c.citizen_id, z.ref, c.team_id FROM cases c JOIN citizens z ON z.id = c.citizen_id WHERE c.case_number = ?'),
    insert: db.prepare(
      `INSERT INTO access_log (at, person_id, device_id, citizen_id, citizen_ref, team_id, count, purpose, method)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    prune: db.prepare('DELETE FROM access_log WHERE at < ?'),
    person: db.prepare('SELECT 1 FROM people WHERE id = ?'),
  };
  let queue: Pending[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastPrune = 0;

  function write(batch: Pending[]): void {
    db.transaction(() => {
      for (const p of batch) {
        const { entry } = p;
        // A call made in the name of someone the store does not know (a test, the CLI) is logged without a person.
        const personId = p.personId !== null && q.person.get(p.personId) ? p.personId : null;
        const who = [p.at, personId, p.deviceId] as const;
        if (entry.list) q.insert.run(...who, null, null, entry.list.teamId, entry.list.count, entry.purpose, p.method);
        // One entry per citizen, however many of their cases the call showed.
        const citizens = new Map<number, CitizenOfCase>();
        for (const id of entry.caseIds) {
          const row = q.byId.get(id);
          if (row) citizens.set(row.citizen_id, row);
        }
        for (const number of entry.caseNumbers) {
          const row = q.byNumber.get(number);
          if (row) citizens.set(row.citizen_id, row);
        }
        for (const [citizenId, c] of citizens) q.insert.run(...who, citizenId, c.ref, c.team_id, null, entry.purpose, p.method);
      }
    }).immediate();
  }

  const log: LookupLog = {
    record(method, ctx, entry) {
      if (!entry.list && entry.caseIds.length === 0 && entry.caseNumbers.length === 0) return;
      const { principal } = ctx;
      queue.push({
        at: now().toISOString(),
        personId: principal.kind === 'person' ? principal.personId : null,
        deviceId: principal.kind === 'device' ? principal.deviceId : null,
        method,
        entry,
      });
      if (queue.length >= FLUSH_AT_ENTRIES) log.flush();
      else if (!timer) {
        timer = setTimeout(() => log.flush(), FLUSH_AFTER_MS);
        timer.unref?.();
      }
    },
    flush() {
      if (timer) clearTimeout(timer);
      timer = null;
      if (!queue.length || !db.open) return;
      const batch = queue;
      queue = [];
      try {
        write(batch);
      } catch (error) {
        // A busy store is tried again at the next flush; anything else would fail again forever.
        if ((error as { code?: string }).code === 'SQLITE_BUSY') queue = [...batch, ...queue];
        console.error('[flowtavle] lookup log write failed:', error);
      }
      if (now().getTime() - lastPrune > PRUNE_EVERY_MS) log.prune();
    },
    prune() {
      lastPrune = now().getTime();
      const cutoff = new Date(now().getTime());
      cutoff.setUTCMonth(cutoff.getUTCMonth() - retentionMonths(db));
      return q.prune.run(cutoff.toISOString()).changes;
    },
  };
  return log;
}
