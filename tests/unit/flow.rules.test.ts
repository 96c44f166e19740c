// The flow rules of shared/flow.ts at their boundaries: every limit at, below and above, every day
// at the edge of a period, every percentile rank. The hand-made board log is in flow.test.ts.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates';
import type { ColumnKind } from '../../shared/domain';
import {
  age, blockedDays, bottomLineChanges, caseFlows, caseloadStatus, CASELOAD_OVER_NORM, CASELOAD_UNDER_NORM, COLUMN_EVENT_TYPES, columnReach,
  cumulativeFlow, cycleTime, DEADLINE_RISK_DAYS, deadlineAtRisk, departmentColumns, departmentCumulativeFlow, eventDay, flowReport,
  FORECAST_HORIZON_DAYS, forecastHowMany, forecastWhen, isColumnEvent, isWipOn, MONTE_CARLO_RUNS, percentile, percentOfNorm, reachCounts,
  reviewWeek, SAMPLE_WEEKS, sampleWindow, summarizeCycleTimes, sumCaseloadTotals, teamCaseload, throughputPerDay, throughputPerWeek,
  weightedCaseload, wipPerDay, type BoardColumnRef, type FlowEvent,
} from '../../shared/flow';
import { createRandom } from '../../shared/random';
import { daysNeededPerRun } from '../support/forecastDraws';

const KINDS: Record<number, ColumnKind> = { 1: 'queue', 2: 'active', 3: 'done', 12: 'active' };
const kindOf = (id: number): ColumnKind | undefined => KINDS[id];
const ev = (caseId: number, at: string, type: string, to: string | null, extra: Partial<FlowEvent> = {}): FlowEvent => ({ caseId, at, type, to, ...extra });

describe('which events put a case into a column', () => {
  it('created, moved and moved over the WIP limit do, and any event on the column field', () => {
    expect(COLUMN_EVENT_TYPES).toEqual(['created', 'moved', 'moved_over_wip_limit']);
    for (const type of COLUMN_EVENT_TYPES) expect(isColumnEvent({ type, field: null, to: '2' })).toBe(true);
    expect(isColumnEvent({ type: 'restored', field: 'column', to: '2' })).toBe(true);
    expect(isColumnEvent({ type: 'restored', field: 'decision', to: '2' })).toBe(false);
    expect(isColumnEvent({ type: 'restored', to: '2' })).toBe(false);
  });

  it('a reorder inside the column does not, nor an event without a column', () => {
    expect(isColumnEvent({ type: 'reordered', field: 'column', to: '2' })).toBe(false);
    expect(isColumnEvent({ type: 'moved', field: 'column', to: null })).toBe(false);
  });

  it('the event day is the UTC date of the timestamp', () => {
    expect(eventDay('2026-03-06T23:30:00.000Z')).toBe('2026-03-06');
  });
});

describe('flow facts at their edges', () => {
  it('ignores a move to something that is not a column id, or to a column of another board', () => {
    const flows = caseFlows([
      ev(1, '2026-03-02T08:00:00Z', 'created', '1'),
      ev(1, '2026-03-03T08:00:00Z', 'moved', '2x'),
      ev(1, '2026-03-04T08:00:00Z', 'moved', 'x2'),
      ev(1, '2026-03-05T08:00:00Z', 'moved', '99'),
      ev(2, '2026-03-05T08:00:00Z', 'moved', '99'),
    ], kindOf);
    expect(flows.get(1)).toEqual({ caseId: 1, arrived: '2026-03-02', start: null, finish: null, blocks: [] });
    expect(flows.has(2)).toBe(false);
  });

  it('reads a column id of several digits, and no column id with space around it', () => {
    const flows = caseFlows([
      ev(1, '2026-03-02T08:00:00Z', 'created', '1'), ev(1, '2026-03-03T08:00:00Z', 'moved', ' 2'), ev(1, '2026-03-04T08:00:00Z', 'moved', '2 '),
      ev(1, '2026-03-05T08:00:00Z', 'moved', '12'),
    ], kindOf);
    expect(flows.get(1)).toMatchObject({ arrived: '2026-03-02', start: '2026-03-05' });
  });

  it('an event that is neither a move nor a block does not bring a case onto the board', () => {
    const flows = caseFlows([
      ev(1, '2026-03-01T08:00:00Z', 'decided', 'approved', { field: 'decision' }),
      ev(1, '2026-03-02T08:00:00Z', 'created', '1'),
      ev(2, '2026-03-01T08:00:00Z', 'decided', 'approved', { field: 'decision' }),
    ], kindOf);
    expect(flows.get(1)).toMatchObject({ arrived: '2026-03-02' });
    expect(flows.has(2)).toBe(false);
  });

  it('arrives on the first day in any column and keeps the first start and finish when moved back and forth', () => {
    const flows = caseFlows([
      ev(1, '2026-03-10T08:00:00Z', 'moved', '3'),
      ev(1, '2026-03-04T08:00:00Z', 'moved', '2'),
      ev(1, '2026-03-12T08:00:00Z', 'moved', '2'),
      ev(1, '2026-03-02T08:00:00Z', 'created', '1'),
      ev(1, '2026-03-14T08:00:00Z', 'moved', '3'),
      ev(1, '2026-03-03T08:00:00Z', 'moved', '1'),
    ], kindOf);
    expect(flows.get(1)).toMatchObject({ arrived: '2026-03-02', start: '2026-03-04', finish: '2026-03-10' });
  });

  it('a case created straight into a done column starts and finishes that day', () => {
    expect(caseFlows([ev(1, '2026-03-05T08:00:00Z', 'created', '3')], kindOf).get(1)).toMatchObject({ arrived: '2026-03-05', start: '2026-03-05', finish: '2026-03-05' });
  });

  it('a case in a queue column only has neither start nor finish', () => {
    expect(caseFlows([ev(1, '2026-03-05T08:00:00Z', 'created', '1')], kindOf).get(1)).toMatchObject({ start: null, finish: null });
  });

  it('records a block seen before any column event, keeps one block open at a time and ignores an unblock without a block', () => {
    const flows = caseFlows([
      ev(1, '2026-03-03T08:00:00Z', 'unblocked', null),
      ev(1, '2026-03-04T08:00:00Z', 'blocked', 'Venter på lægen', { reason: 'Venter på lægen' }),
      ev(1, '2026-03-05T08:00:00Z', 'blocked', 'Venter igen', { reason: 'Venter igen' }),
      ev(1, '2026-03-06T08:00:00Z', 'unblocked', null),
      ev(1, '2026-03-07T08:00:00Z', 'unblocked', null),
      ev(1, '2026-03-09T08:00:00Z', 'blocked', 'Venter på borgeren'),
      ev(1, '2026-03-10T08:00:00Z', 'created', '2'),
      ev(2, '2026-03-11T08:00:00Z', 'blocked', null),
    ], kindOf);
    expect(flows.get(1)).toEqual({
      caseId: 1, arrived: '2026-03-03', start: '2026-03-10', finish: null,
      blocks: [{ from: '2026-03-04', to: '2026-03-06', reason: 'Venter på lægen' }, { from: '2026-03-09', to: null, reason: 'Venter på borgeren' }],
    });
    expect(flows.get(2)).toEqual({ caseId: 2, arrived: '2026-03-11', start: null, finish: null, blocks: [{ from: '2026-03-11', to: null, reason: null }] });
  });

  it('replays a block and its unblock on the same day in time order, whatever order they arrive in', () => {
    const flows = caseFlows([
      ev(1, '2026-03-04T15:00:00Z', 'unblocked', null),
      ev(1, '2026-03-04T09:00:00Z', 'blocked', 'Venter', { reason: 'Venter' }),
      ev(1, '2026-03-04T10:00:00Z', 'blocked', 'Anden', { reason: 'Anden' }),
    ], kindOf);
    expect(flows.get(1)!.blocks).toEqual([{ from: '2026-03-04', to: '2026-03-04', reason: 'Venter' }]);
  });

  it('a case started and finished the same day took 1 day; its age on its start day is 1', () => {
    expect(cycleTime('2026-03-04', '2026-03-04')).toBe(1);
    expect(cycleTime('2026-03-04', '2026-03-06')).toBe(3);
    expect(age('2026-03-04', '2026-03-04')).toBe(1);
    expect(age('2026-03-04', '2026-03-10')).toBe(7);
  });

  it('is in progress from its start day until the day before it finishes', () => {
    const f = { start: '2026-03-04', finish: '2026-03-06' };
    expect(isWipOn(f, '2026-03-03')).toBe(false);
    expect(isWipOn(f, '2026-03-04')).toBe(true);
    expect(isWipOn(f, '2026-03-05')).toBe(true);
    expect(isWipOn(f, '2026-03-06')).toBe(false);
    expect(isWipOn({ start: '2026-03-04', finish: null }, '2026-03-04')).toBe(true);
    expect(isWipOn({ start: null, finish: null }, '2026-03-04')).toBe(false);
  });

  it('counts blocked days to the unblock, to the day asked about when that is earlier, and never fewer than none', () => {
    expect(blockedDays({ from: '2026-03-04', to: '2026-03-06' }, '2026-03-06')).toBe(2);
    expect(blockedDays({ from: '2026-03-04', to: '2026-03-06' }, '2026-03-07')).toBe(2);
    expect(blockedDays({ from: '2026-03-04', to: '2026-03-06' }, '2026-03-05')).toBe(1);
    expect(blockedDays({ from: '2026-03-04', to: null }, '2026-03-09')).toBe(5);
    expect(blockedDays({ from: '2026-03-04', to: null }, '2026-03-02')).toBe(0);
  });
});

describe('percentile ranks', () => {
  it('the 0th percentile is the smallest value and the 100th the largest, over unsorted numbers', () => {
    const values = [10, 9, 2, 30, 4];
    expect(percentile(values, 0)).toBe(2);
    expect(percentile(values, 100)).toBe(30);
    expect(percentile(values, 150)).toBe(30);
    expect(percentile(values, 20)).toBe(2); // ⌈1⌉ = 1st
    expect(percentile(values, 21)).toBe(4); // ⌈1.05⌉ = 2nd
    expect(percentile(values, 40)).toBe(4);
    expect(percentile(values, 41)).toBe(9);
    expect(percentile(values, 60)).toBe(9);
    expect(percentile(values, 61)).toBe(10);
    expect(percentile(values, 80)).toBe(10);
    expect(percentile(values, 81)).toBe(30);
    expect(values).toEqual([10, 9, 2, 30, 4]); // the caller's list is left as it was
  });

  it('summarises cycle times of an unsorted list by nearest rank', () => {
    const twenty = [7, 12, 1, 20, 3, 18, 5, 9, 14, 2, 16, 11, 4, 19, 8, 13, 6, 17, 10, 15];
    expect(summarizeCycleTimes(twenty)).toEqual({ count: 20, p50: 10, p85: 17, p95: 19 });
    expect(summarizeCycleTimes([10, 9, 2])).toEqual({ count: 3, p50: 9, p85: 10, p95: 10 });
  });
});

describe('throughput and WIP at the edges of the period', () => {
  it('counts items finished on the first and on the last day of the period, not the day before or after', () => {
    const finishes = new Map([['2026-03-08', 1], ['2026-03-09', 2], ['2026-03-22', 4], ['2026-03-23', 8]]);
    expect(throughputPerWeek(finishes, '2026-03-09', '2026-03-22')).toEqual([{ weekStart: '2026-03-09', count: 2 }, { weekStart: '2026-03-16', count: 4 }]);
    expect(throughputPerDay(finishes, '2026-03-08', '2026-03-09')).toEqual([{ day: '2026-03-08', count: 1 }, { day: '2026-03-09', count: 2 }]);
    expect(throughputPerDay(finishes, '2026-03-09', '2026-03-08')).toEqual([]);
  });

  it('a period ending on a Monday has that Monday as its last week', () => {
    expect(throughputPerWeek(new Map([['2026-03-16', 3]]), '2026-03-12', '2026-03-16')).toEqual([
      { weekStart: '2026-03-09', count: 0 }, { weekStart: '2026-03-16', count: 3 },
    ]);
  });

  it('daily WIP counts items finished on the first day of the period once', () => {
    const starts = new Map([['2026-03-01', 3], ['2026-03-02', 1]]);
    const finishes = new Map([['2026-03-01', 1], ['2026-03-02', 2], ['2026-03-03', 1]]);
    expect(wipPerDay(starts, finishes, '2026-03-02', '2026-03-03')).toEqual([{ day: '2026-03-02', count: 1 }, { day: '2026-03-03', count: 0 }]);
  });

  it('daily WIP counts items started on the first day of the period once', () => {
    const starts = new Map([['2026-03-02', 2]]);
    expect(wipPerDay(starts, new Map(), '2026-03-02', '2026-03-03')).toEqual([{ day: '2026-03-02', count: 2 }, { day: '2026-03-03', count: 2 }]);
    expect(wipPerDay(starts, new Map(), '2026-03-03', '2026-03-03')).toEqual([{ day: '2026-03-03', count: 2 }]);
  });

  it('the flow report counts a finish on the first and the last day of the period, and gives a case without a start a cycle time of 1', () => {
    const report = flowReport(null, [
      { start: '2026-03-01', finish: '2026-03-08' }, // the day before: not counted
      { start: '2026-03-02', finish: '2026-03-09' }, // 8 days
      { start: null, finish: '2026-03-15' }, // 1 day
      { start: '2026-03-10', finish: '2026-03-16' }, // the day after: still in progress on the 15th, age 6
      { start: '2026-03-15', finish: null }, // age 1
      { start: '2026-03-12', finish: null }, // age 4
      { start: null, finish: null },
    ], '2026-03-09', '2026-03-15');
    expect(report).toEqual({
      team: null, from: '2026-03-09', to: '2026-03-15',
      throughputPerWeek: [{ weekStart: '2026-03-09', count: 2 }],
      cycleTime: { count: 2, p50: 1, p85: 8, p95: 8 },
      wipAtEnd: 3,
      wipAges: [6, 4, 1],
    });
  });
});

describe('Monte Carlo forecasts at their edges', () => {
  it('runs 10,000 times over a sample of 12 weeks and gives up after three years', () => {
    expect([MONTE_CARLO_RUNS, SAMPLE_WEEKS, FORECAST_HORIZON_DAYS]).toEqual([10_000, 12, 1095]);
    expect(sampleWindow('2026-03-01')).toEqual({ from: '2025-12-07', to: '2026-02-28' });
  });

  it('"how many" by a date before today forecasts no days and so nothing; without a sample, nothing either', () => {
    expect(forecastHowMany([3], '2026-11-23', '2026-11-22', { runs: 10 })).toEqual({ days: 0, p50: 0, p85: 0, p95: 0 });
    expect(forecastHowMany([3], '2026-11-23', '2026-11-20', { runs: 10 })).toEqual({ days: 0, p50: 0, p85: 0, p95: 0 });
    expect(forecastHowMany([], '2026-11-23', '2026-11-29', { runs: 10 })).toEqual({ days: 7, p50: 0, p85: 0, p95: 0 });
    expect(forecastHowMany([3], '2026-11-23', '2026-11-23', { runs: 10 })).toEqual({ days: 1, p50: 3, p85: 3, p95: 3 });
  });

  it('"how many" gives, for p %, the ⌈(100 − p) % · runs⌉-th smallest run total', () => {
    // One day, so each run's total is one draw: replay the draws of the same seed.
    const samples = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const runs = 40;
    const random = createRandom(5);
    const totals = Array.from({ length: runs }, () => samples[Math.floor(random.next() * samples.length)]!).sort((a, b) => a - b);
    const f = forecastHowMany(samples, '2026-11-23', '2026-11-23', { runs, seed: 5 });
    expect(f).toEqual({ days: 1, p50: totals[19], p85: totals[5], p95: totals[1] });
    expect(new Set([totals[19], totals[5], totals[1]]).size).toBe(3); // the ranks are told apart
  });

  it('"how many" is the same for the same seed, seed 1 when none is given, and another seed draws differently', () => {
    const samples = [0, 1, 3, 0, 2, 5, 1];
    const seed42 = forecastHowMany(samples, '2026-11-23', '2026-12-20', { seed: 42, runs: 2000 });
    expect(seed42).toEqual({ days: 28, p50: 48, p85: 39, p95: 34 });
    expect(forecastHowMany(samples, '2026-11-23', '2026-12-20', { runs: 2000 })).toEqual({ days: 28, p50: 47, p85: 39, p95: 34 });
    expect(forecastHowMany(samples, '2026-11-23', '2026-12-20', { runs: 2000, seed: 1 })).toEqual({ days: 28, p50: 47, p85: 39, p95: 34 });
  });

  it('"when" for no items is today, and for a sample that never finishes anything is unknown', () => {
    expect(forecastWhen([1], '2026-11-23', 0, { runs: 10 })).toEqual({ items: 0, p50: '2026-11-23', p85: '2026-11-23', p95: '2026-11-23' });
    expect(forecastWhen([1], '2026-11-23', -2, { runs: 10 })).toEqual({ items: -2, p50: '2026-11-23', p85: '2026-11-23', p95: '2026-11-23' });
    expect(forecastWhen([], '2026-11-23', 3, { runs: 10 })).toEqual({ items: 3, p50: null, p85: null, p95: null });
    expect(forecastWhen([0, -1], '2026-11-23', 3, { runs: 10 })).toEqual({ items: 3, p50: null, p85: null, p95: null });
    expect(forecastWhen([1], '2026-11-23', 1, { runs: 10 })).toEqual({ items: 1, p50: '2026-11-23', p85: '2026-11-23', p95: '2026-11-23' });
  });

  it('"when" reaches an item count on the last day of the horizon, and one more is beyond it', () => {
    expect(forecastWhen([1], '2026-01-01', 1095, { runs: 3 })).toEqual({ items: 1095, p50: '2028-12-30', p85: '2028-12-30', p95: '2028-12-30' });
    expect(forecastWhen([1], '2026-01-01', 1096, { runs: 3 })).toEqual({ items: 1096, p50: null, p85: null, p95: null });
  });

  it('"when" gives, for p %, the date of the ⌈p % · runs⌉-th fewest days needed', () => {
    // One item; a draw of 1 finishes it. Replay the draws of the same seed to count the days each run needs.
    const samples = [0, 0, 0, 1];
    const runs = 40;
    const needed = daysNeededPerRun(samples, runs, 9);
    const date = (d: number) => addDays('2026-11-23', d - 1);
    const f = forecastWhen(samples, '2026-11-23', 1, { runs, seed: 9 });
    expect(f).toEqual({ items: 1, p50: date(needed[19]!), p85: date(needed[33]!), p95: date(needed[37]!) });
    expect(new Set([needed[19], needed[33], needed[37]]).size).toBe(3);
  });

  it('"when" is the same for the same seed and seed 1 when none is given', () => {
    const samples = [0, 1, 3, 0, 2, 5, 1];
    expect(forecastWhen(samples, '2026-11-23', 30, { seed: 42, runs: 2000 })).toEqual({ items: 30, p50: '2026-12-10', p85: '2026-12-15', p95: '2026-12-18' });
    expect(forecastWhen(samples, '2026-11-23', 30, { runs: 2000 })).toEqual({ items: 30, p50: '2026-12-10', p85: '2026-12-14', p95: '2026-12-17' });
  });

  it('"how many" and "when" run 10,000 times unless told otherwise', () => {
    // At least one item in p % of runs when a day finishes one with chance 1/2: the ranks of 10,000 runs land on 0 or 1 exactly.
    const f = forecastHowMany([0, 1], '2026-11-23', '2026-11-23', { seed: 3 });
    const random = createRandom(3);
    const totals = Array.from({ length: 10_000 }, () => [0, 1][Math.floor(random.next() * 2)]!).sort((a, b) => a - b);
    expect(f).toEqual({ days: 1, p50: totals[4999], p85: totals[1499], p95: totals[499] });
    // One item finished on a day with chance 3/4: by today in 75 % of runs, by the third day in 98.4 %.
    expect(forecastWhen([0, 1, 1, 1], '2026-11-23', 1, { seed: 3 })).toEqual({ items: 1, p50: '2026-11-23', p85: '2026-11-24', p95: '2026-11-25' });
  });
});

describe('cumulative flow at its edges', () => {
  const columns = [{ id: 10, position: 1 }, { id: 20, position: 2 }, { id: 30, position: 3 }];

  it('a case reaches every column to the left of where it is, on the first day, also when sent back', () => {
    const reach = columnReach([
      ev(1, '2026-03-05T08:00:00Z', 'moved', '20'),
      ev(1, '2026-03-03T08:00:00Z', 'created', '10'),
      ev(1, '2026-03-07T08:00:00Z', 'moved', '10'),
      ev(1, '2026-03-09T08:00:00Z', 'moved', '30'),
      ev(1, '2026-03-10T08:00:00Z', 'moved', '20'),
      ev(1, '2026-03-11T08:00:00Z', 'reordered', '30'),
      ev(1, '2026-03-01T08:00:00Z', 'moved', '99'),
      ev(1, '2026-03-01T08:00:00Z', 'moved', 'x'),
      ev(2, '2026-03-04T08:00:00Z', 'created', '20'),
      ev(3, '2026-03-04T08:00:00Z', 'reordered', '20'), // a reorder is not a move
      ev(4, '2026-03-04T08:00:00Z', 'moved', ' 20'), // not a column id
      ev(4, '2026-03-05T08:00:00Z', 'moved', '20 '),
    ], columns);
    expect(reach).toEqual(new Map([
      [1, new Map([[10, '2026-03-03'], [20, '2026-03-05'], [30, '2026-03-09']])],
      [2, new Map([[10, '2026-03-04'], [20, '2026-03-04']])],
    ]));
    expect(reachCounts(reach)).toEqual(new Map([
      [10, new Map([['2026-03-03', 1], ['2026-03-04', 1]])],
      [20, new Map([['2026-03-05', 1], ['2026-03-04', 1]])],
      [30, new Map([['2026-03-09', 1]])],
    ]));
  });

  it('counts two cases reaching a column on the same day as two', () => {
    const reach = columnReach([ev(1, '2026-03-03T08:00:00Z', 'created', '10'), ev(2, '2026-03-03T09:00:00Z', 'created', '10')], columns);
    expect(reachCounts(reach).get(10)).toEqual(new Map([['2026-03-03', 2]]));
  });

  it('takes off the items done before the period, counting a day before the period but not its first day', () => {
    const reached = new Map([
      [10, new Map([['2026-03-01', 2], ['2026-03-02', 1], ['2026-03-03', 1]])],
      [30, new Map([['2026-03-01', 1], ['2026-03-02', 1]])],
    ]);
    expect(cumulativeFlow([10, 30], reached, '2026-03-02', '2026-03-03')).toEqual([
      { day: '2026-03-02', 10: 2, 30: 1 },
      { day: '2026-03-03', 10: 3, 30: 1 },
    ]);
    expect(cumulativeFlow([10, 40], reached, '2026-03-02', '2026-03-02')).toEqual([{ day: '2026-03-02', 10: 3, 40: 0 }]);
    expect(cumulativeFlow([], reached, '2026-03-02', '2026-03-02')).toEqual([{ day: '2026-03-02' }]);
  });
});

describe("the department's cumulative flow", () => {
  const col = (id: number, name: string, kind: ColumnKind, position: number): BoardColumnRef => ({ id, name, kind, position });

  it('groups by name when every board has the same names in the same order, whatever order the columns are given in', () => {
    const a = [col(2, 'Udredning', 'active', 2), col(1, 'Indkommet', 'queue', 1), col(3, 'Afsluttet', 'done', 3)];
    const b = [col(11, 'Indkommet', 'queue', 1), col(12, 'Udredning', 'active', 2), col(13, 'Afsluttet', 'done', 3)];
    const g = departmentColumns([a, b]);
    expect(g).toEqual({
      by: 'name',
      groups: [{ name: 'Indkommet', kind: 'queue' }, { name: 'Udredning', kind: 'active' }, { name: 'Afsluttet', kind: 'done' }],
      lines: [[1, 2, 3], [11, 12, 13]],
      groupOf: new Map([[1, 0], [2, 1], [3, 2], [11, 0], [12, 1], [13, 2]]),
    });
  });

  it('orders columns of equal position by id', () => {
    const g = departmentColumns([[col(5, 'B', 'active', 1), col(4, 'A', 'queue', 1)]]);
    expect(g.lines).toEqual([[4, 5]]);
    expect(g.groups.map((x) => x.name)).toEqual(['A', 'B']);
  });

  it('groups by kind, queue, active and done, when the names or their number differ, a board without a kind taking the next one', () => {
    const a = [col(1, 'Indkommet', 'queue', 1), col(2, 'Udredning', 'active', 2), col(3, 'Afsluttet', 'done', 3)];
    const b = [col(11, 'Udredning', 'active', 1), col(12, 'Afsluttet', 'done', 2)];
    const c = [col(21, 'Indkommet', 'queue', 1), col(22, 'Afsluttet', 'done', 2)];
    const g = departmentColumns([a, b, c]);
    expect(g).toEqual({
      by: 'kind',
      groups: [{ name: 'Kø', kind: 'queue' }, { name: 'I gang', kind: 'active' }, { name: 'Afsluttet', kind: 'done' }],
      lines: [[1, 2, 3], [11, 11, 12], [21, 22, 22]],
      groupOf: new Map([[1, 0], [2, 1], [3, 2], [11, 1], [12, 2], [21, 0], [22, 2]]),
    });
    // The same names as far as the shorter board goes, but one column fewer.
    expect(departmentColumns([a, [col(41, 'Indkommet', 'queue', 1), col(42, 'Udredning', 'active', 2)]]).by).toBe('kind');
    // Same length, one name differs.
    expect(departmentColumns([a, [col(31, 'Indkommet', 'queue', 1), col(32, 'Visitation', 'active', 2), col(33, 'Afsluttet', 'done', 3)]]).by).toBe('kind');
  });

  it('leaves out kinds no board has, and gives a board no line for a kind it lacks at the end', () => {
    const g = departmentColumns([[col(1, 'Indkommet', 'queue', 1), col(2, 'Udredning', 'active', 2)], [col(11, 'Kø', 'queue', 1)]]);
    expect(g.groups).toEqual([{ name: 'Kø', kind: 'queue' }, { name: 'I gang', kind: 'active' }]);
    expect(g.lines).toEqual([[1, 2], [11, null]]);
  });

  it('with no boards has no groups', () => {
    expect(departmentColumns([])).toEqual({ by: 'name', groups: [], lines: [], groupOf: new Map() });
  });

  it('sums the boards day by day on their group lines, a board without a line adding nothing to it', () => {
    const grouping = { by: 'kind' as const, groups: [{ name: 'Kø', kind: 'queue' as const }, { name: 'I gang', kind: 'active' as const }], lines: [[1, 2], [11, null]], groupOf: new Map() };
    const boardA = new Map([[1, new Map([['2026-03-02', 2], ['2026-03-03', 1]])], [2, new Map([['2026-03-03', 1]])]]);
    const boardB = new Map([[11, new Map([['2026-03-01', 4], ['2026-03-03', 2]])]]);
    expect(departmentCumulativeFlow(grouping, [boardA, boardB], '2026-03-02', '2026-03-03')).toEqual([
      { day: '2026-03-02', 1: 2, 2: 0 },
      { day: '2026-03-03', 1: 5, 2: 1 },
    ]);
    // A board whose reach is missing counts as an empty board.
    expect(departmentCumulativeFlow(grouping, [boardA], '2026-03-03', '2026-03-03')).toEqual([{ day: '2026-03-03', 1: 3, 2: 1 }]);
  });
});

describe('caseload and review rules at their boundaries', () => {
  it('a legal deadline 14 days away is at risk, 15 days away is not, and one passed is', () => {
    expect(DEADLINE_RISK_DAYS).toBe(14);
    expect(deadlineAtRisk('2026-12-06', '2026-11-23')).toBe(true); // 13 days
    expect(deadlineAtRisk('2026-12-07', '2026-11-23')).toBe(true); // 14 days
    expect(deadlineAtRisk('2026-12-08', '2026-11-23')).toBe(false); // 15 days
    expect(deadlineAtRisk('2026-11-23', '2026-11-23')).toBe(true); // today
    expect(deadlineAtRisk('2026-11-22', '2026-11-23')).toBe(true); // yesterday
  });

  it('gives a caseload to one decimal, rounding half up', () => {
    expect(weightedCaseload(new Map([['85', 1]]), new Map([['85', 1.25]]))).toBe(1.3);
    expect(weightedCaseload(new Map([['85', 1]]), new Map([['85', 1.24]]))).toBe(1.2);
    expect(weightedCaseload(new Map(), new Map())).toBe(0);
    expect(weightedCaseload(new Map([['85', 3]]), new Map([['85', 0]]))).toBe(0);
  });

  it('is within the norm up to 110 % and over above it, within from 80 % and under below it', () => {
    expect([CASELOAD_OVER_NORM, CASELOAD_UNDER_NORM]).toEqual([1.1, 0.8]);
    expect(caseloadStatus(22, 20)).toBe('within'); // 110 %
    expect(caseloadStatus(22.1, 20)).toBe('over');
    expect(caseloadStatus(21.9, 20)).toBe('within');
    expect(caseloadStatus(16, 20)).toBe('within'); // 80 %
    expect(caseloadStatus(15.9, 20)).toBe('under');
    expect(caseloadStatus(16.1, 20)).toBe('within');
    expect(caseloadStatus(5, 0)).toBe('no_norm');
    expect(caseloadStatus(5, -1)).toBe('no_norm');
    expect(caseloadStatus(0, 0.1)).toBe('under');
  });

  it('gives the caseload in per cent of the norm, none without a positive norm', () => {
    expect(percentOfNorm(15, 20)).toBe(75);
    expect(percentOfNorm(15, 0)).toBeNull();
    expect(percentOfNorm(15, -5)).toBeNull();
    expect(percentOfNorm(15, null)).toBeNull();
  });

  it('lists a caseworker\'s paragraphs most cases first, ties by paragraph, and adds up repeated rows', () => {
    const { people, totals } = teamCaseload(
      [
        { assigneeId: 1, paragraph: '85', count: 2 }, { assigneeId: 1, paragraph: '107', count: 2 },
        { assigneeId: 1, paragraph: '12', count: 1 }, { assigneeId: 1, paragraph: '85', count: 1 },
        { assigneeId: null, paragraph: '85', count: 2 }, { assigneeId: null, paragraph: '12', count: 1 },
        { assigneeId: 2, paragraph: '85', count: 30 },
      ],
      [{ id: 1, norm: 5, member: true }, { id: 2, norm: 0, member: true }],
      new Map([['12', 0.25]]),
    );
    expect(people[0]).toEqual({
      personId: 1, norm: 5, weighted: 5.3, cases: 6, status: 'within',
      byParagraph: [{ paragraph: '85', count: 3 }, { paragraph: '107', count: 2 }, { paragraph: '12', count: 1 }],
    });
    // A norm of 0 is no norm: the caseworker's cases count in the team's figure, not against its norm.
    expect(people[1]).toMatchObject({ personId: 2, status: 'no_norm', weighted: 30 });
    expect(totals).toEqual({
      weighted: 35.3, cases: 36, unassigned: 3, norm: 5, normedWeighted: 5.3, normedCases: 6, percentOfNorm: 106, caseworkers: 2, overNorm: 0,
    });
    expect(people[0]).not.toHaveProperty('member');
  });

  it('lists paragraphs with as many cases by paragraph code', () => {
    const { people } = teamCaseload(
      [{ assigneeId: 1, paragraph: '85', count: 2 }, { assigneeId: 1, paragraph: '107', count: 2 }, { assigneeId: 1, paragraph: '108', count: 2 }],
      [{ id: 1, norm: 10, member: true }],
      new Map(),
    );
    expect(people[0]!.byParagraph.map((p) => p.paragraph)).toEqual(['107', '108', '85']);
  });

  it('counts the caseworkers over their norm', () => {
    const { totals } = teamCaseload(
      [{ assigneeId: 1, paragraph: '85', count: 12 }, { assigneeId: 2, paragraph: '85', count: 11 }, { assigneeId: 3, paragraph: '85', count: 5 }],
      [{ id: 1, norm: 10, member: true }, { id: 2, norm: 10, member: true }, { id: 3, norm: 10, member: true }],
      new Map(),
    );
    expect(totals.overNorm).toBe(1);
    expect(totals.percentOfNorm).toBeCloseTo(93.333, 3);
  });

  it('sums the teams to one decimal', () => {
    const t = (weighted: number, normedWeighted: number) => ({
      weighted, cases: 1, unassigned: 1, norm: 10, normedWeighted, normedCases: 1, percentOfNorm: null, caseworkers: 1, overNorm: 0,
    });
    expect(sumCaseloadTotals([t(0.1, 0.1), t(0.2, 0.2)])).toEqual({
      weighted: 0.3, cases: 2, unassigned: 2, norm: 20, normedWeighted: 0.3, normedCases: 2, percentOfNorm: 1.5, caseworkers: 2, overNorm: 0,
    });
  });

  it('finds the review week of a Monday and of a Sunday', () => {
    expect(reviewWeek('2026-11-23')).toEqual({ weekStart: '2026-11-23', weekEnd: '2026-11-29', previousWeekStart: '2026-11-16' });
    expect(reviewWeek('2026-11-22')).toEqual({ weekStart: '2026-11-16', weekEnd: '2026-11-22', previousWeekStart: '2026-11-09' });
  });

  it("rounds each team's change in bottom line to øre", () => {
    expect(bottomLineChanges([{ teamId: 1, team: 'A', bottomLine: 0.3 }], [{ teamId: 1, bottomLine: 0.1 }])[0]!.change).toBe(0.2);
    expect(bottomLineChanges([{ teamId: 1, team: 'A', bottomLine: 10.006 }], [{ teamId: 1, bottomLine: 0 }])[0]!.change).toBe(10.01);
    expect(bottomLineChanges([{ teamId: 1, team: 'A', bottomLine: 5 }], [{ teamId: 1, bottomLine: 5 }])[0]).toEqual({ teamId: 1, team: 'A', now: 5, weekAgo: 5, change: 0 });
    expect(bottomLineChanges([{ teamId: 2, team: 'B', bottomLine: 5 }], [{ teamId: 1, bottomLine: 5 }])[0]!.weekAgo).toBeNull();
  });
});
