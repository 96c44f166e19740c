// The board's rules, pure so the store, the UI and the tests agree on them: how old a card is,
// how close its legal deadline, which cards a filter shows, how cards fall into swimlanes, when a
// move goes over a WIP limit, and the undo/redo history of a session.
import { daysBetween } from './dates';
import type { BoardColumn, CaseCard, ClassOfService, ColumnKind, IsoDate, Person } from './domain';
import { CLASSES_OF_SERVICE } from './domain';
import { groupIntoSprintLanes, type SprintLaneInfo } from './sprints';

// ---------------------------------------------------------------------------------------------
// Ageing and deadlines

/** Days the card has been in its current column (0 on the day it arrived). */
export function daysInColumn(card: Pick<CaseCard, 'columnEnteredAt'>, today: IsoDate): number {
  return Math.max(0, daysBetween(card.columnEnteredAt, today));
}

export type AgeingLevel = 'none' | 'fresh' | 'warm' | 'ageing' | 'stale';

/**
 * How worrying the time in the column is. A week in a column is normal for a visitation case;
 * two weeks is worth a question at the standup; four weeks means the case has stalled. Cards in
 * done columns do not age: they are finished.
 */
export function ageingLevel(days: number, kind: ColumnKind): AgeingLevel {
  if (kind === 'done') return 'none';
  if (days >= 28) return 'stale';
  if (days >= 14) return 'ageing';
  if (days >= 7) return 'warm';
  return 'fresh';
}

export type DeadlineLevel = 'none' | 'ok' | 'amber' | 'red';

export interface DeadlineStatus {
  level: DeadlineLevel;
  /** Days from today to the legal deadline; negative when overdue; null without a deadline. */
  daysLeft: number | null;
  overdue: boolean;
}

/** Amber at 14 days or fewer, red at 7 or fewer or overdue. Decided (done) cases carry no risk. */
export function deadlineStatus(legalDeadline: IsoDate | null, today: IsoDate, kind: ColumnKind): DeadlineStatus {
  if (legalDeadline === null || kind === 'done') return { level: 'none', daysLeft: null, overdue: false };
  const daysLeft = daysBetween(today, legalDeadline);
  const level: DeadlineLevel = daysLeft <= 7 ? 'red' : daysLeft <= 14 ? 'amber' : 'ok';
  return { level, daysLeft, overdue: daysLeft < 0 };
}

/** Days the card has been blocked, or null when it is not. */
export function daysBlocked(card: Pick<CaseCard, 'blocked' | 'blockedSince'>, today: IsoDate): number | null {
  if (!card.blocked || card.blockedSince === null) return null;
  return Math.max(0, daysBetween(card.blockedSince, today));
}

export type FollowUpLevel = 'none' | 'later' | 'due' | 'overdue';

/** A follow-up is "due" within 30 days, the usual planning horizon for revisitation. */
export function followUpLevel(nextFollowUp: IsoDate | null, today: IsoDate): FollowUpLevel {
  if (nextFollowUp === null) return 'none';
  const days = daysBetween(today, nextFollowUp);
  if (days < 0) return 'overdue';
  if (days <= 30) return 'due';
  return 'later';
}

// ---------------------------------------------------------------------------------------------
// Filters

export type BlockedFilter = 'all' | 'blocked' | 'not_blocked';
export type DeadlineFilter = 'all' | 'at_risk' | 'red';
export const BLOCKED_FILTERS: readonly BlockedFilter[] = ['all', 'blocked', 'not_blocked'];
export const DEADLINE_FILTERS: readonly DeadlineFilter[] = ['all', 'at_risk', 'red'];

export interface BoardFilter {
  /** Free text on case number and citizen initials. */
  text: string;
  /** A caseworker's id, 'unassigned', or null for everybody. */
  assignee: number | 'unassigned' | null;
  /** Stored paragraph code ("85", "82b") or null for all. */
  paragraph: string | null;
  blocked: BlockedFilter;
  /** 'at_risk' = amber or red, 'red' = red only (7 days or fewer, or overdue). */
  deadline: DeadlineFilter;
  /** Only the current user's cards; overrides `assignee`. */
  mine: boolean;
}

export const EMPTY_FILTER: BoardFilter = { text: '', assignee: null, paragraph: null, blocked: 'all', deadline: 'all', mine: false };

export function isFilterActive(f: BoardFilter): boolean {
  return f.text.trim() !== '' || f.assignee !== null || f.paragraph !== null || f.blocked !== 'all' || f.deadline !== 'all' || f.mine;
}

/**
 * The predicate for one card. `kindOf` gives the kind of the card's column (done cards have no
 * deadline risk); `actorId` is who "mine" means.
 */
export function cardMatches(
  card: CaseCard,
  filter: BoardFilter,
  context: { today: IsoDate; actorId: number | null; kindOf: (columnId: number) => ColumnKind },
): boolean {
  if (filter.mine) {
    if (context.actorId === null || card.assigneeId !== context.actorId) return false;
  } else if (filter.assignee === 'unassigned') {
    if (card.assigneeId !== null) return false;
  } else if (filter.assignee !== null && card.assigneeId !== filter.assignee) {
    return false;
  }
  if (filter.paragraph !== null && card.paragraph !== filter.paragraph) return false;
  if (filter.blocked === 'blocked' && !card.blocked) return false;
  if (filter.blocked === 'not_blocked' && card.blocked) return false;
  if (filter.deadline !== 'all') {
    const { level } = deadlineStatus(card.legalDeadline, context.today, context.kindOf(card.columnId));
    if (filter.deadline === 'red' ? level !== 'red' : level !== 'red' && level !== 'amber') return false;
  }
  const text = filter.text.trim().toLowerCase();
  if (text !== '') {
    const words = text.split(/\s+/);
    const haystack = `${card.caseNumber} ${card.citizenInitials}`.toLowerCase();
    if (!words.every((w) => haystack.includes(w))) return false;
  }
  return true;
}

/** Reads a filter saved by an earlier version or a hand-edited localStorage; anything odd falls back. */
export function parseFilter(raw: string | null | undefined): BoardFilter {
  if (!raw) return { ...EMPTY_FILTER };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ...EMPTY_FILTER };
  }
  if (typeof value !== 'object' || value === null) return { ...EMPTY_FILTER };
  const v = value as Record<string, unknown>;
  const assignee = v.assignee === 'unassigned' ? 'unassigned'
    : typeof v.assignee === 'number' && Number.isInteger(v.assignee) && v.assignee > 0 ? v.assignee : null;
  return {
    text: typeof v.text === 'string' ? v.text.slice(0, 100) : '',
    assignee,
    paragraph: typeof v.paragraph === 'string' && v.paragraph !== '' ? v.paragraph : null,
    blocked: BLOCKED_FILTERS.includes(v.blocked as BlockedFilter) ? (v.blocked as BlockedFilter) : 'all',
    deadline: DEADLINE_FILTERS.includes(v.deadline as DeadlineFilter) ? (v.deadline as DeadlineFilter) : 'all',
    mine: v.mine === true,
  };
}

/** Filters are remembered per user and per board (team). */
export function filterStorageKey(actorId: number | null, teamId: number): string {
  return `flowtavle.board.filter.${actorId ?? 'anon'}.${teamId}`;
}

// ---------------------------------------------------------------------------------------------
// Swimlanes

export const SWIMLANE_MODES = ['none', 'class', 'assignee', 'sprint'] as const;
export type SwimlaneMode = (typeof SWIMLANE_MODES)[number];

export type LaneKey = string;

export interface Lane {
  key: LaneKey;
  kind: 'all' | 'class' | 'assignee' | 'sprint';
  classOfService?: ClassOfService;
  /** The lane's caseworker; null for the lane of unassigned cards. */
  personId?: number | null;
  /** The lane's sprint (current or next); null for the lane of cases in no sprint. */
  sprintId?: number | null;
  sprintName?: string | null;
  cards: CaseCard[];
}

export function laneKeyOf(card: CaseCard, mode: Exclude<SwimlaneMode, 'sprint'>): LaneKey {
  if (mode === 'class') return `class:${card.classOfService}`;
  if (mode === 'assignee') return `person:${card.assigneeId ?? 'none'}`;
  return 'all';
}

/**
 * Splits cards (already in board order) into lanes, keeping their order inside each lane.
 * Class lanes run most urgent first; caseworker lanes follow `people` and then "unassigned".
 * Lanes without cards are left out except caseworkers' own lanes, which show that a person
 * has room to pull work.
 */
export function groupIntoLanes(
  cards: readonly CaseCard[],
  mode: SwimlaneMode,
  people: readonly Pick<Person, 'id' | 'role'>[],
  sprints: SprintLaneInfo | null = null,
): Lane[] {
  if (mode === 'none') return [{ key: 'all', kind: 'all', cards: [...cards] }];
  if (mode === 'sprint') {
    // Current sprint, next sprint, then the cases in no sprint (until the lanes are known, all of them).
    const info = sprints ?? { current: null, next: null, caseSprint: {} };
    return groupIntoSprintLanes(cards, info).map((lane) => ({
      key: lane.key, kind: 'sprint' as const, sprintId: lane.sprintId, sprintName: lane.name, cards: lane.cards,
    }));
  }
  const buckets = new Map<LaneKey, CaseCard[]>();
  for (const card of cards) {
    const key = laneKeyOf(card, mode);
    const list = buckets.get(key);
    if (list) list.push(card);
    else buckets.set(key, [card]);
  }
  if (mode === 'class') {
    return CLASSES_OF_SERVICE.filter((c) => buckets.has(`class:${c}`)).map((c) => ({
      key: `class:${c}`, kind: 'class' as const, classOfService: c, cards: buckets.get(`class:${c}`)!,
    }));
  }
  const lanes: Lane[] = [];
  const seen = new Set<LaneKey>();
  for (const person of people) {
    const key = `person:${person.id}`;
    seen.add(key);
    if (person.role !== 'caseworker' && !buckets.has(key)) continue;
    lanes.push({ key, kind: 'assignee', personId: person.id, cards: buckets.get(key) ?? [] });
  }
  // Cards held by someone outside the team's list (moved on, another team) still get a lane.
  for (const [key, list] of buckets) {
    if (seen.has(key) || key === 'person:none') continue;
    lanes.push({ key, kind: 'assignee', personId: Number(key.slice('person:'.length)), cards: list });
  }
  if (buckets.has('person:none')) lanes.push({ key: 'person:none', kind: 'assignee', personId: null, cards: buckets.get('person:none')! });
  return lanes;
}

// ---------------------------------------------------------------------------------------------
// WIP limits

export interface WipBreach {
  scope: 'column' | 'person';
  /** Column name or person name. */
  name: string;
  limit: number;
  /** Cards there before the move. */
  count: number;
}

/**
 * A move into another column goes over the column's limit when the column already holds as
 * many cards as the limit allows. Reordering inside a column never does.
 */
export function columnWipBreach(
  target: Pick<BoardColumn, 'name' | 'wipLimit'>,
  cardsInTarget: number,
  changesColumn: boolean,
): WipBreach | null {
  if (!changesColumn || target.wipLimit === null || cardsInTarget < target.wipLimit) return null;
  return { scope: 'column', name: target.name, limit: target.wipLimit, count: cardsInTarget };
}

/**
 * A caseworker's limit counts the cases they hold in active columns. It is breached when a card
 * of theirs enters an active column (or an active card is given to them) while they are full.
 */
export function personWipBreach(
  person: Pick<Person, 'name' | 'wipLimit'> | null,
  activeCardsHeld: number,
  entersTheirActiveWork: boolean,
): WipBreach | null {
  if (!person || !entersTheirActiveWork || person.wipLimit === null || activeCardsHeld < person.wipLimit) return null;
  return { scope: 'person', name: person.name, limit: person.wipLimit, count: activeCardsHeld };
}

/** Both checks for a move, from the board as the client or the store sees it. */
export function moveWipBreaches(
  board: { columns: readonly BoardColumn[]; cards: readonly CaseCard[]; people: readonly Person[] },
  caseId: number,
  toColumnId: number,
): WipBreach[] {
  const card = board.cards.find((c) => c.id === caseId);
  const target = board.columns.find((c) => c.id === toColumnId);
  if (!card || !target) return [];
  const from = board.columns.find((c) => c.id === card.columnId);
  const changesColumn = card.columnId !== toColumnId;
  const inTarget = board.cards.reduce((n, c) => (c.columnId === toColumnId && c.id !== caseId ? n + 1 : n), 0);
  const breaches: WipBreach[] = [];
  const columnBreach = columnWipBreach(target, inTarget, changesColumn);
  if (columnBreach) breaches.push(columnBreach);
  if (card.assigneeId !== null) {
    const person = board.people.find((p) => p.id === card.assigneeId) ?? null;
    const activeIds = new Set(board.columns.filter((c) => c.kind === 'active').map((c) => c.id));
    const held = board.cards.reduce((n, c) => (c.assigneeId === card.assigneeId && c.id !== caseId && activeIds.has(c.columnId) ? n + 1 : n), 0);
    const personBreach = personWipBreach(person, held, target.kind === 'active' && from?.kind !== 'active');
    if (personBreach) breaches.push(personBreach);
  }
  return breaches;
}

/**
 * The one WIP policy of the board, for a drag, a keyboard move and "Tag næste sag" alike: a write
 * that breaches a limit goes ahead only with a reason, which is logged; without one it is refused
 * before anything changes. Never applied first and warned about afterwards.
 */
export type WipDecision =
  | { allowed: true; breaches: WipBreach[]; overLimit: boolean }
  | { allowed: false; breaches: WipBreach[]; message: string };

export function wipDecision(breaches: readonly WipBreach[], reason: string | null | undefined): WipDecision {
  const list = [...breaches];
  if (list.length === 0) return { allowed: true, breaches: list, overLimit: false };
  if (reason !== null && reason !== undefined && reason.trim().length >= WIP_REASON_MIN) return { allowed: true, breaches: list, overLimit: true };
  return { allowed: false, breaches: list, message: wipRefusalMessage(list) };
}

/** A reason must say something: at least this many characters (the contract's schema agrees). */
export const WIP_REASON_MIN = 3;

/** The Danish refusal a client shows when it cannot show the reason dialog itself. */
export function wipRefusalMessage(breaches: readonly WipBreach[]): string {
  const parts = breaches.map((b) =>
    b.scope === 'column'
      ? `kolonnen "${b.name}" har nået sin WIP-grænse (${b.count} af ${b.limit})`
      : `${b.name} har nået sin personlige WIP-grænse (${b.count} af ${b.limit} aktive sager)`,
  );
  const text = parts.join(', og ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}. Angiv en begrundelse for at gå over grænsen.`;
}

/**
 * Undo of a move on the board: the store puts the card back exactly as it was (column, place and
 * the day it entered the column) if the move is still the card's latest event, was made by the
 * same person, and is younger than this.
 */
export const UNDO_MOVE_WINDOW_MINUTES = 8 * 60;

/** Why an undo of a move is refused, or null when it may go ahead. */
export function undoMoveRefusal(
  move: { type: string; actorId: number | null; at: string; isLatest: boolean },
  actorId: number | null,
  now: Date,
): 'not_a_move' | 'not_latest' | 'other_person' | 'too_old' | null {
  if (move.type !== 'moved' && move.type !== 'moved_over_wip_limit' && move.type !== 'reordered') return 'not_a_move';
  if (!move.isLatest) return 'not_latest';
  if (move.actorId === null || move.actorId !== actorId) return 'other_person';
  const age = now.getTime() - Date.parse(move.at);
  if (!(age <= UNDO_MOVE_WINDOW_MINUTES * 60_000)) return 'too_old';
  return null;
}

/** Cards a person holds in active columns, for lane headers and caseload at a glance. */
export function activeCardsHeld(personId: number, cards: readonly CaseCard[], columns: readonly BoardColumn[]): number {
  const activeIds = new Set(columns.filter((c) => c.kind === 'active').map((c) => c.id));
  return cards.reduce((n, c) => (c.assigneeId === personId && activeIds.has(c.columnId) ? n + 1 : n), 0);
}

// ---------------------------------------------------------------------------------------------
// Undo / redo

/** A session's history. Entries are whatever the caller needs to redo and undo one action. */
export interface UndoHistory<T> {
  past: readonly T[];
  future: readonly T[];
}

export const UNDO_LIMIT = 50;

export function emptyHistory<T>(): UndoHistory<T> {
  return { past: [], future: [] };
}

/** A new action: it can be undone, and whatever was undone before can no longer be redone. */
export function recordAction<T>(history: UndoHistory<T>, entry: T, limit = UNDO_LIMIT): UndoHistory<T> {
  const past = [...history.past, entry];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, future: [] };
}

/** The action to undo and the history once it has been undone; null when there is nothing. */
export function takeUndo<T>(history: UndoHistory<T>): { entry: T; history: UndoHistory<T> } | null {
  const entry = history.past[history.past.length - 1];
  if (entry === undefined) return null;
  return { entry, history: { past: history.past.slice(0, -1), future: [...history.future, entry] } };
}

/** The action to redo and the history once it has been redone; null when there is nothing. */
export function takeRedo<T>(history: UndoHistory<T>): { entry: T; history: UndoHistory<T> } | null {
  const entry = history.future[history.future.length - 1];
  if (entry === undefined) return null;
  return { entry, history: { past: [...history.past, entry], future: history.future.slice(0, -1) } };
}

/**
 * What a drop into another swimlane means: the card takes the lane's class of service or
 * caseworker. Null when the lanes are the same or carry no attribute.
 */
export function laneChangeFor(fromLane: LaneKey, toLane: LaneKey): { assigneeId: number | null } | { classOfService: ClassOfService } | null {
  if (fromLane === toLane) return null;
  const cls = /^class:(.+)$/.exec(toLane)?.[1];
  if (cls && fromLane.startsWith('class:') && (CLASSES_OF_SERVICE as readonly string[]).includes(cls)) {
    return { classOfService: cls as ClassOfService };
  }
  const person = /^person:(none|\d+)$/.exec(toLane)?.[1];
  if (person && fromLane.startsWith('person:')) return { assigneeId: person === 'none' ? null : Number(person) };
  return null;
}
