import { columnWipBreach, personWipBreach, undoMoveRefusal, wipDecision, type WipBreach } from '../../shared/board';
import type { Handlers } from '../../shared/api/dispatch';
import { ApiFailure, fieldError } from '../../shared/api/envelope';
import type { MessageKey } from '../../shared/messages';
import type { boardMethods, ColumnCounts } from '../../shared/api/methods/board';
import { BOARD_DONE_RECENT, DONE_PAGE, sortBoardCards } from '../../shared/boardSync';
import type { CaseCard } from '../../shared/domain';
import { progressionStatus } from '../../shared/progression';
import { keyBetween, spacedKeys } from '../../shared/sortKey';
import { appendEvent } from '../events';
import {
  ASSESSMENT_COLUMNS, CARD_SELECT, COLUMN_COLUMNS, GRANT_COLUMNS, PERSON_COLUMNS, TEAM_COLUMNS,
  toAssessment, toCard, toColumn, toEvent, toGrant, toPerson, toTeam,
  type AssessmentRow, type CardRow, type ColumnRow, type EventRow, type GrantRow, type PersonRow, type TeamRow,
} from '../rows';
import type { ServiceContext } from './context';
import { statements } from '../statements';
import type { Db } from '../connection';
import type { BoardColumnsRow, CasesRow, CitizensRow, EventsRow, FlowCasesRow, MoveUndoRow, OrNull, PeopleRow } from '../schema';

type Replay = { kind: 'undo' | 'redo'; eventId: number } | undefined;

/** The reason column of an event, with a note when the write undoes or redoes an earlier one. */
function eventReason(reason: string | null | undefined, replay: Replay): string | null {
  const note = replay ? `${replay.kind === 'undo' ? 'Fortrudt' : 'Gentaget'} (hændelse #${replay.eventId})` : null;
  return [reason ?? null, note].filter((x): x is string => x !== null && x !== '').join(' – ') || null;
}

/** The refusal of a write over a WIP limit without a reason: the client asks for one and retries. */
export function wipRefusal(breaches: WipBreach[], extra: Record<string, unknown> = {}): ApiFailure {
  const column = breaches.find((b) => b.scope === 'column');
  const person = breaches.find((b) => b.scope === 'person');
  const fields = [fieldError('reason', 'board.wipReasonField')];
  const details = { breaches, ...extra };
  if (column && person) {
    return ApiFailure.of('wip_limit', 'board.wipBoth', {
      column: column.name, columnCount: column.count, columnLimit: column.limit, person: person.name, personCount: person.count, personLimit: person.limit,
    }, { fields, details });
  }
  if (person) return ApiFailure.of('wip_limit', 'board.wipPerson', { person: person.name, count: person.count, limit: person.limit }, { fields, details });
  return ApiFailure.of('wip_limit', 'board.wipColumn', { column: column!.name, count: column!.count, limit: column!.limit }, { fields, details });
}

const UNDO_REFUSALS: Record<NonNullable<ReturnType<typeof undoMoveRefusal>>, MessageKey> = {
  not_a_move: 'board.undoNotAMove',
  not_latest: 'board.undoNotLatest',
  other_person: 'board.undoOtherPerson',
  too_old: 'board.undoTooOld',
};

type CaseExtrasRow = Pick<CasesRow, 'notes'> & {
  citizen_ref: CitizensRow['ref']; assignee_name: PeopleRow['name'] | null;
  column_name: BoardColumnsRow['name']; column_kind: BoardColumnsRow['kind'];
};

// A move's event with what its undo restores (the LEFT JOIN side: a move from before undo was recorded has none).
type MoveEventRow = Pick<EventsRow, 'id' | 'at' | 'actor_id' | 'type' | 'to_value' | 'case_id'> & { is_latest: 0 | 1 }
  & OrNull<Pick<MoveUndoRow, 'from_column_id' | 'from_sort_key' | 'from_entered_at' | 'had_flow' | 'flow_team_id' | 'flow_arrived_day'
    | 'flow_start_day' | 'flow_finish_day' | 'flow_reached' | 'undone_by'>>;

const queries = (db: Db) => ({
  team: db.prepare<[number], TeamRow>(`SELECT ${TEAM_COLUMNS} FROM teams WHERE id = ?`),
  columns: db.prepare<[number], ColumnRow>(`SELECT ${COLUMN_COLUMNS} FROM board_columns WHERE team_id = ? ORDER BY position`),
  column: db.prepare<[number], ColumnRow>(`SELECT ${COLUMN_COLUMNS} FROM board_columns WHERE id = ?`),
  openCards: db.prepare<[number], CardRow>(
    `SELECT ${CARD_SELECT} FROM cases c JOIN citizens z ON z.id = c.citizen_id
     JOIN board_columns b ON b.id = c.column_id
     WHERE c.team_id = ? AND b.kind <> 'done' ORDER BY b.position, c.sort_key`,
  ),
  // Ids first, then the cards: the card's follow-up subquery runs for the page, not the column.
  doneCardIds: db.prepare<[number, number, number], Pick<CasesRow, 'id'>>(
    'SELECT id FROM cases WHERE column_id = ? ORDER BY column_entered_at DESC, id DESC LIMIT ? OFFSET ?',
  ),
  teamCards: db.prepare<[string, number], CardRow>(
    `SELECT ${CARD_SELECT} FROM cases c JOIN citizens z ON z.id = c.citizen_id
     WHERE c.id IN (SELECT value FROM json_each(?)) AND c.team_id = ?`,
  ),
  columnCounts: db.prepare<[number], { column_id: CasesRow['column_id']; n: number }>(
    'SELECT column_id, COUNT(*) AS n FROM cases WHERE team_id = ? GROUP BY column_id',
  ),
  card: db.prepare<[number], CardRow>(`SELECT ${CARD_SELECT} FROM cases c JOIN citizens z ON z.id = c.citizen_id WHERE c.id = ?`),
  people: db.prepare<[number], PersonRow>(`SELECT ${PERSON_COLUMNS} FROM people WHERE active = 1 AND team_id = ? ORDER BY name`),
  person: db.prepare<[number], PersonRow & Pick<PeopleRow, 'active'>>(`SELECT ${PERSON_COLUMNS}, active FROM people WHERE id = ?`),
  caseExtras: db.prepare<[number], CaseExtrasRow>(
    `SELECT z.ref AS citizen_ref, c.notes, p.name AS assignee_name, b.name AS column_name, b.kind AS column_kind
     FROM cases c JOIN citizens z ON z.id = c.citizen_id JOIN board_columns b ON b.id = c.column_id
     LEFT JOIN people p ON p.id = c.assignee_id WHERE c.id = ?`,
  ),
  grants: db.prepare<[number], GrantRow>(`SELECT ${GRANT_COLUMNS} FROM grants WHERE case_id = ? ORDER BY start_date DESC, id DESC`),
  events: db.prepare<[number], EventRow>(
    `SELECT e.id, e.at, e.actor_id, p.name AS actor_name, e.case_id, e.entity, e.entity_id, e.type, e.field,
            e.from_value, e.to_value, e.reason
     FROM events e LEFT JOIN people p ON p.id = e.actor_id WHERE e.case_id = ? ORDER BY e.id DESC`,
  ),
  eventCase: db.prepare<[number], Pick<EventsRow, 'case_id'>>('SELECT case_id FROM events WHERE id = ?'),
  assessments: db.prepare<[number], AssessmentRow>(`SELECT ${ASSESSMENT_COLUMNS} FROM assessments WHERE case_id = ? ORDER BY assessed_on, id`),
  assessment: db.prepare<[number], AssessmentRow>(`SELECT ${ASSESSMENT_COLUMNS} FROM assessments WHERE id = ?`),
  insertAssessment: db.prepare(
    `INSERT INTO assessments (case_id, assessed_on, method, scores, expected_scores, expected_by, note, created_by, created_at)
     VALUES (?, ?, 'VUM 2.0', ?, ?, ?, ?, ?, ?)`,
  ),
  columnCount: db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM cases WHERE column_id = ?'),
  activeHeld: db.prepare<[number, number], { n: number }>(
    `SELECT COUNT(*) AS n FROM cases c JOIN board_columns b ON b.id = c.column_id
     WHERE c.assignee_id = ? AND b.kind = 'active' AND c.id <> ?`,
  ),
  keyAbove: db.prepare<[number, number, number], { k: CasesRow['sort_key'] | null }>('SELECT MAX(sort_key) AS k FROM cases WHERE column_id = ? AND sort_key < ? AND id <> ?'),
  lastKey: db.prepare<[number, number], { k: CasesRow['sort_key'] | null }>('SELECT MAX(sort_key) AS k FROM cases WHERE column_id = ? AND id <> ?'),
  columnIds: db.prepare<[number], Pick<CasesRow, 'id'>>('SELECT id FROM cases WHERE column_id = ? ORDER BY sort_key, id'),
  setKey: db.prepare('UPDATE cases SET sort_key = ? WHERE id = ?'),
  move: db.prepare('UPDATE cases SET column_id = ?, sort_key = ?, column_entered_at = ? WHERE id = ?'),
  flowCase: db.prepare<[number], Pick<FlowCasesRow, 'team_id' | 'arrived_day' | 'start_day' | 'finish_day' | 'reached_position'>>('SELECT team_id, arrived_day, start_day, finish_day, reached_position FROM flow_cases WHERE case_id = ?'),
  insertMoveUndo: db.prepare(
    `INSERT INTO move_undo (event_id, case_id, from_column_id, from_sort_key, from_entered_at, had_flow,
       flow_team_id, flow_arrived_day, flow_start_day, flow_finish_day, flow_reached)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  moveEvent: db.prepare<[number], MoveEventRow>(
    `SELECT e.id, e.at, e.actor_id, e.type, e.to_value, e.case_id, (e.id = (SELECT MAX(l.id) FROM events l WHERE l.case_id = e.case_id)) AS is_latest,
            u.from_column_id, u.from_sort_key, u.from_entered_at, u.had_flow, u.flow_team_id, u.flow_arrived_day,
            u.flow_start_day, u.flow_finish_day, u.flow_reached, u.undone_by
     FROM events e LEFT JOIN move_undo u ON u.event_id = e.id WHERE e.id = ?`,
  ),
  markUndone: db.prepare('UPDATE move_undo SET undone_by = ? WHERE event_id = ?'),
  // Takes back the counters migration 005's trigger added for the move: the columns up to the
  // target's position that the case had not reached before, on the move's day.
  unreach: db.prepare(
    `UPDATE flow_reached_daily SET n = n - 1
     WHERE day = ? AND column_id IN (
       SELECT c.id FROM board_columns t JOIN board_columns c ON c.team_id = t.team_id AND c.position <= t.position
       WHERE t.id = ? AND c.position > ?)`,
  ),
  dropEmptyReach: db.prepare('DELETE FROM flow_reached_daily WHERE day = ? AND n <= 0'),
  restoreFlow: db.prepare(
    'UPDATE flow_cases SET team_id = ?, arrived_day = ?, start_day = ?, finish_day = ?, reached_position = ? WHERE case_id = ?',
  ),
  deleteFlow: db.prepare('DELETE FROM flow_cases WHERE case_id = ?'),
  setAssignee: db.prepare('UPDATE cases SET assignee_id = ? WHERE id = ?'),
  setBlocked: db.prepare('UPDATE cases SET blocked = ?, blocked_reason = ?, blocked_since = ? WHERE id = ?'),
  setClass: db.prepare('UPDATE cases SET class_of_service = ? WHERE id = ?'),
  setNotes: db.prepare('UPDATE cases SET notes = ? WHERE id = ?'),
  insertColumn: db.prepare('INSERT INTO board_columns (team_id, name, position, kind, wip_limit) VALUES (?, ?, ?, ?, ?)'),
  updateColumn: db.prepare('UPDATE board_columns SET name = ?, kind = ?, wip_limit = ? WHERE id = ?'),
  setPosition: db.prepare('UPDATE board_columns SET position = ? WHERE id = ?'),
  deleteColumn: db.prepare('DELETE FROM board_columns WHERE id = ?'),
});

export function boardHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof boardMethods> {
  const { db } = ctx;
  const q = statements(db, queries);

  function getCard(caseId: number) {
    const row = q.card.get(caseId);
    if (!row) throw ApiFailure.of('not_found', 'records.caseNotFound', undefined, { fields: [fieldError('caseId', 'records.caseNotFound')] });
    return toCard(row);
  }

  function getColumn(columnId: number, field = 'columnId'): ColumnRow {
    const row = q.column.get(columnId);
    if (!row) throw ApiFailure.of('not_found', 'records.columnNotFound', undefined, { fields: [fieldError(field, 'records.columnNotFound')] });
    return row;
  }

  function activeHeld(personId: number, exceptCaseId: number): number {
    return q.activeHeld.get(personId, exceptCaseId)!.n;
  }

  function checkReplay(replay: Replay, caseId: number | null): void {
    if (!replay) return;
    const row = q.eventCase.get(replay.eventId);
    if (!row || (caseId !== null && row.case_id !== caseId)) {
      throw ApiFailure.of('invalid_input', 'board.replayNotOfCase', undefined, {
        fields: [fieldError('replay.eventId', 'board.unknownEventOfCase')],
      });
    }
  }

  /** A done column's cards from `offset`, most recently closed first. */
  function doneCards(teamId: number, columnId: number, offset: number, limit: number): CaseCard[] {
    const ids = q.doneCardIds.all(columnId, limit, offset).map((r) => r.id);
    if (ids.length === 0) return [];
    const byId = new Map(q.teamCards.all(JSON.stringify(ids), teamId).map((r) => [r.id, toCard(r)]));
    return ids.map((id) => byId.get(id)!);
  }

  function columnCounts(teamId: number): ColumnCounts {
    return Object.fromEntries(q.columnCounts.all(teamId).map((r) => [r.column_id, r.n]));
  }

  function teamColumns(teamId: number): ColumnRow[] {
    return q.columns.all(teamId);
  }

  /** Writes positions 1..n in the given order; via negatives first because (team, position) is unique. */
  function writePositions(ordered: ColumnRow[]): void {
    ordered.forEach((c) => q.setPosition.run(-c.id, c.id));
    ordered.forEach((c, i) => q.setPosition.run(i + 1, c.id));
  }

  function assertUniqueName(teamId: number, name: string, exceptId: number | null): void {
    const clash = teamColumns(teamId).find((c) => c.id !== exceptId && c.name.toLocaleLowerCase('da') === name.toLocaleLowerCase('da'));
    if (clash) {
      throw ApiFailure.of('conflict', 'board.columnNameTaken', { name: clash.name }, {
        fields: [fieldError('name', 'board.columnNameTakenField')],
      });
    }
  }

  function renumber(columnId: number) {
    const ids = q.columnIds.all(columnId).map((r) => r.id);
    spacedKeys(ids.length).forEach((key, i) => q.setKey.run(key, ids[i]));
  }

  /** The sort key for `caseId` placed directly above `beforeCaseId` (or last) in the column. */
  function placement(columnId: number, caseId: number, beforeCaseId: number | null): number {
    for (let attempt = 0; attempt < 2; attempt++) {
      let key: number | null;
      if (beforeCaseId === null) {
        key = keyBetween(q.lastKey.get(columnId, caseId)!.k, null);
      } else {
        const below = getCard(beforeCaseId);
        if (below.columnId !== columnId) {
          throw ApiFailure.of('invalid_input', 'board.beforeOtherColumn', undefined, {
            fields: [fieldError('beforeCaseId', 'board.beforeOtherColumnField')],
          });
        }
        const above = q.keyAbove.get(columnId, below.sortKey, caseId)!.k;
        key = keyBetween(above, below.sortKey);
      }
      if (key !== null) return key;
      renumber(columnId);
    }
    throw new Error('sort keys still crowded after renumbering');
  }

  return {
    getBoard: ({ teamId }) => {
      const team = q.team.get(teamId);
      if (!team) throw ApiFailure.of('not_found', 'records.teamNotFound', undefined, { fields: [fieldError('teamId', 'records.teamNotFound')] });
      const columns = teamColumns(teamId).map(toColumn);
      const cards = q.openCards.all(teamId).map(toCard);
      for (const done of columns.filter((c) => c.kind === 'done')) cards.push(...doneCards(teamId, done.id, 0, BOARD_DONE_RECENT));
      return {
        team: toTeam(team),
        columns,
        cards: sortBoardCards({ columns }, cards),
        columnCounts: columnCounts(teamId),
        people: q.people.all(teamId).map(toPerson),
      };
    },

    getBoardCards: ({ teamId, caseIds }) => ({
      cards: q.teamCards.all(JSON.stringify(caseIds), teamId).map(toCard),
      columnCounts: columnCounts(teamId),
    }),

    getDoneCards: ({ teamId, columnId, offset }) => {
      const column = q.column.get(columnId);
      if (!column || column.team_id !== teamId || column.kind !== 'done') {
        throw ApiFailure.of('not_found', 'board.noDoneColumn', undefined, { fields: [fieldError('columnId', 'board.noDoneColumnField')] });
      }
      return { teamId, cards: doneCards(teamId, columnId, offset, DONE_PAGE), total: q.columnCount.get(columnId)!.n };
    },

    getCase: ({ caseId }) => {
      const card = getCard(caseId);
      const extras = q.caseExtras.get(caseId)!;
      const assessments = q.assessments.all(caseId).map(toAssessment);
      return {
        card,
        citizenRef: extras.citizen_ref,
        notes: extras.notes,
        assigneeName: extras.assignee_name,
        columnName: extras.column_name,
        grants: q.grants.all(caseId).map(toGrant),
        events: q.events.all(caseId).map(toEvent),
        assessments,
        progression: progressionStatus(assessments.at(-1) ?? null, assessments.at(-2) ?? null),
      };
    },

    moveCard: ({ caseId, toColumnId, beforeCaseId, reason, replay }, call) => {
      const card = getCard(caseId);
      const target = q.column.get(toColumnId);
      if (!target || target.team_id !== card.teamId) {
        throw ApiFailure.of('invalid_input', 'board.columnNotOnBoard', undefined, {
          fields: [fieldError('toColumnId', 'board.columnNotOfTeam')],
        });
      }
      if (beforeCaseId === caseId) {
        throw ApiFailure.of('invalid_input', 'board.beforeItself', undefined, {
          fields: [fieldError('beforeCaseId', 'board.beforeItselfField')],
        });
      }
      checkReplay(replay, caseId);
      const from = getColumn(card.columnId);
      const changesColumn = card.columnId !== toColumnId;
      const breaches: WipBreach[] = [];
      const columnBreach = columnWipBreach(
        { name: target.name, wipLimit: target.wip_limit },
        changesColumn ? q.columnCount.get(toColumnId)!.n : 0,
        changesColumn,
      );
      if (columnBreach) breaches.push(columnBreach);
      const entersActive = target.kind === 'active' && from.kind !== 'active';
      if (card.assigneeId !== null && entersActive) {
        const person = q.person.get(card.assigneeId);
        const personBreach = personWipBreach(person ? { name: person.name, wipLimit: person.wip_limit } : null, activeHeld(card.assigneeId, caseId), true);
        if (personBreach) breaches.push(personBreach);
      }
      const decision = wipDecision(breaches, reason);
      if (!decision.allowed) {
        throw wipRefusal(breaches);
      }
      const flowBefore = q.flowCase.get(caseId);
      const key = placement(toColumnId, caseId, beforeCaseId ?? null);
      q.move.run(toColumnId, key, changesColumn ? ctx.today() : card.columnEnteredAt, caseId);
      const eventId = appendEvent(db, {
        at: ctx.now().toISOString(),
        actorId: call.actorId,
        caseId,
        entity: 'case',
        entityId: caseId,
        type: changesColumn ? (decision.overLimit ? 'moved_over_wip_limit' : 'moved') : 'reordered',
        field: 'column',
        from: card.columnId,
        to: toColumnId,
        reason: eventReason(reason, replay),
      });
      // What an undo needs to put the card back exactly; the sort key is the one before
      // placement() may have renumbered the column, which only spreads keys apart.
      q.insertMoveUndo.run(
        eventId, caseId, card.columnId, card.sortKey, card.columnEnteredAt, flowBefore ? 1 : 0,
        flowBefore?.team_id ?? null, flowBefore?.arrived_day ?? null, flowBefore?.start_day ?? null,
        flowBefore?.finish_day ?? null, flowBefore?.reached_position ?? null,
      );
      return { card: getCard(caseId), wipLimitExceeded: decision.overLimit, eventId };
    },

    undoMove: ({ caseId, eventId }, call) => {
      const card = getCard(caseId);
      const move = q.moveEvent.get(eventId);
      if (!move || move.case_id !== caseId) {
        throw ApiFailure.of('invalid_input', 'board.moveNotOfCase', undefined, {
          fields: [fieldError('eventId', 'board.unknownEventOfCase')],
        });
      }
      const refusal = undoMoveRefusal({ type: move.type, actorId: move.actor_id, at: move.at, isLatest: move.is_latest === 1 }, call.actorId, ctx.now())
        ?? (move.from_column_id === null || move.undone_by !== null || String(card.columnId) !== move.to_value ? 'not_latest' : null);
      if (refusal) throw ApiFailure.of('conflict', UNDO_REFUSALS[refusal], undefined, { fields: [fieldError('eventId', UNDO_REFUSALS[refusal])], details: { refusal } });
      const back = getColumn(move.from_column_id!, 'eventId');
      if (back.team_id !== card.teamId) throw ApiFailure.of('conflict', UNDO_REFUSALS.not_latest, undefined, { fields: [fieldError('eventId', UNDO_REFUSALS.not_latest)], details: { refusal: 'not_latest' } });

      q.move.run(back.id, move.from_sort_key!, move.from_entered_at!, caseId);
      if (move.type !== 'reordered') {
        // The move's event stays in the log, but its pass through the columns is taken back.
        const day = move.at.slice(0, 10);
        const reachedBefore = move.had_flow === 1 && move.flow_team_id === card.teamId ? move.flow_reached ?? 0 : 0;
        q.unreach.run(day, Number(move.to_value), reachedBefore);
        q.dropEmptyReach.run(day);
        if (move.had_flow === 1) {
          q.restoreFlow.run(move.flow_team_id, move.flow_arrived_day, move.flow_start_day, move.flow_finish_day, move.flow_reached, caseId);
        } else {
          q.deleteFlow.run(caseId);
        }
      }
      // Not a column event (field 'undo'), so migration 005's trigger counts nothing for it.
      const undoId = appendEvent(db, {
        at: ctx.now().toISOString(),
        actorId: call.actorId,
        caseId,
        entity: 'case',
        entityId: caseId,
        type: 'move_undone',
        field: 'undo',
        from: move.to_value,
        to: back.id,
        reason: `Fortrudt (hændelse #${move.id})`,
      });
      q.markUndone.run(undoId, move.id);
      return { card: getCard(caseId), wipLimitExceeded: false, eventId: undoId };
    },

    updateCase: (input, call) => {
      const card = getCard(input.caseId);
      const extras = q.caseExtras.get(card.id)!;
      checkReplay(input.replay, card.id);
      const at = ctx.now().toISOString();
      const eventIds: number[] = [];
      const log = (type: string, field: string, from: string | number | null, to: string | number | null, reason: string | null = null) =>
        eventIds.push(
          appendEvent(db, { at, actorId: call.actorId, caseId: card.id, entity: 'case', entityId: card.id, type, field, from, to, reason: eventReason(reason, input.replay) }),
        );

      if (input.assigneeId !== undefined && input.assigneeId !== card.assigneeId) {
        if (input.assigneeId !== null) {
          const person = q.person.get(input.assigneeId);
          if (!person || person.active !== 1 || person.team_id !== card.teamId) {
            throw ApiFailure.of('invalid_input', 'board.assigneeNotInTeam', undefined, {
              fields: [fieldError('assigneeId', 'board.assigneeNotInTeamField')],
            });
          }
          const breach = personWipBreach({ name: person.name, wipLimit: person.wip_limit }, activeHeld(person.id, card.id), extras.column_kind === 'active');
          const decision = wipDecision(breach ? [breach] : [], input.reason);
          if (!decision.allowed) throw wipRefusal(decision.breaches);
          q.setAssignee.run(person.id, card.id);
          log(breach ? 'assigned_over_wip_limit' : 'assigned', 'assignee', card.assigneeId, person.id, breach ? input.reason ?? null : null);
        } else {
          q.setAssignee.run(null, card.id);
          log('assigned', 'assignee', card.assigneeId, null);
        }
      }

      if (input.blocked === true || (input.blocked === undefined && input.blockedReason !== undefined)) {
        if (!card.blocked && input.blocked === undefined) {
          throw ApiFailure.of('invalid_input', 'board.notBlocked', undefined, {
            fields: [fieldError('blocked', 'board.notBlockedField')],
          });
        }
        const reason = input.blockedReason!;
        if (!card.blocked || card.blockedReason !== reason) {
          q.setBlocked.run(1, reason, card.blocked ? card.blockedSince : ctx.today(), card.id);
          log('blocked', 'blocked', card.blocked ? card.blockedReason : null, reason, reason);
        }
      } else if (input.blocked === false && card.blocked) {
        q.setBlocked.run(0, null, null, card.id);
        log('unblocked', 'blocked', card.blockedReason, null);
      }

      if (input.classOfService !== undefined && input.classOfService !== card.classOfService) {
        q.setClass.run(input.classOfService, card.id);
        log('class_changed', 'class_of_service', card.classOfService, input.classOfService);
      }

      if (input.notes !== undefined) {
        const notes = input.notes === null || input.notes === '' ? null : input.notes;
        if (notes !== extras.notes) {
          q.setNotes.run(notes, card.id);
          log('notes_changed', 'notes', extras.notes, notes);
        }
      }

      const after = q.caseExtras.get(card.id)!;
      return { card: getCard(card.id), notes: after.notes, eventIds };
    },

    addAssessment: (input, call) => {
      const card = getCard(input.caseId);
      if (input.assessedOn > ctx.today()) {
        throw ApiFailure.of('invalid_input', 'board.assessmentInFuture', undefined, {
          fields: [fieldError('assessedOn', 'board.assessmentInFutureField')],
        });
      }
      const expected = input.expectedScores ?? null;
      const expectedBy = input.expectedBy ?? null;
      if (expectedBy !== null && expectedBy <= input.assessedOn) {
        throw ApiFailure.of('invalid_input', 'board.expectedBeforeAssessment', undefined, {
          fields: [fieldError('expectedBy', 'board.expectedBeforeAssessmentField')],
        });
      }
      const at = ctx.now().toISOString();
      const id = Number(
        q.insertAssessment.run(
          card.id, input.assessedOn, JSON.stringify(input.scores), expected === null ? null : JSON.stringify(expected),
          expectedBy, input.note ?? null, call.actorId, at,
        ).lastInsertRowid,
      );
      appendEvent(db, {
        at, actorId: call.actorId, caseId: card.id, entity: 'assessment', entityId: id, type: 'assessed', field: 'assessment',
        from: null, to: input.assessedOn, reason: null,
      });
      return toAssessment(q.assessment.get(id)!);
    },

    addColumn: ({ teamId, name, kind, wipLimit }, call) => {
      if (!q.team.get(teamId)) throw ApiFailure.of('not_found', 'records.teamNotFound', undefined, { fields: [fieldError('teamId', 'records.teamNotFound')] });
      assertUniqueName(teamId, name, null);
      const position = teamColumns(teamId).length + 1;
      const id = Number(q.insertColumn.run(teamId, name, position, kind, wipLimit ?? null).lastInsertRowid);
      appendEvent(db, { at: ctx.now().toISOString(), actorId: call.actorId, entity: 'column', entityId: id, type: 'column_added', field: 'name', to: name });
      return toColumn(getColumn(id));
    },

    updateColumn: ({ columnId, name, kind, wipLimit }, call) => {
      const column = getColumn(columnId);
      const at = ctx.now().toISOString();
      const log = (type: string, field: string, from: string | number | null, to: string | number | null) =>
        appendEvent(db, { at, actorId: call.actorId, entity: 'column', entityId: columnId, type, field, from, to });
      if (name !== undefined && name !== column.name) {
        assertUniqueName(column.team_id, name, columnId);
        log('column_renamed', 'name', column.name, name);
      }
      if (kind !== undefined && kind !== column.kind) log('column_kind_changed', 'kind', column.kind, kind);
      if (wipLimit !== undefined && wipLimit !== column.wip_limit) log('column_limit_changed', 'wip_limit', column.wip_limit, wipLimit);
      q.updateColumn.run(name ?? column.name, kind ?? column.kind, wipLimit === undefined ? column.wip_limit : wipLimit, columnId);
      return toColumn(getColumn(columnId));
    },

    moveColumn: ({ columnId, toPosition }, call) => {
      const column = getColumn(columnId);
      const others = teamColumns(column.team_id).filter((c) => c.id !== columnId);
      const index = Math.min(toPosition, others.length + 1) - 1;
      const ordered = [...others.slice(0, index), column, ...others.slice(index)];
      if (index + 1 !== column.position) {
        writePositions(ordered);
        appendEvent(db, {
          at: ctx.now().toISOString(), actorId: call.actorId, entity: 'column', entityId: columnId, type: 'column_moved',
          field: 'position', from: column.position, to: index + 1,
        });
      }
      return teamColumns(column.team_id).map(toColumn);
    },

    removeColumn: ({ columnId }, call) => {
      const column = getColumn(columnId);
      const count = q.columnCount.get(columnId)!.n;
      if (count > 0) {
        throw ApiFailure.of(
          'conflict',
          'board.columnHasCards',
          { name: column.name, count },
          { fields: [fieldError('columnId', 'board.columnHasCardsField')], details: { count } },
        );
      }
      const remaining = teamColumns(column.team_id).filter((c) => c.id !== columnId);
      if (remaining.length === 0) {
        throw ApiFailure.of('conflict', 'board.lastColumn', undefined, { fields: [fieldError('columnId', 'board.lastColumnField')] });
      }
      q.deleteColumn.run(columnId);
      writePositions(remaining);
      appendEvent(db, {
        at: ctx.now().toISOString(), actorId: call.actorId, entity: 'column', entityId: columnId, type: 'column_removed',
        field: 'name', from: column.name, to: null,
      });
      return teamColumns(column.team_id).map(toColumn);
    },
  };
}
