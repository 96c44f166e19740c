// Flow metrics, caseload and the weekly flow review. Reads the per-case flow facts the event-log
// triggers keep (db/migrations/005_flow.ts), never the event log itself, so a 12-month report of
// a team stays well under the dashboards' time budget even at ten times the demo department.
import type { Handlers } from '../../shared/api/dispatch';
import { ApiFailure, fieldError } from '../../shared/api/envelope';
import type {
  AgeingItem, BlockedItem, CaseloadCases, CaseloadRow, CaseloadTeam, CaseloadWeight, CycleTimePoint, DeadlineItem,
  DepartmentCaseload, FlowColumn, flowMethods, FollowUpItem, ReviewNote, TeamCaseload, WeeklyReview,
} from '../../shared/api/methods/flow';
import { addDays, daysBetween } from '../../shared/dates';
import type { IsoDate } from '../../shared/domain';
import {
  age, blockedDays, cumulativeFlow, cycleTime, DEADLINE_RISK_DAYS, departmentColumns, departmentCumulativeFlow, flowReport, forecastHowMany, forecastWhen,
  MONTE_CARLO_RUNS, reviewWeek, sampleWindow, sumCaseloadTotals, summarizeCycleTimes, throughputPerDay, throughputPerWeek,
  weightedCaseload, wipPerDay, type FlowReport,
} from '../../shared/flow';
import { PARAGRAPHS, paragraphInfo } from '../../shared/paragraphs';
import { formatParagraph } from '../../shared/format';
import { caseloadReader } from '../caseload';
import { appendEvent } from '../events';
import type { ServiceContext } from './context';
import { wipAsOf } from './flowAnalytics';
import { statements } from '../statements';
import type { Db } from '../connection';
import type {
  BoardColumnsRow, CaseloadWeightsRow, CasesRow, FlowBlocksRow, FlowCasesRow, FlowReachedDailyRow, FlowReviewNotesRow, GrantsRow, OrNull, PeopleRow, TeamsRow,
} from '../schema';

type AssigneeName = { assignee_name: PeopleRow['name'] | null };
type DayRow = Pick<FlowReachedDailyRow, 'day' | 'n'>;
type FlowRow = Pick<FlowCasesRow, 'case_id' | 'start_day' | 'finish_day'>;
// Selected with start_day IS NOT NULL and finish_day in a range: both are set.
type FinishedRow = Pick<FlowCasesRow, 'case_id'> & Pick<CasesRow, 'case_number'> & AssigneeName
  & { start_day: NonNullable<FlowCasesRow['start_day']>; finish_day: NonNullable<FlowCasesRow['finish_day']> };
type BlockRow = Pick<FlowBlocksRow, 'case_id' | 'reason' | 'from_day' | 'to_day'> & Pick<CasesRow, 'case_number'> & AssigneeName;
// The paragraph is the table's key, never NULL; updated_by is the person's name here.
type WeightRow = Pick<CaseloadWeightsRow, 'weight' | 'updated_at'>
  & { paragraph: NonNullable<CaseloadWeightsRow['paragraph']>; updated_by: PeopleRow['name'] | null };
type NoteRow = Pick<FlowReviewNotesRow, 'id' | 'week_start' | 'kind' | 'text' | 'created_at'> & { created_by: PeopleRow['name'] | null };
// Selected with start_day <= the day, so it is set.
type AgeingRow = Pick<FlowCasesRow, 'case_id'> & { start_day: NonNullable<FlowCasesRow['start_day']> }
  & Pick<CasesRow, 'case_number' | 'column_id' | 'blocked' | 'blocked_reason'> & OrNull<Pick<PeopleRow, 'initials'>>;
// Selected with legal_deadline IS NOT NULL.
type DeadlineRow = Pick<CasesRow, 'id' | 'case_number' | 'paragraph' | 'assignee_id'> & AssigneeName
  & { column_name: BoardColumnsRow['name']; legal_deadline: NonNullable<CasesRow['legal_deadline']> };
// Selected with next_follow_up < today, so it is set.
type FollowUpRow = Pick<GrantsRow, 'id' | 'case_id' | 'paragraph'> & Pick<CasesRow, 'case_number' | 'assignee_id'> & AssigneeName
  & { next_follow_up: NonNullable<GrantsRow['next_follow_up']> };

const toMap = (rows: DayRow[]) => new Map(rows.map((r) => [r.day, r.n]));

const queries = (db: Db) => ({
  team: db.prepare<[number], Pick<TeamsRow, 'id' | 'name'>>('SELECT id, name FROM teams WHERE id = ?'),
  teams: db.prepare<[], Pick<TeamsRow, 'id' | 'name'>>('SELECT id, name FROM teams ORDER BY sort_order, id'),
  columns: db.prepare<[number], Pick<BoardColumnsRow, 'id' | 'name' | 'kind' | 'position'>>('SELECT id, name, kind, position FROM board_columns WHERE team_id = ? ORDER BY position'),
  finishesByDay: db.prepare<[number], DayRow>(
    'SELECT finish_day AS day, COUNT(*) AS n FROM flow_cases WHERE team_id = ? AND start_day IS NOT NULL AND finish_day IS NOT NULL GROUP BY finish_day',
  ),
  startsByDay: db.prepare<[number], DayRow>(
    'SELECT start_day AS day, COUNT(*) AS n FROM flow_cases WHERE team_id = ? AND start_day IS NOT NULL GROUP BY start_day',
  ),
  finishedIn: db.prepare<[number, IsoDate, IsoDate], FinishedRow>(
    `SELECT f.case_id, c.case_number, f.start_day, f.finish_day, p.name AS assignee_name
     FROM flow_cases f JOIN cases c ON c.id = f.case_id LEFT JOIN people p ON p.id = c.assignee_id
     WHERE f.team_id = ? AND f.start_day IS NOT NULL AND f.finish_day BETWEEN ? AND ? ORDER BY f.finish_day, f.case_id`,
  ),
  finishedFacts: db.prepare<[number, IsoDate, IsoDate], FlowRow>(
    // start_day IS NOT NULL lets SQLite use the partial index (a finished case always has a start).
    `SELECT case_id, start_day, finish_day FROM flow_cases
     WHERE team_id = ? AND start_day IS NOT NULL AND finish_day BETWEEN ? AND ? ORDER BY finish_day, case_id`,
  ),
  // In progress at the end of a day: not finished yet, or finished after it (two index ranges).
  wipAt: db.prepare<[number, IsoDate, number, IsoDate, IsoDate], FlowRow>(
    `SELECT case_id, start_day, finish_day FROM flow_cases WHERE team_id = ? AND finish_day IS NULL AND start_day <= ?
     UNION ALL
     SELECT case_id, start_day, finish_day FROM flow_cases WHERE team_id = ? AND finish_day > ? AND start_day <= ?`,
  ),
  ageing: db.prepare<[number, IsoDate, IsoDate], AgeingRow>(
    `SELECT f.case_id, c.case_number, c.column_id, f.start_day, c.blocked, c.blocked_reason, p.initials
     FROM flow_cases f JOIN cases c ON c.id = f.case_id LEFT JOIN people p ON p.id = c.assignee_id
     WHERE f.team_id = ? AND f.start_day <= ? AND (f.finish_day IS NULL OR f.finish_day > ?)
     ORDER BY f.start_day, f.case_id`,
  ),
  reached: db.prepare<[number, IsoDate], DayRow>('SELECT day, n FROM flow_reached_daily WHERE column_id = ? AND day <= ? AND n <> 0'),
  blocks: db.prepare<[number, IsoDate, IsoDate], BlockRow>(
    `SELECT b.case_id, c.case_number, b.reason, b.from_day, b.to_day, p.name AS assignee_name
     FROM flow_blocks b JOIN cases c ON c.id = b.case_id LEFT JOIN people p ON p.id = c.assignee_id
     WHERE b.team_id = ? AND b.from_day <= ? AND (b.to_day IS NULL OR b.to_day >= ?)
     ORDER BY b.from_day, b.id`,
  ),
  blocksOfFinished: db.prepare<[number, IsoDate, IsoDate], Pick<FlowBlocksRow, 'case_id' | 'from_day' | 'to_day'>>(
    `SELECT b.case_id, b.from_day, b.to_day FROM flow_blocks b JOIN flow_cases f ON f.case_id = b.case_id
     WHERE b.team_id = ? AND f.finish_day BETWEEN ? AND ?`,
  ),
  deadlines: db.prepare<[number, IsoDate], DeadlineRow>(
    `SELECT c.id, c.case_number, c.paragraph, c.assignee_id, p.name AS assignee_name, b.name AS column_name, c.legal_deadline
     FROM cases c JOIN board_columns b ON b.id = c.column_id LEFT JOIN people p ON p.id = c.assignee_id
     WHERE c.team_id = ? AND b.kind <> 'done' AND c.legal_deadline IS NOT NULL AND c.legal_deadline <= ?
     ORDER BY c.legal_deadline, c.id`,
  ),
  overdueFollowUps: db.prepare<[number, IsoDate, IsoDate], FollowUpRow>(
    `SELECT g.id, g.case_id, c.case_number, g.paragraph, c.assignee_id, p.name AS assignee_name, g.next_follow_up
     FROM grants g JOIN cases c ON c.id = g.case_id LEFT JOIN people p ON p.id = c.assignee_id
     WHERE c.team_id = ? AND g.next_follow_up < ? AND (g.end_date IS NULL OR g.end_date >= ?)
     ORDER BY g.next_follow_up, g.id`,
  ),
  weights: db.prepare<[], WeightRow>(
    `SELECT w.paragraph, w.weight, w.updated_at, p.name AS updated_by
     FROM caseload_weights w LEFT JOIN people p ON p.id = w.updated_by`,
  ),
  weight: db.prepare<[string], Pick<CaseloadWeightsRow, 'weight'>>('SELECT weight FROM caseload_weights WHERE paragraph = ?'),
  setWeight: db.prepare(
    `INSERT INTO caseload_weights (paragraph, weight, updated_by, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (paragraph) DO UPDATE SET weight = excluded.weight, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ),
  notes: db.prepare<[number, IsoDate], NoteRow>(
    `SELECT n.id, n.week_start, n.kind, n.text, p.name AS created_by, n.created_at
     FROM flow_review_notes n LEFT JOIN people p ON p.id = n.created_by
     WHERE n.team_id = ? AND n.week_start = ? ORDER BY n.kind, n.id`,
  ),
  note: db.prepare<[number], NoteRow>(
    `SELECT n.id, n.week_start, n.kind, n.text, p.name AS created_by, n.created_at
     FROM flow_review_notes n LEFT JOIN people p ON p.id = n.created_by WHERE n.id = ?`,
  ),
  addNote: db.prepare(
    'INSERT INTO flow_review_notes (team_id, week_start, kind, text, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  ),
});

function requireTeam(db: Db, teamId: number): { id: number; name: string } {
  const row = statements(db, queries).team.get(teamId);
  if (!row) throw ApiFailure.of('not_found', 'records.teamNotFound', undefined, { fields: [fieldError('teamId', 'records.teamNotFound')] });
  return row;
}

/** The teams a flow call covers: the one asked for, or (without teamId) every team of the department. */
function scope(db: Db, teamId: number | undefined): number[] {
  if (teamId !== undefined) return [requireTeam(db, teamId).id];
  return statements(db, queries).teams.all().map((t) => t.id);
}

/**
 * The flow report of one team, or of the department: every team's cases together (the union).
 * For getFlowReport and for the features that show its figures (the plans' throughput KPI).
 */
export function flowReportFor(db: Db, teamId: number | undefined, from: IsoDate, to: IsoDate): FlowReport & { teamId: number | null } {
  const q = statements(db, queries);
  const flows: { start: IsoDate | null; finish: IsoDate | null }[] = [];
  for (const id of scope(db, teamId)) {
    for (const r of q.finishedFacts.all(id, from, to)) flows.push({ start: r.start_day, finish: r.finish_day });
    for (const r of q.wipAt.all(id, to, id, to, to)) flows.push({ start: r.start_day, finish: r.finish_day });
  }
  return { teamId: teamId ?? null, ...flowReport(teamId === undefined ? null : requireTeam(db, teamId).name, flows, from, to) };
}

export function flowHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof flowMethods> {
  const { db } = ctx;
  const reader = caseloadReader(db);
  const q = statements(db, queries);
  const team = (teamId: number) => requireTeam(db, teamId);
  const report = (teamId: number | undefined, from: IsoDate, to: IsoDate) => flowReportFor(db, teamId, from, to);

  function cycleTimesIn(teamId: number, from: IsoDate, to: IsoDate): number[] {
    return q.finishedFacts.all(teamId, from, to).map((r) => cycleTime(r.start_day ?? r.finish_day!, r.finish_day!));
  }

  /** Work in progress at the end of `asOf`, oldest first; the column is where each case is now. */
  function ageingAt(teamId: number, asOf: IsoDate): AgeingItem[] {
    const rows = q.ageing.all(teamId, asOf, asOf);
    return rows.map((r) => ({
      caseId: r.case_id,
      caseNumber: r.case_number,
      columnId: r.column_id,
      start: r.start_day,
      age: age(r.start_day, asOf),
      blocked: r.blocked === 1,
      blockedReason: r.blocked_reason,
      assigneeInitials: r.initials,
    }));
  }

  function blockedIn(teamId: number, from: IsoDate, to: IsoDate) {
    const rows = q.blocks.all(teamId, to, from);
    const periods: (BlockedItem & { assigneeName: string | null })[] = rows.map((r) => {
      // Only the part of the blocked period that lies inside [from, to] counts.
      const start = r.from_day < from ? from : r.from_day;
      return {
        caseId: r.case_id,
        caseNumber: r.case_number,
        reason: r.reason,
        from: r.from_day,
        to: r.to_day,
        days: blockedDays({ from: start, to: r.to_day }, to),
        assigneeName: r.assignee_name,
      };
    });
    return periods;
  }

  function deadlinesOf(teamId: number, today: IsoDate): DeadlineItem[] {
    return q.deadlines.all(teamId, addDays(today, DEADLINE_RISK_DAYS)).map((r) => ({
      caseId: r.id,
      caseNumber: r.case_number,
      paragraph: r.paragraph,
      assigneeId: r.assignee_id,
      assigneeName: r.assignee_name,
      columnName: r.column_name,
      legalDeadline: r.legal_deadline,
      daysLeft: daysBetween(today, r.legal_deadline),
    }));
  }

  function followUpsOf(teamId: number, today: IsoDate): FollowUpItem[] {
    return q.overdueFollowUps.all(teamId, today, today).map((r) => ({
      grantId: r.id,
      caseId: r.case_id,
      caseNumber: r.case_number,
      paragraph: r.paragraph,
      assigneeId: r.assignee_id,
      assigneeName: r.assignee_name,
      nextFollowUp: r.next_follow_up,
      daysOverdue: daysBetween(r.next_follow_up, today),
    }));
  }

  /** A team's caseload today by the one definition (db/caseload.ts, shared/flow.ts teamCaseload). */
  function teamLoad(team: { id: number; name: string }, today: IsoDate, deadlines: DeadlineItem[], followUps: FollowUpItem[]): CaseloadTeam {
    const reading = reader.team(team.id, today, today);
    const countOf = (list: { assigneeId: number | null }[], personId: number) => list.filter((x) => x.assigneeId === personId).length;
    const rows: CaseloadRow[] = reading.people.map((p) => ({
      personId: p.personId,
      name: p.name,
      initials: p.initials,
      norm: p.norm,
      weighted: p.weighted,
      activeCases: p.cases,
      status: p.status,
      deadlinesAtRisk: countOf(deadlines, p.personId),
      overdueFollowUps: countOf(followUps, p.personId),
      byParagraph: p.byParagraph,
    }));
    return { teamId: team.id, team: team.name, rows, totals: reading.totals, deadlinesAtRisk: deadlines.length, overdueFollowUps: followUps.length };
  }

  function caseload(teamId: number): TeamCaseload {
    const t = team(teamId);
    const today = ctx.today();
    const deadlines = deadlinesOf(teamId, today);
    const overdueFollowUps = followUpsOf(teamId, today);
    const { deadlinesAtRisk: _d, overdueFollowUps: _f, ...load } = teamLoad(t, today, deadlines, overdueFollowUps);
    return {
      scope: 'team',
      ...load,
      today,
      weights: weightList(q.weights.all()),
      deadlines,
      overdueFollowUps,
    };
  }

  function departmentCaseload(): DepartmentCaseload {
    const today = ctx.today();
    const teams = q.teams.all().map((t) => teamLoad(t, today, deadlinesOf(t.id, today), followUpsOf(t.id, today)));
    return {
      scope: 'department',
      teamId: null,
      today,
      teams,
      totals: sumCaseloadTotals(teams.map((t) => t.totals)),
      weights: weightList(q.weights.all()),
    };
  }

  function weightList(rows: WeightRow[]): CaseloadWeight[] {
    const set = new Map(rows.map((r) => [r.paragraph, r]));
    const codes = [...PARAGRAPHS.map((p) => p.code), ...rows.map((r) => r.paragraph).filter((c) => !paragraphInfo(c))];
    return codes.map((code) => {
      const row = set.get(code);
      return {
        paragraph: code,
        label: paragraphInfo(code)?.label ?? formatParagraph(code),
        weight: row?.weight ?? 1,
        updatedAt: row?.updated_at ?? null,
        updatedBy: row?.updated_by ?? null,
      };
    });
  }

  const toNote = (r: NoteRow): ReviewNote => ({
    id: r.id, weekStart: r.week_start, kind: r.kind, text: r.text, createdBy: r.created_by, createdAt: r.created_at,
  });

  return {
    getFlowReport: ({ teamId, from, to }) => report(teamId, from, to),

    getFlowDashboard: ({ teamId, from, to, forecastDate, forecastItems, seed }) => {
      const today = ctx.today();
      const teamIds = scope(db, teamId);
      const flow = report(teamId, from, to);
      const boards = teamIds.map((id) => q.columns.all(id).map((c) => ({ id: c.id, name: c.name, kind: c.kind, position: c.position })));
      // The department's columns are the groups of the teams' columns (shared/flow.ts departmentColumns).
      const grouping = teamId === undefined ? departmentColumns(boards) : null;
      const columns: FlowColumn[] = grouping
        ? grouping.groups.map((g, i) => ({ id: i + 1, name: g.name, kind: g.kind, position: i + 1 }))
        : boards[0]!;
      const columnOf = (columnId: number) => (grouping ? (grouping.groupOf.get(columnId) ?? -1) + 1 : columnId);
      const sum = (maps: Map<IsoDate, number>[]) => {
        const total = new Map<IsoDate, number>();
        for (const m of maps) for (const [day, n] of m) total.set(day, (total.get(day) ?? 0) + n);
        return total;
      };
      const finishes = sum(teamIds.map((id) => toMap(q.finishesByDay.all(id))));
      const starts = sum(teamIds.map((id) => toMap(q.startsByDay.all(id))));

      const blockedByCase = new Map<number, number>();
      for (const id of teamIds) {
        for (const b of q.blocksOfFinished.all(id, from, to)) {
          blockedByCase.set(b.case_id, (blockedByCase.get(b.case_id) ?? 0) + blockedDays({ from: b.from_day, to: b.to_day }, to));
        }
      }
      // Ten thousand points at scale 10: read them from the covering index, without joins.
      const cycleTimes: CycleTimePoint[] = teamIds.flatMap((id) => q.finishedFacts.all(id, from, to)).map((r) => ({
        caseId: r.case_id,
        start: r.start_day ?? r.finish_day!,
        finish: r.finish_day!,
        cycleTime: cycleTime(r.start_day ?? r.finish_day!, r.finish_day!),
        blockedDays: blockedByCase.get(r.case_id) ?? 0,
      }));
      if (teamIds.length > 1) cycleTimes.sort((a, b) => (a.finish < b.finish ? -1 : a.finish > b.finish ? 1 : a.caseId - b.caseId));

      const reachedOf = (board: FlowColumn[]) => new Map(board.map((c) => [c.id, toMap(q.reached.all(c.id, to))]));
      const cfd = grouping
        ? departmentCumulativeFlow(grouping, boards.map(reachedOf), from, to)
        : cumulativeFlow(columns.map((c) => c.id), reachedOf(columns), from, to);
      const periods = teamIds.flatMap((id) => blockedIn(id, from, to));
      if (teamIds.length > 1) periods.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.caseId - b.caseId));
      const byReason = new Map<string, { periods: number; days: number }>();
      for (const p of periods) {
        const key = p.reason ?? 'Uden begrundelse';
        const total = byReason.get(key) ?? { periods: 0, days: 0 };
        total.periods++;
        total.days += p.days;
        byReason.set(key, total);
      }

      const window = sampleWindow(today);
      const samples = throughputPerDay(finishes, window.from, window.to).map((d) => d.count);
      // A past period shows the ages as they were at its end, in the columns the cases were in then
      // (issue 18); the forecast still starts from today's work in progress.
      const asOf = to < today ? to : today;
      const byStart = (a: AgeingItem, b: AgeingItem) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.caseId - b.caseId);
      const current = teamIds.flatMap((id) => ageingAt(id, today)).map((a) => ({ ...a, columnId: columnOf(a.columnId) })).sort(byStart);
      const ageing = asOf === today
        ? current
        : teamIds.flatMap((id) => wipAsOf(db, id, asOf)).map((a) => ({ ...a, columnId: columnOf(a.columnId) })).sort(byStart);
      const paceWindow = sampleWindow(addDays(asOf, 1));
      const runSeed = seed ?? 1;
      const target = forecastDate ?? addDays(today, 27);
      return {
        teamId: teamId ?? null,
        today,
        report: flow,
        columns,
        columnGrouping: grouping?.by ?? 'team',
        cfd,
        cycleTimes,
        throughputPerDay: throughputPerDay(finishes, from, to),
        throughputPerWeek: throughputPerWeek(finishes, from, to),
        wipPerDay: wipPerDay(starts, finishes, from, to),
        ageing,
        recentCycleTime: summarizeCycleTimes(teamIds.flatMap((id) => cycleTimesIn(id, paceWindow.from, paceWindow.to))),
        blocked: {
          byReason: [...byReason].map(([reason, t]) => ({ reason, ...t })).sort((a, b) => b.days - a.days),
          periods: periods.map(({ assigneeName: _, ...p }) => p),
          totalDays: periods.reduce((a, p) => a + p.days, 0),
        },
        forecast: {
          runs: MONTE_CARLO_RUNS,
          seed: runSeed,
          sampleFrom: window.from,
          sampleTo: window.to,
          sampleMean: samples.length ? Math.round((samples.reduce((a, b) => a + b, 0) / samples.length) * 100) / 100 : 0,
          howMany: { target, ...forecastHowMany(samples, today, target, { seed: runSeed }) },
          when: forecastWhen(samples, today, forecastItems ?? Math.max(1, current.length), { seed: runSeed }),
        },
      };
    },

    getCaseload: ({ teamId }) => (teamId === undefined ? departmentCaseload() : caseload(teamId)),

    getCaseloadCases: ({ teamId, personId }): CaseloadCases => {
      const t = team(teamId);
      const today = ctx.today();
      const weights = reader.weights();
      const person = personId === null ? null : reader.people(teamId).find((p) => p.id === personId) ?? null;
      if (personId !== null && !person) throw ApiFailure.of('not_found', 'flow.noCasesForCaseworker', undefined, { fields: [fieldError('personId', 'flow.notInTeamField')] });
      const cases = reader.cases(teamId, personId, today).map((c) => ({ ...c, weight: weights.get(c.paragraph) ?? 1 }));
      const counts = new Map<string, number>();
      for (const c of cases) counts.set(c.paragraph, (counts.get(c.paragraph) ?? 0) + 1);
      return { teamId, team: t.name, personId, name: person?.name ?? null, today, weighted: weightedCaseload(counts, weights), cases };
    },

    setCaseloadWeight: ({ paragraph, weight }, call) => {
      const before = q.weight.get(paragraph)?.weight ?? 1;
      const at = ctx.now().toISOString();
      q.setWeight.run(paragraph, weight, call.actorId, at);
      appendEvent(db, {
        at,
        actorId: call.actorId,
        entity: 'caseload_weight',
        type: 'caseload_weight_changed',
        field: `weight:${paragraph}`,
        from: before,
        to: weight,
      });
      return weightList(q.weights.all()).find((w) => w.paragraph === paragraph)!;
    },

    getWeeklyReview: ({ teamId, weekStart: requested }) => {
      const { name } = team(teamId);
      const today = ctx.today();
      const { weekStart, weekEnd, previousWeekStart } = reviewWeek(requested ?? today);
      const asOf = weekEnd < today ? weekEnd : today;
      const window = sampleWindow(addDays(asOf, 1));
      const threshold = summarizeCycleTimes(cycleTimesIn(teamId, window.from, window.to)).p85;
      const load = caseload(teamId);
      const columnNames = new Map(q.columns.all(teamId).map((c) => [c.id, c.name]));
      const wip = ageingAt(teamId, asOf);
      return {
        teamId,
        team: name,
        weekStart,
        weekEnd,
        asOf,
        finished: q.finishedIn.all(teamId, weekStart, weekEnd).map((r) => ({
          caseId: r.case_id,
          caseNumber: r.case_number,
          finish: r.finish_day,
          cycleTime: cycleTime(r.start_day ?? r.finish_day, r.finish_day),
          assigneeName: r.assignee_name,
        })),
        finishedLastWeek: q.finishedFacts.all(teamId, previousWeekStart, addDays(weekStart, -1)).length,
        blocked: blockedIn(teamId, weekStart, asOf).map((p) => ({
          caseId: p.caseId,
          caseNumber: p.caseNumber,
          reason: p.reason,
          since: p.from,
          days: blockedDays({ from: p.from, to: p.to }, asOf),
          assigneeName: p.assigneeName,
        })),
        ageingOutliers: threshold === null
          ? []
          : wip.filter((w) => w.age > threshold).sort((a, b) => b.age - a.age)
            .map((w) => ({ ...w, columnName: columnNames.get(w.columnId) ?? '' })),
        ageingThreshold: threshold,
        deadlines: load.deadlines,
        caseloadOutliers: load.rows.filter((r) => r.status === 'over').sort((a, b) => b.weighted / (b.norm ?? 1) - a.weighted / (a.norm ?? 1)),
        notes: q.notes.all(teamId, weekStart).map(toNote),
        previousNotes: q.notes.all(teamId, previousWeekStart).map(toNote),
      } satisfies WeeklyReview;
    },

    addReviewNote: ({ teamId, weekStart, kind, text }, call) => {
      team(teamId);
      const monday = reviewWeek(weekStart).weekStart;
      const at = ctx.now().toISOString();
      const noteId = Number(q.addNote.run(teamId, monday, kind, text, call.actorId, at).lastInsertRowid);
      appendEvent(db, {
        at,
        actorId: call.actorId,
        entity: 'flow_review_note',
        entityId: noteId,
        type: kind === 'decision' ? 'review_decision_added' : 'review_note_added',
        field: 'week',
        to: monday,
        reason: text.slice(0, 500),
      });
      return toNote(q.note.get(noteId)!);
    },
  };
}
