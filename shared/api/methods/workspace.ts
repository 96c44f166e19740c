import { z } from 'zod';
import type { Person, Team } from '../../domain';
import { id, method, noInput } from '../define';

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
  getWorkspace: method<WorkspaceInfo>()(noInput, { write: false }),
  listTeams: method<Team[]>()(noInput, { write: false }),
  listPeople: method<Person[]>()(z.object({ teamId: id.optional() }).strict(), { write: false }),
};
