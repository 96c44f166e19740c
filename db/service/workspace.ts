import type { Handlers } from '../../shared/api/dispatch';
import type { workspaceMethods } from '../../shared/api/methods/workspace';
import { schemaVersion } from '../connection';
import { PERSON_COLUMNS, TEAM_COLUMNS, toPerson, toTeam, type PersonRow, type TeamRow } from '../rows';
import type { Db } from '../connection';
import { statements } from '../statements';
import type { ServiceContext } from './context';

const queries = (db: Db) => ({
  value: db.prepare('SELECT value FROM workspace WHERE key = ?'),
  teams: db.prepare(`SELECT ${TEAM_COLUMNS} FROM teams ORDER BY sort_order, name`),
  allPeople: db.prepare(`SELECT ${PERSON_COLUMNS} FROM people WHERE active = 1 ORDER BY name`),
  teamPeople: db.prepare(`SELECT ${PERSON_COLUMNS} FROM people WHERE active = 1 AND team_id = ? ORDER BY name`),
  caseCount: db.prepare('SELECT COUNT(*) AS n FROM cases'),
});

export function readWorkspaceValue(ctx: ServiceContext, key: string): string | null {
  const row = statements(ctx.db, queries).value.get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function workspaceHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof workspaceMethods> {
  const { db } = ctx;
  const { teams, allPeople, teamPeople, caseCount } = statements(db, queries);
  return {
    getWorkspace: () => ({
      departmentName: readWorkspaceValue(ctx, 'department_name') ?? 'Flowtavle',
      isDemo: readWorkspaceValue(ctx, 'is_demo') === '1',
      schemaVersion: schemaVersion(db),
      createdAt: readWorkspaceValue(ctx, 'created_at') ?? '',
      today: ctx.today(),
      caseCount: (caseCount.get() as { n: number }).n,
    }),
    listTeams: () => (teams.all() as TeamRow[]).map(toTeam),
    listPeople: ({ teamId }) =>
      ((teamId === undefined ? allPeople.all() : teamPeople.all(teamId)) as PersonRow[]).map(toPerson),
  };
}
