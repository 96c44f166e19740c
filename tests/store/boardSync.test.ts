// The board as it travels (issue 19): open cards plus the latest closed ones, done columns paged,
// and change notices that name the cases a write touched, on the demo department's store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore, openStore, type Db } from '../../db/connection';
import { generateDemo } from '../../db/demo/generate';
import { createService, type Service } from '../../db/service';
import type { ChangeNotice } from '../../shared/api/client';
import { systemContext } from '../../shared/api/define';
import { BOARD_DONE_RECENT, DONE_PAGE, patchBoard } from '../../shared/boardSync';
import { ok } from '../support/envelope';

const TODAY = '2026-11-23';
const dir = mkdtempSync(join(tmpdir(), 'flowtavle-board-sync-'));
let db: Db;
let service: Service;
let team: number;
const notices: ChangeNotice[] = [];

beforeAll(() => {
  db = openStore(join(dir, 'demo.db'));
  generateDemo(db, { seed: 1, today: TODAY });
  service = createService(db, { now: () => new Date(`${TODAY}T09:00:00Z`) });
  service.subscribe((n) => notices.push(n));
  team = (db.prepare('SELECT team_id AS id FROM cases GROUP BY team_id ORDER BY COUNT(*) DESC LIMIT 1').get() as { id: number }).id;
}, 180_000);
afterAll(() => {
  closeStore(db);
  rmSync(dir, { recursive: true, force: true });
});

const sys = () => systemContext();
const leader = () => (db.prepare("SELECT id FROM people WHERE team_id = ? AND role = 'leader' LIMIT 1").get(team) as { id: number }).id;

describe('getBoard loads the open cards and each done column\'s latest closed ones', () => {
  it('holds every open card, the newest BOARD_DONE_RECENT of the done column, and every column\'s full count', () => {
    const board = service.handlers.getBoard({ teamId: team }, sys());
    const done = board.columns.filter((c) => c.kind === 'done');
    expect(done.length).toBeGreaterThan(0);
    const openInStore = db.prepare("SELECT COUNT(*) AS n FROM cases c JOIN board_columns b ON b.id = c.column_id WHERE c.team_id = ? AND b.kind <> 'done'").get(team) as { n: number };
    expect(board.cards.filter((c) => done.every((d) => d.id !== c.columnId))).toHaveLength(openInStore.n);
    for (const column of done) {
      const inStore = db.prepare('SELECT id FROM cases WHERE column_id = ? ORDER BY column_entered_at DESC, id DESC').all(column.id) as { id: number }[];
      expect(inStore.length).toBeGreaterThan(BOARD_DONE_RECENT); // the demo's done column is long enough to be cut
      expect(board.columnCounts[column.id]).toBe(inStore.length);
      const loaded = board.cards.filter((c) => c.columnId === column.id).map((c) => c.id).sort((a, b) => a - b);
      expect(loaded).toEqual(inStore.slice(0, BOARD_DONE_RECENT).map((r) => r.id).sort((a, b) => a - b));
    }
    const counts = db.prepare('SELECT column_id, COUNT(*) AS n FROM cases WHERE team_id = ? GROUP BY column_id').all(team) as { column_id: number; n: number }[];
    for (const { column_id, n } of counts) expect(board.columnCounts[column_id]).toBe(n);
    // Board order: column position, then sort key.
    const position = new Map(board.columns.map((c) => [c.id, c.position]));
    const order = board.cards.map((c) => [position.get(c.columnId)!, c.sortKey] as const);
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
  });

  it('pages a done column with getDoneCards, newest first, and refuses a column that is not a done column of the team', () => {
    const board = service.handlers.getBoard({ teamId: team }, sys());
    const done = board.columns.find((c) => c.kind === 'done')!;
    const inStore = (db.prepare('SELECT id FROM cases WHERE column_id = ? ORDER BY column_entered_at DESC, id DESC').all(done.id) as { id: number }[]).map((r) => r.id);
    const page = service.handlers.getDoneCards({ teamId: team, columnId: done.id, offset: BOARD_DONE_RECENT }, sys());
    expect(page.total).toBe(inStore.length);
    expect(page.cards.map((c) => c.id)).toEqual(inStore.slice(BOARD_DONE_RECENT, BOARD_DONE_RECENT + DONE_PAGE));
    const open = board.columns.find((c) => c.kind !== 'done')!;
    expect(service.dispatch('getDoneCards', { teamId: team, columnId: open.id, offset: 0 }, sys())).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const other = db.prepare("SELECT id FROM board_columns WHERE team_id <> ? AND kind = 'done' LIMIT 1").get(team) as { id: number };
    expect(service.dispatch('getDoneCards', { teamId: team, columnId: other.id, offset: 0 }, sys())).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('a change notice names what the write touched', () => {
  it('a move: the card and its team; the board patched from getBoardCards equals a fresh load', () => {
    const before = service.handlers.getBoard({ teamId: team }, sys());
    const [first, second] = before.columns.filter((c) => c.kind !== 'done');
    const card = before.cards.find((c) => c.columnId === first!.id)!;
    notices.length = 0;
    ok(service.dispatch('moveCard', { caseId: card.id, toColumnId: second!.id, reason: 'Test af ændringsbesked' }, service.as(leader())));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ method: 'moveCard', scope: 'cases', caseIds: [card.id], teamIds: [team] });
    const update = service.handlers.getBoardCards({ teamId: team, caseIds: notices[0]!.caseIds }, sys());
    const patched = patchBoard(before, notices[0]!.caseIds, update);
    expect(patched).toEqual(service.handlers.getBoard({ teamId: team }, sys()));
  });

  it('getBoardCards leaves out a case of another team (it has left this board)', () => {
    const foreign = db.prepare('SELECT id FROM cases WHERE team_id <> ? LIMIT 1').get(team) as { id: number };
    const own = service.handlers.getBoard({ teamId: team }, sys()).cards[0]!;
    const update = service.handlers.getBoardCards({ teamId: team, caseIds: [foreign.id, own.id] }, sys());
    expect(update.cards.map((c) => c.id)).toEqual([own.id]);
  });

  it('a column change reaches the whole store; a budget touches no card', () => {
    notices.length = 0;
    const column = service.handlers.getBoard({ teamId: team }, sys()).columns.find((c) => c.kind === 'queue')!;
    ok(service.dispatch('updateColumn', { columnId: column.id, wipLimit: 999 }, service.as(leader())));
    ok(service.dispatch('setBudget', { teamId: team, year: 2026, amount: 12_345_678 }, service.as(leader())));
    expect(notices.map((n) => [n.method, n.scope, n.caseIds])).toEqual([['updateColumn', 'store', []], ['setBudget', 'cases', []]]);
  });

  it('a refused write sends no notice', () => {
    notices.length = 0;
    const card = service.handlers.getBoard({ teamId: team }, sys()).cards[0]!;
    expect(service.dispatch('moveCard', { caseId: card.id, toColumnId: 999_999 }, service.as(leader())).ok).toBe(false);
    expect(notices).toEqual([]);
  });
});
