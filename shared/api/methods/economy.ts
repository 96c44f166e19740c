// Methods of the economics feature; the contract spreads them in (shared/api/contract.ts).
// getBottomLine is also called by the weekly flow review and the wall screen.
import { z } from 'zod';
import type { Grant, IsoDate, ProviderType, TakstUnit } from '../../domain';
import type { BottomLineStatus, SupportGoal, TakstCategory } from '../../economics';
import { SUPPORT_GOALS } from '../../economics';
import { CASE_READERS, id, LEADERS, method } from '../define';
import { isoDate, paragraph, providerType, shortText, takstUnit } from '../schemas';
import type { AwaitingCommittee } from './committee';

export interface TeamBottomLine {
  teamId: number;
  team: string;
  budget: number;
  spent: number;
  committed: number;
  forecast: number;
  bottomLine: number;
  pipeline: number;
  /** |bottom line| within this many kroner is "på nul". */
  toleranceAmount: number;
  status: BottomLineStatus;
}

/** Amounts in kroner rounded to øre, exactly as `report bottom-line --json` prints them. */
export interface BottomLineReport {
  asOf: IsoDate;
  year: number;
  teams: TeamBottomLine[];
}

export interface BottomLineMonth {
  /** 1–12 */
  month: number;
  /** The budget spread evenly over the days of the year, cumulative to the month's end. */
  budgetCumulative: number;
  /** Cumulative cost up to the month's end, or the as-of date in its month; null after the as-of month. */
  spentCumulative: number | null;
  forecastCumulative: number;
}

export interface BottomLineChart {
  teamId: number;
  year: number;
  asOf: IsoDate;
  budget: number;
  months: BottomLineMonth[];
  /** The team's forecast and budget by paragraph (budget null where none is set per paragraph). */
  paragraphs: { paragraph: string; budget: number | null; forecast: number }[];
}

export type MoverKind = 'new' | 'ended' | 'takst' | 'changed';

export interface BottomLineMover {
  id: number;
  onDate: IsoDate;
  kind: MoverKind;
  caseId: number;
  caseNumber: string;
  grantId: number;
  description: string;
  actorName: string | null;
  /** Change of the year's forecast; the bottom line moves by minus this. */
  forecastEffect: number;
  yearlyBefore: number | null;
  yearlyAfter: number | null;
}

export interface CaseworkerTakst {
  personId: number;
  name: string;
  initials: string;
  teamId: number | null;
  /** Yearly cost of the active grants on cases assigned to the caseworker. */
  yearlyCost: number;
  grantCount: number;
  newThisMonth: number;
  endedThisMonth: number;
  /** Share of the yearly cost going to internal providers (0–1); null without grants. */
  internalShare: number | null;
  medians: { paragraph: string; unit: TakstUnit; median: number; departmentMedian: number; count: number; outlier: boolean }[];
}

export interface TakstResponsibility {
  asOf: IsoDate;
  caseworkers: CaseworkerTakst[];
  departmentMedians: { paragraph: string; unit: TakstUnit; median: number; count: number }[];
}

export interface CatalogueEntry {
  serviceId: number;
  providerId: number;
  paragraph: string;
  service: string;
  unit: TakstUnit;
  provider: string;
  providerType: ProviderType;
  /** The price in force on the catalogue date; null before its first price. */
  takst: number | null;
  validFrom: IsoDate | null;
  /** Every dated price, newest first. */
  history: { validFrom: IsoDate; takst: number; recordedAt: string; recordedBy: string | null }[];
}

export interface TakstCatalogue {
  date: IsoDate;
  entries: CatalogueEntry[];
  categories: TakstCategory[];
}

export interface GrantView extends Grant {
  followUpMonths: number | null;
  supportGoal: SupportGoal | null;
  yearlyCost: number;
  /** Takst category for hour grants (hours per week); null for other units. */
  category: { code: string; label: string } | null;
  activeToday: boolean;
}

export interface CaseEconomy {
  caseId: number;
  teamId: number;
  paragraph: string;
  grants: GrantView[];
}

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

export interface BudgetOverview {
  teamId: number;
  year: number;
  amount: number | null;
  paragraphs: { paragraph: string; amount: number }[];
  history: { id: number; year: number; paragraph: string | null; amount: number; previous: number | null; setAt: string; setBy: string | null }[];
}

const money = z.number().finite().min(0).max(1e11);
const year = z.number().int().min(2000).max(2100);

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
    message: 'Slutdatoen må ikke ligge før startdatoen',
    path: ['endDate'],
  });
export type GrantFields = z.output<typeof grantFields>;

export const economyMethods = {
  getBottomLine: method<BottomLineReport>()(z.object({ asOf: isoDate, teamId: id.optional() }).strict(), { write: false, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } }, summary: "Budget, spent, committed, forecast, bottom line and pipeline per team as of a date (\"nul på bundlinjen\")." }),
  getBottomLineChart: method<BottomLineChart>()(z.object({ asOf: isoDate, teamId: id }).strict(), { write: false, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } }, summary: 'A team\'s budget against cumulative spend and forecast, month by month.' }),
  getBottomLineMovers: method<BottomLineMover[]>()(
    z.object({ teamId: id, since: isoDate, asOf: isoDate, limit: z.number().int().min(1).max(500).optional() }).strict(),
    { write: false, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } }, summary: 'What moved a team\'s bottom line since a date (new, ended and re-priced grants), largest first.' },
  ),
  getTakstResponsibility: method<TakstResponsibility>()(z.object({ asOf: isoDate, teamId: id.optional() }).strict(), { write: false, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } }, summary: 'Per caseworker: yearly cost of the active grants they are responsible for, counts, internal share and takst outliers.' }),
  getTakstCatalogue: method<TakstCatalogue>()(z.object({ date: isoDate.optional() }).strict(), { write: false, access: { roles: CASE_READERS }, summary: 'Services and providers with their dated internal and external takster, and the takst categories.' }),
  setTakstPrice: method<CatalogueEntry>()(
    z.object({ serviceId: id, providerId: id, takst: money, validFrom: isoDate }).strict(),
    { write: true, access: { roles: ['department_head'] }, summary: 'Records a provider\'s new takst from a date (leaders only).' },
  ),
  getCaseEconomy: method<CaseEconomy>()(z.object({ caseId: id }).strict(), { write: false, access: { roles: CASE_READERS, team: { from: 'case', field: 'caseId' } }, lookup: { purpose: 'Sagens økonomi', cases: (_r, input) => ({ caseIds: [(input as { caseId: number }).caseId] }) }, summary: 'A case\'s grants with yearly cost and takst category, and its team\'s bottom line.' }),
  previewGrant: method<GrantPreview>()(
    z.object({ caseId: id, grantId: id.optional(), grant: grantFields }).strict(),
    { write: false, access: { roles: CASE_READERS, team: { from: 'case', field: 'caseId' } }, summary: 'What a grant change would do to its yearly cost and to the team\'s bottom line, without saving.' },
  ),
  createGrant: method<GrantView | AwaitingCommittee>()(
    z.object({ caseId: id, grant: grantFields }).strict(),
    { write: true, access: { roles: ['caseworker', 'leader', 'department_head'], team: { from: 'case', field: 'caseId' } }, summary: 'Grants a service on a case (subject to grant authority).' },
  ),
  updateGrant: method<GrantView | AwaitingCommittee>()(
    z.object({ grantId: id, grant: grantFields, reason: z.string().trim().max(500).optional() }).strict(),
    { write: true, access: { roles: ['caseworker', 'leader', 'department_head'], team: { from: 'grant', field: 'grantId' } }, summary: 'Changes a grant (subject to grant authority); every changed field is logged.' },
  ),
  endGrant: method<GrantView>()(
    z.object({ grantId: id, endDate: isoDate, reason: z.string().trim().max(500).optional() }).strict(),
    { write: true, access: { roles: ['caseworker', 'leader', 'department_head'], team: { from: 'grant', field: 'grantId' } }, summary: 'Ends a grant on a date.' },
  ),
  getBudget: method<BudgetOverview>()(z.object({ teamId: id, year }).strict(), { write: false, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } }, summary: 'A team\'s budget for a year, per paragraph where set, with its history.' }),
  setBudget: method<BudgetOverview>()(
    z.object({ teamId: id, year, amount: money, paragraph: paragraph.optional() }).strict(),
    { write: true, access: { roles: LEADERS, team: { from: 'team', field: 'teamId' } }, summary: 'Sets a team\'s budget for a year (leaders only); the history is kept.' },
  ),
};
