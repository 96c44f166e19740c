import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore, openStore, type Db } from '../../db/connection';
import { generateDemo } from '../../db/demo/generate';
import { appendEvent } from '../../db/events';
import { backfill } from '../../db/migrations/005_flow';
import { createService, type Service } from '../../db/service';
import type { InputOf, MethodName, ResultOf } from '../../shared/api/contract';
import type { Caseload, TeamCaseload } from '../../shared/api/methods/flow';
import type { ColumnKind } from '../../shared/domain';
import { caseFlows, columnReach, cycleTime, flowReport, reachCounts, type FlowEvent } from '../../shared/flow';
import { tempDir } from '../support/server';
import { systemContext } from '../../shared/api/define';

const NOW = () => new Date('2026-11-23T10:00:00Z');
/** Calls through the dispatcher (validation, transactions) and returns the typed result. */
function call<K extends MethodName>(service: Service, method: K, input: InputOf<K>, actorId: number | null): ResultOf<K> {
  const envelope = service.dispatch(method, input, actorId === null ? systemContext() : service.as(actorId));
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
  return envelope.value as ResultOf<K>;
}

/** getCaseload for one team (the department variant has no rows of its own). */
function teamLoad(load: Caseload): TeamCaseload {
  if (load.scope !== 'team') throw new Error('expected a team caseload');
  return load;
}

/** A team of one leader and two caseworkers, the six columns of the demo and a handful of cases. */
function smallStore(db: Db): void {
  db.exec(`
    INSERT INTO teams (id, name) VALUES (1, 'Team Test'), (2, 'Team Anden');
    INSERT INTO people (id, name, initials, role, team_id, caseload_norm) VALUES
      (1, 'Lene Leder', 'LL', 'leader', 1, NULL), (2, 'Rasmus Rådgiver', 'RR', 'caseworker', 1, 4),
      (3, 'Sara Sagsbehandler', 'SS', 'caseworker', 1, 10), (4, 'Dorte Direktør', 'DD', 'department_head', NULL, NULL);
    INSERT INTO citizens (id, ref, initials) VALUES (1, 'B1', 'AB');
    INSERT INTO board_columns (id, team_id, name, position, kind, wip_limit) VALUES
      (1, 1, 'Indkommet', 1, 'queue', NULL), (2, 1, 'Klar', 2, 'queue', NULL), (3, 1, 'Udredning', 3, 'active', NULL),
      (4, 1, 'Afventer', 4, 'active', NULL), (5, 1, 'Afgørelse', 5, 'active', NULL), (6, 1, 'Afsluttet', 6, 'done', NULL),
      (11, 2, 'Indkommet', 1, 'queue', NULL), (13, 2, 'I gang', 2, 'active', NULL), (16, 2, 'Afsluttet', 3, 'done', NULL);
  `);
  const insertCase = db.prepare(
    `INSERT INTO cases (id, case_number, citizen_id, team_id, assignee_id, kind, paragraph, column_id, sort_key,
       received_date, legal_deadline, column_entered_at) VALUES (?, ?, 1, 1, ?, 'application', ?, ?, ?, ?, ?, ?)`,
  );
  // id, assignee, paragraph, column now, received, legal deadline
  const cases: [number, number | null, string, number, string, string | null][] = [
    [1, 2, '85', 6, '2026-03-02', '2026-04-27'],
    [2, 2, '85', 6, '2026-03-02', '2026-04-27'],
    [3, 3, '107', 6, '2026-03-03', null],
    [4, 2, '107', 4, '2026-03-04', '2026-11-30'], // deadline in 7 days: at risk
    [5, 2, '85', 4, '2026-03-09', '2026-12-07'], // in 14 days: at risk
    [6, null, '85', 1, '2026-03-10', '2026-12-08'], // in 15 days, and in a queue
    [7, 3, '12', 6, '2026-03-02', null],
  ];
  for (const [id, assignee, paragraph, column, received, deadline] of cases) {
    insertCase.run(id, `2026-00000${id}`, assignee, paragraph, column, id, received, deadline, received);
  }
  db.exec(`
    INSERT INTO grants (case_id, paragraph, service, provider, provider_type, takst, takst_unit, start_date, end_date, next_follow_up) VALUES
      (1, '85', 'Bostøtte', 'Intern', 'internal', 500, 'hour', '2026-03-10', NULL, '2026-11-01'),
      (2, '85', 'Bostøtte', 'Intern', 'internal', 500, 'hour', '2026-03-20', '2026-10-31', '2026-09-01'),
      (3, '107', 'Botilbud', 'Intern', 'internal', 2000, 'day', '2026-03-20', NULL, '2027-03-01');
  `);
}

// The same hand-made log as tests/unit/flow.test.ts, written as the board writes events.
const at = (day: string, time = '09:00') => `2026-03-${day}T${time}:00.000Z`;
const LOG: FlowEvent[] = [
  { caseId: 1, at: at('02', '08:00'), type: 'created', to: '1' }, { caseId: 1, at: at('04'), type: 'moved', to: '3' },
  { caseId: 1, at: at('05'), type: 'reordered', to: '3' }, { caseId: 1, at: at('06', '23:30'), type: 'moved', to: '6' },
  { caseId: 2, at: at('02', '08:00'), type: 'created', to: '1' }, { caseId: 2, at: at('03'), type: 'moved', to: '3' },
  { caseId: 2, at: at('05'), type: 'moved', to: '2' }, { caseId: 2, at: at('10'), type: 'moved', to: '3' },
  { caseId: 2, at: at('12'), type: 'moved', to: '6' },
  { caseId: 3, at: at('03', '08:00'), type: 'created', to: '1' }, { caseId: 3, at: at('09'), type: 'moved', to: '6' },
  { caseId: 4, at: at('04', '08:00'), type: 'created', to: '1' }, { caseId: 4, at: at('05'), type: 'moved', to: '3' },
  { caseId: 4, at: at('06', '10:00'), type: 'blocked', to: 'Afventer lægeerklæring', reason: 'Afventer lægeerklæring' },
  { caseId: 4, at: at('11'), type: 'unblocked', to: null }, { caseId: 4, at: at('13'), type: 'moved', to: '4' },
  { caseId: 5, at: at('09', '08:00'), type: 'created', to: '1' }, { caseId: 5, at: at('10'), type: 'moved', to: '4' },
  { caseId: 5, at: at('12'), type: 'blocked', to: 'Afventer samtykke', reason: 'Afventer samtykke' },
  { caseId: 6, at: at('10', '08:00'), type: 'created', to: '1' },
  { caseId: 7, at: at('02', '08:00'), type: 'created', to: '1' }, { caseId: 7, at: at('02', '10:00'), type: 'moved', to: '3' },
  { caseId: 7, at: at('16'), type: 'moved', to: '6' },
];

function writeLog(db: Db, log: FlowEvent[]): void {
  for (const e of log) {
    const blockedEvent = e.type === 'blocked' || e.type === 'unblocked';
    appendEvent(db, {
      at: e.at, actorId: 2, caseId: e.caseId, entity: 'case', entityId: e.caseId, type: e.type,
      field: blockedEvent ? 'blocked' : 'column', to: e.to, reason: e.reason ?? null,
    });
  }
}

describe('flow facts kept by the event-log triggers (hand-made store)', () => {
  let dir: string;
  let db: Db;
  let service: Service;

  beforeAll(() => {
    dir = tempDir('flowtavle-flow-');
    db = openStore(join(dir, 'store.db'));
    smallStore(db);
    writeLog(db, LOG);
    service = createService(db, { now: NOW });
  });
  afterAll(() => {
    closeStore(db);
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds the facts worked out by hand', () => {
    const facts = db.prepare('SELECT case_id, arrived_day, start_day, finish_day FROM flow_cases ORDER BY case_id').all();
    expect(facts).toEqual([
      { case_id: 1, arrived_day: '2026-03-02', start_day: '2026-03-04', finish_day: '2026-03-06' },
      { case_id: 2, arrived_day: '2026-03-02', start_day: '2026-03-03', finish_day: '2026-03-12' },
      { case_id: 3, arrived_day: '2026-03-03', start_day: '2026-03-09', finish_day: '2026-03-09' },
      { case_id: 4, arrived_day: '2026-03-04', start_day: '2026-03-05', finish_day: null },
      { case_id: 5, arrived_day: '2026-03-09', start_day: '2026-03-10', finish_day: null },
      { case_id: 6, arrived_day: '2026-03-10', start_day: null, finish_day: null },
      { case_id: 7, arrived_day: '2026-03-02', start_day: '2026-03-02', finish_day: '2026-03-16' },
    ]);
    expect(db.prepare('SELECT case_id, reason, from_day, to_day FROM flow_blocks ORDER BY id').all()).toEqual([
      { case_id: 4, reason: 'Afventer lægeerklæring', from_day: '2026-03-06', to_day: '2026-03-11' },
      { case_id: 5, reason: 'Afventer samtykke', from_day: '2026-03-12', to_day: null },
    ]);
  });

  it('reports the period as computed by hand', () => {
    expect(call(service, 'getFlowReport', { teamId: 1, from: '2026-03-02', to: '2026-03-15' }, null)).toEqual({
      teamId: 1,
      team: 'Team Test',
      from: '2026-03-02',
      to: '2026-03-15',
      throughputPerWeek: [{ weekStart: '2026-03-02', count: 1 }, { weekStart: '2026-03-09', count: 2 }],
      cycleTime: { count: 3, p50: 3, p85: 10, p95: 10 },
      wipAtEnd: 3,
      wipAges: [14, 11, 6],
    });
  });

  it('shows the same figures on the dashboard, with blocked time inside the period', () => {
    const d = call(service, 'getFlowDashboard', { teamId: 1, from: '2026-03-02', to: '2026-03-15' }, null);
    expect(d.throughputPerWeek).toEqual([{ weekStart: '2026-03-02', count: 1 }, { weekStart: '2026-03-09', count: 2 }]);
    expect(d.cycleTimes.map((c) => [c.caseId, c.cycleTime])).toEqual([[1, 3], [3, 1], [2, 10]]);
    expect(d.wipPerDay.at(-1)).toEqual({ day: '2026-03-15', count: 3 });
    expect(d.cfd.at(-1)).toEqual({ day: '2026-03-15', 1: 7, 2: 6, 3: 6, 4: 5, 5: 3, 6: 3 });
    // D: 06→11 = 5 days; E: blocked since the 12th, counted to the period's end on the 15th = 3 days.
    expect(d.blocked.totalDays).toBe(8);
    expect(d.blocked.byReason).toEqual([
      { reason: 'Afventer lægeerklæring', periods: 1, days: 5 },
      { reason: 'Afventer samtykke', periods: 1, days: 3 },
    ]);
  });

  it('keeps the facts up to date in the transaction of a board move', () => {
    call(service, 'moveCard', { caseId: 6, toColumnId: 3 }, 2);
    expect(db.prepare('SELECT start_day, finish_day FROM flow_cases WHERE case_id = 6').get()).toEqual({ start_day: '2026-11-23', finish_day: null });
    call(service, 'moveCard', { caseId: 6, toColumnId: 6 }, 2);
    call(service, 'moveCard', { caseId: 6, toColumnId: 3 }, 2);
    // Re-opened: it keeps its first finish (and stays out of WIP).
    expect(db.prepare('SELECT start_day, finish_day FROM flow_cases WHERE case_id = 6').get()).toEqual({ start_day: '2026-11-23', finish_day: '2026-11-23' });
    const report = call(service, 'getFlowReport', { teamId: 1, from: '2026-11-23', to: '2026-11-23' }, null);
    expect(report.cycleTime).toEqual({ count: 1, p50: 1, p85: 1, p95: 1 });
  });

  it('lets only the department head set a caseload weight (it holds for every team), and logs it', () => {
    for (const person of [2, 1]) {
      const refused = service.dispatch('setCaseloadWeight', { paragraph: '§ 107', weight: 2.5 }, service.as(person));
      expect(refused.ok).toBe(false);
      expect(!refused.ok && refused.error.code).toBe('forbidden');
    }
    const before = teamLoad(call(service, 'getCaseload', { teamId: 1 }, null));
    // Rasmus holds 1 (finished, grant running), 4 and 5 (open); 2 is finished with its grant ended.
    const rasmus = before.rows.find((r) => r.personId === 2)!;
    expect(rasmus).toMatchObject({ activeCases: 3, weighted: 3, norm: 4, status: 'under', deadlinesAtRisk: 2, overdueFollowUps: 1 });

    const saved = call(service, 'setCaseloadWeight', { paragraph: '§ 107', weight: 2.5 }, 4);
    expect(saved).toMatchObject({ paragraph: '107', weight: 2.5, updatedBy: 'Dorte Direktør' });
    const after = teamLoad(call(service, 'getCaseload', { teamId: 1 }, null));
    expect(after.rows.find((r) => r.personId === 2)).toMatchObject({ activeCases: 3, weighted: 4.5, status: 'over' });
    // Sara: case 3 (finished, § 107 grant running) weighs 2.5; case 7 (§ 12, no grant) is not held.
    expect(after.rows.find((r) => r.personId === 3)).toMatchObject({ activeCases: 1, weighted: 2.5 });
    // The team's line: 4.5 + 2.5 weighted, 3 + 1 cases, against the norms 4 + 10; case 6 has nobody.
    expect(after.totals).toEqual({
      weighted: 7, cases: 4, unassigned: 1, norm: 14, normedWeighted: 7, normedCases: 4, percentOfNorm: 50, caseworkers: 2, overNorm: 1,
    });
    expect(after.deadlines.map((d) => [d.caseId, d.daysLeft])).toEqual([[4, 7], [5, 14]]);
    expect(after.overdueFollowUps.map((f) => [f.caseId, f.daysOverdue])).toEqual([[1, 22]]);
    const event = db.prepare("SELECT actor_id, field, from_value, to_value FROM events WHERE type = 'caseload_weight_changed'").get();
    expect(event).toEqual({ actor_id: 4, field: 'weight:107', from_value: '1', to_value: '2.5' });
  });

  it('gives the department head every team\'s caseload, the plan KPI the same figure, and each caseworker\'s cases', () => {
    // § 107 weighs 2.5 since the test before.
    const department = call(service, 'getCaseload', {}, 4);
    if (department.scope !== 'department') throw new Error('expected the department');
    expect(department.teams.map((t) => [t.team, t.totals.weighted, t.totals.cases, t.totals.percentOfNorm])).toEqual([
      ['Team Test', 7, 4, 50], ['Team Anden', 0, 0, null],
    ]);
    expect(department.teams[0]!.rows.map((r) => [r.name, r.weighted, r.activeCases])).toEqual([['Rasmus Rådgiver', 4.5, 3], ['Sara Sagsbehandler', 2.5, 1]]);
    expect(department.totals).toMatchObject({ weighted: 7, cases: 4, unassigned: 1, norm: 14, percentOfNorm: 50 });
    // A team's leader gets no department (the dispatcher refuses it).
    const refused = service.dispatch('getCaseload', {}, service.as(1));
    expect(!refused.ok && refused.error.code).toBe('forbidden');

    const kpi = call(service, 'previewKpi', { teamId: 1, spec: { kind: 'caseload_vs_norm' } }, null);
    expect(kpi).toMatchObject({ value: 50, caseload: { weighted: 7, cases: 4, norm: 14 } });

    const mine = call(service, 'getCaseloadCases', { teamId: 1, personId: 2 }, 1);
    expect(mine).toMatchObject({ name: 'Rasmus Rådgiver', weighted: 4.5 });
    // Open cases first in board order and by deadline, then the finished one followed up.
    expect(mine.cases.map((c) => [c.caseId, c.weight, c.done])).toEqual([[4, 2.5, false], [5, 1, false], [1, 1, true]]);
    expect(call(service, 'getCaseloadCases', { teamId: 1, personId: null }, 1).cases.map((c) => c.caseId)).toEqual([6]);
    const nobody = service.dispatch('getCaseloadCases', { teamId: 1, personId: 4 }, service.as(1));
    expect(!nobody.ok && nobody.error.code).toBe('not_found');
  });

  it('saves review notes per week and shows them on next week\'s review', () => {
    call(service, 'addReviewNote', { teamId: 1, weekStart: '2026-11-18', kind: 'decision', text: 'Max to sager i Afventer pr. rådgiver' }, 1);
    const thisWeek = call(service, 'getWeeklyReview', { teamId: 1, weekStart: '2026-11-16' }, null);
    expect(thisWeek.notes.map((n) => [n.weekStart, n.kind, n.text])).toEqual([['2026-11-16', 'decision', 'Max to sager i Afventer pr. rådgiver']]);
    const next = call(service, 'getWeeklyReview', { teamId: 1 }, null);
    expect(next.weekStart).toBe('2026-11-23');
    expect(next.previousNotes.map((n) => n.text)).toEqual(['Max to sager i Afventer pr. rådgiver']);
    expect(next.notes).toEqual([]);
    // Today's review: case 6 finished today; E (5) is still blocked; Rasmus is over his norm.
    expect(next.finished.map((f) => f.caseId)).toEqual([6]);
    expect(next.blocked.map((b) => [b.caseId, b.days])).toEqual([[5, daysSince('2026-03-12')]]);
    expect(next.caseloadOutliers.map((r) => r.personId)).toEqual([2]);
  });
});

const daysSince = (day: string) => cycleTime(day, '2026-11-23') - 1;

describe('flow facts on the demo department', () => {
  let dir: string;
  let db: Db;

  beforeAll(() => {
    dir = tempDir('flowtavle-flow-demo-');
    db = openStore(join(dir, 'demo.db'));
    generateDemo(db, { seed: 3, today: '2026-11-23' });
  }, 120_000);
  afterAll(() => {
    closeStore(db);
    rmSync(dir, { recursive: true, force: true });
  });

  function events(): FlowEvent[] {
    return db.prepare('SELECT case_id AS caseId, at, type, field, to_value AS "to", reason FROM events WHERE case_id IS NOT NULL ORDER BY id').all() as FlowEvent[];
  }

  it('has the facts a replay of the whole event log gives', () => {
    const kinds = new Map((db.prepare('SELECT id, kind FROM board_columns').all() as { id: number; kind: ColumnKind }[]).map((c) => [c.id, c.kind]));
    const replay = caseFlows(events(), (id) => kinds.get(id));
    const stored = db.prepare('SELECT case_id, arrived_day, start_day, finish_day FROM flow_cases').all() as {
      case_id: number; arrived_day: string; start_day: string | null; finish_day: string | null;
    }[];
    expect(stored.length).toBe(replay.size);
    expect(stored.length).toBeGreaterThan(6_000);
    for (const s of stored) {
      const r = replay.get(s.case_id)!;
      expect([s.case_id, s.arrived_day, s.start_day, s.finish_day]).toEqual([s.case_id, r.arrived, r.start, r.finish]);
    }
    const blocks = db.prepare('SELECT case_id, from_day, to_day FROM flow_blocks ORDER BY case_id, from_day').all();
    const replayBlocks = [...replay.values()].flatMap((f) => f.blocks.map((b) => ({ case_id: f.caseId, from_day: b.from, to_day: b.to })))
      .sort((a, b) => a.case_id - b.case_id || a.from_day.localeCompare(b.from_day));
    expect(blocks).toEqual(replayBlocks);
    expect(blocks.length).toBeGreaterThan(100);
  });

  it('counts the cumulative flow as a replay does', () => {
    const columns = db.prepare('SELECT id, position FROM board_columns WHERE team_id = 1').all() as { id: number; position: number }[];
    const ids = new Set(columns.map((c) => c.id));
    const teamEvents = events().filter((e) => e.to !== null && ids.has(Number(e.to)));
    const counts = reachCounts(columnReach(teamEvents, columns));
    for (const c of columns) {
      const stored = db.prepare('SELECT day, n FROM flow_reached_daily WHERE column_id = ? AND n <> 0 ORDER BY day').all(c.id);
      expect(stored).toEqual([...(counts.get(c.id) ?? new Map())].map(([day, n]) => ({ day, n })).sort((a, b) => a.day.localeCompare(b.day)));
    }
  });

  it('builds the same facts from existing events when the migration runs on an old store', () => {
    const snapshot = (table: string, order: string) => db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all();
    const before = {
      cases: snapshot('flow_cases', 'case_id'),
      reached: snapshot('flow_reached_daily', 'column_id, day'),
      blocks: db.prepare('SELECT case_id, team_id, reason, from_day, to_day FROM flow_blocks ORDER BY case_id, from_day').all(),
    };
    class Rollback extends Error {}
    let rebuilt: unknown;
    try {
      db.transaction(() => {
        db.exec('DELETE FROM flow_cases; DELETE FROM flow_reached_daily; DELETE FROM flow_blocks;');
        db.exec(backfill);
        rebuilt = {
          cases: snapshot('flow_cases', 'case_id'),
          reached: snapshot('flow_reached_daily', 'column_id, day'),
          blocks: db.prepare('SELECT case_id, team_id, reason, from_day, to_day FROM flow_blocks ORDER BY case_id, from_day').all(),
        };
        throw new Rollback();
      })();
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
    expect(rebuilt).toEqual(before);
    expect(before.cases.length).toBeGreaterThan(6_000);
    // The rollback restored the trigger and the facts.
    expect(snapshot('flow_cases', 'case_id')).toEqual(before.cases);
  });

  it('reports a team\'s 12 months from the facts as the replay does, fast', () => {
    const service = createService(db, { now: NOW });
    const kinds = new Map((db.prepare('SELECT id, kind FROM board_columns').all() as { id: number; kind: ColumnKind }[]).map((c) => [c.id, c.kind]));
    const teamCases = new Set((db.prepare('SELECT id FROM cases WHERE team_id = 4').all() as { id: number }[]).map((c) => c.id));
    const replay = [...caseFlows(events(), (id) => kinds.get(id)).values()].filter((f) => teamCases.has(f.caseId));
    const expected = flowReport('Team Nyansøgning', replay, '2025-11-24', '2026-11-23');
    // Its speed (50 ms) is npm run bench's "flow report, 12 months", not a timed test.
    const report = call(service, 'getFlowReport', { teamId: 4, from: '2025-11-24', to: '2026-11-23' }, null);
    expect(report).toEqual({ teamId: 4, ...expected });
    expect(expected.cycleTime.count).toBeGreaterThan(500);
  });
});
