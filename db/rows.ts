// Row → domain mapping, in one place so every query returns the same shapes.
import type { BoardColumn, CaseCard, CaseEvent, Grant, Person, Team } from '../shared/domain';
import type { Assessment, VumScores } from '../shared/progression';
import type { AssessmentsRow, BoardColumnsRow, CasesRow, CitizensRow, EventsRow, GrantsRow, PeopleRow, TeamsRow } from './schema';

export const TEAM_COLUMNS = 'id, name, sort_order, bottom_line_tolerance';
export type TeamRow = Pick<TeamsRow, 'id' | 'name' | 'sort_order' | 'bottom_line_tolerance'>;
export const toTeam = (r: TeamRow): Team => ({
  id: r.id,
  name: r.name,
  sortOrder: r.sort_order,
  bottomLineTolerance: r.bottom_line_tolerance,
});

export const PERSON_COLUMNS = 'id, name, initials, role, team_id, caseload_norm, wip_limit';
export type PersonRow = Pick<PeopleRow, 'id' | 'name' | 'initials' | 'role' | 'team_id' | 'caseload_norm' | 'wip_limit'>;
export const toPerson = (r: PersonRow): Person => ({
  id: r.id,
  name: r.name,
  initials: r.initials,
  role: r.role,
  teamId: r.team_id,
  caseloadNorm: r.caseload_norm,
  wipLimit: r.wip_limit,
});

export const COLUMN_COLUMNS = 'id, team_id, name, position, kind, wip_limit';
export type ColumnRow = Pick<BoardColumnsRow, 'id' | 'team_id' | 'name' | 'position' | 'kind' | 'wip_limit'>;
export const toColumn = (r: ColumnRow): BoardColumn => ({
  id: r.id,
  teamId: r.team_id,
  name: r.name,
  position: r.position,
  kind: r.kind,
  wipLimit: r.wip_limit,
});

/** Select list for cards; expects `cases c` joined with `citizens z`. */
export const CARD_SELECT = `
  c.id, c.case_number, z.initials AS citizen_initials, c.team_id, c.assignee_id, c.kind, c.paragraph,
  c.column_id, c.sort_key, c.class_of_service, c.received_date, c.legal_deadline, c.blocked,
  c.blocked_reason, c.blocked_since, c.column_entered_at,
  (SELECT MIN(g.next_follow_up) FROM grants g WHERE g.case_id = c.id
     AND (g.end_date IS NULL OR g.end_date >= g.next_follow_up)) AS next_follow_up`;
export type CardRow = Pick<
  CasesRow,
  | 'id' | 'case_number' | 'team_id' | 'assignee_id' | 'kind' | 'paragraph' | 'column_id' | 'sort_key' | 'class_of_service'
  | 'received_date' | 'legal_deadline' | 'blocked' | 'blocked_reason' | 'blocked_since' | 'column_entered_at'
> & { citizen_initials: CitizensRow['initials']; next_follow_up: GrantsRow['next_follow_up'] };
export const toCard = (r: CardRow): CaseCard => ({
  id: r.id,
  caseNumber: r.case_number,
  citizenInitials: r.citizen_initials,
  teamId: r.team_id,
  assigneeId: r.assignee_id,
  kind: r.kind,
  paragraph: r.paragraph,
  columnId: r.column_id,
  sortKey: r.sort_key,
  classOfService: r.class_of_service,
  receivedDate: r.received_date,
  legalDeadline: r.legal_deadline,
  blocked: r.blocked === 1,
  blockedReason: r.blocked_reason,
  blockedSince: r.blocked_since,
  columnEnteredAt: r.column_entered_at,
  nextFollowUp: r.next_follow_up,
});

export const GRANT_COLUMNS =
  'id, case_id, paragraph, service, provider, provider_type, takst, takst_unit, quantity, start_date, end_date, next_follow_up';
export type GrantRow = Pick<
  GrantsRow,
  'id' | 'case_id' | 'paragraph' | 'service' | 'provider' | 'provider_type' | 'takst' | 'takst_unit' | 'quantity' | 'start_date' | 'end_date' | 'next_follow_up'
>;
export const toGrant = (r: GrantRow): Grant => ({
  id: r.id,
  caseId: r.case_id,
  paragraph: r.paragraph,
  service: r.service,
  provider: r.provider,
  providerType: r.provider_type,
  takst: r.takst,
  takstUnit: r.takst_unit,
  quantity: r.quantity,
  startDate: r.start_date,
  endDate: r.end_date,
  nextFollowUp: r.next_follow_up,
});

/** An event with its actor's name (people LEFT JOINed: null for the system or a device). */
export type EventRow = EventsRow & { actor_name: PeopleRow['name'] | null };
export const toEvent = (r: EventRow): CaseEvent => ({
  id: r.id,
  at: r.at,
  actorId: r.actor_id,
  actorName: r.actor_name,
  caseId: r.case_id,
  entity: r.entity,
  entityId: r.entity_id,
  type: r.type,
  field: r.field,
  fromValue: r.from_value,
  toValue: r.to_value,
  reason: r.reason,
});

/** A stored scores column (JSON) as scores; null for null, unreadable JSON or a non-object. */
export function parseScores(text: string | null): VumScores | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as VumScores) : null;
  } catch {
    return null;
  }
}

export const ASSESSMENT_COLUMNS = 'id, case_id, assessed_on, scores, expected_scores, expected_by, note';
export type AssessmentRow = Pick<AssessmentsRow, 'id' | 'case_id' | 'assessed_on' | 'scores' | 'expected_scores' | 'expected_by' | 'note'>;
export const toAssessment = (r: AssessmentRow): Assessment => ({
  id: r.id,
  caseId: r.case_id,
  assessedOn: r.assessed_on,
  scores: JSON.parse(r.scores) as VumScores,
  expectedScores: r.expected_scores === null ? null : (JSON.parse(r.expected_scores) as VumScores),
  expectedBy: r.expected_by,
  note: r.note,
});
