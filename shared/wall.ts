// The wall screen's rules, pure so the store, the wall view and the tests agree on them: which
// cards a column shows when it cannot show them all, how many fit, the rotation and the walk
// of the board at the standup, the standup timer and what privacy mode lets through.
import { ageingLevel, daysBlocked, daysInColumn, deadlineStatus, type AgeingLevel, type DeadlineLevel } from './board';
import type { CaseCard, CaseKind, ClassOfService, ColumnKind, IsoDate, Person } from './domain';

// ---------------------------------------------------------------------------------------------
// Views the wall rotates through

export const WALL_VIEWS = ['board', 'pull_list', 'deadlines', 'bottom_line', 'caseload', 'sprint_burnup', 'plan_kpis'] as const;
export type WallViewId = (typeof WALL_VIEWS)[number];

/**
 * The feature method each view's data comes from (getWallScreen composes them, redacted). A view
 * only rotates when that method exists in the contract, so a wall built without a feature simply
 * leaves its view out.
 */
export const WALL_VIEW_SOURCES: Record<WallViewId, string> = {
  board: 'getBoard',
  pull_list: 'getPullList',
  deadlines: 'getBoard',
  bottom_line: 'getBottomLine',
  caseload: 'getCaseload',
  sprint_burnup: 'getSprint',
  plan_kpis: 'getPlan',
};

export function availableWallViews(hasMethod: (name: string) => boolean): WallViewId[] {
  return WALL_VIEWS.filter((v) => hasMethod(WALL_VIEW_SOURCES[v]));
}

export interface WallSettings {
  teamId: number;
  /** The views the team chose, in rotation order. */
  views: WallViewId[];
  /** Seconds each view stays before the next. */
  intervalSeconds: number;
  timerMinutes: number;
  /** Privacy mode: on unless the team turned it off (a paired wall device always gets it). */
  privacy: boolean;
  updatedAt: string | null;
  updatedByInitials: string | null;
}

export const MIN_INTERVAL_SECONDS = 10;
export const MAX_INTERVAL_SECONDS = 600;
export const DEFAULT_WALL_SETTINGS: Omit<WallSettings, 'teamId' | 'updatedAt' | 'updatedByInitials'> = {
  views: ['board', 'pull_list', 'deadlines', 'bottom_line', 'caseload'],
  intervalSeconds: 60,
  timerMinutes: 15,
  privacy: true,
};

/** Reads the stored view list, dropping names an older or newer version wrote. */
export function parseWallViews(raw: string | null): WallViewId[] {
  if (raw === null) return [...DEFAULT_WALL_SETTINGS.views];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [...DEFAULT_WALL_SETTINGS.views];
  }
  if (!Array.isArray(value)) return [...DEFAULT_WALL_SETTINGS.views];
  const views = value.filter((v): v is WallViewId => WALL_VIEWS.includes(v as WallViewId));
  return [...new Set(views)];
}

/** The rotation actually shown: the team's choice that can be shown here, or the board alone. */
export function rotationOf(chosen: readonly WallViewId[], available: readonly WallViewId[]): WallViewId[] {
  const views = chosen.filter((v) => available.includes(v));
  return views.length > 0 ? views : ['board'];
}

/** Steps through the rotation, wrapping both ways. */
export function stepView(index: number, count: number, step: 1 | -1): number {
  if (count <= 0) return 0;
  return (((index + step) % count) + count) % count;
}

export type WallCommand = 'next' | 'previous' | 'toggle_pause' | 'toggle_timer' | 'reset_timer' | 'walk' | 'fullscreen';

/**
 * Keys of a keyboard or a presentation clicker. Clickers send Page Up/Down (some send arrows), and
 * their "blank screen" button sends "b" or "."; at the wall that button pauses the rotation.
 */
export function wallCommandForKey(key: string): WallCommand | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return 'previous';
    case ' ':
    case 'Spacebar':
    case 'b':
    case 'B':
    case '.':
      return 'toggle_pause';
    case 't':
    case 'T':
      return 'toggle_timer';
    case 'r':
    case 'R':
      return 'reset_timer';
    case 'g':
    case 'G':
      return 'walk';
    case 'f':
    case 'F':
      return 'fullscreen';
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Cards on the wall: what privacy mode lets through, and urgency

/** A card as the wall shows it. In privacy mode the optional fields are absent, not blank. */
export interface WallCard {
  id: number;
  caseNumber: string;
  kind: CaseKind;
  paragraph: string;
  classOfService: ClassOfService;
  /** The caseworker's initials, or null when nobody holds the case. */
  assigneeInitials: string | null;
  blocked: boolean;
  daysBlocked: number | null;
  daysInColumn: number;
  ageing: AgeingLevel;
  deadline: DeadlineLevel;
  /** Days to the legal deadline (negative when overdue); null without one. */
  daysLeft: number | null;
  /** Only without privacy mode. */
  citizenInitials?: string;
  assigneeName?: string;
  blockedReason?: string;
}

/**
 * Privacy mode keeps what the team needs to talk about a case and nothing a visitor could tie
 * to a citizen or a colleague: the case number, the paragraph and the caseworker's initials. The
 * citizen's initials, names and the blocked reason (free text, which may name anyone) stay home.
 */
export function toWallCard(
  card: CaseCard,
  kind: ColumnKind,
  today: IsoDate,
  people: ReadonlyMap<number, Pick<Person, 'name' | 'initials'>>,
  privacy: boolean,
): WallCard {
  const days = daysInColumn(card, today);
  const deadline = deadlineStatus(card.legalDeadline, today, kind);
  const assignee = card.assigneeId === null ? null : people.get(card.assigneeId) ?? null;
  const wallCard: WallCard = {
    id: card.id,
    caseNumber: card.caseNumber,
    kind: card.kind,
    paragraph: card.paragraph,
    classOfService: card.classOfService,
    assigneeInitials: card.assigneeId === null ? null : assignee?.initials ?? '?',
    blocked: card.blocked,
    daysBlocked: daysBlocked(card, today),
    daysInColumn: days,
    ageing: ageingLevel(days, kind),
    deadline: deadline.level,
    daysLeft: deadline.daysLeft,
  };
  if (!privacy) {
    wallCard.citizenInitials = card.citizenInitials;
    if (assignee) wallCard.assigneeName = assignee.name;
    if (card.blockedReason) wallCard.blockedReason = card.blockedReason;
  }
  return wallCard;
}

/**
 * Urgency tiers, most urgent first: blocked; deadline red (7 days or fewer, or overdue); stale
 * (4 weeks or more in the column); deadline amber; ageing (2 weeks); urgent class of service;
 * everything else.
 */
export function urgencyTier(card: Pick<WallCard, 'blocked' | 'deadline' | 'ageing' | 'classOfService'>): number {
  if (card.blocked) return 0;
  if (card.deadline === 'red') return 1;
  if (card.ageing === 'stale') return 2;
  if (card.deadline === 'amber') return 3;
  if (card.ageing === 'ageing') return 4;
  if (card.classOfService === 'urgent') return 5;
  return 6;
}

type Urgent = Pick<WallCard, 'id' | 'blocked' | 'daysBlocked' | 'deadline' | 'ageing' | 'classOfService' | 'daysLeft' | 'daysInColumn'>;

/**
 * Within a tier: blocked cards longest blocked first; then nearest deadline, then longest in the
 * column; the id keeps it stable.
 */
export function compareUrgency(a: Urgent, b: Urgent): number {
  const tier = urgencyTier(a) - urgencyTier(b);
  if (tier !== 0) return tier;
  const blocked = (b.daysBlocked ?? 0) - (a.daysBlocked ?? 0);
  if (blocked !== 0) return blocked;
  const left = (a.daysLeft ?? Number.POSITIVE_INFINITY) - (b.daysLeft ?? Number.POSITIVE_INFINITY);
  if (left !== 0 && Number.isFinite(left)) return left;
  if (a.daysLeft === null && b.daysLeft !== null) return 1;
  if (a.daysLeft !== null && b.daysLeft === null) return -1;
  if (a.daysInColumn !== b.daysInColumn) return b.daysInColumn - a.daysInColumn;
  return a.id - b.id;
}

/**
 * The order a column shows its cards on the wall. A done column shows what was finished most
 * recently (what the team celebrates at the standup); the others show the most urgent first.
 */
export function wallOrder<T extends Urgent>(cards: readonly T[], kind: ColumnKind): T[] {
  if (kind === 'done') return [...cards].sort((a, b) => a.daysInColumn - b.daysInColumn || b.id - a.id);
  return [...cards].sort(compareUrgency);
}

/** "Walk the board": blocked cards first, then ageing ones (longest first), then by urgency. */
export function walkOrder<T extends Urgent>(cards: readonly T[]): T[] {
  const group = (c: Urgent) => (c.blocked ? 0 : c.ageing === 'stale' || c.ageing === 'ageing' ? 1 : 2);
  return [...cards].sort((a, b) => group(a) - group(b) || (group(a) === 1 ? b.daysInColumn - a.daysInColumn : 0) || compareUrgency(a, b));
}

/** Columns in the order the standup walks them: right to left, the done columns left out. */
export function walkColumns<C extends { id: number; position: number; kind: ColumnKind }>(columns: readonly C[]): C[] {
  return columns.filter((c) => c.kind !== 'done').sort((a, b) => b.position - a.position);
}

/** Cards the server sends per column: more than fit on any wall, so the client never runs short. */
export const WALL_CARDS_PER_COLUMN = 40;

export interface ColumnFit {
  shown: number;
  /** Cards left out, shown as "+N flere". */
  hidden: number;
}

/**
 * How many cards a column shows: all of them when they fit; otherwise as many as fit above a
 * "+N flere" line. Heights in pixels; `gap` sits between cards and between the last card and the
 * line. Never fewer than none.
 */
export function cardsThatFit(total: number, available: number, cardHeight: number, gap: number, moreLineHeight: number): ColumnFit {
  if (total <= 0) return { shown: 0, hidden: 0 };
  const step = cardHeight + gap;
  if (total * cardHeight + (total - 1) * gap <= available) return { shown: total, hidden: 0 };
  const shown = Math.max(0, Math.min(total - 1, Math.floor((available - moreLineHeight) / step)));
  return { shown, hidden: total - shown };
}

// ---------------------------------------------------------------------------------------------
// The standup timer

export interface TimerState {
  durationMs: number;
  /** Epoch ms when it last started running; null while stopped. */
  runningSince: number | null;
  /** Time used before the last start. */
  usedMs: number;
}

export const newTimer = (minutes: number): TimerState => ({ durationMs: minutes * 60_000, runningSince: null, usedMs: 0 });

export function timerUsed(t: TimerState, now: number): number {
  return t.usedMs + (t.runningSince === null ? 0 : Math.max(0, now - t.runningSince));
}

export function toggleTimer(t: TimerState, now: number): TimerState {
  return t.runningSince === null
    ? { ...t, runningSince: now }
    : { ...t, runningSince: null, usedMs: timerUsed(t, now) };
}

/** Remaining time in ms; negative once the standup runs over. */
export function timerRemaining(t: TimerState, now: number): number {
  return t.durationMs - timerUsed(t, now);
}

/** "15:00", "0:09", "−1:05" (over time); whole seconds, rounded towards more time left. */
export function formatClock(ms: number): string {
  const over = ms < 0;
  const seconds = over ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return over && seconds > 0 ? `−${text}` : text;
}

/** Green until the last two minutes, amber then, red when over time. */
export function timerLevel(remainingMs: number): 'ok' | 'amber' | 'red' {
  if (remainingMs < 0) return 'red';
  return remainingMs <= 120_000 ? 'amber' : 'ok';
}
