// Domain vocabulary shared by the store, the hosts and the UI. Pure types and constants only.

/**
 * What a person does in the department. A leader leads one team; the department head
 * (visitationschef) reads every team and keeps department-wide settings; the administrator keeps
 * accounts, devices and backups and sees no case content unless also given another role.
 */
export const ROLES = ['caseworker', 'leader', 'department_head', 'secretariat', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

export const COLUMN_KINDS = ['queue', 'active', 'done'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

export const CASE_KINDS = ['application', 'follow_up', 'complaint', 'task'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** Class of service, most urgent first (akut, fast dato, standard, kan vente). */
export const CLASSES_OF_SERVICE = ['urgent', 'fixed_date', 'standard', 'can_wait'] as const;
export type ClassOfService = (typeof CLASSES_OF_SERVICE)[number];

export const TAKST_UNITS = ['hour', 'day', 'week', 'month', 'year'] as const;
export type TakstUnit = (typeof TAKST_UNITS)[number];

export const PROVIDER_TYPES = ['internal', 'external'] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

/** ISO calendar date, YYYY-MM-DD. */
export type IsoDate = string;
/** ISO timestamp in UTC, YYYY-MM-DDTHH:MM:SS.sssZ. */
export type IsoTimestamp = string;

export interface Team {
  id: number;
  name: string;
  sortOrder: number;
  /** Tolerance for "på nul", as a share of the budget (0.01 = 1 %). */
  bottomLineTolerance: number;
}

export interface Person {
  id: number;
  name: string;
  initials: string;
  role: Role;
  teamId: number | null;
  /** Expected number of active cases for this person (seed 002: about 100 for adults, 60 for youth). */
  caseloadNorm: number | null;
  /** Personal WIP limit: cases in active columns at once. */
  wipLimit: number | null;
}

export interface Citizen {
  id: number;
  /** The case system's pseudonymous reference. There is deliberately no CPR number anywhere. */
  ref: string;
  initials: string;
}

export interface BoardColumn {
  id: number;
  teamId: number;
  name: string;
  position: number;
  kind: ColumnKind;
  wipLimit: number | null;
}

/** What a board needs of a case: small, so a board of thousands of cards stays light. */
export interface CaseCard {
  id: number;
  caseNumber: string;
  citizenInitials: string;
  teamId: number;
  assigneeId: number | null;
  kind: CaseKind;
  paragraph: string;
  columnId: number;
  sortKey: number;
  classOfService: ClassOfService;
  receivedDate: IsoDate;
  legalDeadline: IsoDate | null;
  blocked: boolean;
  blockedReason: string | null;
  blockedSince: IsoDate | null;
  columnEnteredAt: IsoDate;
  nextFollowUp: IsoDate | null;
}

/**
 * What a grant grants, at what price, for how long: the one list of grant fields. A stored grant,
 * an imported one, the store's grant writes and the API's grantFields (shared/api/methods/grantFields.ts)
 * all build on it.
 */
export interface GrantTerms {
  paragraph: string;
  service: string;
  provider: string;
  providerType: ProviderType;
  takst: number;
  takstUnit: TakstUnit;
  /** Hours per week for hour takster; a multiplier (default 1) for the other units. */
  quantity: number;
  startDate: IsoDate;
  endDate: IsoDate | null;
}

export interface Grant extends GrantTerms {
  id: number;
  caseId: number;
  nextFollowUp: IsoDate | null;
}

export interface Budget {
  teamId: number;
  year: number;
  amount: number;
}

export interface CaseEvent {
  id: number;
  at: IsoTimestamp;
  actorId: number | null;
  actorName: string | null;
  caseId: number | null;
  entity: string;
  entityId: number | null;
  type: string;
  field: string | null;
  fromValue: string | null;
  toValue: string | null;
  reason: string | null;
}

export interface CaseDetail {
  card: CaseCard;
  citizenRef: string;
  notes: string | null;
  assigneeName: string | null;
  columnName: string;
  grants: Grant[];
  events: CaseEvent[];
}
