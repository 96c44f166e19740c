// Follow-ups and revisitations as work items of their own (issue 17, item 1; docs/pull-list.md).
// Pulling one from a decided case creates a new case row, the item, beside the decided case: the
// decision, its legal deadline and its history stay as they were. Closing the item records an
// outcome with KL's Fælles Faglige Begreber codes, and the outcome says what happens to the grant.
import { addDays, addMonths } from './dates';
import type { IsoDate } from './domain';

export const FOLLOW_UP_ITEM_KINDS = ['follow_up', 'revisitation'] as const;
export type FollowUpItemKind = (typeof FOLLOW_UP_ITEM_KINDS)[number];

export const FOLLOW_UP_ITEM_KIND_LABELS: Record<FollowUpItemKind, string> = {
  follow_up: 'Opfølgning',
  revisitation: 'Revisitation',
};

export const FOLLOW_UP_OUTCOMES = ['continue', 'change_within_frame', 'end', 'revisit'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/** KL's Fælles Faglige Begreber's follow-up codes. */
export const FOLLOW_UP_OUTCOME_LABELS: Record<FollowUpOutcome, string> = {
  continue: 'Fortsættes',
  change_within_frame: 'Ændres inden for rammen',
  end: 'Afsluttes',
  revisit: 'Revisitation',
};

/** A follow-up item as the case detail shows it. */
export interface FollowUpItem {
  caseId: number;
  kind: FollowUpItemKind;
  originCaseId: number;
  originCaseNumber: string;
  grantId: number | null;
  dueDate: IsoDate;
  outcome: FollowUpOutcome | null;
  outcomeNote: string | null;
  closedAt: string | null;
  closedByName: string | null;
}

/**
 * The case number of a follow-up item: the decided case's number with "-O" and the item's place
 * among that case's items ("2025-000182-O1", "-O2", …), so the number itself says what it follows up.
 */
export function followUpCaseNumber(originCaseNumber: string, itemsBefore: number): string {
  return `${originCaseNumber}-O${itemsBefore + 1}`;
}

/** When no processing time applies (§ 12 has none), a revisitation is due as a follow-up would be. */
export const REVISITATION_FALLBACK_DAYS = 30;

/**
 * The deadline of a follow-up item: a follow-up's own date when it has one; otherwise (a
 * revisitation) today plus the paragraph's processing time, or REVISITATION_FALLBACK_DAYS without one.
 */
export function followUpItemDeadline(followUpDate: IsoDate | null, today: IsoDate, processingDeadline: IsoDate | null): IsoDate {
  return followUpDate ?? processingDeadline ?? addDays(today, REVISITATION_FALLBACK_DAYS);
}

/**
 * The grant's next follow-up after "Fortsættes" or "Ændres inden for rammen": the old date plus the
 * grant's interval, as many intervals as it takes to land after today (an item closed long after
 * its date does not fall due again at once); null when the grant has ended by then.
 */
export function nextFollowUpAfter(oldDue: IsoDate, months: number, today: IsoDate, endDate: IsoDate | null): IsoDate | null {
  // Counted from the old date each time, so a date at a month's end does not drift (31.01 → 30.04 → 31.07).
  let intervals = 1;
  let next = addMonths(oldDue, months);
  while (next <= today) next = addMonths(oldDue, months * ++intervals);
  // Stryker disable next-line ConditionalExpression: without an end date `next > null` is false in JavaScript, so the null test only says it plainly.
  return endDate !== null && next > endDate ? null : next;
}

/** What closing with an outcome does besides closing the item, for the answer and the client. */
export type FollowUpEffect =
  | { kind: 'next_follow_up'; nextFollowUp: IsoDate | null }
  | { kind: 'open_grant_editor'; nextFollowUp: IsoDate | null }
  | { kind: 'grant_ended'; endDate: IsoDate }
  | { kind: 'revisitation_opened'; caseId: number; caseNumber: string };
