import { describe, expect, it } from 'vitest';
import { applicableLimit, changeNeedsCommittee, checkAuthority, describeBreach, type AuthorityLimit } from '../../shared/authority';

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
