// Sprints (Scrum in a visitation team): a period with a goal, the cases and tasks the team commits
// to, the burn-up of committed against done, and the sprint lanes of the board. Pure functions:
// the service feeds them the event log and the sprints of a team.
import { addDays, compareIso } from './dates';
import type { CaseCard, ColumnKind, IsoDate } from './domain';
import { eventDay, isColumnEvent } from './flow';

export type SprintStatus = 'open' | 'closed';
/** What became of an unfinished item when its sprint closed. */
export type SprintOutcome = 'done' | 'carried_over' | 'returned';

export interface Sprint {
  id: number;
  teamId: number;
  name: string;
  goal: string;
  startDate: IsoDate;
  endDate: IsoDate;
  status: SprintStatus;
  /** Set by the review when the sprint closes. */
  goalMet: boolean | null;
  reviewNote: string | null;
  closedAt: string | null;
}

/** Event types of the sprint log (entity 'sprint', entity_id = sprint id). */
export const SPRINT_EVENTS = {
  created: 'sprint_created',
  committed: 'sprint_committed',
  uncommitted: 'sprint_uncommitted',
  carriedOver: 'sprint_carried_over',
  returned: 'sprint_returned',
  closed: 'sprint_closed',
} as const;

/** The running sprint on `today`: open and today within its dates; the earliest when several are. */
export function currentSprint<S extends Pick<Sprint, 'status' | 'startDate' | 'endDate'>>(sprints: readonly S[], today: IsoDate): S | null {
  const running = sprints
    .filter((s) => s.status === 'open' && s.startDate <= today && today <= s.endDate)
    .sort((a, b) => compareIso(a.startDate, b.startDate));
  if (running[0]) return running[0];
  // A sprint past its end that nobody has closed yet is still the team's sprint until reviewed.
  const overdue = sprints
    // Stryker disable next-line EqualityOperator: a sprint ending today has started, so the running ones above have it.
    .filter((s) => s.status === 'open' && s.endDate < today)
    .sort((a, b) => compareIso(b.endDate, a.endDate));
  return overdue[0] ?? null;
}

/** The next sprint: the earliest open one starting after today. */
export function nextSprint<S extends Pick<Sprint, 'status' | 'startDate'>>(sprints: readonly S[], today: IsoDate): S | null {
  return [...sprints]
    .filter((s) => s.status === 'open' && s.startDate > today)
    .sort((a, b) => compareIso(a.startDate, b.startDate))[0] ?? null;
}

/** Two periods overlap when each starts on or before the other ends. */
export function periodsOverlap(a: { startDate: IsoDate; endDate: IsoDate }, b: { startDate: IsoDate; endDate: IsoDate }): boolean {
  return a.startDate <= b.endDate && b.startDate <= a.endDate;
}

// ---------------------------------------------------------------------------------------------
// Burn-up

/** An event of the log as the burn-up reads it (`to` is a column id for column events). */
export interface BurnEvent {
  caseId: number;
  at: string;
  type: string;
  field?: string | null;
  to: string | null;
  /** For sprint events: the sprint the event is about (a carry-over names the sprint it goes into). */
  sprintId?: number | null;
}

export interface BurnUpPoint {
  day: IsoDate;
  /** Cases committed to the sprint at the end of the day. */
  committed: number;
  /** Of those, the cases standing in a done column at the end of the day. */
  done: number;
}

/**
 * Committed against done per day, from the sprint's first day to its last (or `today`, if
 * earlier). A case counts as committed from the day it was committed (or carried over into the
 * sprint) until uncommitted; it counts as done on a day when its latest column event up to the
 * end of that day put it in a done column.
 */
export function burnUp(
  sprint: Pick<Sprint, 'id' | 'startDate' | 'endDate'>,
  events: readonly BurnEvent[],
  kindOf: (columnId: number) => ColumnKind | undefined,
  today: IsoDate,
): BurnUpPoint[] {
  // Stryker disable next-line EqualityOperator: on the sprint's last day both are the same day.
  const last = sprint.endDate < today ? sprint.endDate : today;
  // Stryker disable next-line ConditionalExpression: without it the day loop below runs no day and gives [] too; it says so at once.
  if (last < sprint.startDate) return [];
  const sorted = [...events].sort((a, b) => compareIso(a.at, b.at));
  const committed = new Set<number>();
  const kindNow = new Map<number, ColumnKind>();
  const points: BurnUpPoint[] = [];
  let i = 0;
  const apply = (e: BurnEvent) => {
    if (e.sprintId === sprint.id) {
      // Carried over *into* this sprint counts as committed; what a closing sprint hands on or
      // returns stays in its own history as committed and not done.
      if (e.type === SPRINT_EVENTS.committed || e.type === SPRINT_EVENTS.carriedOver) committed.add(e.caseId);
      if (e.type === SPRINT_EVENTS.uncommitted) committed.delete(e.caseId);
    } else if (isColumnEvent(e)) {
      const kind = /^\d+$/.test(e.to!) ? kindOf(Number(e.to)) : undefined;
      if (kind) kindNow.set(e.caseId, kind);
    }
  };
  for (let day = sprint.startDate; day <= last; day = addDays(day, 1)) {
    while (i < sorted.length && eventDay(sorted[i]!.at) <= day) apply(sorted[i++]!);
    let done = 0;
    for (const caseId of committed) if (kindNow.get(caseId) === 'done') done++;
    points.push({ day, committed: committed.size, done });
  }
  return points;
}

// ---------------------------------------------------------------------------------------------
// Sprint lanes on the board

export interface SprintLaneInfo {
  current: Pick<Sprint, 'id' | 'name'> | null;
  next: Pick<Sprint, 'id' | 'name'> | null;
  /** caseId → sprint id, for cases committed to the current or the next sprint. */
  caseSprint: Record<number, number>;
}

export interface SprintLane {
  key: 'sprint:current' | 'sprint:next' | 'sprint:none';
  kind: 'current' | 'next' | 'none';
  sprintId: number | null;
  name: string | null;
  cards: CaseCard[];
}

/**
 * Splits cards (in board order) into the lanes "current sprint", "next sprint" and "not in a
 * sprint", keeping their order. A sprint lane is shown even when empty, so the team sees the
 * sprint exists and can commit to it; without a sprint there is only "not in a sprint".
 */
export function groupIntoSprintLanes(cards: readonly CaseCard[], info: SprintLaneInfo): SprintLane[] {
  const current: CaseCard[] = [];
  const next: CaseCard[] = [];
  const none: CaseCard[] = [];
  for (const card of cards) {
    const sprintId = info.caseSprint[card.id];
    if (info.current && sprintId === info.current.id) current.push(card);
    else if (info.next && sprintId === info.next.id) next.push(card);
    else none.push(card);
  }
  const lanes: SprintLane[] = [];
  if (info.current) lanes.push({ key: 'sprint:current', kind: 'current', sprintId: info.current.id, name: info.current.name, cards: current });
  if (info.next) lanes.push({ key: 'sprint:next', kind: 'next', sprintId: info.next.id, name: info.next.name, cards: next });
  lanes.push({ key: 'sprint:none', kind: 'none', sprintId: null, name: null, cards: none });
  return lanes;
}

// ---------------------------------------------------------------------------------------------
// Review

export interface SprintReviewItem {
  caseId: number;
  done: boolean;
}

export interface SprintReviewSummary {
  committed: number;
  done: number;
  notDone: number;
  /** done ÷ committed, 0–1; null for an empty sprint. */
  doneShare: number | null;
}

export function reviewSummary(items: readonly SprintReviewItem[]): SprintReviewSummary {
  const done = items.filter((i) => i.done).length;
  return { committed: items.length, done, notDone: items.length - done, doneShare: items.length ? done / items.length : null };
}

/** A default name for a new sprint: "Sprint 48" by the ISO week its start falls in. */
export function defaultSprintName(startDate: IsoDate): string {
  return `Sprint ${isoWeek(startDate)}`;
}

/** ISO 8601 week number (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(date: IsoDate): number {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - weekday + 3);
  const firstThursday = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  const firstWeekday = (firstThursday.getUTCDay() + 6) % 7;
  firstThursday.setUTCDate(firstThursday.getUTCDate() - firstWeekday + 3);
  return 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
}
