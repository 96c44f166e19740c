// The lookup log (logning af opslag): a case opened, an agenda read, a search, an export row each
// log who looked at which citizen and on which screen; a board logs one entry with its team and count.
// Only the department head and the administrator read it, without employee names unless asked.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore, openStore, type Db } from '../../db/connection';
import { createService, type Service } from '../../db/service';
import type { AccessLogExtract } from '../../shared/api/methods/privacy';
import { unwrap } from '../../shared/api/envelope';

const dir = mkdtempSync(join(tmpdir(), 'flowtavle-lookups-'));
let now = new Date('2026-11-23T10:00:00Z');
let db: Db;
let service: Service;

beforeAll(() => {
  db = openStore(join(dir, 'lookups.db'));
  db.exec(`
    INSERT INTO teams (id, name) VALUES (1, 'Team Test'), (2, 'Team Anden');
    INSERT INTO people (id, name, initials, role, team_id) VALUES
      (1, 'Lea Leder', 'LL', 'leader', 1), (2, 'Rita Rådgiver', 'RR', 'caseworker', 1),
      (3, 'Vera Visitationschef', 'VV', 'department_head', NULL), (4, 'Ane Anden', 'AA', 'caseworker', 2),
      (5, 'Ida IT', 'II', 'administrator', NULL);
    INSERT INTO citizens (id, ref, initials) VALUES (1, 'B0000001', 'KL'), (2, 'B0000002', 'MN');
    INSERT INTO board_columns (id, team_id, name, position, kind) VALUES (10, 1, 'Indkommet', 1, 'queue'), (20, 2, 'Indkommet', 1, 'queue');
    INSERT INTO cases (id, case_number, citizen_id, team_id, assignee_id, kind, paragraph, column_id, sort_key,
      received_date, legal_deadline, column_entered_at) VALUES
      (1, '2026-000001', 1, 1, 2, 'application', '85', 10, 16384, '2026-11-01', '2026-12-27', '2026-11-01'),
      (2, '2026-000002', 1, 1, 2, 'application', '85', 10, 32768, '2026-11-02', '2026-12-28', '2026-11-02'),
      (3, '2026-000003', 2, 2, 4, 'application', '85', 20, 16384, '2026-11-02', '2026-12-28', '2026-11-02');
  `);
  service = createService(db, { now: () => now });
});

afterAll(() => {
  closeStore(db);
  rmSync(dir, { recursive: true, force: true });
});

const extract = (citizenRef: string, withEmployees = false) =>
  unwrap(service.dispatch('getAccessLog', { citizenRef, withEmployees }, service.as(3))) as AccessLogExtract;

describe('the lookup log', () => {
  it('logs a case opened by a caseworker: who, when, which citizen, which screen', () => {
    unwrap(service.dispatch('getCase', { caseId: 1 }, service.as(2)));

    const log = extract('B0000001');
    expect(log.entries).toEqual([{ at: '2026-11-23T10:00:00.000Z', purpose: 'Sagsdetalje', role: 'caseworker', teamName: 'Team Test', personId: 2 }]);
    expect(log.retentionMonths).toBe(6);
    expect(extract('B0000002').entries).toEqual([]);
  });

  it('gives employee names only when asked for', () => {
    expect(extract('B0000001', true).entries.at(-1)).toMatchObject({ personId: 2, personName: 'Rita Rådgiver' });
    expect(extract('B0000001').entries.at(-1)).not.toHaveProperty('personName');
  });

  it('logs one entry per citizen for a search that finds two of their cases, and one board entry with team and count', () => {
    now = new Date('2026-11-23T11:00:00Z');
    unwrap(service.dispatch('searchSprintCases', { teamId: 1, query: '2026-00000' }, service.as(2)));
    unwrap(service.dispatch('getBoard', { teamId: 1 }, service.as(1)));
    service.lookups.flush();
    const search = extract('B0000001').entries.filter((e) => e.at === '2026-11-23T11:00:00.000Z');
    expect(search).toEqual([{ at: '2026-11-23T11:00:00.000Z', purpose: 'Søgning efter sager', role: 'caseworker', teamName: 'Team Test', personId: 2 }]);
    const board = db.prepare("SELECT person_id, team_id, count, citizen_id FROM access_log WHERE purpose = 'Tavlen'").all();
    expect(board).toEqual([{ person_id: 1, team_id: 1, count: 2, citizen_id: null }]);
  });

  it('logs the rows of an export', () => {
    now = new Date('2026-11-23T12:00:00Z');
    unwrap(service.dispatch('exportTable', { table: 'cases', teamId: 2 }, service.as(4)));
    expect(extract('B0000002').entries).toEqual([{ at: '2026-11-23T12:00:00.000Z', purpose: 'Eksport', role: 'caseworker', teamName: 'Team Anden', personId: 4 }]);
  });

  it('is readable by the department head and the administrator only', () => {
    for (const person of [1, 2, 4]) {
      const res = service.dispatch('getAccessLog', { citizenRef: 'B0000001' }, service.as(person));
      expect(res.ok ? 'ok' : res.error.code).toBe('forbidden');
    }
    expect(service.dispatch('getAccessLog', { citizenRef: 'B0000001' }, service.as(5)).ok).toBe(true);
  });

  it('does not log a refused call', () => {
    const before = (db.prepare('SELECT COUNT(*) AS n FROM access_log').get() as { n: number }).n;
    const refused = service.dispatch('getCase', { caseId: 3 }, service.as(2));
    expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden');
    service.lookups.flush();
    expect((db.prepare('SELECT COUNT(*) AS n FROM access_log').get() as { n: number }).n).toBe(before);
  });

  it('prunes entries older than the retention period (workspace access_log_months)', () => {
    db.prepare("INSERT INTO workspace (key, value) VALUES ('access_log_months', '1')").run();
    now = new Date('2027-01-10T10:00:00Z');
    const pruned = service.lookups.prune();
    expect(pruned).toBeGreaterThanOrEqual(4);
    expect(extract('B0000001', false).entries).toEqual([]);
    expect((db.prepare('SELECT COUNT(*) AS n FROM access_log').get() as { n: number }).n).toBe(0);
  });
});
