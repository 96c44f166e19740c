// What the sprint and plan handlers both check before they act: who is acting (who may, is
// declared in the contract) and that the team asked about exists.
import type { CallContext } from '../../shared/api/define';
import { ApiFailure, fieldError } from '../../shared/api/envelope';
import type { MessageKey } from '../../shared/messages';
import type { Db } from '../connection';
import type { PeopleRow, TeamsRow } from '../schema';
import { statements } from '../statements';

export type ActorRow = Pick<PeopleRow, 'id' | 'name' | 'role' | 'team_id'>;

const queries = (db: Db) => ({
  actor: db.prepare<[number], ActorRow>('SELECT id, name, role, team_id FROM people WHERE id = ? AND active = 1'),
  team: db.prepare<[number], Pick<TeamsRow, 'id' | 'name'>>('SELECT id, name FROM teams WHERE id = ?'),
});

export const notFound = (what: MessageKey, field: string) => ApiFailure.of('not_found', what, undefined, { fields: [fieldError(field, what)] });

export function actorOf(db: Db, call: CallContext): ActorRow {
  const actor = call.actorId === null ? undefined : statements(db, queries).actor.get(call.actorId);
  if (!actor) throw ApiFailure.of('forbidden', 'records.actorGone');
  return actor;
}

export function requireTeam(db: Db, teamId: number): Pick<TeamsRow, 'id' | 'name'> {
  const row = statements(db, queries).team.get(teamId);
  if (!row) throw notFound('records.teamNotFound', 'teamId');
  return row;
}
