import { describe, expect, it } from 'vitest';
import {
  computeInvestment, investmentInput, paybackYears, personYearsIn, roundInvestment, SEED_002_INVESTMENT, stayMonths,
  type InvestmentInput,
} from '../../shared/investment';

// Seed 002, table 1 (1.000 kr., 2026 p/l). Effectiviseringer are negative there; here a saving is a
// positive grossSaving and the net change carries the sign of the table's "Samlet varig ændring".
const TABLE_1 = {
  2026: { saving: 4_500, support85: 1_100, caseworkers: 2_610, legal: 390, net: -400, implementation: 590, total: 190 },
  2027: { saving: 13_400, support85: 3_300, caseworkers: 5_220, legal: 780, net: -4_100, implementation: 1_230, total: -2_870 },
  2028: { saving: 22_200, support85: 5_500, caseworkers: 5_220, legal: 780, net: -10_700, implementation: 980, total: -9_720 },
  2029: { saving: 26_700, support85: 6_600, caseworkers: 5_220, legal: 780, net: -14_100, implementation: 0, total: -14_100 },
  2030: { saving: 26_700, support85: 6_600, caseworkers: 5_220, legal: 780, net: -14_100, implementation: 0, total: -14_100 },
} as const;

// The seed's own assumptions: 12 citizens a year fewer to § 107 from 1 July 2026 (medio 2026),
// 3 years' average stay, § 85 at 8 hours a week instead; 26.7 mio. kr. at full phase-in over 36
// citizen-years gives about 741,700 kr. per citizen-year, 6.6 mio. kr. of § 85 about 183,300 kr.
const assumptions: InvestmentInput = {
  start: '2026-07-01',
  years: [2026, 2030],
  citizensPerYear: 12,
  durationYears: 3,
  savingPerCitizenYear: 741_700,
  replacementCostPerCitizenYear: 183_300,
  runningCosts: [
    { label: 'Ressourcer til sagsbehandlere', perYear: { 2026: 2_610_000, 2027: 5_220_000, 2028: 5_220_000, 2029: 5_220_000, 2030: 5_220_000 } },
    { label: 'Juridisk understøttelse', perYear: { 2026: 390_000, 2027: 780_000, 2028: 780_000, 2029: 780_000, 2030: 780_000 } },
  ],
  implementationCosts: [
    { label: 'Projektledelse', perYear: { 2026: 390_000, 2027: 780_000, 2028: 780_000 } },
    { label: 'Kompetenceudvikling', perYear: { 2026: 200_000, 2027: 200_000, 2028: 200_000 } },
    { label: 'Eftersyn (ekstern rådgivning)', perYear: { 2027: 250_000 } },
  ],
};

const WITHIN = 100_000; // 0.1 mio. kr.

describe('investment case: seed 002 table 1', () => {
  // Computed inside each test, not while the file is collected: code run at collection counts as
  // static for Stryker, whose vitest runner then cannot tell a mutant's effect (npm run mutate).
  const result = () => computeInvestment(investmentInput.parse(assumptions));

  it('reproduces every line of the table within 0.1 mio. kr.', () => {
    expect(result().years.map((y) => y.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
    for (const y of result().years) {
      const row = TABLE_1[y.year as keyof typeof TABLE_1];
      expect(Math.abs(y.grossSaving - row.saving * 1000), `saving ${y.year}`).toBeLessThanOrEqual(WITHIN);
      expect(Math.abs(y.replacementCost - row.support85 * 1000), `§ 85 ${y.year}`).toBeLessThanOrEqual(WITHIN);
      expect(Math.abs(y.runningCosts - (row.caseworkers + row.legal) * 1000), `running ${y.year}`).toBeLessThanOrEqual(WITHIN);
      expect(Math.abs(y.netChange - row.net * 1000), `net ${y.year}`).toBeLessThanOrEqual(WITHIN);
      expect(Math.abs(y.implementationCosts - row.implementation * 1000), `implementation ${y.year}`).toBeLessThanOrEqual(WITHIN);
      expect(Math.abs(y.totalEffect - row.total * 1000), `total ${y.year}`).toBeLessThanOrEqual(WITHIN);
    }
  });

  it('pays back in 2 years: the cumulative effect turns negative in 2027', () => {
    expect(result().paybackYears).toBe(2);
  });

  it('counts person-years by days present ÷ days in the year (2028 is a leap year)', () => {
    // 2026: 12 × 184/365 (1 July to 31 December).
    expect(personYearsIn(2026, '2026-07-01', 12, 3)).toBeCloseTo((12 * 184) / 365, 10);
    expect(personYearsIn(2027, '2026-07-01', 12, 3)).toBeCloseTo(12 + (12 * 184) / 365, 10);
    expect(personYearsIn(2028, '2026-07-01', 12, 3)).toBeCloseTo(24 + (12 * 184) / 366, 10);
    // 2029: the first cohort leaves on 1 July (181 days), the fourth arrives (184 days).
    expect(personYearsIn(2029, '2026-07-01', 12, 3)).toBeCloseTo(24 + (12 * 181) / 365 + (12 * 184) / 365, 10);
    expect(personYearsIn(2025, '2026-07-01', 12, 3)).toBe(0);
  });

  it('carries the seed\'s cost lines under the table\'s own names', () => {
    expect(SEED_002_INVESTMENT.runningCosts.map((l) => l.label)).toEqual(['Ressourcer til sagsbehandlere', 'Juridisk understøttelse']);
    expect(SEED_002_INVESTMENT.implementationCosts.map((l) => l.label)).toEqual([
      'Projektledelse (2,5 år)', 'Kompetenceudvikling', 'Eftersyn af omstilling af visitationen (ekstern rådgivning)',
    ]);
  });

  it('is the same case as the one the demo plan carries', () => {
    const demo = roundInvestment(computeInvestment(SEED_002_INVESTMENT));
    expect(demo).toEqual(roundInvestment(result()));
  });
});

describe('investment arithmetic', () => {
  const base: InvestmentInput = {
    start: '2026-01-01', years: [2026, 2028], citizensPerYear: 1, durationYears: 1,
    savingPerCitizenYear: 100, replacementCostPerCitizenYear: 40, runningCosts: [], implementationCosts: [],
  };

  it('nets replacement and running costs against the saving, then adds implementation', () => {
    const r = computeInvestment({
      ...base,
      runningCosts: [{ label: 'Drift', perYear: { 2026: 10, 2027: 10 } }],
      implementationCosts: [{ label: 'Start', perYear: { 2026: 200 } }],
    });
    // One citizen all year: 1 person-year; 40 + 10 − 100 = −50; −50 + 200 = 150.
    expect(r.years[0]).toEqual({
      year: 2026, personYears: 1, grossSaving: 100, replacementCost: 40, runningCosts: 10, netChange: -50,
      implementationCosts: 200, totalEffect: 150,
    });
    // Cumulative 150, 100, 40: never ≤ 0 within the range.
    expect(r.paybackYears).toBeNull();
  });

  it('counts costs before the start year but years from the start year', () => {
    const r = computeInvestment({ ...base, start: '2027-01-01', years: [2026, 2028], implementationCosts: [{ label: 'Forberedelse', perYear: { 2026: 60 } }] });
    // 2026: +60, 2027: −60 → cumulative 0 in 2027, the start year: year 1.
    expect(r.years.map((y) => y.totalEffect)).toEqual([60, -60, -60]);
    expect(r.paybackYears).toBe(1);
  });

  it('includes years between the start and the first year shown in the payback', () => {
    const r = computeInvestment({ ...base, start: '2026-01-01', years: [2027, 2027], implementationCosts: [{ label: 'Start', perYear: { 2026: 90 } }] });
    expect(r.years).toHaveLength(1);
    // 2026: 90 − 60 = 30, 2027: −60 → cumulative −30 in the second year.
    expect(r.paybackYears).toBe(2);
  });

  it('moves a leap-day start to 28 February in other years and keeps fractional stays in months', () => {
    expect(stayMonths(2.5)).toBe(30);
    const py = personYearsIn(2025, '2024-02-29', 1, 1);
    // Present from 1 January to 28 February 2025 (58 days), the next cohort from 28 February.
    expect(py).toBeCloseTo((58 + (365 - 58)) / 365, 10);
  });

  it('refuses input naming the field', () => {
    const bad = investmentInput.safeParse({ ...base, years: [2030, 2026], citizensPerYear: -1 });
    expect(bad.success).toBe(false);
    const fields = bad.error!.issues.map((i) => i.path.join('.'));
    expect(fields).toContain('years');
    expect(fields).toContain('citizensPerYear');
    const badYear = investmentInput.safeParse({ ...base, runningCosts: [{ label: 'Drift', perYear: { '26': 1 } }] });
    expect(badYear.error!.issues[0]!.path.join('.')).toBe('runningCosts.0.perYear.26');
  });

  it('rounds to two decimals for output', () => {
    const r = roundInvestment(computeInvestment({ ...base, start: '2026-07-01', years: [2026, 2026], savingPerCitizenYear: 741_700 }));
    expect(r.years[0]!.personYears).toBe(0.5);
    expect(r.years[0]!.grossSaving).toBe(373_898.08); // 184/365 × 741,700 = 373,898.0822
  });
});

describe('investment input at its boundaries', () => {
  const base: InvestmentInput = {
    start: '2026-01-01', years: [2026, 2028], citizensPerYear: 1, durationYears: 1,
    savingPerCitizenYear: 100, replacementCostPerCitizenYear: 40, runningCosts: [], implementationCosts: [],
  };
  const issues = (over: Record<string, unknown>) => {
    const r = investmentInput.safeParse({ ...base, ...over });
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  const accepted = (over: Record<string, unknown>) => expect(issues(over), JSON.stringify(over)).toEqual([]);
  const refused = (over: Record<string, unknown>) => expect(issues(over).length, JSON.stringify(over)).toBeGreaterThan(0);

  it('years from 1900 to 2200, the first not after the last, at most 60 years apart', () => {
    accepted({ years: [1900, 1900] });
    accepted({ years: [2200, 2200] });
    accepted({ years: [2000, 2060] });
    refused({ years: [1899, 1950] });
    refused({ years: [2150, 2201] });
    refused({ years: [2026.5, 2027] });
    expect(issues({ years: [2000, 2061] })).toEqual(['years: Højst 60 år i en beregning']);
    expect(issues({ years: [2027, 2026] })).toEqual(['years: Første år skal ligge før eller være lig med sidste år']);
  });

  it('a start that is a real date', () => {
    expect(issues({ start: '2026-02-30' })).toEqual(['start: Ugyldig dato: brug formatet ÅÅÅÅ-MM-DD']);
  });

  it('from 0 to a million citizens a year', () => {
    accepted({ citizensPerYear: 0 });
    accepted({ citizensPerYear: 1_000_000 });
    refused({ citizensPerYear: -0.5 });
    refused({ citizensPerYear: 1_000_001 });
    refused({ citizensPerYear: Number.POSITIVE_INFINITY });
  });

  it('a stay of at least a month (rounded to whole months) and at most 100 years', () => {
    accepted({ durationYears: 1 / 24 }); // half a month rounds to one
    accepted({ durationYears: 100 });
    expect(issues({ durationYears: 0.04 })).toEqual(['durationYears: Opholdet skal vare mindst en måned']);
    refused({ durationYears: 0 });
    refused({ durationYears: 100.01 });
    refused({ durationYears: Number.NaN });
  });

  it('amounts within ±100 milliards kroner', () => {
    accepted({ savingPerCitizenYear: 1e11, replacementCostPerCitizenYear: -1e11 });
    refused({ savingPerCitizenYear: 1e11 + 1 });
    refused({ replacementCostPerCitizenYear: -1e11 - 1 });
    refused({ savingPerCitizenYear: Number.POSITIVE_INFINITY });
  });

  it('cost lines with a label of 1 to 200 characters, years as ÅÅÅÅ, at most 50 of each', () => {
    const line = (label: string, perYear: Record<string, number> = { 2026: 1 }) => ({ label, perYear });
    accepted({ runningCosts: [line(' x ')], implementationCosts: Array.from({ length: 50 }, () => line('y'.repeat(200))) });
    expect(issues({ runningCosts: [line('   ')] })).toEqual(['runningCosts.0.label: Angiv en betegnelse for omkostningen']);
    refused({ implementationCosts: [line('y'.repeat(201))] });
    refused({ runningCosts: Array.from({ length: 51 }, () => line('x')) });
    refused({ implementationCosts: Array.from({ length: 51 }, () => line('x')) });
    const badKey = investmentInput.safeParse({ ...base, runningCosts: [line('x', { 20266: 1 })] });
    // zod reports a bad record key as "Invalid key in record" with the Danish reason nested under it.
    expect(badKey.error!.issues.map((i) => [i.path.join('.'), (i as { issues?: { message: string }[] }).issues?.[0]?.message])).toEqual([
      ['runningCosts.0.perYear.20266', 'Årstallet skal skrives ÅÅÅÅ, fx "2027"'],
    ]);
    refused({ runningCosts: [line('x', { 2026: 1e12 })] });
    refused({ runningCosts: [{ ...line('x'), note: 'ekstra' }] });
    refused({ extra: true });
  });
});

describe('investment arithmetic at its boundaries', () => {
  const base: InvestmentInput = {
    start: '2026-01-01', years: [2026, 2028], citizensPerYear: 1, durationYears: 1,
    savingPerCitizenYear: 100, replacementCostPerCitizenYear: 40, runningCosts: [], implementationCosts: [],
  };

  it('a stay is at least one month', () => {
    expect(stayMonths(0.01)).toBe(1);
    expect(stayMonths(1 / 24)).toBe(1);
    expect(stayMonths(3)).toBe(36);
  });

  it('the day a stay ends is the first day away, and a cohort arriving on 1 January belongs to that year', () => {
    // Each one-year stay starting 1 January ends on the next 1 January: one person-year a year, never two.
    expect(personYearsIn(2027, '2026-01-01', 1, 1)).toBe(1);
    expect(personYearsIn(2026, '2026-01-01', 3, 1)).toBe(3);
    // Before the first cohort arrives nobody is there.
    expect(personYearsIn(2025, '2026-01-01', 1, 1)).toBe(0);
    // A cohort arriving 1 July stays half of the first year, all of the next (two cohorts half each), half of the year its stay ends.
    expect(personYearsIn(2026, '2026-07-01', 1, 1)).toBe(184 / 365);
    expect(personYearsIn(2027, '2026-07-01', 1, 1)).toBe(1);
    // Stays of two years overlap: two cohorts at once in the second year.
    expect(personYearsIn(2027, '2026-01-01', 1, 2)).toBe(2);
  });

  it('sums a cost line\'s year and leaves years it does not name at zero', () => {
    const r = computeInvestment({
      ...base, years: [2026, 2027],
      runningCosts: [{ label: 'A', perYear: { 2026: 10 } }, { label: 'B', perYear: { 2026: 5, 2027: 7 } }],
      implementationCosts: [{ label: 'C', perYear: { 2027: 3 } }, { label: 'D', perYear: { 2027: 4 } }],
    });
    expect(r.years.map((y) => [y.year, y.runningCosts, y.implementationCosts, y.netChange, y.totalEffect])).toEqual([
      [2026, 15, 0, 40 + 15 - 100, -45], [2027, 7, 7, 40 + 7 - 100, -53 + 7],
    ]);
  });

  it('pays back in the first year from the start whose cumulative effect is zero or below, rounding noise counting as zero', () => {
    expect(paybackYears([{ year: 2027, totalEffect: -100 }, { year: 2026, totalEffect: 100 }], 2026)).toBe(2);
    expect(paybackYears([{ year: 2026, totalEffect: 1e-6 }], 2026)).toBe(1);
    expect(paybackYears([{ year: 2026, totalEffect: 2e-6 }], 2026)).toBeNull();
    expect(paybackYears([{ year: 2026, totalEffect: 0 }], 2026)).toBe(1);
    // Savings before the start year do not count as paying back before the start.
    expect(paybackYears([{ year: 2025, totalEffect: -50 }, { year: 2026, totalEffect: 60 }, { year: 2027, totalEffect: -20 }], 2026)).toBe(2);
    expect(paybackYears([{ year: 2025, totalEffect: -50 }, { year: 2026, totalEffect: 10 }], 2026)).toBe(1);
    expect(paybackYears([], 2026)).toBeNull();
    // The years are summed in year order, whatever order they come in.
    expect(paybackYears([{ year: 2028, totalEffect: -10 }, { year: 2026, totalEffect: 100 }, { year: 2027, totalEffect: -50 }], 2026)).toBeNull();
  });

  it('shows only the years asked for but computes from the start year when it is earlier', () => {
    const r = computeInvestment({ ...base, start: '2026-01-01', years: [2027, 2028] });
    expect(r.years.map((y) => y.year)).toEqual([2027, 2028]);
    const later = computeInvestment({ ...base, start: '2030-01-01', years: [2027, 2028] });
    expect(later.years.map((y) => [y.year, y.personYears])).toEqual([[2027, 0], [2028, 0]]);
    expect(later.paybackYears).toBeNull();
  });

  it('rounds every line to two decimals and keeps the payback', () => {
    const r = roundInvestment({
      years: [{ year: 2026, personYears: 0.505, grossSaving: 1.234, replacementCost: 2.345, runningCosts: 3.456, netChange: 4.567, implementationCosts: 5.678, totalEffect: 6.789 }],
      paybackYears: 3,
    });
    expect(r).toEqual({
      years: [{ year: 2026, personYears: 0.51, grossSaving: 1.23, replacementCost: 2.35, runningCosts: 3.46, netChange: 4.57, implementationCosts: 5.68, totalEffect: 6.79 }],
      paybackYears: 3,
    });
  });
});
