// What the sprint and plan handlers both check before they act: who is acting (who may, is
// declared in the contract) and that the team asked about exists.
import type { CallContext } from '../../shared/api/define';
import { ApiFailure } from '../../shared/api/envelope';
import type { Db } from '../connection';
import type { PeopleRow, TeamsRow } from '../schema';
import { statements } from '../statements';

export type ActorRow = Pick<PeopleRow, 'id' | 'name' | 'role' | 'team_id'>;

const queries = (db: Db) => ({
  actor: db.prepare<[number], ActorRow>('SELECT id, name, role, team_id FROM people WHERE id = ? AND active = 1'),
  team: db.prepare<[number], Pick<TeamsRow, 'id' | 'name'>>('SELECT id, name FROM teams WHERE id = ?'),
});

export const notFound = (what: string, field: string) => new ApiFailure('not_found', `${what} findes ikke.`, [{ field, message: `${what} findes ikke` }]);

export function actorOf(db: Db, call: CallContext): ActorRow {
  const actor = call.actorId === null ? undefined : statements(db, queries).actor.get(call.actorId);
  if (!actor) throw new ApiFailure('forbidden', 'Den valgte bruger findes ikke (længere). Vælg, hvem du er, igen.');
  return actor;
}

export function requireTeam(db: Db, teamId: number): Pick<TeamsRow, 'id' | 'name'> {
  const row = statements(db, queries).team.get(teamId);
  if (!row) throw notFound('Teamet', 'teamId');
  return row;
}
