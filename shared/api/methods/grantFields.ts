// The grant as the API takes it in: one definition for the grant editor (economy), the visitation
// committee's proposals and decisions, and what a grant would do to the bottom line. Its own file
// so that economy.ts and committee.ts both use it without importing each other.
import { z } from 'zod';
import type { GrantTerms } from '../../domain';
import { SUPPORT_GOALS, type BottomLineStatus, type SupportGoal } from '../../economics';
import { isoDate, money, paragraph, providerType, shortText, takstUnit } from '../schemas';

/** What a grant is made of, as the card detail edits it. */
export const grantFields = z
  .object({
    paragraph,
    service: shortText(200),
    provider: shortText(200),
    providerType,
    takst: money,
    takstUnit,
    /** Hours per week for hour takster; a multiplier for the other units. */
    quantity: z.number().finite().min(0).max(10_000),
    startDate: isoDate,
    endDate: isoDate.nullable(),
    followUpMonths: z.number().int().min(1).max(60).nullable(),
    supportGoal: z.enum(SUPPORT_GOALS).nullable(),
  })
  .strict()
  .refine((g) => g.endDate === null || g.endDate >= g.startDate, {
    message: 'input.grantPeriod',
    path: ['endDate'],
  });
export type GrantFields = z.output<typeof grantFields>;

/** The follow-up a grant is given beside its terms. */
export interface GrantFollowUpSettings {
  followUpMonths: number | null;
  supportGoal: SupportGoal | null;
}

// The schema lists exactly the domain's grant terms and the follow-up settings: a field added to
// one and not the other fails to compile here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const GRANT_FIELDS_MATCH_TERMS: Same<GrantFields, GrantTerms & GrantFollowUpSettings> = true;

export interface GrantPreview {
  yearlyBefore: number | null;
  yearlyAfter: number | null;
  /** Change of this year's team forecast. */
  forecastEffect: number;
  bottomLineBefore: number;
  bottomLineAfter: number;
  statusBefore: BottomLineStatus;
  statusAfter: BottomLineStatus;
  category: { code: string; label: string } | null;
  /** Follow-up interval the category (or paragraph) suggests, in months. */
  suggestedFollowUpMonths: number | null;
  year: number;
}
