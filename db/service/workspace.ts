import type { Handlers } from '../../shared/api/dispatch';
import type { workspaceMethods } from '../../shared/api/methods/workspace';
import { schemaVersion } from '../connection';
import { PERSON_COLUMNS, TEAM_COLUMNS, toPerson, toTeam, type PersonRow, type TeamRow } from '../rows';
import type { Db } from '../connection';
import { statements } from '../statements';
import { workspaceSetting } from '../settings';
import type { PeopleRow } from '../schema';
import type { ServiceContext } from './context';

const queries = (db: Db) => ({
  teams: db.prepare<[], TeamRow>(`SELECT ${TEAM_COLUMNS} FROM teams ORDER BY sort_order, name`),
  allPeople: db.prepare<[], PersonRow>(`SELECT ${PERSON_COLUMNS} FROM people WHERE active = 1 ORDER BY name`),
  teamPeople: db.prepare<[PeopleRow['team_id']], PersonRow>(`SELECT ${PERSON_COLUMNS} FROM people WHERE active = 1 AND team_id = ? ORDER BY name`),
  caseCount: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM cases'),
});

export function workspaceHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof workspaceMethods> {
  const { db } = ctx;
  const { teams, allPeople, teamPeople, caseCount } = statements(db, queries);
  return {
    getWorkspace: () => ({
      departmentName: workspaceSetting(db, 'department_name') ?? 'Flowtavle',
      isDemo: workspaceSetting(db, 'is_demo') === '1',
      schemaVersion: schemaVersion(db),
      createdAt: workspaceSetting(db, 'created_at') ?? '',
      today: ctx.today(),
      caseCount: caseCount.get()!.n,
    }),
    listTeams: () => teams.all().map(toTeam),
    listPeople: ({ teamId }) =>
      (teamId === undefined ? allPeople.all() : teamPeople.all(teamId)).map(toPerson),
  };
}
