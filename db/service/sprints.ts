// Sprints: a team's time-boxed commitments of cases from the pull list. Sprint writes go to the
// event log (entity 'sprint'); burn-up and review are worked out from it by shared/sprints.ts.
import type { CallContext } from '../../shared/api/define';
import type { Handlers } from '../../shared/api/dispatch';
import { ApiFailure, fieldError } from '../../shared/api/envelope';
import type { CaseSprintState, SprintDetail, SprintItem, sprintsMethods, SprintSummary } from '../../shared/api/methods/sprints';
import { addDays } from '../../shared/dates';
import type { IsoDate } from '../../shared/domain';
import {
  burnUp, currentSprint, nextSprint, periodsOverlap, reviewSummary, SPRINT_EVENTS,
  type BurnEvent, type Sprint,
} from '../../shared/sprints';
import type { Db } from '../connection';
import { appendEvent } from '../events';
import type { BoardColumnsRow, CasesRow, CitizensRow, EventsRow, PeopleRow, SprintItemsRow, SprintsRow } from '../schema';
import { statements } from '../statements';
import type { ServiceContext } from './context';
import { actorOf, notFound, requireTeam } from './planning';

type SprintRow = Pick<SprintsRow, 'id' | 'team_id' | 'name' | 'goal' | 'start_date' | 'end_date' | 'status' | 'goal_met' | 'review_note' | 'closed_at'>;
type SprintRefRow = Pick<SprintsRow, 'id' | 'name' | 'start_date' | 'end_date'>;
const SPRINT_COLUMNS = 'id, team_id, name, goal, start_date, end_date, status, goal_met, review_note, closed_at';
const toSprint = (r: SprintRow): Sprint => ({
  id: r.id, teamId: r.team_id, name: r.name, goal: r.goal, startDate: r.start_date, endDate: r.end_date,
  status: r.status, goalMet: r.goal_met === null ? null : r.goal_met === 1, reviewNote: r.review_note, closedAt: r.closed_at,
});

type ItemRow = Pick<SprintItemsRow, 'case_id' | 'committed_on' | 'outcome'> & Pick<CasesRow, 'case_number' | 'kind' | 'paragraph'>
  & { citizen_initials: CitizensRow['initials']; assignee_name: PeopleRow['name'] | null; column_name: BoardColumnsRow['name']; column_kind: BoardColumnsRow['kind'] };

// Only events of cases the sprint has held are read (case_id IN …), so case_id is never NULL here.
type BurnEventRow = Pick<EventsRow, 'at' | 'type' | 'field' | 'to_value'> & { case_id: NonNullable<EventsRow['case_id']>; sprint_id: EventsRow['entity_id'] };

const queries = (db: Db) => ({
  columnKinds: db.prepare<[], Pick<BoardColumnsRow, 'id' | 'kind'>>('SELECT id, kind FROM board_columns'),
  sprint: db.prepare<[number], SprintRow>(`SELECT ${SPRINT_COLUMNS} FROM sprints WHERE id = ?`),
  teamSprints: db.prepare<[number], SprintRow>(`SELECT ${SPRINT_COLUMNS} FROM sprints WHERE team_id = ? ORDER BY start_date DESC, id DESC`),
  openSprints: db.prepare<[number], SprintRow>(`SELECT ${SPRINT_COLUMNS} FROM sprints WHERE team_id = ? AND status = 'open' ORDER BY start_date, id`),
  sprintCounts: db.prepare<[number], Pick<SprintItemsRow, 'sprint_id'> & { committed: number; done: number }>(
    `SELECT i.sprint_id, COUNT(*) AS committed,
            SUM(CASE WHEN s.status = 'closed' THEN i.outcome = 'done' ELSE b.kind = 'done' END) AS done
     FROM sprint_items i JOIN sprints s ON s.id = i.sprint_id JOIN cases c ON c.id = i.case_id
     JOIN board_columns b ON b.id = c.column_id
     WHERE s.team_id = ? GROUP BY i.sprint_id`,
  ),
  items: db.prepare<[number], ItemRow>(
    `SELECT i.case_id, c.case_number, z.initials AS citizen_initials, c.kind, c.paragraph, p.name AS assignee_name,
            b.name AS column_name, b.kind AS column_kind, i.committed_on, i.outcome
     FROM sprint_items i JOIN cases c ON c.id = i.case_id JOIN citizens z ON z.id = c.citizen_id
     JOIN board_columns b ON b.id = c.column_id LEFT JOIN people p ON p.id = c.assignee_id
     WHERE i.sprint_id = ? ORDER BY b.position, c.case_number`,
  ),
  burnEvents: db.prepare<[sprintId: number, until: string, sprintIdAgain: number], BurnEventRow>(
    `SELECT e.case_id, e.at, e.type, e.field, e.to_value, CASE WHEN e.entity = 'sprint' THEN e.entity_id END AS sprint_id
     FROM events e
     WHERE e.case_id IN (SELECT DISTINCT case_id FROM events WHERE entity = 'sprint' AND entity_id = ? AND case_id IS NOT NULL)
       AND e.at < ?
       AND ((e.entity = 'sprint' AND e.entity_id = ?) OR (e.to_value IS NOT NULL AND e.type <> 'reordered'))`,
  ),
  caseRow: db.prepare<[number], Pick<CasesRow, 'id' | 'team_id' | 'case_number'> & { column_kind: BoardColumnsRow['kind'] }>(
    `SELECT c.id, c.team_id, c.case_number, b.kind AS column_kind FROM cases c JOIN board_columns b ON b.id = c.column_id WHERE c.id = ?`,
  ),
  openSprintOfCase: db.prepare<[number], SprintRefRow>(
    `SELECT s.id, s.name, s.start_date, s.end_date FROM sprint_items i JOIN sprints s ON s.id = i.sprint_id
     WHERE i.case_id = ? AND s.status = 'open' LIMIT 1`,
  ),
  item: db.prepare<[sprintId: number, caseId: number], Pick<SprintItemsRow, 'sprint_id' | 'case_id'>>('SELECT sprint_id, case_id FROM sprint_items WHERE sprint_id = ? AND case_id = ?'),
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
  laneItems: db.prepare<[currentId: number, nextId: number], Pick<SprintItemsRow, 'case_id' | 'sprint_id'>>('SELECT case_id, sprint_id FROM sprint_items WHERE sprint_id IN (?, ?)'),
  search: db.prepare<[team: number, pattern: string, query: string], Pick<CasesRow, 'id' | 'case_number' | 'kind' | 'paragraph'>
    & Pick<CitizensRow, 'initials'> & { column_name: BoardColumnsRow['name']; sprint_id: SprintItemsRow['sprint_id'] | null }>(
    `SELECT c.id, c.case_number, z.initials, c.kind, c.paragraph, b.name AS column_name,
            (SELECT i.sprint_id FROM sprint_items i JOIN sprints s ON s.id = i.sprint_id
             WHERE i.case_id = c.id AND s.status = 'open' LIMIT 1) AS sprint_id
     FROM cases c JOIN citizens z ON z.id = c.citizen_id JOIN board_columns b ON b.id = c.column_id
     WHERE c.team_id = ? AND b.kind <> 'done' AND c.case_number LIKE ? ESCAPE '\\'
     ORDER BY instr(c.case_number, ?) , c.case_number LIMIT 20`,
  ),
});

function sprintRow(db: Db, sprintId: number, field = 'sprintId'): SprintRow {
  const row = statements(db, queries).sprint.get(sprintId);
  if (!row) throw notFound('records.sprintNotFound', field);
  return row;
}

function sprintDetail(db: Db, sprintId: number, today: IsoDate): SprintDetail {
  const q = statements(db, queries);
  const row = sprintRow(db, sprintId);
  const sprint = toSprint(row);
  const items: SprintItem[] = q.items.all(sprintId).map((r) => ({
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
  const kinds = new Map(q.columnKinds.all().map((r) => [r.id, r.kind]));
  const until = `${addDays(sprint.endDate < today ? sprint.endDate : today, 1)}T00:00:00.000Z`;
  const events: BurnEvent[] = q.burnEvents.all(sprintId, until, sprintId).map((e) => ({ caseId: e.case_id, at: e.at, type: e.type, field: e.field, to: e.to_value, sprintId: e.sprint_id }));
  const teamSprints = q.teamSprints.all(sprint.teamId).map(toSprint);
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

/** The team's sprint running on the day, with its burn-up; null between sprints. */
export function currentSprintFor(db: Db, teamId: number, today: IsoDate): SprintDetail | null {
  const sprints = statements(db, queries).teamSprints.all(teamId).map(toSprint);
  const current = currentSprint(sprints, today);
  return current ? sprintDetail(db, current.id, today) : null;
}

export function sprintsHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof sprintsMethods> {
  const { db } = ctx;
  const q = statements(db, queries);

  function openSprint(sprintId: number, field = 'sprintId'): SprintRow {
    const row = sprintRow(db, sprintId, field);
    if (row.status !== 'open') {
      throw ApiFailure.of('conflict', 'sprints.closed', { name: row.name }, { fields: [fieldError(field, 'sprints.closedField')] });
    }
    return row;
  }

  function assertNoOverlap(teamId: number, period: { startDate: IsoDate; endDate: IsoDate }, exceptId: number | null): void {
    const clash = q.openSprints.all(teamId)
      .filter((s) => s.id !== exceptId)
      .find((s) => periodsOverlap(period, { startDate: s.start_date, endDate: s.end_date }));
    if (clash) {
      throw ApiFailure.of('conflict', 'sprints.overlap', { name: clash.name, start: clash.start_date, end: clash.end_date }, {
        fields: [fieldError('startDate', 'sprints.overlapField', { name: clash.name })],
      });
    }
  }

  const sprintRef = (r: SprintRefRow) => ({
    id: r.id, name: r.name, startDate: r.start_date, endDate: r.end_date,
  });

  function caseSprintState(caseId: number): CaseSprintState {
    const c = q.caseRow.get(caseId);
    if (!c) throw notFound('records.caseNotFound', 'caseId');
    const current = q.openSprintOfCase.get(caseId);
    return {
      caseId,
      teamId: c.team_id,
      sprint: current ? sprintRef(current) : null,
      openSprints: q.openSprints.all(c.team_id).map(sprintRef),
    };
  }

  function logSprint(call: CallContext, e: { sprintId: number; caseId?: number | null; type: string; from?: string | number | null; to?: string | number | null; reason?: string | null }) {
    appendEvent(db, {
      at: ctx.now().toISOString(), actorId: call.actorId, caseId: e.caseId ?? null, entity: 'sprint', entityId: e.sprintId,
      type: e.type, field: 'sprint', from: e.from ?? null, to: e.to ?? null, reason: e.reason ?? null,
    });
  }

  return {
    listSprints: ({ teamId }) => {
      requireTeam(db, teamId);
      const counts = new Map(q.sprintCounts.all(teamId).map((r) => [r.sprint_id, r]));
      return q.teamSprints.all(teamId).map((r): SprintSummary => ({
        ...toSprint(r),
        committed: counts.get(r.id)?.committed ?? 0,
        done: counts.get(r.id)?.done ?? 0,
      }));
    },

    getSprint: ({ sprintId }) => sprintDetail(db, sprintId, ctx.today()),

    createSprint: ({ teamId, name, goal, startDate, endDate }, call) => {
      actorOf(db, call);
      requireTeam(db, teamId);
      assertNoOverlap(teamId, { startDate, endDate }, null);
      const at = ctx.now().toISOString();
      const id = Number(q.insertSprint.run(teamId, name, goal, startDate, endDate, call.actorId, at).lastInsertRowid);
      logSprint(call, { sprintId: id, type: SPRINT_EVENTS.created, to: `${name}: ${startDate} – ${endDate}`, reason: goal });
      return toSprint(sprintRow(db, id));
    },

    updateSprint: ({ sprintId, name, goal, startDate, endDate }, call) => {
      actorOf(db, call);
      const old = openSprint(sprintId);
      assertNoOverlap(old.team_id, { startDate, endDate }, sprintId);
      q.updateSprint.run(name, goal, startDate, endDate, sprintId);
      logSprint(call, {
        sprintId, type: 'sprint_changed',
        from: `${old.name}: ${old.start_date} – ${old.end_date}; ${old.goal}`, to: `${name}: ${startDate} – ${endDate}; ${goal}`,
      });
      return toSprint(sprintRow(db, sprintId));
    },

    commitToSprint: ({ sprintId, caseId }, call) => {
      actorOf(db, call);
      const sprint = openSprint(sprintId);
      const c = q.caseRow.get(caseId);
      if (!c) throw notFound('records.caseNotFound', 'caseId');
      if (c.team_id !== sprint.team_id) {
        throw ApiFailure.of('invalid_input', 'sprints.caseOtherTeam', { caseNumber: c.case_number }, { fields: [fieldError('caseId', 'records.otherTeamsCase')] });
      }
      const already = q.openSprintOfCase.get(caseId);
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
      actorOf(db, call);
      openSprint(sprintId);
      if (!q.item.get(sprintId, caseId)) {
        throw ApiFailure.of('not_found', 'sprints.caseNotInSprint', undefined, { fields: [fieldError('caseId', 'sprints.caseNotInSprintField')] });
      }
      q.deleteItem.run(sprintId, caseId);
      logSprint(call, { sprintId, caseId, type: SPRINT_EVENTS.uncommitted, from: sprintId, to: null, reason: reason || 'Tilbage til pull-listen' });
      return caseSprintState(caseId);
    },

    closeSprint: ({ sprintId, goalMet, note, carryOver, nextSprintId }, call) => {
      actorOf(db, call);
      const sprint = openSprint(sprintId);
      let target: SprintRow | null = null;
      if (carryOver === 'next_sprint') {
        target = openSprint(nextSprintId!, 'nextSprintId');
        if (target.team_id !== sprint.team_id || target.id === sprint.id || target.start_date <= sprint.start_date) {
          throw ApiFailure.of('invalid_input', 'sprints.carryOverTarget', undefined, { fields: [fieldError('nextSprintId', 'sprints.carryOverTargetField')] });
        }
      }
      const items = q.items.all(sprintId);
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
      return sprintDetail(db, sprintId, ctx.today());
    },

    getSprintLanes: ({ teamId }) => {
      requireTeam(db, teamId);
      const today = ctx.today();
      const sprints = q.teamSprints.all(teamId).map(toSprint);
      const current = currentSprint(sprints, today);
      const next = nextSprint(sprints, today);
      const caseSprint: Record<number, number> = {};
      for (const r of q.laneItems.all(current?.id ?? -1, next?.id ?? -1)) caseSprint[r.case_id] = r.sprint_id;
      return {
        current: current ? { id: current.id, name: current.name } : null,
        next: next ? { id: next.id, name: next.name } : null,
        caseSprint,
      };
    },

    getCaseSprint: ({ caseId }) => caseSprintState(caseId),

    searchSprintCases: ({ teamId, query }) => {
      requireTeam(db, teamId);
      const escaped = query.replace(/[\\%_]/g, (m) => `\\${m}`);
      return q.search.all(teamId, `%${escaped}%`, query).map((r) => ({
        caseId: r.id, caseNumber: r.case_number, citizenInitials: r.initials, kind: r.kind, paragraph: r.paragraph,
        columnName: r.column_name, sprintId: r.sprint_id,
      }));
    },
  };
}
