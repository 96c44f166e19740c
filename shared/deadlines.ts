// Legal-deadline compliance (sagsbehandlingsfrister): the table a municipality sends when the
// Folketing or the Ankestyrelse asks how well it keeps its processing deadlines. Counting, exactly
// as issue 18 defines it:
// - applications and complaints only; follow-ups are reported apart (their own rows);
// - the decision date is the day a case first entered a done column; a case counts in the month
//   (YYYY-MM) of its decision date;
// - `decided` counts every such case, `withinDeadline` those decided on or before their own legal
//   deadline, `share` = withinDeadline ÷ the decided cases that have a legal deadline (null when
//   none has);
// - `p50Days`/`p85Days` are nearest-rank percentiles of calendar days from received date to
//   decision date.
import { WorkingCalendar } from './calendar';
import { addDays, daysBetween } from './dates';
import type { CaseKind, IsoDate } from './domain';
import { percentile } from './flow';
import { PARAGRAPHS } from './paragraphs';

/** The case kinds the compliance table counts; follow-ups are reported apart. */
export const COMPLIANCE_KINDS: readonly CaseKind[] = ['application', 'complaint'];

/** One decided case, as the store knows it. */
export interface DecidedCase {
  caseId: number;
  kind: CaseKind;
  paragraph: string;
  teamId: number;
  assigneeId: number | null;
  received: IsoDate;
  /** First day in a done column. */
  decision: IsoDate;
  /** The case's own legal deadline; null when its paragraph has none (§ 12). */
  legalDeadline: IsoDate | null;
}

export interface ComplianceFigures {
  decided: number;
  withinDeadline: number;
  /** Decided cases that have a legal deadline: the denominator of `share`. */
  withDeadline: number;
  share: number | null;
  p50Days: number | null;
  p85Days: number | null;
  /** The same percentiles in working days of the Danish calendar. */
  p50WorkingDays: number | null;
  p85WorkingDays: number | null;
  /** Median legal processing time of the decided cases with a deadline, in calendar days. */
  deadlineDays: number | null;
}

/** The row of the CLI's and the export's table: one per paragraph and month. */
export interface DeadlineRow {
  paragraph: string;
  month: string;
  decided: number;
  withinDeadline: number;
  share: number | null;
  p50Days: number | null;
  p85Days: number | null;
}

/** Calendar days from received date to decision date. */
export const processingDays = (c: Pick<DecidedCase, 'received' | 'decision'>): number => daysBetween(c.received, c.decision);

/** Decided on or before the case's own legal deadline. */
export const isWithinDeadline = (c: Pick<DecidedCase, 'decision' | 'legalDeadline'>): boolean =>
  c.legalDeadline !== null && c.decision <= c.legalDeadline;

export const monthOf = (date: IsoDate): string => date.slice(0, 7);

export function complianceFigures(cases: readonly DecidedCase[], calendar: WorkingCalendar = new WorkingCalendar()): ComplianceFigures {
  const withDeadline = cases.filter((c) => c.legalDeadline !== null);
  const within = withDeadline.filter(isWithinDeadline).length;
  const days = cases.map(processingDays);
  const working = cases.map((c) => calendar.workingDaysBetween(c.received, c.decision));
  return {
    decided: cases.length,
    withinDeadline: within,
    withDeadline: withDeadline.length,
    share: withDeadline.length === 0 ? null : within / withDeadline.length,
    p50Days: percentile(days, 50),
    p85Days: percentile(days, 85),
    p50WorkingDays: percentile(working, 50),
    p85WorkingDays: percentile(working, 85),
    deadlineDays: percentile(withDeadline.map((c) => daysBetween(c.received, c.legalDeadline!)), 50),
  };
}

const paragraphOrder = new Map(PARAGRAPHS.map((p, i) => [p.code, i]));

/** Paragraphs in the catalogue's order (§ 12, § 82 a, …, § 108), unknown ones after, by code. */
export function compareParagraphs(a: string, b: string): number {
  const x = paragraphOrder.get(a) ?? Number.MAX_SAFE_INTEGER;
  const y = paragraphOrder.get(b) ?? Number.MAX_SAFE_INTEGER;
  return x !== y ? x - y : a < b ? -1 : a > b ? 1 : 0;
}

/** Groups cases by a key, keeping the first-seen order of keys. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * The compliance table: one row per paragraph and decision month that has a decided case, of the
 * kinds given (applications and complaints by default), ordered by paragraph, then month.
 */
export function deadlineRows(cases: readonly DecidedCase[], kinds: readonly CaseKind[] = COMPLIANCE_KINDS): DeadlineRow[] {
  const counted = cases.filter((c) => kinds.includes(c.kind));
  const groups = groupBy(counted, (c) => `${c.paragraph}\u0000${monthOf(c.decision)}`);
  const rows: DeadlineRow[] = [];
  for (const list of groups.values()) {
    const f = complianceFigures(list);
    rows.push({
      paragraph: list[0]!.paragraph,
      month: monthOf(list[0]!.decision),
      decided: f.decided,
      withinDeadline: f.withinDeadline,
      share: f.share,
      p50Days: f.p50Days,
      p85Days: f.p85Days,
    });
  }
  return rows.sort((a, b) => compareParagraphs(a.paragraph, b.paragraph) || (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

/** An open case with a legal deadline, for the "will miss it at today's pace" list. */
export interface OpenDeadlineCase {
  caseId: number;
  caseNumber: string;
  kind: CaseKind;
  paragraph: string;
  assigneeId: number | null;
  received: IsoDate;
  legalDeadline: IsoDate;
}

export interface DeadlineForecast extends OpenDeadlineCase {
  /** Calendar days since received. */
  age: number;
  /** When it is decided at today's pace; null when no earlier case of its kind took this long. */
  expectedDecision: IsoDate | null;
  /** Negative when the deadline has passed. */
  daysLeft: number;
  willMiss: boolean;
}

/**
 * "At today's pace": the processing times of the cases decided recently (the sample the caller
 * chooses, e.g. the last 12 weeks of the same paragraph). A case already `age` days old is expected
 * to take the median of the remaining times of the earlier cases that took longer than `age`, so an
 * old case is not promised the pace of the quick ones. When no earlier case took that long, the
 * decision date is unknown and the case is counted as missing its deadline only once it has passed.
 */
export function forecastDeadline(open: OpenDeadlineCase, today: IsoDate, paceDays: readonly number[]): DeadlineForecast {
  const age = daysBetween(open.received, today);
  const remaining = paceDays.filter((d) => d > age).map((d) => d - age);
  const median = percentile(remaining, 50);
  const expectedDecision = median === null ? null : addDays(today, median);
  const daysLeft = daysBetween(today, open.legalDeadline);
  const willMiss = daysLeft < 0 || (expectedDecision !== null && expectedDecision > open.legalDeadline);
  return { ...open, age, expectedDecision, daysLeft, willMiss };
}

