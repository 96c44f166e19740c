// Whether a grant's terms are plausible before it is saved or proposed to the committee. The
// schema only says what can be stored; these rules say what a caseworker could mean. The form
// runs them before sending and the server runs the same ones in every path a grant enters by,
// so a refusal reads the same at the field wherever it comes from. See docs/plausibility.md.
import { ApiFailure, fieldError, type FieldError } from './api/envelope';
import { addMonths } from './dates';
import type { IsoDate, TakstUnit } from './domain';

/** A week has 168 hours; more hours per week cannot be delivered. */
export const MAX_HOURS_PER_WEEK = 168;
/** A start date further back than this is a typing error, not a grant being recorded late. */
export const START_YEARS_BACK = 10;
/** A start further ahead than this is a typing error: grants are made for needs in sight. */
export const START_YEARS_AHEAD = 2;
/** An end date further ahead than this is a typing error; an open-ended grant has no end date. */
export const END_YEARS_AHEAD = 10;
/** A takst more than this many times the catalogue's is saved only when the caseworker confirms it. */
export const HIGH_TAKST_FACTOR = 3;

export interface PlausibilityInput {
  takst: number;
  takstUnit: TakstUnit;
  quantity: number;
  startDate: IsoDate;
  endDate: IsoDate | null;
}

export interface PlausibilityContext {
  today: IsoDate;
  /** The catalogue's current takst for the grant's service in the same unit, if it has one. */
  catalogueTakst?: number | null;
  /** The caseworker has confirmed a takst far above the catalogue's. */
  confirmHighTakst?: boolean;
  /** The start date already stored: an old grant being edited keeps its start without refusal. */
  storedStartDate?: IsoDate | null;
}

/** Field errors, keyed by the grant's own field names; empty when the grant is plausible. */
export function grantPlausibility(g: PlausibilityInput, ctx: PlausibilityContext): FieldError[] {
  const errors: FieldError[] = [];
  if (g.takst < 0) errors.push(fieldError('takst', 'grants.takstNegative'));
  else if (needsTakstConfirmation(g.takst, ctx.catalogueTakst) && !ctx.confirmHighTakst) {
    errors.push(fieldError('takst', 'grants.takstHigh', { factor: HIGH_TAKST_FACTOR, catalogue: ctx.catalogueTakst! }));
  }
  if (g.takstUnit === 'hour') {
    if (!(g.quantity > 0)) errors.push(fieldError('quantity', 'grants.hoursZero'));
    else if (g.quantity > MAX_HOURS_PER_WEEK) errors.push(fieldError('quantity', 'grants.hoursTooMany', { max: MAX_HOURS_PER_WEEK }));
  } else if (g.quantity < 0) errors.push(fieldError('quantity', 'grants.quantityNegative'));

  const earliestStart = addMonths(ctx.today, -12 * START_YEARS_BACK);
  const latestStart = addMonths(ctx.today, 12 * START_YEARS_AHEAD);
  const latestEnd = addMonths(ctx.today, 12 * END_YEARS_AHEAD);
  const startKept = ctx.storedStartDate != null && ctx.storedStartDate === g.startDate;
  if (!startKept && g.startDate < earliestStart) {
    errors.push(fieldError('startDate', 'grants.startTooEarly', { years: START_YEARS_BACK, limit: earliestStart }));
  } else if (!startKept && g.startDate > latestStart) {
    errors.push(fieldError('startDate', 'grants.dateTooLate', { years: START_YEARS_AHEAD, limit: latestStart }));
  }
  if (g.endDate !== null) {
    if (g.endDate < g.startDate) errors.push(fieldError('endDate', 'grants.endBeforeStart', { start: g.startDate }));
    else if (g.endDate > latestEnd) errors.push(fieldError('endDate', 'grants.dateTooLate', { years: END_YEARS_AHEAD, limit: latestEnd }));
  }
  return errors;
}

/** A takst strictly above the factor times the catalogue's; exactly the factor is still ordinary. */
export function needsTakstConfirmation(takst: number, catalogueTakst: number | null | undefined): boolean {
  return catalogueTakst != null && catalogueTakst > 0 && takst > catalogueTakst * HIGH_TAKST_FACTOR;
}

/** Whether the only objections are a takst waiting for confirmation: the form asks instead of refusing. */
export function onlyAwaitsConfirmation(errors: readonly FieldError[]): boolean {
  return errors.length > 0 && errors.every((e) => e.key === 'grants.takstHigh');
}

/** The catalogue's takst a grant is compared with: its own provider's, else the highest provider's for the service. */
export function catalogueTakstFor(prices: readonly { provider: string; takst: number }[], provider: string): number | null {
  return prices.find((p) => p.provider === provider)?.takst ?? (prices.length ? Math.max(...prices.map((p) => p.takst)) : null);
}

/** The refusal of an implausible grant: each rule's error at its field under the input's `grant`. */
export function implausibleGrant(errors: readonly FieldError[], details?: Record<string, unknown>): ApiFailure {
  return ApiFailure.of('invalid_input', 'grants.implausible', undefined, {
    fields: errors.map((e) => ({ ...e, field: `grant.${e.field}` })),
    ...(details ? { details } : {}),
  });
}
