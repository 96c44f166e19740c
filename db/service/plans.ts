// Sprints and the team leaders' strategic action plans. Sprint writes go to the event log
// (entity 'sprint'); burn-up and review are worked out from it by shared/sprints.ts. KPI values
// are computed here from the store as of a day, through the economics and flow services' exported
// readers where they already answer the question (bottom line, throughput).
import type { CallContext } from '../../shared/api/define';
import type { Handlers } from '../../shared/api/dispatch';
import { ApiFailure } from '../../shared/api/envelope';
import type {
  CaseHit, CaseSprintState, KpiCaseload, KpiValue, PlanAction, PlanDetail, PlanGoal, PlanInvestment, plansMethods, PlanSummary,
  RealisedYear, SprintDetail, SprintItem, SprintSummary,
} from '../../shared/api/methods/plans';
import { addDays, daysBetween, daysInYear, yearOf } from '../../shared/dates';
import type { ColumnKind, IsoDate } from '../../shared/domain';
import { costInPeriod, roundOere, yearlyCost } from '../../shared/economics';
import { formatParagraph } from '../../shared/format';
import { computeInvestment, investmentInput, roundInvestment, type CostLine, type InvestmentInput } from '../../shared/investment';
import {
  describeKpi, kpiDefinition, KPI_CATALOGUE, kpiSpec, kpiStatus, kpiTrend, medianOf, TREND_LOOKBACK_DAYS,
  type KpiSpec,
} from '../../shared/plans';
import type { PriorityTag, WorkItemKind } from '../../shared/pullList';
import {
  burnUp, currentSprint, nextSprint, periodsOverlap, reviewSummary, SPRINT_EVENTS,
  type BurnEvent, type Sprint, type SprintOutcome,
} from '../../shared/sprints';
import { caseloadReader } from '../caseload';
import { appendEvent } from '../events';
import type { ServiceContext } from './context';
import { bottomLineFor } from './economy';
import { flowReportFor } from './flow';
import { deletePriorityTag, savePriorityTag } from './pullList';
import { statements } from '../statements';
import type { Db } from '../connection';

interface SprintRow {
  id: number; team_id: number; name: string; goal: string; start_date: string; end_date: string;
  status: 'open' | 'closed'; goal_met: number | null; review_note: string | null; closed_at: string | null;
}
const SPRINT_COLUMNS = 'id, team_id, name, goal, start_date, end_date, status, goal_met, review_note, closed_at';
const toSprint = (r: SprintRow): Sprint => ({
  id: r.id, teamId: r.team_id, name: r.name, goal: r.goal, startDate: r.start_date, endDate: r.end_date,
  status: r.status, goalMet: r.goal_met === null ? null : r.goal_met === 1, reviewNote: r.review_note, closedAt: r.closed_at,
});

interface ItemRow {
  case_id: number; case_number: string; citizen_initials: string; kind: SprintItem['kind']; paragraph: string;
  assignee_name: string | null; column_name: string; column_kind: ColumnKind; committed_on: string; outcome: SprintOutcome | null;
}

interface PlanRow {
  id: number; team_id: number; team_name: string; title: string; period_start: string; period_end: string;
  owner_id: number; owner_name: string; updated_at: string; goals: number;
}
const PLAN_SELECT = `
  SELECT p.id, p.team_id, t.name AS team_name, p.title, p.period_start, p.period_end, p.owner_id, o.name AS owner_name,
         p.updated_at, (SELECT COUNT(*) FROM plan_goals g WHERE g.plan_id = p.id) AS goals
  FROM plans p JOIN teams t ON t.id = p.team_id JOIN people o ON o.id = p.owner_id`;
const toPlanSummary = (r: PlanRow): PlanSummary => ({
  id: r.id, teamId: r.team_id, teamName: r.team_name, title: r.title, periodStart: r.period_start, periodEnd: r.period_end,
  ownerId: r.owner_id, ownerName: r.owner_name, goals: r.goals,
});

interface ActorRow { id: number; name: string; role: string; team_id: number | null }
interface GrantCostRow { takst: number; takst_unit: 'hour' | 'day' | 'week' | 'month' | 'year'; quantity: number; start_date: string; end_date: string | null }

const notFound = (what: string, field: string) => new ApiFailure('not_found', `${what} findes ikke.`, [{ field, message: `${what} findes ikke` }]);

const queries = (db: Db) => ({
  actor: db.prepare('SELECT id, name, role, team_id FROM people WHERE id = ? AND active = 1'),
  team: db.prepare('SELECT id, name FROM teams WHERE id = ?'),
  person: db.prepare('SELECT id, name, team_id FROM people WHERE id = ?'),
  columnKinds: db.prepare('SELECT id, kind FROM board_columns'),
  sprint: db.prepare(`SELECT ${SPRINT_COLUMNS} FROM sprints WHERE id = ?`),
  teamSprints: db.prepare(`SELECT ${SPRINT_COLUMNS} FROM sprints WHERE team_id = ? ORDER BY start_date DESC, id DESC`),
  openSprints: db.prepare(`SELECT ${SPRINT_COLUMNS} FROM sprints WHERE team_id = ? AND status = 'open' ORDER BY start_date, id`),
  sprintCounts: db.prepare(
    `SELECT i.sprint_id, COUNT(*) AS committed,
            SUM(CASE WHEN s.status = 'closed' THEN i.outcome = 'done' ELSE b.kind = 'done' END) AS done
     FROM sprint_items i JOIN sprints s ON s.id = i.sprint_id JOIN cases c ON c.id = i.case_id
     JOIN board_columns b ON b.id = c.column_id
     WHERE s.team_id = ? GROUP BY i.sprint_id`,
  ),
  items: db.prepare(
    `SELECT i.case_id, c.case_number, z.initials AS citizen_initials, c.kind, c.paragraph, p.name AS assignee_name,
            b.name AS column_name, b.kind AS column_kind, i.committed_on, i.outcome
     FROM sprint_items i JOIN cases c ON c.id = i.case_id JOIN citizens z ON z.id = c.citizen_id
     JOIN board_columns b ON b.id = c.column_id LEFT JOIN people p ON p.id = c.assignee_id
     WHERE i.sprint_id = ? ORDER BY b.position, c.case_number`,
  ),
  burnEvents: db.prepare(
    `SELECT e.case_id, e.at, e.type, e.field, e.to_value, CASE WHEN e.entity = 'sprint' THEN e.entity_id END AS sprint_id
     FROM events e
     WHERE e.case_id IN (SELECT DISTINCT case_id FROM events WHERE entity = 'sprint' AND entity_id = ? AND case_id IS NOT NULL)
       AND e.at < ?
       AND ((e.entity = 'sprint' AND e.entity_id = ?) OR (e.to_value IS NOT NULL AND e.type <> 'reordered'))`,
  ),
  caseRow: db.prepare(
    `SELECT c.id, c.team_id, c.case_number, b.kind AS column_kind FROM cases c JOIN board_columns b ON b.id = c.column_id WHERE c.id = ?`,
  ),
  openSprintOfCase: db.prepare(
    `SELECT s.id, s.name, s.start_date, s.end_date FROM sprint_items i JOIN sprints s ON s.id = i.sprint_id
     WHERE i.case_id = ? AND s.status = 'open' LIMIT 1`,
  ),
  item: db.prepare('SELECT sprint_id, case_id FROM sprint_items WHERE sprint_id = ? AND case_id = ?'),
  insertItem: db.prepare('INSERT INTO sprint_items (sprint_id, case_id, committed_on, committed_by) VALUES (?, ?, ?, ?)'),
  deleteItem: db.prepare('DELETE FROM sprint_items WHERE sprint_id = ? AND case_id = ?'),
  setOutcome: db.prepare('UPDATE sprint_items SET outcome = ? WHERE sprint_id = ? AND case_id = ?'),
  insertSprint: db.prepare(
    `INSERT INTO sprints (team_id, name, goal, start_date, end_date, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ),
  updateSprint: db.prepare('UPDATE sprints SET name = ?, goal = ?, start_date = ?, end_date = ? WHERE id = ?'),
  closeSprint: db.prepare(
    `UPDATE sprints SET status = 'closed', goal_met = ?, review_note = ?, closed_by = ?, closed_at = ? WHERE id = ?`,
  ),
  laneItems: db.prepare('SELECT case_id, sprint_id FROM sprint_items WHERE sprint_id IN (?, ?)'),
  search: db.prepare(
    `SELECT c.id, c.case_number, z.initials, c.kind, c.paragraph, b.name AS column_name,
            (SELECT i.sprint_id FROM sprint_items i JOIN sprints s ON s.id = i.sprint_id
             WHERE i.case_id = c.id AND s.status = 'open' LIMIT 1) AS sprint_id
     FROM cases c JOIN citizens z ON z.id = c.citizen_id JOIN board_columns b ON b.id = c.column_id
     WHERE c.team_id = ? AND b.kind <> 'done' AND c.case_number LIKE ? ESCAPE '\\'
     ORDER BY instr(c.case_number, ?) , c.case_number LIMIT 20`,
  ),

  // Plans
  plans: db.prepare(`${PLAN_SELECT} ORDER BY t.sort_order, p.period_start DESC, p.id DESC`),
  teamPlans: db.prepare(`${PLAN_SELECT} WHERE p.team_id = ? ORDER BY p.period_start DESC, p.id DESC`),
  plan: db.prepare(`${PLAN_SELECT} WHERE p.id = ?`),
  insertPlan: db.prepare(
    'INSERT INTO plans (team_id, title, period_start, period_end, owner_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ),
  updatePlan: db.prepare('UPDATE plans SET title = ?, period_start = ?, period_end = ?, updated_at = ? WHERE id = ?'),
  touchPlan: db.prepare('UPDATE plans SET updated_at = ? WHERE id = ?'),
  goals: db.prepare('SELECT id, plan_id, position, title, description FROM plan_goals WHERE plan_id = ? ORDER BY position, id'),
  goal: db.prepare('SELECT g.id, g.plan_id, p.team_id FROM plan_goals g JOIN plans p ON p.id = g.plan_id WHERE g.id = ?'),
  maxGoalPosition: db.prepare('SELECT COALESCE(MAX(position), 0) AS n FROM plan_goals WHERE plan_id = ?'),
  insertGoal: db.prepare('INSERT INTO plan_goals (plan_id, position, title, description) VALUES (?, ?, ?, ?)'),
  updateGoal: db.prepare('UPDATE plan_goals SET title = ?, description = ? WHERE id = ?'),
  deleteGoal: db.prepare('DELETE FROM plan_goals WHERE id = ?'),
  actions: db.prepare(
    `SELECT a.id, a.goal_id, a.title, a.owner_id, p.name AS owner_name, a.due_date, a.status
     FROM plan_actions a LEFT JOIN people p ON p.id = a.owner_id WHERE a.goal_id = ? ORDER BY a.due_date IS NULL, a.due_date, a.id`,
  ),
  action: db.prepare(
    `SELECT a.id, a.goal_id, g.plan_id, p.team_id FROM plan_actions a JOIN plan_goals g ON g.id = a.goal_id
     JOIN plans p ON p.id = g.plan_id WHERE a.id = ?`,
  ),
  actionCases: db.prepare(
    `SELECT l.case_id, c.case_number FROM plan_action_cases l JOIN cases c ON c.id = l.case_id WHERE l.action_id = ? ORDER BY c.case_number`,
  ),
  insertAction: db.prepare('INSERT INTO plan_actions (goal_id, title, owner_id, due_date, status) VALUES (?, ?, ?, ?, ?)'),
  updateAction: db.prepare('UPDATE plan_actions SET title = ?, owner_id = ?, due_date = ?, status = ? WHERE id = ?'),
  deleteAction: db.prepare('DELETE FROM plan_actions WHERE id = ?'),
  clearActionCases: db.prepare('DELETE FROM plan_action_cases WHERE action_id = ?'),
  insertActionCase: db.prepare('INSERT OR IGNORE INTO plan_action_cases (action_id, case_id) VALUES (?, ?)'),
  caseTeam: db.prepare('SELECT id, team_id FROM cases WHERE id = ?'),
  kpis: db.prepare('SELECT id, goal_id, spec, target, direction FROM plan_kpis WHERE goal_id = ? ORDER BY id'),
  kpi: db.prepare(
    `SELECT k.id, k.goal_id, g.plan_id, p.team_id FROM plan_kpis k JOIN plan_goals g ON g.id = k.goal_id
     JOIN plans p ON p.id = g.plan_id WHERE k.id = ?`,
  ),
  insertKpi: db.prepare('INSERT INTO plan_kpis (goal_id, spec, target, direction) VALUES (?, ?, ?, ?)'),
  updateKpi: db.prepare('UPDATE plan_kpis SET spec = ?, target = ?, direction = ? WHERE id = ?'),
  deleteKpi: db.prepare('DELETE FROM plan_kpis WHERE id = ?'),
  investments: db.prepare('SELECT id, goal_id, title, input, from_paragraph, to_paragraph FROM plan_investments WHERE goal_id = ? ORDER BY id'),
  investment: db.prepare(
    `SELECT i.id, i.goal_id, g.plan_id, p.team_id FROM plan_investments i JOIN plan_goals g ON g.id = i.goal_id
     JOIN plans p ON p.id = g.plan_id WHERE i.id = ?`,
  ),
  insertInvestment: db.prepare('INSERT INTO plan_investments (goal_id, title, input, from_paragraph, to_paragraph) VALUES (?, ?, ?, ?, ?)'),
  updateInvestment: db.prepare('UPDATE plan_investments SET title = ?, input = ?, from_paragraph = ?, to_paragraph = ? WHERE id = ?'),
  deleteInvestment: db.prepare('DELETE FROM plan_investments WHERE id = ?'),
  priorities: db.prepare(
    `SELECT t.id, t.label, t.weight, t.paragraph, t.item_kind FROM plan_priority_tags l JOIN priority_tags t ON t.id = l.tag_id
     WHERE l.plan_id = ? ORDER BY t.weight DESC, t.label`,
  ),
  priorityLink: db.prepare('SELECT tag_id, plan_id FROM plan_priority_tags WHERE tag_id = ?'),
  insertPriorityLink: db.prepare('INSERT INTO plan_priority_tags (tag_id, plan_id) VALUES (?, ?)'),

  // KPI figures
  newGrants: db.prepare(
    `SELECT COUNT(*) AS n FROM grants g JOIN cases c ON c.id = g.case_id
     WHERE c.team_id = ? AND g.paragraph = ? AND g.start_date > ? AND g.start_date <= ?`,
  ),
  providerShare: db.prepare(
    `SELECT COUNT(*) AS n, COALESCE(SUM(g.provider_type = 'internal'), 0) AS internal FROM grants g JOIN cases c ON c.id = g.case_id
     WHERE c.team_id = ? AND (? IS NULL OR g.paragraph = ?) AND g.start_date <= ? AND (g.end_date IS NULL OR g.end_date >= ?)`,
  ),
  // Decision day: first day in a done column (flow facts) or the first 'decided' event, whichever came first.
  decisions: db.prepare(
    `SELECT received_date, decided FROM (
       SELECT c.received_date,
              MIN(COALESCE(f.finish_day, '9999-12-31'), COALESCE(
                (SELECT MIN(substr(e.at, 1, 10)) FROM events e WHERE e.case_id = c.id AND e.type = 'decided'), '9999-12-31')) AS decided
       FROM cases c LEFT JOIN flow_cases f ON f.case_id = c.id
       WHERE c.team_id = ? AND c.kind <> 'task' AND (? IS NULL OR c.paragraph = ?))
     WHERE decided > ? AND decided <= ?`,
  ),
  overdueFollowUps: db.prepare(
    `SELECT COUNT(*) AS n FROM grants g JOIN cases c ON c.id = g.case_id
     WHERE c.team_id = ? AND g.next_follow_up < ? AND g.start_date <= ? AND (g.end_date IS NULL OR g.end_date >= ?)`,
  ),

  // Investment, realised side
  activeOfParagraph: db.prepare(
    `SELECT g.takst, g.takst_unit, g.quantity, g.start_date, g.end_date FROM grants g JOIN cases c ON c.id = g.case_id
     WHERE c.team_id = ? AND g.paragraph = ? AND g.start_date <= ? AND (g.end_date IS NULL OR g.end_date >= ?)`,
  ),
  movedGrants: db.prepare(
    `SELECT g.takst, g.takst_unit, g.quantity, g.start_date, g.end_date, c.citizen_id FROM grants g JOIN cases c ON c.id = g.case_id
     WHERE c.team_id = ? AND c.paragraph = ? AND g.paragraph = ? AND g.start_date >= ? AND g.start_date <= ?`,
  ),
});

export function plansHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof plansMethods> {
  const { db } = ctx;
  const caseloads = caseloadReader(db);
  const q = statements(db, queries);

  // ---------------------------------------------------------------------------------------------
  // Who is acting (who may, is declared in the contract)

  function actorOf(call: CallContext): ActorRow {
    const actor = call.actorId === null ? undefined : (q.actor.get(call.actorId) as ActorRow | undefined);
    if (!actor) throw new ApiFailure('forbidden', 'Den valgte bruger findes ikke (længere). Vælg, hvem du er, igen.');
    return actor;
  }

  function team(teamId: number): { id: number; name: string } {
    const row = q.team.get(teamId) as { id: number; name: string } | undefined;
    if (!row) throw notFound('Teamet', 'teamId');
    return row;
  }

  // ---------------------------------------------------------------------------------------------
  // Sprints

  function sprintRow(sprintId: number, field = 'sprintId'): SprintRow {
    const row = q.sprint.get(sprintId) as SprintRow | undefined;
    if (!row) throw notFound('Sprinten', field);
    return row;
  }

  function openSprint(sprintId: number, field = 'sprintId'): SprintRow {
    const row = sprintRow(sprintId, field);
    if (row.status !== 'open') {
      throw new ApiFailure('conflict', `${row.name} er afsluttet og kan ikke ændres.`, [{ field, message: 'Sprinten er afsluttet' }]);
    }
    return row;
  }

  function assertNoOverlap(teamId: number, period: { startDate: IsoDate; endDate: IsoDate }, exceptId: number | null): void {
    const clash = (q.openSprints.all(teamId) as SprintRow[])
      .filter((s) => s.id !== exceptId)
      .find((s) => periodsOverlap(period, { startDate: s.start_date, endDate: s.end_date }));
    if (clash) {
      throw new ApiFailure('conflict', `Perioden overlapper ${clash.name} (${clash.start_date} – ${clash.end_date}). Et team har én sprint ad gangen.`, [
        { field: 'startDate', message: `Overlapper ${clash.name}` },
      ]);
    }
  }

  const sprintRef = (r: { id: number; name: string; start_date: string; end_date: string }) => ({
    id: r.id, name: r.name, startDate: r.start_date, endDate: r.end_date,
  });

  function caseSprintState(caseId: number): CaseSprintState {
    const c = q.caseRow.get(caseId) as { id: number; team_id: number } | undefined;
    if (!c) throw notFound('Sagen', 'caseId');
    const current = q.openSprintOfCase.get(caseId) as { id: number; name: string; start_date: string; end_date: string } | undefined;
    return {
      caseId,
      teamId: c.team_id,
      sprint: current ? sprintRef(current) : null,
      openSprints: (q.openSprints.all(c.team_id) as SprintRow[]).map(sprintRef),
    };
  }

  function kindMap(): Map<number, ColumnKind> {
    return new Map((q.columnKinds.all() as { id: number; kind: ColumnKind }[]).map((r) => [r.id, r.kind]));
  }

  function sprintDetail(sprintId: number): SprintDetail {
    const row = sprintRow(sprintId);
    const sprint = toSprint(row);
    const today = ctx.today();
    const items: SprintItem[] = (q.items.all(sprintId) as ItemRow[]).map((r) => ({
      caseId: r.case_id,
      caseNumber: r.case_number,
      citizenInitials: r.citizen_initials,
      kind: r.kind,
      paragraph: r.paragraph,
      assigneeName: r.assignee_name,
      columnName: r.column_name,
      columnKind: r.column_kind,
      done: sprint.status === 'closed' ? r.outcome === 'done' : r.column_kind === 'done',
      committedOn: r.committed_on,
      outcome: r.outcome,
    }));
    const kinds = kindMap();
    const until = `${addDays(sprint.endDate < today ? sprint.endDate : today, 1)}T00:00:00.000Z`;
    const events: BurnEvent[] = (q.burnEvents.all(sprintId, until, sprintId) as {
      case_id: number; at: string; type: string; field: string | null; to_value: string | null; sprint_id: number | null;
    }[]).map((e) => ({ caseId: e.case_id, at: e.at, type: e.type, field: e.field, to: e.to_value, sprintId: e.sprint_id }));
    const teamSprints = (q.teamSprints.all(sprint.teamId) as SprintRow[]).map(toSprint);
    const current = currentSprint(teamSprints, today);
    const next = nextSprint(teamSprints, today);
    const position = current?.id === sprint.id ? 'current' : next?.id === sprint.id ? 'next' : sprint.endDate < today || sprint.status === 'closed' ? 'past' : 'later';
    return {
      sprint,
      today,
      position,
      items,
      burnUp: burnUp(sprint, events, (id) => kinds.get(id), today),
      review: reviewSummary(items),
      carryTargets: teamSprints
        .filter((s) => s.status === 'open' && s.id !== sprint.id && s.startDate > sprint.startDate)
        .sort((a, b) => (a.startDate < b.startDate ? -1 : 1))
        .map((s) => ({ id: s.id, name: s.name, startDate: s.startDate, endDate: s.endDate })),
    };
  }

  function logSprint(call: CallContext, e: { sprintId: number; caseId?: number | null; type: string; from?: string | number | null; to?: string | number | null; reason?: string | null }) {
    appendEvent(db, {
      at: ctx.now().toISOString(), actorId: call.actorId, caseId: e.caseId ?? null, entity: 'sprint', entityId: e.sprintId,
      type: e.type, field: 'sprint', from: e.from ?? null, to: e.to ?? null, reason: e.reason ?? null,
    });
  }

  // ---------------------------------------------------------------------------------------------
  // KPIs

  function kpiValue(teamId: number, spec: KpiSpec, asOf: IsoDate): number | null {
    switch (spec.kind) {
      case 'new_grants':
        return (q.newGrants.get(teamId, spec.paragraph, addDays(asOf, -spec.days), asOf) as { n: number }).n;
      case 'internal_share': {
        const p = spec.paragraph;
        const r = q.providerShare.get(teamId, p, p, asOf, asOf) as { n: number; internal: number };
        return r.n === 0 ? null : (100 * r.internal) / r.n;
      }
      case 'median_decision_days': {
        const p = spec.paragraph;
        const rows = q.decisions.all(teamId, p, p, addDays(asOf, -spec.days), asOf) as { received_date: string; decided: string }[];
        return medianOf(rows.map((r) => Math.max(0, daysBetween(r.received_date, r.decided))));
      }
      case 'bottom_line': {
        const report = bottomLineFor(db, asOf, teamId);
        return report.teams.find((t) => t.teamId === teamId)?.bottomLine ?? null;
      }
      case 'caseload_vs_norm':
        // The one caseload definition (db/caseload.ts): Sagstal and the wall show the same figure.
        return caseloads.team(teamId, asOf, ctx.today()).totals.percentOfNorm;
      case 'overdue_follow_ups':
        return (q.overdueFollowUps.get(teamId, asOf, asOf, asOf) as { n: number }).n;
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
    const t = caseloads.team(teamId, asOf, ctx.today()).totals;
    return { caseload: { weighted: t.normedWeighted, cases: t.normedCases, norm: t.norm } };
  }

  function kpiValues(goalId: number, teamId: number, periodStart: IsoDate, periodEnd: IsoDate): KpiValue[] {
    const today = ctx.today();
    const asOf = today > periodEnd ? periodEnd : today;
    return (q.kpis.all(goalId) as { id: number; goal_id: number; spec: string; target: number; direction: 'higher' | 'lower' }[]).map((r) => {
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

  function investmentOf(
    row: { id: number; goal_id: number; title: string; input: string; from_paragraph: string; to_paragraph: string },
    teamId: number,
  ): PlanInvestment {
    const input: InvestmentInput = investmentInput.parse(JSON.parse(row.input));
    const planned = roundInvestment(computeInvestment(input));
    const today = ctx.today();
    // What a moved citizen would have cost per year: the mean yearly cost of the team's grants of
    // the costly paragraph running on the start date; the plan's own figure when there are none.
    const costly = q.activeOfParagraph.all(teamId, row.from_paragraph, input.start, input.start) as GrantCostRow[];
    const storeSaving = costly.length ? costly.reduce((s, g) => s + yearlyCost(toBasis(g)), 0) / costly.length : null;
    const saving = storeSaving ?? input.savingPerCitizenYear;
    const realised: RealisedYear[] = [];
    if (input.start <= today) {
      const moved = q.movedGrants.all(teamId, row.from_paragraph, row.to_paragraph, input.start, today) as (GrantCostRow & { citizen_id: number })[];
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

  // ---------------------------------------------------------------------------------------------
  // Plans

  function planRow(planId: number, field = 'planId'): PlanRow {
    const row = q.plan.get(planId) as PlanRow | undefined;
    if (!row) throw notFound('Handleplanen', field);
    return row;
  }

  function goalOf(goalId: number): { id: number; plan_id: number; team_id: number } {
    const row = q.goal.get(goalId) as { id: number; plan_id: number; team_id: number } | undefined;
    if (!row) throw notFound('Målet', 'goalId');
    return row;
  }

  function logPlan(call: CallContext, planId: number, type: string, to: string | null, from: string | null = null) {
    const at = ctx.now().toISOString();
    q.touchPlan.run(at, planId);
    appendEvent(db, { at, actorId: call.actorId, entity: 'plan', entityId: planId, type, field: 'plan', from, to });
  }

  function planDetail(planId: number): PlanDetail {
    const row = planRow(planId);
    const summary = toPlanSummary(row);
    const today = ctx.today();
    const goals: PlanGoal[] = (q.goals.all(planId) as { id: number; plan_id: number; position: number; title: string; description: string | null }[]).map((g) => ({
      id: g.id,
      planId: g.plan_id,
      position: g.position,
      title: g.title,
      description: g.description,
      actions: (q.actions.all(g.id) as { id: number; goal_id: number; title: string; owner_id: number | null; owner_name: string | null; due_date: string | null; status: PlanAction['status'] }[]).map((a) => ({
        id: a.id,
        goalId: a.goal_id,
        title: a.title,
        ownerId: a.owner_id,
        ownerName: a.owner_name,
        dueDate: a.due_date,
        status: a.status,
        overdue: a.due_date !== null && a.due_date < today && a.status !== 'done' && a.status !== 'cancelled',
        cases: (q.actionCases.all(a.id) as { case_id: number; case_number: string }[]).map((c) => ({ caseId: c.case_id, caseNumber: c.case_number })),
      })),
      kpis: kpiValues(g.id, row.team_id, row.period_start, row.period_end),
      investments: (q.investments.all(g.id) as { id: number; goal_id: number; title: string; input: string; from_paragraph: string; to_paragraph: string }[]).map((i) => investmentOf(i, row.team_id)),
    }));
    const { goals: _count, ...rest } = summary;
    void _count;
    return {
      ...rest,
      today,
      goals,
      priorities: (q.priorities.all(planId) as { id: number; label: string; weight: number; paragraph: string | null; item_kind: WorkItemKind | null }[]).map(
        (t): PriorityTag => ({ id: t.id, label: t.label, weight: t.weight, paragraph: t.paragraph, kind: t.item_kind }),
      ),
      updatedAt: row.updated_at,
    };
  }

  function assertOwner(ownerId: number | null): void {
    if (ownerId === null) return;
    if (!q.person.get(ownerId)) throw new ApiFailure('invalid_input', 'Den ansvarlige findes ikke.', [{ field: 'ownerId', message: 'Personen findes ikke' }]);
  }

  return {
    listSprints: ({ teamId }) => {
      team(teamId);
      const counts = new Map((q.sprintCounts.all(teamId) as { sprint_id: number; committed: number; done: number }[]).map((r) => [r.sprint_id, r]));
      return (q.teamSprints.all(teamId) as SprintRow[]).map((r): SprintSummary => ({
        ...toSprint(r),
        committed: counts.get(r.id)?.committed ?? 0,
        done: counts.get(r.id)?.done ?? 0,
      }));
    },

    getSprint: ({ sprintId }) => sprintDetail(sprintId),

    createSprint: ({ teamId, name, goal, startDate, endDate }, call) => {
      actorOf(call);
      team(teamId);
      assertNoOverlap(teamId, { startDate, endDate }, null);
      const at = ctx.now().toISOString();
      const id = Number(q.insertSprint.run(teamId, name, goal, startDate, endDate, call.actorId, at).lastInsertRowid);
      logSprint(call, { sprintId: id, type: SPRINT_EVENTS.created, to: `${name}: ${startDate} – ${endDate}`, reason: goal });
      return toSprint(sprintRow(id));
    },

    updateSprint: ({ sprintId, name, goal, startDate, endDate }, call) => {
      actorOf(call);
      const old = openSprint(sprintId);
      assertNoOverlap(old.team_id, { startDate, endDate }, sprintId);
      q.updateSprint.run(name, goal, startDate, endDate, sprintId);
      logSprint(call, {
        sprintId, type: 'sprint_changed',
        from: `${old.name}: ${old.start_date} – ${old.end_date}; ${old.goal}`, to: `${name}: ${startDate} – ${endDate}; ${goal}`,
      });
      return toSprint(sprintRow(sprintId));
    },

    commitToSprint: ({ sprintId, caseId }, call) => {
      actorOf(call);
      const sprint = openSprint(sprintId);
      const c = q.caseRow.get(caseId) as { id: number; team_id: number; case_number: string } | undefined;
      if (!c) throw notFound('Sagen', 'caseId');
      if (c.team_id !== sprint.team_id) {
        throw new ApiFailure('invalid_input', `Sag ${c.case_number} hører til et andet team end sprinten.`, [{ field: 'caseId', message: 'Sagen hører til et andet team' }]);
      }
      const already = q.openSprintOfCase.get(caseId) as { id: number; name: string } | undefined;
      if (already?.id === sprintId) return caseSprintState(caseId);
      if (already) {
        q.deleteItem.run(already.id, caseId);
        logSprint(call, { sprintId: already.id, caseId, type: SPRINT_EVENTS.uncommitted, from: already.id, to: sprintId, reason: `Flyttet til ${sprint.name}` });
      }
      q.insertItem.run(sprintId, caseId, ctx.today(), call.actorId);
      logSprint(call, { sprintId, caseId, type: SPRINT_EVENTS.committed, from: already?.id ?? null, to: sprintId });
      return caseSprintState(caseId);
    },

    uncommitFromSprint: ({ sprintId, caseId, reason }, call) => {
      actorOf(call);
      openSprint(sprintId);
      if (!q.item.get(sprintId, caseId)) {
        throw new ApiFailure('not_found', 'Sagen er ikke med i sprinten.', [{ field: 'caseId', message: 'Ikke med i sprinten' }]);
      }
      q.deleteItem.run(sprintId, caseId);
      logSprint(call, { sprintId, caseId, type: SPRINT_EVENTS.uncommitted, from: sprintId, to: null, reason: reason || 'Tilbage til pull-listen' });
      return caseSprintState(caseId);
    },

    closeSprint: ({ sprintId, goalMet, note, carryOver, nextSprintId }, call) => {
      actorOf(call);
      const sprint = openSprint(sprintId);
      let target: SprintRow | null = null;
      if (carryOver === 'next_sprint') {
        target = openSprint(nextSprintId!, 'nextSprintId');
        if (target.team_id !== sprint.team_id || target.id === sprint.id || target.start_date <= sprint.start_date) {
          throw new ApiFailure('invalid_input', 'Ufærdige sager kan kun gå videre til en senere, åben sprint i samme team.', [
            { field: 'nextSprintId', message: 'Vælg en senere sprint i teamet' },
          ]);
        }
      }
      const items = q.items.all(sprintId) as ItemRow[];
      for (const item of items) {
        if (item.column_kind === 'done') {
          q.setOutcome.run('done', sprintId, item.case_id);
          continue;
        }
        if (target) {
          q.setOutcome.run('carried_over', sprintId, item.case_id);
          if (!q.item.get(target.id, item.case_id)) q.insertItem.run(target.id, item.case_id, ctx.today(), call.actorId);
          logSprint(call, { sprintId: target.id, caseId: item.case_id, type: SPRINT_EVENTS.carriedOver, from: sprintId, to: target.id, reason: `Ikke færdig i ${sprint.name}` });
        } else {
          q.setOutcome.run('returned', sprintId, item.case_id);
          logSprint(call, { sprintId, caseId: item.case_id, type: SPRINT_EVENTS.returned, from: sprintId, to: null, reason: `Ikke færdig i ${sprint.name}; tilbage til pull-listen` });
        }
      }
      const at = ctx.now().toISOString();
      q.closeSprint.run(goalMet ? 1 : 0, note, call.actorId, at, sprintId);
      const done = items.filter((i) => i.column_kind === 'done').length;
      logSprint(call, {
        sprintId, type: SPRINT_EVENTS.closed, from: 'open',
        to: goalMet ? 'goal_met' : 'goal_not_met',
        reason: [`${done} af ${items.length} færdige`, target ? `resten videre til ${target.name}` : items.length > done ? 'resten tilbage til pull-listen' : null, note]
          .filter(Boolean).join('; '),
      });
      return sprintDetail(sprintId);
    },

    getSprintLanes: ({ teamId }) => {
      team(teamId);
      const today = ctx.today();
      const sprints = (q.teamSprints.all(teamId) as SprintRow[]).map(toSprint);
      const current = currentSprint(sprints, today);
      const next = nextSprint(sprints, today);
      const caseSprint: Record<number, number> = {};
      for (const r of q.laneItems.all(current?.id ?? -1, next?.id ?? -1) as { case_id: number; sprint_id: number }[]) caseSprint[r.case_id] = r.sprint_id;
      return {
        current: current ? { id: current.id, name: current.name } : null,
        next: next ? { id: next.id, name: next.name } : null,
        caseSprint,
      };
    },

    getCaseSprint: ({ caseId }) => caseSprintState(caseId),

    searchSprintCases: ({ teamId, query }) => {
      team(teamId);
      const escaped = query.replace(/[\\%_]/g, (m) => `\\${m}`);
      return (q.search.all(teamId, `%${escaped}%`, query) as {
        id: number; case_number: string; initials: string; kind: CaseHit['kind']; paragraph: string; column_name: string; sprint_id: number | null;
      }[]).map((r) => ({
        caseId: r.id, caseNumber: r.case_number, citizenInitials: r.initials, kind: r.kind, paragraph: r.paragraph,
        columnName: r.column_name, sprintId: r.sprint_id,
      }));
    },

    listKpiDefinitions: () => KPI_CATALOGUE.map((d) => ({ ...d, params: d.params.map((p) => ({ ...p })) })),

    previewKpi: ({ teamId, spec, asOf }) => {
      team(teamId);
      const day = asOf ?? ctx.today();
      const value = kpiValue(teamId, spec, day);
      return { value: value === null ? null : round4(value), asOf: day, label: describeKpi(spec), unit: kpiDefinition(spec.kind).unit, ...kpiCaseload(teamId, spec, day) };
    },

    listPlans: ({ teamId }) => {
      const rows = (teamId === undefined ? q.plans.all() : q.teamPlans.all(teamId)) as PlanRow[];
      return rows.map(toPlanSummary);
    },

    getPlan: ({ planId }) => planDetail(planId),

    createPlan: ({ teamId, title, periodStart, periodEnd }, call) => {
      team(teamId);
      const leader = actorOf(call);
      const at = ctx.now().toISOString();
      const id = Number(q.insertPlan.run(teamId, title, periodStart, periodEnd, leader.id, at, at).lastInsertRowid);
      logPlan(call, id, 'plan_created', `${title}: ${periodStart} – ${periodEnd}`);
      return toPlanSummary(planRow(id));
    },

    updatePlan: ({ planId, title, periodStart, periodEnd }, call) => {
      const old = planRow(planId);
      q.updatePlan.run(title, periodStart, periodEnd, ctx.now().toISOString(), planId);
      logPlan(call, planId, 'plan_changed', `${title}: ${periodStart} – ${periodEnd}`, `${old.title}: ${old.period_start} – ${old.period_end}`);
      return toPlanSummary(planRow(planId));
    },

    saveGoal: ({ planId, goalId, title, description }, call) => {
      planRow(planId); // an unknown plan is refused, not given a goal
      let id: number;
      if (goalId === undefined) {
        const position = (q.maxGoalPosition.get(planId) as { n: number }).n + 1;
        id = Number(q.insertGoal.run(planId, position, title, description).lastInsertRowid);
      } else {
        const goal = goalOf(goalId);
        if (goal.plan_id !== planId) throw new ApiFailure('invalid_input', 'Målet hører til en anden plan.', [{ field: 'goalId', message: 'Hører til en anden plan' }]);
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
        const c = q.caseTeam.get(caseId) as { id: number; team_id: number } | undefined;
        if (!c) throw new ApiFailure('invalid_input', `Sag ${caseId} findes ikke.`, [{ field: `caseIds.${i}`, message: 'Sagen findes ikke' }]);
        if (c.team_id !== goal.team_id) {
          throw new ApiFailure('invalid_input', `Sag ${caseId} hører til et andet team end planen.`, [{ field: `caseIds.${i}`, message: 'Sagen hører til et andet team' }]);
        }
      });
      let id: number;
      if (actionId === undefined) {
        id = Number(q.insertAction.run(goalId, title, ownerId, dueDate, status).lastInsertRowid);
      } else {
        const action = q.action.get(actionId) as { id: number; goal_id: number } | undefined;
        if (!action || action.goal_id !== goalId) throw notFound('Handlingen', 'actionId');
        q.updateAction.run(title, ownerId, dueDate, status, actionId);
        q.clearActionCases.run(actionId);
        id = actionId;
      }
      for (const caseId of caseIds) q.insertActionCase.run(id, caseId);
      logPlan(call, goal.plan_id, actionId === undefined ? 'plan_action_added' : 'plan_action_changed', `${title} (${status}${dueDate ? `, ${dueDate}` : ''})`);
      return { id };
    },

    deleteAction: ({ actionId }, call) => {
      const action = q.action.get(actionId) as { id: number; goal_id: number; plan_id: number; team_id: number } | undefined;
      if (!action) throw notFound('Handlingen', 'actionId');
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
        const kpi = q.kpi.get(kpiId) as { id: number; goal_id: number } | undefined;
        if (!kpi || kpi.goal_id !== goalId) throw notFound('Nøgletallet', 'kpiId');
        q.updateKpi.run(json, target, direction, kpiId);
        id = kpiId;
      }
      logPlan(call, goal.plan_id, kpiId === undefined ? 'plan_kpi_added' : 'plan_kpi_changed', `${describeKpi(spec)}: mål ${target} (${direction === 'higher' ? 'højere er bedre' : 'lavere er bedre'})`);
      return { id };
    },

    deleteKpi: ({ kpiId }, call) => {
      const kpi = q.kpi.get(kpiId) as { id: number; plan_id: number; team_id: number } | undefined;
      if (!kpi) throw notFound('Nøgletallet', 'kpiId');
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
        const inv = q.investment.get(investmentId) as { id: number; goal_id: number } | undefined;
        if (!inv || inv.goal_id !== goalId) throw notFound('Investeringscasen', 'investmentId');
        q.updateInvestment.run(title, json, fromParagraph, toParagraph, investmentId);
        id = investmentId;
      }
      const payback = computeInvestment(input).paybackYears;
      logPlan(call, goal.plan_id, investmentId === undefined ? 'plan_investment_added' : 'plan_investment_changed',
        `${title}: ${formatParagraph(fromParagraph)} → ${formatParagraph(toParagraph)}, tilbagebetaling ${payback === null ? 'aldrig' : `${payback} år`}`);
      return { id };
    },

    deleteInvestment: ({ investmentId }, call) => {
      const inv = q.investment.get(investmentId) as { id: number; plan_id: number; team_id: number } | undefined;
      if (!inv) throw notFound('Investeringscasen', 'investmentId');
      q.deleteInvestment.run(investmentId);
      logPlan(call, inv.plan_id, 'plan_investment_removed', null, String(investmentId));
      return { id: investmentId };
    },

    savePlanPriority: ({ planId, tagId, label, weight, paragraph, kind }, call) => {
      const plan = planRow(planId);
      if (tagId !== undefined) {
        const link = q.priorityLink.get(tagId) as { tag_id: number; plan_id: number } | undefined;
        if (!link || link.plan_id !== planId) throw notFound('Prioriteten', 'tagId');
      }
      // The pull list owns priority tags (its ordering reads them); the plan only records which are its own.
      const tag = savePriorityTag(ctx, { teamId: plan.team_id, ...(tagId === undefined ? {} : { tagId }), label, weight, paragraph, kind }, call);
      if (tagId === undefined) q.insertPriorityLink.run(tag.id, planId);
      logPlan(call, planId, tagId === undefined ? 'plan_priority_added' : 'plan_priority_changed', `${label}: ${weight} point`);
      return tag;
    },

    deletePlanPriority: ({ tagId }, call) => {
      const link = q.priorityLink.get(tagId) as { tag_id: number; plan_id: number } | undefined;
      if (!link) throw notFound('Prioriteten', 'tagId');
      const plan = planRow(link.plan_id);
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
