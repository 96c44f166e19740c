// Blocker clusters, flow efficiency, ageing against pace, heat map, service levels and forecast checks.
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../shared/calendar';
import {
  blockerClusters, columnOn, columnPaces, columnStays, efficiencyPerWeek, flowEfficiency, forecastPositions, heatMap,
  paceBand, seasonalFactors, seasonOf, serviceLevelStatus, suggestCategory, throughputStability, totalEfficiency,
  type BlockerCategory, type BlockRecord,
} from '../../shared/flowAnalytics';

const CATEGORIES: BlockerCategory[] = [
  { id: 1, name: 'Venter på lægeerklæring', keywords: ['læge', 'lægeerklæring', 'psykiatrisk', 'udredning'], active: true },
  { id: 2, name: 'Venter på leverandør', keywords: ['leverandør', 'tilbud', 'plads'], active: true },
  { id: 3, name: 'Venter på borger', keywords: ['borger', 'samtykke', 'partshøring'], active: true },
  { id: 4, name: 'Gammel', keywords: ['samtykke'], active: false },
];

describe('suggested blocker categories', () => {
  it('takes the category earlier blocks with the same reason got most often', () => {
    const earlier = [
      { reason: 'Afventer tilbud fra leverandør', categoryId: 3 },
      { reason: ' afventer TILBUD fra leverandør', categoryId: 3 },
      { reason: 'Afventer tilbud fra leverandør', categoryId: 2 },
    ];
    expect(suggestCategory('Afventer tilbud fra leverandør', earlier, CATEGORIES)).toBe(3);
  });

  it('falls back on the keywords of active categories, and on nothing', () => {
    expect(suggestCategory('Afventer psykiatrisk udredning', [], CATEGORIES)).toBe(1);
    expect(suggestCategory('Venter på ledig plads', [], CATEGORIES)).toBe(2);
    expect(suggestCategory('Afventer borgerens samtykke', [], CATEGORIES)).toBe(3);
    expect(suggestCategory('Ferie', [], CATEGORIES)).toBeNull();
    expect(suggestCategory(null, [], CATEGORIES)).toBeNull();
  });
});

describe('blocker clusters', () => {
  const block = (blockId: number, categoryId: number | null, from: string, to: string | null, reason = 'x'): BlockRecord => ({ blockId, caseId: blockId, reason, categoryId, from, to });

  it('sums blocked days inside the period, counts, percentiles and new vs resolved per week', () => {
    const clusters = blockerClusters([
      block(1, 1, '2026-11-02', '2026-11-04'), // 2 days, week 2.11
      block(2, 1, '2026-10-28', '2026-11-10'), // began before: 8 days inside, 13 long; resolved week 9.11
      block(3, null, '2026-11-09', null, 'Afventer samtykke'), // open: to 15.11 = 6 days, suggested 3
      block(4, 2, '2026-12-01', null), // after the period: not counted
    ], (b) => suggestCategory(b.reason, [], CATEGORIES), '2026-11-02', '2026-11-15');
    expect(clusters).toEqual([
      {
        categoryId: 1, count: 2, suggested: 0, blockedDays: 10, p50: 2, p85: 13, p95: 13, open: 0,
        weeks: [{ weekStart: '2026-11-02', new: 1, resolved: 1 }, { weekStart: '2026-11-09', new: 0, resolved: 1 }],
      },
      {
        categoryId: 3, count: 1, suggested: 1, blockedDays: 6, p50: 6, p85: 6, p95: 6, open: 1,
        weeks: [{ weekStart: '2026-11-02', new: 0, resolved: 0 }, { weekStart: '2026-11-09', new: 1, resolved: 0 }],
      },
    ]);
  });
});

const ev = (at: string, to: string, type = 'moved') => ({ caseId: 1, at: `${at}T09:00:00.000Z`, type, field: 'column', to });

describe('column stays and flow efficiency', () => {
  // Queue 1 → work 3 → waiting 4 → work 3 → done 6.
  const stays = columnStays([ev('2026-11-02', '1', 'created'), ev('2026-11-04', '3'), ev('2026-11-06', '4'), ev('2026-11-09', '3'), ev('2026-11-12', '6'), ev('2026-11-12', '6', 'reordered')]);

  it('replays where the case was', () => {
    expect(stays).toEqual([
      { columnId: 1, from: '2026-11-02', to: '2026-11-04' }, { columnId: 3, from: '2026-11-04', to: '2026-11-06' },
      { columnId: 4, from: '2026-11-06', to: '2026-11-09' }, { columnId: 3, from: '2026-11-09', to: '2026-11-12' },
      { columnId: 6, from: '2026-11-12', to: null },
    ]);
    expect(columnOn(stays, '2026-11-01')).toBeNull();
    expect(columnOn(stays, '2026-11-07')).toBe(4);
  });

  it('counts work days not blocked against all days', () => {
    const isWork = (id: number) => id === 3;
    // Work 4.–6. (2) and 9.–12. (3) = 5 of 10 days.
    expect(flowEfficiency(stays, [], isWork, '2026-11-12')).toEqual({ workDays: 5, totalDays: 10, efficiency: 0.5 });
    // Blocked 10.–11. inside work time: 4 of 10.
    expect(flowEfficiency(stays, [{ from: '2026-11-10', to: '2026-11-11' }], isWork, '2026-11-12').workDays).toBe(4);
    // Still in progress on 8.11: work 2 of 6.
    expect(flowEfficiency(stays, [], isWork, '2026-11-08')).toMatchObject({ workDays: 2, totalDays: 6 });
    const facts = flowEfficiency(stays, [], isWork, '2026-11-12');
    expect(efficiencyPerWeek([{ finish: '2026-11-12', facts }], '2026-11-02', '2026-11-15')).toEqual([
      { weekStart: '2026-11-02', finished: 0, workDays: 0, totalDays: 0, efficiency: null },
      { weekStart: '2026-11-09', finished: 1, workDays: 5, totalDays: 10, efficiency: 0.5 },
    ]);
    expect(totalEfficiency([facts, { workDays: 1, totalDays: 10, efficiency: 0.1 }])).toBe(0.3);
  });
});

describe('ageing against pace', () => {
  it('takes the age finished items had when they last left each column', () => {
    const item = (start: string, events: ReturnType<typeof ev>[]) => ({ start, stays: columnStays(events) });
    const paces = columnPaces([
      item('2026-11-02', [ev('2026-11-02', '3', 'created'), ev('2026-11-05', '4'), ev('2026-11-10', '6')]), // left 3 at age 4, 4 at 9
      item('2026-11-02', [ev('2026-11-02', '3', 'created'), ev('2026-11-03', '4'), ev('2026-11-04', '3'), ev('2026-11-09', '6')]), // 3 at 8, 4 at 3
    ], [3, 4]);
    expect(paces).toEqual([
      { columnId: 3, count: 2, p50: 4, p70: 8, p85: 8, p95: 8 },
      { columnId: 4, count: 2, p50: 3, p70: 9, p85: 9, p95: 9 },
    ]);
    expect(paceBand(3, paces[0])).toBe('below50');
    expect(paceBand(5, paces[0])).toBe('p50');
    expect(paceBand(9, paces[0])).toBe('p95');
    expect(paceBand(9, undefined)).toBe('unknown');
  });
});

describe('cycle-time heat map', () => {
  it('gives count and percentiles per pair', () => {
    const items = [{ p: '85', w: 'A', ct: 3 }, { p: '85', w: 'A', ct: 9 }, { p: '85', w: 'B', ct: 4 }];
    expect(heatMap(items, (i) => i.p, (i) => i.w, (i) => i.ct)).toEqual([
      { row: '85', column: 'A', count: 2, p50: 3, p85: 9 },
      { row: '85', column: 'B', count: 1, p50: 4, p85: 4 },
    ]);
  });
});

describe('service levels in working days', () => {
  it('marks a card past its column\'s expectation', () => {
    const calendar = new WorkingCalendar();
    // Entered Thursday 2 April 2026 (Skærtorsdag); on Tuesday 14 April 6 working days have passed.
    expect(serviceLevelStatus('2026-04-02', '2026-04-14', 5, calendar)).toEqual({ workingDays: 6, limit: 5, over: true });
    expect(serviceLevelStatus('2026-04-02', '2026-04-13', 5, calendar)).toEqual({ workingDays: 5, limit: 5, over: false });
    expect(serviceLevelStatus('2026-04-02', '2026-04-14', null, calendar)).toBeNull();
  });
});

describe('forecasts that say when they are unreliable', () => {
  it('calls a steady sample stable and names what is wrong with others', () => {
    expect(throughputStability([10, 12, 9, 11, 10, 12, 11, 9, 10, 12, 11, 10]).stable).toBe(true);
    expect(throughputStability([1, 0, 2, 0, 1, 0, 3, 1, 0, 2, 1, 1]).reasons).toEqual(['few_items', 'zero_weeks', 'shift', 'variable']);
    expect(throughputStability([5, 5, 5, 5, 5, 5, 15, 15, 15, 15, 15, 15]).reasons).toEqual(['shift']);
  });

  it('finds July and Christmas slower from history', () => {
    const daily: { day: string; count: number }[] = [];
    for (let d = new Date('2024-01-01T00:00:00Z'); d < new Date('2026-01-01T00:00:00Z'); d.setUTCDate(d.getUTCDate() + 1)) {
      const day = d.toISOString().slice(0, 10);
      const s = seasonOf(day);
      daily.push({ day, count: s === 7 ? 1 : s === 13 ? 0 : 4 });
    }
    const factors = seasonalFactors(daily);
    expect(factors[6]!.factor).toBeLessThan(0.4);
    expect(factors[12]!).toMatchObject({ period: 13, factor: 0 });
    expect(factors[2]!.factor).toBeGreaterThan(1);
    expect(seasonOf('2026-12-19')).toBe(12);
    expect(seasonOf('2027-01-03')).toBe(13);
  });

  it('forecasts positions in pull-list order, later for later positions and in a slow season', () => {
    const f = forecastPositions([2], '2026-11-23', 4, 3, { runs: 100 });
    // Two a day: 4 in progress + 1 = 5 items after 3 days (23, 24, 25.11).
    expect(f.map((p) => [p.itemsToFinish, p.p50])).toEqual([[5, '2026-11-25'], [6, '2026-11-25'], [7, '2026-11-26']]);
    const slow = forecastPositions([2], '2026-11-23', 4, 1, { runs: 100, factorOf: () => 0.5, sampleFactor: 1 });
    expect(slow[0]!.p50).toBe('2026-11-27');
    expect(forecastPositions([0], '2026-11-23', 4, 2)[0]!.p50).toBeNull();
  });
});
