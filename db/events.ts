import type { Db } from './connection';
import { statements } from './statements';

export interface NewEvent {
  at: string;
  actorId: number | null;
  caseId?: number | null;
  entity: string;
  entityId?: number | null;
  type: string;
  field?: string | null;
  from?: string | number | null;
  to?: string | number | null;
  reason?: string | null;
}

const prepareInsert = (db: Db) => db.prepare(
  `INSERT INTO events (at, actor_id, case_id, entity, entity_id, type, field, from_value, to_value, reason)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);

/** Appends one event to the log. Call inside the write's transaction. */
export function appendEvent(db: Db, e: NewEvent): number {
  const insert = statements(db, prepareInsert);
  const text = (v: string | number | null | undefined) => (v === null || v === undefined ? null : String(v));
  return Number(
    insert.run(e.at, e.actorId, e.caseId ?? null, e.entity, e.entityId ?? null, e.type, e.field ?? null, text(e.from), text(e.to), e.reason ?? null)
      .lastInsertRowid,
  );
}
