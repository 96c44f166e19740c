import { describe, expect, it } from 'vitest';
import type { CaseCard } from '../../shared/domain';
import { burnUp, currentSprint, groupIntoSprintLanes, nextSprint } from '../../shared/sprints';
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
