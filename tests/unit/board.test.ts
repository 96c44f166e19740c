import { describe, expect, it } from 'vitest';
import {
  activeCardsHeld, ageingLevel, cardMatches, daysBlocked, daysInColumn, deadlineStatus, EMPTY_FILTER, emptyHistory,
  followUpLevel, groupIntoLanes, laneChangeFor, moveWipBreaches, parseFilter, recordAction, takeRedo, takeUndo, type BoardFilter,
  columnWipBreach, personWipBreach, undoMoveRefusal, UNDO_MOVE_WINDOW_MINUTES, wipDecision, type WipBreach,
} from '../../shared/board';
import type { CaseCard } from '../../shared/domain';
import { card, column, person, TODAY } from '../support/builders';

describe('ageing and deadlines', () => {
  it('counts days in the column and grades them by week', () => {
    expect(daysInColumn(card(1, { columnEnteredAt: '2026-11-16' }), TODAY)).toBe(7);
    expect(ageingLevel(6, 'active')).toBe('fresh');
    expect(ageingLevel(7, 'active')).toBe('warm');
    expect(ageingLevel(13, 'queue')).toBe('warm');
    expect(ageingLevel(14, 'queue')).toBe('ageing');
    expect(ageingLevel(28, 'active')).toBe('stale');
    expect(ageingLevel(400, 'done')).toBe('none');
  });

  it('is amber at 14 days or fewer and red at 7 or fewer or overdue', () => {
    expect(deadlineStatus('2026-12-08', TODAY, 'active')).toEqual({ level: 'ok', daysLeft: 15, overdue: false });
    expect(deadlineStatus('2026-12-07', TODAY, 'active')).toEqual({ level: 'amber', daysLeft: 14, overdue: false });
    expect(deadlineStatus('2026-12-01', TODAY, 'queue')).toEqual({ level: 'amber', daysLeft: 8, overdue: false });
    expect(deadlineStatus('2026-11-30', TODAY, 'queue')).toEqual({ level: 'red', daysLeft: 7, overdue: false });
    expect(deadlineStatus('2026-11-20', TODAY, 'active')).toEqual({ level: 'red', daysLeft: -3, overdue: true });
    expect(deadlineStatus('2026-11-20', TODAY, 'done').level).toBe('none');
    expect(deadlineStatus(null, TODAY, 'active').level).toBe('none');
  });

  it('counts blocked days and grades follow-ups', () => {
    expect(daysBlocked(card(1, { blocked: true, blockedReason: 'x', blockedSince: '2026-11-03' }), TODAY)).toBe(20);
    expect(daysBlocked(card(1), TODAY)).toBeNull();
    expect(followUpLevel('2026-11-22', TODAY)).toBe('overdue');
    expect(followUpLevel('2026-12-23', TODAY)).toBe('due');
    expect(followUpLevel('2026-12-24', TODAY)).toBe('later');
    expect(followUpLevel(null, TODAY)).toBe('none');
  });
});

describe('filters', () => {
  const kinds = new Map([[1, 'active' as const], [2, 'done' as const]]);
  const context = { today: TODAY, actorId: 7, kindOf: (id: number) => kinds.get(id)! };
  const cards = [
    card(1, { assigneeId: 7, paragraph: '85', legalDeadline: '2026-11-25', citizenInitials: 'KL' }),
    card(2, { assigneeId: 8, paragraph: '82b', blocked: true, blockedReason: 'Afventer', blockedSince: TODAY, legalDeadline: '2026-12-05' }),
    card(3, { assigneeId: null, paragraph: '85', legalDeadline: '2027-02-01', citizenInitials: 'ØS' }),
    card(4, { assigneeId: 7, paragraph: '85', legalDeadline: '2026-11-01', columnId: 2 }),
  ];
  const ids = (f: Partial<BoardFilter>) => cards.filter((c) => cardMatches(c, { ...EMPTY_FILTER, ...f }, context)).map((c) => c.id);

  it('filters by caseworker, "my cards", paragraph and blocked', () => {
    expect(ids({})).toEqual([1, 2, 3, 4]);
    expect(ids({ assignee: 8 })).toEqual([2]);
    expect(ids({ assignee: 'unassigned' })).toEqual([3]);
    expect(ids({ mine: true, assignee: 8 })).toEqual([1, 4]);
    expect(ids({ paragraph: '85' })).toEqual([1, 3, 4]);
    expect(ids({ blocked: 'blocked' })).toEqual([2]);
    expect(ids({ blocked: 'not_blocked', paragraph: '85' })).toEqual([1, 3, 4]);
  });

  it('filters by deadline risk, ignoring decided cases', () => {
    expect(ids({ deadline: 'at_risk' })).toEqual([1, 2]);
    expect(ids({ deadline: 'red' })).toEqual([1]);
  });

  it('searches case numbers and citizen initials, every word must match', () => {
    expect(ids({ text: '000003' })).toEqual([3]);
    expect(ids({ text: ' øs ' })).toEqual([3]);
    expect(ids({ text: 'kl 2026-000001' })).toEqual([1]);
    expect(ids({ text: 'kl 000002' })).toEqual([]);
  });

  it('reads saved filters defensively', () => {
    expect(parseFilter(null)).toEqual(EMPTY_FILTER);
    expect(parseFilter('{not json')).toEqual(EMPTY_FILTER);
    expect(parseFilter(JSON.stringify({ text: 'ab', assignee: 12, paragraph: '85', blocked: 'blocked', deadline: 'red', mine: true })))
      .toEqual({ text: 'ab', assignee: 12, paragraph: '85', blocked: 'blocked', deadline: 'red', mine: true });
    expect(parseFilter(JSON.stringify({ assignee: -3, blocked: 'maybe', deadline: 7, mine: 'yes' })))
      .toEqual(EMPTY_FILTER);
    expect(parseFilter(JSON.stringify({ assignee: 'unassigned' })).assignee).toBe('unassigned');
  });
});

describe('swimlanes', () => {
  const people = [person(5, 3), person(6, 3), person(9, null, 'leader')];
  const cards = [
    card(1, { classOfService: 'can_wait', assigneeId: 6 }),
    card(2, { classOfService: 'urgent', assigneeId: null }),
    card(3, { classOfService: 'urgent', assigneeId: 6 }),
    card(4, { classOfService: 'standard', assigneeId: 42 }),
  ];

  it('groups by class of service, most urgent first, keeping card order', () => {
    const lanes = groupIntoLanes(cards, 'class', people);
    expect(lanes.map((l) => [l.key, l.cards.map((c) => c.id)])).toEqual([
      ['class:urgent', [2, 3]], ['class:standard', [4]], ['class:can_wait', [1]],
    ]);
  });

  it('groups by caseworker: every caseworker, then strangers, then unassigned', () => {
    const lanes = groupIntoLanes(cards, 'assignee', people);
    expect(lanes.map((l) => [l.key, l.cards.map((c) => c.id)])).toEqual([
      ['person:5', []], ['person:6', [1, 3]], ['person:42', [4]], ['person:none', [2]],
    ]);
  });

  it('turns a drop into another lane into a change of class or caseworker', () => {
    expect(laneChangeFor('class:standard', 'class:urgent')).toEqual({ classOfService: 'urgent' });
    expect(laneChangeFor('person:6', 'person:5')).toEqual({ assigneeId: 5 });
    expect(laneChangeFor('person:6', 'person:none')).toEqual({ assigneeId: null });
    expect(laneChangeFor('person:6', 'person:6')).toBeNull();
    expect(laneChangeFor('all', 'all')).toBeNull();
    expect(laneChangeFor('class:standard', 'class:bogus')).toBeNull();
  });

  it('groups by sprint: current, next, then the cases in no sprint', () => {
    const sprints = { current: { id: 10, name: 'Sprint 47' }, next: { id: 11, name: 'Sprint 48' }, caseSprint: { 3: 10, 1: 11, 4: 99 } };
    const lanes = groupIntoLanes(cards, 'sprint', people, sprints);
    expect(lanes.map((l) => [l.key, l.sprintName, l.cards.map((c) => c.id)])).toEqual([
      ['sprint:current', 'Sprint 47', [3]], ['sprint:next', 'Sprint 48', [1]], ['sprint:none', null, [2, 4]],
    ]);
    expect(laneChangeFor('sprint:none', 'sprint:current')).toBeNull();
    expect(groupIntoLanes(cards, 'sprint', people).map((l) => [l.key, l.cards.length])).toEqual([['sprint:none', 4]]);
  });

  it('has one lane with everything when lanes are off', () => {
    expect(groupIntoLanes(cards, 'none', people)).toEqual([{ key: 'all', kind: 'all', cards }]);
  });
});

describe('WIP policy', () => {
  const columns = [column(1, 'queue'), column(2, 'active', 2), column(3, 'active'), column(4, 'done')];
  const people = [person(5, 2), person(6, null)];
  const board = (cards: CaseCard[]) => ({ columns, cards, people });

  it('breaches a full column only when the card changes column', () => {
    const cards = [card(1, { columnId: 1 }), card(2, { columnId: 2 }), card(3, { columnId: 2 })];
    expect(moveWipBreaches(board(cards), 1, 2)).toEqual([{ scope: 'column', name: 'Kolonne 2', limit: 2, count: 2 }]);
    expect(moveWipBreaches(board(cards), 2, 2)).toEqual([]);
    expect(moveWipBreaches(board(cards.slice(0, 2)), 1, 2)).toEqual([]);
  });

  it('breaches a caseworker who already holds their limit of active cards', () => {
    const cards = [card(1, { columnId: 1, assigneeId: 5 }), card(2, { columnId: 3, assigneeId: 5 }), card(3, { columnId: 2, assigneeId: 5 }),
      card(4, { columnId: 4, assigneeId: 5 })];
    expect(activeCardsHeld(5, cards, columns)).toBe(2);
    expect(moveWipBreaches(board(cards), 1, 3)).toEqual([{ scope: 'person', name: 'Person 5', limit: 2, count: 2 }]);
    // Moving between active columns does not add to the caseworker's work in progress.
    expect(moveWipBreaches(board(cards), 2, 2)).toEqual([]);
    expect(moveWipBreaches(board(cards), 4, 1)).toEqual([]);
    expect(moveWipBreaches(board([...cards, card(5, { columnId: 1, assigneeId: 6 })]), 5, 3)).toEqual([]);
  });

  it('reports both limits at once', () => {
    const cards = [card(1, { columnId: 1, assigneeId: 5 }), card(2, { columnId: 2, assigneeId: 5 }), card(3, { columnId: 2, assigneeId: 5 })];
    expect(moveWipBreaches(board(cards), 1, 2).map((b) => b.scope)).toEqual(['column', 'person']);
  });
});

describe('undo / redo history', () => {
  it('undoes newest first, redoes in order, and a new action drops the redo list', () => {
    let h = emptyHistory<string>();
    h = recordAction(h, 'a');
    h = recordAction(h, 'b');
    const u1 = takeUndo(h)!;
    expect(u1.entry).toBe('b');
    const u2 = takeUndo(u1.history)!;
    expect(u2.entry).toBe('a');
    expect(takeUndo(u2.history)).toBeNull();
    const r1 = takeRedo(u2.history)!;
    expect(r1.entry).toBe('a');
    expect(r1.history).toEqual({ past: ['a'], future: ['b'] });
    expect(recordAction(r1.history, 'c')).toEqual({ past: ['a', 'c'], future: [] });
  });

  it('keeps only the newest entries', () => {
    let h = emptyHistory<number>();
    for (let i = 1; i <= 5; i++) h = recordAction(h, i, 3);
    expect(h.past).toEqual([3, 4, 5]);
  });
});

describe('board texts', () => {
  it('has the same keys in Danish and English, none empty', async () => {
    const { da, en } = await import('../../renderer/src/features/board/translations');
    const paths = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : paths(v as object, `${prefix}${k}.`)));
    expect(paths(en)).toEqual(paths(da));
    const empty = (o: object): boolean => Object.values(o).some((v) => (typeof v === 'string' ? v.trim() === '' : empty(v as object)));
    expect(empty(da) || empty(en)).toBe(false);
  });
});

describe('the WIP policy (one for drag, keyboard move and pull)', () => {
  const column = (count: number) => columnWipBreach({ name: 'Udredning', wipLimit: 3 }, count, true);
  const person = (held: number) => personWipBreach({ name: 'Rita', wipLimit: 2 }, held, true);
  const breaches = (...b: (WipBreach | null)[]) => b.filter((x): x is WipBreach => x !== null);

  it('lets a move below the limit go without a reason', () => {
    expect(column(2)).toBeNull();
    expect(wipDecision(breaches(column(2), person(1)), undefined)).toEqual({ allowed: true, breaches: [], overLimit: false });
  });

  it('refuses at the limit without a reason, naming the limit, count and column', () => {
    const d = wipDecision(breaches(column(3)), undefined);
    expect(d).toEqual({
      allowed: false,
      breaches: [{ scope: 'column', name: 'Udredning', limit: 3, count: 3 }],
      message: 'Kolonnen "Udredning" har nået sin WIP-grænse (3 af 3). Angiv en begrundelse for at gå over grænsen.',
    });
  });

  it('refuses over the limit with a blank or too short reason, and lets it go with one', () => {
    expect(wipDecision(breaches(column(5)), '  ').allowed).toBe(false);
    expect(wipDecision(breaches(column(5)), 'ok').allowed).toBe(false);
    expect(wipDecision(breaches(column(5)), 'Akut sag')).toEqual({ allowed: true, breaches: [{ scope: 'column', name: 'Udredning', limit: 3, count: 5 }], overLimit: true });
  });

  it('applies the personal limit the same way: below it goes, at it asks', () => {
    expect(person(1)).toBeNull();
    const d = wipDecision(breaches(column(1), person(2)), null);
    expect(d).toMatchObject({ allowed: false, message: 'Rita har nået sin personlige WIP-grænse (2 af 2 aktive sager). Angiv en begrundelse for at gå over grænsen.' });
    expect(wipDecision(breaches(column(3), person(2)), null)).toMatchObject({
      message: 'Kolonnen "Udredning" har nået sin WIP-grænse (3 af 3), og Rita har nået sin personlige WIP-grænse (2 af 2 aktive sager). Angiv en begrundelse for at gå over grænsen.',
    });
    expect(wipDecision(breaches(person(2)), 'Dækker for en kollega')).toMatchObject({ allowed: true, overLimit: true });
  });
});

describe('undo of a move', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const move = { type: 'moved', actorId: 3, at: '2026-11-23T09:00:00.000Z', isLatest: true };
  it('is allowed for the latest move by the same person within the window', () => {
    expect(undoMoveRefusal(move, 3, now)).toBeNull();
    expect(undoMoveRefusal({ ...move, type: 'reordered' }, 3, now)).toBeNull();
    expect(undoMoveRefusal({ ...move, at: new Date(now.getTime() - UNDO_MOVE_WINDOW_MINUTES * 60_000).toISOString() }, 3, now)).toBeNull();
  });
  it('is refused for anything else', () => {
    expect(undoMoveRefusal({ ...move, type: 'assigned' }, 3, now)).toBe('not_a_move');
    expect(undoMoveRefusal({ ...move, isLatest: false }, 3, now)).toBe('not_latest');
    expect(undoMoveRefusal(move, 2, now)).toBe('other_person');
    expect(undoMoveRefusal({ ...move, at: new Date(now.getTime() - UNDO_MOVE_WINDOW_MINUTES * 60_000 - 1).toISOString() }, 3, now)).toBe('too_old');
  });
});
