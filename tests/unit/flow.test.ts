import { describe, expect, it } from 'vitest';
import type { ColumnKind } from '../../shared/domain';
import {
  age, blockedDays, bottomLineChanges, caseFlows, caseloadStatus, columnReach, cumulativeFlow, cycleTime, deadlineAtRisk, flowReport,
  forecastHowMany, forecastWhen, isWipOn, percentile, reachCounts, reviewWeek, sampleWindow, summarizeCycleTimes,
  sumCaseloadTotals, teamCaseload, throughputPerDay, throughputPerWeek, weightedCaseload, wipPerDay, type FlowEvent,
} from '../../shared/flow';

// One board: 1 Indkommet, 2 Klar (queues), 3 Udredning, 4 Afventer, 5 Afgørelse (active), 6 Afsluttet (done).
const COLUMNS = [
  { id: 1, position: 1, kind: 'queue' },
  { id: 2, position: 2, kind: 'queue' },
  { id: 3, position: 3, kind: 'active' },
  { id: 4, position: 4, kind: 'active' },
  { id: 5, position: 5, kind: 'active' },
  { id: 6, position: 6, kind: 'done' },
] as const;
const kindOf = (id: number): ColumnKind | undefined => COLUMNS.find((c) => c.id === id)?.kind;

const at = (day: string, time = '09:00') => `2026-03-${day}T${time}:00.000Z`;
const created = (caseId: number, day: string, to = 1): FlowEvent => ({ caseId, at: at(day, '08:00'), type: 'created', field: 'column', to: String(to) });
const moved = (caseId: number, day: string, to: number, time?: string): FlowEvent => ({ caseId, at: at(day, time), type: 'moved', field: 'column', to: String(to) });

// The hand-made log (March 2026; the 2nd is a Monday). Expected facts, worked out by hand:
//  A 1: start 04 (Udredning), finish 06 → cycle time 3. The finishing move is at 23:30 UTC, which
//       is already the 7th in Copenhagen: the event day is the UTC date, so it still finishes on the 6th.
//  B 2: start 03, sent back to a queue on 05, re-enters Udredning 10 (start stays 03), finish 12 → 10.
//  C 3: moved straight from Indkommet to Afsluttet on 09 → starts and finishes 09 → 1.
//  D 4: start 05, blocked 06–11 (5 days), in Afventer from 13, still in progress → age 11 on the 15th.
//  E 5: straight into Afventer on 10, blocked since 12 and still blocked → age 6 on the 15th.
//  F 6: only in the queue: never started, never WIP.
//  G 7: start 02, finishes 16, after the period → WIP on the 15th with age 14.
const LOG: FlowEvent[] = [
  created(1, '02'), moved(1, '04', 3), { caseId: 1, at: at('05'), type: 'reordered', field: 'column', to: '3' }, moved(1, '06', 6, '23:30'),
  created(2, '02'), moved(2, '03', 3), moved(2, '05', 2), moved(2, '10', 3), moved(2, '12', 6),
  created(3, '03'), moved(3, '09', 6),
  created(4, '04'), moved(4, '05', 3),
  { caseId: 4, at: at('06', '10:00'), type: 'blocked', field: 'blocked', to: 'Afventer lægeerklæring', reason: 'Afventer lægeerklæring' },
  { caseId: 4, at: at('11'), type: 'unblocked', field: 'blocked', to: null },
  moved(4, '13', 4),
  created(5, '09'), moved(5, '10', 4),
  { caseId: 5, at: at('12'), type: 'blocked', field: 'blocked', to: 'Afventer borgerens samtykke', reason: 'Afventer borgerens samtykke' },
  created(6, '10'),
  created(7, '02'), moved(7, '02', 3, '10:00'), moved(7, '16', 6),
  // A move of another kind's event (a decision) never moves the case.
  { caseId: 1, at: at('06', '23:40'), type: 'decided', field: 'decision', to: 'approved' },
];

describe('flow facts from the event log', () => {
  const flows = caseFlows(LOG, kindOf);

  it('starts on the first active column and finishes on the first done column', () => {
    expect(flows.get(1)).toMatchObject({ arrived: '2026-03-02', start: '2026-03-04', finish: '2026-03-06' });
    expect(flows.get(2)).toMatchObject({ start: '2026-03-03', finish: '2026-03-12' });
    expect(flows.get(6)).toMatchObject({ start: null, finish: null });
  });

  it('starts a case that skips the active columns on the day it finishes', () => {
    expect(flows.get(3)).toMatchObject({ start: '2026-03-09', finish: '2026-03-09' });
    expect(cycleTime('2026-03-09', '2026-03-09')).toBe(1);
  });

  it('does not depend on the order the events arrive in', () => {
    const shuffled = caseFlows([...LOG].reverse(), kindOf);
    expect([...shuffled.values()].map(({ caseId, start, finish }) => ({ caseId, start, finish })))
      .toEqual(expect.arrayContaining([...flows.values()].map(({ caseId, start, finish }) => ({ caseId, start, finish }))));
    expect(shuffled.get(2)!.start).toBe('2026-03-03');
  });

  it('records blocked periods and counts elapsed days', () => {
    expect(flows.get(4)!.blocks).toEqual([{ from: '2026-03-06', to: '2026-03-11', reason: 'Afventer lægeerklæring' }]);
    expect(flows.get(5)!.blocks).toEqual([{ from: '2026-03-12', to: null, reason: 'Afventer borgerens samtykke' }]);
    expect(blockedDays(flows.get(4)!.blocks[0]!, '2026-03-15')).toBe(5);
    expect(blockedDays(flows.get(5)!.blocks[0]!, '2026-03-15')).toBe(3);
    // An open block counted at a day before the end of a closed one stops at that day.
    expect(blockedDays({ from: '2026-03-06', to: '2026-03-11' }, '2026-03-08')).toBe(2);
  });

  it('knows what is work in progress on a day', () => {
    expect(isWipOn(flows.get(1)!, '2026-03-05')).toBe(true);
    expect(isWipOn(flows.get(1)!, '2026-03-06')).toBe(false); // finished that day
    expect(isWipOn(flows.get(6)!, '2026-03-15')).toBe(false); // never started
    expect(age('2026-03-05', '2026-03-15')).toBe(11);
  });

  it('gives the report of the period computed by hand', () => {
    const report = flowReport('Team Test', flows.values(), '2026-03-02', '2026-03-15');
    expect(report).toEqual({
      team: 'Team Test',
      from: '2026-03-02',
      to: '2026-03-15',
      throughputPerWeek: [{ weekStart: '2026-03-02', count: 1 }, { weekStart: '2026-03-09', count: 2 }],
      // cycle times 3, 10 and 1: sorted 1, 3, 10; ranks ⌈1.5⌉ = 2, ⌈2.55⌉ = 3, ⌈2.85⌉ = 3.
      cycleTime: { count: 3, p50: 3, p85: 10, p95: 10 },
      wipAtEnd: 3,
      wipAges: [14, 11, 6],
    });
  });

  it('starts the first week on its Monday when the period starts mid-week, counting only days inside', () => {
    const finishes = new Map([['2026-03-04', 2], ['2026-03-06', 1], ['2026-03-10', 4], ['2026-03-18', 7]]);
    expect(throughputPerWeek(finishes, '2026-03-05', '2026-03-17')).toEqual([
      { weekStart: '2026-03-02', count: 1 },
      { weekStart: '2026-03-09', count: 4 },
      { weekStart: '2026-03-16', count: 0 },
    ]);
    expect(throughputPerDay(finishes, '2026-03-09', '2026-03-11').map((d) => d.count)).toEqual([0, 4, 0]);
  });

  it('counts WIP at the end of each day', () => {
    const starts = new Map<string, number>();
    const finishes = new Map<string, number>();
    for (const f of flows.values()) {
      if (f.start) starts.set(f.start, (starts.get(f.start) ?? 0) + 1);
      if (f.finish) finishes.set(f.finish, (finishes.get(f.finish) ?? 0) + 1);
    }
    // G 02; B 03; A 04; D 05; A done 06; C in and out 09; E 10; B done 12; G done 16.
    expect(wipPerDay(starts, finishes, '2026-03-02', '2026-03-16').map((d) => d.count))
      .toEqual([1, 2, 3, 4, 3, 3, 3, 3, 4, 4, 3, 3, 3, 3, 2]);
    expect(wipPerDay(starts, finishes, '2026-03-10', '2026-03-10')).toEqual([{ day: '2026-03-10', count: 4 }]);
  });

  it('draws the cumulative flow with the done items before the period taken off', () => {
    const counts = reachCounts(columnReach(LOG, COLUMNS));
    const ids = COLUMNS.map((c) => c.id);
    const whole = cumulativeFlow(ids, counts, '2026-03-02', '2026-03-15');
    // By the 15th: 7 arrived, 6 reached Udredning or beyond, 5 Afventer or beyond, 3 done.
    expect(whole.at(-1)).toEqual({ day: '2026-03-15', 1: 7, 2: 6, 3: 6, 4: 5, 5: 3, 6: 3 });
    expect(whole[0]).toEqual({ day: '2026-03-02', 1: 3, 2: 1, 3: 1, 4: 0, 5: 0, 6: 0 });
    // A (done on the 6th) is off every line of a period starting on the 9th.
    const late = cumulativeFlow(ids, counts, '2026-03-09', '2026-03-15');
    expect(late[0]).toEqual({ day: '2026-03-09', 1: 5, 2: 4, 3: 4, 4: 1, 5: 1, 6: 1 });
    expect(late.at(-1)).toMatchObject({ 1: 6, 6: 2 });
  });
});

describe('percentiles by nearest rank', () => {
  it('takes the ⌈p·n⌉-th smallest value', () => {
    const values = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(percentile(values, 50)).toBe(10);
    expect(percentile(values, 85)).toBe(17);
    expect(percentile(values, 95)).toBe(19);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNull();
    expect(summarizeCycleTimes([])).toEqual({ count: 0, p50: null, p85: null, p95: null });
  });
});

describe('Monte Carlo forecasts', () => {
  it('samples the 84 whole days before today', () => {
    expect(sampleWindow('2026-11-23')).toEqual({ from: '2026-08-31', to: '2026-11-22' });
  });

  it('is exact when every day is alike', () => {
    // Today through the 27th is 5 days at 2 a day.
    expect(forecastHowMany([2, 2, 2], '2026-11-23', '2026-11-27', { runs: 500 })).toEqual({ days: 5, p50: 10, p85: 10, p95: 10 });
    // 7 items at 2 a day need 4 days: today, 24th, 25th and the 26th.
    expect(forecastWhen([2], '2026-11-23', 7, { runs: 500 })).toEqual({ items: 7, p50: '2026-11-26', p85: '2026-11-26', p95: '2026-11-26' });
  });

  it('reads "how many" as at least that many in p % of the runs', () => {
    // One day; 10 items on 3 of 4 days. At least 10 in 75 % of runs: yes at 50 %, not at 85 % or 95 %.
    const f = forecastHowMany([10, 10, 10, 0], '2026-11-23', '2026-11-23', { seed: 7 });
    expect(f).toEqual({ days: 1, p50: 10, p85: 0, p95: 0 });
  });

  it('reads "when" as done by that date in p % of the runs', () => {
    // One item, finished on a day with chance 3/4: done after 1 day in 75 %, 2 days in 93.75 %, 3 in 98.4 %.
    const f = forecastWhen([1, 1, 1, 0], '2026-11-23', 1, { seed: 7 });
    expect(f).toEqual({ items: 1, p50: '2026-11-23', p85: '2026-11-24', p95: '2026-11-25' });
  });

  it('is repeatable for a seed and says so when nothing is ever finished', () => {
    const samples = [0, 1, 3, 0, 2, 5, 1];
    // Few runs, so the seed shows: seed 42 gives these numbers on every machine, seed 43 others.
    expect(forecastHowMany(samples, '2026-11-23', '2026-12-20', { seed: 42, runs: 20 })).toEqual({ days: 28, p50: 43, p85: 37, p95: 34 });
    expect(forecastHowMany(samples, '2026-11-23', '2026-12-20', { seed: 43, runs: 20 })).toEqual({ days: 28, p50: 54, p85: 40, p95: 36 });
    const f = forecastHowMany(samples, '2026-11-23', '2026-12-20', { seed: 42 });
    expect(f.p95).toBeLessThanOrEqual(f.p85);
    expect(f.p85).toBeLessThanOrEqual(f.p50);
    expect(forecastWhen([0, 0], '2026-11-23', 3)).toEqual({ items: 3, p50: null, p85: null, p95: null });
  });
});

describe('caseload and review rules', () => {
  it('weights cases by paragraph, 1 when no weight is set', () => {
    expect(weightedCaseload(new Map([['85', 10], ['107', 4], ['12', 6]]), new Map([['107', 2.5], ['12', 0.5]]))).toBe(23);
  });

  it('gives each caseworker the weighted caseload with the unweighted count beside it, and the team its line', () => {
    const weights = new Map([['107', 1.5], ['12', 0.5]]);
    const { people, totals } = teamCaseload(
      [
        { assigneeId: 1, paragraph: '107', count: 30 }, { assigneeId: 1, paragraph: '85', count: 20 },
        { assigneeId: 2, paragraph: '12', count: 40 }, { assigneeId: 3, paragraph: '85', count: 5 },
        { assigneeId: null, paragraph: '107', count: 7 },
      ],
      // 3 is another team's caseworker holding five of this team's cases: in the team's figure, not against its norm.
      [{ id: 1, norm: 60, member: true }, { id: 2, norm: 40, member: true }, { id: 3, norm: 50, member: false }, { id: 4, norm: null, member: true }],
      weights,
    );
    expect(people.map((p) => [p.personId, p.weighted, p.cases, p.status])).toEqual([
      [1, 65, 50, 'within'], [2, 20, 40, 'under'], [3, 5, 5, 'under'], [4, 0, 0, 'no_norm'],
    ]);
    expect(people[0]!.byParagraph).toEqual([{ paragraph: '107', count: 30 }, { paragraph: '85', count: 20 }]);
    expect(totals).toEqual({
      weighted: 90, cases: 95, unassigned: 7, norm: 100, normedWeighted: 85, normedCases: 90, percentOfNorm: 85, caseworkers: 4, overNorm: 0,
    });
    // The department adds the teams up and takes the share of the sums, not the mean of the shares.
    const other = teamCaseload([{ assigneeId: 9, paragraph: '85', count: 30 }], [{ id: 9, norm: 20, member: true }], weights).totals;
    expect(other).toMatchObject({ percentOfNorm: 150, overNorm: 1 });
    expect(sumCaseloadTotals([totals, other])).toEqual({
      weighted: 120, cases: 125, unassigned: 7, norm: 120, normedWeighted: 115, normedCases: 120, percentOfNorm: (100 * 115) / 120, caseworkers: 5, overNorm: 1,
    });
    expect(sumCaseloadTotals([]).percentOfNorm).toBeNull();
  });

  it('judges a caseload against the norm', () => {
    expect(caseloadStatus(111, 100)).toBe('over');
    expect(caseloadStatus(110, 100)).toBe('within');
    expect(caseloadStatus(79, 100)).toBe('under');
    expect(caseloadStatus(50, null)).toBe('no_norm');
  });

  it('flags deadlines passed or within 14 days', () => {
    expect(deadlineAtRisk('2026-12-07', '2026-11-23')).toBe(true);
    expect(deadlineAtRisk('2026-12-08', '2026-11-23')).toBe(false);
    expect(deadlineAtRisk('2026-11-01', '2026-11-23')).toBe(true);
    expect(deadlineAtRisk(null, '2026-11-23')).toBe(false);
  });

  it('finds the review week from Monday to Sunday', () => {
    expect(reviewWeek('2026-11-29')).toEqual({ weekStart: '2026-11-23', weekEnd: '2026-11-29', previousWeekStart: '2026-11-16' });
  });

  it("gives each team's change in bottom line since a week ago", () => {
    expect(bottomLineChanges(
      [{ teamId: 1, team: 'A', bottomLine: -1_250_000.5 }, { teamId: 2, team: 'B', bottomLine: 300 }],
      [{ teamId: 1, bottomLine: -1_000_000.25 }],
    )).toEqual([
      { teamId: 1, team: 'A', now: -1_250_000.5, weekAgo: -1_000_000.25, change: -250_000.25 },
      { teamId: 2, team: 'B', now: 300, weekAgo: null, change: null },
    ]);
  });
});
