// The visitation committee (visitationsudvalg, seed 001): which meeting a case awaiting decision
// goes to, the order of the agenda, the decisions' outcomes, and the figures of revisitation
// campaigns and the committee dashboard. Pure: the service fetches rows, this decides.
import type { IsoDate } from './domain';
import { daysBetween } from './dates';

export const DECISION_OUTCOMES = ['approved', 'approved_with_changes', 'rejected', 'postponed'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const OUTCOME_LABELS: Record<DecisionOutcome, string> = {
  approved: 'Godkendt',
  approved_with_changes: 'Godkendt med ændringer',
  rejected: 'Afslået',
  postponed: 'Udsat',
};

/** Approved, with or without changes: the grant becomes active. */
export function grantsOnApproval(outcome: DecisionOutcome): boolean {
  return outcome === 'approved' || outcome === 'approved_with_changes';
}

export interface OpenMeeting {
  id: number;
  date: IsoDate;
}

/**
 * The meeting a case awaiting decision goes to: the first open meeting on or after the day it
 * became ready (proposed, or the day after the meeting that postponed it). null: none planned yet.
 */
export function meetingFor(readyFrom: IsoDate, meetings: readonly OpenMeeting[]): OpenMeeting | null {
  let best: OpenMeeting | null = null;
  for (const m of meetings) {
    if (m.date < readyFrom) continue;
    if (!best || m.date < best.date || (m.date === best.date && m.id < best.id)) best = m;
  }
  return best;
}

export interface AgendaCandidate {
  caseId: number;
  /** The case's legal processing deadline; null sorts last (no deadline, e.g. a revisitation). */
  legalDeadline: IsoDate | null;
  /** Yearly cost of what the committee is asked to decide (the proposal, or the grant revisited). */
  yearlyCost: number;
  caseNumber: string;
}

/** Agenda order (issue #11): by legal deadline, earliest first, then by yearly cost, most expensive first. */
export function compareAgenda(a: AgendaCandidate, b: AgendaCandidate): number {
  if (a.legalDeadline !== b.legalDeadline) {
    if (a.legalDeadline === null) return 1;
    if (b.legalDeadline === null) return -1;
    return a.legalDeadline < b.legalDeadline ? -1 : 1;
  }
  if (a.yearlyCost !== b.yearlyCost) return b.yearlyCost - a.yearlyCost;
  return a.caseNumber.localeCompare(b.caseNumber, 'da', { numeric: true });
}

export function orderAgenda<T extends AgendaCandidate>(items: readonly T[]): T[] {
  return [...items].sort(compareAgenda);
}

// ---------------------------------------------------------------------------------------------
// Revisitation campaigns

export interface CampaignGrantResult {
  /** Yearly cost when the campaign picked the grant. */
  yearlyBefore: number;
  /** Yearly cost after the revisitation; null while not yet revisited. */
  yearlyAfter: number | null;
}

export interface CampaignProgress {
  total: number;
  revisited: number;
  /** Revisited grants whose yearly cost changed. */
  changed: number;
  /** Σ (before − after) over revisited grants, kroner per year; negative if revisits raised costs. */
  savingsPerYear: number;
}

export function campaignProgress(grants: readonly CampaignGrantResult[]): CampaignProgress {
  let revisited = 0;
  let changed = 0;
  let savings = 0;
  for (const g of grants) {
    if (g.yearlyAfter === null) continue;
    revisited++;
    // Øre differences from re-rounded takster are not a change the leader should count.
    if (Math.abs(g.yearlyBefore - g.yearlyAfter) >= 0.005) changed++;
    savings += g.yearlyBefore - g.yearlyAfter;
  }
  return { total: grants.length, revisited, changed, savingsPerYear: savings };
}

export type CampaignOrder = 'cost_desc' | 'age_desc';

export interface CampaignCriteria {
  paragraph: string | null;
  providerType: 'internal' | 'external' | null;
  /** Substring of the provider's name, case-insensitive. */
  provider: string | null;
  minYearlyCost: number | null;
  /** Grants started at least this many months before today. */
  minAgeMonths: number | null;
  order: CampaignOrder;
  limit: number;
}

export interface CampaignCandidate {
  grantId: number;
  paragraph: string;
  provider: string;
  providerType: 'internal' | 'external';
  yearlyCost: number;
  startDate: IsoDate;
}

/** The grants a campaign picks: filtered by its criteria, most expensive (or oldest) first, at most `limit`. */
export function selectCampaignGrants<T extends CampaignCandidate>(candidates: readonly T[], c: CampaignCriteria, startedBy: IsoDate | null): T[] {
  const provider = c.provider?.trim().toLocaleLowerCase('da') || null;
  return candidates
    .filter((g) =>
      (c.paragraph === null || g.paragraph === c.paragraph)
      && (c.providerType === null || g.providerType === c.providerType)
      && (provider === null || g.provider.toLocaleLowerCase('da').includes(provider))
      && (c.minYearlyCost === null || g.yearlyCost >= c.minYearlyCost)
      && (startedBy === null || g.startDate <= startedBy))
    .sort((a, b) => c.order === 'age_desc'
      ? (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : b.yearlyCost - a.yearlyCost)
      : b.yearlyCost - a.yearlyCost || (a.startDate < b.startDate ? -1 : 1))
    .slice(0, c.limit);
}

// ---------------------------------------------------------------------------------------------
// Dashboard

export interface DecidedCase {
  paragraph: string;
  outcome: DecisionOutcome;
  /** When the first recommendation (or the proposal) was written; null when neither exists. */
  recommendedOn: IsoDate | null;
  decidedOn: IsoDate;
}

export interface ParagraphApproval {
  paragraph: string;
  approved: number;
  rejected: number;
  /** approved ÷ (approved + rejected); postponements are not decisions on the grant. */
  rate: number | null;
}

export function approvalByParagraph(decisions: readonly DecidedCase[]): ParagraphApproval[] {
  const by = new Map<string, { approved: number; rejected: number }>();
  for (const d of decisions) {
    if (d.outcome === 'postponed') continue;
    const p = by.get(d.paragraph) ?? { approved: 0, rejected: 0 };
    if (grantsOnApproval(d.outcome)) p.approved++;
    else p.rejected++;
    by.set(d.paragraph, p);
  }
  return [...by]
    // A paragraph is counted only from a decision on the grant, so approved + rejected is never 0 here.
    .map(([paragraph, p]) => ({ paragraph, ...p, rate: p.approved / (p.approved + p.rejected) }))
    .sort((a, b) => a.paragraph.localeCompare(b.paragraph, 'da', { numeric: true }));
}

/** Days from recommendation to final decision (postponements wait for the later decision): median and max. */
export function daysToDecision(decisions: readonly DecidedCase[]): { count: number; median: number | null; max: number | null } {
  const days = decisions
    .filter((d) => d.outcome !== 'postponed' && d.recommendedOn !== null)
    .map((d) => Math.max(0, daysBetween(d.recommendedOn!, d.decidedOn)))
    .sort((a, b) => a - b);
  if (days.length === 0) return { count: 0, median: null, max: null };
  const mid = days.length >> 1;
  return { count: days.length, median: days.length % 2 ? days[mid]! : (days[mid - 1]! + days[mid]!) / 2, max: days[days.length - 1]! };
}
