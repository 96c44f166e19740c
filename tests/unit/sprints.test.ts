import { describe, expect, it } from 'vitest';
import type { CaseCard } from '../../shared/domain';
import {
  burnUp, currentSprint, defaultSprintName, groupIntoSprintLanes, isoWeek, nextSprint, periodsOverlap, reviewSummary, SPRINT_EVENTS,
} from '../../shared/sprints';
import { kpiStatus, kpiTrend } from '../../shared/plans';

const kinds = new Map([[1, 'queue'], [2, 'active'], [3, 'done']] as const);
const ev = (caseId: number, at: string, type: string, to: string | null, sprintId: number | null = null) => ({ caseId, at, type, to, sprintId });

describe('burn-up', () => {
  it('counts committed and done at the end of each day', () => {
    const points = burnUp({ id: 7, startDate: '2026-11-16', endDate: '2026-11-29' }, [
      ev(1, '2026-11-16T08:00:00Z', 'sprint_committed', '7', 7),
      ev(2, '2026-11-16T08:00:00Z', 'sprint_committed', '7', 7),
      ev(1, '2026-11-10T08:00:00Z', 'created', '1'),
      ev(1, '2026-11-17T09:00:00Z', 'moved', '3'),
      ev(2, '2026-11-18T09:00:00Z', 'sprint_uncommitted', null, 7),
      ev(3, '2026-11-18T10:00:00Z', 'sprint_carried_over', '7', 7),
      ev(1, '2026-11-18T11:00:00Z', 'moved', '2'), // reopened
    ], (id) => kinds.get(id as 1), '2026-11-19');
    expect(points).toEqual([
      { day: '2026-11-16', committed: 2, done: 0 },
      { day: '2026-11-17', committed: 2, done: 1 },
      { day: '2026-11-18', committed: 2, done: 0 },
      { day: '2026-11-19', committed: 2, done: 0 },
    ]);
  });
});

describe('sprint lanes', () => {
  const sprints = [
    { id: 1, status: 'closed' as const, startDate: '2026-11-02', endDate: '2026-11-15' },
    { id: 2, status: 'open' as const, startDate: '2026-11-16', endDate: '2026-11-29' },
    { id: 3, status: 'open' as const, startDate: '2026-11-30', endDate: '2026-12-13' },
  ];
  it('finds the current and the next sprint', () => {
    expect(currentSprint(sprints, '2026-11-23')?.id).toBe(2);
    expect(nextSprint(sprints, '2026-11-23')?.id).toBe(3);
    expect(currentSprint(sprints, '2026-12-01')?.id).toBe(3);
  });
  it('groups cards into current, next and not in a sprint, keeping order', () => {
    const card = (id: number) => ({ id }) as CaseCard;
    const lanes = groupIntoSprintLanes([card(5), card(6), card(7), card(8)], {
      current: { id: 2, name: 'Sprint 47' }, next: { id: 3, name: 'Sprint 49' }, caseSprint: { 6: 2, 8: 3, 7: 1 },
    });
    expect(lanes.map((l) => [l.key, l.cards.map((c) => c.id)])).toEqual([
      ['sprint:current', [6]], ['sprint:next', [8]], ['sprint:none', [5, 7]],
    ]);
  });
});

describe('KPI status and trend', () => {
  const period = { periodStart: '2026-01-01', periodEnd: '2026-12-31' };
  it('judges progress against the elapsed share of the period', () => {
    // Halfway through the year; halfway from 30 to 20 would be 25.
    const asOf = '2026-07-02';
    expect(kpiStatus({ ...period, asOf, baseline: 30, current: 25, target: 20, direction: 'lower' })).toBe('on_track');
    expect(kpiStatus({ ...period, asOf, baseline: 30, current: 27, target: 20, direction: 'lower' })).toBe('behind');
    expect(kpiStatus({ ...period, asOf, baseline: 30, current: 31, target: 20, direction: 'lower' })).toBe('worse');
    expect(kpiStatus({ ...period, asOf, baseline: 30, current: 19, target: 20, direction: 'lower' })).toBe('met');
    expect(kpiStatus({ ...period, asOf, baseline: null, current: null, target: 20, direction: 'lower' })).toBe('no_data');
  });
  it('reads the trend in the KPI direction', () => {
    expect(kpiTrend(10, 12, 'higher')).toBe('improving');
    expect(kpiTrend(10, 12, 'lower')).toBe('worsening');
    expect(kpiTrend(1000, 1003, 'lower')).toBe('flat');
  });
});

describe('sprint rules (mutation-pinned)', () => {
  const sprint = (id: number, startDate: string, endDate: string, status: 'open' | 'closed' = 'open') => ({ id, status, startDate, endDate });

  it('names the sprint events as the log stores them', () => {
    expect(SPRINT_EVENTS).toEqual({
      created: 'sprint_created', committed: 'sprint_committed', uncommitted: 'sprint_uncommitted',
      carriedOver: 'sprint_carried_over', returned: 'sprint_returned', closed: 'sprint_closed',
    });
  });

  it('a sprint is current on its first day and on its last day, not the day before or after', () => {
    const s = [sprint(1, '2026-11-16', '2026-11-29')];
    expect(currentSprint(s, '2026-11-15')).toBeNull();
    expect(currentSprint(s, '2026-11-16')?.id).toBe(1);
    expect(currentSprint(s, '2026-11-29')?.id).toBe(1);
    expect(currentSprint([sprint(1, '2026-11-16', '2026-11-29', 'closed')], '2026-11-20')).toBeNull();
  });

  it('the earliest-starting open sprint is current when several run, whatever order they come in', () => {
    const a = sprint(1, '2026-11-02', '2026-11-29');
    const b = sprint(2, '2026-11-16', '2026-11-29');
    expect(currentSprint([b, a], '2026-11-20')?.id).toBe(1);
    expect(currentSprint([a, b], '2026-11-20')?.id).toBe(1);
    expect(currentSprint([b, a, sprint(3, '2026-11-10', '2026-11-29')], '2026-11-20')?.id).toBe(1);
  });

  it('an open sprint past its end stays current until reviewed, the most recently ended first', () => {
    const older = sprint(1, '2026-10-19', '2026-11-01');
    const newer = sprint(2, '2026-11-02', '2026-11-15');
    expect(currentSprint([older, newer], '2026-11-16')?.id).toBe(2);
    expect(currentSprint([newer, older], '2026-11-16')?.id).toBe(2);
    expect(currentSprint([newer, older, sprint(3, '2026-10-01', '2026-10-10')], '2026-11-16')?.id).toBe(2);
    // Ending today is running, not overdue; a closed sprint past its end is not the team's sprint.
    expect(currentSprint([sprint(1, '2026-11-02', '2026-11-15', 'closed')], '2026-11-16')).toBeNull();
    // A running sprint wins over an overdue one.
    expect(currentSprint([older, sprint(4, '2026-11-16', '2026-11-29')], '2026-11-20')?.id).toBe(4);
    // A sprint that has not started yet is not overdue.
    expect(currentSprint([sprint(5, '2026-11-30', '2026-12-13')], '2026-11-20')).toBeNull();
  });

  it('the next sprint is the earliest open one starting after today, not today', () => {
    const later = sprint(3, '2026-12-14', '2026-12-27');
    const soon = sprint(2, '2026-11-30', '2026-12-13');
    expect(nextSprint([later, soon], '2026-11-23')?.id).toBe(2);
    expect(nextSprint([soon, later], '2026-11-23')?.id).toBe(2);
    expect(nextSprint([later, sprint(4, '2026-12-01', '2026-12-13'), soon], '2026-11-23')?.id).toBe(2);
    expect(nextSprint([soon], '2026-11-30')).toBeNull();
    expect(nextSprint([sprint(2, '2026-11-30', '2026-12-13', 'closed')], '2026-11-23')).toBeNull();
  });

  it('two periods overlap when they share a day, also only the last one, and not when they only touch', () => {
    const a = { startDate: '2026-11-16', endDate: '2026-11-29' };
    expect(periodsOverlap(a, { startDate: '2026-11-29', endDate: '2026-12-12' })).toBe(true);
    expect(periodsOverlap(a, { startDate: '2026-11-30', endDate: '2026-12-12' })).toBe(false);
    expect(periodsOverlap(a, { startDate: '2026-11-01', endDate: '2026-11-16' })).toBe(true);
    expect(periodsOverlap(a, { startDate: '2026-11-01', endDate: '2026-11-15' })).toBe(false);
    expect(periodsOverlap(a, { startDate: '2026-11-20', endDate: '2026-11-21' })).toBe(true);
  });

  it('the burn-up runs to the sprint end when today is later, and to today when earlier', () => {
    const s = { id: 7, startDate: '2026-11-16', endDate: '2026-11-18' };
    const events = [ev(1, '2026-11-16T08:00:00Z', 'sprint_committed', '7', 7)];
    expect(burnUp(s, events, (id) => kinds.get(id as 1), '2026-12-01').map((p) => p.day)).toEqual(['2026-11-16', '2026-11-17', '2026-11-18']);
    expect(burnUp(s, events, (id) => kinds.get(id as 1), '2026-11-17').map((p) => p.day)).toEqual(['2026-11-16', '2026-11-17']);
    expect(burnUp(s, events, (id) => kinds.get(id as 1), '2026-11-16')).toEqual([{ day: '2026-11-16', committed: 1, done: 0 }]);
    expect(burnUp(s, events, (id) => kinds.get(id as 1), '2026-11-15')).toEqual([]);
  });

  it('the burn-up counts only the events of its own sprint, in time order, and the day of an event includes its evening', () => {
    const s = { id: 7, startDate: '2026-11-16', endDate: '2026-11-18' };
    const points = burnUp(s, [
      ev(2, '2026-11-17T23:59:00Z', 'moved', '3'),
      ev(1, '2026-11-16T10:00:00Z', 'sprint_uncommitted', null, 8), // another sprint's log
      ev(1, '2026-11-16T08:00:00Z', 'sprint_committed', '7', 7),
      ev(2, '2026-11-16T09:00:00Z', 'sprint_committed', '7', 7),
      ev(3, '2026-11-16T09:00:00Z', 'sprint_committed', '8', 8), // committed to another sprint
      ev(1, '2026-11-18T08:00:00Z', 'moved', '2'),
      ev(1, '2026-11-17T08:00:00Z', 'moved', '3'),
      ev(2, '2026-11-18T09:00:00Z', 'moved', 'x'), // not a column id: ignored
      ev(2, '2026-11-18T10:00:00Z', 'moved', '99'), // an unknown column: ignored
      ev(3, '2026-11-16T11:00:00Z', 'moved', '3'),
    ], (id) => kinds.get(id as 1), '2026-11-18');
    expect(points).toEqual([
      { day: '2026-11-16', committed: 2, done: 0 },
      { day: '2026-11-17', committed: 2, done: 2 },
      { day: '2026-11-18', committed: 2, done: 1 },
    ]);
  });

  it('a handed-on or returned item stays committed and not done in its own sprint', () => {
    const s = { id: 7, startDate: '2026-11-16', endDate: '2026-11-17' };
    const points = burnUp(s, [
      ev(1, '2026-11-16T08:00:00Z', 'sprint_committed', '7', 7),
      ev(1, '2026-11-17T08:00:00Z', 'sprint_returned', null, 7),
      ev(2, '2026-11-16T08:00:00Z', 'sprint_committed', '7', 7),
      ev(2, '2026-11-17T08:00:00Z', 'sprint_carried_over', '8', 8),
    ], (id) => kinds.get(id as 1), '2026-11-17');
    expect(points).toEqual([
      { day: '2026-11-16', committed: 2, done: 0 },
      { day: '2026-11-17', committed: 2, done: 0 },
    ]);
  });

  it('shows only the "not in a sprint" lane without sprints, and an empty sprint lane when it has no cards', () => {
    const card = (id: number) => ({ id }) as CaseCard;
    expect(groupIntoSprintLanes([card(1)], { current: null, next: null, caseSprint: { 1: 2 } })).toEqual([
      { key: 'sprint:none', kind: 'none', sprintId: null, name: null, cards: [card(1)] },
    ]);
    expect(groupIntoSprintLanes([card(1)], { current: { id: 2, name: 'Sprint 47' }, next: null, caseSprint: {} })).toEqual([
      { key: 'sprint:current', kind: 'current', sprintId: 2, name: 'Sprint 47', cards: [] },
      { key: 'sprint:none', kind: 'none', sprintId: null, name: null, cards: [card(1)] },
    ]);
    expect(groupIntoSprintLanes([card(1), card(2)], { current: null, next: { id: 3, name: 'Sprint 49' }, caseSprint: { 1: 3, 2: 2 } })).toEqual([
      { key: 'sprint:next', kind: 'next', sprintId: 3, name: 'Sprint 49', cards: [card(1)] },
      { key: 'sprint:none', kind: 'none', sprintId: null, name: null, cards: [card(2)] },
    ]);
  });

  it('the review counts done and not done and the done share, none for an empty sprint', () => {
    expect(reviewSummary([{ caseId: 1, done: true }, { caseId: 2, done: false }, { caseId: 3, done: true }, { caseId: 4, done: true }]))
      .toEqual({ committed: 4, done: 3, notDone: 1, doneShare: 0.75 });
    expect(reviewSummary([])).toEqual({ committed: 0, done: 0, notDone: 0, doneShare: null });
  });

  it('names a new sprint by the ISO week of its start, week 1 holding the first Thursday', () => {
    expect(defaultSprintName('2026-11-23')).toBe('Sprint 48');
    expect(isoWeek('2026-11-29')).toBe(48); // Sunday
    expect(isoWeek('2026-11-30')).toBe(49); // Monday
    expect(isoWeek('2026-01-01')).toBe(1); // a Thursday
    expect(isoWeek('2027-01-01')).toBe(53); // a Friday: still week 53 of 2026
    expect(isoWeek('2027-01-04')).toBe(1);
    expect(isoWeek('2024-12-30')).toBe(1); // a Monday in week 1 of 2025
    expect(isoWeek('2021-01-03')).toBe(53); // a Sunday in week 53 of 2020
    expect(isoWeek('2025-06-15')).toBe(24);
  });
});
