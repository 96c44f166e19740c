// The flow analytics of issue 18 at their boundaries: ties in the category suggestion, periods that
// touch the edges of the report, every pace band and stability threshold at, below and above it.
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../shared/calendar';
import { addDays } from '../../shared/dates';
import {
  blockerClusters, CHRISTMAS, columnOn, columnPaces, columnStays, efficiencyPerWeek, flowEfficiency, forecastPositions, heatMap, normalizeReason,
  paceBand, seasonalFactors, seasonOf, serviceLevelStatus, STABILITY, suggestCategory, throughputStability, totalEfficiency,
  type BlockerCategory, type BlockRecord, type ColumnPace,
} from '../../shared/flowAnalytics';
import { createRandom } from '../../shared/random';
import { daysNeededPerRun } from '../support/forecastDraws';

const cat = (id: number, keywords: string[], active = true): BlockerCategory => ({ id, name: `K${id}`, keywords, active });

describe('category suggestions at their ties', () => {
  it('compares reasons without case, surrounding space or repeated space', () => {
    expect(normalizeReason('  Afventer   TILBUD\n fra  Leverandør ')).toBe('afventer tilbud fra leverandør');
    expect(normalizeReason('ÆBLE Øl Å')).toBe('æble øl å');
  });

  it('suggests nothing for an empty reason', () => {
    expect(suggestCategory('', [{ reason: '', categoryId: 1 }], [cat(1, ['x'])])).toBeNull();
  });

  it('counts only votes for active categories, with a reason, a category and the same reason', () => {
    const categories = [cat(1, []), cat(2, []), cat(3, [], false)];
    const earlier = [
      { reason: 'venter', categoryId: 3 }, { reason: 'venter', categoryId: 3 }, { reason: 'venter', categoryId: 3 },
      { reason: 'venter', categoryId: null }, { reason: null, categoryId: 2 }, { reason: 'noget andet', categoryId: 2 },
      { reason: 'Venter ', categoryId: 1 },
    ];
    expect(suggestCategory('venter', earlier, categories)).toBe(1);
    expect(suggestCategory('venter', earlier.slice(0, 6), categories)).toBeNull();
  });

  it('the category with more votes wins, ties go to the lower id', () => {
    const categories = [cat(1, []), cat(2, []), cat(3, [])];
    expect(suggestCategory('v', [{ reason: 'v', categoryId: 3 }, { reason: 'v', categoryId: 1 }, { reason: 'v', categoryId: 3 }], categories)).toBe(3);
    expect(suggestCategory('v', [{ reason: 'v', categoryId: 3 }, { reason: 'v', categoryId: 2 }], categories)).toBe(2);
    expect(suggestCategory('v', [{ reason: 'v', categoryId: 2 }, { reason: 'v', categoryId: 3 }], categories)).toBe(2);
  });

  it('votes win over keywords', () => {
    expect(suggestCategory('læge', [{ reason: 'læge', categoryId: 2 }], [cat(1, ['læge']), cat(2, [])])).toBe(2);
  });

  it('by keywords: more keywords found wins, then the longer keyword, then the lower id', () => {
    expect(suggestCategory('venter på læge og plads', [], [cat(5, ['lægeerklæring']), cat(4, ['læge', 'plads']), cat(3, ['plads'])])).toBe(4);
    expect(suggestCategory('venter på lægeerklæring', [], [cat(1, ['læge']), cat(2, ['lægeerklæring'])])).toBe(2);
    expect(suggestCategory('venter på lægeerklæring', [], [cat(2, ['lægeerklæring']), cat(1, ['læge'])])).toBe(2);
    expect(suggestCategory('venter på læge', [], [cat(7, ['læge']), cat(6, ['læge']), cat(8, ['læge'])])).toBe(6);
    expect(suggestCategory('venter på læge', [], [cat(6, ['læge']), cat(7, ['læge'])])).toBe(6);
    // One keyword found by two categories, one with more keywords that are not found.
    expect(suggestCategory('venter på læge', [], [cat(9, ['læge', 'plads', 'borger']), cat(2, ['ge'])])).toBe(9);
  });

  it('an empty keyword or an inactive category suggests nothing', () => {
    expect(suggestCategory('venter', [], [cat(1, [''])])).toBeNull();
    expect(suggestCategory('venter', [], [cat(1, ['venter'], false)])).toBeNull();
    expect(suggestCategory('venter', [], [cat(1, ['venter'], false), cat(2, ['ven'])])).toBe(2);
  });
});

describe('blocker clusters at the edges of the period', () => {
  const block = (blockId: number, categoryId: number | null, from: string, to: string | null): BlockRecord => ({ blockId, caseId: blockId, reason: 'x', categoryId, from, to });
  const none = () => null;
  const from = '2026-11-02';
  const to = '2026-11-15';

  it('counts a block beginning on the last day and one ending on the first day, not one ending the day before', () => {
    const clusters = blockerClusters([
      block(1, 1, '2026-11-15', null),
      block(2, 1, '2026-10-20', '2026-11-02'),
      block(3, 1, '2026-10-20', '2026-11-01'),
      block(4, 1, '2026-11-16', '2026-11-20'),
    ], none, from, to);
    expect(clusters).toEqual([{
      categoryId: 1, count: 2, suggested: 0, blockedDays: 0, p50: 0, p85: 13, p95: 13, open: 1,
      weeks: [{ weekStart: '2026-11-02', new: 0, resolved: 1 }, { weekStart: '2026-11-09', new: 1, resolved: 0 }],
    }]);
  });

  it('a block resolved on the last day is resolved, not open; one resolved after the period is open', () => {
    const [c] = blockerClusters([block(1, 1, '2026-11-09', '2026-11-15'), block(2, 1, '2026-11-09', '2026-11-16')], none, from, to);
    expect(c).toMatchObject({ count: 2, open: 1, blockedDays: 12, p50: 6, p95: 6 });
    expect(c!.weeks).toEqual([{ weekStart: '2026-11-02', new: 0, resolved: 0 }, { weekStart: '2026-11-09', new: 2, resolved: 1 }]);
  });

  it('a block beginning on the first day is new in the first week', () => {
    const [c] = blockerClusters([block(1, 1, '2026-11-02', '2026-11-03')], none, from, to);
    expect(c).toMatchObject({ blockedDays: 1, p50: 1 });
    expect(c!.weeks[0]).toEqual({ weekStart: '2026-11-02', new: 1, resolved: 1 });
  });

  it('a period ending on a Monday has that Monday as its last week', () => {
    const [c] = blockerClusters([block(1, 1, '2026-11-16', null)], none, '2026-11-12', '2026-11-16');
    expect(c!.weeks).toEqual([{ weekStart: '2026-11-09', new: 0, resolved: 0 }, { weekStart: '2026-11-16', new: 1, resolved: 0 }]);
    expect(efficiencyPerWeek([{ finish: '2026-11-16', facts: { workDays: 1, totalDays: 2, efficiency: 0.5 } }], '2026-11-12', '2026-11-16')).toEqual([
      { weekStart: '2026-11-09', finished: 0, workDays: 0, totalDays: 0, efficiency: null },
      { weekStart: '2026-11-16', finished: 1, workDays: 1, totalDays: 2, efficiency: 0.5 },
    ]);
  });

  it('counts the period from its Monday when it starts mid-week', () => {
    const [c] = blockerClusters([block(1, 1, '2026-11-04', '2026-11-09')], none, '2026-11-04', '2026-11-10');
    expect(c!.weeks).toEqual([{ weekStart: '2026-11-02', new: 1, resolved: 0 }, { weekStart: '2026-11-09', new: 0, resolved: 1 }]);
  });

  it('uses the chosen category over the suggestion, and clusters blocks without either apart', () => {
    const clusters = blockerClusters([block(1, 2, '2026-11-02', '2026-11-04'), block(2, null, '2026-11-02', '2026-11-03'), block(3, null, '2026-11-02', '2026-11-05')],
      (b) => (b.blockId === 2 ? 2 : null), from, to);
    expect(clusters.map((c) => [c.categoryId, c.count, c.suggested, c.blockedDays])).toEqual([[2, 2, 1, 3], [null, 1, 0, 3]]);
  });

  it('asks for a suggestion only for blocks nobody categorised', () => {
    const asked: number[] = [];
    blockerClusters([block(1, 2, '2026-11-02', null), block(2, null, '2026-11-02', null)], (b) => { asked.push(b.blockId); return 1; }, from, to);
    expect(asked).toEqual([2]);
  });

  it('orders clusters by days blocked, then by count', () => {
    const clusters = blockerClusters([
      block(1, 1, '2026-11-02', '2026-11-05'),
      block(2, 2, '2026-11-02', '2026-11-03'), block(3, 2, '2026-11-02', '2026-11-03'),
      block(4, 3, '2026-11-02', '2026-11-12'),
    ], none, from, to);
    // 10, 3 and 2 days: the days decide, though category 2 has more blocks.
    expect(clusters.map((c) => c.categoryId)).toEqual([3, 1, 2]);
    const tied = blockerClusters([block(1, 1, '2026-11-02', '2026-11-04'), block(2, 2, '2026-11-02', '2026-11-03'), block(3, 2, '2026-11-05', '2026-11-06')], none, from, to);
    expect(tied.map((c) => c.categoryId)).toEqual([2, 1]);
  });
});

const ev = (day: string, to: string, type = 'moved', time = '09:00') => ({ caseId: 1, at: `${day}T${time}:00.000Z`, type, field: 'column', to });

describe('column stays and flow efficiency at their edges', () => {
  it('replays stays in time order, staying put on a move to the same column and ignoring what is not a column', () => {
    expect(columnStays([
      ev('2026-11-04', '3', 'moved', '10:00'), ev('2026-11-04', '2', 'moved', '08:00'), ev('2026-11-02', '1', 'created'),
      ev('2026-11-05', '3'), ev('2026-11-06', 'x'), { caseId: 1, at: '2026-11-06T09:00:00.000Z', type: 'decided', field: 'decision', to: '7' },
      { caseId: 1, at: '2026-11-07T09:00:00.000Z', type: 'moved', field: 'column', to: null },
    ])).toEqual([
      { columnId: 1, from: '2026-11-02', to: '2026-11-04' }, { columnId: 2, from: '2026-11-04', to: '2026-11-04' },
      { columnId: 3, from: '2026-11-04', to: null },
    ]);
  });

  it('a case is in a column at the end of the day it entered it', () => {
    const stays = [{ columnId: 1, from: '2026-11-02', to: '2026-11-04' }, { columnId: 3, from: '2026-11-04', to: null }];
    expect(columnOn(stays, '2026-11-02')).toBe(1);
    expect(columnOn(stays, '2026-11-03')).toBe(1);
    expect(columnOn(stays, '2026-11-04')).toBe(3);
    expect(columnOn([], '2026-11-04')).toBeNull();
  });

  it('has no efficiency without stays or before a day has passed', () => {
    expect(flowEfficiency([], [], () => true, '2026-11-10')).toEqual({ workDays: 0, totalDays: 0, efficiency: null });
    expect(flowEfficiency([{ columnId: 3, from: '2026-11-10', to: null }], [], () => true, '2026-11-10')).toEqual({ workDays: 0, totalDays: 0, efficiency: null });
    expect(flowEfficiency([{ columnId: 3, from: '2026-11-10', to: null }], [], () => true, '2026-11-08')).toEqual({ workDays: 0, totalDays: 0, efficiency: null });
  });

  it('counts a work stay to the end date while open or when it ends later, and a block to the end while open', () => {
    const isWork = (id: number) => id === 3;
    const stays = [{ columnId: 1, from: '2026-11-02', to: '2026-11-04' }, { columnId: 3, from: '2026-11-04', to: '2026-11-20' }];
    expect(flowEfficiency(stays, [], isWork, '2026-11-10')).toEqual({ workDays: 6, totalDays: 8, efficiency: 0.75 });
    expect(flowEfficiency(stays, [{ from: '2026-11-08', to: null }], isWork, '2026-11-10')).toEqual({ workDays: 4, totalDays: 8, efficiency: 0.5 });
    expect(flowEfficiency(stays, [{ from: '2026-11-08', to: '2026-11-30' }], isWork, '2026-11-10').workDays).toBe(4);
    // A block in the queue is not taken off work time, and a block covering all the work leaves none.
    expect(flowEfficiency(stays, [{ from: '2026-11-02', to: '2026-11-04' }], isWork, '2026-11-10').workDays).toBe(6);
    expect(flowEfficiency(stays, [{ from: '2026-11-01', to: '2026-11-12' }], isWork, '2026-11-10').workDays).toBe(0);
    // Blocks that wrongly overlap never take a case below no work time.
    expect(flowEfficiency(stays, [{ from: '2026-11-04', to: '2026-11-10' }, { from: '2026-11-06', to: '2026-11-10' }], isWork, '2026-11-10').workDays).toBe(0);
    const open = [{ columnId: 3, from: '2026-11-04', to: null }];
    expect(flowEfficiency(open, [], isWork, '2026-11-10')).toEqual({ workDays: 6, totalDays: 6, efficiency: 1 });
  });

  it('leaves out a work stay entered and left on the same day or after the end date', () => {
    const isWork = (id: number) => id === 3;
    const stays = [{ columnId: 3, from: '2026-11-02', to: '2026-11-02' }, { columnId: 1, from: '2026-11-02', to: '2026-11-05' }, { columnId: 3, from: '2026-11-05', to: null }];
    expect(flowEfficiency(stays, [], isWork, '2026-11-04')).toEqual({ workDays: 0, totalDays: 2, efficiency: 0 });
    expect(flowEfficiency(stays, [], isWork, '2026-11-06')).toEqual({ workDays: 1, totalDays: 4, efficiency: 0.25 });
  });

  it('counts cases finished on the first and last day of the period, not the day before or after', () => {
    const facts = { workDays: 1, totalDays: 4, efficiency: 0.25 };
    const weeks = efficiencyPerWeek([
      { finish: '2026-11-01', facts }, { finish: '2026-11-02', facts }, { finish: '2026-11-15', facts },
      { finish: '2026-11-15', facts: { workDays: 3, totalDays: 4, efficiency: 0.75 } }, { finish: '2026-11-16', facts },
    ], '2026-11-02', '2026-11-15');
    expect(weeks).toEqual([
      { weekStart: '2026-11-02', finished: 1, workDays: 1, totalDays: 4, efficiency: 0.25 },
      { weekStart: '2026-11-09', finished: 2, workDays: 4, totalDays: 8, efficiency: 0.5 },
    ]);
    expect(efficiencyPerWeek([{ finish: '2026-11-04', facts: { workDays: 0, totalDays: 0, efficiency: null } }], '2026-11-02', '2026-11-08')[0])
      .toEqual({ weekStart: '2026-11-02', finished: 1, workDays: 0, totalDays: 0, efficiency: null });
  });

  it('has no total efficiency when no case had a day', () => {
    expect(totalEfficiency([])).toBeNull();
    expect(totalEfficiency([{ workDays: 0, totalDays: 0, efficiency: null }])).toBeNull();
    expect(totalEfficiency([{ workDays: 0, totalDays: 5, efficiency: 0 }])).toBe(0);
  });
});

describe('ageing against pace at every band', () => {
  const pace: ColumnPace = { columnId: 3, count: 20, p50: 5, p70: 8, p85: 12, p95: 20 };

  it('is below the median up to it, and in the band above each percentile only past it', () => {
    expect([4, 5, 6, 8, 9, 12, 13, 20, 21].map((a) => paceBand(a, pace))).toEqual(['below50', 'below50', 'p50', 'p50', 'p70', 'p70', 'p85', 'p85', 'p95']);
    expect(paceBand(30, { columnId: 3, count: 0, p50: null, p70: null, p85: null, p95: null })).toBe('unknown');
  });

  it('takes the age at the last exit from a column, counts exits on the start day, not before it, and ignores other columns', () => {
    const paces = columnPaces([
      {
        start: '2026-11-04',
        stays: [
          { columnId: 1, from: '2026-11-01', to: '2026-11-03' }, // left before the start: no pace for the queue
          { columnId: 2, from: '2026-11-03', to: '2026-11-04' }, // left on the start day: age 1
          { columnId: 3, from: '2026-11-04', to: '2026-11-06' },
          { columnId: 2, from: '2026-11-06', to: '2026-11-08' }, // re-entered, last left at age 5
          { columnId: 9, from: '2026-11-08', to: '2026-11-09' },
          { columnId: 4, from: '2026-11-09', to: null },
        ],
      },
    ], [1, 2, 3, 4]);
    expect(paces).toEqual([
      { columnId: 1, count: 0, p50: null, p70: null, p85: null, p95: null },
      { columnId: 2, count: 1, p50: 5, p70: 5, p85: 5, p95: 5 },
      { columnId: 3, count: 1, p50: 3, p70: 3, p85: 3, p95: 3 },
      { columnId: 4, count: 0, p50: null, p70: null, p85: null, p95: null },
    ]);
  });

  it('gives the 50th, 70th, 85th and 95th percentile ages by nearest rank', () => {
    const finished = Array.from({ length: 20 }, (_, i) => ({
      start: '2026-01-01',
      stays: [{ columnId: 3, from: '2026-01-01', to: addDays('2026-01-01', 19 - i) }],
    }));
    expect(columnPaces(finished, [3])).toEqual([{ columnId: 3, count: 20, p50: 10, p70: 14, p85: 17, p95: 19 }]);
  });
});

describe('heat map cells', () => {
  it('keeps pairs apart even when their keys run together', () => {
    const cells = heatMap([{ r: 'a', c: 'bc', v: 1 }, { r: 'ab', c: 'c', v: 5 }, { r: 'a', c: 'bc', v: 3 }], (i) => i.r, (i) => i.c, (i) => i.v);
    expect(cells).toEqual([{ row: 'a', column: 'bc', count: 2, p50: 1, p85: 3 }, { row: 'ab', column: 'c', count: 1, p50: 5, p85: 5 }]);
    expect(heatMap([], () => 'x', () => 'y', () => 1)).toEqual([]);
  });
});

describe('service levels at the limit', () => {
  it('a card on its limit day is not over; a limit of 0 is over after one working day', () => {
    const calendar = new WorkingCalendar();
    expect(serviceLevelStatus('2026-11-23', '2026-11-23', 0, calendar)).toEqual({ workingDays: 0, limit: 0, over: false });
    expect(serviceLevelStatus('2026-11-23', '2026-11-24', 0, calendar)).toEqual({ workingDays: 1, limit: 0, over: true });
    expect(serviceLevelStatus('2026-11-23', '2026-11-25', 2, calendar)).toEqual({ workingDays: 2, limit: 2, over: false });
    expect(serviceLevelStatus('2026-11-23', '2026-11-24', 2, calendar)).toEqual({ workingDays: 1, limit: 2, over: false });
  });
});

describe('the stability check at every threshold', () => {
  const reasons = (weeks: number[]) => throughputStability(weeks).reasons;

  it('has the thresholds docs/flow.md gives', () => {
    expect(STABILITY).toEqual({ minItems: 20, maxZeroWeeks: 2, maxShift: 0.35, maxVariation: 0.6 });
  });

  it('20 finished items are enough, 19 are too few', () => {
    expect(reasons([10, 10])).toEqual([]);
    expect(reasons([10, 9])).toEqual(['few_items']);
    expect(reasons([11, 10])).toEqual([]);
  });

  it('two weeks without a finish are allowed, three are not', () => {
    expect(reasons([10, 0, 10, 10, 10, 10, 0, 10])).not.toContain('zero_weeks');
    expect(reasons([10, 0, 10, 0, 10, 10, 0, 10])).toContain('zero_weeks');
  });

  it('a shift of exactly 35 % of the mean between the halves is allowed, more is not', () => {
    // Halves of 33 and 47: 14 ÷ 40 = 35 %.
    expect(throughputStability([33, 47])).toEqual({
      stable: true, reasons: [], weeks: [33, 47], total: 80, firstHalfMean: 33, secondHalfMean: 47, variation: 0.175,
    });
    expect(reasons([33, 48])).toEqual(['shift']);
    expect(reasons([48, 33])).toEqual(['shift']);
    expect(reasons([47, 33])).toEqual([]);
  });

  it('a coefficient of variation of exactly 0.6 is allowed, more is not', () => {
    // 10, 40, 40, 10: mean 25, standard deviation 15, and the halves alike.
    expect(throughputStability([10, 40, 40, 10])).toMatchObject({ reasons: [], variation: 0.6, firstHalfMean: 25, secondHalfMean: 25 });
    expect(reasons([10, 41, 41, 10])).toEqual(['variable']);
  });

  it('splits an odd number of weeks with the middle week in the second half', () => {
    expect(throughputStability([10, 20, 30])).toMatchObject({ firstHalfMean: 10, secondHalfMean: 25, total: 60 });
  });

  it('an empty sample is too few items and nothing else', () => {
    expect(throughputStability([])).toEqual({ stable: false, reasons: ['few_items'], weeks: [], total: 0, firstHalfMean: 0, secondHalfMean: 0, variation: null });
    expect(throughputStability([0, 0])).toMatchObject({ reasons: ['few_items'], variation: null });
  });

  it('gives the weeks back as a copy', () => {
    const weeks = [10, 10];
    const check = throughputStability(weeks);
    weeks.push(0);
    expect(check.weeks).toEqual([10, 10]);
  });
});

describe('seasons at their edges', () => {
  it('the Christmas fortnight runs from 20 December to 3 January', () => {
    expect(CHRISTMAS).toBe(13);
    expect(seasonOf('2026-12-19')).toBe(12);
    expect(seasonOf('2026-12-20')).toBe(13);
    expect(seasonOf('2026-12-31')).toBe(13);
    expect(seasonOf('2027-01-01')).toBe(13);
    expect(seasonOf('2027-01-03')).toBe(13);
    expect(seasonOf('2027-01-04')).toBe(1);
    expect(seasonOf('2027-07-15')).toBe(7);
  });

  it('a period with 28 days of history gets its factor, one with 27 keeps 1', () => {
    const days = (start: string, n: number, count: number) => Array.from({ length: n }, (_, i) => ({ day: addDays(start, i), count }));
    // 28 February days at 1 and 28 March days at 3: the mean is 2, so February is 0.5 and March 1.5.
    const factors = seasonalFactors([...days('2026-02-01', 28, 1), ...days('2026-03-01', 28, 3)]);
    expect(factors).toHaveLength(13);
    expect(factors[1]).toEqual({ period: 2, days: 28, factor: 0.5 });
    expect(factors[2]).toEqual({ period: 3, days: 28, factor: 1.5 });
    expect(factors[0]).toEqual({ period: 1, days: 0, factor: 1 });
    const short = seasonalFactors([...days('2026-02-01', 27, 1), ...days('2026-03-01', 28, 3)]);
    expect(short[1]).toEqual({ period: 2, days: 27, factor: 1 });
    expect(short[2]!.factor).toBeCloseTo(3 / (111 / 55), 10);
  });

  it('keeps 1 everywhere without history or without a single finish', () => {
    expect(seasonalFactors([]).map((f) => f.factor)).toEqual(Array(13).fill(1));
    expect(seasonalFactors(Array.from({ length: 30 }, (_, i) => ({ day: addDays('2026-03-01', i), count: 0 }))).map((f) => f.factor)).toEqual(Array(13).fill(1));
  });
});

describe('position forecasts at their edges', () => {
  it('has no positions for none, and no dates without a sample that ever finishes anything', () => {
    expect(forecastPositions([2], '2026-11-23', 4, 0, { runs: 5 })).toEqual([]);
    const empty = [{ position: 1, itemsToFinish: 5, p50: null, p85: null }, { position: 2, itemsToFinish: 6, p50: null, p85: null }];
    expect(forecastPositions([], '2026-11-23', 4, 2, { runs: 5 })).toEqual(empty);
    expect(forecastPositions([0, -1], '2026-11-23', 4, 2, { runs: 5 })).toEqual(empty);
  });

  it('the first position with nothing in progress is done the first day that finishes one', () => {
    expect(forecastPositions([1], '2026-11-23', 0, 2, { runs: 5 })).toEqual([
      { position: 1, itemsToFinish: 1, p50: '2026-11-23', p85: '2026-11-23' },
      { position: 2, itemsToFinish: 2, p50: '2026-11-24', p85: '2026-11-24' },
    ]);
  });

  it('scales each day by its season against the sample window, ignoring a sample factor of 0 or less', () => {
    // Samples of 2 in a window whose factor is 2 (a busy spring): a day of factor 1 finishes one.
    expect(forecastPositions([2], '2026-11-23', 0, 3, { runs: 5, sampleFactor: 2 }).map((p) => p.p50)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
    expect(forecastPositions([2], '2026-11-23', 0, 2, { runs: 5, sampleFactor: 0 }).map((p) => p.p50)).toEqual(['2026-11-23', '2026-11-23']);
    expect(forecastPositions([2], '2026-11-23', 0, 2, { runs: 5, sampleFactor: -1 }).map((p) => p.p50)).toEqual(['2026-11-23', '2026-11-23']);
    // A season that finishes nothing until December.
    const factorOf = (day: string) => (day < '2026-12-01' ? 0 : 1);
    expect(forecastPositions([1], '2026-11-23', 0, 1, { runs: 5, factorOf })[0]!.p50).toBe('2026-12-01');
  });

  it('gives up at three years', () => {
    expect(forecastPositions([1], '2026-01-01', 1094, 2, { runs: 3 })).toEqual([
      { position: 1, itemsToFinish: 1095, p50: '2028-12-30', p85: '2028-12-30' },
      { position: 2, itemsToFinish: 1096, p50: null, p85: null },
    ]);
  });

  it('gives, for p %, the date of the ⌈p % · runs⌉-th fewest days, with the same draws for the same seed', () => {
    const samples = [0, 0, 0, 1];
    const runs = 40;
    const needed = daysNeededPerRun(samples, runs, 9);
    const [first] = forecastPositions(samples, '2026-11-23', 0, 1, { runs, seed: 9 });
    expect(first).toEqual({ position: 1, itemsToFinish: 1, p50: addDays('2026-11-23', needed[19]! - 1), p85: addDays('2026-11-23', needed[33]! - 1) });
    expect(needed[19]).not.toBe(needed[33]);
    // Seed 1 when none is given.
    expect(forecastPositions(samples, '2026-11-23', 0, 1, { runs })).toEqual(forecastPositions(samples, '2026-11-23', 0, 1, { runs, seed: 1 }));
    expect(forecastPositions(samples, '2026-11-23', 0, 1, { runs })).not.toEqual(forecastPositions(samples, '2026-11-23', 0, 1, { runs, seed: 9 }));
  });

  it('runs 10,000 times unless told otherwise', () => {
    const samples = [0, 1, 1, 1];
    const random = createRandom(1);
    const needed = Array.from({ length: 10_000 }, () => {
      let d = 1;
      while (samples[Math.floor(random.next() * samples.length)]! < 1) d++;
      return d;
    }).sort((a, b) => a - b);
    expect(forecastPositions(samples, '2026-11-23', 0, 1)[0]!.p85).toBe(addDays('2026-11-23', needed[8499]! - 1));
  });
});
