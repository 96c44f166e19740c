import { describe, expect, it } from 'vitest';
import type { CaseCard } from '../../shared/domain';
import {
  availableWallViews, cardsThatFit, compareUrgency, DEFAULT_WALL_SETTINGS, formatClock, MAX_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS, newTimer,
  parseWallViews, rotationOf, stepView, timerLevel, timerRemaining, timerUsed, toggleTimer,
  toWallCard, urgencyTier, walkColumns, walkOrder, WALL_CARDS_PER_COLUMN, WALL_VIEW_SOURCES, wallCommandForKey, wallOrder, type WallCard,
} from '../../shared/wall';

const TODAY = '2026-11-23';

function card(over: Partial<CaseCard> = {}): CaseCard {
  return {
    id: 1, caseNumber: 'S-2026-0001', citizenInitials: 'AB', teamId: 1, assigneeId: 7, kind: 'application', paragraph: '85',
    columnId: 1, sortKey: 1, classOfService: 'standard', receivedDate: '2026-11-01', legalDeadline: null, blocked: false,
    blockedReason: null, blockedSince: null, columnEnteredAt: TODAY, nextFollowUp: null, ...over,
  };
}

function wall(over: Partial<WallCard>): WallCard {
  return {
    id: 1, caseNumber: 'S', kind: 'application', paragraph: '85', classOfService: 'standard', assigneeInitials: 'KL',
    blocked: false, daysBlocked: null, daysInColumn: 0, ageing: 'fresh', deadline: 'none', daysLeft: null, ...over,
  };
}

const people = new Map([[7, { name: 'Karen Lund', initials: 'KL' }]]);

describe('privacy mode on the wall', () => {
  it('keeps case number, paragraph and caseworker initials and drops everything personal', () => {
    const c = card({ blocked: true, blockedReason: 'Venter på lægen, ring til Karen', blockedSince: '2026-11-20', legalDeadline: '2026-11-27', columnEnteredAt: '2026-10-20' });
    const redacted = toWallCard(c, 'active', TODAY, people, true);
    expect(redacted).toEqual({
      id: 1, caseNumber: 'S-2026-0001', kind: 'application', paragraph: '85', classOfService: 'standard', assigneeInitials: 'KL',
      blocked: true, daysBlocked: 3, daysInColumn: 34, ageing: 'stale', deadline: 'red', daysLeft: 4,
    });
    expect(JSON.stringify(redacted)).not.toMatch(/Karen|lægen|AB/);
  });

  it('shows names, citizen initials and the blocked reason only without privacy mode', () => {
    const c = card({ blocked: true, blockedReason: 'Venter på lægen', blockedSince: '2026-11-20' });
    const open = toWallCard(c, 'active', TODAY, people, false);
    expect(open.citizenInitials).toBe('AB');
    expect(open.assigneeName).toBe('Karen Lund');
    expect(open.blockedReason).toBe('Venter på lægen');
  });

  it('marks a card held by someone unknown with "?" and an unassigned one with null', () => {
    expect(toWallCard(card({ assigneeId: 99 }), 'queue', TODAY, people, true).assigneeInitials).toBe('?');
    expect(toWallCard(card({ assigneeId: null }), 'queue', TODAY, people, true).assigneeInitials).toBeNull();
  });

  it('gives done cards no deadline risk and no ageing', () => {
    const done = toWallCard(card({ legalDeadline: '2026-11-20', columnEnteredAt: '2026-09-01' }), 'done', TODAY, people, true);
    expect(done.deadline).toBe('none');
    expect(done.ageing).toBe('none');
  });
});

describe('urgency on the wall', () => {
  it('ranks blocked, red deadline, stale, amber, ageing, urgent class, the rest', () => {
    expect(urgencyTier(wall({ blocked: true }))).toBe(0);
    expect(urgencyTier(wall({ deadline: 'red' }))).toBe(1);
    expect(urgencyTier(wall({ ageing: 'stale' }))).toBe(2);
    expect(urgencyTier(wall({ deadline: 'amber' }))).toBe(3);
    expect(urgencyTier(wall({ ageing: 'ageing' }))).toBe(4);
    expect(urgencyTier(wall({ classOfService: 'urgent' }))).toBe(5);
    expect(urgencyTier(wall({ ageing: 'warm' }))).toBe(6);
  });

  it('orders within a tier by nearest deadline, then longest in the column, then id', () => {
    const cards = [
      wall({ id: 1, deadline: 'red', daysLeft: 5 }),
      wall({ id: 2, deadline: 'red', daysLeft: -3 }),
      wall({ id: 3, daysInColumn: 2 }),
      wall({ id: 4, daysInColumn: 9, ageing: 'warm' }),
      wall({ id: 5, blocked: true }),
      wall({ id: 6, daysInColumn: 2 }),
    ];
    expect(wallOrder(cards, 'active').map((c) => c.id)).toEqual([5, 2, 1, 4, 3, 6]);
    expect(compareUrgency(cards[2]!, cards[5]!)).toBeLessThan(0);
  });

  it('puts the longest blocked first among blocked cards, whatever their deadlines', () => {
    const cards = [
      wall({ id: 1, blocked: true, daysBlocked: 4, deadline: 'red', daysLeft: 1 }),
      wall({ id: 2, blocked: true, daysBlocked: 23 }),
      wall({ id: 3, blocked: true, daysBlocked: 9 }),
    ];
    expect(wallOrder(cards, 'active').map((c) => c.id)).toEqual([2, 3, 1]);
  });

  it('shows the most recently finished first in a done column', () => {
    const cards = [wall({ id: 1, daysInColumn: 10 }), wall({ id: 2, daysInColumn: 0 }), wall({ id: 3, daysInColumn: 3 })];
    expect(wallOrder(cards, 'done').map((c) => c.id)).toEqual([2, 3, 1]);
  });

  it('walks blocked first, then ageing longest first, then by urgency', () => {
    const cards = [
      wall({ id: 1, deadline: 'red', daysLeft: 1 }),
      wall({ id: 2, ageing: 'ageing', daysInColumn: 15 }),
      wall({ id: 3, ageing: 'stale', daysInColumn: 40 }),
      wall({ id: 4, blocked: true }),
    ];
    expect(walkOrder(cards).map((c) => c.id)).toEqual([4, 3, 2, 1]);
  });

  it('walks the columns right to left and leaves the done column out', () => {
    const cols = [
      { id: 10, position: 1, kind: 'queue' as const },
      { id: 11, position: 2, kind: 'active' as const },
      { id: 12, position: 3, kind: 'active' as const },
      { id: 13, position: 4, kind: 'done' as const },
    ];
    expect(walkColumns(cols).map((c) => c.id)).toEqual([12, 11, 10]);
  });
});

describe('how many cards fit in a column', () => {
  it('shows all when they fit exactly', () => {
    // 5 cards of 100 with 4 gaps of 10 = 540
    expect(cardsThatFit(5, 540, 100, 10, 50)).toEqual({ shown: 5, hidden: 0 });
  });

  it('keeps room for the "+N flere" line when they do not', () => {
    // 539 px: (539 - 50) / 110 = 4.44 → 4 cards, 6 hidden
    expect(cardsThatFit(10, 539, 100, 10, 50)).toEqual({ shown: 4, hidden: 6 });
  });

  it('never shows fewer than none and handles an empty column', () => {
    expect(cardsThatFit(3, 30, 100, 10, 50)).toEqual({ shown: 0, hidden: 3 });
    expect(cardsThatFit(0, 500, 100, 10, 50)).toEqual({ shown: 0, hidden: 0 });
  });
});

describe('rotation and keys', () => {
  it('shows only views whose data source exists, in the team\'s order', () => {
    const has = (m: string) => ['getBoard', 'getPullList', 'getBottomLine'].includes(m);
    expect(availableWallViews(has)).toEqual(['board', 'pull_list', 'deadlines', 'bottom_line']);
    expect(availableWallViews(() => true)).toEqual(['board', 'pull_list', 'deadlines', 'bottom_line', 'caseload', 'sprint_burnup', 'plan_kpis']);
    expect(rotationOf(['bottom_line', 'sprint_burnup', 'board'], availableWallViews(has))).toEqual(['bottom_line', 'board']);
    expect(rotationOf(['plan_kpis'], availableWallViews(has))).toEqual(['board']);
  });

  it('wraps both ways', () => {
    expect(stepView(3, 4, 1)).toBe(0);
    expect(stepView(0, 4, -1)).toBe(3);
    expect(stepView(0, 0, 1)).toBe(0);
  });

  it('maps keyboard and clicker keys', () => {
    expect(wallCommandForKey('PageDown')).toBe('next');
    expect(wallCommandForKey('ArrowLeft')).toBe('previous');
    expect(wallCommandForKey(' ')).toBe('toggle_pause');
    expect(wallCommandForKey('b')).toBe('toggle_pause');
    expect(wallCommandForKey('g')).toBe('walk');
    expect(wallCommandForKey('x')).toBeNull();
  });

  it('reads stored view lists, dropping unknown and repeated names', () => {
    expect(parseWallViews('["deadlines","nope","deadlines","board"]')).toEqual(['deadlines', 'board']);
    expect(parseWallViews('not json')).toEqual(['board', 'pull_list', 'deadlines', 'bottom_line', 'caseload']);
    expect(parseWallViews(null)).toEqual(['board', 'pull_list', 'deadlines', 'bottom_line', 'caseload']);
  });
});

describe('the standup timer', () => {
  it('counts down while running and keeps the time used when paused', () => {
    let t = newTimer(15);
    t = toggleTimer(t, 1_000);
    expect(timerRemaining(t, 61_000)).toBe(14 * 60_000);
    t = toggleTimer(t, 61_000);
    expect(timerRemaining(t, 500_000)).toBe(14 * 60_000);
    t = toggleTimer(t, 500_000);
    expect(timerRemaining(t, 500_000 + 14 * 60_000 + 65_000)).toBe(-65_000);
  });

  it('formats minutes and seconds, with a minus when over time', () => {
    expect(formatClock(15 * 60_000)).toBe('15:00');
    expect(formatClock(8_200)).toBe('0:09');
    expect(formatClock(-65_000)).toBe('−1:05');
    expect(formatClock(-400)).toBe('0:00');
  });

  it('turns amber in the last two minutes and red when over', () => {
    expect(timerLevel(120_001)).toBe('ok');
    expect(timerLevel(120_000)).toBe('amber');
    expect(timerLevel(-1)).toBe('red');
  });
});

describe('wall rules at their edges (mutation-pinned)', () => {
  it('takes each view from its feature method, and the team gets the board, pull list, deadlines, bottom line and caseload at first', () => {
    expect(WALL_VIEW_SOURCES).toEqual({
      board: 'getBoard', pull_list: 'getPullList', deadlines: 'getBoard', bottom_line: 'getBottomLine', caseload: 'getCaseload',
      sprint_burnup: 'getSprint', plan_kpis: 'getPlan',
    });
    expect(availableWallViews((m) => m === 'getSprint' || m === 'getPlan' || m === 'getCaseload')).toEqual(['caseload', 'sprint_burnup', 'plan_kpis']);
    expect(DEFAULT_WALL_SETTINGS).toEqual({ views: ['board', 'pull_list', 'deadlines', 'bottom_line', 'caseload'], intervalSeconds: 60, timerMinutes: 15, privacy: true });
    expect([MIN_INTERVAL_SECONDS, MAX_INTERVAL_SECONDS, WALL_CARDS_PER_COLUMN]).toEqual([10, 600, 40]);
  });

  it('reads a stored value that is not a list as the default views, and an empty list as none', () => {
    expect(parseWallViews('{"views":["board"]}')).toEqual(['board', 'pull_list', 'deadlines', 'bottom_line', 'caseload']);
    expect(parseWallViews('"board"')).toEqual(['board', 'pull_list', 'deadlines', 'bottom_line', 'caseload']);
    expect(parseWallViews('[]')).toEqual([]);
    expect(parseWallViews('["plan_kpis", 3, null, "sprint_burnup"]')).toEqual(['plan_kpis', 'sprint_burnup']);
    // The default list is a copy: changing what one wall got does not change the next wall's default.
    const first = parseWallViews(null);
    first.push('plan_kpis');
    expect(parseWallViews(null)).toEqual(['board', 'pull_list', 'deadlines', 'bottom_line', 'caseload']);
  });

  it('shows the board alone when nothing chosen can be shown', () => {
    expect(rotationOf([], ['board', 'pull_list'])).toEqual(['board']);
    expect(rotationOf(['pull_list'], ['board', 'pull_list'])).toEqual(['pull_list']);
  });

  it('steps forward and back inside the rotation, and stays at 0 without views', () => {
    expect(stepView(1, 4, 1)).toBe(2);
    expect(stepView(2, 4, -1)).toBe(1);
    expect(stepView(0, 1, 1)).toBe(0);
    expect(stepView(2, -1, 1)).toBe(0);
  });

  it('maps every key of a keyboard or clicker, upper and lower case', () => {
    const keys: Record<string, string> = {
      ArrowRight: 'next', ArrowDown: 'next', PageDown: 'next', ArrowLeft: 'previous', ArrowUp: 'previous', PageUp: 'previous',
      ' ': 'toggle_pause', Spacebar: 'toggle_pause', b: 'toggle_pause', B: 'toggle_pause', '.': 'toggle_pause',
      t: 'toggle_timer', T: 'toggle_timer', r: 'reset_timer', R: 'reset_timer', g: 'walk', G: 'walk', f: 'fullscreen', F: 'fullscreen',
    };
    for (const [key, command] of Object.entries(keys)) expect(wallCommandForKey(key), key).toBe(command);
    expect(wallCommandForKey('Enter')).toBeNull();
    expect(wallCommandForKey('')).toBeNull();
  });

  it('without privacy mode leaves out a name nobody has and a blocked reason nobody wrote', () => {
    const unknown = toWallCard(card({ assigneeId: 99 }), 'active', TODAY, people, false);
    expect(unknown.assigneeInitials).toBe('?');
    expect('assigneeName' in unknown).toBe(false);
    expect('blockedReason' in unknown).toBe(false);
    expect(unknown.citizenInitials).toBe('AB');
    const unassigned = toWallCard(card({ assigneeId: null }), 'active', TODAY, people, false);
    expect('assigneeName' in unassigned).toBe(false);
    expect(toWallCard(card(), 'active', TODAY, people, true)).not.toHaveProperty('citizenInitials');
  });

  it('gives a card the days in its column, days blocked and days to its deadline as of today', () => {
    const c = toWallCard(card({ columnEnteredAt: '2026-11-09', blocked: true, blockedSince: '2026-11-16', legalDeadline: '2026-12-03' }), 'queue', TODAY, people, true);
    expect(c).toMatchObject({ daysInColumn: 14, ageing: 'ageing', daysBlocked: 7, deadline: 'amber', daysLeft: 10, blocked: true });
    expect(toWallCard(card(), 'queue', TODAY, people, true)).toMatchObject({ daysBlocked: null, daysLeft: null, deadline: 'none', ageing: 'fresh' });
  });

  it('ranks the more urgent reason when a card has two', () => {
    expect(urgencyTier(wall({ blocked: true, deadline: 'red' }))).toBe(0);
    expect(urgencyTier(wall({ deadline: 'red', ageing: 'stale' }))).toBe(1);
    expect(urgencyTier(wall({ ageing: 'stale', deadline: 'amber' }))).toBe(2);
    expect(urgencyTier(wall({ deadline: 'amber', ageing: 'ageing' }))).toBe(3);
    expect(urgencyTier(wall({ ageing: 'ageing', classOfService: 'urgent' }))).toBe(4);
    expect(urgencyTier(wall({ deadline: 'ok', classOfService: 'fixed_date' }))).toBe(6);
  });

  it('puts a card with a deadline before one without, and compares days in the column only when deadlines tie', () => {
    const withDeadline = wall({ id: 2, daysLeft: 30, deadline: 'ok' });
    const without = wall({ id: 1, daysInColumn: 5 });
    expect(compareUrgency(withDeadline, without)).toBe(-1);
    expect(compareUrgency(without, withDeadline)).toBe(1);
    expect(compareUrgency(wall({ id: 1, daysLeft: 20, daysInColumn: 1 }), wall({ id: 2, daysLeft: 25, daysInColumn: 9 }))).toBe(-5);
    expect(compareUrgency(wall({ id: 1, daysLeft: 20, daysInColumn: 1 }), wall({ id: 2, daysLeft: 20, daysInColumn: 9 }))).toBe(8);
    expect(compareUrgency(wall({ id: 1, daysInColumn: 9 }), wall({ id: 2, daysInColumn: 1 }))).toBe(-8);
    expect(compareUrgency(wall({ id: 3 }), wall({ id: 1 }))).toBe(2);
    expect(compareUrgency(wall({ id: 3, blocked: true, daysBlocked: 2 }), wall({ id: 1, blocked: true, daysBlocked: null }))).toBe(-2);
    expect(compareUrgency(wall({ id: 3, blocked: true, daysBlocked: null }), wall({ id: 1, blocked: true, daysBlocked: 4 }))).toBe(4);
    expect(compareUrgency(wall({ id: 1, deadline: 'red' }), wall({ id: 2 }))).toBe(-5);
  });

  it('shows the higher id first among cards finished the same day in a done column', () => {
    const cards = [wall({ id: 1, daysInColumn: 2 }), wall({ id: 3, daysInColumn: 2 }), wall({ id: 2, daysInColumn: 0 })];
    expect(wallOrder(cards, 'done').map((c) => c.id)).toEqual([2, 3, 1]);
    expect(wallOrder(cards, 'queue').map((c) => c.id)).toEqual([1, 3, 2]);
  });

  it('walks ageing cards longest first, warm cards by urgency, and equally old ageing cards by urgency', () => {
    const cards = [
      wall({ id: 1, ageing: 'warm', daysInColumn: 10 }),
      wall({ id: 2, ageing: 'ageing', daysInColumn: 15, deadline: 'amber', daysLeft: 12 }),
      wall({ id: 3, ageing: 'ageing', daysInColumn: 15 }),
      wall({ id: 4, ageing: 'stale', daysInColumn: 30 }),
      wall({ id: 5, ageing: 'warm', daysInColumn: 8, deadline: 'red', daysLeft: 2 }),
      wall({ id: 6, ageing: 'fresh', blocked: true, daysBlocked: 1 }),
      wall({ id: 7, ageing: 'stale', blocked: true, daysBlocked: 3 }),
    ];
    expect(walkOrder(cards).map((c) => c.id)).toEqual([7, 6, 4, 2, 3, 5, 1]);
  });

  it('walks columns by position, whatever order they are given in', () => {
    const cols = [
      { id: 12, position: 3, kind: 'active' as const },
      { id: 10, position: 1, kind: 'queue' as const },
      { id: 13, position: 4, kind: 'done' as const },
      { id: 11, position: 2, kind: 'active' as const },
    ];
    expect(walkColumns(cols).map((c) => c.id)).toEqual([12, 11, 10]);
  });

  it('fits one card that is exactly as tall as the column, and none when it is one pixel taller', () => {
    expect(cardsThatFit(1, 100, 100, 10, 50)).toEqual({ shown: 1, hidden: 0 });
    expect(cardsThatFit(1, 99, 100, 10, 50)).toEqual({ shown: 0, hidden: 1 });
    expect(cardsThatFit(5, 539, 100, 10, 50)).toEqual({ shown: 4, hidden: 1 });
    // (490 − 50) / 110 = 4 exactly: four cards and the line.
    expect(cardsThatFit(10, 490, 100, 10, 50)).toEqual({ shown: 4, hidden: 6 });
    expect(cardsThatFit(10, 489, 100, 10, 50)).toEqual({ shown: 3, hidden: 7 });
    expect(cardsThatFit(-2, 500, 100, 10, 50)).toEqual({ shown: 0, hidden: 0 });
  });

  it('starts a timer stopped with the minutes given, and a clock set back counts no negative time', () => {
    expect(newTimer(15)).toEqual({ durationMs: 900_000, runningSince: null, usedMs: 0 });
    const running = toggleTimer(newTimer(15), 10_000);
    expect(running).toEqual({ durationMs: 900_000, runningSince: 10_000, usedMs: 0 });
    expect(timerUsed(running, 5_000)).toBe(0);
    expect(timerUsed(running, 12_500)).toBe(2_500);
    expect(toggleTimer(running, 12_500)).toEqual({ durationMs: 900_000, runningSince: null, usedMs: 2_500 });
    expect(timerUsed({ durationMs: 900_000, runningSince: null, usedMs: 2_500 }, 99_000)).toBe(2_500);
  });

  it('rounds the clock towards more time left, and over time towards less', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(59_001)).toBe('1:00');
    expect(formatClock(60_000)).toBe('1:00');
    expect(formatClock(65_000)).toBe('1:05');
    expect(formatClock(-1_000)).toBe('−0:01');
    expect(formatClock(-59_999)).toBe('−0:59');
    expect(formatClock(-600_000)).toBe('−10:00');
  });

  it('is amber with no time left and red one millisecond over', () => {
    expect(timerLevel(0)).toBe('amber');
    expect(timerLevel(1)).toBe('amber');
    expect(timerLevel(-1)).toBe('red');
  });
});
