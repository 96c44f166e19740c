// The store's half of the access check: the team a record belongs to, for the dispatcher's team
// scope (shared/api/dispatch.ts). One prepared statement per kind of record, prepared once.
import type { ResolveTeam } from '../../shared/api/dispatch';
import type { TeamSource } from '../../shared/api/define';
import type { Db } from '../connection';

const TEAM_OF: Partial<Record<TeamSource, string>> = {
  team: 'SELECT id AS team_id FROM teams WHERE id = ?',
  case: 'SELECT team_id FROM cases WHERE id = ?',
  column: 'SELECT team_id FROM board_columns WHERE id = ?',
  grant: 'SELECT c.team_id FROM grants g JOIN cases c ON c.id = g.case_id WHERE g.id = ?',
  person: 'SELECT team_id FROM people WHERE id = ?',
  device: 'SELECT team_id FROM devices WHERE id = ?',
};

export function createTeamResolver(db: Db): ResolveTeam {
  const statements = new Map(Object.entries(TEAM_OF).map(([from, sql]) => [from, db.prepare(sql)]));
  return (from, id) => {
    const statement = statements.get(from);
    if (!statement) throw new Error(`no team resolver for ${from}`);
    const row = statement.get(id) as { team_id: number | null } | undefined;
    return row ? row.team_id : null;
  };
}
