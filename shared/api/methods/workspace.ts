import { z } from 'zod';
import type { Person, Team } from '../../domain';
import { EVERYONE, id, method, noInput } from '../define';

export interface WorkspaceInfo {
  departmentName: string;
  isDemo: boolean;
  schemaVersion: number;
  createdAt: string;
  /** The host's today; the UI counts days and deadlines from it. */
  today: string;
  caseCount: number;
}

export const workspaceMethods = {
  getWorkspace: method<WorkspaceInfo>()(noInput, { write: false, access: { roles: [...EVERYONE, 'wall'] }, summary: 'The workspace: department name, demo flag, schema version, today and case count.' }),
  listTeams: method<Team[]>()(noInput, { write: false, access: { roles: EVERYONE }, summary: 'All teams in menu order.' }),
  listPeople: method<Person[]>()(z.object({ teamId: id.optional() }).strict(), {
    write: false,
    access: { roles: EVERYONE, team: { from: 'team', field: 'teamId' } },
    summary: 'Active people (caseworkers, leaders, secretariat), optionally of one team.',
  }),
};
