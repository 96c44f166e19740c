// The store's half of the access check: the team a record belongs to, for the dispatcher's team
// scope (shared/api/dispatch.ts), and the few rules that depend on the data as well as the caller.
// One prepared statement per kind of record, prepared once per connection.
import { personContext, type CallContext, type CallerRole, type Principal, type TeamSource } from '../../shared/api/define';
import type { Role } from '../../shared/domain';
import type { ResolveTeam } from '../../shared/api/dispatch';
import type { Db } from '../connection';
import { statements } from '../statements';
import type { AccountsRow, OrNull, PeopleRow } from '../schema';

const TEAM_OF: Record<TeamSource, string> = {
  team: 'SELECT id AS team_id FROM teams WHERE id = ?',
  case: 'SELECT team_id FROM cases WHERE id = ?',
  column: 'SELECT team_id FROM board_columns WHERE id = ?',
  grant: 'SELECT c.team_id FROM grants g JOIN cases c ON c.id = g.case_id WHERE g.id = ?',
  person: 'SELECT team_id FROM people WHERE id = ?',
  sprint: 'SELECT team_id FROM sprints WHERE id = ?',
  plan: 'SELECT team_id FROM plans WHERE id = ?',
  planGoal: 'SELECT p.team_id FROM plan_goals g JOIN plans p ON p.id = g.plan_id WHERE g.id = ?',
  planAction: 'SELECT p.team_id FROM plan_actions a JOIN plan_goals g ON g.id = a.goal_id JOIN plans p ON p.id = g.plan_id WHERE a.id = ?',
  kpi: 'SELECT p.team_id FROM plan_kpis k JOIN plan_goals g ON g.id = k.goal_id JOIN plans p ON p.id = g.plan_id WHERE k.id = ?',
  investment: 'SELECT p.team_id FROM plan_investments i JOIN plan_goals g ON g.id = i.goal_id JOIN plans p ON p.id = g.plan_id WHERE i.id = ?',
  priorityTag: 'SELECT team_id FROM priority_tags WHERE id = ?',
  proposal: 'SELECT c.team_id FROM grant_proposals gp JOIN cases c ON c.id = gp.case_id WHERE gp.id = ?',
  device: 'SELECT team_id FROM devices WHERE id = ?',
};

const queries = (db: Db) => ({
  // Every resolver selects one team_id, from whichever table owns the record.
  teamOf: new Map(Object.entries(TEAM_OF).map(([from, sql]) => [from, db.prepare<[number], { team_id: number | null }>(sql)])),
  person: db.prepare<[number], Pick<PeopleRow, 'id' | 'team_id' | 'role'> & OrNull<Pick<AccountsRow, 'administrator'>>>('SELECT p.id, p.team_id, p.role, a.administrator FROM people p LEFT JOIN accounts a ON a.person_id = p.id WHERE p.id = ?'),
});

export function createTeamResolver(db: Db): ResolveTeam {
  const { teamOf } = statements(db, queries);
  return (from, id) => {
    const statement = teamOf.get(from);
    if (!statement) throw new Error(`no team resolver for ${from}`);
    const row = statement.get(id);
    return row ? row.team_id : null;
  };
}

/**
 * For the rules a declaration cannot express because they depend on the record as well as the
 * caller (the proposer may withdraw their own proposal, a committee member may decide): does the
 * caller act in one of these roles? The command line (`system`) always does. The roles are the
 * session's (the principal), never the people table's.
 */
export function actsAs(call: CallContext, roles: readonly CallerRole[]): boolean {
  const principal: Principal = call.principal ?? { kind: 'system' };
  if (principal.kind === 'system') return true;
  if (principal.kind === 'device') return roles.includes('wall');
  return principal.roles.some((role) => roles.includes(role));
}

/** The context a signed-in person's session gives, with roles from the store (demo generator, tests). */
export function personContextFromStore(db: Db, personId: number): CallContext {
  const row = statements(db, queries).person.get(personId);
  if (!row) throw new Error(`no person ${personId}`);
  const roles: Role[] = [row.role];
  if (row.administrator === 1 && row.role !== 'administrator') roles.push('administrator');
  return personContext({ id: row.id, teamId: row.team_id, roles });
}

