import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, openStore, type Db } from '../../db/connection';
import { generateDemo } from '../../db/demo/generate';
import { createService, type Service } from '../../db/service';
import type { InputOf, MethodName, ResultOf } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/envelope';
import { progressionStatus } from '../../shared/progression';
import type { Assessment } from '../../shared/progression';
import { systemContext } from '../../shared/api/define';
import { ok } from '../support/envelope';
import type { Board } from '../../shared/api/methods/board';
import { BOARD_DONE_RECENT } from '../../shared/boardSync';

const dir = mkdtempSync(join(tmpdir(), 'flowtavle-board-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOW = new Date('2026-11-23T10:00:00Z');
const TODAY = '2026-11-23';

// Team 1: leader 1, caseworkers 2 (personal limit 1) and 3; columns queue 10, active 11 (limit 1), active 12, done 13.
function fixture(name: string): { db: Db; service: Service } {
  const db = openStore(join(dir, `${name}.db`));
  db.exec(`
    INSERT INTO teams (id, name) VALUES (1, 'Team Test'), (2, 'Team Anden');
    INSERT INTO people (id, name, initials, role, team_id, wip_limit) VALUES
      (1, 'Lea Leder', 'LL', 'leader', 1, NULL), (2, 'Rita Rådgiver', 'RR', 'caseworker', 1, 1),
      (3, 'Bo Behandler', 'BB', 'caseworker', 1, NULL), (4, 'Ane Anden', 'AA', 'caseworker', 2, NULL);
    INSERT INTO citizens (id, ref, initials) VALUES (1, 'B1', 'KL'), (2, 'B2', 'MN'), (3, 'B3', 'OP');
    INSERT INTO board_columns (id, team_id, name, position, kind, wip_limit) VALUES
      (10, 1, 'Indkommet', 1, 'queue', NULL), (11, 1, 'Udredning', 2, 'active', 1),
      (12, 1, 'Afgørelse', 3, 'active', NULL), (13, 1, 'Afsluttet', 4, 'done', NULL),
      (20, 2, 'Indkommet', 1, 'queue', NULL);
    INSERT INTO cases (id, case_number, citizen_id, team_id, assignee_id, kind, paragraph, column_id, sort_key,
      received_date, legal_deadline, column_entered_at) VALUES
      (1, '2026-000001', 1, 1, 2, 'application', '85', 10, 16384, '2026-11-01', '2026-12-27', '2026-11-01'),
      (2, '2026-000002', 2, 1, 3, 'application', '85', 10, 32768, '2026-11-02', '2026-12-28', '2026-11-02'),
      (3, '2026-000003', 3, 1, 2, 'application', '82b', 11, 16384, '2026-10-01', '2026-11-26', '2026-10-10');
  `);
  return { db, service: createService(db, { now: () => NOW }) };
}

/** A typed dispatch, as the renderer's client sees it. */
function call<K extends MethodName>(service: Service, method: K, input: InputOf<K>, actorId: number | null): Envelope<ResultOf<K>> {
  return service.dispatch(method, input, actorId === null ? systemContext() : service.as(actorId)) as Envelope<ResultOf<K>>;
}

const events = (db: Db, caseId: number) =>
  db.prepare('SELECT type, field, from_value, to_value, reason, actor_id FROM events WHERE case_id = ? ORDER BY id').all(caseId);

describe('moving cards under WIP limits', () => {
  let db: Db;
  let service: Service;
  beforeEach((t) => ({ db, service } = fixture(`move-${t.task.id}`)));

  it('moves a card and records who, when, from and to', () => {
    const result = ok(call(service, 'moveCard', { caseId: 2, toColumnId: 12 }, 3)) as { card: { columnId: number; columnEnteredAt: string }; wipLimitExceeded: boolean; eventId: number };
    expect(result.card.columnId).toBe(12);
    expect(result.card.columnEnteredAt).toBe(TODAY);
    expect(result.wipLimitExceeded).toBe(false);
    expect(events(db, 2)).toEqual([{ type: 'moved', field: 'column', from_value: '10', to_value: '12', reason: null, actor_id: 3 }]);
    expect(db.prepare('SELECT at FROM events WHERE id = ?').get(result.eventId)).toEqual({ at: NOW.toISOString() });
  });

  it('refuses a move into a full column without a reason and records one with it', () => {
    const refused = call(service, 'moveCard', { caseId: 2, toColumnId: 11 }, 3);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('wip_limit');
    expect(refused.error.message).toContain('Udredning');
    expect(refused.error.details?.breaches).toEqual([{ scope: 'column', name: 'Udredning', limit: 1, count: 1 }]);
    expect(db.prepare('SELECT column_id FROM cases WHERE id = 2').get()).toEqual({ column_id: 10 });
    expect(events(db, 2)).toEqual([]);

    const moved = ok(call(service, 'moveCard', { caseId: 2, toColumnId: 11, reason: 'Akut sag fra hospitalet' }, 3));
    expect(moved).toMatchObject({ wipLimitExceeded: true, card: { columnId: 11 } });
    expect(events(db, 2)).toEqual([
      { type: 'moved_over_wip_limit', field: 'column', from_value: '10', to_value: '11', reason: 'Akut sag fra hospitalet', actor_id: 3 },
    ]);
  });

  it("holds a caseworker to their personal limit of active cases", () => {
    // Rita (limit 1) holds case 3 in an active column; her case 1 entering the unlimited column 12 breaches her limit.
    const refused = call(service, 'moveCard', { caseId: 1, toColumnId: 12 }, 2);
    expect(refused.ok || refused.error.details?.breaches).toEqual([{ scope: 'person', name: 'Rita Rådgiver', limit: 1, count: 1 }]);
    // Moving between active columns does not add to her work in progress.
    ok(call(service, 'moveCard', { caseId: 3, toColumnId: 12 }, 2));
    // Bo has no personal limit.
    ok(call(service, 'moveCard', { caseId: 2, toColumnId: 12 }, 3));
  });

  it('places a card above another and reorders without an over-limit', () => {
    ok(call(service, 'moveCard', { caseId: 2, toColumnId: 10, beforeCaseId: 1 }, 3));
    const order = db.prepare('SELECT id FROM cases WHERE column_id = 10 ORDER BY sort_key').all();
    expect(order).toEqual([{ id: 2 }, { id: 1 }]);
    expect(events(db, 2)).toMatchObject([{ type: 'reordered', from_value: '10', to_value: '10' }]);
  });

  it('records an undo as a new move that names the event it undoes', () => {
    const first = ok(call(service, 'moveCard', { caseId: 2, toColumnId: 12 }, 3)) as { eventId: number };
    ok(call(service, 'moveCard', { caseId: 2, toColumnId: 10, beforeCaseId: null, replay: { kind: 'undo', eventId: first.eventId } }, 3));
    expect(events(db, 2)).toEqual([
      { type: 'moved', field: 'column', from_value: '10', to_value: '12', reason: null, actor_id: 3 },
      { type: 'moved', field: 'column', from_value: '12', to_value: '10', reason: `Fortrudt (hændelse #${first.eventId})`, actor_id: 3 },
    ]);
    const foreign = call(service, 'moveCard', { caseId: 1, toColumnId: 12, replay: { kind: 'undo', eventId: first.eventId } }, 3);
    expect(foreign.ok).toBe(false);
  });

  it('refuses a column of another team', () => {
    const refused = call(service, 'moveCard', { caseId: 1, toColumnId: 20 }, 2);
    expect(refused.ok ? null : refused.error.code).toBe('invalid_input');
  });
});

describe('undoing a move', () => {
  let db: Db;
  let service: Service;
  beforeEach((t) => ({ db, service } = fixture(`undo-${t.task.id}`)));

  const card = (caseId: number) => db.prepare('SELECT column_id, sort_key, column_entered_at FROM cases WHERE id = ?').get(caseId);
  const flow = (caseId: number) => db.prepare('SELECT team_id, arrived_day, start_day, finish_day, reached_position FROM flow_cases WHERE case_id = ?').get(caseId);
  const reached = () => db.prepare('SELECT column_id, day, n FROM flow_reached_daily ORDER BY column_id, day').all();

  it('puts the card back in its column and place with the day it entered the column, and takes back the flow facts', () => {
    const before = card(2);
    expect(before).toEqual({ column_id: 10, sort_key: 32768, column_entered_at: '2026-11-02' });
    const moved = ok(call(service, 'moveCard', { caseId: 2, toColumnId: 12 }, 3));
    expect(card(2)).toMatchObject({ column_id: 12, column_entered_at: TODAY });
    expect(flow(2)).toEqual({ team_id: 1, arrived_day: TODAY, start_day: TODAY, finish_day: null, reached_position: 3 });
    expect(reached()).toEqual([10, 11, 12].map((column_id) => ({ column_id, day: TODAY, n: 1 })));

    const undone = ok(call(service, 'undoMove', { caseId: 2, eventId: moved.eventId }, 3));
    expect(undone.card).toMatchObject({ columnId: 10, sortKey: 32768, columnEnteredAt: '2026-11-02' });
    expect(card(2)).toEqual(before);
    // The case never really entered the active column: no start, no pass through the columns.
    expect(flow(2)).toBeUndefined();
    expect(reached()).toEqual([]);
    expect(events(db, 2)).toEqual([
      { type: 'moved', field: 'column', from_value: '10', to_value: '12', reason: null, actor_id: 3 },
      { type: 'move_undone', field: 'undo', from_value: '12', to_value: '10', reason: `Fortrudt (hændelse #${moved.eventId})`, actor_id: 3 },
    ]);
    expect(undone.eventId).toBe((db.prepare('SELECT MAX(id) AS id FROM events').get() as { id: number }).id);
  });

  it('restores the flow facts the case had before the undone move', () => {
    ok(call(service, 'moveCard', { caseId: 2, toColumnId: 12 }, 3));
    const factsBefore = flow(2);
    const reachedBefore = reached();
    const done = ok(call(service, 'moveCard', { caseId: 2, toColumnId: 13 }, 3));
    expect(flow(2)).toMatchObject({ finish_day: TODAY, reached_position: 4 });
    ok(call(service, 'undoMove', { caseId: 2, eventId: done.eventId }, 3));
    expect(flow(2)).toEqual(factsBefore);
    expect(reached()).toEqual(reachedBefore);
    expect(card(2)).toMatchObject({ column_id: 12, column_entered_at: TODAY });
  });

  it('refuses an undo by someone else, of a move that is no longer the latest, of an old move, or twice', () => {
    const moved = ok(call(service, 'moveCard', { caseId: 2, toColumnId: 12 }, 3));
    expect(call(service, 'undoMove', { caseId: 2, eventId: moved.eventId }, 1)).toMatchObject({ ok: false, error: { code: 'conflict', details: { refusal: 'other_person' } } });
    expect(call(service, 'undoMove', { caseId: 1, eventId: moved.eventId }, 3)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const later = createService(db, { now: () => new Date(NOW.getTime() + 9 * 3_600_000) });
    expect(call(later, 'undoMove', { caseId: 2, eventId: moved.eventId }, 3)).toMatchObject({ ok: false, error: { code: 'conflict', details: { refusal: 'too_old' } } });
    ok(call(service, 'updateCase', { caseId: 2, notes: 'Ringet op' }, 3));
    expect(call(service, 'undoMove', { caseId: 2, eventId: moved.eventId }, 3)).toMatchObject({ ok: false, error: { code: 'conflict', details: { refusal: 'not_latest' } } });
    expect(card(2)).toMatchObject({ column_id: 12, column_entered_at: TODAY });

    const again = ok(call(service, 'moveCard', { caseId: 2, toColumnId: 11, reason: 'Akut sag' }, 3));
    const undo = ok(call(service, 'undoMove', { caseId: 2, eventId: again.eventId }, 3));
    expect(undo.card.columnId).toBe(12);
    expect(call(service, 'undoMove', { caseId: 2, eventId: again.eventId }, 3)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('editing a case', () => {
  let db: Db;
  let service: Service;
  beforeEach((t) => ({ db, service } = fixture(`edit-${t.task.id}`)));

  it('blocks with a reason, counts from today, and unblocks', () => {
    const blocked = ok(call(service, 'updateCase', { caseId: 2, blocked: true, blockedReason: 'Afventer lægeerklæring' }, 3));
    expect(blocked.card).toMatchObject({ blocked: true, blockedReason: 'Afventer lægeerklæring', blockedSince: TODAY });
    ok(call(service, 'updateCase', { caseId: 2, blocked: false }, 3));
    expect(events(db, 2)).toEqual([
      { type: 'blocked', field: 'blocked', from_value: null, to_value: 'Afventer lægeerklæring', reason: 'Afventer lægeerklæring', actor_id: 3 },
      { type: 'unblocked', field: 'blocked', from_value: 'Afventer lægeerklæring', to_value: null, reason: null, actor_id: 3 },
    ]);
    const noReason = call(service, 'updateCase', { caseId: 2, blocked: true }, 3);
    expect(noReason.ok ? null : noReason.error.fields?.[0]?.field).toBe('blockedReason');
  });

  it('changes class of service, notes and assignee, one event each; an unchanged field writes nothing', () => {
    const result = ok(call(service, 'updateCase', { caseId: 2, classOfService: 'urgent', notes: 'Ring til pårørende', assigneeId: 3 }, 1));
    expect(result.eventIds).toHaveLength(2);
    expect(result.notes).toBe('Ring til pårørende');
    expect(events(db, 2)).toEqual([
      { type: 'class_changed', field: 'class_of_service', from_value: 'standard', to_value: 'urgent', reason: null, actor_id: 1 },
      { type: 'notes_changed', field: 'notes', from_value: null, to_value: 'Ring til pårørende', reason: null, actor_id: 1 },
    ]);
    ok(call(service, 'updateCase', { caseId: 2, assigneeId: 2 }, 1));
    expect(events(db, 2).at(-1)).toMatchObject({ type: 'assigned', from_value: '3', to_value: '2' });
  });

  it("asks for a reason when an active case goes to a caseworker at their limit, and refuses other teams' staff", () => {
    ok(call(service, 'moveCard', { caseId: 2, toColumnId: 12 }, 3));
    const refused = call(service, 'updateCase', { caseId: 2, assigneeId: 2 }, 1);
    expect(refused.ok ? null : refused.error.code).toBe('wip_limit');
    ok(call(service, 'updateCase', { caseId: 2, assigneeId: 2, reason: 'Rita kender borgeren' }, 1));
    expect(events(db, 2).at(-1)).toMatchObject({ type: 'assigned_over_wip_limit', reason: 'Rita kender borgeren' });
    const stranger = call(service, 'updateCase', { caseId: 2, assigneeId: 4 }, 1);
    expect(stranger.ok ? null : stranger.error.code).toBe('invalid_input');
  });

  it('adds a VUM assessment and judges progression against the previous expectation', () => {
    ok(service.dispatch('addAssessment', {
      caseId: 1, assessedOn: '2026-08-20', scores: { self_care: 3, mobility: 2 },
      expectedScores: { self_care: 2, mobility: 2 }, expectedBy: '2026-11-20',
    }, service.as(2)));
    const second = ok(call(service, 'addAssessment', { caseId: 1, assessedOn: '2026-11-20', scores: { self_care: 3, mobility: 2 } }, 2));
    expect(second).toMatchObject({ caseId: 1, assessedOn: '2026-11-20', scores: { self_care: 3, mobility: 2 }, expectedScores: null });
    const detail = ok(call(service, 'getCase', { caseId: 1 }, 2)) as { assessments: Assessment[]; progression: string };
    expect(detail.assessments.map((a) => a.assessedOn)).toEqual(['2026-08-20', '2026-11-20']);
    expect(detail.progression).toBe('off_track');
    const future = call(service, 'addAssessment', { caseId: 1, assessedOn: '2026-11-24', scores: { health: 1 } }, 2);
    expect(future.ok).toBe(false);
    const bad = call(service, 'addAssessment', { caseId: 1, assessedOn: '2026-11-20', scores: { health: 5 } }, 2);
    expect(bad.ok ? null : bad.error.code).toBe('invalid_input');
  });
});

describe('board settings', () => {
  let db: Db;
  let service: Service;
  beforeEach((t) => ({ db, service } = fixture(`settings-${t.task.id}`)));
  const names = () => (db.prepare('SELECT name FROM board_columns WHERE team_id = 1 ORDER BY position').all() as { name: string }[]).map((r) => r.name);

  it('is for leaders only', () => {
    const refused = call(service, 'addColumn', { teamId: 1, name: 'Visitationsudvalg', kind: 'active' }, 2);
    expect(refused.ok ? null : refused.error.code).toBe('forbidden');
    expect(names()).toEqual(['Indkommet', 'Udredning', 'Afgørelse', 'Afsluttet']);
  });

  it('adds, renames, limits, reorders and removes columns', () => {
    const added = ok(call(service, 'addColumn', { teamId: 1, name: 'Visitationsudvalg', kind: 'active', wipLimit: 4 }, 1));
    expect(added).toMatchObject({ name: 'Visitationsudvalg', position: 5, kind: 'active', wipLimit: 4 });
    ok(call(service, 'moveColumn', { columnId: added.id, toPosition: 3 }, 1));
    expect(names()).toEqual(['Indkommet', 'Udredning', 'Visitationsudvalg', 'Afgørelse', 'Afsluttet']);
    ok(call(service, 'updateColumn', { columnId: added.id, name: 'Udvalg', wipLimit: null }, 1));
    expect(db.prepare('SELECT name, wip_limit FROM board_columns WHERE id = ?').get(added.id)).toEqual({ name: 'Udvalg', wip_limit: null });
    const dup = call(service, 'updateColumn', { columnId: added.id, name: 'afgørelse' }, 1);
    expect(dup.ok ? null : dup.error.code).toBe('conflict');
    const columns = ok(call(service, 'removeColumn', { columnId: added.id }, 1));
    expect(columns.map((c) => [c.name, c.position])).toEqual([['Indkommet', 1], ['Udredning', 2], ['Afgørelse', 3], ['Afsluttet', 4]]);
    const types = db.prepare("SELECT type FROM events WHERE entity = 'column' ORDER BY id").all();
    expect(types.map((r) => (r as { type: string }).type)).toEqual(['column_added', 'column_moved', 'column_renamed', 'column_limit_changed', 'column_removed']);
  });

  it('keeps a column that still has cards', () => {
    const refused = call(service, 'removeColumn', { columnId: 10 }, 1);
    expect(refused.ok ? null : [refused.error.code, refused.error.details]).toEqual(['conflict', { count: 2 }]);
    expect(names()).toContain('Indkommet');
  });
});

describe('the demo department', () => {
  let db: Db;
  beforeAll(() => {
    db = openStore(join(dir, 'demo.db'));
    generateDemo(db, { seed: 1, today: TODAY });
  });
  afterAll(() => closeStore(db));

  it('has VUM assessments for a realistic share of cases with grants, some off track', () => {
    const withGrants = (db.prepare('SELECT COUNT(DISTINCT case_id) AS n FROM grants').get() as { n: number }).n;
    const assessed = (db.prepare('SELECT COUNT(DISTINCT case_id) AS n FROM assessments').get() as { n: number }).n;
    expect(assessed / withGrants).toBeGreaterThan(0.25);
    expect(assessed / withGrants).toBeLessThan(0.5);
    const service = createService(db, { now: () => NOW });
    const ids = (db.prepare('SELECT DISTINCT case_id FROM assessments ORDER BY case_id').all() as { case_id: number }[]).map((r) => r.case_id);
    const counts = { on_track: 0, off_track: 0, no_expectation: 0 };
    for (const caseId of ids) {
      const detail = ok(call(service, 'getCase', { caseId }, null)) as { assessments: Assessment[]; progression: keyof typeof counts };
      expect(detail.assessments.length).toBeGreaterThanOrEqual(1);
      expect(detail.assessments.length).toBeLessThanOrEqual(4);
      expect(detail.progression).toBe(progressionStatus(detail.assessments.at(-1)!, detail.assessments.at(-2) ?? null));
      counts[detail.progression]++;
    }
    expect(counts.off_track).toBeGreaterThan(ids.length * 0.08);
    expect(counts.on_track).toBeGreaterThan(counts.off_track);
    const future = db.prepare('SELECT COUNT(*) AS n FROM assessments WHERE assessed_on > ?').get(TODAY) as { n: number };
    expect(future.n).toBe(0);
  });

  it('serves the largest team board with every open card, the latest closed ones and every column\'s count', () => {
    const service = createService(db, { now: () => NOW });
    // How fast is npm run bench's "largest team's board", not a timed test.
    const board = ok(call(service, 'getBoard', { teamId: 4 }, null)) as Board;
    const counts = Object.values(board.columnCounts);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2224);
    expect(board.columns).toHaveLength(6);
    const done = board.columns.filter((c) => c.kind === 'done').map((c) => c.id);
    const open = board.cards.filter((c) => !done.includes(c.columnId));
    expect(open.length + done.reduce((n, id) => n + board.columnCounts[id]!, 0)).toBe(2224);
    expect(board.cards).toHaveLength(open.length + done.length * BOARD_DONE_RECENT);
  });
});
