// Plain domain records for the unit tests of the board's and the pull list's rules: every field
// has a dull default, and a test names only the fields its rule reads.
import type { BoardColumn, CaseCard, Person } from '../../shared/domain';
import type { WorkItem } from '../../shared/pullList';

/** The fixed "today" the builders date their records by. */
export const TODAY = '2026-11-23';

export function card(id: number, over: Partial<CaseCard> = {}): CaseCard {
  return {
    id, caseNumber: `2026-${String(id).padStart(6, '0')}`, citizenInitials: 'AB', teamId: 1, assigneeId: null,
    kind: 'application', paragraph: '85', columnId: 1, sortKey: id * 10, classOfService: 'standard',
    receivedDate: '2026-11-01', legalDeadline: null, blocked: false, blockedReason: null, blockedSince: null,
    columnEnteredAt: TODAY, nextFollowUp: null, ...over,
  };
}

export const column = (id: number, kind: BoardColumn['kind'], wipLimit: number | null = null): BoardColumn =>
  ({ id, teamId: 1, name: `Kolonne ${id}`, position: id, kind, wipLimit });

export const person = (id: number, wipLimit: number | null, role: Person['role'] = 'caseworker'): Person =>
  ({ id, name: `Person ${id}`, initials: `P${id}`, role, teamId: 1, caseloadNorm: null, wipLimit });

/** The case id is the case number's last three digits, so a test can name items by number alone. */
export function workItem(over: Partial<WorkItem> & Pick<WorkItem, 'caseNumber'>): WorkItem {
  return {
    caseId: Number(over.caseNumber.slice(-3)), citizenInitials: 'AB', kind: 'application', paragraph: '85', classOfService: 'standard',
    receivedDate: TODAY, deadline: null, deadlineWindowDays: null, waitingSince: over.receivedDate ?? TODAY, reservedForId: null,
    reservedForName: null, pinnedAt: null, pinnedByName: null, origin: [], reopens: false, ...over,
  };
}
