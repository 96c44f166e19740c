// Methods of the flow feature: flow metrics, caseload and the weekly flow review.
import { z } from 'zod';
import type { ColumnKind, IsoDate } from '../../domain';
import type {
  CaseloadStatus, CaseloadTotals, CfdPoint, CycleTimeSummary, DayCount, FlowReport, HowManyForecast, WeekCount, WhenForecast,
} from '../../flow';
import { CASE_READERS, id, LEADERS, method } from '../define';
import { isoDate, paragraph, shortText } from '../schemas';

export interface FlowColumn {
  id: number;
  name: string;
  kind: ColumnKind;
  position: number;
}

export interface CycleTimePoint {
  caseId: number;
  start: IsoDate;
  finish: IsoDate;
  cycleTime: number;
  blockedDays: number;
}

export interface AgeingItem {
  caseId: number;
  caseNumber: string;
  columnId: number;
  start: IsoDate;
  age: number;
  blocked: boolean;
  blockedReason: string | null;
  assigneeInitials: string | null;
}

export interface BlockedReasonTotal {
  reason: string;
  periods: number;
  days: number;
}

export interface BlockedItem {
  caseId: number;
  caseNumber: string;
  reason: string | null;
  from: IsoDate;
  to: IsoDate | null;
  /** Elapsed days blocked inside the period (open periods run to its end). */
  days: number;
}

export interface FlowDashboard {
  /** null: the whole department (every team's cases together). */
  teamId: number | null;
  today: IsoDate;
  report: FlowReport;
  /**
   * The team's board columns; for the department, the groups of the teams' columns (ids 1, 2, ...):
   * by name when every board has the same columns in the same order, else by kind (docs/flow.md).
   */
  columns: FlowColumn[];
  columnGrouping: 'team' | 'name' | 'kind';
  cfd: CfdPoint[];
  cycleTimes: CycleTimePoint[];
  throughputPerDay: DayCount[];
  throughputPerWeek: WeekCount[];
  wipPerDay: DayCount[];
  /** Today's work in progress, oldest first, with the column each item is in now. */
  ageing: AgeingItem[];
  /** Cycle-time percentiles of the last 12 weeks: the yardstick the ageing chart measures against. */
  recentCycleTime: CycleTimeSummary;
  blocked: { byReason: BlockedReasonTotal[]; periods: BlockedItem[]; totalDays: number };
  forecast: {
    runs: number;
    seed: number;
    sampleFrom: IsoDate;
    sampleTo: IsoDate;
    /** Mean finished per day in the sample window. */
    sampleMean: number;
    howMany: HowManyForecast & { target: IsoDate };
    when: WhenForecast;
  };
}

export interface CaseloadRow {
  personId: number;
  name: string;
  initials: string;
  norm: number | null;
  /** The caseload (docs/flow.md): Σ held cases × their paragraph's weight. */
  weighted: number;
  /** The same held cases counted one each ("Antal sager (uvægtet)"): not finished on the board, or finished with a grant still running. */
  activeCases: number;
  status: CaseloadStatus;
  deadlinesAtRisk: number;
  overdueFollowUps: number;
  byParagraph: { paragraph: string; count: number }[];
}

export interface DeadlineItem {
  caseId: number;
  caseNumber: string;
  paragraph: string;
  assigneeId: number | null;
  assigneeName: string | null;
  columnName: string;
  legalDeadline: IsoDate;
  /** Negative when the deadline has passed. */
  daysLeft: number;
}

export interface FollowUpItem {
  grantId: number;
  caseId: number;
  caseNumber: string;
  paragraph: string;
  assigneeId: number | null;
  assigneeName: string | null;
  nextFollowUp: IsoDate;
  daysOverdue: number;
}

export interface CaseloadWeight {
  paragraph: string;
  label: string;
  weight: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** One team's caseload: each caseworker's and the team's line (shared/flow.ts teamCaseload). */
export interface CaseloadTeam {
  teamId: number;
  team: string;
  rows: CaseloadRow[];
  totals: CaseloadTotals;
  /** The team's open cases with a legal deadline at risk, and its overdue follow-ups (also those without a caseworker). */
  deadlinesAtRisk: number;
  overdueFollowUps: number;
}

export interface TeamCaseload extends Omit<CaseloadTeam, 'deadlinesAtRisk' | 'overdueFollowUps'> {
  scope: 'team';
  today: IsoDate;
  weights: CaseloadWeight[];
  deadlines: DeadlineItem[];
  overdueFollowUps: FollowUpItem[];
}

/** The whole department (getCaseload without teamId): every team's caseload and the sum. */
export interface DepartmentCaseload {
  scope: 'department';
  teamId: null;
  today: IsoDate;
  teams: CaseloadTeam[];
  totals: CaseloadTotals;
  weights: CaseloadWeight[];
}

export type Caseload = TeamCaseload | DepartmentCaseload;

/** The cases behind one caseworker's caseload in a team (null: the held cases nobody has), for the drill-down. */
export interface CaseloadCases {
  teamId: number;
  team: string;
  personId: number | null;
  name: string | null;
  today: IsoDate;
  /** Σ of the weights below: the person's weighted caseload in this team. */
  weighted: number;
  cases: {
    caseId: number;
    caseNumber: string;
    paragraph: string;
    weight: number;
    columnName: string;
    /** Finished on the board and held because a grant still runs. */
    done: boolean;
    legalDeadline: IsoDate | null;
  }[];
}

export interface ReviewNote {
  id: number;
  weekStart: IsoDate;
  kind: 'decision' | 'note';
  text: string;
  createdBy: string | null;
  createdAt: string;
}

export interface WeeklyReview {
  teamId: number;
  team: string;
  weekStart: IsoDate;
  weekEnd: IsoDate;
  /** The day the figures are taken on: the week's end, or today while the week is running. */
  asOf: IsoDate;
  finished: { caseId: number; caseNumber: string; finish: IsoDate; cycleTime: number; assigneeName: string | null }[];
  finishedLastWeek: number;
  blocked: { caseId: number; caseNumber: string; reason: string | null; since: IsoDate | null; days: number; assigneeName: string | null }[];
  /** WIP older than the 85th percentile cycle time of the last 12 weeks. */
  ageingOutliers: (AgeingItem & { columnName: string })[];
  ageingThreshold: number | null;
  deadlines: DeadlineItem[];
  caseloadOutliers: CaseloadRow[];
  notes: ReviewNote[];
  previousNotes: ReviewNote[];
}

const period = { teamId: id.optional(), from: isoDate, to: isoDate };
const periodCheck = (v: { from: string; to: string }) => v.from <= v.to;
const periodMessage = { message: 'input.period', path: ['to'] };

export const flowMethods = {
  getFlowReport: method<FlowReport & { teamId: number | null }>()(
    z.object(period).strict().refine(periodCheck, periodMessage),
    { write: false, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } }, summary: 'A team\'s flow over a period: throughput per week, cycle-time percentiles, WIP and WIP ages at the end; without teamId the whole department\'s (department-wide roles only).' },
  ),
  getFlowDashboard: method<FlowDashboard>()(
    z
      .object({
        ...period,
        forecastDate: isoDate.optional(),
        forecastItems: z.number().int().min(1).max(100_000).optional(),
        seed: z.number().int().min(0).max(2 ** 31).optional(),
      })
      .strict()
      .refine(periodCheck, periodMessage),
    { write: false, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } }, summary: 'Everything the flow dashboard draws: cumulative flow, cycle-time scatter, throughput, ageing WIP, blocked time, Monte Carlo forecasts; without teamId the whole department\'s (department-wide roles only).' },
  ),
  getCaseload: method<Caseload>()(z.object({ teamId: id.optional() }).strict(), {
    write: false,
    access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } },
    summary: 'The weighted caseload per caseworker against the norm, with the unweighted count beside it, deadlines at risk and overdue follow-ups; without teamId every team\'s (department-wide roles only).',
  }),
  getCaseloadCases: method<CaseloadCases>()(z.object({ teamId: id, personId: id.nullable() }).strict(), {
    write: false,
    access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } },
    lookup: { purpose: 'Sagstal pr. rådgiver', list: (r) => ({ teamId: r.teamId, count: r.cases.length }) },
    summary: 'The cases one caseworker holds in a team (null: the held cases nobody has), each with its weight: the drill-down behind the caseload.',
  }),
  setCaseloadWeight: method<CaseloadWeight>()(
    z.object({ paragraph, weight: z.number().gt(0).max(10) }).strict(),
    { write: true, access: { roles: ['department_head'] }, summary: 'Sets a paragraph\'s caseload weight (the department head only; the weights hold for every team).' },
  ),
  getWeeklyReview: method<WeeklyReview>()(z.object({ teamId: id, weekStart: isoDate.optional() }).strict(), { write: false, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } }, summary: 'The weekly flow review\'s agenda for a team and week, with last week\'s decisions.' }),
  addReviewNote: method<ReviewNote>()(
    z
      .object({
        teamId: id,
        weekStart: isoDate,
        kind: z.enum(['decision', 'note']),
        text: shortText(4000),
      })
      .strict(),
    { write: true, access: { roles: LEADERS, team: { from: 'team', field: 'teamId' } }, summary: 'Saves a decision or note on the weekly flow review.' },
  ),
};
