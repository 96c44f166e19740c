// The board's rules pinned at their boundaries (issue 20 item 7): every limit at, below and
// above; every deadline day yesterday, today and tomorrow; every filter field on its own.
import { describe, expect, it } from 'vitest';
import {
  activeCardsHeld, ageingLevel, cardMatches, columnWipBreach, daysBlocked, daysInColumn, deadlineStatus, EMPTY_FILTER, emptyHistory,
  filterStorageKey, followUpLevel, groupIntoLanes, isFilterActive, laneChangeFor, laneKeyOf, moveWipBreaches, parseFilter,
  personWipBreach, recordAction, takeRedo, takeUndo, UNDO_LIMIT, undoMoveRefusal, UNDO_MOVE_WINDOW_MINUTES, wipDecision,
  wipRefusalMessage, WIP_REASON_MIN, type BoardFilter,
} from '../../shared/board';
import type { BoardColumn } from '../../shared/domain';
import { card, column, person, TODAY } from '../support/builders';

const YESTERDAY = '2026-11-22';
const TOMORROW = '2026-11-24';

describe('ageing of a card in its column', () => {
  it('a card that arrived today has been 0 days in its column, and a future arrival day never counts negative', () => {
    expect(daysInColumn({ columnEnteredAt: TODAY }, TODAY)).toBe(0);
    expect(daysInColumn({ columnEnteredAt: YESTERDAY }, TODAY)).toBe(1);
    expect(daysInColumn({ columnEnteredAt: TOMORROW }, TODAY)).toBe(0);
  });

  it('grades time in the column at the week boundaries: 6 fresh, 7 warm, 13 warm, 14 ageing, 27 ageing, 28 stale', () => {
    expect([0, 6, 7, 8, 13, 14, 15, 27, 28, 29].map((d) => ageingLevel(d, 'active'))).toEqual([
      'fresh', 'fresh', 'warm', 'warm', 'warm', 'ageing', 'ageing', 'ageing', 'stale', 'stale',
    ]);
  });

  it('cards in queue columns age like active ones, and cards in done columns never age', () => {
    expect(ageingLevel(28, 'queue')).toBe('stale');
    expect(ageingLevel(0, 'done')).toBe('none');
    expect(ageingLevel(7, 'done')).toBe('none');
  });
});

describe('legal deadline status by day', () => {
  const at = (deadline: string) => deadlineStatus(deadline, TODAY, 'active');
  it('a deadline of today is red with 0 days left but not overdue', () => {
    expect(at(TODAY)).toEqual({ level: 'red', daysLeft: 0, overdue: false });
  });
  it('a deadline of yesterday is overdue by one day', () => {
    expect(at(YESTERDAY)).toEqual({ level: 'red', daysLeft: -1, overdue: true });
  });
  it('a deadline of tomorrow is red with one day left and not overdue', () => {
    expect(at(TOMORROW)).toEqual({ level: 'red', daysLeft: 1, overdue: false });
  });
  it('red runs to 7 days left, amber from 8 to 14, ok from 15', () => {
    expect(at('2026-11-30').level).toBe('red');
    expect(at('2026-12-01').level).toBe('amber');
    expect(at('2026-12-07').level).toBe('amber');
    expect(at('2026-12-08').level).toBe('ok');
  });
  it('a decided case or a case without a deadline carries no risk and no days left', () => {
    expect(deadlineStatus(YESTERDAY, TODAY, 'done')).toEqual({ level: 'none', daysLeft: null, overdue: false });
    expect(deadlineStatus(null, TODAY, 'queue')).toEqual({ level: 'none', daysLeft: null, overdue: false });
  });
});

describe('blocked days', () => {
  it('a card blocked today has 0 blocked days; a blocked-since day in the future counts 0', () => {
    expect(daysBlocked({ blocked: true, blockedSince: TODAY }, TODAY)).toBe(0);
    expect(daysBlocked({ blocked: true, blockedSince: YESTERDAY }, TODAY)).toBe(1);
    expect(daysBlocked({ blocked: true, blockedSince: TOMORROW }, TODAY)).toBe(0);
  });
  it('a card that is not blocked, or blocked without a day, has no blocked days', () => {
    expect(daysBlocked({ blocked: false, blockedSince: YESTERDAY }, TODAY)).toBeNull();
    expect(daysBlocked({ blocked: true, blockedSince: null }, TODAY)).toBeNull();
  });
});

describe('follow-up level by day', () => {
  it('a follow-up of yesterday is overdue, today and tomorrow are due', () => {
    expect(followUpLevel(YESTERDAY, TODAY)).toBe('overdue');
    expect(followUpLevel(TODAY, TODAY)).toBe('due');
    expect(followUpLevel(TOMORROW, TODAY)).toBe('due');
  });
  it('a follow-up is due up to 30 days ahead and later from 31', () => {
    expect(followUpLevel('2026-12-22', TODAY)).toBe('due'); // 29
    expect(followUpLevel('2026-12-23', TODAY)).toBe('due'); // 30
    expect(followUpLevel('2026-12-24', TODAY)).toBe('later'); // 31
  });
});

describe('filter rules', () => {
  it('the empty filter is not active, and each field on its own makes it active', () => {
    expect(isFilterActive(EMPTY_FILTER)).toBe(false);
    expect(isFilterActive({ ...EMPTY_FILTER, text: '   ' })).toBe(false);
    const one: Partial<BoardFilter>[] = [
      { text: 'ab' }, { assignee: 3 }, { assignee: 'unassigned' }, { paragraph: '85' }, { blocked: 'blocked' },
      { blocked: 'not_blocked' }, { deadline: 'red' }, { deadline: 'at_risk' }, { mine: true },
    ];
    expect(one.map((f) => isFilterActive({ ...EMPTY_FILTER, ...f }))).toEqual(one.map(() => true));
  });

  const kinds = new Map<number, BoardColumn['kind']>([[1, 'active'], [2, 'done']]);
  const context = { today: TODAY, actorId: 7 as number | null, kindOf: (id: number) => kinds.get(id)! };
  const cards = [
    card(1, { assigneeId: 7, legalDeadline: '2026-11-30' }), // red (7 days)
    card(2, { assigneeId: 8, legalDeadline: '2026-12-01' }), // amber (8 days)
    card(3, { assigneeId: null, legalDeadline: '2026-12-08' }), // ok (15 days)
    card(4, { assigneeId: 7, legalDeadline: null, blocked: true, blockedSince: TODAY }),
  ];
  const ids = (f: Partial<BoardFilter>, ctx = context) => cards.filter((c) => cardMatches(c, { ...EMPTY_FILTER, ...f }, ctx)).map((c) => c.id);

  it('"my cards" shows nothing to someone who is not signed in', () => {
    expect(ids({ mine: true }, { ...context, actorId: null })).toEqual([]);
    expect(ids({ mine: true })).toEqual([1, 4]);
  });
  it('a caseworker filter shows only that caseworker\'s cards', () => {
    expect(ids({ assignee: 7 })).toEqual([1, 4]);
    expect(ids({ assignee: 'unassigned' })).toEqual([3]);
  });
  it('"not blocked" hides blocked cards, "blocked" shows only them', () => {
    expect(ids({ blocked: 'not_blocked' })).toEqual([1, 2, 3]);
    expect(ids({ blocked: 'blocked' })).toEqual([4]);
  });
  it('"at risk" shows red and amber deadlines, "red" only red ones; no deadline is no risk', () => {
    expect(ids({ deadline: 'at_risk' })).toEqual([1, 2]);
    expect(ids({ deadline: 'red' })).toEqual([1]);
  });
  it('a search matches case number and initials case-insensitively, trimmed', () => {
    const c = card(9, { citizenInitials: 'KL' });
    expect(cardMatches(c, { ...EMPTY_FILTER, text: '  kl  ' }, context)).toBe(true);
    expect(cardMatches(c, { ...EMPTY_FILTER, text: '2026-000009   KL' }, context)).toBe(true);
    expect(cardMatches(c, { ...EMPTY_FILTER, text: 'kl zz' }, context)).toBe(false);
    expect(cardMatches(c, { ...EMPTY_FILTER, text: '000009kl' }, context)).toBe(false);
  });

  it('a saved filter keeps at most 100 characters of search text', () => {
    expect(parseFilter(JSON.stringify({ text: 'x'.repeat(150) })).text).toBe('x'.repeat(100));
  });
  it('a saved filter takes only a positive whole caseworker id', () => {
    expect(parseFilter(JSON.stringify({ assignee: 1 })).assignee).toBe(1);
    expect(parseFilter(JSON.stringify({ assignee: 0 })).assignee).toBeNull();
    expect(parseFilter(JSON.stringify({ assignee: 2.5 })).assignee).toBeNull();
    expect(parseFilter(JSON.stringify({ assignee: '3' })).assignee).toBeNull();
  });
  it('a saved filter ignores an empty paragraph, a non-text one and unknown blocked/deadline values', () => {
    expect(parseFilter(JSON.stringify({ paragraph: '' })).paragraph).toBeNull();
    expect(parseFilter(JSON.stringify({ paragraph: 85 })).paragraph).toBeNull();
    expect(parseFilter(JSON.stringify({ text: 5 })).text).toBe('');
    expect(parseFilter(JSON.stringify({ blocked: 'not_blocked', deadline: 'at_risk' }))).toEqual({ ...EMPTY_FILTER, blocked: 'not_blocked', deadline: 'at_risk' });
  });
  it('a saved filter that is not an object, or missing, falls back to a fresh empty filter', () => {
    for (const raw of ['5', 'null', '"text"', '', undefined]) {
      const f = parseFilter(raw);
      expect(f).toEqual(EMPTY_FILTER);
      expect(f).not.toBe(EMPTY_FILTER);
    }
    expect(parseFilter('{bad')).not.toBe(EMPTY_FILTER);
  });
  it('filters are stored per user and board, anonymous users under "anon"', () => {
    expect(filterStorageKey(7, 3)).toBe('flowtavle.board.filter.7.3');
    expect(filterStorageKey(null, 3)).toBe('flowtavle.board.filter.anon.3');
  });
});

describe('swimlane rules', () => {
  it('lane keys name the class, the caseworker or "none", and everything shares one lane otherwise', () => {
    expect(laneKeyOf(card(1, { classOfService: 'urgent' }), 'class')).toBe('class:urgent');
    expect(laneKeyOf(card(1, { assigneeId: 4 }), 'assignee')).toBe('person:4');
    expect(laneKeyOf(card(1), 'assignee')).toBe('person:none');
    expect(laneKeyOf(card(1, { assigneeId: 4 }), 'none')).toBe('all');
  });

  it('class lanes carry their class of service', () => {
    const lanes = groupIntoLanes([card(1, { classOfService: 'fixed_date' })], 'class', []);
    expect(lanes).toEqual([{ key: 'class:fixed_date', kind: 'class', classOfService: 'fixed_date', cards: [card(1, { classOfService: 'fixed_date' })] }]);
  });

  it('a leader gets a lane only when holding cards; an empty caseworker lane shows room; no unassigned lane without unassigned cards', () => {
    const people = [person(1, null, 'leader'), person(2, null, 'leader'), person(3, null)];
    const cards = [card(10, { assigneeId: 2 }), card(11, { assigneeId: 77 })];
    expect(groupIntoLanes(cards, 'assignee', people)).toEqual([
      { key: 'person:2', kind: 'assignee', personId: 2, cards: [cards[0]] },
      { key: 'person:3', kind: 'assignee', personId: 3, cards: [] },
      { key: 'person:77', kind: 'assignee', personId: 77, cards: [cards[1]] },
    ]);
    expect(groupIntoLanes([card(12)], 'assignee', [])).toEqual([{ key: 'person:none', kind: 'assignee', personId: null, cards: [card(12)] }]);
  });

  it('sprint lanes carry the sprint id and name', () => {
    const info = { current: { id: 10, name: 'Sprint 47' }, next: null, caseSprint: { 1: 10 } };
    expect(groupIntoLanes([card(1), card(2)], 'sprint', [], info)).toEqual([
      { key: 'sprint:current', kind: 'sprint', sprintId: 10, sprintName: 'Sprint 47', cards: [card(1)] },
      { key: 'sprint:none', kind: 'sprint', sprintId: null, sprintName: null, cards: [card(2)] },
    ]);
  });

  it('a drop changes class only between class lanes and caseworker only between caseworker lanes', () => {
    expect(laneChangeFor('person:1', 'class:urgent')).toBeNull();
    expect(laneChangeFor('class:urgent', 'person:1')).toBeNull();
    expect(laneChangeFor('all', 'class:urgent')).toBeNull();
    expect(laneChangeFor('person:1', 'person:abc')).toBeNull();
    expect(laneChangeFor('person:1', 'xperson:2')).toBeNull();
    expect(laneChangeFor('person:1', 'person:2x')).toBeNull();
    expect(laneChangeFor('class:urgent', 'xclass:standard')).toBeNull();
    expect(laneChangeFor('class:urgent', 'class:can_wait')).toEqual({ classOfService: 'can_wait' });
    expect(laneChangeFor('person:none', 'person:12')).toEqual({ assigneeId: 12 });
  });
});

describe('WIP limits at, below and above', () => {
  const col = (limit: number | null) => ({ name: 'Udredning', wipLimit: limit });
  it('a column below its limit takes another card; at or above its limit a move in breaches it', () => {
    expect(columnWipBreach(col(3), 2, true)).toBeNull();
    expect(columnWipBreach(col(3), 3, true)).toEqual({ scope: 'column', name: 'Udredning', limit: 3, count: 3 });
    expect(columnWipBreach(col(3), 4, true)).toEqual({ scope: 'column', name: 'Udredning', limit: 3, count: 4 });
  });
  it('a column without a limit, or a reorder inside the column, never breaches', () => {
    expect(columnWipBreach(col(null), 99, true)).toBeNull();
    expect(columnWipBreach(col(3), 5, false)).toBeNull();
  });

  const rita = (limit: number | null) => ({ name: 'Rita', wipLimit: limit });
  it('a caseworker below their personal WIP limit may take another case', () => {
    expect(personWipBreach(rita(2), 0, true)).toBeNull();
    expect(personWipBreach(rita(2), 1, true)).toBeNull();
  });
  it('a caseworker at or above their personal WIP limit breaches it', () => {
    expect(personWipBreach(rita(2), 2, true)).toEqual({ scope: 'person', name: 'Rita', limit: 2, count: 2 });
    expect(personWipBreach(rita(2), 3, true)).toEqual({ scope: 'person', name: 'Rita', limit: 2, count: 3 });
  });
  it('no personal breach without a person, without a limit, or when the card does not enter their active work', () => {
    expect(personWipBreach(null, 9, true)).toBeNull();
    expect(personWipBreach(rita(null), 9, true)).toBeNull();
    expect(personWipBreach(rita(2), 9, false)).toBeNull();
  });

  const columns = [column(1, 'queue'), column(2, 'active', 1), column(3, 'active'), column(4, 'done', 1)];
  const people = [person(5, 1), person(6, 5)];
  it('a caseworker below their personal limit moves a case into active work without a breach', () => {
    const cards = [card(1, { columnId: 1, assigneeId: 6 }), card(2, { columnId: 3, assigneeId: 6 })];
    expect(moveWipBreaches({ columns, cards, people }, 1, 3)).toEqual([]);
  });
  it('only the caseworker\'s own active cards count, not the moved card, not done or queue cards, not others\' cards', () => {
    const cards = [
      card(1, { columnId: 1, assigneeId: 5 }), card(2, { columnId: 4, assigneeId: 5 }), card(3, { columnId: 1, assigneeId: 5 }),
      card(4, { columnId: 3, assigneeId: 6 }),
    ];
    expect(moveWipBreaches({ columns, cards, people }, 1, 3)).toEqual([]);
    const full = [...cards, card(5, { columnId: 3, assigneeId: 5 })];
    expect(moveWipBreaches({ columns, cards: full, people }, 1, 3)).toEqual([{ scope: 'person', name: 'Person 5', limit: 1, count: 1 }]);
    // A card already in active work moving on does not count itself.
    expect(moveWipBreaches({ columns, cards: [card(5, { columnId: 3, assigneeId: 5 })], people }, 5, 3)).toEqual([]);
  });
  it('a caseworker at their limit may move an active case on to another active column', () => {
    const cols = [column(1, 'queue'), column(3, 'active'), column(5, 'active')];
    const cards = [card(1, { columnId: 3, assigneeId: 5 }), card(2, { columnId: 3, assigneeId: 5 })];
    expect(moveWipBreaches({ columns: cols, cards, people }, 1, 5)).toEqual([]);
  });
  it('reordering inside a column already over its limit never breaches it', () => {
    const cards = [card(1, { columnId: 2 }), card(2, { columnId: 2 })];
    expect(moveWipBreaches({ columns, cards, people }, 1, 2)).toEqual([]);
  });
  it('a column counts the cards already there apart from the moved one', () => {
    const cards = [card(1, { columnId: 1 }), card(2, { columnId: 4 })];
    expect(moveWipBreaches({ columns, cards, people }, 1, 4)).toEqual([{ scope: 'column', name: 'Kolonne 4', limit: 1, count: 1 }]);
    expect(moveWipBreaches({ columns, cards: [card(1, { columnId: 1 }), card(2, { columnId: 3 })], people }, 1, 4)).toEqual([]);
  });
  it('a card held by someone not on the board, an unknown card or column gives no breach', () => {
    const cards = [card(1, { columnId: 1, assigneeId: 99 })];
    expect(moveWipBreaches({ columns, cards, people }, 1, 3)).toEqual([]);
    expect(moveWipBreaches({ columns, cards, people }, 2, 3)).toEqual([]);
    expect(moveWipBreaches({ columns, cards: [card(1, { columnId: 1 }), card(2, { columnId: 2 })], people }, 1, 9)).toEqual([]);
  });
  it('a card from a column the board no longer has entering active work counts as new work', () => {
    const cards = [card(1, { columnId: 42, assigneeId: 5 }), card(2, { columnId: 3, assigneeId: 5 })];
    expect(moveWipBreaches({ columns, cards, people }, 1, 3)).toEqual([{ scope: 'person', name: 'Person 5', limit: 1, count: 1 }]);
  });

  it('a reason of exactly WIP_REASON_MIN characters (trimmed) lets a breach go; one fewer does not', () => {
    const b = [columnWipBreach(col(1), 1, true)!];
    expect(WIP_REASON_MIN).toBe(3);
    expect(wipDecision(b, 'abc')).toEqual({ allowed: true, breaches: b, overLimit: true });
    expect(wipDecision(b, '  ab  ').allowed).toBe(false);
    expect(wipDecision(b, ' abc ').allowed).toBe(true);
    expect(wipDecision(b, null).allowed).toBe(false);
  });
  it('no breaches means allowed without a reason and not over any limit', () => {
    expect(wipDecision([], null)).toEqual({ allowed: true, breaches: [], overLimit: false });
    expect(wipDecision([], 'Akut')).toEqual({ allowed: true, breaches: [], overLimit: false });
  });
  it('the refusal starts with a capital letter even when it starts with a person\'s name', () => {
    expect(wipRefusalMessage([{ scope: 'person', name: 'rita', limit: 2, count: 2 }]))
      .toBe('Rita har nået sin personlige WIP-grænse (2 af 2 aktive sager). Angiv en begrundelse for at gå over grænsen.');
  });
});

describe('undo of a move: window and person', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const move = { type: 'moved_over_wip_limit', actorId: 3, at: '2026-11-23T09:59:00.000Z', isLatest: true };
  it('a move over the WIP limit can be undone like any move', () => {
    expect(undoMoveRefusal(move, 3, now)).toBeNull();
  });
  it('a move with no known actor cannot be undone by anybody, not even an anonymous session', () => {
    expect(undoMoveRefusal({ ...move, actorId: null }, null, now)).toBe('other_person');
    expect(undoMoveRefusal({ ...move, actorId: null }, 3, now)).toBe('other_person');
  });
  it('the window is 8 hours: one millisecond inside may be undone, a garbled time may not', () => {
    expect(UNDO_MOVE_WINDOW_MINUTES).toBe(480);
    expect(undoMoveRefusal({ ...move, at: new Date(now.getTime() - 480 * 60_000 + 1).toISOString() }, 3, now)).toBeNull();
    expect(undoMoveRefusal({ ...move, at: 'not a time' }, 3, now)).toBe('too_old');
  });
  it('the type is checked before the person', () => {
    expect(undoMoveRefusal({ ...move, type: 'blocked', isLatest: false, actorId: 9 }, 3, now)).toBe('not_a_move');
  });
});

describe('cards held and the undo history limit', () => {
  it('counts only the person\'s cards in active columns', () => {
    const columns = [column(1, 'queue'), column(2, 'active'), column(3, 'done')];
    const cards = [card(1, { assigneeId: 5, columnId: 1 }), card(2, { assigneeId: 5, columnId: 2 }), card(3, { assigneeId: 5, columnId: 3 }),
      card(4, { assigneeId: 6, columnId: 2 }), card(5, { assigneeId: 5, columnId: 2 })];
    expect(activeCardsHeld(5, cards, columns)).toBe(2);
    expect(activeCardsHeld(7, cards, columns)).toBe(0);
    expect(activeCardsHeld(5, [card(1, { assigneeId: 5, columnId: 2 }), card(2, { assigneeId: 5, columnId: 2 }), card(3, { assigneeId: 5, columnId: 1 })], columns)).toBe(2);
  });
  it('the history keeps exactly the limit: at the limit nothing is dropped, one above drops the oldest', () => {
    let h = emptyHistory<number>();
    for (let i = 1; i <= 3; i++) h = recordAction(h, i, 3);
    expect(h.past).toEqual([1, 2, 3]);
    expect(recordAction(h, 4, 3).past).toEqual([2, 3, 4]);
  });
  it('the default history keeps 50 actions', () => {
    expect(UNDO_LIMIT).toBe(50);
    let h = emptyHistory<number>();
    for (let i = 1; i <= 51; i++) h = recordAction(h, i);
    expect(h.past).toHaveLength(50);
    expect(h.past[0]).toBe(2);
  });
  it('nothing to undo or redo in an empty history', () => {
    expect(emptyHistory()).toEqual({ past: [], future: [] });
    expect(takeUndo(emptyHistory())).toBeNull();
    expect(takeRedo(emptyHistory())).toBeNull();
  });
  it('undo moves the newest action to the redo list and redo takes the newest undone back', () => {
    const h = { past: [1, 2], future: [5, 4] };
    expect(takeUndo(h)).toEqual({ entry: 2, history: { past: [1], future: [5, 4, 2] } });
    expect(takeRedo(h)).toEqual({ entry: 4, history: { past: [1, 2, 4], future: [5] } });
  });
});
