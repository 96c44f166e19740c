import { describe, expect, it } from 'vitest';
import { applicableLimit, changeNeedsCommittee, checkAuthority, describeBreach, describeLimit, type AuthorityLimit } from '../../shared/authority';

const limit = (over: Partial<AuthorityLimit>): AuthorityLimit => ({
  id: 1, role: 'caseworker', personId: null, paragraph: null, maxHoursPerWeek: null, maxYearlyCost: null, externalAllowed: true, ...over,
});

const caseworkerAll = limit({ id: 1, paragraph: null, maxYearlyCost: 150_000, externalAllowed: false });
const caseworker85 = limit({ id: 2, paragraph: '85', maxHoursPerWeek: 5, maxYearlyCost: 150_000, externalAllowed: false });
const leaderAll = limit({ id: 3, role: 'leader', maxYearlyCost: 1_000_000 });
const personal = limit({ id: 4, role: null, personId: 7, paragraph: '85', maxHoursPerWeek: 8 });
const LIMITS = [caseworkerAll, caseworker85, leaderAll, personal];

const s85 = (quantity: number, takst = 500) => ({ paragraph: '85', providerType: 'internal' as const, takst, takstUnit: 'hour' as const, quantity });

describe('applicableLimit', () => {
  it('takes the limit for the paragraph before the one for every paragraph', () => {
    expect(applicableLimit(LIMITS, { id: 1, role: 'caseworker' }, '85')?.id).toBe(2);
    expect(applicableLimit(LIMITS, { id: 1, role: 'caseworker' }, '107')?.id).toBe(1);
  });
  it("lets a person's own limits replace the role's", () => {
    expect(applicableLimit(LIMITS, { id: 7, role: 'caseworker' }, '85')?.id).toBe(4);
    // The person has no limit of their own for § 107 and none for every paragraph: no limit applies.
    expect(applicableLimit(LIMITS, { id: 7, role: 'caseworker' }, '107')).toBeNull();
  });
  it('goes by role', () => {
    expect(applicableLimit(LIMITS, { id: 2, role: 'leader' }, '85')?.id).toBe(3);
    expect(applicableLimit(LIMITS, { id: 3, role: 'secretariat' }, '85')).toBeNull();
  });
});

describe('checkAuthority', () => {
  it('keeps a grant exactly at the hours limit within authority', () => {
    // 5 × 52 × 500 = 130,000 kr. a year, under 150,000.
    expect(checkAuthority(caseworker85, s85(5))).toEqual({ limit: caseworker85, within: true, breaches: [] });
  });
  it('sends 12 hours a week of § 85 to the committee', () => {
    const v = checkAuthority(caseworker85, s85(12));
    expect(v.within).toBe(false);
    // 12 × 52 × 500 = 312,000 kr. is over the cost limit too.
    expect(v.breaches).toEqual([
      { kind: 'hours', limit: 5, actual: 12, paragraph: '85' },
      { kind: 'yearly_cost', limit: 150_000, actual: 312_000, paragraph: '85' },
    ]);
    expect(describeBreach(v.breaches[0]!)).toBe('12 t/uge er over grænsen på 5 t/uge for § 85');
    expect(describeBreach(v.breaches[1]!)).toBe('Årlig udgift 312.000 kr. er over grænsen på 150.000 kr. for § 85');
  });
  it('keeps a grant exactly at the yearly cost limit within authority, one krone more is not', () => {
    // 150,000 / 52 / 5 = 576.923… kr. an hour: floating point must not push it over.
    const atLimit = s85(5, 150_000 / 52 / 5);
    expect(checkAuthority(caseworker85, atLimit).within).toBe(true);
    const yearly = { paragraph: '107', providerType: 'internal' as const, takst: 150_000, takstUnit: 'year' as const, quantity: 1 };
    expect(checkAuthority(caseworkerAll, yearly).within).toBe(true);
    expect(checkAuthority(caseworkerAll, { ...yearly, takst: 150_001 }).breaches.map((b) => b.kind)).toEqual(['yearly_cost']);
  });
  it('applies the hours limit to hour takster only', () => {
    // 6 days a week is not 6 hours; only the yearly cost limit speaks: 300 × 365 × 1 = 109,500.
    const daily = { paragraph: '85', providerType: 'internal' as const, takst: 300, takstUnit: 'day' as const, quantity: 6 };
    const v = checkAuthority(caseworker85, daily);
    expect(v.breaches.map((b) => b.kind)).toEqual(['yearly_cost']);
    expect(checkAuthority(caseworker85, { ...daily, quantity: 1 }).within).toBe(true);
  });
  it('refuses an external provider where only internal ones are allowed', () => {
    const v = checkAuthority(caseworker85, { ...s85(2), providerType: 'external' });
    expect(v.breaches).toEqual([{ kind: 'external', paragraph: '85' }]);
    expect(checkAuthority(leaderAll, { ...s85(2), providerType: 'external' }).within).toBe(true);
  });
  it('has no limit when none applies', () => {
    expect(checkAuthority(null, s85(40))).toEqual({ limit: null, within: true, breaches: [] });
  });
});

describe('changeNeedsCommittee', () => {
  it('lets a caseworker reduce a grant the committee approved above the limit', () => {
    expect(changeNeedsCommittee(caseworker85, s85(10), s85(8)).within).toBe(true);
  });
  it('sends an increase beyond the limit to the committee', () => {
    const v = changeNeedsCommittee(caseworker85, s85(4), s85(6));
    expect(v.within).toBe(false);
    expect(v.breaches.map((b) => b.kind)).toEqual(['hours', 'yearly_cost']);
  });
  it('sends a switch to an external provider to the committee', () => {
    expect(changeNeedsCommittee(caseworker85, s85(2), { ...s85(2), providerType: 'external' }).within).toBe(false);
  });
});

describe('authority limits at their boundaries', () => {
  const hoursOnly = limit({ paragraph: '85', maxHoursPerWeek: 5 });
  const costOnly = limit({ maxYearlyCost: 150_000 });
  const yearly = (takst: number) => ({ paragraph: '107', providerType: 'internal' as const, takst, takstUnit: 'year' as const, quantity: 1 });

  it('hours below, at and within floating-point noise of the limit are within it; more is not', () => {
    expect(checkAuthority(hoursOnly, s85(4.75)).within).toBe(true);
    expect(checkAuthority(hoursOnly, s85(5)).within).toBe(true);
    expect(checkAuthority(hoursOnly, s85(5 + 1e-6)).within).toBe(true);
    expect(checkAuthority(hoursOnly, s85(5.25)).breaches).toEqual([{ kind: 'hours', limit: 5, actual: 5.25, paragraph: '85' }]);
  });

  it('a yearly cost below, at and within floating-point noise of the limit is within it; one øre more is not', () => {
    expect(checkAuthority(costOnly, yearly(149_999.99)).within).toBe(true);
    expect(checkAuthority(costOnly, yearly(150_000 + 1e-6)).within).toBe(true);
    expect(checkAuthority(costOnly, yearly(150_000.01)).breaches).toEqual([{ kind: 'yearly_cost', limit: 150_000, actual: 150_000.01, paragraph: '107' }]);
  });

  it('a limit without a cost cap or an hours cap lets any cost and any hours through', () => {
    expect(checkAuthority(hoursOnly, s85(5, 100_000))).toEqual({ limit: hoursOnly, within: true, breaches: [] });
    expect(checkAuthority(costOnly, s85(40, 1))).toEqual({ limit: costOnly, within: true, breaches: [] });
  });

  it('a new grant (nothing before) outside the limit goes to the committee with every breach', () => {
    const v = changeNeedsCommittee(caseworker85, null, { ...s85(12), providerType: 'external' });
    expect(v).toEqual({
      limit: caseworker85, within: false, breaches: [
        { kind: 'hours', limit: 5, actual: 12, paragraph: '85' },
        { kind: 'yearly_cost', limit: 150_000, actual: 312_000, paragraph: '85' },
        { kind: 'external', paragraph: '85' },
      ],
    });
    expect(changeNeedsCommittee(caseworker85, null, s85(2))).toEqual({ limit: caseworker85, within: true, breaches: [] });
  });

  it('a change keeping hours above the limit at the same level, or a noise above, stays with the caseworker; more hours do not', () => {
    expect(changeNeedsCommittee(hoursOnly, s85(10), s85(10))).toEqual({ limit: hoursOnly, within: true, breaches: [] });
    expect(changeNeedsCommittee(hoursOnly, s85(10), s85(10 + 1e-6)).within).toBe(true);
    expect(changeNeedsCommittee(hoursOnly, s85(10), s85(10.25))).toEqual({
      limit: hoursOnly, within: false, breaches: [{ kind: 'hours', limit: 5, actual: 10.25, paragraph: '85' }],
    });
  });

  it('hours above the limit on a grant that was not in hours before are more than before', () => {
    // Seven days of a day takst are not seven hours: six hours are more than before whatever the old quantity.
    const daily = { ...s85(7), takstUnit: 'day' as const, takst: 10 };
    expect(changeNeedsCommittee(hoursOnly, daily, s85(6)).breaches.map((b) => b.kind)).toEqual(['hours']);
  });

  it('a change keeping the yearly cost above the limit at the same level stays with the caseworker; a higher cost does not', () => {
    expect(changeNeedsCommittee(costOnly, yearly(200_000), yearly(200_000)).within).toBe(true);
    expect(changeNeedsCommittee(costOnly, yearly(200_000), yearly(200_000 + 1e-6)).within).toBe(true);
    expect(changeNeedsCommittee(costOnly, yearly(200_000), yearly(199_000)).within).toBe(true);
    expect(changeNeedsCommittee(costOnly, yearly(200_000), yearly(200_000.01)).breaches).toEqual([
      { kind: 'yearly_cost', limit: 150_000, actual: 200_000.01, paragraph: '107' },
    ]);
  });

  it('an external provider the committee already approved stays with the caseworker', () => {
    const external = { ...s85(2), providerType: 'external' as const };
    expect(changeNeedsCommittee(caseworker85, external, { ...external, quantity: 3 })).toEqual({ limit: caseworker85, within: true, breaches: [] });
  });
});

describe('how limits and breaches read', () => {
  it('names hours with two decimals when they are not whole', () => {
    expect(describeBreach({ kind: 'hours', limit: 7.5, actual: 12.25, paragraph: '85' })).toBe('12,25 t/uge er over grænsen på 7,50 t/uge for § 85');
  });

  it('names an external provider as needing the committee', () => {
    expect(describeBreach({ kind: 'external', paragraph: '107' })).toBe('Ekstern leverandør under § 107 kræver udvalgets godkendelse');
  });

  it('describes a limit by its hours, its yearly cost and whether external providers are allowed', () => {
    expect(describeLimit(caseworker85)).toBe('§ 85: op til 5 t/uge, op til 150.000 kr. om året, kun interne leverandører');
    expect(describeLimit(leaderAll)).toBe('Alle paragraffer: op til 1.000.000 kr. om året, også eksterne leverandører');
    expect(describeLimit(limit({ paragraph: '85', maxHoursPerWeek: 2.5 }))).toBe('§ 85: op til 2,50 t/uge, også eksterne leverandører');
  });
});
