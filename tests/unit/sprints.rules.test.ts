// The sprint rules as a team meets them: which sprint is the team's, and what the burn-up counts.
// Each test gives its input out of order, so only the rule (not the order given) can pass it.
import { describe, expect, it } from 'vitest';
import { burnUp, currentSprint, nextSprint } from '../../shared/sprints';

const sprint = (id: number, startDate: string, endDate: string, status: 'open' | 'closed' = 'open') => ({ id, status, startDate, endDate });
const ev = (caseId: number, at: string, type: string, to: string | null, sprintId: number | null = null) => ({ caseId, at, type, to, sprintId });
const kinds = new Map<number, 'queue' | 'active' | 'done'>([[1, 'queue'], [2, 'active'], [12, 'done']]);
const kindOf = (id: number) => kinds.get(id);
const SPRINT = { id: 7, startDate: '2026-11-16', endDate: '2026-11-18' };

describe('the team\'s sprint', () => {
  it('of two running sprints, the current one is the one that started first', () => {
    const sprints = [sprint(2, '2026-11-20', '2026-11-30'), sprint(1, '2026-11-16', '2026-11-29')];
    expect(currentSprint(sprints, '2026-11-23')?.id).toBe(1);
    expect(currentSprint([...sprints].reverse(), '2026-11-23')?.id).toBe(1);
  });

  it('with no running sprint, the open sprint that ended last is still the team\'s until it is closed', () => {
    const sprints = [sprint(1, '2026-10-19', '2026-11-01'), sprint(2, '2026-11-02', '2026-11-15'), sprint(3, '2026-10-05', '2026-10-18', 'closed')];
    expect(currentSprint(sprints, '2026-11-23')?.id).toBe(2);
    expect(currentSprint([...sprints].reverse(), '2026-11-23')?.id).toBe(2);
  });

  it('the next sprint is the open one that starts first after today', () => {
    const sprints = [sprint(3, '2026-12-14', '2026-12-27'), sprint(2, '2026-11-30', '2026-12-13'), sprint(4, '2026-11-24', '2026-12-07', 'closed')];
    expect(nextSprint(sprints, '2026-11-23')?.id).toBe(2);
    expect(nextSprint([...sprints].reverse(), '2026-11-23')?.id).toBe(2);
  });
});

describe('the burn-up', () => {
  it('applies events in time order, whatever order the store gives them in', () => {
    const events = [
      ev(1, '2026-11-17T09:00:00Z', 'sprint_uncommitted', null, 7),
      ev(1, '2026-11-16T09:00:00Z', 'sprint_committed', '7', 7),
    ];
    expect(burnUp(SPRINT, events, kindOf, '2026-11-18').map((p) => p.committed)).toEqual([1, 0, 0]);
  });

  it('only committing or carrying a case into the sprint commits it; a returned case never committed is not counted', () => {
    const events = [ev(5, '2026-11-16T09:00:00Z', 'sprint_returned', null, 7), ev(6, '2026-11-16T09:00:00Z', 'sprint_closed', null, 7)];
    expect(burnUp(SPRINT, events, kindOf, '2026-11-18').map((p) => p.committed)).toEqual([0, 0, 0]);
  });

  it('a case is done when it moves into a done column, also one with a two-digit id; another sprint\'s events do not move it', () => {
    const events = [
      ev(1, '2026-11-16T08:00:00Z', 'sprint_committed', '7', 7),
      ev(2, '2026-11-16T08:00:00Z', 'sprint_committed', '7', 7),
      ev(2, '2026-11-16T10:00:00Z', 'sprint_committed', '12', 12), // another sprint's event names sprint 12, not column 12
      ev(1, '2026-11-17T09:00:00Z', 'moved', '12'),
    ];
    expect(burnUp(SPRINT, events, kindOf, '2026-11-18').map((p) => p.done)).toEqual([0, 1, 1]);
  });

  it('a column event that names no column id is not a move into done, whatever the board answers', () => {
    const events = [ev(1, '2026-11-16T08:00:00Z', 'sprint_committed', '7', 7), ev(1, '2026-11-17T09:00:00Z', 'moved', 'x12'), ev(1, '2026-11-17T10:00:00Z', 'moved', '12x')];
    expect(burnUp(SPRINT, events, () => 'done', '2026-11-18').map((p) => p.done)).toEqual([0, 0, 0]);
  });

  it('a sprint that has not started has no burn-up, and a finished one ends on its last day', () => {
    expect(burnUp(SPRINT, [], kindOf, '2026-11-15')).toEqual([]);
    expect(burnUp(SPRINT, [], kindOf, '2026-11-30').map((p) => p.day)).toEqual(['2026-11-16', '2026-11-17', '2026-11-18']);
  });
});
