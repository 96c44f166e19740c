import { describe, expect, it } from 'vitest';
import { catalogueTakstFor, grantPlausibility, implausibleGrant, needsTakstConfirmation, onlyAwaitsConfirmation, type PlausibilityInput } from '../../shared/grantPlausibility';
import { renderMessage } from '../../shared/messages';

const TODAY = '2026-12-02';
const base: PlausibilityInput = { takst: 500, takstUnit: 'hour', quantity: 6, startDate: '2026-12-01', endDate: null };
const check = (g: Partial<PlausibilityInput>, ctx: Partial<Parameters<typeof grantPlausibility>[1]> = {}) =>
  grantPlausibility({ ...base, ...g }, { today: TODAY, ...ctx }).map((e) => [e.field, e.key]);

describe('grant plausibility', () => {
  it('accepts an ordinary grant', () => {
    expect(check({})).toEqual([]);
  });

  it('refuses a negative takst, accepts zero', () => {
    expect(check({ takst: -0.01 })).toEqual([['takst', 'grants.takstNegative']]);
    expect(check({ takst: 0 })).toEqual([]);
  });

  it('allows at most 168 hours a week and more than none', () => {
    expect(check({ quantity: 168 })).toEqual([]);
    expect(check({ quantity: 168.01 })).toEqual([['quantity', 'grants.hoursTooMany']]);
    expect(check({ quantity: 1000 })).toEqual([['quantity', 'grants.hoursTooMany']]);
    expect(check({ quantity: 0 })).toEqual([['quantity', 'grants.hoursZero']]);
    expect(check({ quantity: 0.25 })).toEqual([]);
  });

  it('does not read a multiplier of another unit as hours', () => {
    expect(check({ takstUnit: 'day', quantity: 200 })).toEqual([]);
    expect(check({ takstUnit: 'month', quantity: -1 })).toEqual([['quantity', 'grants.quantityNegative']]);
  });

  it('refuses an end before the start, accepts the same day', () => {
    expect(check({ endDate: '2026-11-30' })).toEqual([['endDate', 'grants.endBeforeStart']]);
    expect(check({ endDate: '2026-12-01' })).toEqual([]);
  });

  it('keeps dates within ten years back, two ahead for the start and ten ahead for the end', () => {
    expect(check({ startDate: '2016-12-02' })).toEqual([]);
    expect(check({ startDate: '2016-12-01' })).toEqual([['startDate', 'grants.startTooEarly']]);
    expect(check({ startDate: '2028-12-02' })).toEqual([]);
    expect(check({ startDate: '2028-12-03' })).toEqual([['startDate', 'grants.dateTooLate']]);
    expect(check({ startDate: '2199-01-01' })).toEqual([['startDate', 'grants.dateTooLate']]);
    expect(check({ endDate: '2036-12-02' })).toEqual([]);
    expect(check({ endDate: '2036-12-03' })).toEqual([['endDate', 'grants.dateTooLate']]);
  });

  it('lets an old grant keep its stored start when it is edited', () => {
    expect(check({ startDate: '2012-01-01' }, { storedStartDate: '2012-01-01' })).toEqual([]);
    expect(check({ startDate: '2012-01-02' }, { storedStartDate: '2012-01-01' })).toEqual([['startDate', 'grants.startTooEarly']]);
  });

  it('asks for confirmation above three times the catalogue, not at exactly three', () => {
    expect(needsTakstConfirmation(1500, 500)).toBe(false);
    expect(needsTakstConfirmation(1500.01, 500)).toBe(true);
    expect(needsTakstConfirmation(1_000_000, null)).toBe(false);
    expect(check({ takst: 1500 }, { catalogueTakst: 500 })).toEqual([]);
    const high = grantPlausibility({ ...base, takst: 5000 }, { today: TODAY, catalogueTakst: 500 });
    expect(high.map((e) => e.key)).toEqual(['grants.takstHigh']);
    expect(onlyAwaitsConfirmation(high)).toBe(true);
    expect(check({ takst: 5000 }, { catalogueTakst: 500, confirmHighTakst: true })).toEqual([]);
    expect(onlyAwaitsConfirmation(grantPlausibility({ ...base, takst: 5000, quantity: 1000 }, { today: TODAY, catalogueTakst: 500 }))).toBe(false);
  });

  it('says why in both languages', () => {
    const [e] = grantPlausibility({ ...base, quantity: 1000 }, { today: TODAY });
    expect(e!.message).toBe('En uge har kun 168 timer. Angiv højst 168 timer om ugen.');
    expect(renderMessage(e!.key as 'grants.hoursTooMany', e!.params, 'en')).toBe('A week has only 168 hours. Enter at most 168 hours per week.');
    const [end] = grantPlausibility({ ...base, endDate: '2026-11-01' }, { today: TODAY });
    expect(end!.message).toBe('Slutdatoen ligger før startdatoen 01.12.2026.');
  });
});

describe('the catalogue takst a grant is compared with', () => {
  const prices = [{ provider: 'Bostøtten', takst: 480 }, { provider: 'Privat ApS', takst: 650 }, { provider: 'Kommunen', takst: 520 }];
  it("is the grant's own provider's price, even when another provider's is higher", () => {
    expect(catalogueTakstFor(prices, 'Bostøtten')).toBe(480);
  });
  it("is the highest provider's price when the grant's provider is not in the catalogue, and none when the service is not", () => {
    expect(catalogueTakstFor(prices, 'Ukendt')).toBe(650);
    expect(catalogueTakstFor([], 'Bostøtten')).toBeNull();
  });
});

describe('the refusal of an implausible grant', () => {
  it("puts each rule's error under the input's grant field, keyed, with the details given", () => {
    const errors = grantPlausibility({ ...base, quantity: 200, endDate: '2026-11-01' }, { today: TODAY });
    const refusal = implausibleGrant(errors, { catalogueTakst: 480 }).toError();
    expect(refusal.code).toBe('invalid_input');
    expect(refusal.key).toBe('grants.implausible');
    expect(refusal.fields!.map((f) => [f.field, f.key])).toEqual([['grant.quantity', 'grants.hoursTooMany'], ['grant.endDate', 'grants.endBeforeStart']]);
    expect(refusal.details).toEqual({ catalogueTakst: 480 });
    expect(implausibleGrant(errors).toError()).not.toHaveProperty('details');
  });
});
