// Methods of the economics feature; the contract spreads them in (shared/api/contract.ts).
// getBottomLine is also called by the weekly flow review and the wall screen.
import { z } from 'zod';
import type { Grant, IsoDate, ProviderType, TakstUnit } from '../../domain';
import type { BottomLineStatus, SupportGoal, TakstCategory } from '../../economics';
import { CASE_READERS, id, LEADERS, method } from '../define';
import { isoDate, money, paragraph } from '../schemas';
import type { AwaitingCommittee } from './committee';
import { grantFields, type GrantPreview } from './grantFields';

/** The figures a team and the department both have. */
export interface BottomLineTotals {
  budget: number;
  spent: number;
  committed: number;
  forecast: number;
  bottomLine: number;
  pipeline: number;
  /** |bottom line| within this many kroner is "på nul". */
  toleranceAmount: number;
  status: BottomLineStatus;
  /**
   * How far the bottom line has moved since the end of the day a week (7 days), a month and the
   * year's start (31 December before) earlier: bottom line as known on the as-of date minus the
   * bottom line of the same year as known then. Equal to minus the sum of the ledger's forecast
   * effects known in between (docs/economics.md).
   */
  sinceLastWeek: number;
  sinceLastMonth: number;
  sinceYearStart: number;
}

export interface TeamBottomLine extends BottomLineTotals {
  teamId: number;
  team: string;
}

/** The department: its teams plus its own lines (management, secretariat, shared costs). */
export interface DepartmentBottomLine extends BottomLineTotals {
  /** The teams alone, without the department's own lines. */
  teamsBudget: number;
  teamsForecast: number;
  lines: { label: string; budget: number; spent: number; committed: number; forecast: number; bottomLine: number }[];
}

/**
 * Amounts in kroner (whole øre), exactly as `report bottom-line --json` prints them; every
 * figure as known at the end of the as-of date.
 */
export interface BottomLineReport {
  asOf: IsoDate;
  year: number;
  teams: TeamBottomLine[];
  /** Only when no team is asked for. */
  department?: DepartmentBottomLine;
}

export interface BottomLineWeek {
  /** 0 = as the year began (the end of 31 December before), then one point every seventh day. */
  week: number;
  date: IsoDate;
  forecast: number;
  /** Budget − forecast as known at the end of `date`. */
  bottomLine: number;
}

export interface BottomLineSeries {
  asOf: IsoDate;
  /** null: the whole department. */
  teamId: number | null;
  year: number;
  budget: number;
  forecast: number;
  bottomLine: number;
  toleranceAmount: number;
  status: BottomLineStatus;
  sinceLastWeek: number;
  sinceLastMonth: number;
  sinceYearStart: number;
  thisYear: { year: number; budget: number; toleranceAmount: number; points: BottomLineWeek[] };
  /** The same weeks of last year, the whole year, as known then. */
  lastYear: { year: number; budget: number; toleranceAmount: number; points: BottomLineWeek[] };
}

export type ChangeKind = 'new' | 'ended' | 'volume' | 'price';

export interface DecompositionGrant {
  grantId: number;
  caseId: number;
  caseNumber: string;
  caseworker: string | null;
  paragraph: string;
  description: string;
  /** This part's change of the year's forecast. */
  effect: number;
  yearlyBefore: number | null;
  yearlyAfter: number | null;
}

export interface ExpensiveCase {
  caseId: number;
  caseNumber: string;
  caseworker: string | null;
  paragraphs: string[];
  grants: number;
  yearlyCost: number;
  costThisYear: number;
}

/** KL's quarterly budget follow-up: what the change is made of, and the particularly expensive single cases. */
export interface BottomLineDecomposition {
  teamId: number;
  team: string;
  year: number;
  from: IsoDate;
  asOf: IsoDate;
  forecastFrom: number;
  forecastTo: number;
  /** forecastTo − forecastFrom = the sum of the four lines. */
  change: number;
  lines: { kind: ChangeKind; total: number; grants: DecompositionGrant[] }[];
  expensiveFrom: number;
  expensive: ExpensiveCase[];
}

export interface DrillGrant {
  grantId: number;
  caseId: number;
  caseNumber: string;
  paragraph: string;
  service: string;
  provider: string;
  providerType: ProviderType;
  startDate: IsoDate;
  endDate: IsoDate | null;
  yearlyCost: number;
  spent: number;
  forecast: number;
}

/** Team → caseworker → grant → case: the team's forecast by the caseworker responsible for the case. */
export interface BottomLineDrill {
  teamId: number;
  year: number;
  asOf: IsoDate;
  caseworkers: { personId: number | null; name: string; spent: number; forecast: number; grants: DrillGrant[] }[];
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
  /** Who wrote it: 'app', 'committee', 'import', 'demo' (null for entries from before issue 16). */
  source: string | null;
}

/** Takster are compared like with like: the same paragraph, unit, service, takst category and provider type. */
export interface TakstGroup {
  paragraph: string;
  unit: TakstUnit;
  service: string;
  /** Syddjurs takst category code for hour grants, else null. */
  category: string | null;
  providerType: ProviderType;
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
  medians: (TakstGroup & {
    median: number; departmentMedian: number; count: number; outlier: boolean; direction: 'above' | 'below' | null;
    /** The cases of the grants behind the median, so a takst that stands out can be opened. */
    cases: { caseId: number; caseNumber: string; teamId: number }[];
  })[];
}

export interface TakstResponsibility {
  asOf: IsoDate;
  caseworkers: CaseworkerTakst[];
  departmentMedians: (TakstGroup & { median: number; count: number })[];
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

export interface BudgetOverview {
  teamId: number;
  year: number;
  amount: number | null;
  paragraphs: { paragraph: string; amount: number }[];
  history: { id: number; year: number; paragraph: string | null; amount: number; previous: number | null; setAt: string; setBy: string | null }[];
}

const year = z.number().int().min(2000).max(2100);

export const economyMethods = {
  getBottomLine: method<BottomLineReport>()(z.object({ asOf: isoDate, teamId: id.optional() }).strict(), { write: false, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } }, summary: "Budget, spent, committed, forecast, bottom line and pipeline per team as of a date (\"nul på bundlinjen\")." }),
  getBottomLineSeries: method<BottomLineSeries>()(
    z.object({ asOf: isoDate, teamId: id.optional() }).strict(),
    {
      write: false, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } },
      summary: 'A team\'s (or without teamId the department\'s) bottom line week by week since 1 January as known each week, beside last year\'s, with the changes since last week, last month and 1 January.',
    },
  ),
  getBottomLineDecomposition: method<BottomLineDecomposition>()(
    z.object({ teamId: id, from: isoDate, asOf: isoDate, expensiveFrom: z.number().finite().min(0).max(1e10).optional() }).strict(),
    {
      write: false, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } },
      summary: 'What a team\'s forecast change between two dates is made of (new and ended grants, volume, price) with the grants behind each line, and the particularly expensive single cases.',
    },
  ),
  getBottomLineDrill: method<BottomLineDrill>()(
    z.object({ teamId: id, asOf: isoDate }).strict(),
    {
      write: false, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } },
      // Lists each caseworker's grants by case number: logged as a list of the team's grants.
      lookup: { purpose: 'Bundlinjen pr. sagsbehandler', list: (d) => ({ teamId: d.teamId, count: d.caseworkers.reduce((n, c) => n + c.grants.length, 0) }) },
      summary: 'A team\'s spent and forecast by caseworker, with each caseworker\'s grants and cases, as known at the end of the as-of date.',
    },
  ),
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
    z.object({ caseId: id, grant: grantFields, confirmHighTakst: z.boolean().optional() }).strict(),
    { write: true, access: { roles: ['caseworker', 'leader', 'department_head'], team: { from: 'case', field: 'caseId' } }, summary: 'Grants a service on a case (subject to grant authority).' },
  ),
  updateGrant: method<GrantView | AwaitingCommittee>()(
    z.object({ grantId: id, grant: grantFields, reason: z.string().trim().max(500).optional(), confirmHighTakst: z.boolean().optional() }).strict(),
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
