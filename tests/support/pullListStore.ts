// The small team both pull-list store tests run against, on a real SQLite file: two teams' columns,
// a leader, three caseworkers with different competences and WIP limits, one citizen.
import { join } from 'node:path';
import { openStore, type Db } from '../../db/connection';
import type { Service } from '../../db/service';
import { systemContext } from '../../shared/api/define';

export const NOW = new Date('2026-11-23T10:00:00Z');
export const TODAY = '2026-11-23';

export const LEADER = 1;
export const ANNE = 2; // caseworker, § 85 and § 107, WIP limit 3
export const BO = 3; // caseworker, § 107 only, WIP limit 2
export const CARL = 4; // caseworker without competences
export const OTHER_LEADER = 5; // leader of another team
export const HEAD = 6; // department head: the department-wide settings
export const COLUMN = { queue: 11, inquiry: 12, decision: 13, done: 14 };

export interface CaseSpec {
  id: number;
  number?: string;
  kind?: 'application' | 'follow_up' | 'complaint' | 'task';
  paragraph?: string;
  column?: number;
  assignee?: number | null;
  cos?: 'urgent' | 'fixed_date' | 'standard' | 'can_wait';
  received?: string;
  deadline?: string | null;
  entered?: string;
  blocked?: string | null;
  sortKey?: number;
}

export function makeStore(dir: string): Db {
  const db = openStore(join(dir, 'flowtavle.db'));
  db.exec(`
    INSERT INTO teams (id, name, sort_order) VALUES (1, 'Team Test', 1), (2, 'Team Andet', 2);
    INSERT INTO board_columns (id, team_id, name, position, kind, wip_limit) VALUES
      (11, 1, 'Indkommet', 1, 'queue', NULL), (12, 1, 'Udredning', 2, 'active', 10),
      (13, 1, 'Afgørelse', 3, 'active', NULL), (14, 1, 'Afsluttet', 4, 'done', NULL),
      (21, 2, 'Indkommet', 1, 'queue', NULL), (22, 2, 'Udredning', 2, 'active', NULL);
    INSERT INTO people (id, name, initials, role, team_id, caseload_norm, wip_limit) VALUES
      (1, 'Lene Holm', 'LH', 'leader', 1, NULL, NULL),
      (2, 'Anne Dahl', 'AD', 'caseworker', 1, 60, 3),
      (3, 'Bo Lund', 'BL', 'caseworker', 1, 60, 2),
      (4, 'Carl Bach', 'CB', 'caseworker', 1, 60, 5),
      (5, 'Pia Berg', 'PB', 'leader', 2, NULL, NULL),
      (6, 'Dorte Dahl', 'DD', 'department_head', NULL, NULL, NULL);
    INSERT INTO citizens (id, ref, initials) VALUES (1, 'B0000001', 'KL');
    INSERT INTO person_competences (person_id, paragraph) VALUES (2, '85'), (2, '107'), (3, '107');
  `);
  return db;
}

export function addCase(db: Db, c: CaseSpec): void {
  const received = c.received ?? '2026-11-03';
  db.prepare(
    `INSERT INTO cases (id, case_number, citizen_id, team_id, assignee_id, kind, paragraph, column_id, sort_key,
       class_of_service, received_date, legal_deadline, blocked, blocked_reason, blocked_since, column_entered_at)
     VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    c.id, c.number ?? `2026-${String(c.id).padStart(6, '0')}`, (c.column ?? COLUMN.queue) >= 20 ? 2 : 1, c.assignee ?? null,
    c.kind ?? 'application', c.paragraph ?? '85', c.column ?? COLUMN.queue, c.sortKey ?? c.id * 16_384, c.cos ?? 'standard',
    received, c.deadline === undefined ? '2026-12-29' : c.deadline, c.blocked ? 1 : 0, c.blocked ?? null,
    c.blocked ? '2026-11-20' : null, c.entered ?? received,
  );
}

export function addGrant(db: Db, caseId: number, nextFollowUp: string | null, endDate: string | null = null): void {
  db.prepare(
    `INSERT INTO grants (case_id, paragraph, service, provider, provider_type, takst, takst_unit, quantity, start_date, end_date, next_follow_up)
     VALUES (?, '85', 'Socialpædagogisk støtte', 'Bostøtten (intern)', 'internal', 500, 'hour', 3, '2025-01-01', ?, ?)`,
  ).run(caseId, endDate, nextFollowUp);
}

export function call<T>(service: Service, method: string, input: unknown, actorId: number | null): T {
  const result = service.dispatch(method, input, actorId === null ? systemContext() : service.as(actorId));
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

export function failure(service: Service, method: string, input: unknown, actorId: number | null) {
  const result = service.dispatch(method, input, actorId === null ? systemContext() : service.as(actorId));
  if (result.ok) throw new Error(`${method} should have failed`);
  return result.error;
}
