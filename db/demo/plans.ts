// Demo data of the plans feature, added after the department's cases, grants and events exist:
// one running sprint per team with committed cases, and Team Botilbud's strategic action plan
// with goals, actions, all seven KPI definitions and seed 002's investment case.
import { addDays, mondayOf, yearOf } from '../../shared/dates';
import type { IsoDate } from '../../shared/domain';
import { SEED_002_INVESTMENT } from '../../shared/investment';
import type { KpiSpec } from '../../shared/plans';
import type { Random } from '../../shared/random';
import { defaultSprintName, SPRINT_EVENTS } from '../../shared/sprints';
import type { Db } from '../connection';
import type { CasesRow, FlowCasesRow, GrantsRow, PeopleRow, TeamsRow } from '../schema';
import { appendEvent } from '../events';
import { personContextFromStore } from '../service/access';
import { createContext } from '../service/context';
import { economyHandlers } from '../service/economy';

const SPRINT_GOALS: Record<string, string> = {
  'Team Botilbud': 'Alle § 107-ansøgninger i kø er målgruppevurderet med VUM 2.0, før de går til visitationsudvalget.',
  'Team BPA': 'Genberegning af BPA-tilskud er afsluttet for alle borgere med opfølgning i december.',
  'Team Bostøtte': 'Ingen § 85-opfølgninger over fristen ved sprintens slutning.',
  'Team Nyansøgning': 'Alle nye ansøgninger er partshørt inden for to uger.',
  'Team Housing First': 'Hver borger i intensiv § 85 har en opdateret indsatsplan.',
  'Team Merudgifter': 'Alle § 100-ansøgninger fra oktober er afgjort.',
  'Team Socialfaglige Vejledere': 'Ventetiden på § 12-rådgivning er under en uge.',
};

const at = (day: IsoDate, time: string) => `${day}T${time}:00.000Z`;

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

export function plansDemo(db: Db, random: Random, today: string): void {
  const teams = db.prepare<[], Pick<TeamsRow, 'id' | 'name'>>('SELECT id, name FROM teams ORDER BY id').all();
  const leaderOf = db.prepare<[number], Pick<PeopleRow, 'id'>>(`SELECT id FROM people WHERE team_id = ? AND role = 'leader' ORDER BY id LIMIT 1`);
  const insertSprint = db.prepare(
    `INSERT INTO sprints (team_id, name, goal, start_date, end_date, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertItem = db.prepare('INSERT INTO sprint_items (sprint_id, case_id, committed_on, committed_by) VALUES (?, ?, ?, ?)');
  // Cases the team finished during the sprint so far, and cases it is working on now.
  const finishedInSprint = db.prepare<[number, IsoDate, IsoDate, IsoDate], Pick<FlowCasesRow, 'case_id'> & Pick<CasesRow, 'assignee_id'>>(
    `SELECT f.case_id, c.assignee_id FROM flow_cases f JOIN cases c ON c.id = f.case_id JOIN board_columns b ON b.id = c.column_id
     WHERE c.team_id = ? AND b.kind = 'done' AND f.finish_day > ? AND f.finish_day <= ? AND f.start_day <= ? ORDER BY f.case_id`,
  );
  const inProgress = db.prepare<[number], { case_id: CasesRow['id'] } & Pick<CasesRow, 'assignee_id'>>(
    `SELECT c.id AS case_id, c.assignee_id FROM cases c JOIN board_columns b ON b.id = c.column_id
     WHERE c.team_id = ? AND b.kind = 'active' ORDER BY c.legal_deadline IS NULL, c.legal_deadline, c.id`,
  );

  // A two-week sprint that began on the Monday of last week: day 8 of 14 on a Monday.
  const start = addDays(mondayOf(today), -7);
  const end = addDays(start, 13);
  for (const team of teams) {
    const leader = leaderOf.get(team.id)?.id ?? null;
    const created = at(addDays(start, -3), '13:00');
    const goal = SPRINT_GOALS[team.name] ?? 'Færdiggør de sager, teamet har forpligtet sig til.';
    const name = defaultSprintName(start);
    const sprintId = Number(insertSprint.run(team.id, name, goal, start, end, leader, created).lastInsertRowid);
    appendEvent(db, { at: created, actorId: leader, entity: 'sprint', entityId: sprintId, type: SPRINT_EVENTS.created, field: 'sprint', to: `${name}: ${start} – ${end}`, reason: goal });

    const finished = finishedInSprint.all(team.id, start, today, start);
    const active = inProgress.all(team.id);
    const chosen = [
      ...shuffled(finished, random).slice(0, 3 + random.int(0, 3)),
      ...active.slice(0, 5 + random.int(0, 4)),
    ];
    chosen.forEach((item, i) => {
      // Most items at sprint planning on the first morning; a few added during the sprint.
      const day = i % 4 === 3 ? addDays(start, 1 + random.int(0, 5)) : start;
      const by = item.assignee_id ?? leader;
      insertItem.run(sprintId, item.case_id, day, by);
      appendEvent(db, {
        at: at(day, i % 4 === 3 ? '10:15' : '09:05'), actorId: by, caseId: item.case_id, entity: 'sprint', entityId: sprintId,
        type: SPRINT_EVENTS.committed, field: 'sprint', from: null, to: sprintId,
      });
    });
  }

  const botilbud = teams.find((t) => t.name === 'Team Botilbud');
  if (botilbud) botilbudPlan(db, botilbud.id, today);
}

function botilbudPlan(db: Db, teamId: number, today: IsoDate): void {
  const leader = db.prepare<[number], Pick<PeopleRow, 'id'>>(`SELECT id FROM people WHERE team_id = ? AND role = 'leader' ORDER BY id LIMIT 1`).get(teamId)?.id;
  if (leader === undefined) return;
  const caseworkers = db.prepare<[number], Pick<PeopleRow, 'id'>>(`SELECT id FROM people WHERE team_id = ? AND role = 'caseworker' ORDER BY id`).all(teamId).map((p) => p.id);
  const worker = (i: number) => caseworkers[i % Math.max(1, caseworkers.length)] ?? leader;
  const year = yearOf(today);
  const periodStart = `${year}-01-01`;
  const periodEnd = `${year + 1}-12-31`;
  const created = at(periodStart, '08:00') < at(today, '08:00') ? at(periodStart, '08:00') : at(today, '07:00');

  const planId = Number(db.prepare(
    'INSERT INTO plans (team_id, title, period_start, period_end, owner_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(teamId, `Strategisk handleplan ${year}–${year + 1}, Team Botilbud`, periodStart, periodEnd, leader, created, created).lastInsertRowid);
  appendEvent(db, { at: created, actorId: leader, entity: 'plan', entityId: planId, type: 'plan_created', field: 'plan', to: `${periodStart} – ${periodEnd}` });

  const insertGoal = db.prepare('INSERT INTO plan_goals (plan_id, position, title, description) VALUES (?, ?, ?, ?)');
  const insertAction = db.prepare('INSERT INTO plan_actions (goal_id, title, owner_id, due_date, status) VALUES (?, ?, ?, ?, ?)');
  const insertActionCase = db.prepare('INSERT INTO plan_action_cases (action_id, case_id) VALUES (?, ?)');
  const insertKpi = db.prepare('INSERT INTO plan_kpis (goal_id, spec, target, direction) VALUES (?, ?, ?, ?)');
  const kpi = (goalId: number, spec: KpiSpec, target: number, direction: 'higher' | 'lower') => insertKpi.run(goalId, JSON.stringify(spec), target, direction);
  const goal = (position: number, title: string, description: string) => Number(insertGoal.run(planId, position, title, description).lastInsertRowid);

  // Goal 1: seed 002, a more precise visitation to botilbud.
  const g1 = goal(1, 'Styrket visitation til botilbud',
    'Borgeren visiteres til den rette støtte fra start: præcise målgruppevurderinger, tydeligt støttebehov og fuld brug af VUM 2.0. Flere hjælpes til at blive i egen bolig med § 85-støtte.');
  insertAction.run(g1, 'Ansæt projektleder til omstillingen', leader, '2026-12-31', today >= '2026-10-01' ? 'done' : 'in_progress');
  insertAction.run(g1, 'Kompetenceudvikling i VUM 2.0 og målgruppevurdering for alle sagsbehandlere', worker(0), '2028-12-31', 'in_progress');
  insertAction.run(g1, 'Udvikl og indfør ledelsestilsyn med visitationen til botilbud', leader, '2027-03-31', 'not_started');
  insertAction.run(g1, 'Eftersyn af omstillingen (ekstern rådgivning)', leader, '2027-06-30', 'not_started');
  // Ten per cent fewer citizens to § 107 a year (seed 002): the target is 90 % of last year's intake.
  const intake = db.prepare<[number, IsoDate, IsoDate], { n: number }>(
    `SELECT COUNT(*) AS n FROM grants g JOIN cases c ON c.id = g.case_id
     WHERE c.team_id = ? AND g.paragraph = '107' AND g.start_date > ? AND g.start_date <= ?`,
  ).get(teamId, addDays(periodStart, -365), periodStart)!.n;
  kpi(g1, { kind: 'new_grants', paragraph: '107', days: 365 }, Math.floor(intake * 0.9), 'lower');
  db.prepare('INSERT INTO plan_investments (goal_id, title, input, from_paragraph, to_paragraph) VALUES (?, ?, ?, ?, ?)')
    .run(g1, 'Styrket visitation til botilbud (investeringsforslag, seed 002)', JSON.stringify(SEED_002_INVESTMENT), '107', '85');
  movedCitizens(db, teamId, leader);

  // Goal 2: internal providers first.
  const g2 = goal(2, 'Internt før eksternt',
    'Flere borgere får et tilbud hos kommunens egne leverandører; eksterne pladser revisiteres i prisrækkefølge.');
  const reviewId = Number(insertAction.run(g2, 'Revisitér eksterne § 107-pladser med højeste takst', worker(1), addDays(today, 45), 'in_progress').lastInsertRowid);
  const external = db.prepare<[number, IsoDate], Pick<GrantsRow, 'case_id'>>(
    `SELECT DISTINCT g.case_id FROM grants g JOIN cases c ON c.id = g.case_id
     WHERE c.team_id = ? AND g.paragraph = '107' AND g.provider_type = 'external' AND (g.end_date IS NULL OR g.end_date >= ?)
     ORDER BY g.takst DESC, g.case_id LIMIT 4`,
  ).all(teamId, today);
  for (const c of external) insertActionCase.run(reviewId, c.case_id);
  insertAction.run(g2, 'Forhandl priser med de fem største eksterne leverandører', leader, addDays(today, -10), 'in_progress');
  kpi(g2, { kind: 'internal_share', paragraph: '107' }, 60, 'higher');
  kpi(g2, { kind: 'internal_share', paragraph: null }, 65, 'higher');
  const tag = Number(db.prepare(
    'INSERT INTO priority_tags (team_id, label, weight, paragraph, item_kind, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(teamId, 'Handleplan: revisitation af § 107', 40, '107', 'revisitation', leader, created).lastInsertRowid);
  db.prepare('INSERT INTO plan_priority_tags (tag_id, plan_id) VALUES (?, ?)').run(tag, planId);

  // Goal 3: flow and economy.
  const g3 = goal(3, 'Hurtige afgørelser og nul på bundlinjen',
    'Sager afgøres inden for fristen, opfølgninger holdes, sagsstammen svarer til normen, og teamet rammer budgettet.');
  insertAction.run(g3, 'Ugentlig flowgennemgang med fokus på sager over 8 uger', leader, addDays(today, 30), 'in_progress');
  insertAction.run(g3, 'Fordel opfølgninger jævnt efter sagsstamme', worker(2), addDays(today, -20), 'not_started');
  kpi(g3, { kind: 'median_decision_days', paragraph: null, days: 90 }, 56, 'lower');
  kpi(g3, { kind: 'throughput_per_week', weeks: 12 }, 12, 'higher');
  kpi(g3, { kind: 'caseload_vs_norm' }, 100, 'lower');
  kpi(g3, { kind: 'overdue_follow_ups' }, 0, 'lower');
  kpi(g3, { kind: 'bottom_line' }, 0, 'higher');
}

/**
 * The realised side of the investment case needs citizens who applied for § 107 and were given
 * § 85 support in their own home instead: the § 107 applications refused since the case began.
 * Their grants go through the economics service, so ledger and event log know of them.
 */
function movedCitizens(db: Db, teamId: number, leader: number): void {
  const start = SEED_002_INVESTMENT.start;
  const refused = db.prepare<[number, string], Pick<CasesRow, 'id' | 'assignee_id'> & { day: IsoDate }>(
    `SELECT c.id, MIN(substr(e.at, 1, 10)) AS day, c.assignee_id FROM cases c JOIN events e ON e.case_id = c.id
     WHERE c.team_id = ? AND c.paragraph = '107' AND e.type = 'decided' AND e.to_value = 'rejected' AND e.at >= ?
     GROUP BY c.id ORDER BY day, c.id LIMIT 6`,
  ).all(teamId, start);
  for (const c of refused) {
    const economy = economyHandlers(createContext(db, { now: () => new Date(at(c.day, '14:00')) }));
    economy.createGrant({
      caseId: c.id,
      grant: {
        paragraph: '85', service: 'Socialpædagogisk støtte i eget hjem', provider: 'Bostøtten Aalborg Øst (intern)',
        providerType: 'internal', takst: 440, takstUnit: 'hour', quantity: 8, startDate: c.day, endDate: null,
        followUpMonths: 4, supportGoal: 'developing',
      },
    }, personContextFromStore(db, c.assignee_id ?? leader));
  }
}
