import type { Handlers } from '../../shared/api/dispatch';
import type { workspaceMethods } from '../../shared/api/methods/workspace';
import { schemaVersion } from '../connection';
import { PERSON_COLUMNS, TEAM_COLUMNS, toPerson, toTeam, type PersonRow, type TeamRow } from '../rows';
import type { ServiceContext } from './context';

export function readWorkspaceValue(ctx: ServiceContext, key: string): string | null {
  const row = ctx.db.prepare('SELECT value FROM workspace WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function workspaceHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof workspaceMethods> {
  const { db } = ctx;
  const teams = db.prepare(`SELECT ${TEAM_COLUMNS} FROM teams ORDER BY sort_order, name`);
  const allPeople = db.prepare(`SELECT ${PERSON_COLUMNS} FROM people WHERE active = 1 ORDER BY name`);
  const teamPeople = db.prepare(`SELECT ${PERSON_COLUMNS} FROM people WHERE active = 1 AND team_id = ? ORDER BY name`);
  const caseCount = db.prepare('SELECT COUNT(*) AS n FROM cases');
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
