// The team leaders' strategic action plans (sprints are db/service/sprints.ts). KPI values
// are computed here from the store as of a day, through the economics and flow services' exported
// readers where they already answer the question (bottom line, throughput).
import type { CallContext } from '../../shared/api/define';
import type { Handlers } from '../../shared/api/dispatch';
import { ApiFailure, fieldError } from '../../shared/api/envelope';
import type {
  KpiCaseload, KpiValue, PlanDetail, PlanGoal, PlanInvestment, plansMethods, PlanSummary, RealisedYear,
} from '../../shared/api/methods/plans';
import { addDays, daysBetween, daysInYear, yearOf } from '../../shared/dates';
import type { IsoDate } from '../../shared/domain';
import { costInPeriod, roundOere, yearlyCost } from '../../shared/economics';
import { formatParagraph } from '../../shared/format';
import { computeInvestment, investmentInput, roundInvestment, type CostLine, type InvestmentInput } from '../../shared/investment';
import {
  describeKpi, kpiDefinition, KPI_CATALOGUE, kpiSpec, kpiStatus, kpiTrend, medianOf, TREND_LOOKBACK_DAYS,
  type KpiSpec,
} from '../../shared/plans';
import type { PriorityTag } from '../../shared/pullList';
import { caseloadReader } from '../caseload';
import { appendEvent } from '../events';
import type { ServiceContext } from './context';
import { bottomLineFor } from './economy';
import { flowReportFor } from './flow';
import { actorOf, notFound, requireTeam } from './planning';
import { deletePriorityTag, savePriorityTag } from './pullList';
import { statements } from '../statements';
import type { Db } from '../connection';
import type {
  CasesRow, GrantsRow, PeopleRow, PlanActionCasesRow, PlanActionsRow, PlanGoalsRow, PlanInvestmentsRow, PlanKpisRow, PlanPriorityTagsRow,
  PlansRow, PriorityTagsRow, TeamsRow,
} from '../schema';

type PlanRow = Pick<PlansRow, 'id' | 'team_id' | 'title' | 'period_start' | 'period_end' | 'owner_id' | 'updated_at'>
  & { team_name: TeamsRow['name']; owner_name: PeopleRow['name']; goals: number };
const PLAN_SELECT = `
  SELECT p.id, p.team_id, t.name AS team_name, p.title, p.period_start, p.period_end, p.owner_id, o.name AS owner_name,
         p.updated_at, (SELECT COUNT(*) FROM plan_goals g WHERE g.plan_id = p.id) AS goals
  FROM plans p JOIN teams t ON t.id = p.team_id JOIN people o ON o.id = p.owner_id`;
const toPlanSummary = (r: PlanRow): PlanSummary => ({
  id: r.id, teamId: r.team_id, teamName: r.team_name, title: r.title, periodStart: r.period_start, periodEnd: r.period_end,
  ownerId: r.owner_id, ownerName: r.owner_name, goals: r.goals,
});

/** The plan and team a goal, action, KPI or investment case belongs to (joined through its goal). */
type PlanOf = Pick<PlanGoalsRow, 'plan_id'> & Pick<PlansRow, 'team_id'>;
type InvestmentRow = Pick<PlanInvestmentsRow, 'id' | 'goal_id' | 'title' | 'input' | 'from_paragraph' | 'to_paragraph'>;
type GrantCostRow = Pick<GrantsRow, 'takst' | 'takst_unit' | 'quantity' | 'start_date' | 'end_date'>;

const queries = (db: Db) => ({
  person: db.prepare<[number], Pick<PeopleRow, 'id' | 'name' | 'team_id'>>('SELECT id, name, team_id FROM people WHERE id = ?'),
  plans: db.prepare<[], PlanRow>(`${PLAN_SELECT} ORDER BY t.sort_order, p.period_start DESC, p.id DESC`),
  teamPlans: db.prepare<[number], PlanRow>(`${PLAN_SELECT} WHERE p.team_id = ? ORDER BY p.period_start DESC, p.id DESC`),
  plan: db.prepare<[number], PlanRow>(`${PLAN_SELECT} WHERE p.id = ?`),
  insertPlan: db.prepare(
    'INSERT INTO plans (team_id, title, period_start, period_end, owner_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ),
  updatePlan: db.prepare('UPDATE plans SET title = ?, period_start = ?, period_end = ?, updated_at = ? WHERE id = ?'),
  touchPlan: db.prepare('UPDATE plans SET updated_at = ? WHERE id = ?'),
  goals: db.prepare<[number], Pick<PlanGoalsRow, 'id' | 'plan_id' | 'position' | 'title' | 'description'>>('SELECT id, plan_id, position, title, description FROM plan_goals WHERE plan_id = ? ORDER BY position, id'),
  goal: db.prepare<[number], Pick<PlanGoalsRow, 'id'> & PlanOf>('SELECT g.id, g.plan_id, p.team_id FROM plan_goals g JOIN plans p ON p.id = g.plan_id WHERE g.id = ?'),
  maxGoalPosition: db.prepare<[number], { n: number }>('SELECT COALESCE(MAX(position), 0) AS n FROM plan_goals WHERE plan_id = ?'),
  insertGoal: db.prepare('INSERT INTO plan_goals (plan_id, position, title, description) VALUES (?, ?, ?, ?)'),
  updateGoal: db.prepare('UPDATE plan_goals SET title = ?, description = ? WHERE id = ?'),
  deleteGoal: db.prepare('DELETE FROM plan_goals WHERE id = ?'),
  actions: db.prepare<[number], Pick<PlanActionsRow, 'id' | 'goal_id' | 'title' | 'owner_id' | 'due_date' | 'status'> & { owner_name: PeopleRow['name'] | null }>(
    `SELECT a.id, a.goal_id, a.title, a.owner_id, p.name AS owner_name, a.due_date, a.status
     FROM plan_actions a LEFT JOIN people p ON p.id = a.owner_id WHERE a.goal_id = ? ORDER BY a.due_date IS NULL, a.due_date, a.id`,
  ),
  action: db.prepare<[number], Pick<PlanActionsRow, 'id' | 'goal_id'> & PlanOf>(
    `SELECT a.id, a.goal_id, g.plan_id, p.team_id FROM plan_actions a JOIN plan_goals g ON g.id = a.goal_id
     JOIN plans p ON p.id = g.plan_id WHERE a.id = ?`,
  ),
  actionCases: db.prepare<[number], Pick<PlanActionCasesRow, 'case_id'> & Pick<CasesRow, 'case_number'>>(
    `SELECT l.case_id, c.case_number FROM plan_action_cases l JOIN cases c ON c.id = l.case_id WHERE l.action_id = ? ORDER BY c.case_number`,
  ),
  insertAction: db.prepare('INSERT INTO plan_actions (goal_id, title, owner_id, due_date, status) VALUES (?, ?, ?, ?, ?)'),
  updateAction: db.prepare('UPDATE plan_actions SET title = ?, owner_id = ?, due_date = ?, status = ? WHERE id = ?'),
  deleteAction: db.prepare('DELETE FROM plan_actions WHERE id = ?'),
  clearActionCases: db.prepare('DELETE FROM plan_action_cases WHERE action_id = ?'),
  insertActionCase: db.prepare('INSERT OR IGNORE INTO plan_action_cases (action_id, case_id) VALUES (?, ?)'),
  caseTeam: db.prepare<[number], Pick<CasesRow, 'id' | 'team_id'>>('SELECT id, team_id FROM cases WHERE id = ?'),
  kpis: db.prepare<[number], Pick<PlanKpisRow, 'id' | 'goal_id' | 'spec' | 'target' | 'direction'>>('SELECT id, goal_id, spec, target, direction FROM plan_kpis WHERE goal_id = ? ORDER BY id'),
  kpi: db.prepare<[number], Pick<PlanKpisRow, 'id' | 'goal_id'> & PlanOf>(
    `SELECT k.id, k.goal_id, g.plan_id, p.team_id FROM plan_kpis k JOIN plan_goals g ON g.id = k.goal_id
     JOIN plans p ON p.id = g.plan_id WHERE k.id = ?`,
  ),
  insertKpi: db.prepare('INSERT INTO plan_kpis (goal_id, spec, target, direction) VALUES (?, ?, ?, ?)'),
  updateKpi: db.prepare('UPDATE plan_kpis SET spec = ?, target = ?, direction = ? WHERE id = ?'),
  deleteKpi: db.prepare('DELETE FROM plan_kpis WHERE id = ?'),
  investments: db.prepare<[number], InvestmentRow>('SELECT id, goal_id, title, input, from_paragraph, to_paragraph FROM plan_investments WHERE goal_id = ? ORDER BY id'),
  investment: db.prepare<[number], Pick<PlanInvestmentsRow, 'id' | 'goal_id'> & PlanOf>(
    `SELECT i.id, i.goal_id, g.plan_id, p.team_id FROM plan_investments i JOIN plan_goals g ON g.id = i.goal_id
     JOIN plans p ON p.id = g.plan_id WHERE i.id = ?`,
  ),
  insertInvestment: db.prepare('INSERT INTO plan_investments (goal_id, title, input, from_paragraph, to_paragraph) VALUES (?, ?, ?, ?, ?)'),
  updateInvestment: db.prepare('UPDATE plan_investments SET title = ?, input = ?, from_paragraph = ?, to_paragraph = ? WHERE id = ?'),
  deleteInvestment: db.prepare('DELETE FROM plan_investments WHERE id = ?'),
  priorities: db.prepare<[number], Pick<PriorityTagsRow, 'id' | 'label' | 'weight' | 'paragraph' | 'item_kind'>>(
    `SELECT t.id, t.label, t.weight, t.paragraph, t.item_kind FROM plan_priority_tags l JOIN priority_tags t ON t.id = l.tag_id
     WHERE l.plan_id = ? ORDER BY t.weight DESC, t.label`,
  ),
  priorityLink: db.prepare<[number], Pick<PlanPriorityTagsRow, 'tag_id' | 'plan_id'>>('SELECT tag_id, plan_id FROM plan_priority_tags WHERE tag_id = ?'),
  insertPriorityLink: db.prepare('INSERT INTO plan_priority_tags (tag_id, plan_id) VALUES (?, ?)'),

  // KPI figures
  newGrants: db.prepare<[team: number, paragraph: string, after: IsoDate, through: IsoDate], { n: number }>(
    `SELECT COUNT(*) AS n FROM grants g JOIN cases c ON c.id = g.case_id
     WHERE c.team_id = ? AND g.paragraph = ? AND g.start_date > ? AND g.start_date <= ?`,
  ),
  providerShare: db.prepare<[team: number, paragraph: string | null, paragraphAgain: string | null, from: IsoDate, to: IsoDate], { n: number; internal: number }>(
    `SELECT COUNT(*) AS n, COALESCE(SUM(g.provider_type = 'internal'), 0) AS internal FROM grants g JOIN cases c ON c.id = g.case_id
     WHERE c.team_id = ? AND (? IS NULL OR g.paragraph = ?) AND g.start_date <= ? AND (g.end_date IS NULL OR g.end_date >= ?)`,
  ),
  // Decision day: first day in a done column (flow facts) or the first 'decided' event, whichever came first.
  decisions: db.prepare<[team: number, paragraph: string | null, paragraphAgain: string | null, after: IsoDate, through: IsoDate], Pick<CasesRow, 'received_date'> & { decided: IsoDate }>(
    `SELECT received_date, decided FROM (
       SELECT c.received_date,
              MIN(COALESCE(f.finish_day, '9999-12-31'), COALESCE(
                (SELECT MIN(substr(e.at, 1, 10)) FROM events e WHERE e.case_id = c.id AND e.type = 'decided'), '9999-12-31')) AS decided
       FROM cases c LEFT JOIN flow_cases f ON f.case_id = c.id
       WHERE c.team_id = ? AND c.kind <> 'task' AND (? IS NULL OR c.paragraph = ?))
     WHERE decided > ? AND decided <= ?`,
  ),
  overdueFollowUps: db.prepare<[team: number, before: IsoDate, from: IsoDate, to: IsoDate], { n: number }>(
    `SELECT COUNT(*) AS n FROM grants g JOIN cases c ON c.id = g.case_id
     WHERE c.team_id = ? AND g.next_follow_up < ? AND g.start_date <= ? AND (g.end_date IS NULL OR g.end_date >= ?)`,
  ),

  // Investment, realised side
  activeOfParagraph: db.prepare<[team: number, paragraph: string, from: IsoDate, to: IsoDate], GrantCostRow>(
    `SELECT g.takst, g.takst_unit, g.quantity, g.start_date, g.end_date FROM grants g JOIN cases c ON c.id = g.case_id
     WHERE c.team_id = ? AND g.paragraph = ? AND g.start_date <= ? AND (g.end_date IS NULL OR g.end_date >= ?)`,
  ),
  movedGrants: db.prepare<[team: number, fromParagraph: string, toParagraph: string, from: IsoDate, through: IsoDate], GrantCostRow & Pick<CasesRow, 'citizen_id'>>(
    `SELECT g.takst, g.takst_unit, g.quantity, g.start_date, g.end_date, c.citizen_id FROM grants g JOIN cases c ON c.id = g.case_id
     WHERE c.team_id = ? AND c.paragraph = ? AND g.paragraph = ? AND g.start_date >= ? AND g.start_date <= ?`,
  ),
});

function planRow(db: Db, planId: number, field = 'planId'): PlanRow {
  const row = statements(db, queries).plan.get(planId);
  if (!row) throw notFound('records.planNotFound', field);
  return row;
}

/** A plan as read on a day: KPI values, investment cases realised so far, the plan with all of it. */
function planReader(db: Db, today: IsoDate) {
  const caseloads = caseloadReader(db);
  const q = statements(db, queries);

  // ---------------------------------------------------------------------------------------------
  // KPIs

  function kpiValue(teamId: number, spec: KpiSpec, asOf: IsoDate): number | null {
    switch (spec.kind) {
      case 'new_grants':
        return q.newGrants.get(teamId, spec.paragraph, addDays(asOf, -spec.days), asOf)!.n;
      case 'internal_share': {
        const p = spec.paragraph;
        const r = q.providerShare.get(teamId, p, p, asOf, asOf)!;
        return r.n === 0 ? null : (100 * r.internal) / r.n;
      }
      case 'median_decision_days': {
        const p = spec.paragraph;
        const rows = q.decisions.all(teamId, p, p, addDays(asOf, -spec.days), asOf);
        return medianOf(rows.map((r) => Math.max(0, daysBetween(r.received_date, r.decided))));
      }
      case 'bottom_line': {
        const report = bottomLineFor(db, asOf, teamId);
        return report.teams.find((t) => t.teamId === teamId)?.bottomLine ?? null;
      }
      case 'caseload_vs_norm':
        // The one caseload definition (db/caseload.ts): Sagstal and the wall show the same figure.
        return caseloads.team(teamId, asOf, today).totals.percentOfNorm;
      case 'overdue_follow_ups':
        return q.overdueFollowUps.get(teamId, asOf, asOf, asOf)!.n;
      case 'throughput_per_week': {
        const from = addDays(asOf, -7 * spec.weeks + 1);
        const report = flowReportFor(db, teamId, from, asOf);
        const finished = report.throughputPerWeek.reduce((s, w) => s + w.count, 0);
        return finished / spec.weeks;
      }
    }
  }

  /** The figures behind a caseload KPI's value on a day: weighted, unweighted and the norm they are held against. */
  function kpiCaseload(teamId: number, spec: KpiSpec, asOf: IsoDate): { caseload?: KpiCaseload } {
    if (spec.kind !== 'caseload_vs_norm') return {};
    const t = caseloads.team(teamId, asOf, today).totals;
    return { caseload: { weighted: t.normedWeighted, cases: t.normedCases, norm: t.norm } };
  }

  function kpiValues(goalId: number, teamId: number, periodStart: IsoDate, periodEnd: IsoDate): KpiValue[] {
    const asOf = today > periodEnd ? periodEnd : today;
    return q.kpis.all(goalId).map((r) => {
      const spec = kpiSpec.parse(JSON.parse(r.spec));
      const def = kpiDefinition(spec.kind);
      // A plan that has not started yet has no baseline: the start date's value is not known.
      const baseline = periodStart <= today ? kpiValue(teamId, spec, periodStart) : null;
      const current = kpiValue(teamId, spec, asOf);
      const previousDay = addDays(asOf, -TREND_LOOKBACK_DAYS);
      const previous = kpiValue(teamId, spec, previousDay);
      return {
        id: r.id,
        goalId: r.goal_id,
        spec,
        label: describeKpi(spec),
        unit: def.unit,
        target: r.target,
        direction: r.direction,
        baseline: baseline === null ? null : round4(baseline),
        current: current === null ? null : round4(current),
        previous: previous === null ? null : round4(previous),
        asOf,
        trend: kpiTrend(previous, current, r.direction),
        status: kpiStatus({ baseline, current, target: r.target, direction: r.direction, periodStart, periodEnd, asOf }),
        ...kpiCaseload(teamId, spec, asOf),
      };
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Investment cases

  function lineSum(lines: readonly CostLine[], year: number): number {
    return lines.reduce((s, l) => s + (l.perYear[String(year)] ?? 0), 0);
  }

  function investmentOf(row: InvestmentRow, teamId: number): PlanInvestment {
    const input: InvestmentInput = investmentInput.parse(JSON.parse(row.input));
    const planned = roundInvestment(computeInvestment(input));
    // What a moved citizen would have cost per year: the mean yearly cost of the team's grants of
    // the costly paragraph running on the start date; the plan's own figure when there are none.
    const costly = q.activeOfParagraph.all(teamId, row.from_paragraph, input.start, input.start);
    const storeSaving = costly.length ? costly.reduce((s, g) => s + yearlyCost(toBasis(g)), 0) / costly.length : null;
    const saving = storeSaving ?? input.savingPerCitizenYear;
    const realised: RealisedYear[] = [];
    if (input.start <= today) {
      const moved = q.movedGrants.all(teamId, row.from_paragraph, row.to_paragraph, input.start, today);
      const startYear = yearOf(input.start);
      const lastYear = Math.min(input.years[1], yearOf(today));
      for (let year = Math.max(startYear, input.years[0]); year <= lastYear; year++) {
        const from = `${year}-01-01`;
        const through = year === yearOf(today) ? today : `${year}-12-31`;
        let personYears = 0;
        let replacementCost = 0;
        const citizens = new Set<number>();
        for (const g of moved) {
          const first = g.start_date > from ? g.start_date : from;
          const lastDay = g.end_date !== null && g.end_date < through ? g.end_date : through;
          if (lastDay >= first) personYears += (daysBetween(first, lastDay) + 1) / daysInYear(year);
          replacementCost += costInPeriod(toBasis(g), from, through);
          if (yearOf(g.start_date) === year) citizens.add(g.citizen_id);
        }
        const grossSaving = personYears * saving;
        const runningCosts = lineSum(input.runningCosts, year);
        const implementationCosts = lineSum(input.implementationCosts, year);
        const netChange = replacementCost + runningCosts - grossSaving;
        realised.push({
          year,
          through,
          citizens: citizens.size,
          personYears: roundOere(personYears),
          grossSaving: roundOere(grossSaving),
          replacementCost: roundOere(replacementCost),
          runningCosts: roundOere(runningCosts),
          netChange: roundOere(netChange),
          implementationCosts: roundOere(implementationCosts),
          totalEffect: roundOere(netChange + implementationCosts),
        });
      }
    }
    return {
      id: row.id,
      goalId: row.goal_id,
      title: row.title,
      fromParagraph: row.from_paragraph,
      toParagraph: row.to_paragraph,
      input,
      planned: planned.years,
      paybackYears: planned.paybackYears,
      realised,
      realisedSavingPerCitizenYear: roundOere(saving),
      realisedSavingBasis: storeSaving === null ? 'plan' : 'store',
    };
  }

  function planDetail(planId: number): PlanDetail {
    const row = planRow(db, planId);
    const summary = toPlanSummary(row);
    const goals: PlanGoal[] = q.goals.all(planId).map((g) => ({
      id: g.id,
      planId: g.plan_id,
      position: g.position,
      title: g.title,
      description: g.description,
      actions: q.actions.all(g.id).map((a) => ({
        id: a.id,
        goalId: a.goal_id,
        title: a.title,
        ownerId: a.owner_id,
        ownerName: a.owner_name,
        dueDate: a.due_date,
        status: a.status,
        overdue: a.due_date !== null && a.due_date < today && a.status !== 'done' && a.status !== 'cancelled',
        cases: q.actionCases.all(a.id).map((c) => ({ caseId: c.case_id, caseNumber: c.case_number })),
      })),
      kpis: kpiValues(g.id, row.team_id, row.period_start, row.period_end),
      investments: q.investments.all(g.id).map((i) => investmentOf(i, row.team_id)),
    }));
    const { goals: _count, ...rest } = summary;
    void _count;
    return {
      ...rest,
      today,
      goals,
      priorities: q.priorities.all(planId).map(
        (t): PriorityTag => ({ id: t.id, label: t.label, weight: t.weight, paragraph: t.paragraph, kind: t.item_kind }),
      ),
      updatedAt: row.updated_at,
    };
  }

  return { kpiValue, kpiCaseload, planDetail };
}

/** The team's plan in force on the day (the latest to start, when periods overlap); null when none is. */
export function currentPlanFor(db: Db, teamId: number, today: IsoDate): PlanDetail | null {
  // teamPlans is newest first.
  const inForce = statements(db, queries).teamPlans.all(teamId).find((p) => p.period_start <= today && today <= p.period_end);
  return inForce ? planReader(db, today).planDetail(inForce.id) : null;
}

export function plansHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof plansMethods> {
  const { db } = ctx;
  const q = statements(db, queries);

  function goalOf(goalId: number) {
    const row = q.goal.get(goalId);
    if (!row) throw notFound('records.goalNotFound', 'goalId');
    return row;
  }

  function logPlan(call: CallContext, planId: number, type: string, to: string | null, from: string | null = null) {
    const at = ctx.now().toISOString();
    q.touchPlan.run(at, planId);
    appendEvent(db, { at, actorId: call.actorId, entity: 'plan', entityId: planId, type, field: 'plan', from, to });
  }

  function assertOwner(ownerId: number | null): void {
    if (ownerId === null) return;
    if (!q.person.get(ownerId)) throw ApiFailure.of('invalid_input', 'plans.ownerNotFound', undefined, { fields: [fieldError('ownerId', 'records.personNotFound')] });
  }

  return {
    listKpiDefinitions: () => KPI_CATALOGUE.map((d) => ({ ...d, params: d.params.map((p) => ({ ...p })) })),

    previewKpi: ({ teamId, spec, asOf }) => {
      requireTeam(db, teamId);
      const today = ctx.today();
      const day = asOf ?? today;
      const { kpiValue, kpiCaseload } = planReader(db, today);
      const value = kpiValue(teamId, spec, day);
      return { value: value === null ? null : round4(value), asOf: day, label: describeKpi(spec), unit: kpiDefinition(spec.kind).unit, ...kpiCaseload(teamId, spec, day) };
    },

    listPlans: ({ teamId }) => {
      const rows = teamId === undefined ? q.plans.all() : q.teamPlans.all(teamId);
      return rows.map(toPlanSummary);
    },

    getPlan: ({ planId }) => planReader(db, ctx.today()).planDetail(planId),

    createPlan: ({ teamId, title, periodStart, periodEnd }, call) => {
      requireTeam(db, teamId);
      const leader = actorOf(db, call);
      const at = ctx.now().toISOString();
      const id = Number(q.insertPlan.run(teamId, title, periodStart, periodEnd, leader.id, at, at).lastInsertRowid);
      logPlan(call, id, 'plan_created', `${title}: ${periodStart} – ${periodEnd}`);
      return toPlanSummary(planRow(db, id));
    },

    updatePlan: ({ planId, title, periodStart, periodEnd }, call) => {
      const old = planRow(db, planId);
      q.updatePlan.run(title, periodStart, periodEnd, ctx.now().toISOString(), planId);
      logPlan(call, planId, 'plan_changed', `${title}: ${periodStart} – ${periodEnd}`, `${old.title}: ${old.period_start} – ${old.period_end}`);
      return toPlanSummary(planRow(db, planId));
    },

    saveGoal: ({ planId, goalId, title, description }, call) => {
      planRow(db, planId); // an unknown plan is refused, not given a goal
      let id: number;
      if (goalId === undefined) {
        const position = q.maxGoalPosition.get(planId)!.n + 1;
        id = Number(q.insertGoal.run(planId, position, title, description).lastInsertRowid);
      } else {
        const goal = goalOf(goalId);
        if (goal.plan_id !== planId) throw ApiFailure.of('invalid_input', 'plans.goalOtherPlan', undefined, { fields: [fieldError('goalId', 'plans.goalOtherPlanField')] });
        q.updateGoal.run(title, description, goalId);
        id = goalId;
      }
      logPlan(call, planId, goalId === undefined ? 'plan_goal_added' : 'plan_goal_changed', title);
      return { id };
    },

    deleteGoal: ({ goalId }, call) => {
      const goal = goalOf(goalId);
      q.deleteGoal.run(goalId);
      logPlan(call, goal.plan_id, 'plan_goal_removed', null, String(goalId));
      return { id: goalId };
    },

    saveAction: ({ goalId, actionId, title, ownerId, dueDate, status, caseIds }, call) => {
      const goal = goalOf(goalId);
      assertOwner(ownerId);
      caseIds.forEach((caseId, i) => {
        const c = q.caseTeam.get(caseId);
        if (!c) throw ApiFailure.of('invalid_input', 'records.caseNotFound', undefined, { fields: [fieldError(`caseIds.${i}`, 'records.caseNotFound')] });
        if (c.team_id !== goal.team_id) {
          throw ApiFailure.of('invalid_input', 'plans.caseOtherTeam', undefined, { fields: [fieldError(`caseIds.${i}`, 'records.otherTeamsCase')] });
        }
      });
      let id: number;
      if (actionId === undefined) {
        id = Number(q.insertAction.run(goalId, title, ownerId, dueDate, status).lastInsertRowid);
      } else {
        const action = q.action.get(actionId);
        if (!action || action.goal_id !== goalId) throw notFound('records.actionNotFound', 'actionId');
        q.updateAction.run(title, ownerId, dueDate, status, actionId);
        q.clearActionCases.run(actionId);
        id = actionId;
      }
      for (const caseId of caseIds) q.insertActionCase.run(id, caseId);
      logPlan(call, goal.plan_id, actionId === undefined ? 'plan_action_added' : 'plan_action_changed', `${title} (${status}${dueDate ? `, ${dueDate}` : ''})`);
      return { id };
    },

    deleteAction: ({ actionId }, call) => {
      const action = q.action.get(actionId);
      if (!action) throw notFound('records.actionNotFound', 'actionId');
      q.deleteAction.run(actionId);
      logPlan(call, action.plan_id, 'plan_action_removed', null, String(actionId));
      return { id: actionId };
    },

    saveKpi: ({ goalId, kpiId, spec, target, direction }, call) => {
      const goal = goalOf(goalId);
      const json = JSON.stringify(spec);
      let id: number;
      if (kpiId === undefined) {
        id = Number(q.insertKpi.run(goalId, json, target, direction).lastInsertRowid);
      } else {
        const kpi = q.kpi.get(kpiId);
        if (!kpi || kpi.goal_id !== goalId) throw notFound('records.kpiNotFound', 'kpiId');
        q.updateKpi.run(json, target, direction, kpiId);
        id = kpiId;
      }
      logPlan(call, goal.plan_id, kpiId === undefined ? 'plan_kpi_added' : 'plan_kpi_changed', `${describeKpi(spec)}: mål ${target} (${direction === 'higher' ? 'højere er bedre' : 'lavere er bedre'})`);
      return { id };
    },

    deleteKpi: ({ kpiId }, call) => {
      const kpi = q.kpi.get(kpiId);
      if (!kpi) throw notFound('records.kpiNotFound', 'kpiId');
      q.deleteKpi.run(kpiId);
      logPlan(call, kpi.plan_id, 'plan_kpi_removed', null, String(kpiId));
      return { id: kpiId };
    },

    saveInvestment: ({ goalId, investmentId, title, fromParagraph, toParagraph, input }, call) => {
      const goal = goalOf(goalId);
      const json = JSON.stringify(input);
      let id: number;
      if (investmentId === undefined) {
        id = Number(q.insertInvestment.run(goalId, title, json, fromParagraph, toParagraph).lastInsertRowid);
      } else {
        const inv = q.investment.get(investmentId);
        if (!inv || inv.goal_id !== goalId) throw notFound('records.investmentNotFound', 'investmentId');
        q.updateInvestment.run(title, json, fromParagraph, toParagraph, investmentId);
        id = investmentId;
      }
      const payback = computeInvestment(input).paybackYears;
      logPlan(call, goal.plan_id, investmentId === undefined ? 'plan_investment_added' : 'plan_investment_changed',
        `${title}: ${formatParagraph(fromParagraph)} → ${formatParagraph(toParagraph)}, tilbagebetaling ${payback === null ? 'aldrig' : `${payback} år`}`);
      return { id };
    },

    deleteInvestment: ({ investmentId }, call) => {
      const inv = q.investment.get(investmentId);
      if (!inv) throw notFound('records.investmentNotFound', 'investmentId');
      q.deleteInvestment.run(investmentId);
      logPlan(call, inv.plan_id, 'plan_investment_removed', null, String(investmentId));
      return { id: investmentId };
    },

    savePlanPriority: ({ planId, tagId, label, weight, paragraph, kind }, call) => {
      const plan = planRow(db, planId);
      if (tagId !== undefined) {
        const link = q.priorityLink.get(tagId);
        if (!link || link.plan_id !== planId) throw notFound('records.priorityNotFound', 'tagId');
      }
      // The pull list owns priority tags (its ordering reads them); the plan only records which are its own.
      const tag = savePriorityTag(ctx, { teamId: plan.team_id, ...(tagId === undefined ? {} : { tagId }), label, weight, paragraph, kind }, call);
      if (tagId === undefined) q.insertPriorityLink.run(tag.id, planId);
      logPlan(call, planId, tagId === undefined ? 'plan_priority_added' : 'plan_priority_changed', `${label}: ${weight} point`);
      return tag;
    },

    deletePlanPriority: ({ tagId }, call) => {
      const link = q.priorityLink.get(tagId);
      if (!link) throw notFound('records.priorityNotFound', 'tagId');
      const plan = planRow(db, link.plan_id);
      deletePriorityTag(ctx, tagId, call);
      logPlan(call, plan.id, 'plan_priority_removed', null, String(tagId));
      return { tagId };
    },
  };
}

function toBasis(g: GrantCostRow) {
  return { takst: g.takst, takstUnit: g.takst_unit, quantity: g.quantity, startDate: g.start_date, endDate: g.end_date };
}

/** KPI values keep four decimals: enough for percentages and medians, without float noise. */
function round4(value: number): number {
  const r = Math.round(value * 10_000) / 10_000;
  return Object.is(r, -0) ? 0 : r;
}
