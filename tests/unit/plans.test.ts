// Strategic action plans: the KPI catalogue a leader picks from, the parameters each KPI takes,
// and how a KPI's status and trend are read (docs/plans.md).
import { describe, expect, it } from 'vitest';
import {
  ACTION_STATUSES, describeKpi, DIRECTIONS, formatKpiValue, KPI_CATALOGUE, KPI_KINDS, KPI_STATUS_LABELS,
  kpiDefinition, kpiSpec, kpiStatus, kpiTrend, medianOf, meetsTarget, TREND_LOOKBACK_DAYS,
} from '../../shared/plans';

describe('the KPI catalogue', () => {
  it('offers exactly these KPIs, with the labels, descriptions, units, directions and parameters the plan form shows', () => {
    expect(KPI_CATALOGUE).toEqual([
      {
        kind: 'new_grants',
        label: 'Nye bevillinger efter paragraf',
        description: 'Antal bevillinger efter paragraffen på teamets sager med startdato i perioden, der slutter på opgørelsesdagen.',
        unit: 'count',
        defaultDirection: 'lower',
        params: [{ key: 'paragraph', label: 'Paragraf', optional: false, defaultValue: '107' }, { key: 'days', label: 'Periode (dage bagud)', optional: false, defaultValue: 365 }],
      },
      {
        kind: 'internal_share',
        label: 'Andel af bevillinger til interne leverandører',
        description: 'Andel af teamets løbende bevillinger på opgørelsesdagen, hvor leverandøren er intern (internt før eksternt).',
        unit: 'percent',
        defaultDirection: 'higher',
        params: [{ key: 'paragraph', label: 'Paragraf (tom: alle)', optional: true, defaultValue: null }],
      },
      {
        kind: 'median_decision_days',
        label: 'Median dage fra modtagelse til afgørelse',
        description: 'Median af dage fra modtagelsesdato til afgørelse for sager afgjort i perioden. Afgørelse er første dag i en færdig-kolonne eller hændelsen "afgjort", hvad der kom først.',
        unit: 'days',
        defaultDirection: 'lower',
        params: [{ key: 'paragraph', label: 'Paragraf (tom: alle)', optional: true, defaultValue: null }, { key: 'days', label: 'Periode (dage bagud)', optional: false, defaultValue: 90 }],
      },
      {
        kind: 'bottom_line',
        label: 'Bundlinje (budget minus prognose)',
        description: 'Teamets bundlinje i opgørelsesdagens år fra økonomimodulet: budget minus forbrugt og disponeret. Positiv er under budget.',
        unit: 'kroner',
        defaultDirection: 'higher',
        params: [],
      },
      {
        kind: 'caseload_vs_norm',
        label: 'Vægtet sagstal i forhold til normen',
        description: 'Det vægtede sagstal for teamets sagsbehandlere med en norm (hver sag tæller med sin paragrafs vægt) i procent af summen af deres normer – samme tal som Sagstal og vægskærmen viser. En sag tæller, når den er åben på tavlen eller har en løbende bevilling. Antal sager (uvægtet) vises ved siden af.',
        unit: 'percent',
        defaultDirection: 'lower',
        params: [],
      },
      {
        kind: 'overdue_follow_ups',
        label: 'Overskredne opfølgninger',
        description: 'Antal løbende bevillinger på teamets sager, hvis næste opfølgning lå før opgørelsesdagen.',
        unit: 'count',
        defaultDirection: 'lower',
        params: [],
      },
      {
        kind: 'throughput_per_week',
        label: 'Gennemløb pr. uge',
        description: 'Sager, der nåede en færdig-kolonne i perioden, divideret med periodens uger.',
        unit: 'per_week',
        defaultDirection: 'higher',
        params: [{ key: 'weeks', label: 'Periode (uger bagud)', optional: false, defaultValue: 12 }],
      },
    ]);
    expect(KPI_CATALOGUE.map((d) => d.kind)).toEqual([...KPI_KINDS]);
  });

  it('names the action statuses (the plan view translates them), the directions and the KPI statuses as the plan page shows them', () => {
    expect(ACTION_STATUSES).toEqual(['not_started', 'in_progress', 'done', 'cancelled']);
    expect(DIRECTIONS).toEqual(['higher', 'lower']);
    expect(KPI_STATUS_LABELS).toEqual({ met: 'Mål nået', on_track: 'På vej', behind: 'Bagud', worse: 'Gået den forkerte vej', no_data: 'Ingen data' });
  });

  it('finds the definition of each kind', () => {
    for (const kind of KPI_KINDS) expect(kpiDefinition(kind).kind).toBe(kind);
    expect(kpiDefinition('bottom_line').unit).toBe('kroner');
  });
});

describe('KPI parameters', () => {
  const ok = (spec: unknown) => kpiSpec.safeParse(spec).success;

  it('takes a period of 7 days up to three leap years, not 6 days or a day more', () => {
    expect(ok({ kind: 'new_grants', paragraph: '107', days: 6 })).toBe(false);
    expect(ok({ kind: 'new_grants', paragraph: '107', days: 7 })).toBe(true);
    expect(ok({ kind: 'new_grants', paragraph: '107', days: 1098 })).toBe(true);
    expect(ok({ kind: 'new_grants', paragraph: '107', days: 1099 })).toBe(false);
    expect(ok({ kind: 'new_grants', paragraph: '107', days: 30.5 })).toBe(false);
    expect(ok({ kind: 'median_decision_days', paragraph: null, days: 6 })).toBe(false);
    expect(ok({ kind: 'median_decision_days', paragraph: null, days: 90 })).toBe(true);
  });

  it('takes 1 to 104 weeks of throughput, not 0 or 105', () => {
    expect(ok({ kind: 'throughput_per_week', weeks: 0 })).toBe(false);
    expect(ok({ kind: 'throughput_per_week', weeks: 1 })).toBe(true);
    expect(ok({ kind: 'throughput_per_week', weeks: 104 })).toBe(true);
    expect(ok({ kind: 'throughput_per_week', weeks: 105 })).toBe(false);
    expect(ok({ kind: 'throughput_per_week', weeks: 1.5 })).toBe(false);
  });

  it('needs a paragraph for new grants, allows "all paragraphs" elsewhere, and refuses parameters a KPI does not take', () => {
    expect(ok({ kind: 'new_grants', paragraph: null, days: 365 })).toBe(false);
    expect(ok({ kind: 'internal_share', paragraph: null })).toBe(true);
    expect(ok({ kind: 'internal_share', paragraph: '85' })).toBe(true);
    expect(ok({ kind: 'bottom_line' })).toBe(true);
    expect(ok({ kind: 'bottom_line', days: 30 })).toBe(false);
    expect(ok({ kind: 'caseload_vs_norm' })).toBe(true);
    expect(ok({ kind: 'caseload_vs_norm', weeks: 4 })).toBe(false);
    expect(ok({ kind: 'overdue_follow_ups' })).toBe(true);
    expect(ok({ kind: 'overdue_follow_ups', paragraph: '85' })).toBe(false);
    expect(ok({ kind: 'internal_share', paragraph: null, days: 30 })).toBe(false);
    expect(ok({ kind: 'throughput_per_week', weeks: 12, days: 30 })).toBe(false);
    expect(ok({ kind: 'new_grants', paragraph: '107', days: 365, weeks: 4 })).toBe(false);
    expect(ok({ kind: 'median_decision_days', paragraph: null, days: 90, weeks: 4 })).toBe(false);
  });

  it('describes a KPI by its label with its parameters', () => {
    expect(describeKpi({ kind: 'new_grants', paragraph: '107', days: 365 })).toBe('Nye bevillinger efter paragraf (§ 107, 365 dage)');
    expect(describeKpi({ kind: 'median_decision_days', paragraph: null, days: 90 })).toBe('Median dage fra modtagelse til afgørelse (90 dage)');
    expect(describeKpi({ kind: 'internal_share', paragraph: '85' })).toBe('Andel af bevillinger til interne leverandører (§ 85)');
    expect(describeKpi({ kind: 'internal_share', paragraph: null })).toBe('Andel af bevillinger til interne leverandører');
    expect(describeKpi({ kind: 'throughput_per_week', weeks: 12 })).toBe('Gennemløb pr. uge (12 uger)');
    expect(describeKpi({ kind: 'bottom_line' })).toBe('Bundlinje (budget minus prognose)');
  });

  it('formats a KPI value in its unit, Danish style, and a dash for no value', () => {
    expect(formatKpiValue(null, 'count')).toBe('–');
    expect(formatKpiValue(1234.56, 'count')).toBe('1.235');
    expect(formatKpiValue(1234.56, 'percent')).toBe('1.234,6 %');
    expect(formatKpiValue(1234.56, 'days')).toBe('1.234,6 dage');
    expect(formatKpiValue(1234.56, 'kroner')).toBe('1.235 kr.');
    expect(formatKpiValue(1234.56, 'per_week')).toBe('1.234,6 pr. uge');
    expect(formatKpiValue(0, 'count')).toBe('0');
  });

  it('takes the median of unsorted values by number, the mean of the middle two for an even count', () => {
    expect(medianOf([])).toBeNull();
    expect(medianOf([7])).toBe(7);
    expect(medianOf([10, 9, 2])).toBe(9);
    expect(medianOf([10, 2, 9, 4])).toBe(6.5);
    expect(medianOf([100, 20, 3, 1, 5])).toBe(5);
  });

  it('compares the trend with the value four weeks earlier', () => {
    expect(TREND_LOOKBACK_DAYS).toBe(28);
  });
});

describe('KPI status at its boundaries', () => {
  const year = { periodStart: '2026-01-01', periodEnd: '2027-01-01' }; // 365 days
  const lower = { ...year, baseline: 30, target: 20, direction: 'lower' as const };
  const higher = { ...year, baseline: 20, target: 30, direction: 'higher' as const };

  it('a value exactly at the target has met it, in both directions; just short has not', () => {
    expect(meetsTarget(20, 20, 'lower')).toBe(true);
    expect(meetsTarget(20.5, 20, 'lower')).toBe(false);
    expect(meetsTarget(19, 20, 'lower')).toBe(true);
    expect(meetsTarget(30, 30, 'higher')).toBe(true);
    expect(meetsTarget(29.5, 30, 'higher')).toBe(false);
    expect(meetsTarget(31, 30, 'higher')).toBe(true);
    expect(kpiStatus({ ...higher, current: 30, asOf: '2026-03-01' })).toBe('met');
    expect(kpiStatus({ ...lower, current: 20, asOf: '2026-03-01' })).toBe('met');
  });

  it('without a baseline only "met" or "behind" can be said', () => {
    expect(kpiStatus({ ...higher, baseline: null, current: 25, asOf: '2026-01-01' })).toBe('behind');
    expect(kpiStatus({ ...higher, baseline: null, current: 31, asOf: '2026-01-01' })).toBe('met');
    expect(kpiStatus({ ...higher, baseline: null, current: null, asOf: '2026-01-01' })).toBe('no_data');
    expect(kpiStatus({ ...higher, current: null, asOf: '2026-01-01' })).toBe('no_data');
  });

  it('a KPI that moved away from the target is worse; one that has not moved at the start is on track', () => {
    expect(kpiStatus({ ...higher, current: 19, asOf: '2026-07-02' })).toBe('worse');
    expect(kpiStatus({ ...lower, current: 31, asOf: '2026-07-02' })).toBe('worse');
    expect(kpiStatus({ ...higher, current: 20, asOf: '2026-01-01' })).toBe('on_track');
    expect(kpiStatus({ ...higher, current: 20, asOf: '2026-01-02' })).toBe('behind');
  });

  it('is on track when the share of the way to the target is at least the share of the period passed, behind just below it', () => {
    // 73 of 365 days = 20 % of the period; 20 % of the way from 20 to 30 is 22, from 30 to 20 is 28.
    const asOf = '2026-03-15';
    expect(kpiStatus({ ...higher, current: 22, asOf })).toBe('on_track');
    expect(kpiStatus({ ...higher, current: 21.9, asOf })).toBe('behind');
    expect(kpiStatus({ ...lower, current: 28, asOf })).toBe('on_track');
    expect(kpiStatus({ ...lower, current: 28.1, asOf })).toBe('behind');
  });

  it('counts the period passed as none before it starts and as all of it after it ends', () => {
    expect(kpiStatus({ ...higher, current: 20.1, asOf: '2025-12-01' })).toBe('on_track');
    expect(kpiStatus({ ...higher, current: 29.9, asOf: '2027-02-01' })).toBe('behind');
    expect(kpiStatus({ ...higher, current: 29.99, asOf: '2026-12-31' })).toBe('on_track'); // 364 of 365 days, 99.9 % of the way
  });

  it('reads a plan of one day as a period of one day', () => {
    const oneDay = { periodStart: '2026-01-01', periodEnd: '2026-01-01', baseline: 20, target: 30, direction: 'higher' as const };
    expect(kpiStatus({ ...oneDay, current: 25, asOf: '2026-01-01' })).toBe('on_track');
    expect(kpiStatus({ ...oneDay, current: 25, asOf: '2026-01-02' })).toBe('behind');
  });
});

describe('KPI trend at its boundaries', () => {
  it('calls a change of at most half a percent of the larger value flat, and more a trend', () => {
    expect(kpiTrend(1000, 1005, 'higher')).toBe('flat');
    expect(kpiTrend(1000, 1006, 'higher')).toBe('improving');
    expect(kpiTrend(1006, 1000, 'higher')).toBe('worsening');
    expect(kpiTrend(1000, 994, 'higher')).toBe('worsening');
    expect(kpiTrend(1000, 995, 'lower')).toBe('flat');
  });

  it('measures half a percent of negative values by their size', () => {
    expect(kpiTrend(-1000, -1004, 'higher')).toBe('flat');
    expect(kpiTrend(-1004, -1000, 'higher')).toBe('flat');
    expect(kpiTrend(-1000, -1010, 'higher')).toBe('worsening');
    expect(kpiTrend(-1000, -1010, 'lower')).toBe('improving');
  });

  it('never calls a change below 0.005 of a small value a trend, and exactly 0.005 is still flat', () => {
    expect(kpiTrend(0, 0.005, 'higher')).toBe('flat');
    expect(kpiTrend(0, 0.004, 'higher')).toBe('flat');
    expect(kpiTrend(0, 0.01, 'higher')).toBe('improving');
    expect(kpiTrend(0.01, 0, 'lower')).toBe('improving');
    expect(kpiTrend(0, 0, 'lower')).toBe('flat');
  });

  it('knows no trend without both values', () => {
    expect(kpiTrend(null, 5, 'higher')).toBe('unknown');
    expect(kpiTrend(5, null, 'higher')).toBe('unknown');
  });
});
