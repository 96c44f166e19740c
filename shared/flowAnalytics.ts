// The flow analytics of issue 18 beside the flow metrics of shared/flow.ts: blocker clusters,
// flow efficiency, ageing against the pace of each column, the cycle-time heat map, service-level
// expectations in working days and forecasts that say when they are unreliable. Pure functions
// over per-case facts the store hands over; days are ISO dates (UTC event days).
import type { WorkingCalendar } from './calendar';
import { addDays, daysBetween, mondayOf, toDayNumber } from './dates';
import type { IsoDate } from './domain';
import { cycleTime, FORECAST_HORIZON_DAYS, isColumnEvent, eventDay, MONTE_CARLO_RUNS, percentile, type FlowEvent } from './flow';
import { createRandom } from './random';

// ---------------------------------------------------------------------------------------------
// Blocker categories and clusters.

export interface BlockerCategory {
  id: number;
  name: string;
  /** Lower-case words that suggest the category for a reason (the leaders keep them). */
  keywords: string[];
  active: boolean;
}

/** Category suggestions work on lower-case text without surrounding space. */
export const normalizeReason = (reason: string): string => reason.trim().toLocaleLowerCase('da').replace(/\s+/g, ' ');

/**
 * The category to suggest for a block reason: the category earlier blocks with the same reason got
 * most often (ties: the lower category id); else the active category with most keywords found in the
 * reason (ties: the longer keyword, then the lower id); else null.
 */
export function suggestCategory(
  reason: string | null,
  earlier: readonly { reason: string | null; categoryId: number | null }[],
  categories: readonly BlockerCategory[],
): number | null {
  if (!reason) return null;
  const key = normalizeReason(reason);
  const active = new Set(categories.filter((c) => c.active).map((c) => c.id));
  const votes = new Map<number, number>();
  for (const e of earlier) {
    if (e.categoryId === null || e.reason === null || !active.has(e.categoryId) || normalizeReason(e.reason) !== key) continue;
    votes.set(e.categoryId, (votes.get(e.categoryId) ?? 0) + 1);
  }
  if (votes.size > 0) return [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  let best: { id: number; hits: number; longest: number } | null = null;
  for (const c of categories) {
    if (!c.active) continue;
    const found = c.keywords.filter((k) => k.length > 0 && key.includes(k));
    if (found.length === 0) continue;
    const candidate = { id: c.id, hits: found.length, longest: Math.max(...found.map((k) => k.length)) };
    if (!best || candidate.hits > best.hits || (candidate.hits === best.hits && (candidate.longest > best.longest || (candidate.longest === best.longest && candidate.id < best.id)))) {
      best = candidate;
    }
  }
  return best?.id ?? null;
}

export interface BlockRecord {
  blockId: number;
  caseId: number;
  reason: string | null;
  /** The category a person chose; null when nobody has. */
  categoryId: number | null;
  from: IsoDate;
  to: IsoDate | null;
}

export interface WeekFlowCount {
  weekStart: IsoDate;
  new: number;
  resolved: number;
}

export interface BlockerCluster {
  /** null: no category chosen or suggested. */
  categoryId: number | null;
  /** Blocked periods that overlap the period. */
  count: number;
  /** Of them, counted here by the suggested category because nobody chose one. */
  suggested: number;
  /** Elapsed days blocked inside the period (open periods run to its end). */
  blockedDays: number;
  /** Percentiles of the periods' whole length in elapsed days (open ones to the end of the period). */
  p50: number | null;
  p85: number | null;
  p95: number | null;
  /** Still blocked at the end of the period. */
  open: number;
  weeks: WeekFlowCount[];
}

const elapsed = (from: IsoDate, to: IsoDate) => Math.max(0, daysBetween(from, to));

/**
 * Blocked periods clustered by category over [from, to]: the chosen category, else the suggested
 * one. Per cluster the days blocked inside the period, the count, the 50/85/95th percentiles of the
 * periods' lengths and, per week (Monday), how many periods began and how many ended.
 */
export function blockerClusters(
  blocks: readonly BlockRecord[],
  suggestionOf: (block: BlockRecord) => number | null,
  from: IsoDate,
  to: IsoDate,
): BlockerCluster[] {
  const weeks: IsoDate[] = [];
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) weeks.push(monday);
  const clusters = new Map<number | null, { c: BlockerCluster; lengths: number[] }>();
  for (const b of blocks) {
    if (b.from > to || (b.to !== null && b.to < from)) continue;
    const suggested = b.categoryId === null ? suggestionOf(b) : null;
    const categoryId = b.categoryId ?? suggested;
    let entry = clusters.get(categoryId);
    if (!entry) {
      entry = { c: { categoryId, count: 0, suggested: 0, blockedDays: 0, p50: null, p85: null, p95: null, open: 0, weeks: weeks.map((w) => ({ weekStart: w, new: 0, resolved: 0 })) }, lengths: [] };
      clusters.set(categoryId, entry);
    }
    const { c } = entry;
    c.count++;
    if (b.categoryId === null && suggested !== null) c.suggested++;
    const end = b.to === null || b.to > to ? to : b.to;
    c.blockedDays += elapsed(b.from < from ? from : b.from, end);
    entry.lengths.push(elapsed(b.from, end));
    if (b.to === null || b.to > to) c.open++;
    if (b.from >= from) c.weeks[Math.floor(daysBetween(weeks[0]!, b.from) / 7)]!.new++;
    if (b.to !== null && b.to >= from && b.to <= to) c.weeks[Math.floor(daysBetween(weeks[0]!, b.to) / 7)]!.resolved++;
  }
  return [...clusters.values()]
    .map(({ c, lengths }) => ({ ...c, p50: percentile(lengths, 50), p85: percentile(lengths, 85), p95: percentile(lengths, 95) }))
    .sort((a, b) => b.blockedDays - a.blockedDays || b.count - a.count);
}

// ---------------------------------------------------------------------------------------------
// Where a case was when: its stays in columns, replayed from its column events.

export interface ColumnStay {
  columnId: number;
  from: IsoDate;
  /** The day it left; null while it is still there. */
  to: IsoDate | null;
}

/** A case's stays in columns, in time order, from its events (any order); other events are ignored. */
export function columnStays(events: readonly FlowEvent[]): ColumnStay[] {
  const sorted = [...events].filter((e) => isColumnEvent(e) && /^\d+$/.test(e.to!)).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const stays: ColumnStay[] = [];
  for (const e of sorted) {
    const columnId = Number(e.to);
    const day = eventDay(e.at);
    const last = stays[stays.length - 1];
    if (last && last.columnId === columnId) continue;
    if (last) last.to = day;
    stays.push({ columnId, from: day, to: null });
  }
  return stays;
}

/** The column a case was in at the end of `day`, from its stays; null before it arrived. */
export function columnOn(stays: readonly ColumnStay[], day: IsoDate): number | null {
  let column: number | null = null;
  for (const s of stays) if (s.from <= day) column = s.columnId;
  return column;
}

// ---------------------------------------------------------------------------------------------
// Flow efficiency: time in work columns, not blocked, against the whole time from arrival to finish.

export interface EfficiencyFacts {
  /** Elapsed days in work columns and not blocked. */
  workDays: number;
  /** Elapsed days from the first day on the board to the finish (or the end date). */
  totalDays: number;
  /** workDays ÷ totalDays; null when no day has elapsed. */
  efficiency: number | null;
}

/** Overlap in days of [a1, a2) and [b1, b2) (day numbers). */
const overlap = (a1: number, a2: number, b1: number, b2: number) => Math.max(0, Math.min(a2, b2) - Math.max(a1, b1));

/**
 * Flow efficiency of one case up to `end` (its finish, or the end of the period for a case still in
 * progress): the days it spent in a work column while not blocked ÷ all its days. Days are elapsed
 * days (in Monday, out Wednesday = 2), as for blocked time.
 */
export function flowEfficiency(
  stays: readonly ColumnStay[],
  blocks: readonly { from: IsoDate; to: IsoDate | null }[],
  isWork: (columnId: number) => boolean,
  end: IsoDate,
): EfficiencyFacts {
  if (stays.length === 0) return { workDays: 0, totalDays: 0, efficiency: null };
  const endN = toDayNumber(end);
  const startN = toDayNumber(stays[0]!.from);
  const totalDays = Math.max(0, endN - startN);
  const blocked = blocks.map((b) => [toDayNumber(b.from), b.to === null ? endN : Math.min(endN, toDayNumber(b.to))] as const);
  let workDays = 0;
  for (const s of stays) {
    if (!isWork(s.columnId)) continue;
    const a = toDayNumber(s.from);
    const b = Math.min(endN, s.to === null ? endN : toDayNumber(s.to));
    if (b <= a) continue;
    let days = b - a;
    // Blocked periods of one case do not overlap one another (a block opens only when none is open).
    for (const [x, y] of blocked) days -= overlap(a, b, x, y);
    workDays += Math.max(0, days);
  }
  return { workDays, totalDays, efficiency: totalDays === 0 ? null : workDays / totalDays };
}

export interface EfficiencyWeek {
  weekStart: IsoDate;
  finished: number;
  workDays: number;
  totalDays: number;
  /** Σ work days ÷ Σ days of the cases finished in the week; null when none had a day. */
  efficiency: number | null;
}

/** Flow efficiency of the cases finished in each week of the period (Σ work ÷ Σ total). */
export function efficiencyPerWeek(items: readonly { finish: IsoDate; facts: EfficiencyFacts }[], from: IsoDate, to: IsoDate): EfficiencyWeek[] {
  const weeks: EfficiencyWeek[] = [];
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) {
    weeks.push({ weekStart: monday, finished: 0, workDays: 0, totalDays: 0, efficiency: null });
  }
  for (const item of items) {
    if (item.finish < from || item.finish > to) continue;
    const w = weeks[Math.floor(daysBetween(weeks[0]!.weekStart, item.finish) / 7)]!;
    w.finished++;
    w.workDays += item.facts.workDays;
    w.totalDays += item.facts.totalDays;
  }
  for (const w of weeks) w.efficiency = w.totalDays === 0 ? null : w.workDays / w.totalDays;
  return weeks;
}

/** Σ work ÷ Σ total over items; null when no item had a day. */
export function totalEfficiency(items: readonly EfficiencyFacts[]): number | null {
  const total = items.reduce((a, f) => a + f.totalDays, 0);
  return total === 0 ? null : items.reduce((a, f) => a + f.workDays, 0) / total;
}

// ---------------------------------------------------------------------------------------------
// Ageing against pace: each item in progress against how old the team's finished items were when
// they left the column the item is in.

export interface ColumnPace {
  columnId: number;
  /** Finished items of the sample that passed through the column. */
  count: number;
  p50: number | null;
  p70: number | null;
  p85: number | null;
  p95: number | null;
}

/** Band of an item's age against its column's pace: under 50 %, 50–70, 70–85, 85–95, above 95 %. */
export type PaceBand = 'unknown' | 'below50' | 'p50' | 'p70' | 'p85' | 'p95';

/**
 * For each column, the percentiles of the age (days since start, start day = 1) finished items had
 * when they last left it: the pace the team usually moves at through each column.
 */
export function columnPaces(finished: readonly { start: IsoDate; stays: readonly ColumnStay[] }[], columnIds: readonly number[]): ColumnPace[] {
  const ages = new Map<number, number[]>(columnIds.map((id) => [id, []]));
  for (const item of finished) {
    const lastExit = new Map<number, IsoDate>();
    for (const s of item.stays) if (s.to !== null && s.to >= item.start) lastExit.set(s.columnId, s.to);
    for (const [columnId, exit] of lastExit) ages.get(columnId)?.push(cycleTime(item.start, exit));
  }
  return columnIds.map((columnId) => {
    const list = ages.get(columnId)!;
    return { columnId, count: list.length, p50: percentile(list, 50), p70: percentile(list, 70), p85: percentile(list, 85), p95: percentile(list, 95) };
  });
}

export function paceBand(age: number, pace: ColumnPace | undefined): PaceBand {
  if (!pace || pace.p50 === null) return 'unknown';
  if (age > pace.p95!) return 'p95';
  if (age > pace.p85!) return 'p85';
  if (age > pace.p70!) return 'p70';
  if (age > pace.p50) return 'p50';
  return 'below50';
}

// ---------------------------------------------------------------------------------------------
// Cycle-time heat map: percentiles of finished items' cycle times per pair of keys.

export interface HeatCell {
  row: string;
  column: string;
  count: number;
  p50: number | null;
  p85: number | null;
}

export function heatMap<T>(items: readonly T[], rowOf: (item: T) => string, columnOf: (item: T) => string, valueOf: (item: T) => number): HeatCell[] {
  const cells = new Map<string, { row: string; column: string; values: number[] }>();
  for (const item of items) {
    const row = rowOf(item);
    const column = columnOf(item);
    const key = `${row}\u0000${column}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { row, column, values: [] }));
    cell.values.push(valueOf(item));
  }
  return [...cells.values()].map((c) => ({ row: c.row, column: c.column, count: c.values.length, p50: percentile(c.values, 50), p85: percentile(c.values, 85) }));
}

// ---------------------------------------------------------------------------------------------
// Service-level expectations per column, in working days.

export interface ServiceLevelStatus {
  /** Working days in the column so far (entered Monday, read Wednesday = 2). */
  workingDays: number;
  limit: number;
  over: boolean;
}

/** A card past its column's expectation: more working days there than the leaders set. */
export function serviceLevelStatus(entered: IsoDate, today: IsoDate, limit: number | null, calendar: WorkingCalendar): ServiceLevelStatus | null {
  if (limit === null) return null;
  const workingDays = calendar.workingDaysBetween(entered, today);
  return { workingDays, limit, over: workingDays > limit };
}

// ---------------------------------------------------------------------------------------------
// Forecasts that say when they are unreliable.

export interface StabilityCheck {
  stable: boolean;
  /** Keys of the reasons found, for the UI to translate: few_items, zero_weeks, shift, variable. */
  reasons: ('few_items' | 'zero_weeks' | 'shift' | 'variable')[];
  weeks: number[];
  total: number;
  /** Mean per week of the first and the second half of the sample. */
  firstHalfMean: number;
  secondHalfMean: number;
  /** Coefficient of variation of the weekly throughput (standard deviation ÷ mean). */
  variation: number | null;
}

/** Thresholds of the stability check (docs/flow.md). */
export const STABILITY = { minItems: 20, maxZeroWeeks: 2, maxShift: 0.35, maxVariation: 0.6 } as const;

/**
 * Before Monte Carlo: is the sample's throughput stable enough to sample from? Unstable when the
 * sample holds fewer than 20 finished items, more than 2 weeks finished nothing, the mean of its
 * second half differs from the first half's by more than 35 % of the overall mean, or the weekly
 * throughput varies by more than 60 % (coefficient of variation).
 */
export function throughputStability(weeklyCounts: readonly number[]): StabilityCheck {
  const total = weeklyCounts.reduce((a, b) => a + b, 0);
  const n = weeklyCounts.length;
  const mean = n === 0 ? 0 : total / n;
  const half = Math.floor(n / 2);
  const avg = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const firstHalfMean = avg(weeklyCounts.slice(0, half));
  const secondHalfMean = avg(weeklyCounts.slice(half));
  const variance = n === 0 ? 0 : weeklyCounts.reduce((a, x) => a + (x - mean) ** 2, 0) / n;
  const variation = mean === 0 ? null : Math.sqrt(variance) / mean;
  const reasons: StabilityCheck['reasons'] = [];
  if (total < STABILITY.minItems) reasons.push('few_items');
  if (weeklyCounts.filter((c) => c === 0).length > STABILITY.maxZeroWeeks) reasons.push('zero_weeks');
  if (mean > 0 && Math.abs(secondHalfMean - firstHalfMean) / mean > STABILITY.maxShift) reasons.push('shift');
  if (variation !== null && variation > STABILITY.maxVariation) reasons.push('variable');
  return { stable: reasons.length === 0, reasons, weeks: [...weeklyCounts], total, firstHalfMean, secondHalfMean, variation };
}

export interface SeasonalFactor {
  /** 1–12 for the months, 13 for the Christmas fortnight (20 December – 3 January). */
  period: number;
  /** Days of history in the period. */
  days: number;
  /** Mean daily throughput in the period ÷ mean daily throughput of all history; 1 without history. */
  factor: number;
}

/** 13: the Christmas fortnight, 20 December to 3 January, which a month's factor would smear out. */
export const CHRISTMAS = 13;
export const seasonOf = (day: IsoDate): number => {
  const md = day.slice(5);
  return md >= '12-20' || md <= '01-03' ? CHRISTMAS : Number(day.slice(5, 7));
};

/**
 * Seasonal factors from history: per month (and the Christmas fortnight apart), the mean daily
 * throughput against the mean of all days. A period with fewer than 28 days of history keeps 1.
 */
export function seasonalFactors(daily: readonly { day: IsoDate; count: number }[]): SeasonalFactor[] {
  const total = daily.reduce((a, d) => a + d.count, 0);
  const overall = daily.length === 0 ? 0 : total / daily.length;
  const sums = new Map<number, { days: number; count: number }>();
  for (const d of daily) {
    const s = seasonOf(d.day);
    const e = sums.get(s) ?? { days: 0, count: 0 };
    e.days++;
    e.count += d.count;
    sums.set(s, e);
  }
  return Array.from({ length: 13 }, (_, i) => {
    const period = i + 1;
    const e = sums.get(period);
    const factor = !e || e.days < 28 || overall === 0 ? 1 : e.count / e.days / overall;
    return { period, days: e?.days ?? 0, factor };
  });
}

export interface PositionForecast {
  /** 1 for the first item in the pull list. */
  position: number;
  /** Items to finish before this one is done: the work in progress plus the items ahead of it, plus itself. */
  itemsToFinish: number;
  p50: IsoDate | null;
  p85: IsoDate | null;
}

/**
 * "When will these N items be done", in pull-list order: the item at position k is done when the
 * work in progress and the k items up to it are finished. Each run draws a day's throughput from the
 * sample and scales it by the day's seasonal factor against the sample window's own (so a July
 * forecast from a spring sample slows down). Dates by which that many are done in 50 / 85 % of runs.
 */
export function forecastPositions(
  dailySamples: readonly number[],
  today: IsoDate,
  wip: number,
  positions: number,
  options: { runs?: number; seed?: number; factorOf?: (day: IsoDate) => number; sampleFactor?: number } = {},
): PositionForecast[] {
  const runs = options.runs ?? MONTE_CARLO_RUNS;
  const targets = Array.from({ length: positions }, (_, i) => wip + i + 1);
  const empty = targets.map((n, i) => ({ position: i + 1, itemsToFinish: n, p50: null, p85: null }));
  if (positions === 0 || dailySamples.length === 0 || dailySamples.every((s) => s <= 0)) return empty;
  const random = createRandom(options.seed ?? 1);
  const factorOf = options.factorOf ?? (() => 1);
  const base = options.sampleFactor && options.sampleFactor > 0 ? options.sampleFactor : 1;
  const horizon = Math.min(FORECAST_HORIZON_DAYS, 3 * 365);
  const factors = Array.from({ length: horizon }, (_, d) => factorOf(addDays(today, d)) / base);
  const max = targets[targets.length - 1]!;
  // days[t][r]: forecast days run r needed to finish targets[t] items.
  const days = targets.map(() => new Float64Array(runs).fill(Number.POSITIVE_INFINITY));
  const n = dailySamples.length;
  for (let r = 0; r < runs; r++) {
    let done = 0;
    let t = 0;
    for (let d = 0; d < horizon && t < targets.length; d++) {
      done += dailySamples[Math.floor(random.next() * n)]! * factors[d]!;
      while (t < targets.length && done >= targets[t]!) days[t++]![r] = d + 1;
      if (done >= max) break;
    }
  }
  return targets.map((items, i) => {
    const sorted = days[i]!.sort();
    const by = (p: number) => {
      const d = sorted[Math.max(1, Math.ceil((p / 100) * runs)) - 1]!;
      return Number.isFinite(d) ? addDays(today, d - 1) : null;
    };
    return { position: i + 1, itemsToFinish: items, p50: by(50), p85: by(85) };
  });
}
