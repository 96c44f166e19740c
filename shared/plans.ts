// Strategic action plans (strategiske handleplaner) at team-leader level: goals, actions and KPIs.
// KPIs are never typed in: each is a definition from the catalogue below with parameters, and the
// service computes its value from the store as of a date (docs/plans.md gives each definition).
import { z } from 'zod';
import { daysBetween } from './dates';
import type { IsoDate } from './domain';
import { formatKroner, formatNumber, formatParagraph } from './format';
import { paragraph } from './api/schemas';

export const ACTION_STATUSES = ['not_started', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const DIRECTIONS = ['higher', 'lower'] as const;
/** Whether a higher or a lower value is better. */
export type Direction = (typeof DIRECTIONS)[number];

export const KPI_KINDS = [
  'new_grants', 'internal_share', 'median_decision_days', 'bottom_line', 'caseload_vs_norm', 'overdue_follow_ups',
  'throughput_per_week',
] as const;
export type KpiKind = (typeof KPI_KINDS)[number];

export type KpiUnit = 'count' | 'percent' | 'days' | 'kroner' | 'per_week';

export interface KpiParamDef {
  key: 'paragraph' | 'days' | 'weeks';
  label: string;
  /** Paragraph parameters are optional where "all paragraphs" makes sense. */
  optional: boolean;
  defaultValue: string | number | null;
}

export interface KpiDefinition {
  kind: KpiKind;
  label: string;
  description: string;
  unit: KpiUnit;
  /** The direction a leader usually wants (the form's default). */
  defaultDirection: Direction;
  params: KpiParamDef[];
}

const days = (def: number): KpiParamDef => ({ key: 'days', label: 'Periode (dage bagud)', optional: false, defaultValue: def });

/** The catalogue. Every value is computed as of a day: the plan's start (baseline) and today (current). */
export const KPI_CATALOGUE: readonly KpiDefinition[] = [
  {
    kind: 'new_grants',
    label: 'Nye bevillinger efter paragraf',
    description: 'Antal bevillinger efter paragraffen på teamets sager med startdato i perioden, der slutter på opgørelsesdagen.',
    unit: 'count',
    defaultDirection: 'lower',
    params: [{ key: 'paragraph', label: 'Paragraf', optional: false, defaultValue: '107' }, days(365)],
  },
  {
    kind: 'internal_share',
    label: 'Andel af bevillinger til interne leverandører',
    description: 'Andel af teamets løbende bevillinger på opgørelsesdagen, hvor leverandøren er intern (internt før eksternt).',
    unit: 'percent',
    defaultDirection: 'higher',
    params: [{ key: 'paragraph', label: 'Paragraf (tom: alle)', optional: true, defaultValue: null }],
  },
  {
    kind: 'median_decision_days',
    label: 'Median dage fra modtagelse til afgørelse',
    description: 'Median af dage fra modtagelsesdato til afgørelse for sager afgjort i perioden. Afgørelse er første dag i en færdig-kolonne eller hændelsen "afgjort", hvad der kom først.',
    unit: 'days',
    defaultDirection: 'lower',
    params: [{ key: 'paragraph', label: 'Paragraf (tom: alle)', optional: true, defaultValue: null }, days(90)],
  },
  {
    kind: 'bottom_line',
    label: 'Bundlinje (budget minus prognose)',
    description: 'Teamets bundlinje i opgørelsesdagens år fra økonomimodulet: budget minus forbrugt og disponeret. Positiv er under budget.',
    unit: 'kroner',
    defaultDirection: 'higher',
    params: [],
  },
  {
    kind: 'caseload_vs_norm',
    label: 'Vægtet sagstal i forhold til normen',
    description: 'Det vægtede sagstal for teamets sagsbehandlere med en norm (hver sag tæller med sin paragrafs vægt) i procent af summen af deres normer – samme tal som Sagstal og vægskærmen viser. En sag tæller, når den er åben på tavlen eller har en løbende bevilling. Antal sager (uvægtet) vises ved siden af.',
    unit: 'percent',
    defaultDirection: 'lower',
    params: [],
  },
  {
    kind: 'overdue_follow_ups',
    label: 'Overskredne opfølgninger',
    description: 'Antal løbende bevillinger på teamets sager, hvis næste opfølgning lå før opgørelsesdagen.',
    unit: 'count',
    defaultDirection: 'lower',
    params: [],
  },
  {
    kind: 'throughput_per_week',
    label: 'Gennemløb pr. uge',
    description: 'Sager, der nåede en færdig-kolonne i perioden, divideret med periodens uger.',
    unit: 'per_week',
    defaultDirection: 'higher',
    params: [{ key: 'weeks', label: 'Periode (uger bagud)', optional: false, defaultValue: 12 }],
  },
];

export function kpiDefinition(kind: KpiKind): KpiDefinition {
  return KPI_CATALOGUE.find((d) => d.kind === kind)!;
}

const periodDays = z.number().int().min(7).max(3 * 366);

/** A KPI as a plan holds it: the definition and its parameters, validated per definition. */
export const kpiSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('new_grants'), paragraph, days: periodDays }).strict(),
  z.object({ kind: z.literal('internal_share'), paragraph: paragraph.nullable() }).strict(),
  z.object({ kind: z.literal('median_decision_days'), paragraph: paragraph.nullable(), days: periodDays }).strict(),
  z.object({ kind: z.literal('bottom_line') }).strict(),
  z.object({ kind: z.literal('caseload_vs_norm') }).strict(),
  z.object({ kind: z.literal('overdue_follow_ups') }).strict(),
  z.object({ kind: z.literal('throughput_per_week'), weeks: z.number().int().min(1).max(104) }).strict(),
]);
export type KpiSpec = z.output<typeof kpiSpec>;

/** "Nye bevillinger efter § 107 (365 dage)": the definition's label with its parameters. */
export function describeKpi(spec: KpiSpec): string {
  const def = kpiDefinition(spec.kind);
  const parts: string[] = [];
  if ('paragraph' in spec && spec.paragraph) parts.push(formatParagraph(spec.paragraph));
  if ('days' in spec) parts.push(`${spec.days} dage`);
  if ('weeks' in spec) parts.push(`${spec.weeks} uger`);
  return parts.length ? `${def.label} (${parts.join(', ')})` : def.label;
}

/** A KPI value with its unit, Danish format. */
export function formatKpiValue(value: number | null, unit: KpiUnit): string {
  if (value === null) return '–';
  switch (unit) {
    case 'count': return formatNumber(value, 0);
    case 'percent': return `${formatNumber(value, 1)} %`;
    case 'days': return `${formatNumber(value, 1)} dage`;
    case 'kroner': return formatKroner(value);
    case 'per_week': return `${formatNumber(value, 1)} pr. uge`;
  }
}

/** Median of the values; null for none. */
export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

// ---------------------------------------------------------------------------------------------
// Status and trend

export type KpiStatus = 'met' | 'on_track' | 'behind' | 'worse' | 'no_data';
export const KPI_STATUS_LABELS: Record<KpiStatus, string> = {
  met: 'Mål nået',
  on_track: 'På vej',
  behind: 'Bagud',
  worse: 'Gået den forkerte vej',
  no_data: 'Ingen data',
};

export type KpiTrend = 'improving' | 'worsening' | 'flat' | 'unknown';

/** True when `value` is at least as good as `target` in the given direction. */
export function meetsTarget(value: number, target: number, direction: Direction): boolean {
  return direction === 'higher' ? value >= target : value <= target;
}

/**
 * Where a KPI stands: the target is met; or it has moved from the baseline toward the target by
 * at least the share of the plan period that has passed (on track); or less (behind); or it has
 * moved away from the target (worse). Without a baseline only "met" or "behind" can be said.
 */
export function kpiStatus(input: {
  baseline: number | null;
  current: number | null;
  target: number;
  direction: Direction;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  asOf: IsoDate;
}): KpiStatus {
  const { baseline, current, target, direction } = input;
  if (current === null) return 'no_data';
  if (meetsTarget(current, target, direction)) return 'met';
  if (baseline === null) return 'behind';
  const sign = direction === 'higher' ? 1 : -1;
  const gained = (current - baseline) * sign;
  if (gained < 0) return 'worse';
  // Not met and not worse means baseline ≤ current < target (read in the direction), so `needed` > 0.
  const needed = (target - baseline) * sign;
  const span = Math.max(1, daysBetween(input.periodStart, input.periodEnd));
  const elapsed = Math.min(1, Math.max(0, daysBetween(input.periodStart, input.asOf) / span));
  return gained / needed >= elapsed ? 'on_track' : 'behind';
}

/** The trend from an earlier value to the current one, read in the KPI's direction. */
export function kpiTrend(previous: number | null, current: number | null, direction: Direction): KpiTrend {
  if (previous === null || current === null) return 'unknown';
  const delta = current - previous;
  const scale = Math.max(Math.abs(previous), Math.abs(current), 1);
  // Changes smaller than half a percent of the value are noise, not a trend.
  if (Math.abs(delta) <= scale * 0.005) return 'flat';
  return (delta > 0) === (direction === 'higher') ? 'improving' : 'worsening';
}

/** The earlier value the trend compares with: four weeks before the current one. */
export const TREND_LOOKBACK_DAYS = 28;
