// Methods of sprints; the contract spreads them in (shared/api/contract.ts).
import { z } from 'zod';
import type { CaseCard, ColumnKind, IsoDate } from '../../domain';
import type { BurnUpPoint, Sprint, SprintLaneInfo, SprintOutcome, SprintReviewSummary } from '../../sprints';
import { CASE_READERS, id, LEADERS, method } from '../define';
import { isoDate, optionalText, shortText } from '../schemas';

export interface SprintItem {
  caseId: number;
  caseNumber: string;
  citizenInitials: string;
  kind: CaseCard['kind'];
  paragraph: string;
  assigneeName: string | null;
  columnName: string;
  columnKind: ColumnKind;
  /** In a done column now (for a closed sprint: the outcome the review recorded). */
  done: boolean;
  committedOn: IsoDate;
  outcome: SprintOutcome | null;
}

export interface SprintSummary extends Sprint {
  committed: number;
  done: number;
}

export interface SprintDetail {
  sprint: Sprint;
  today: IsoDate;
  /** "current", "next", "past" or "later" as seen today. */
  position: 'current' | 'next' | 'past' | 'later';
  items: SprintItem[];
  burnUp: BurnUpPoint[];
  review: SprintReviewSummary;
  /** The team's open sprints after this one: where unfinished items can go when it closes. */
  carryTargets: { id: number; name: string; startDate: IsoDate; endDate: IsoDate }[];
}

export interface CaseSprintState {
  caseId: number;
  teamId: number;
  /** The open sprint the case is committed to, if any. */
  sprint: { id: number; name: string; startDate: IsoDate; endDate: IsoDate } | null;
  /** The team's open sprints it can be committed to. */
  openSprints: { id: number; name: string; startDate: IsoDate; endDate: IsoDate }[];
}

export interface CaseHit {
  caseId: number;
  caseNumber: string;
  citizenInitials: string;
  kind: CaseCard['kind'];
  paragraph: string;
  columnName: string;
  /** The open sprint it is already committed to, if any. */
  sprintId: number | null;
}
const sprintFields = {
  name: shortText(80),
  goal: shortText(1000),
  startDate: isoDate,
  endDate: isoDate,
};
const periodCheck = (v: { startDate: string; endDate: string }) => v.endDate >= v.startDate;
const periodMessage = { message: 'input.sprintPeriod', path: ['endDate'] };

export const sprintsMethods = {
  listSprints: method<SprintSummary[]>()(z.object({ teamId: id }).strict(), { write: false, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } }, summary: "The team's sprints, newest first, with committed and done counts." }),
  getSprint: method<SprintDetail>()(z.object({ sprintId: id }).strict(), { write: false, access: { roles: CASE_READERS, team: { from: 'sprint', field: 'sprintId' } }, summary: 'A sprint with its committed cases, burn-up and review figures.' }),
  createSprint: method<Sprint>()(
    z.object({ teamId: id, ...sprintFields }).strict().refine(periodCheck, periodMessage),
    { write: true, access: { roles: LEADERS, team: { from: 'team', field: 'teamId' } }, summary: 'Creates a sprint (name, goal, start and end); refused when it overlaps an open sprint of the team.' },
  ),
  updateSprint: method<Sprint>()(
    z.object({ sprintId: id, ...sprintFields }).strict().refine(periodCheck, periodMessage),
    { write: true, access: { roles: LEADERS, team: { from: 'sprint', field: 'sprintId' } }, summary: "Changes an open sprint's name, goal or dates." },
  ),
  commitToSprint: method<CaseSprintState>()(
    z.object({ sprintId: id, caseId: id }).strict(),
    { write: true, access: { roles: ['caseworker', 'leader', 'department_head'], team: { from: 'sprint', field: 'sprintId' } }, summary: 'Commits a case or task to an open sprint of its team (moving it from another open sprint if need be).' },
  ),
  uncommitFromSprint: method<CaseSprintState>()(
    z.object({ sprintId: id, caseId: id, reason: z.string().trim().max(500).optional() }).strict(),
    { write: true, access: { roles: ['caseworker', 'leader', 'department_head'], team: { from: 'sprint', field: 'sprintId' } }, summary: 'Takes a case out of an open sprint, back to the pull list.' },
  ),
  closeSprint: method<SprintDetail>()(
    z
      .object({
        sprintId: id,
        goalMet: z.boolean(),
        note: optionalText(4000),
        carryOver: z.enum(['next_sprint', 'pull_list']),
        /** Required for next_sprint: an open sprint of the team starting after this one. */
        nextSprintId: id.optional(),
      })
      .strict()
      .refine((v) => v.carryOver === 'pull_list' || v.nextSprintId !== undefined, {
        message: 'input.nextSprint',
        path: ['nextSprintId'],
      }),
    { write: true, access: { roles: LEADERS, team: { from: 'sprint', field: 'sprintId' } }, summary: 'Sprint review and close: goal met or not with a note; unfinished items go to the next sprint or back to the pull list.' },
  ),
  getSprintLanes: method<SprintLaneInfo>()(z.object({ teamId: id }).strict(), { write: false, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } }, summary: "The board's sprint lanes: current and next sprint and which cases are in them." }),
  getCaseSprint: method<CaseSprintState>()(z.object({ caseId: id }).strict(), { write: false, access: { roles: CASE_READERS, team: { from: 'case', field: 'caseId' } }, summary: 'Which open sprint a case is committed to, and the sprints it can go into.' }),
  searchSprintCases: method<CaseHit[]>()(
    z.object({ teamId: id, query: z.string().trim().min(1).max(60) }).strict(),
    { write: false, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } }, lookup: { purpose: 'Søgning efter sager', cases: (hits) => ({ caseIds: hits.map((h) => h.caseId) }) }, summary: "The team's open cases whose case number contains the query (at most 20)." },
  ),
};
