import { describe, expect, it } from 'vitest';
import {
  approvalRate, bottomLine, costInPeriod, costInYear, describeGrant, expectedGrantCost, followUpMonthsFor, forecastEffect,
  grantCategory, isTakstOutlier, median, monthlyCosts, pipeline, priceOn, roundOere, takstCategoryFor, yearlyCost, yearSplit,
  isActiveOn, monthlySplitter, yearEnd, yearSplitter, yearStart, type GrantPeriodBasis, type TakstCategory,
} from '../../shared/economics';

/** 1,000 kr. a day in a 365-day year: hand arithmetic stays in whole kroner. */
const perYear365 = (startDate: string, endDate: string | null): GrantPeriodBasis => ({
  takst: 365_000, takstUnit: 'year', quantity: 1, startDate, endDate,
});

describe('yearly cost by takst unit', () => {
  it('hour takster are takst × hours per week × 52', () => {
    expect(yearlyCost({ takst: 500, takstUnit: 'hour', quantity: 5 })).toBe(130_000);
    expect(yearlyCost({ takst: 545, takstUnit: 'hour', quantity: 0.25 })).toBe(7_085); // seed 000's smallest grant
  });

  it('day, week, month and year takster multiply by 365, 52, 12 and 1 and by the quantity', () => {
    expect(yearlyCost({ takst: 2_000, takstUnit: 'day', quantity: 1 })).toBe(730_000);
    expect(yearlyCost({ takst: 2_000, takstUnit: 'day', quantity: 2 })).toBe(1_460_000);
    expect(yearlyCost({ takst: 1_200, takstUnit: 'week', quantity: 1 })).toBe(62_400);
    expect(yearlyCost({ takst: 3_000, takstUnit: 'month', quantity: 1 })).toBe(36_000);
    expect(yearlyCost({ takst: 6_546_000, takstUnit: 'year', quantity: 1 })).toBe(6_546_000);
  });
});

describe('cost in a period', () => {
  it('counts start and end dates inclusive', () => {
    expect(costInPeriod(perYear365('2026-01-01', null), '2026-01-01', '2026-01-31')).toBeCloseTo(31_000, 6);
    expect(costInPeriod(perYear365('2026-03-10', '2026-03-10'), '2026-01-01', '2026-12-31')).toBeCloseTo(1_000, 6);
  });

  it('divides by 366 in a leap year', () => {
    const grant = { takst: 366_000, takstUnit: 'year' as const, quantity: 1, startDate: '2024-01-01', endDate: null };
    expect(costInPeriod(grant, '2024-02-01', '2024-02-29')).toBeCloseTo(29_000, 6);
    // 365,000 a year in 2024: 29 days × 365,000 / 366
    expect(costInPeriod(perYear365('2024-01-01', null), '2024-02-01', '2024-02-29')).toBeCloseTo(28_920.765_027, 5);
    expect(costInYear(perYear365('2020-01-01', null), 2024)).toBeCloseTo(365_000, 6);
  });

  it('weighs each day by its own year across a year boundary', () => {
    // December 2023: 31 × 1,000; January 2024: 31 × 365,000 / 366 = 30,915.300546
    expect(costInPeriod(perYear365('2023-12-01', '2024-01-31'), '2023-01-01', '2024-12-31')).toBeCloseTo(61_915.300_546, 5);
    expect(costInYear(perYear365('2023-12-01', '2024-01-31'), 2023)).toBeCloseTo(31_000, 6);
  });

  it('runs an open grant to the end of the period', () => {
    // 1 July – 31 December 2026 is 184 days
    expect(costInYear(perYear365('2026-07-01', null), 2026)).toBeCloseTo(184_000, 6);
  });

  it('is zero outside the grant', () => {
    expect(costInPeriod(perYear365('2026-07-01', '2026-08-31'), '2026-09-01', '2026-12-31')).toBe(0);
    expect(costInYear(perYear365('2027-01-01', null), 2026)).toBe(0);
  });
});

describe('spent and committed at an as-of date', () => {
  // 23 November 2026 is day 327 of 365.
  const asOf = '2026-11-23';

  it('splits an open grant at the as-of date', () => {
    const split = yearSplit(perYear365('2025-03-01', null), asOf);
    expect(split.spent).toBeCloseTo(327_000, 6);
    expect(split.committed).toBeCloseTo(38_000, 6);
  });

  it('commits all of a grant that starts after the as-of date', () => {
    const split = yearSplit(perYear365('2026-12-01', null), asOf);
    expect(split.spent).toBe(0);
    expect(split.committed).toBeCloseTo(31_000, 6);
  });

  it('stops an ended grant at its end date', () => {
    const ended = yearSplit(perYear365('2025-06-01', '2026-03-31'), asOf);
    expect(ended.spent).toBeCloseTo(90_000, 6); // 31 + 28 + 31 days
    expect(ended.committed).toBe(0);
    const ending = yearSplit(perYear365('2025-06-01', '2026-12-10'), asOf);
    expect(ending.spent).toBeCloseTo(327_000, 6);
    expect(ending.committed).toBeCloseTo(17_000, 6); // 24–30 November and 1–10 December
    expect(yearSplit(perYear365('2024-01-01', '2025-12-31'), asOf)).toEqual({ spent: 0, committed: 0 });
  });

  it('uses the leap year for an as-of date in 2024', () => {
    const grant = { takst: 366_000, takstUnit: 'year' as const, quantity: 1, startDate: '2023-01-01', endDate: null };
    const split = yearSplit(grant, '2024-03-01');
    expect(split.spent).toBeCloseTo(61_000, 6); // 31 + 29 + 1 days
    expect(split.committed).toBeCloseTo(305_000, 6);
  });

  it('agrees with costInPeriod for the same days', () => {
    const grant = { takst: 512.5, takstUnit: 'hour' as const, quantity: 7.5, startDate: '2026-02-14', endDate: '2026-12-02' };
    const split = yearSplit(grant, asOf);
    expect(split.spent).toBeCloseTo(costInPeriod(grant, '2026-01-01', asOf), 6);
    expect(split.committed).toBeCloseTo(costInPeriod(grant, '2026-11-24', '2026-12-31'), 6);
  });
});

describe('months', () => {
  it('gives each month its days and sums to the year', () => {
    const months = monthlyCosts(perYear365('2026-02-15', '2026-04-10'), 2026);
    expect(months[0]).toBe(0);
    expect(months[1]).toBeCloseTo(14_000, 6); // 15–28 February
    expect(months[2]).toBeCloseTo(31_000, 6);
    expect(months[3]).toBeCloseTo(10_000, 6);
    expect(months.slice(4).every((m) => m === 0)).toBe(true);
    const leap = monthlyCosts({ takst: 366_000, takstUnit: 'year', quantity: 1, startDate: '2020-01-01', endDate: null }, 2024);
    expect(leap[1]).toBeCloseTo(29_000, 6);
    expect(leap.reduce((a, b) => a + b, 0)).toBeCloseTo(366_000, 6);
  });
});

describe('bottom line and "på nul"', () => {
  it('is budget minus spent plus committed', () => {
    const f = bottomLine({ budget: 1_000_000, spent: 600_000, committed: 395_000, tolerance: 0.01 });
    expect(f.forecast).toBe(995_000);
    expect(f.bottomLine).toBe(5_000);
    expect(f.toleranceAmount).toBe(10_000);
    expect(f.status).toBe('on_zero');
  });

  it('is på nul up to the tolerance, under or over beyond it', () => {
    expect(bottomLine({ budget: 1_000_000, spent: 600_000, committed: 390_000, tolerance: 0.01 }).status).toBe('on_zero');
    expect(bottomLine({ budget: 1_000_000, spent: 600_000, committed: 410_000, tolerance: 0.01 }).status).toBe('on_zero');
    expect(bottomLine({ budget: 1_000_000, spent: 600_000, committed: 380_000, tolerance: 0.01 }).status).toBe('under');
    expect(bottomLine({ budget: 1_000_000, spent: 600_000, committed: 411_000, tolerance: 0.01 }).bottomLine).toBe(-11_000);
    expect(bottomLine({ budget: 1_000_000, spent: 600_000, committed: 411_000, tolerance: 0.01 }).status).toBe('over');
    expect(bottomLine({ budget: 1_000_000, spent: 600_000, committed: 411_000, tolerance: 0.02 }).status).toBe('on_zero');
    expect(bottomLine({ budget: 0, spent: 0, committed: 0, tolerance: 0.01 }).status).toBe('on_zero');
    expect(bottomLine({ budget: 0, spent: 10, committed: 0, tolerance: 0.01 }).status).toBe('over');
  });

  it('rounds to øre only for output', () => {
    expect(roundOere(28_920.765_027)).toBe(28_920.77);
    expect(roundOere(-0.001)).toBe(0);
    expect(roundOere(1.005)).toBe(1.01);
  });
});

describe('pipeline', () => {
  it('takes medians and approval rates', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(approvalRate(84, 16, 1)).toBe(0.84);
    expect(approvalRate(0, 0, 0.7)).toBe(0.7);
  });

  it('prorates the expected grant from the day after the as-of date to 31 December', () => {
    expect(expectedGrantCost(365_000, '2026-11-23')).toBeCloseTo(38_000, 6);
    expect(expectedGrantCost(365_000, '2026-12-31')).toBe(0);
  });

  it('sums expected grants times the approval rate, falling back to the team median', () => {
    const medians = new Map([['85', 365_000]]);
    // 38,000 + 38,000 (§ 85) + 76,000 (§ 107 at the team median 730,000) = 152,000 × 0.75
    expect(pipeline([{ paragraph: '85' }, { paragraph: '85' }, { paragraph: '107' }], medians, 730_000, 0.75, '2026-11-23')).toBeCloseTo(114_000, 6);
    expect(pipeline([{ paragraph: '107' }], new Map(), null, 0.75, '2026-11-23')).toBe(0);
  });
});

describe('what if', () => {
  it('is the change of the year forecast', () => {
    const before = { takst: 500, takstUnit: 'hour' as const, quantity: 5, startDate: '2025-01-01', endDate: null };
    expect(forecastEffect(before, { ...before, quantity: 8 }, 2026)).toBeCloseTo(78_000, 6); // 500 × 3 × 52
    expect(forecastEffect(null, perYear365('2026-12-01', null), 2026)).toBeCloseTo(31_000, 6);
    expect(forecastEffect(perYear365('2026-01-01', null), perYear365('2026-01-01', '2026-11-30'), 2026)).toBeCloseTo(-31_000, 6);
  });
});

describe('takst categories (Syddjurs)', () => {
  const categories: TakstCategory[] = [
    { id: 1, code: 'takst1', label: 'Takst 1', minHours: 0, maxHours: 4.99, followUpMonthsDeveloping: 3, followUpMonthsMaintaining: 12 },
    { id: 2, code: 'takst2', label: 'Takst 2', minHours: 5, maxHours: 14.99, followUpMonthsDeveloping: 3, followUpMonthsMaintaining: 12 },
    { id: 3, code: 'takst3', label: 'Takst 3', minHours: 15, maxHours: 25, followUpMonthsDeveloping: 3, followUpMonthsMaintaining: 12 },
    { id: 4, code: 'individuel', label: 'Individuel', minHours: 25, maxHours: null, followUpMonthsDeveloping: 3, followUpMonthsMaintaining: 6 },
  ];
  const code = (h: number) => takstCategoryFor(h, categories)?.code;

  it('maps hours per week to the brackets, 25 hours included in takst 3', () => {
    expect([0, 4.99, 5, 14.99, 15, 25, 25.5, 37].map(code)).toEqual(['takst1', 'takst1', 'takst2', 'takst2', 'takst3', 'takst3', 'individuel', 'individuel']);
    expect(code(4.995)).toBe('takst2');
    expect(code(-1)).toBeUndefined();
  });

  it('applies to hour grants only and gives the follow-up interval by goal', () => {
    expect(grantCategory({ takstUnit: 'day', quantity: 1 }, categories)).toBeNull();
    const c = grantCategory({ takstUnit: 'hour', quantity: 7 }, categories)!;
    expect(followUpMonthsFor(c, 'developing')).toBe(3);
    expect(followUpMonthsFor(c, 'maintaining')).toBe(12);
  });
});

describe('takst catalogue and outliers', () => {
  it('finds the price in force on a date', () => {
    const prices = [
      { validFrom: '2025-01-01', takst: 480 },
      { validFrom: '2026-01-01', takst: 500 },
      { validFrom: '2026-09-01', takst: 470 },
    ];
    expect(priceOn(prices, '2024-12-31')).toBeNull();
    expect(priceOn(prices, '2026-08-31')?.takst).toBe(500);
    expect(priceOn(prices, '2026-09-01')?.takst).toBe(470);
  });

  it('marks a median more than 20 % from the department median', () => {
    expect(isTakstOutlier(725, 500)).toBe(true);
    expect(isTakstOutlier(600, 500)).toBe(false);
    expect(isTakstOutlier(390, 500)).toBe(true);
  });

  it('names a grant the way the ledger shows it', () => {
    expect(describeGrant({ paragraph: '85', service: 'Socialpædagogisk støtte', provider: 'Bostøtten Øst', takst: 512, takstUnit: 'hour', quantity: 5.5 }))
      .toBe('§ 85 Socialpædagogisk støtte, 5,5 t/uge à 512 kr. (Bostøtten Øst)');
    expect(describeGrant({ paragraph: '85', service: 'Socialpædagogisk støtte', provider: 'Bostøtten Øst', takst: 512, takstUnit: 'hour', quantity: 19.25 }))
      .toContain('19,25 t/uge');
    expect(describeGrant({ paragraph: '108', service: 'Længerevarende botilbud', provider: 'Fonden Bo-Nord', takst: 3_990, takstUnit: 'day', quantity: 1 }))
      .toBe('§ 108 Længerevarende botilbud, 3.990 kr. pr. døgn (Fonden Bo-Nord)');
  });
});

describe('economics rules at their boundaries', () => {
  it('the price in force is the latest one started on or before the date, whatever order the catalogue gives them in', () => {
    const newestFirst = [
      { validFrom: '2026-09-01', takst: 470 },
      { validFrom: '2026-01-01', takst: 500 },
      { validFrom: '2025-01-01', takst: 480 },
    ];
    expect(priceOn(newestFirst, '2026-12-31')?.takst).toBe(470);
    expect(priceOn(newestFirst, '2026-09-01')?.takst).toBe(470);
    expect(priceOn(newestFirst, '2026-08-31')?.takst).toBe(500);
    expect(priceOn(newestFirst, '2025-01-01')?.takst).toBe(480);
    expect(priceOn(newestFirst, '2024-12-31')).toBeNull();
    expect(priceOn([], '2026-01-01')).toBeNull();
  });

  it('a grant is active from its start day through its end day: not the day before, not the day after', () => {
    const g = { startDate: '2026-03-01', endDate: '2026-03-31' };
    expect(['2026-02-28', '2026-03-01', '2026-03-31', '2026-04-01'].map((d) => isActiveOn(g, d))).toEqual([false, true, true, false]);
    expect(isActiveOn({ startDate: '2026-03-01', endDate: null }, '2099-12-31')).toBe(true);
  });

  it('a takst exactly 20 % from the department\'s median is not an outlier; more in either direction is; no median, no outlier', () => {
    expect(isTakstOutlier(600, 500)).toBe(false);
    expect(isTakstOutlier(400, 500)).toBe(false);
    expect(isTakstOutlier(600.01, 500)).toBe(true);
    expect(isTakstOutlier(399.99, 500)).toBe(true);
    expect(isTakstOutlier(100, 0)).toBe(false);
    expect(isTakstOutlier(100, -5)).toBe(false);
    expect(isTakstOutlier(130, 100, 0.25)).toBe(true);
    expect(isTakstOutlier(125, 100, 0.25)).toBe(false);
  });

  it('the bottom line is "på nul" at exactly the tolerance, under or over beyond it, the tolerance measured on the budget\'s size', () => {
    expect(bottomLine({ budget: 1_000_000, spent: 0, committed: 990_000, tolerance: 0.01 })).toEqual({
      budget: 1_000_000, spent: 0, committed: 990_000, forecast: 990_000, bottomLine: 10_000, toleranceAmount: 10_000, status: 'on_zero',
    });
    expect(bottomLine({ budget: 1_000_000, spent: 0, committed: 989_999, tolerance: 0.01 }).status).toBe('under');
    expect(bottomLine({ budget: 1_000_000, spent: 1_000_001, committed: 10_000, tolerance: 0.01 }).status).toBe('over');
    expect(bottomLine({ budget: -1_000_000, spent: -1_005_000, committed: 0, tolerance: 0.01 })).toMatchObject({ toleranceAmount: 10_000, status: 'on_zero' });
  });

  it('the approval rate is approved ÷ decided, the fallback only while nothing is decided', () => {
    expect(approvalRate(3, 1, 0.5)).toBe(0.75);
    expect(approvalRate(0, 2, 0.5)).toBe(0);
    expect(approvalRate(0, 0, 0.5)).toBe(0.5);
  });

  it('the median sorts first and takes the mean of the middle two of an even count', () => {
    expect(median([])).toBeNull();
    expect(median([9, 1, 5])).toBe(5);
    expect(median([10, 2, 8, 4])).toBe(6);
    expect(median([100, 20, 3])).toBe(20);
  });

  it('a year runs from 1 January to 31 December, written with four digits', () => {
    expect([yearStart(2026), yearEnd(2026), yearStart(987), yearEnd(987)]).toEqual(['2026-01-01', '2026-12-31', '0987-01-01', '0987-12-31']);
  });

  it('spent runs through the as-of day and committed from the day after, for a grant ending on, before or after it', () => {
    const perDay = { takst: 365, takstUnit: 'year' as const, quantity: 1 };
    const split = yearSplitter('2026-03-31');
    expect(split({ ...perDay, startDate: '2026-03-31', endDate: null })).toEqual({ spent: 1, committed: 275 });
    expect(split({ ...perDay, startDate: '2026-01-01', endDate: '2026-03-31' })).toEqual({ spent: 90, committed: 0 });
    expect(split({ ...perDay, startDate: '2026-04-01', endDate: '2026-04-01' })).toEqual({ spent: 0, committed: 1 });
    expect(split({ ...perDay, startDate: '2025-01-01', endDate: '2025-12-31' })).toEqual({ spent: 0, committed: 0 });
    expect(split({ ...perDay, startDate: '2027-01-01', endDate: null })).toEqual({ spent: 0, committed: 0 });
    expect(yearSplit({ ...perDay, startDate: '2020-01-01', endDate: '2030-01-01' }, '2026-12-31')).toEqual({ spent: 365, committed: 0 });
  });

  it('a month\'s cost counts its first and last day, a grant starting or ending inside it only its own days', () => {
    const months = monthlySplitter(2026)({ takst: 365, takstUnit: 'year', quantity: 1, startDate: '2026-02-15', endDate: '2026-04-01' });
    expect(months).toEqual([0, 14, 31, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(monthlySplitter(2028)({ takst: 366, takstUnit: 'year', quantity: 1, startDate: '2020-01-01', endDate: null })).toEqual([31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });

  it('a grant\'s cost in a period counts both ends, and a period crossing New Year weighs each year\'s days by that year', () => {
    const g = { takst: 365, takstUnit: 'year' as const, quantity: 1, startDate: '2020-01-01', endDate: null };
    expect(costInPeriod(g, '2026-12-31', '2027-01-01')).toBe(2);
    expect(costInPeriod({ ...g, takst: 366 }, '2027-12-31', '2028-01-01')).toBeCloseTo(366 / 365 + 1, 10);
    expect(costInPeriod(g, '2026-01-02', '2026-01-01')).toBe(0);
    expect(costInPeriod({ ...g, endDate: '2026-06-30' }, '2026-06-30', '2026-07-31')).toBe(1);
  });
});
