// Row → domain mapping, in one place so every query returns the same shapes.
import type { BoardColumn, CaseCard, CaseEvent, Grant, Person, Team } from '../shared/domain';
import type { Assessment, VumScores } from '../shared/progression';

export const TEAM_COLUMNS = 'id, name, sort_order, bottom_line_tolerance';
export interface TeamRow { id: number; name: string; sort_order: number; bottom_line_tolerance: number }
export const toTeam = (r: TeamRow): Team => ({
  id: r.id,
  name: r.name,
  sortOrder: r.sort_order,
  bottomLineTolerance: r.bottom_line_tolerance,
});

export const PERSON_COLUMNS = 'id, name, initials, role, team_id, caseload_norm, wip_limit';
export interface PersonRow {
  id: number; name: string; initials: string; role: Person['role'];
  team_id: number | null; caseload_norm: number | null; wip_limit: number | null;
}
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
export interface ColumnRow { id: number; team_id: number; name: string; position: number; kind: BoardColumn['kind']; wip_limit: number | null }
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
export interface CardRow {
  id: number; case_number: string; citizen_initials: string; team_id: number; assignee_id: number | null;
  kind: CaseCard['kind']; paragraph: string; column_id: number; sort_key: number;
  class_of_service: CaseCard['classOfService']; received_date: string; legal_deadline: string | null;
  blocked: number; blocked_reason: string | null; blocked_since: string | null; column_entered_at: string;
  next_follow_up: string | null;
}
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
export interface GrantRow {
  id: number; case_id: number; paragraph: string; service: string; provider: string;
  provider_type: Grant['providerType']; takst: number; takst_unit: Grant['takstUnit']; quantity: number;
  start_date: string; end_date: string | null; next_follow_up: string | null;
}
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

export interface EventRow {
  id: number; at: string; actor_id: number | null; actor_name: string | null; case_id: number | null;
  entity: string; entity_id: number | null; type: string; field: string | null;
  from_value: string | null; to_value: string | null; reason: string | null;
}
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
export interface AssessmentRow {
  id: number; case_id: number; assessed_on: string; scores: string; expected_scores: string | null;
  expected_by: string | null; note: string | null;
}
export const toAssessment = (r: AssessmentRow): Assessment => ({
  id: r.id,
  caseId: r.case_id,
  assessedOn: r.assessed_on,
  scores: JSON.parse(r.scores) as VumScores,
  expectedScores: r.expected_scores === null ? null : (JSON.parse(r.expected_scores) as VumScores),
  expectedBy: r.expected_by,
  note: r.note,
});
