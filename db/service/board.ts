import type { Handlers } from '../../shared/api/dispatch';
import { ApiFailure } from '../../shared/api/envelope';
import type { boardMethods } from '../../shared/api/methods/board';
import { keyBetween, spacedKeys } from '../../shared/sortKey';
import { appendEvent } from '../events';
import {
  CARD_SELECT, COLUMN_COLUMNS, GRANT_COLUMNS, PERSON_COLUMNS, TEAM_COLUMNS,
  toCard, toColumn, toEvent, toGrant, toPerson, toTeam,
  type CardRow, type ColumnRow, type EventRow, type GrantRow, type PersonRow, type TeamRow,
} from '../rows';
import type { ServiceContext } from './context';

export function boardHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof boardMethods> {
  const { db } = ctx;
  const q = {
    team: db.prepare(`SELECT ${TEAM_COLUMNS} FROM teams WHERE id = ?`),
    columns: db.prepare(`SELECT ${COLUMN_COLUMNS} FROM board_columns WHERE team_id = ? ORDER BY position`),
    column: db.prepare(`SELECT ${COLUMN_COLUMNS} FROM board_columns WHERE id = ?`),
    cards: db.prepare(
      `SELECT ${CARD_SELECT} FROM cases c JOIN citizens z ON z.id = c.citizen_id
       JOIN board_columns b ON b.id = c.column_id
       WHERE c.team_id = ? ORDER BY b.position, c.sort_key`,
    ),
    card: db.prepare(`SELECT ${CARD_SELECT} FROM cases c JOIN citizens z ON z.id = c.citizen_id WHERE c.id = ?`),
    people: db.prepare(`SELECT ${PERSON_COLUMNS} FROM people WHERE active = 1 AND team_id = ? ORDER BY name`),
    caseExtras: db.prepare(
      `SELECT z.ref AS citizen_ref, c.notes, p.name AS assignee_name, b.name AS column_name
       FROM cases c JOIN citizens z ON z.id = c.citizen_id JOIN board_columns b ON b.id = c.column_id
       LEFT JOIN people p ON p.id = c.assignee_id WHERE c.id = ?`,
    ),
    grants: db.prepare(`SELECT ${GRANT_COLUMNS} FROM grants WHERE case_id = ? ORDER BY start_date DESC, id DESC`),
    events: db.prepare(
      `SELECT e.id, e.at, e.actor_id, p.name AS actor_name, e.case_id, e.entity, e.entity_id, e.type, e.field,
              e.from_value, e.to_value, e.reason
       FROM events e LEFT JOIN people p ON p.id = e.actor_id WHERE e.case_id = ? ORDER BY e.id DESC`,
    ),
    columnCount: db.prepare('SELECT COUNT(*) AS n FROM cases WHERE column_id = ?'),
    keyAbove: db.prepare('SELECT MAX(sort_key) AS k FROM cases WHERE column_id = ? AND sort_key < ? AND id <> ?'),
    lastKey: db.prepare('SELECT MAX(sort_key) AS k FROM cases WHERE column_id = ? AND id <> ?'),
    columnIds: db.prepare('SELECT id FROM cases WHERE column_id = ? ORDER BY sort_key, id'),
    setKey: db.prepare('UPDATE cases SET sort_key = ? WHERE id = ?'),
    move: db.prepare('UPDATE cases SET column_id = ?, sort_key = ?, column_entered_at = ? WHERE id = ?'),
  };

  function getCard(caseId: number) {
    const row = q.card.get(caseId) as CardRow | undefined;
    if (!row) throw new ApiFailure('not_found', `Sag ${caseId} findes ikke.`, [{ field: 'caseId', message: 'Sagen findes ikke' }]);
    return toCard(row);
  }

  function renumber(columnId: number) {
    const ids = (q.columnIds.all(columnId) as { id: number }[]).map((r) => r.id);
    spacedKeys(ids.length).forEach((key, i) => q.setKey.run(key, ids[i]));
  }

  /** The sort key for `caseId` placed directly above `beforeCaseId` (or last) in the column. */
  function placement(columnId: number, caseId: number, beforeCaseId: number | null): number {
    for (let attempt = 0; attempt < 2; attempt++) {
      let key: number | null;
      if (beforeCaseId === null) {
        key = keyBetween((q.lastKey.get(columnId, caseId) as { k: number | null }).k, null);
      } else {
        const below = getCard(beforeCaseId);
        if (below.columnId !== columnId) {
          throw new ApiFailure('invalid_input', 'Kortet, der skal placeres over, står i en anden kolonne.', [
            { field: 'beforeCaseId', message: 'Kortet står ikke i målkolonnen' },
          ]);
        }
        const above = (q.keyAbove.get(columnId, below.sortKey, caseId) as { k: number | null }).k;
        key = keyBetween(above, below.sortKey);
      }
      if (key !== null) return key;
      renumber(columnId);
    }
    throw new Error('sort keys still crowded after renumbering');
  }

  return {
    getBoard: ({ teamId }) => {
      const team = q.team.get(teamId) as TeamRow | undefined;
      if (!team) throw new ApiFailure('not_found', 'Teamet findes ikke.', [{ field: 'teamId', message: 'Teamet findes ikke' }]);
      return {
        team: toTeam(team),
        columns: (q.columns.all(teamId) as ColumnRow[]).map(toColumn),
        cards: (q.cards.all(teamId) as CardRow[]).map(toCard),
        people: (q.people.all(teamId) as PersonRow[]).map(toPerson),
      };
    },

    getCase: ({ caseId }) => {
      const card = getCard(caseId);
      const extras = q.caseExtras.get(caseId) as { citizen_ref: string; notes: string | null; assignee_name: string | null; column_name: string };
      return {
        card,
        citizenRef: extras.citizen_ref,
        notes: extras.notes,
        assigneeName: extras.assignee_name,
        columnName: extras.column_name,
        grants: (q.grants.all(caseId) as GrantRow[]).map(toGrant),
        events: (q.events.all(caseId) as EventRow[]).map(toEvent),
      };
    },

    moveCard: ({ caseId, toColumnId, beforeCaseId, reason }, call) => {
      const card = getCard(caseId);
      const target = q.column.get(toColumnId) as ColumnRow | undefined;
      if (!target || target.team_id !== card.teamId) {
        throw new ApiFailure('invalid_input', 'Kolonnen findes ikke på sagens tavle.', [
          { field: 'toColumnId', message: 'Kolonnen hører ikke til sagens team' },
        ]);
      }
      if (beforeCaseId === caseId) {
        throw new ApiFailure('invalid_input', 'Et kort kan ikke placeres over sig selv.', [
          { field: 'beforeCaseId', message: 'Må ikke være det flyttede kort' },
        ]);
      }
      const changesColumn = card.columnId !== toColumnId;
      let wipLimitExceeded = false;
      if (changesColumn && target.wip_limit !== null) {
        const count = (q.columnCount.get(toColumnId) as { n: number }).n;
        if (count >= target.wip_limit) {
          if (!reason) {
            throw new ApiFailure(
              'wip_limit',
              `Kolonnen "${target.name}" har nået sin WIP-grænse (${count} af ${target.wip_limit}). Angiv en begrundelse for at gå over grænsen.`,
              [{ field: 'reason', message: 'Begrundelse kræves for at overskride WIP-grænsen' }],
              { columnId: target.id, columnName: target.name, limit: target.wip_limit, count },
            );
          }
          wipLimitExceeded = true;
        }
      }
      const key = placement(toColumnId, caseId, beforeCaseId ?? null);
      const at = ctx.now().toISOString();
      q.move.run(toColumnId, key, changesColumn ? ctx.today() : card.columnEnteredAt, caseId);
      appendEvent(db, {
        at,
        actorId: call.actorId,
        caseId,
        entity: 'case',
        entityId: caseId,
        type: changesColumn ? (wipLimitExceeded ? 'moved_over_wip_limit' : 'moved') : 'reordered',
        field: 'column',
        from: card.columnId,
        to: toColumnId,
        reason: reason ?? null,
      });
      return { card: getCard(caseId), wipLimitExceeded };
    },
  };
}
