import { describe, expect, it } from 'vitest';
import type { ChangeNotice } from '../../shared/api/client';
import type { Board } from '../../shared/api/methods/board';
import { boardRefreshFor, NOTICE_MAX_CASES, noticeScope, patchBoard } from '../../shared/boardSync';
import type { CaseCard } from '../../shared/domain';

const notice = (over: Partial<ChangeNotice>): ChangeNotice => ({ seq: 5, method: 'moveCard', at: '2026-12-01T09:00:00Z', scope: 'cases', caseIds: [7], teamIds: [1], ...over });
const onBoard = (ids: number[]) => ({ teamId: 1, lastSeq: 4, shows: (id: number) => ids.includes(id) });

describe('noticeScope: what a write reached, from the events it appended', () => {
  it('names the cases when every event is about a case card', () => {
    expect(noticeScope([{ caseId: 9, entity: 'case' }, { caseId: 3, entity: 'grant' }, { caseId: 9, entity: 'case' }])).toEqual({ scope: 'cases', caseIds: [3, 9] });
  });
  it('says "the store" for a column, a person or a case event without a case', () => {
    expect(noticeScope([{ caseId: 9, entity: 'case' }, { caseId: null, entity: 'column' }])).toEqual({ scope: 'store', caseIds: [] });
    expect(noticeScope([{ caseId: null, entity: 'person' }])).toEqual({ scope: 'store', caseIds: [] });
    expect(noticeScope([{ caseId: null, entity: 'case' }])).toEqual({ scope: 'store', caseIds: [] });
  });
  it('leaves out what no board shows: a budget alone touches no card', () => {
    expect(noticeScope([{ caseId: null, entity: 'budget' }])).toEqual({ scope: 'cases', caseIds: [] });
    expect(noticeScope([{ caseId: null, entity: 'budget' }, { caseId: 4, entity: 'case' }])).toEqual({ scope: 'cases', caseIds: [4] });
  });
  it('says "the store" for a write without events and for one over the case limit (an import)', () => {
    expect(noticeScope([])).toEqual({ scope: 'store', caseIds: [] });
    const many = Array.from({ length: NOTICE_MAX_CASES + 1 }, (_, i) => ({ caseId: i + 1, entity: 'case' }));
    expect(noticeScope(many)).toEqual({ scope: 'store', caseIds: [] });
    expect(noticeScope(many.slice(1)).caseIds).toHaveLength(NOTICE_MAX_CASES);
  });
});

describe('boardRefreshFor: what a board fetches for a notice', () => {
  it('fetches the named cards when the change is on its team', () => {
    expect(boardRefreshFor(notice({}), onBoard([]))).toEqual({ kind: 'cards', caseIds: [7] });
  });
  it('fetches them when a card it shows left for another team', () => {
    expect(boardRefreshFor(notice({ teamIds: [2] }), onBoard([7]))).toEqual({ kind: 'cards', caseIds: [7] });
  });
  it('fetches nothing for another team\'s change or a write that touched no card', () => {
    expect(boardRefreshFor(notice({ teamIds: [2] }), onBoard([8]))).toEqual({ kind: 'none' });
    expect(boardRefreshFor(notice({ caseIds: [], teamIds: [] }), onBoard([8]))).toEqual({ kind: 'none' });
  });
  it('reloads for a store-wide change, after a gap in the notices, and after a reconnect', () => {
    expect(boardRefreshFor(notice({ scope: 'store', caseIds: [], teamIds: [] }), onBoard([]))).toEqual({ kind: 'reload' });
    expect(boardRefreshFor(notice({ seq: 7 }), onBoard([]))).toEqual({ kind: 'reload' });
    expect(boardRefreshFor(notice({ seq: -1 }), { ...onBoard([]), lastSeq: null })).toEqual({ kind: 'reload' });
  });
  it('takes the first notice after a load as it comes', () => {
    expect(boardRefreshFor(notice({ seq: 40 }), { ...onBoard([]), lastSeq: null })).toEqual({ kind: 'cards', caseIds: [7] });
  });
});

describe('patchBoard', () => {
  const card = (id: number, columnId: number, sortKey: number): CaseCard => ({ id, columnId, sortKey } as CaseCard);
  const board = {
    team: { id: 1, name: 'T' },
    columns: [{ id: 10, position: 1 }, { id: 11, position: 2 }],
    cards: [card(1, 10, 1), card(2, 10, 2), card(3, 11, 1)],
    columnCounts: { 10: 2, 11: 1 },
    people: [],
  } as unknown as Board;
  it('replaces a moved card in board order, drops one that left and adds one that came', () => {
    const patched = patchBoard(board, [1, 3, 9], { cards: [card(1, 11, 0.5), card(9, 10, 1.5)], columnCounts: { 10: 2, 11: 1 } });
    expect(patched.cards.map((c) => [c.id, c.columnId])).toEqual([[9, 10], [2, 10], [1, 11]]);
    expect(patched.columnCounts).toEqual({ 10: 2, 11: 1 });
    expect(board.cards).toHaveLength(3);
  });
});
