// Methods of the flow analytics of issue 18: legal-deadline compliance, blocker categories and
// clusters, flow efficiency, ageing against pace, the cycle-time heat map, forecast checks, the
// working-day calendar and service levels per column, and the weekly review's saved views.
import { z } from 'zod';
import type { CalendarOptions, Holiday } from '../../calendar';
import type { ComplianceFigures, DeadlineForecast, DeadlineRow } from '../../deadlines';
import type { ClassOfService, ColumnKind, IsoDate } from '../../domain';
import type {
  BlockerCategory, BlockerCluster, ColumnPace, EfficiencyWeek, HeatCell, PaceBand, PositionForecast, SeasonalFactor,
  StabilityCheck,
} from '../../flowAnalytics';
import { CASE_READERS, id, LEADERS, method, noInput } from '../define';
import { isoDate, shortText } from '../schemas';

const periodCheck = (v: { from: string; to: string }) => v.from <= v.to;
const periodMessage = { message: 'input.period', path: ['to'] };
const teamRead = { roles: CASE_READERS, team: { from: 'team' as const, field: 'teamId' } };
const teamLeaders = { roles: LEADERS, team: { from: 'team' as const, field: 'teamId' } };

export interface ComplianceGroup extends ComplianceFigures {
  key: string;
  label: string;
}

export interface DeadlineCompliance {
  /** null: the whole department. */
  teamId: number | null;
  team: string | null;
  from: IsoDate;
  to: IsoDate;
  today: IsoDate;
  /** Applications and complaints, one row per paragraph and decision month (the CLI's `rows`). */
  rows: DeadlineRow[];
  /** Follow-ups, reported apart in the same shape. */
  followUps: DeadlineRow[];
  total: ComplianceFigures;
  byParagraph: ComplianceGroup[];
  byTeam: ComplianceGroup[];
  byCaseworker: ComplianceGroup[];
  byMonth: ComplianceGroup[];
  /** Open applications and complaints that will miss their legal deadline at today's pace. */
  willMiss: (DeadlineForecast & { assigneeName: string | null; team: string })[];
  /** Open applications and complaints with a legal deadline. */
  openWithDeadline: number;
  /** The sample the pace is taken from: decisions in the 12 weeks before today. */
  paceFrom: IsoDate;
  paceTo: IsoDate;
}

export interface UncategorizedBlock {
  blockId: number;
  caseId: number;
  caseNumber: string;
  reason: string | null;
  from: IsoDate;
  to: IsoDate | null;
  suggestedCategoryId: number | null;
}

export interface BlockerAnalysis {
  teamId: number;
  from: IsoDate;
  to: IsoDate;
  categories: BlockerCategory[];
  clusters: (BlockerCluster & { name: string })[];
  /** Blocked periods of the period without a chosen category, newest first (at most 200). */
  uncategorized: UncategorizedBlock[];
  uncategorizedTotal: number;
  totalDays: number;
}

export interface EfficiencyItem {
  caseId: number;
  caseNumber: string;
  finish: IsoDate;
  workDays: number;
  totalDays: number;
  efficiency: number | null;
}

export interface FlowEfficiencyReport {
  teamId: number;
  from: IsoDate;
  to: IsoDate;
  /** The columns that count as work (the leaders' choice, else the active ones). */
  workColumns: { id: number; name: string }[];
  efficiency: number | null;
  weeks: EfficiencyWeek[];
  /** Cases finished in the period, least efficient first. */
  items: EfficiencyItem[];
}

export interface PacedItem {
  caseId: number;
  caseNumber: string;
  columnId: number;
  start: IsoDate;
  age: number;
  band: PaceBand;
  blocked: boolean;
}

export interface AgeingAgainstPace {
  teamId: number;
  /** The base date: ages and columns as they were at its end. */
  asOf: IsoDate;
  sampleFrom: IsoDate;
  sampleTo: IsoDate;
  columns: ({ id: number; name: string; kind: ColumnKind } & Omit<ColumnPace, 'columnId'>)[];
  items: PacedItem[];
}

export interface CycleTimeHeatMap {
  teamId: number;
  from: IsoDate;
  to: IsoDate;
  /** Rows: paragraphs; columns: caseworker ids as text ('' for none). */
  byCaseworker: HeatCell[];
  /** Rows: classes of service; one column ''. */
  byClass: (HeatCell & { row: ClassOfService })[];
  people: { id: number; name: string; initials: string }[];
}

export interface ForecastCheck {
  teamId: number;
  today: IsoDate;
  sampleFrom: IsoDate;
  sampleTo: IsoDate;
  stability: StabilityCheck;
  seasonal: SeasonalFactor[];
  /** The sample window's own mean seasonal factor, which forecasts divide by. */
  sampleFactor: number;
  wip: number;
  /** The first items of the pull list, in pull order, with the dates they are done by. */
  positions: (PositionForecast & { caseId: number; caseNumber: string; kind: string })[];
}

export interface ColumnFlowSetting {
  id: number;
  name: string;
  kind: ColumnKind;
  position: number;
  maxWorkingDays: number | null;
  /** The leader's choice; null = by kind. */
  countsAsWork: boolean | null;
  /** Whether time here counts as work in flow efficiency. */
  work: boolean;
}

export interface FlowSettings {
  teamId: number;
  calendar: CalendarOptions;
  columns: ColumnFlowSetting[];
  /** Closed days of this year and the next under the calendar. */
  closedDays: Holiday[];
}

export interface ServiceLevelBreach {
  caseId: number;
  columnId: number;
  workingDays: number;
  limit: number;
}

export interface ServiceLevelMarks {
  teamId: number;
  today: IsoDate;
  limits: { columnId: number; maxWorkingDays: number }[];
  over: ServiceLevelBreach[];
}

export interface SavedView {
  id: number;
  teamId: number;
  name: string;
  settings: SavedViewSettings;
  isDefault: boolean;
  createdBy: string | null;
  updatedAt: string;
}

const savedViewSettings = z
  .object({
    /** Months back from the base date. */
    months: z.number().int().min(1).max(36),
    /** A fixed base date for retrospectives; null = today. */
    asOf: isoDate.nullable(),
    counting: z.enum(['calendar', 'working']),
    complianceGroup: z.enum(['paragraph', 'caseworker', 'month', 'team']),
    /** Compliance for the whole department rather than the team. */
    department: z.boolean().optional(),
    sections: z.array(z.enum(['compliance', 'blockers', 'efficiency', 'ageing', 'heatmap', 'forecast'])).min(1).max(6),
  })
  .strict();
export type SavedViewSettings = z.output<typeof savedViewSettings>;

const period = { from: isoDate, to: isoDate };

export const flowAnalyticsMethods = {
  getDeadlineCompliance: method<DeadlineCompliance>()(
    z.object({ teamId: id.optional(), ...period }).strict().refine(periodCheck, periodMessage),
    {
      write: false,
      access: teamRead,
      // The cases that will miss their deadline are named (case numbers): a list for the lookup log.
      lookup: { purpose: 'Overholdelse af sagsbehandlingsfrister', list: (c) => ({ teamId: c.teamId, count: c.willMiss.length }) },
      summary: 'Legal-deadline compliance of decided applications and complaints per paragraph and month (follow-ups apart), by team, caseworker and month, and the open cases that will miss their deadline at today\'s pace; without teamId the whole department.',
    },
  ),
  getBlockerAnalysis: method<BlockerAnalysis>()(
    z.object({ teamId: id, ...period }).strict().refine(periodCheck, periodMessage),
    { write: false, access: teamRead, lookup: { purpose: 'Blokeringer i flowanalysen', list: (b) => ({ teamId: b.teamId, count: b.uncategorized.length }) }, summary: 'Blocked time clustered by blocker category: days, count, 50/85/95th percentiles, new vs resolved per week, and the periods still without a category with a suggested one.' },
  ),
  listBlockerCategories: method<BlockerCategory[]>()(noInput, { write: false, access: { roles: CASE_READERS }, summary: 'The leaders\' list of blocker categories.' }),
  saveBlockerCategory: method<BlockerCategory>()(
    z.object({
      id: id.optional(),
      name: shortText(80),
      keywords: z.array(z.string().trim().min(1).max(40)).max(30),
      active: z.boolean(),
    }).strict(),
    // One list for the whole department (categories are compared across teams), so a department-wide setting.
    { write: true, access: { roles: ['department_head'] }, summary: 'Adds or changes a blocker category of the department\'s list: name, the words that suggest it, active or not (the department head).' },
  ),
  categorizeBlocks: method<{ changed: number }>()(
    z.object({
      teamId: id,
      items: z.array(z.object({ blockId: id, categoryId: id.nullable() }).strict()).min(1).max(500),
    }).strict(),
    { write: true, access: { roles: ['caseworker', 'leader', 'department_head'], team: { from: 'team', field: 'teamId' } }, summary: 'Sets the category of blocked periods of a team, beside their free-text reason.' },
  ),
  getFlowEfficiency: method<FlowEfficiencyReport>()(
    z.object({ teamId: id, ...period }).strict().refine(periodCheck, periodMessage),
    { write: false, access: teamRead, summary: 'Flow efficiency: days in work columns and not blocked against all days, per finished case, per week and for the team.' },
  ),
  getAgeingAgainstPace: method<AgeingAgainstPace>()(
    z.object({ teamId: id, asOf: isoDate.optional() }).strict(),
    { write: false, access: teamRead, lookup: { purpose: 'Alder mod tempo', list: (a) => ({ teamId: a.teamId, count: a.items.length }) }, summary: 'Each case in progress at the base date (default today), at its age then, against the percentiles of the age finished cases had when they left its column.' },
  ),
  getCycleTimeHeatMap: method<CycleTimeHeatMap>()(
    z.object({ teamId: id, ...period }).strict().refine(periodCheck, periodMessage),
    { write: false, access: teamRead, summary: 'Cycle-time percentiles of the cases finished in the period by paragraph × caseworker and by class of service.' },
  ),
  getForecastCheck: method<ForecastCheck>()(
    z.object({ teamId: id, positions: z.number().int().min(1).max(200).optional(), seed: z.number().int().min(0).max(2 ** 31).optional() }).strict(),
    { write: false, access: teamRead, summary: 'Throughput stability check before Monte Carlo, seasonal factors from history, and when the first items of the pull list are done, in pull order.' },
  ),
  getFlowSettings: method<FlowSettings>()(
    z.object({ teamId: id }).strict(),
    { write: false, access: teamRead, summary: 'The working-day calendar\'s closed days and each column\'s service-level expectation and work setting.' },
  ),
  setColumnFlowSettings: method<ColumnFlowSetting>()(
    z.object({
      columnId: id,
      maxWorkingDays: z.number().int().min(1).max(260).nullable(),
      countsAsWork: z.boolean().nullable(),
    }).strict(),
    { write: true, access: { roles: LEADERS, team: { from: 'column', field: 'columnId' } }, summary: 'Sets a column\'s service-level expectation in working days ("højst 5 arbejdsdage i Indkommet") and whether its time counts as work (leaders).' },
  ),
  setCalendarSettings: method<CalendarOptions>()(
    z.object({ christmasEveClosed: z.boolean(), newYearsEveClosed: z.boolean(), constitutionDayClosed: z.boolean() }).strict(),
    // The calendar is the department's: every team's working days and service levels follow it.
    { write: true, access: { roles: ['department_head'] }, summary: 'Chooses whether 24 December, 31 December and Grundlovsdag are closed days in the department\'s working-day calendar (the department head).' },
  ),
  getServiceLevelMarks: method<ServiceLevelMarks>()(
    z.object({ teamId: id }).strict(),
    // Not for a paired wall device: it reaches only the redacted wall methods.
    { write: false, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } }, summary: 'The cards of a team\'s board that are past their column\'s service-level expectation in working days.' },
  ),
  listSavedViews: method<SavedView[]>()(z.object({ teamId: id }).strict(), { write: false, access: teamRead, summary: 'The team\'s saved views of the flow analytics for the weekly review.' }),
  saveView: method<SavedView>()(
    z.object({ teamId: id, id: id.optional(), name: shortText(80), settings: savedViewSettings, isDefault: z.boolean() }).strict(),
    { write: true, access: teamLeaders, summary: 'Saves a view of the flow analytics (period, base date, day counting, sections) for the team; the default one opens first (leaders).' },
  ),
  deleteView: method<{ deleted: boolean }>()(
    z.object({ teamId: id, id }).strict(),
    { write: true, access: teamLeaders, summary: 'Deletes a saved view (leaders).' },
  ),
};
