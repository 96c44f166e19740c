import { describe, expect, it } from 'vitest';
import {
  activeDaysInYear, costInYearOere, decompose, forecastByTeam, forecastSeries, isKnownOn, monthlyOere, splitOere, versionsKnownOn, weekPoints,
  type GrantVersion,
} from '../../shared/grantHistory';
import { medianOere, mulDiv, parseAmount, roundHalfAway, toKroner, toOere, yearlyOere } from '../../shared/money';

let nextId = 1;
function version(over: Partial<GrantVersion>): GrantVersion {
  return {
    id: nextId++, grantId: 1, caseId: 1, teamId: 1, knownFrom: '2026-01-01', knownUntil: null, paragraph: '85',
    takstOere: 100_000, takstUnit: 'day', quantity: 1, startDate: '2025-01-01', endDate: null, ...over,
  };
}

describe('money in whole øre', () => {
  it('takes the median of 1,073.59 and 1,721.56 kr. as 1,397.58 (half an øre rounds away from zero)', () => {
    expect(medianOere([toOere(1073.59), toOere(1721.56)])).toBe(139_758);
    expect(toKroner(medianOere([107_359, 172_156])!)).toBe(1397.58);
    // What floating point kroner give instead:
    expect(Math.round(((1073.59 + 1721.56) / 2) * 100) / 100).toBe(1397.57);
  });

  it('converts kroner to øre without representation errors and rounds halves away from zero', () => {
    expect(toOere(1073.59)).toBe(107_359);
    expect(toOere(0.1 + 0.2)).toBe(30);
    expect(toOere(2150.005)).toBe(215_001);
    expect(roundHalfAway(-2.5)).toBe(-3);
    expect(roundHalfAway(2.5)).toBe(3);
    expect(roundHalfAway(-0.4)).toBe(0);
    expect(Object.is(roundHalfAway(-0.4), -0)).toBe(false);
    expect(mulDiv(36_500_000, 1, 365)).toBe(100_000);
  });

  it('prices a year by unit: hours × 52, days × 365, months × 12', () => {
    expect(yearlyOere(51_200, 'hour', 5)).toBe(51_200 * 52 * 5);
    expect(yearlyOere(54_500, 'hour', 0.25)).toBe(708_500); // seed 000: 7,085 kr. a year
    expect(yearlyOere(100_000, 'day', 1)).toBe(36_500_000);
    expect(yearlyOere(1_000_000, 'month', 1)).toBe(12_000_000);
  });

  it('reads Danish amounts: 2.150,00, 2150, 2 150,5, with kr. and a pasted 2150.5', () => {
    expect(parseAmount('2.150,00')).toEqual({ ok: true, oere: 215_000, kroner: 2150 });
    expect(parseAmount('2150')).toEqual({ ok: true, oere: 215_000, kroner: 2150 });
    expect(parseAmount('2 150,5')).toEqual({ ok: true, oere: 215_050, kroner: 2150.5 });
    expect(parseAmount('1.234.567,89 kr.')).toEqual({ ok: true, oere: 123_456_789, kroner: 1_234_567.89 });
    expect(parseAmount('2150.5')).toEqual({ ok: true, oere: 215_050, kroner: 2150.5 });
    expect(parseAmount('1.234')).toEqual({ ok: true, oere: 123_400, kroner: 1234 });
    expect(parseAmount('-1.250', { allowNegative: true })).toEqual({ ok: true, oere: -125_000, kroner: -1250 });
  });

  it('refuses what is not an amount with a Danish message', () => {
    for (const bad of ['', 'abc', '2,150,00', '21.50,00', '2.150,001', '12.5.0']) {
      const r = parseAmount(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/beløb|decimaler/);
    }
    expect(parseAmount('-5')).toEqual({ ok: false, message: 'Beløbet må ikke være negativt.' });
  });
});

describe('a grant priced in a year', () => {
  const g = version({ takstOere: 100_000, takstUnit: 'day', startDate: '2026-03-01', endDate: '2026-03-31' });

  it('costs its days in the year, and spent + committed is always the whole', () => {
    expect(costInYearOere(g, 2026)).toBe(31 * 100_000);
    for (const asOf of ['2026-01-01', '2026-03-15', '2026-12-31', '2026-03-01', '2026-02-28']) {
      const s = splitOere(g, asOf);
      expect(s.spent + s.committed).toBe(costInYearOere(g, 2026));
    }
    expect(splitOere(g, '2026-03-15')).toEqual({ spent: 15 * 100_000, committed: 16 * 100_000 });
  });

  it('splits a year into months that sum exactly to the year', () => {
    const odd = version({ takstOere: 33_333, takstUnit: 'hour', quantity: 7.25, startDate: '2025-06-17', endDate: '2026-10-09' });
    const months = monthlyOere(odd, 2026);
    expect(months.reduce((a, b) => a + b, 0)).toBe(costInYearOere(odd, 2026));
    expect(months[10]).toBe(0);
  });
});

describe('as known at the end of a day', () => {
  // Known from 1 February at 1,000 kr. a day; re-priced on 10 May (to 1,200) and ended on
  // 1 September with effect from 31 August, which was only known on 5 September (backdated).
  const v1 = version({ id: 101, grantId: 7, knownFrom: '2026-02-01', knownUntil: '2026-05-10', takstOere: 100_000 });
  const v2 = version({ id: 102, grantId: 7, knownFrom: '2026-05-10', knownUntil: '2026-09-05', takstOere: 120_000 });
  const v3 = version({ id: 103, grantId: 7, knownFrom: '2026-09-05', knownUntil: null, takstOere: 120_000, endDate: '2026-08-31' });
  const other = version({ id: 104, grantId: 8, teamId: 2, knownFrom: '2026-03-03', takstOere: 50_000, startDate: '2026-03-03' });
  const all = [v1, v2, v3, other];

  it('uses the version known then and ignores later changes, backdated ones too', () => {
    expect(isKnownOn(v1, '2026-01-31')).toBe(false);
    expect(versionsKnownOn(all, '2026-05-09').map((v) => v.id)).toEqual([101, 104]);
    expect(versionsKnownOn(all, '2026-05-10').map((v) => v.id)).toEqual([102, 104]);
    // The end on 31 August is not known on 1 September: the forecast as of then still runs to 31 December.
    expect(forecastByTeam(all, 2026, '2026-09-01').get(1)).toBe(365 * 120_000);
    expect(forecastByTeam(all, 2026, '2026-09-05').get(1)).toBe(243 * 120_000);
    expect(forecastByTeam(all, 2026, '2026-01-15').get(1)).toBeUndefined();
  });

  it('gives the same figures in one pass over many dates as date by date', () => {
    const dates = weekPoints(2026, '2026-12-31');
    expect(dates[0]).toBe('2025-12-31');
    expect(dates.at(-1)! <= '2026-12-31').toBe(true);
    const series = forecastSeries(all.filter((v) => v.teamId === 1), 2026, dates);
    dates.forEach((d, i) => expect(series[i]).toBe(forecastByTeam(all, 2026, d).get(1) ?? 0));
  });

  it('splits a change into new, ended, volume and price that sum exactly to the change', () => {
    const d = decompose(all, 1, 2026, '2026-01-31', '2026-12-01');
    expect(d.lines.new.total).toBe(243 * 120_000);
    expect(d.lines.new.total + d.lines.ended.total + d.lines.volume.total + d.lines.price.total).toBe(d.forecastTo - d.forecastFrom);
    const later = decompose(all, 1, 2026, '2026-03-01', '2026-12-01');
    // 1,000 → 1,200 a day is price; the earlier end (known 5 September) is ended.
    expect(later.lines.price.total).toBe(243 * 20_000);
    expect(later.lines.ended.total).toBe(-(365 - 243) * 100_000);
    expect(later.lines.new.total).toBe(0);
    expect(later.lines.ended.total + later.lines.price.total).toBe(later.forecastTo - later.forecastFrom);
    expect(later.lines.price.grants.map((g) => g.grantId)).toEqual([7]);
  });

  it('counts more hours as volume and a grant that disappears as ended', () => {
    const a = version({ id: 201, grantId: 9, takstUnit: 'hour', takstOere: 50_000, quantity: 5, knownFrom: '2026-01-01', knownUntil: '2026-04-01' });
    const b = version({ id: 202, grantId: 9, takstUnit: 'hour', takstOere: 52_000, quantity: 8, knownFrom: '2026-04-01', knownUntil: '2026-06-01' });
    const d = decompose([a, b], 1, 2026, '2026-02-01', '2026-05-01');
    expect(d.lines.volume.total).toBe(yearlyOere(50_000, 'hour', 8) - yearlyOere(50_000, 'hour', 5));
    expect(d.lines.price.total).toBe(yearlyOere(52_000, 'hour', 8) - yearlyOere(50_000, 'hour', 8));
    const gone = decompose([a, b], 1, 2026, '2026-05-01', '2026-07-01');
    expect(gone.lines.ended.total).toBe(-yearlyOere(52_000, 'hour', 8));
  });
});

describe('the bottom line through time at its boundaries', () => {
  it('a version is known from the end of its first day until the day the next one became known', () => {
    const v = { knownFrom: '2026-03-10', knownUntil: '2026-03-20' };
    expect(['2026-03-09', '2026-03-10', '2026-03-19', '2026-03-20'].map((d) => isKnownOn(v, d))).toEqual([false, true, true, false]);
    expect(isKnownOn({ knownFrom: '2026-03-10', knownUntil: null }, '2099-01-01')).toBe(true);
  });

  it('counts a grant\'s days in a year from its start day through its end day, none outside the year', () => {
    expect(activeDaysInYear({ startDate: '2026-12-31', endDate: '2027-01-01' }, 2026)).toBe(1);
    expect(activeDaysInYear({ startDate: '2026-12-31', endDate: '2027-01-01' }, 2027)).toBe(1);
    expect(activeDaysInYear({ startDate: '2025-01-01', endDate: '2025-12-31' }, 2026)).toBe(0);
    expect(activeDaysInYear({ startDate: '2020-01-01', endDate: null }, 2028)).toBe(366);
    expect(costInYearOere(version({ startDate: '2027-01-01' }), 2026)).toBe(0);
  });

  it('spent runs through the as-of day, committed from the day after; nothing before the start', () => {
    const g = version({ takstOere: 36_500, takstUnit: 'year', startDate: '2026-06-01', endDate: null });
    expect(splitOere(g, '2026-05-31')).toEqual({ spent: 0, committed: 214 * 100 });
    expect(splitOere(g, '2026-06-01')).toEqual({ spent: 100, committed: 213 * 100 });
    expect(splitOere(version({ startDate: '2025-01-01', endDate: '2025-12-31' }), '2026-06-01')).toEqual({ spent: 0, committed: 0 });
    expect(splitOere(version({ takstOere: 1, takstUnit: 'year', startDate: '2026-01-01', endDate: null }), '2026-01-01')).toEqual({ spent: 0, committed: 1 });
  });

  it('months count their first and last day; a grant inside a month only its own days', () => {
    const g = version({ takstOere: 36_500, takstUnit: 'year', startDate: '2026-02-15', endDate: '2026-04-01' });
    expect(monthlyOere(g, 2026)).toEqual([0, 1400, 3100, 100, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('the weekly points start at the end of 31 December before and step a week, up to the day asked for and never past the year', () => {
    expect(weekPoints(2026, '2026-01-14')).toEqual(['2025-12-31', '2026-01-07', '2026-01-14']);
    expect(weekPoints(2026, '2026-01-13')).toEqual(['2025-12-31', '2026-01-07']);
    const whole = weekPoints(2026, '2027-06-30');
    expect(whole).toHaveLength(53);
    expect(whole.at(-1)).toBe('2026-12-30');
    expect(weekPoints(2026, '2025-12-31')).toEqual(['2025-12-31']);
  });

  it('a version known only between two points counts on none of them; a version of no cost is left out', () => {
    const brief = version({ knownFrom: '2026-01-02', knownUntil: '2026-01-05' });
    const free = version({ grantId: 2, takstOere: 0, knownFrom: '2025-01-01' });
    const later = version({ grantId: 3, takstOere: 36_500, takstUnit: 'year', knownFrom: '2026-01-07', knownUntil: '2026-01-14' });
    expect(forecastSeries([brief, free, later], 2026, ['2026-01-01', '2026-01-07', '2026-01-14'])).toEqual([0, 36_500, 0]);
    expect(forecastSeries([], 2026, [])).toEqual([]);
  });

  it('forecasts per team, counting only versions known on the day', () => {
    const a = version({ teamId: 1, takstOere: 36_500, takstUnit: 'year' });
    const b = version({ teamId: 1, grantId: 2, takstOere: 73_000, takstUnit: 'year' });
    const c = version({ teamId: 2, grantId: 3, takstOere: 100, takstUnit: 'year', knownFrom: '2026-02-01' });
    expect([...forecastByTeam([a, b, c], 2026, '2026-01-31')]).toEqual([[1, 109_500]]);
    expect([...forecastByTeam([a, b, c], 2026, '2026-02-01')]).toEqual([[1, 109_500], [2, 100]]);
  });

  it('a longer period is volume, an earlier end is ended; other teams and unchanged grants are not in the change', () => {
    const base = { takstOere: 36_500, takstUnit: 'year' as const, startDate: '2026-01-01' };
    const longerA = version({ ...base, id: 1, grantId: 1, endDate: '2026-06-30', knownFrom: '2025-12-01', knownUntil: '2026-03-01' });
    const longerB = version({ ...base, id: 2, grantId: 1, endDate: null, knownFrom: '2026-03-01' });
    const shorterA = version({ ...base, id: 3, grantId: 2, caseId: 2, endDate: null, knownFrom: '2025-12-01', knownUntil: '2026-03-01' });
    const shorterB = version({ ...base, id: 4, grantId: 2, caseId: 2, endDate: '2026-06-30', knownFrom: '2026-03-01' });
    const same = version({ ...base, id: 5, grantId: 3, knownFrom: '2025-12-01' });
    const elsewhere = version({ ...base, id: 6, grantId: 4, teamId: 2, knownFrom: '2026-03-01' });
    const d = decompose([longerA, longerB, shorterA, shorterB, same, elsewhere], 1, 2026, '2026-02-01', '2026-04-01');
    expect(d.forecastFrom).toBe(181 * 100 + 36_500 + 36_500);
    expect(d.forecastTo).toBe(36_500 + 181 * 100 + 36_500);
    expect(d.lines.volume).toEqual({ total: 184 * 100, grants: [{ grantId: 1, caseId: 1, before: longerA, after: longerB, effect: 184 * 100 }] });
    expect(d.lines.ended).toEqual({ total: -184 * 100, grants: [{ grantId: 2, caseId: 2, before: shorterA, after: shorterB, effect: -184 * 100 }] });
    expect(d.lines.new.grants).toEqual([]);
    expect(d.lines.price.grants).toEqual([]);
    expect([d.year, d.from, d.to]).toEqual([2026, '2026-02-01', '2026-04-01']);
  });

  it('an earlier end that also moves the start later than it saves is volume; lists grants by size of effect, then grant', () => {
    const a = version({ id: 1, grantId: 5, takstOere: 36_500, takstUnit: 'year', startDate: '2026-06-01', endDate: '2026-12-31', knownFrom: '2025-12-01', knownUntil: '2026-03-01' });
    const b = version({ id: 2, grantId: 5, takstOere: 36_500, takstUnit: 'year', startDate: '2026-01-01', endDate: '2026-12-30', knownFrom: '2026-03-01' });
    const n1 = version({ id: 3, grantId: 9, takstOere: 100, takstUnit: 'year', knownFrom: '2026-03-01' });
    const n2 = version({ id: 4, grantId: 8, takstOere: 100, takstUnit: 'year', knownFrom: '2026-03-01' });
    const n3 = version({ id: 5, grantId: 7, takstOere: 36_500, takstUnit: 'year', knownFrom: '2026-03-01' });
    const d = decompose([a, b, n1, n2, n3], 1, 2026, '2026-02-01', '2026-04-01');
    expect(d.lines.volume.total).toBe((364 - 214) * 100);
    expect(d.lines.ended.total).toBe(0);
    expect(d.lines.new.grants.map((g) => g.grantId)).toEqual([7, 8, 9]);
    // Ended outright: the whole cost is gone.
    const gone = decompose([version({ id: 6, grantId: 1, takstOere: 36_500, takstUnit: 'year', knownFrom: '2025-12-01', knownUntil: '2026-03-01' })], 1, 2026, '2026-02-01', '2026-04-01');
    expect(gone.lines.ended.grants.map((g) => [g.grantId, g.effect, g.after])).toEqual([[1, -36_500, null]]);
  });
});

describe('the grant rules at their edges (mutation-pinned)', () => {
  it('a grant that ended before the year costs nothing in it, spent or committed', () => {
    const ended = version({ startDate: '2025-01-01', endDate: '2025-06-30' });
    expect(splitOere(ended, '2026-03-15')).toEqual({ spent: 0, committed: 0 });
  });

  it('a grant of one day costs that day: spent once the day has come', () => {
    const oneDay = version({ takstOere: 100_000, takstUnit: 'day', startDate: '2026-03-10', endDate: '2026-03-10' });
    expect(splitOere(oneDay, '2026-03-10')).toEqual({ spent: 100_000, committed: 0 });
    expect(splitOere(oneDay, '2026-03-09')).toEqual({ spent: 0, committed: 100_000 });
  });

  it('an open-ended grant costs every month from its start, summing to the year', () => {
    const open = version({ takstOere: 100_000, takstUnit: 'day', startDate: '2026-11-15', endDate: null });
    expect(monthlyOere(open, 2026)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16 * 100_000, 31 * 100_000]);
  });

  const changed = (before: Partial<GrantVersion>, after: Partial<GrantVersion>) => {
    const b = version({ grantId: 9, knownFrom: '2026-01-01', knownUntil: '2026-06-01', startDate: '2026-01-01', ...before });
    const a = version({ grantId: 9, knownFrom: '2026-06-01', knownUntil: null, startDate: '2026-01-01', ...after });
    const d = decompose([b, a], 1, 2026, '2026-05-31', '2026-06-30');
    return { ended: d.lines.ended.total, volume: d.lines.volume.total };
  };

  it('an end set where there was none, or moved earlier, is "ended"', () => {
    expect(changed({ endDate: null }, { endDate: '2026-09-30' })).toEqual({ ended: -92 * 100_000, volume: 0 });
    expect(changed({ endDate: '2026-12-31' }, { endDate: '2026-09-30' })).toEqual({ ended: -92 * 100_000, volume: 0 });
  });

  it('an end moved later, removed, or kept while the start moves later is volume, not "ended"', () => {
    expect(changed({ endDate: '2026-09-30' }, { endDate: '2026-12-31' })).toEqual({ ended: 0, volume: 92 * 100_000 });
    expect(changed({ endDate: '2026-09-30' }, { endDate: null })).toEqual({ ended: 0, volume: 92 * 100_000 });
    expect(changed({ endDate: '2026-09-30' }, { startDate: '2026-02-01', endDate: '2026-09-30' })).toEqual({ ended: 0, volume: -31 * 100_000 });
  });

  it('an earlier end that still costs more in the year (the start moved back further) is volume', () => {
    expect(changed({ startDate: '2026-07-01', endDate: '2026-12-31' }, { startDate: '2026-01-01', endDate: '2026-11-30' })).toEqual({ ended: 0, volume: (181 - 31) * 100_000 });
  });
});
