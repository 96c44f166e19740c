// Methods of the strategic action plans; the contract spreads them in (shared/api/contract.ts).
import { z } from 'zod';
import type { IsoDate } from '../../domain';
import { investmentInput, type InvestmentInput, type InvestmentYear } from '../../investment';
import {
  ACTION_STATUSES, DIRECTIONS, kpiSpec,
  type ActionStatus, type Direction, type KpiDefinition, type KpiSpec, type KpiStatus, type KpiTrend, type KpiUnit,
} from '../../plans';
import type { PriorityTag } from '../../pullList';
import { CASE_READERS, id, LEADERS, method, noInput } from '../define';
import { priorityTagFields, requireTagTarget } from './pullList';
import { isoDate, optionalText, paragraph, shortText } from '../schemas';

export interface KpiValue {
  id: number;
  goalId: number;
  spec: KpiSpec;
  label: string;
  unit: KpiUnit;
  target: number;
  direction: Direction;
  /** The value on the plan's start date. */
  baseline: number | null;
  /** The value today (or on the plan's end date once it has passed). */
  current: number | null;
  /** The value TREND_LOOKBACK_DAYS before the current one, for the trend. */
  previous: number | null;
  asOf: IsoDate;
  trend: KpiTrend;
  status: KpiStatus;
  /** For a caseload KPI: the figures behind the current value (shown beside it). */
  caseload?: KpiCaseload;
}

/** The caseload behind a "caseload_vs_norm" value: the weighted caseload, the unweighted count, the norm. */
export interface KpiCaseload {
  weighted: number;
  cases: number;
  norm: number;
}

export interface PlanAction {
  id: number;
  goalId: number;
  title: string;
  ownerId: number | null;
  ownerName: string | null;
  dueDate: IsoDate | null;
  status: ActionStatus;
  overdue: boolean;
  cases: { caseId: number; caseNumber: string }[];
}

export interface RealisedYear extends InvestmentYear {
  /** The last day the realised figures cover (31 December, or today in the running year). */
  through: IsoDate;
  /** Citizens with a replacement grant started in the year. */
  citizens: number;
}

export interface PlanInvestment {
  id: number;
  goalId: number;
  title: string;
  fromParagraph: string;
  toParagraph: string;
  input: InvestmentInput;
  /** Planned lines, kroner rounded to øre. */
  planned: InvestmentYear[];
  paybackYears: number | null;
  /** The same lines from the grants in the store since the start date (docs/plans.md). */
  realised: RealisedYear[];
  /** What a moved citizen saves per year on the realised side, and where the figure comes from. */
  realisedSavingPerCitizenYear: number;
  realisedSavingBasis: 'store' | 'plan';
}

export interface PlanGoal {
  id: number;
  planId: number;
  position: number;
  title: string;
  description: string | null;
  actions: PlanAction[];
  kpis: KpiValue[];
  investments: PlanInvestment[];
}

export interface PlanSummary {
  id: number;
  teamId: number;
  teamName: string;
  title: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  ownerId: number;
  ownerName: string;
  goals: number;
}

export interface PlanDetail extends Omit<PlanSummary, 'goals'> {
  today: IsoDate;
  goals: PlanGoal[];
  /** The plan's strategic priorities, as the pull list weighs them. */
  priorities: PriorityTag[];
  updatedAt: string;
}

const planPeriodCheck = (v: { periodStart: string; periodEnd: string }) => v.periodEnd > v.periodStart;
const planPeriodMessage = { message: 'input.planPeriod', path: ['periodEnd'] };

const kroner = z.number().finite().min(-1e12).max(1e12);

export const plansMethods = {
  listKpiDefinitions: method<KpiDefinition[]>()(noInput, { write: false, access: { roles: CASE_READERS }, summary: 'The KPI catalogue: definitions and their parameters.' }),
  previewKpi: method<{ value: number | null; asOf: IsoDate; label: string; unit: KpiUnit; caseload?: KpiCaseload }>()(
    z.object({ teamId: id, spec: kpiSpec, asOf: isoDate.optional() }).strict(),
    { write: false, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } }, summary: "A KPI's value for a team as of a day (today by default), computed from the store." },
  ),
  listPlans: method<PlanSummary[]>()(z.object({ teamId: id.optional() }).strict(), { write: false, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } }, summary: 'Strategic action plans, of a team or all.' }),
  getPlan: method<PlanDetail>()(z.object({ planId: id }).strict(), { write: false, access: { roles: CASE_READERS, team: { from: 'plan', field: 'planId' } }, summary: 'A plan with goals, actions, KPIs (baseline, current, target, trend, status) and investment cases.' }),
  createPlan: method<PlanSummary>()(
    z.object({ teamId: id, title: shortText(200), periodStart: isoDate, periodEnd: isoDate }).strict().refine(planPeriodCheck, planPeriodMessage),
    { write: true, access: { roles: LEADERS, team: { from: 'team', field: 'teamId' } }, summary: "Creates a plan for a team; only the team's leader may." },
  ),
  updatePlan: method<PlanSummary>()(
    z.object({ planId: id, title: shortText(200), periodStart: isoDate, periodEnd: isoDate }).strict().refine(planPeriodCheck, planPeriodMessage),
    { write: true, access: { roles: LEADERS, team: { from: 'plan', field: 'planId' } }, summary: "Changes a plan's title or period (leader only)." },
  ),
  saveGoal: method<{ id: number }>()(
    z.object({ planId: id, goalId: id.optional(), title: shortText(300), description: optionalText(4000) }).strict(),
    { write: true, access: { roles: LEADERS, team: { from: 'plan', field: 'planId' } }, summary: 'Adds or changes a goal of a plan (leader only).' },
  ),
  deleteGoal: method<{ id: number }>()(z.object({ goalId: id }).strict(), { write: true, access: { roles: LEADERS, team: { from: 'planGoal', field: 'goalId' } }, summary: 'Removes a goal with its actions, KPIs and investment cases (leader only).' }),
  saveAction: method<{ id: number }>()(
    z
      .object({
        goalId: id,
        actionId: id.optional(),
        title: shortText(300),
        ownerId: id.nullable(),
        dueDate: isoDate.nullable(),
        status: z.enum(ACTION_STATUSES),
        caseIds: z.array(id).max(200),
      })
      .strict(),
    { write: true, access: { roles: LEADERS, team: { from: 'planGoal', field: 'goalId' } }, summary: 'Adds or changes an action: owner, due date, status and linked cases (leader only).' },
  ),
  deleteAction: method<{ id: number }>()(z.object({ actionId: id }).strict(), { write: true, access: { roles: LEADERS, team: { from: 'planAction', field: 'actionId' } }, summary: 'Removes an action (leader only).' }),
  saveKpi: method<{ id: number }>()(
    z.object({ goalId: id, kpiId: id.optional(), spec: kpiSpec, target: kroner, direction: z.enum(DIRECTIONS) }).strict(),
    { write: true, access: { roles: LEADERS, team: { from: 'planGoal', field: 'goalId' } }, summary: 'Adds or changes a KPI on a goal: a catalogue definition with parameters, target and direction (leader only).' },
  ),
  deleteKpi: method<{ id: number }>()(z.object({ kpiId: id }).strict(), { write: true, access: { roles: LEADERS, team: { from: 'kpi', field: 'kpiId' } }, summary: 'Removes a KPI (leader only).' }),
  saveInvestment: method<{ id: number }>()(
    z
      .object({
        goalId: id,
        investmentId: id.optional(),
        title: shortText(300),
        fromParagraph: paragraph,
        toParagraph: paragraph,
        input: investmentInput,
      })
      .strict(),
    { write: true, access: { roles: LEADERS, team: { from: 'planGoal', field: 'goalId' } }, summary: 'Adds or changes an investment case on a goal (leader only).' },
  ),
  deleteInvestment: method<{ id: number }>()(z.object({ investmentId: id }).strict(), { write: true, access: { roles: LEADERS, team: { from: 'investment', field: 'investmentId' } }, summary: 'Removes an investment case (leader only).' }),
  savePlanPriority: method<PriorityTag>()(
    requireTagTarget(z.object({ planId: id, ...priorityTagFields }).strict()),
    { write: true, access: { roles: LEADERS, team: { from: 'plan', field: 'planId' } }, summary: "A strategic priority of the plan, written to the team's pull-list priority tags (leader only)." },
  ),
  deletePlanPriority: method<{ tagId: number }>()(z.object({ tagId: id }).strict(), { write: true, access: { roles: LEADERS, team: { from: 'priorityTag', field: 'tagId' } }, summary: 'Removes a strategic priority of a plan from the pull list (leader only).' }),
};
