// Grant authority (bevillingskompetence, seed 001): how much a person may grant alone. Limits are
// data — per role or per person, for one paragraph or for all — and a grant outside them goes to
// the visitation committee instead of becoming active. A grant exactly at a limit is within it.
import type { ProviderType, Role, TakstUnit } from './domain';
import { yearlyCost } from './economics';
import { formatKroner, formatNumber, formatParagraph } from './format';

export interface AuthorityLimit {
  id: number;
  /** Exactly one of role and personId is set. */
  role: Role | null;
  personId: number | null;
  /** null: every paragraph without a limit of its own. */
  paragraph: string | null;
  /** Hours per week; applies to hour takster only. null: no limit on hours. */
  maxHoursPerWeek: number | null;
  /** Yearly cost in kroner; null: no limit on cost. */
  maxYearlyCost: number | null;
  externalAllowed: boolean;
}

export interface AuthorityGrant {
  paragraph: string;
  providerType: ProviderType;
  takst: number;
  takstUnit: TakstUnit;
  quantity: number;
}

export type AuthorityBreach =
  | { kind: 'hours'; limit: number; actual: number; paragraph: string }
  | { kind: 'yearly_cost'; limit: number; actual: number; paragraph: string }
  | { kind: 'external'; paragraph: string };

export interface AuthorityVerdict {
  /** The limit that applied; null when none is set for the person, role and paragraph (no limit). */
  limit: AuthorityLimit | null;
  within: boolean;
  breaches: AuthorityBreach[];
}

// Floating-point kroner: 5 × 52 × 576.92 must not land a hair above a limit typed as 150,000.
const EPSILON = 1e-6;

/**
 * The limit that applies to the actor for the paragraph. A person's own limits replace their
 * role's; within either, a limit for the paragraph beats the one for every paragraph.
 */
export function applicableLimit(
  limits: readonly AuthorityLimit[],
  actor: { id: number; role: Role },
  paragraph: string,
): AuthorityLimit | null {
  const own = limits.filter((l) => l.personId === actor.id);
  const pool = own.length > 0 ? own : limits.filter((l) => l.personId === null && l.role === actor.role);
  return pool.find((l) => l.paragraph === paragraph) ?? pool.find((l) => l.paragraph === null) ?? null;
}

/** Whether the grant is within the limit; every breach is listed so the recommendation can name them. */
export function checkAuthority(limit: AuthorityLimit | null, grant: AuthorityGrant): AuthorityVerdict {
  if (!limit) return { limit: null, within: true, breaches: [] };
  const breaches: AuthorityBreach[] = [];
  if (limit.maxHoursPerWeek !== null && grant.takstUnit === 'hour' && grant.quantity > limit.maxHoursPerWeek + EPSILON) {
    breaches.push({ kind: 'hours', limit: limit.maxHoursPerWeek, actual: grant.quantity, paragraph: grant.paragraph });
  }
  const cost = yearlyCost(grant);
  if (limit.maxYearlyCost !== null && cost > limit.maxYearlyCost + EPSILON) {
    breaches.push({ kind: 'yearly_cost', limit: limit.maxYearlyCost, actual: cost, paragraph: grant.paragraph });
  }
  if (!limit.externalAllowed && grant.providerType === 'external') breaches.push({ kind: 'external', paragraph: grant.paragraph });
  return { limit, within: breaches.length === 0, breaches };
}

/**
 * A change to an existing grant needs the committee only when it goes beyond the limit AND asks
 * for more than before: reducing a grant the committee once approved stays with the caseworker.
 */
export function changeNeedsCommittee(limit: AuthorityLimit | null, before: AuthorityGrant | null, after: AuthorityGrant): AuthorityVerdict {
  const verdict = checkAuthority(limit, after);
  if (verdict.within || before === null) return verdict;
  const more = verdict.breaches.filter((b) => {
    if (b.kind === 'hours') return before.takstUnit !== 'hour' || after.quantity > before.quantity + EPSILON;
    if (b.kind === 'yearly_cost') return yearlyCost(after) > yearlyCost(before) + EPSILON;
    return before.providerType !== 'external';
  });
  return { limit: verdict.limit, within: more.length === 0, breaches: more };
}

const hours = (n: number) => `${formatNumber(n, Number.isInteger(n) ? 0 : 2)} t/uge`;

/** "12 t/uge er over grænsen på 5 t/uge for § 85": how a breach reads in the recommendation and the minutes. */
export function describeBreach(b: AuthorityBreach): string {
  switch (b.kind) {
    case 'hours':
      return `${hours(b.actual)} er over grænsen på ${hours(b.limit)} for ${formatParagraph(b.paragraph)}`;
    case 'yearly_cost':
      return `Årlig udgift ${formatKroner(b.actual)} er over grænsen på ${formatKroner(b.limit)} for ${formatParagraph(b.paragraph)}`;
    case 'external':
      return `Ekstern leverandør under ${formatParagraph(b.paragraph)} kræver udvalgets godkendelse`;
  }
}

/** "§ 85: op til 5 t/uge, op til 150.000 kr. om året, kun interne leverandører". */
export function describeLimit(l: Pick<AuthorityLimit, 'paragraph' | 'maxHoursPerWeek' | 'maxYearlyCost' | 'externalAllowed'>): string {
  const parts = [
    l.maxHoursPerWeek !== null ? `op til ${hours(l.maxHoursPerWeek)}` : null,
    l.maxYearlyCost !== null ? `op til ${formatKroner(l.maxYearlyCost)} om året` : null,
    l.externalAllowed ? 'også eksterne leverandører' : 'kun interne leverandører',
  ].filter((p): p is string => p !== null);
  return `${l.paragraph === null ? 'Alle paragraffer' : formatParagraph(l.paragraph)}: ${parts.join(', ')}`;
}
