// Flow metrics as flow practitioners define them (Vacanti, "Actionable Agile Metrics"), computed
// from the event log. Pure functions: the store keeps per-case flow facts up to date (db/migrations/
// 005_flow.ts) with exactly the rules of caseFlows() below, and the service feeds those facts here.
import { addDays, daysBetween, fromDayNumber, mondayOf, toDayNumber } from './dates';
import { COLUMN_KINDS, type ColumnKind, type IsoDate } from './domain';
import { createRandom } from './random';

/** The event types that put a case into a column (from/to are column ids). */
export const COLUMN_EVENT_TYPES = ['created', 'moved', 'moved_over_wip_limit'] as const;

/** The part of an event the flow rules read. `at` is an ISO UTC timestamp; its date is the event day. */
export interface FlowEvent {
  caseId: number;
  at: string;
  type: string;
  field?: string | null;
  to: string | null;
  reason?: string | null;
}

export interface BlockedPeriod {
  from: IsoDate;
  /** The day it was unblocked; null while still blocked. */
  to: IsoDate | null;
  reason: string | null;
}

/** What the flow metrics need to know about one case. */
export interface CaseFlow {
  caseId: number;
  /** First day the case was in any column of the board. */
  arrived: IsoDate;
  /** First day in an active column, or the finish day when it skipped the active columns. */
  start: IsoDate | null;
  /** First day in a done column. */
  finish: IsoDate | null;
  blocks: BlockedPeriod[];
}

/** The event day: the UTC date of the timestamp. */
export const eventDay = (at: string): IsoDate => at.slice(0, 10);

/** True for events that put a case into a column (the same test as the store's trigger). */
export function isColumnEvent(e: Pick<FlowEvent, 'type' | 'field' | 'to'>): boolean {
  if (e.to === null || e.type === 'reordered') return false;
  return e.field === 'column' || (COLUMN_EVENT_TYPES as readonly string[]).includes(e.type);
}

const minDay = (a: IsoDate | null, b: IsoDate | null): IsoDate | null => (a === null ? b : b === null ? a : a < b ? a : b);

/**
 * Replays an event log into per-case flow facts. Events may come in any order: "first" means the
 * earliest day. A case that re-enters an active column keeps its first start; a case that reaches
 * a done column without passing an active one starts on the day it finishes.
 */
export function caseFlows(events: readonly FlowEvent[], kindOf: (columnId: number) => ColumnKind | undefined): Map<number, CaseFlow> {
  const flows = new Map<number, CaseFlow>();
  const sorted = [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const e of sorted) {
    const day = eventDay(e.at);
    if (isColumnEvent(e)) {
      const kind = /^\d+$/.test(e.to!) ? kindOf(Number(e.to)) : undefined;
      if (!kind) continue;
      let flow = flows.get(e.caseId);
      if (!flow) {
        flow = { caseId: e.caseId, arrived: day, start: null, finish: null, blocks: [] };
        flows.set(e.caseId, flow);
      }
      flow.arrived = minDay(flow.arrived, day)!;
      if (kind === 'active' || kind === 'done') flow.start = minDay(flow.start, day);
      if (kind === 'done') flow.finish = minDay(flow.finish, day);
    } else if (e.type === 'blocked' || e.type === 'unblocked') {
      let flow = flows.get(e.caseId);
      if (!flow) {
        flow = { caseId: e.caseId, arrived: day, start: null, finish: null, blocks: [] };
        flows.set(e.caseId, flow);
      }
      const open = flow.blocks.find((b) => b.to === null);
      if (e.type === 'blocked' && !open) flow.blocks.push({ from: day, to: null, reason: e.reason ?? e.to ?? null });
      if (e.type === 'unblocked' && open) open.to = day;
    }
  }
  return flows;
}

/** Cycle time in days: finish − start + 1 (a case started and finished the same day took 1 day). */
export function cycleTime(start: IsoDate, finish: IsoDate): number {
  return daysBetween(start, finish) + 1;
}

/** Age of a work item in progress on `asOf`: asOf − start + 1. */
export function age(start: IsoDate, asOf: IsoDate): number {
  return daysBetween(start, asOf) + 1;
}

/** Work in progress on a day: started on or before it and not finished on or before it. */
export function isWipOn(flow: Pick<CaseFlow, 'start' | 'finish'>, day: IsoDate): boolean {
  return flow.start !== null && flow.start <= day && (flow.finish === null || flow.finish > day);
}

/**
 * Days blocked in a period, counted as elapsed days (unblocked − blocked): blocked on Monday and
 * unblocked on Wednesday is 2 days. A period still open runs to `asOf`.
 */
export function blockedDays(block: Pick<BlockedPeriod, 'from' | 'to'>, asOf: IsoDate): number {
  const end = block.to === null || block.to > asOf ? asOf : block.to;
  return Math.max(0, daysBetween(block.from, end));
}

/** The p-th percentile by nearest rank: the ⌈p/100 · n⌉-th smallest value; null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return percentileOfSorted(sorted, p);
}

function percentileOfSorted(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export interface CycleTimeSummary {
  count: number;
  p50: number | null;
  p85: number | null;
  p95: number | null;
}

export function summarizeCycleTimes(values: readonly number[]): CycleTimeSummary {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return { count: 0, p50: null, p85: null, p95: null };
  return {
    count: sorted.length,
    p50: percentileOfSorted(sorted, 50),
    p85: percentileOfSorted(sorted, 85),
    p95: percentileOfSorted(sorted, 95),
  };
}

/** Every day from `from` to `to`, both included. */
export function daysOf(from: IsoDate, to: IsoDate): IsoDate[] {
  const first = toDayNumber(from);
  const last = toDayNumber(to);
  const days: IsoDate[] = [];
  for (let d = first; d <= last; d++) days.push(fromDayNumber(d));
  return days;
}

export interface DayCount {
  day: IsoDate;
  count: number;
}

export interface WeekCount {
  /** The Monday the week starts on (it may lie before the period when the period starts mid-week). */
  weekStart: IsoDate;
  count: number;
}

/** Items finished per day of the period, zero days included. `finishes` maps a day to its count. */
export function throughputPerDay(finishes: ReadonlyMap<IsoDate, number>, from: IsoDate, to: IsoDate): DayCount[] {
  return daysOf(from, to).map((day) => ({ day, count: finishes.get(day) ?? 0 }));
}

/** Items finished per week (Monday–Sunday); only days inside the period count, so edge weeks are partial. */
export function throughputPerWeek(finishes: ReadonlyMap<IsoDate, number>, from: IsoDate, to: IsoDate): WeekCount[] {
  const weeks: WeekCount[] = [];
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) weeks.push({ weekStart: monday, count: 0 });
  for (const [day, count] of finishes) {
    if (day < from || day > to) continue;
    const week = weeks[Math.floor(daysBetween(weeks[0]!.weekStart, day) / 7)]!;
    week.count += count;
  }
  return weeks;
}

/**
 * WIP at the end of each day of the period, from how many items started and finished on each
 * day (all history: items started before the period are still in progress in it).
 */
export function wipPerDay(
  starts: ReadonlyMap<IsoDate, number>,
  finishes: ReadonlyMap<IsoDate, number>,
  from: IsoDate,
  to: IsoDate,
): DayCount[] {
  let wip = 0;
  for (const [day, n] of starts) if (day < from) wip += n;
  for (const [day, n] of finishes) if (day < from) wip -= n;
  return daysOf(from, to).map((day) => {
    wip += (starts.get(day) ?? 0) - (finishes.get(day) ?? 0);
    return { day, count: wip };
  });
}

export interface FlowReport {
  /** The team's name; null for the whole department. */
  team: string | null;
  from: IsoDate;
  to: IsoDate;
  throughputPerWeek: WeekCount[];
  cycleTime: CycleTimeSummary;
  wipAtEnd: number;
  /** Ages at the end date of the items in progress then, largest first. */
  wipAges: number[];
}

/** The flow report of a period (the CLI's `report flow` and the dashboard's key figures). */
export function flowReport(team: string | null, flows: Iterable<Pick<CaseFlow, 'start' | 'finish'>>, from: IsoDate, to: IsoDate): FlowReport {
  const finishes = new Map<IsoDate, number>();
  const cycleTimes: number[] = [];
  const wipAges: number[] = [];
  for (const f of flows) {
    if (f.finish !== null && f.finish >= from && f.finish <= to) {
      finishes.set(f.finish, (finishes.get(f.finish) ?? 0) + 1);
      cycleTimes.push(cycleTime(f.start ?? f.finish, f.finish));
    }
    if (isWipOn(f, to)) wipAges.push(age(f.start!, to));
  }
  wipAges.sort((a, b) => b - a);
  return {
    team,
    from,
    to,
    throughputPerWeek: throughputPerWeek(finishes, from, to),
    cycleTime: summarizeCycleTimes(cycleTimes),
    wipAtEnd: wipAges.length,
    wipAges,
  };
}

// ---------------------------------------------------------------------------------------------
// Monte Carlo forecasts: each run replays the future day by day with a daily throughput drawn at
// random (with replacement) from the team's real daily throughput of the sample window.

export const MONTE_CARLO_RUNS = 10_000;
/** The sample window: the 12 weeks (84 whole days) before today. */
export const SAMPLE_WEEKS = 12;
/** A "when" forecast gives up after this many days (and says so) rather than run forever. */
export const FORECAST_HORIZON_DAYS = 3 * 365;

/** The days throughput is sampled from: the 84 whole days that end yesterday. */
export function sampleWindow(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addDays(today, -SAMPLE_WEEKS * 7), to: addDays(today, -1) };
}

export interface HowManyForecast {
  /** Days forecast: today through the target date, both included. */
  days: number;
  /** At least this many items are finished in 50 / 85 / 95 % of the runs. */
  p50: number;
  p85: number;
  p95: number;
}

/**
 * "How many items will be done by date D?" Today counts as a forecast day, since today's
 * throughput is not in the sample. The 85 % answer is the number reached or beaten in 85 % of
 * the runs: a lower number than the 50 % answer, because more certainty means promising less.
 */
export function forecastHowMany(
  dailySamples: readonly number[],
  today: IsoDate,
  target: IsoDate,
  options: { runs?: number; seed?: number } = {},
): HowManyForecast {
  const runs = options.runs ?? MONTE_CARLO_RUNS;
  const days = Math.max(0, daysBetween(today, target) + 1);
  if (dailySamples.length === 0) return { days, p50: 0, p85: 0, p95: 0 };
  const random = createRandom(options.seed ?? 1);
  const n = dailySamples.length;
  const totals = new Float64Array(runs);
  for (let r = 0; r < runs; r++) {
    let total = 0;
    for (let d = 0; d < days; d++) total += dailySamples[Math.floor(random.next() * n)]!;
    totals[r] = total;
  }
  totals.sort();
  // "At least x in p % of runs": the (1 − p)-quantile from below, by nearest rank.
  const atLeast = (p: number) => totals[Math.max(1, Math.ceil(((100 - p) / 100) * runs)) - 1]!;
  return { days, p50: atLeast(50), p85: atLeast(85), p95: atLeast(95) };
}

export interface WhenForecast {
  items: number;
  /** All N items are done on or before this date in 50 / 85 / 95 % of the runs; null when beyond the horizon. */
  p50: IsoDate | null;
  p85: IsoDate | null;
  p95: IsoDate | null;
}

/**
 * "When will N items be done?" The 85 % date is the date by which N items are finished in 85 %
 * of the runs: a later date than the 50 % answer.
 */
export function forecastWhen(
  dailySamples: readonly number[],
  today: IsoDate,
  items: number,
  options: { runs?: number; seed?: number } = {},
): WhenForecast {
  const runs = options.runs ?? MONTE_CARLO_RUNS;
  if (items <= 0) return { items, p50: today, p85: today, p95: today };
  if (dailySamples.length === 0 || dailySamples.every((s) => s <= 0)) return { items, p50: null, p85: null, p95: null };
  const random = createRandom(options.seed ?? 1);
  const n = dailySamples.length;
  const daysNeeded = new Float64Array(runs);
  for (let r = 0; r < runs; r++) {
    let done = 0;
    let d = 0;
    while (done < items && d < FORECAST_HORIZON_DAYS) {
      done += dailySamples[Math.floor(random.next() * n)]!;
      d++;
    }
    daysNeeded[r] = done >= items ? d : Number.POSITIVE_INFINITY;
  }
  daysNeeded.sort();
  const by = (p: number): IsoDate | null => {
    const d = daysNeeded[Math.max(1, Math.ceil((p / 100) * runs)) - 1]!;
    // d forecast days counting today: the last of them is today + d − 1.
    return Number.isFinite(d) ? addDays(today, d - 1) : null;
  };
  return { items, p50: by(50), p85: by(85), p95: by(95) };
}

// ---------------------------------------------------------------------------------------------
// Cumulative flow: for each column, how many items had reached it or a column further right by
// the end of each day. The bands between the lines are the items in each column, and the lines
// never cross even when a case is sent back.

export interface CfdPoint {
  day: IsoDate;
  /** Column id → items that had reached that column or a later one, minus those done before the period. */
  [columnId: string]: number | string;
}

/**
 * Per case, the first day it reached each column or one to the right of it (what the store's
 * flow_reached table holds), replayed from events; `columns` are one board's columns.
 */
export function columnReach(
  events: readonly FlowEvent[],
  columns: readonly { id: number; position: number }[],
): Map<number, Map<number, IsoDate>> {
  const positionOf = new Map(columns.map((c) => [c.id, c.position]));
  const reach = new Map<number, Map<number, IsoDate>>();
  for (const e of events) {
    if (!isColumnEvent(e) || !/^\d+$/.test(e.to!)) continue;
    const position = positionOf.get(Number(e.to));
    if (position === undefined) continue;
    const day = eventDay(e.at);
    let byColumn = reach.get(e.caseId);
    if (!byColumn) reach.set(e.caseId, (byColumn = new Map()));
    for (const c of columns) {
      if (c.position > position) continue;
      const known = byColumn.get(c.id);
      if (known === undefined || day < known) byColumn.set(c.id, day);
    }
  }
  return reach;
}

/** Column → day → how many cases reached it that day: the input of cumulativeFlow(). */
export function reachCounts(reach: ReadonlyMap<number, ReadonlyMap<number, IsoDate>>): Map<number, Map<IsoDate, number>> {
  const counts = new Map<number, Map<IsoDate, number>>();
  for (const byColumn of reach.values()) {
    for (const [columnId, day] of byColumn) {
      let perDay = counts.get(columnId);
      if (!perDay) counts.set(columnId, (perDay = new Map()));
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * `reached` holds, per column (in board order), the number of items that first reached the column
 * (or a later one) on each day, over all history. Items already done before the period are taken
 * off every line so the done band starts at zero and the active bands stay readable.
 */
export function cumulativeFlow(
  columnIds: readonly number[],
  reached: ReadonlyMap<number, ReadonlyMap<IsoDate, number>>,
  from: IsoDate,
  to: IsoDate,
): CfdPoint[] {
  const running = columnIds.map((id) => {
    let before = 0;
    for (const [day, n] of reached.get(id) ?? []) if (day < from) before += n;
    return before;
  });
  const baseline = running[running.length - 1] ?? 0;
  return daysOf(from, to).map((day) => {
    const point: CfdPoint = { day };
    columnIds.forEach((id, i) => {
      running[i]! += reached.get(id)?.get(day) ?? 0;
      point[String(id)] = running[i]! - baseline;
    });
    return point;
  });
}

/** One board column, as the department's cumulative flow needs it. */
export interface BoardColumnRef {
  id: number;
  name: string;
  kind: ColumnKind;
  position: number;
}

/** How the department's cumulative flow groups the teams' columns (docs/flow.md "Hele afdelingen"). */
export interface DepartmentColumns {
  /** 'name' when every board has the same column names in the same order, else 'kind'. */
  by: 'name' | 'kind';
  /** The department's bands, left to right. */
  groups: { name: string; kind: ColumnKind }[];
  /**
   * Per board (in the order given), per group: the board's column whose line (reached that column
   * or one to its right) is the group's line on that board; null when the board has no such column.
   */
  lines: (number | null)[][];
  /** Column id → group index, for every column of every board. */
  groupOf: Map<number, number>;
}

const KIND_NAMES: Record<ColumnKind, string> = { queue: 'Kø', active: 'I gang', done: 'Afsluttet' };

/**
 * Groups the boards' columns for the department: by name when every board has the same column
 * names in the same order; otherwise by kind (queue, active, done, in that order), where a board's
 * line for a kind is its first column of that kind or a later kind.
 */
export function departmentColumns(boards: readonly (readonly BoardColumnRef[])[]): DepartmentColumns {
  const sorted = boards.map((b) => [...b].sort((x, y) => x.position - y.position || x.id - y.id));
  const first = sorted[0] ?? [];
  const sameNames = sorted.every((b) => b.length === first.length && b.every((c, i) => c.name === first[i]!.name));
  const groupOf = new Map<number, number>();
  if (sameNames) {
    for (const b of sorted) b.forEach((c, i) => groupOf.set(c.id, i));
    return { by: 'name', groups: first.map((c) => ({ name: c.name, kind: c.kind })), lines: sorted.map((b) => b.map((c) => c.id)), groupOf };
  }
  const kinds = COLUMN_KINDS.filter((k) => sorted.some((b) => b.some((c) => c.kind === k)));
  for (const b of sorted) for (const c of b) groupOf.set(c.id, kinds.indexOf(c.kind));
  return {
    by: 'kind',
    groups: kinds.map((k) => ({ name: KIND_NAMES[k], kind: k })),
    lines: sorted.map((b) => kinds.map((_, g) => b.find((c) => groupOf.get(c.id)! >= g)?.id ?? null)),
    groupOf,
  };
}

/**
 * The department's cumulative flow: each board's own cumulative flow over its group lines
 * (cumulativeFlow), summed day by day; the keys are the group numbers 1, 2, ... (group index + 1).
 */
export function departmentCumulativeFlow(
  grouping: DepartmentColumns,
  reachedPerBoard: readonly ReadonlyMap<number, ReadonlyMap<IsoDate, number>>[],
  from: IsoDate,
  to: IsoDate,
): CfdPoint[] {
  const days = daysOf(from, to);
  const total: CfdPoint[] = days.map((day) => {
    const point: CfdPoint = { day };
    grouping.groups.forEach((_, g) => { point[String(g + 1)] = 0; });
    return point;
  });
  grouping.lines.forEach((line, b) => {
    const present = line.map((id, g) => ({ id, g })).filter((x): x is { id: number; g: number } => x.id !== null);
    const own = cumulativeFlow(present.map((x) => x.id), reachedPerBoard[b] ?? new Map(), from, to);
    own.forEach((point, d) => {
      for (const { id, g } of present) total[d]![String(g + 1)] = (total[d]![String(g + 1)] as number) + (point[String(id)] as number);
    });
  });
  return total;
}

/** Weeks start on Monday: the week of `day` and the one before, for the weekly review. */
export function reviewWeek(day: IsoDate): { weekStart: IsoDate; weekEnd: IsoDate; previousWeekStart: IsoDate } {
  const weekStart = mondayOf(day);
  return { weekStart, weekEnd: addDays(weekStart, 6), previousWeekStart: addDays(weekStart, -7) };
}

// ---------------------------------------------------------------------------------------------
// Caseload: the one definition (docs/flow.md "Caseload"). Sagstal, the plan KPI, the wall and the
// weekly review all compute it here from the same held-case counts, so they show the same figure:
// the weighted caseload, with the unweighted count of cases beside it.

/** A legal deadline is at risk when it has passed or falls within this many days. */
export const DEADLINE_RISK_DAYS = 14;
/** A caseload above this share of the norm is an outlier on the weekly review. */
export const CASELOAD_OVER_NORM = 1.1;
/** A caseload below this share of the norm is under it. */
export const CASELOAD_UNDER_NORM = 0.8;

export function deadlineAtRisk(deadline: IsoDate | null, today: IsoDate): boolean {
  return deadline !== null && daysBetween(today, deadline) <= DEADLINE_RISK_DAYS;
}

/** A caseload is given to one decimal; a team's is the sum of its caseworkers' (so the parts add up). */
const tenths = (n: number) => Math.round(n * 10) / 10;

/** Weighted caseload: each case counts the weight of its paragraph (1 when none is set). */
export function weightedCaseload(paragraphCounts: ReadonlyMap<string, number>, weights: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const [paragraph, count] of paragraphCounts) total += count * (weights.get(paragraph) ?? 1);
  return tenths(total);
}

export type CaseloadStatus = 'under' | 'within' | 'over' | 'no_norm';

/** Within the norm up to 110 % of it; under below 80 %. */
export function caseloadStatus(load: number, norm: number | null): CaseloadStatus {
  if (norm === null || norm <= 0) return 'no_norm';
  if (load > norm * CASELOAD_OVER_NORM) return 'over';
  if (load < norm * CASELOAD_UNDER_NORM) return 'under';
  return 'within';
}

/** Held cases of a team counted per caseworker (null: nobody) and paragraph, as the store reads them. */
export interface HeldCount {
  assigneeId: number | null;
  paragraph: string;
  count: number;
}

/** Someone who may hold a team's cases. `member`: the team is their own, so their norm is the team's. */
export interface CaseloadPerson {
  id: number;
  norm: number | null;
  member: boolean;
}

export interface PersonCaseload {
  personId: number;
  norm: number | null;
  /** The caseload: Σ held cases × their paragraph's weight. */
  weighted: number;
  /** The same cases counted one each (shown beside the weighted figure, labelled unweighted). */
  cases: number;
  status: CaseloadStatus;
  byParagraph: { paragraph: string; count: number }[];
}

/** A team's (or the department's) caseload in one line. */
export interface CaseloadTotals {
  /** Σ of the caseworkers' weighted caseloads. */
  weighted: number;
  /** Σ of their held cases, unweighted. */
  cases: number;
  /** Held cases nobody holds yet (counted, not in anyone's caseload). */
  unassigned: number;
  /** Σ of the norms of the team's own caseworkers with a norm. */
  norm: number;
  /** Σ of those caseworkers' weighted caseloads: what the norm is held against. */
  normedWeighted: number;
  /** Their held cases, unweighted. */
  normedCases: number;
  /** normedWeighted ÷ norm × 100; null without a norm. The plan KPI "caseload_vs_norm". */
  percentOfNorm: number | null;
  caseworkers: number;
  overNorm: number;
}

/** The weighted caseload against a norm, in per cent; null without a norm. */
export function percentOfNorm(weighted: number, norm: number | null): number | null {
  return norm === null || norm <= 0 ? null : (100 * weighted) / norm;
}

/** The caseload of every person in `people` and the team's totals, from the team's held cases. */
export function teamCaseload(
  held: readonly HeldCount[],
  people: readonly CaseloadPerson[],
  weights: ReadonlyMap<string, number>,
): { people: PersonCaseload[]; totals: CaseloadTotals } {
  const byPerson = new Map<number, Map<string, number>>();
  let unassigned = 0;
  for (const h of held) {
    if (h.assigneeId === null) {
      unassigned += h.count;
      continue;
    }
    const counts = byPerson.get(h.assigneeId) ?? new Map<string, number>();
    counts.set(h.paragraph, (counts.get(h.paragraph) ?? 0) + h.count);
    byPerson.set(h.assigneeId, counts);
  }
  const rows = people.map((p): PersonCaseload & { member: boolean } => {
    const counts = byPerson.get(p.id) ?? new Map<string, number>();
    const weighted = weightedCaseload(counts, weights);
    return {
      personId: p.id,
      norm: p.norm,
      weighted,
      cases: [...counts.values()].reduce((a, b) => a + b, 0),
      status: caseloadStatus(weighted, p.norm),
      byParagraph: [...counts].map(([paragraph, count]) => ({ paragraph, count })).sort((a, b) => b.count - a.count || a.paragraph.localeCompare(b.paragraph)),
      member: p.member,
    };
  });
  const normed = rows.filter((r) => r.member && r.norm !== null && r.norm > 0);
  const norm = normed.reduce((a, r) => a + r.norm!, 0);
  const normedWeighted = tenths(normed.reduce((a, r) => a + r.weighted, 0));
  const normedCases = normed.reduce((a, r) => a + r.cases, 0);
  return {
    people: rows.map(({ member: _, ...r }) => r),
    totals: {
      weighted: tenths(rows.reduce((a, r) => a + r.weighted, 0)),
      cases: rows.reduce((a, r) => a + r.cases, 0),
      unassigned,
      norm,
      normedWeighted,
      normedCases,
      percentOfNorm: percentOfNorm(normedWeighted, norm),
      caseworkers: rows.length,
      overNorm: rows.filter((r) => r.status === 'over').length,
    },
  };
}

/** The department's line: the teams' lines added up, the norm share recomputed from the sums. */
export function sumCaseloadTotals(teams: readonly CaseloadTotals[]): CaseloadTotals {
  const sum = (pick: (t: CaseloadTotals) => number) => teams.reduce((a, t) => a + pick(t), 0);
  const norm = sum((t) => t.norm);
  const normedWeighted = tenths(sum((t) => t.normedWeighted));
  return {
    weighted: tenths(sum((t) => t.weighted)),
    cases: sum((t) => t.cases),
    unassigned: sum((t) => t.unassigned),
    norm,
    normedWeighted,
    normedCases: sum((t) => t.normedCases),
    percentOfNorm: percentOfNorm(normedWeighted, norm),
    caseworkers: sum((t) => t.caseworkers),
    overNorm: sum((t) => t.overNorm),
  };
}

export interface BottomLineChange {
  teamId: number;
  team: string;
  now: number;
  weekAgo: number | null;
  /** now − a week ago; null when the team had no figure a week ago. */
  change: number | null;
}

/** Each team's bottom line now against a week ago, for the weekly review. */
export function bottomLineChanges(
  now: readonly { teamId: number; team: string; bottomLine: number }[],
  weekAgo: readonly { teamId: number; bottomLine: number }[],
): BottomLineChange[] {
  const before = new Map(weekAgo.map((t) => [t.teamId, t.bottomLine]));
  return now.map((t) => {
    const previous = before.get(t.teamId) ?? null;
    return {
      teamId: t.teamId,
      team: t.team,
      now: t.bottomLine,
      weekAgo: previous,
      change: previous === null ? null : Math.round((t.bottomLine - previous) * 100) / 100,
    };
  });
}
