// The team's pull list: which cases become work items, and the explicit, visible rules that order
// them (docs/pull-list.md). Pure: the store hands over candidate rows, this file decides.
import type { CaseKind, ClassOfService, ColumnKind, IsoDate } from './domain';
import { addDays, daysBetween, toDayNumber } from './dates';
import { formatDate as formatDateUncached, formatParagraph as formatParagraphUncached } from './format';
import { progressionStatus, totalScore, VUM_THEMES, type Assessment } from './progression';

// A team's list turns the same few hundred dates over thousands of times: parse and format each once.
function memo<T>(f: (value: string) => T): (value: string) => T {
  const cache = new Map<string, T>();
  return (value) => {
    let result = cache.get(value);
    if (result === undefined) {
      if (cache.size > 50_000) cache.clear();
      result = f(value);
      cache.set(value, result);
    }
    return result;
  };
}
const dayNumber = memo(toDayNumber);
const formatDate = memo((date: string) => formatDateUncached(date));
const formatParagraph = memo(formatParagraphUncached);
const followUpWindowOpens = memo((due: string) => addDays(due, -FOLLOW_UP_LEAD_DAYS));

/** What a caseworker pulls. One case gives at most one item, whatever put it on the list. */
export const WORK_ITEM_KINDS = ['application', 'follow_up', 'revisitation', 'complaint', 'task'] as const;
export type WorkItemKind = (typeof WORK_ITEM_KINDS)[number];

export const WORK_ITEM_KIND_LABELS: Record<WorkItemKind, string> = {
  application: 'Ny ansøgning',
  follow_up: 'Opfølgning',
  revisitation: 'Revisitation',
  complaint: 'Klage',
  task: 'Opgave',
};

export const PULL_RULES = ['deadline', 'class_of_service', 'strategic', 'waiting'] as const;
export type PullRule = (typeof PULL_RULES)[number];
export type RuleWeights = Record<PullRule, number>;

export const PULL_RULE_LABELS: Record<PullRule, string> = {
  deadline: 'Fristrisiko',
  class_of_service: 'Serviceklasse',
  strategic: 'Strategisk prioritet',
  waiting: 'Ventetid',
};

/** Every rule counts once until a leader says otherwise. */
export const DEFAULT_RULE_WEIGHTS: RuleWeights = { deadline: 1, class_of_service: 1, strategic: 1, waiting: 1 };
export const MAX_RULE_WEIGHT = 5;

/** A grant's follow-up joins the list this many days before it falls due (and "Mine sager" looks as far ahead). */
export const FOLLOW_UP_LEAD_DAYS = 30;

export const CLASS_OF_SERVICE_POINTS: Record<ClassOfService, number> = {
  urgent: 100,
  fixed_date: 60,
  standard: 30,
  can_wait: 0,
};

export const CLASS_OF_SERVICE_LABELS: Record<ClassOfService, string> = {
  urgent: 'Akut',
  fixed_date: 'Fast dato',
  standard: 'Standard',
  can_wait: 'Kan vente',
};

/** Deadline points: share of the processing time used, in per cent, up to half the time again overdue. */
export const MAX_DEADLINE_POINTS = 150;
/** One point per day waited, up to 100 days. */
export const MAX_WAITING_POINTS = 100;
export const MAX_STRATEGIC_POINTS = 100;

// ---------------------------------------------------------------------------------------------
// From a case to a work item

/** A case the store found on the team's board that may be a work item. */
export interface PullCandidate {
  caseId: number;
  caseNumber: string;
  citizenInitials: string;
  caseKind: CaseKind;
  paragraph: string;
  columnKind: ColumnKind;
  classOfService: ClassOfService;
  receivedDate: IsoDate;
  legalDeadline: IsoDate | null;
  blocked: boolean;
  /** Day the case entered its current column. */
  columnEnteredAt: IsoDate;
  assigneeId: number | null;
  assigneeName: string | null;
  /** Earliest follow-up of the case's current grants. */
  nextFollowUp: IsoDate | null;
  /** Latest and the one before, for progression (shared/progression.ts). */
  latestAssessment: Assessment | null;
  previousAssessment: Assessment | null;
  pinnedAt: string | null;
  pinnedByName: string | null;
  /** When the case is itself a follow-up item (shared/followUps.ts): which kind. */
  followUpItemKind?: 'follow_up' | 'revisitation' | null;
  /** Received day of the latest follow-up item made from this case, if any. */
  lastFollowUpItemOn?: IsoDate | null;
}

export interface WorkItem {
  caseId: number;
  caseNumber: string;
  citizenInitials: string;
  kind: WorkItemKind;
  paragraph: string;
  classOfService: ClassOfService;
  receivedDate: IsoDate;
  /** The date the item is measured against: the legal deadline, or the follow-up date. */
  deadline: IsoDate | null;
  /** Days from the start of the clock to the deadline (the paragraph's processing time, or the follow-up lead). */
  deadlineWindowDays: number | null;
  /** The day the item joined the list; waiting time counts from it. */
  waitingSince: IsoDate;
  /** A queue case already given to one person: only they may pull it. */
  reservedForId: number | null;
  reservedForName: string | null;
  pinnedAt: string | null;
  pinnedByName: string | null;
  /** Facts that put the item on the list, in Danish ("Opfølgning forfalder 12.12.2026"). */
  origin: string[];
  /**
   * Whether the item comes from a decided case in a done column (follow-ups and revisitations):
   * pulling it creates a follow-up item of its own and leaves the decided case where it is.
   */
  reopens: boolean;
}

/** The off-track facts of an assessment pair, or null when it is on track or has no expectation. */
export function offTrack(latest: Assessment | null, previous: Assessment | null): { actual: number; expected: number } | null {
  if (progressionStatus(latest, previous) !== 'off_track') return null;
  const themes = VUM_THEMES.filter((t) => previous!.expectedScores![t] !== undefined && latest!.scores[t] !== undefined);
  return { actual: totalScore(latest!.scores, themes), expected: totalScore(previous!.expectedScores!, themes) };
}

/**
 * The work item a case gives today, or null. Queue cases are items as they are; a case in a done
 * column is an item when a current grant's follow-up falls due within FOLLOW_UP_LEAD_DAYS and the
 * case was closed before that window opened, or when an assessment recorded after it was closed is
 * off track. Cases in active columns are someone's work already; blocked cases cannot be pulled.
 */
export function toWorkItem(c: PullCandidate, today: IsoDate): WorkItem | null {
  if (c.blocked || c.columnKind === 'active') return null;
  const off = c.latestAssessment && c.previousAssessment ? offTrack(c.latestAssessment, c.previousAssessment) : null;
  const offTrackNote = off
    ? `Seneste VUM-vurdering ${formatDate(c.latestAssessment!.assessedOn)} er ikke på sporet: samlet score ${off.actual}, forventet ${off.expected}`
    : null;

  if (c.columnKind === 'queue') {
    const received = `modtaget ${formatDate(c.receivedDate)} (${formatParagraph(c.paragraph)})`;
    const origin = [
      c.caseKind === 'application' ? `Ny ansøgning ${received}`
        : c.caseKind === 'complaint' ? `Klage ${received}`
        : c.caseKind === 'task' ? `Opgave ${received}`
        : `Opfølgning ${received}`,
    ];
    if (offTrackNote) origin.push(offTrackNote);
    return {
      caseId: c.caseId,
      caseNumber: c.caseNumber,
      citizenInitials: c.citizenInitials,
      kind: c.followUpItemKind === 'revisitation' || (c.caseKind === 'follow_up' && off) ? 'revisitation' : c.caseKind,
      paragraph: c.paragraph,
      classOfService: c.classOfService,
      receivedDate: c.receivedDate,
      deadline: c.legalDeadline,
      deadlineWindowDays: c.legalDeadline === null ? null : Math.max(1, dayNumber(c.legalDeadline) - dayNumber(c.receivedDate)),
      waitingSince: c.receivedDate,
      reservedForId: c.assigneeId,
      reservedForName: c.assigneeId === null ? null : c.assigneeName,
      pinnedAt: c.pinnedAt,
      pinnedByName: c.pinnedByName,
      origin,
      reopens: false,
    };
  }

  // A done case: a follow-up falling due, an off-track assessment since it was closed, or both.
  const due = c.nextFollowUp;
  const followUpDue =
    due !== null && dayNumber(due) - dayNumber(today) <= FOLLOW_UP_LEAD_DAYS && c.columnEnteredAt < followUpWindowOpens(due);
  // An assessment the case's latest follow-up item was made after has been acted on already.
  const actedOn = c.lastFollowUpItemOn && c.lastFollowUpItemOn > c.columnEnteredAt ? c.lastFollowUpItemOn : c.columnEnteredAt;
  const revisit = off !== null && c.latestAssessment!.assessedOn > actedOn;
  if (!followUpDue && !revisit) return null;
  const origin: string[] = [];
  let waitingSince = '';
  if (followUpDue) {
    origin.push(due < today ? `Opfølgning på bevilling forfaldt ${formatDate(due)}` : `Opfølgning på bevilling forfalder ${formatDate(due)}`);
    waitingSince = followUpWindowOpens(due);
  }
  if (revisit) {
    origin.push(offTrackNote!);
    const assessedOn = c.latestAssessment!.assessedOn;
    if (waitingSince === '' || assessedOn < waitingSince) waitingSince = assessedOn;
  }
  return {
    caseId: c.caseId,
    caseNumber: c.caseNumber,
    citizenInitials: c.citizenInitials,
    kind: revisit ? 'revisitation' : 'follow_up',
    paragraph: c.paragraph,
    // A follow-up has its date; a revisitation without one is ordinary work.
    classOfService: followUpDue ? 'fixed_date' : 'standard',
    receivedDate: c.receivedDate,
    deadline: followUpDue ? due : null,
    deadlineWindowDays: followUpDue ? FOLLOW_UP_LEAD_DAYS : null,
    waitingSince,
    reservedForId: null,
    reservedForName: null,
    pinnedAt: c.pinnedAt,
    pinnedByName: c.pinnedByName,
    origin,
    reopens: true,
  };
}

// ---------------------------------------------------------------------------------------------
// Ordering

/** A team's strategic priority: matches items by paragraph and/or kind; both empty matches nothing. */
export interface PriorityTag {
  id: number;
  label: string;
  /** Points an item gets when the tag matches (0–100). */
  weight: number;
  paragraph: string | null;
  kind: WorkItemKind | null;
}

export function tagMatches(tag: PriorityTag, item: Pick<WorkItem, 'paragraph' | 'kind'>): boolean {
  if (tag.paragraph === null && tag.kind === null) return false;
  return (tag.paragraph === null || tag.paragraph === item.paragraph) && (tag.kind === null || tag.kind === item.kind);
}

export interface RulePoints {
  rule: PullRule;
  /** Points before the weight. */
  points: number;
  weight: number;
  /** points × weight: what the rule adds to the score. */
  contribution: number;
}

export interface RankedItem extends WorkItem {
  /** 1-based place in pull order. */
  position: number;
  score: number;
  rules: RulePoints[];
  /** Labels of the strategic tags that matched. */
  tags: string[];
  /** Days to the deadline (negative when overdue), or null without one. */
  daysToDeadline: number | null;
  waitingDays: number;
  /** "Why is this here", in Danish, most important first. */
  reasons: string[];
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export function deadlinePoints(deadline: IsoDate | null, windowDays: number | null, today: IsoDate): number {
  if (deadline === null || windowDays === null) return 0;
  return deadlinePointsFor(daysBetween(today, deadline), windowDays);
}

function deadlinePointsFor(daysLeft: number, windowDays: number): number {
  const window = Math.max(1, windowDays);
  return clamp(Math.round((100 * (window - daysLeft)) / window), 0, MAX_DEADLINE_POINTS);
}

export function waitingPoints(waitingSince: IsoDate, today: IsoDate): number {
  return clamp(daysBetween(waitingSince, today), 0, MAX_WAITING_POINTS);
}

const NO_TAGS: PriorityTag[] = [];

export function strategicPoints(tags: readonly PriorityTag[], item: Pick<WorkItem, 'paragraph' | 'kind'>): { points: number; matched: PriorityTag[] } {
  if (tags.length === 0) return { points: 0, matched: NO_TAGS };
  const matched = tags.filter((t) => tagMatches(t, item));
  return { points: Math.min(MAX_STRATEGIC_POINTS, matched.reduce((sum, t) => sum + t.weight, 0)), matched };
}

/** "+46", "+22,5", "+1.050": Danish digits without Intl, which is slow for a list of thousands. */
export function signedPoints(value: number): string {
  if (Number.isInteger(value) && value >= 0 && value < 1000) return `+${value}`;
  const rounded = Math.round(value * 10) / 10;
  const [whole, decimals] = Math.abs(rounded).toFixed(1).split('.') as [string, string];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${rounded < 0 ? '−' : '+'}${grouped}${decimals === '0' ? '' : `,${decimals}`}`;
}
const signed = signedPoints;
const days = (n: number) => `${n} ${Math.abs(n) === 1 ? 'dag' : 'dage'}`;

function ruleReason(rule: RulePoints, item: WorkItem, left: number | null, waited: number, matched: PriorityTag[]): string | null {
  const plus = `(${signed(rule.contribution)})`;
  switch (rule.rule) {
    case 'deadline': {
      if (item.deadline === null || left === null) return null;
      const what = item.reopens ? 'Opfølgningsdato' : item.kind === 'complaint' ? 'Klagefrist' : 'Frist';
      if (left < 0) return `${what} ${formatDate(item.deadline)} er overskredet med ${days(-left)} ${plus}`;
      if (left === 0) return `${what} ${formatDate(item.deadline)} er i dag ${plus}`;
      return `${what} ${formatDate(item.deadline)}: ${days(left)} tilbage af ${item.deadlineWindowDays} ${plus}`;
    }
    case 'class_of_service':
      return `Serviceklasse: ${CLASS_OF_SERVICE_LABELS[item.classOfService]} ${plus}`;
    case 'strategic':
      if (matched.length === 0) return null;
      return `Strategisk prioritet: ${matched.map((t) => `«${t.label}»`).join(', ')} ${plus}`;
    case 'waiting': {
      return waited <= 0 ? `Kom på listen i dag ${plus}` : `Har ventet ${days(waited)} ${plus}`;
    }
  }
}

/**
 * Orders the items: pinned items first (earliest pin first), then by score (the sum of each rule's
 * points times its weight), highest first; ties go to the item that has waited longest, then to
 * the lowest case number, so the order is the same on every machine.
 */
export function rankWorkItems(
  items: readonly WorkItem[],
  weights: RuleWeights,
  tags: readonly PriorityTag[],
  today: IsoDate,
): RankedItem[] {
  const todayNumber = dayNumber(today);
  // Written out rather than with spreads and sorted copies: the largest teams rank thousands of items.
  const scored = items.map((item): RankedItem => {
    const strategic = strategicPoints(tags, item);
    const daysLeft = item.deadline === null ? null : dayNumber(item.deadline) - todayNumber;
    const waited = todayNumber - dayNumber(item.waitingSince);
    const points = [
      daysLeft === null || item.deadlineWindowDays === null ? 0 : deadlinePointsFor(daysLeft, item.deadlineWindowDays),
      CLASS_OF_SERVICE_POINTS[item.classOfService],
      strategic.points,
      clamp(waited, 0, MAX_WAITING_POINTS),
    ];
    const rules: RulePoints[] = [];
    let score = 0;
    for (let r = 0; r < PULL_RULES.length; r++) {
      const rule = PULL_RULES[r]!;
      const contribution = points[r]! * weights[rule];
      score += contribution;
      // Insert by contribution, largest first; equal contributions keep the rules' order.
      const entry = { rule, points: points[r]!, weight: weights[rule], contribution };
      let at = rules.length;
      while (at > 0 && rules[at - 1]!.contribution < contribution) at--;
      rules.splice(at, 0, entry);
    }
    const reasons: string[] = [];
    if (item.pinnedAt) reasons.push(`Fastgjort øverst af ${item.pinnedByName ?? 'en leder'}`);
    for (const line of item.origin) reasons.push(line);
    if (item.reservedForId !== null) reasons.push(`Reserveret til ${item.reservedForName ?? 'en bestemt medarbejder'}`);
    for (const r of rules) {
      const line = ruleReason(r, item, daysLeft, waited, strategic.matched);
      if (line !== null) reasons.push(line);
    }
    rules.sort((x, y) => PULL_RULES.indexOf(x.rule) - PULL_RULES.indexOf(y.rule));
    return {
      caseId: item.caseId,
      caseNumber: item.caseNumber,
      citizenInitials: item.citizenInitials,
      kind: item.kind,
      paragraph: item.paragraph,
      classOfService: item.classOfService,
      receivedDate: item.receivedDate,
      deadline: item.deadline,
      deadlineWindowDays: item.deadlineWindowDays,
      waitingSince: item.waitingSince,
      reservedForId: item.reservedForId,
      reservedForName: item.reservedForName,
      pinnedAt: item.pinnedAt,
      pinnedByName: item.pinnedByName,
      origin: item.origin,
      reopens: item.reopens,
      position: 0,
      score,
      rules,
      tags: strategic.matched.map((t) => t.label),
      daysToDeadline: daysLeft,
      waitingDays: Math.max(0, waited),
      reasons,
    };
  });
  scored.sort(comparePullOrder);
  scored.forEach((item, i) => (item.position = i + 1));
  return scored;
}

export function comparePullOrder(
  a: Pick<RankedItem, 'pinnedAt' | 'score' | 'waitingSince' | 'caseNumber'>,
  b: Pick<RankedItem, 'pinnedAt' | 'score' | 'waitingSince' | 'caseNumber'>,
): number {
  if (a.pinnedAt !== null || b.pinnedAt !== null) {
    if (a.pinnedAt === null) return 1;
    if (b.pinnedAt === null) return -1;
    if (a.pinnedAt !== b.pinnedAt) return a.pinnedAt < b.pinnedAt ? -1 : 1;
  }
  if (a.score !== b.score) return b.score - a.score;
  if (a.waitingSince !== b.waitingSince) return a.waitingSince < b.waitingSince ? -1 : 1;
  return a.caseNumber < b.caseNumber ? -1 : a.caseNumber > b.caseNumber ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Pulling

export interface Puller {
  personId: number;
  /** Cases the person holds in active columns now. */
  wipCount: number;
  wipLimit: number | null;
  competences: readonly string[];
}

export type NothingToPull =
  | { reason: 'wip_limit'; message: string }
  | { reason: 'no_competence'; message: string; paragraphs: string[] }
  | { reason: 'reserved'; message: string }
  | { reason: 'empty'; message: string };

/** The first item in pull order this person may take, or why there is none. */
export function choosePull(ranked: readonly RankedItem[], puller: Puller): { item: RankedItem } | NothingToPull {
  if (puller.wipLimit !== null && puller.wipCount >= puller.wipLimit) {
    return {
      reason: 'wip_limit',
      message: `Du har nået din personlige WIP-grænse: ${puller.wipCount} af ${puller.wipLimit} sager i gang. Afslut eller aflevér en sag, før du tager en ny.`,
    };
  }
  if (ranked.length === 0) return { reason: 'empty', message: 'Teamets pull-liste er tom: der er ingen sager at tage lige nu.' };
  const competent = new Set(puller.competences);
  const open = ranked.filter((item) => item.reservedForId === null || item.reservedForId === puller.personId);
  const item = open.find((i) => competent.has(i.paragraph));
  if (item) return { item };
  if (open.length === 0) {
    return { reason: 'reserved', message: 'Alle sager på pull-listen er reserveret til andre medarbejdere.' };
  }
  const paragraphs = [...new Set(open.map((i) => i.paragraph))].sort(compareParagraphs);
  const list = paragraphs.map(formatParagraph).join(', ');
  return {
    reason: 'no_competence',
    message: puller.competences.length === 0
      ? `Du er ikke markeret som kompetent til nogen paragraffer. Pull-listen har sager efter ${list}: bed din leder om at registrere dine kompetencer.`
      : `Du er ikke markeret som kompetent til de paragraffer, der er tilbage på pull-listen (${list}).`,
    paragraphs,
  };
}

/** "12" < "82a" < "85" < "95-96" < "100": numeric part first, then the rest. */
export function compareParagraphs(a: string, b: string): number {
  const na = parseInt(a, 10);
  const nb = parseInt(b, 10);
  return na !== nb ? na - nb : a < b ? -1 : a > b ? 1 : 0;
}

/** The legal deadline of a case from its received date and the paragraph's processing time (weeks). */
export function legalDeadlineFrom(receivedDate: IsoDate, processingWeeks: number | null): IsoDate | null {
  return processingWeeks === null ? null : addDays(receivedDate, processingWeeks * 7);
}
