// Reading the bottom line as known at the end of a day (issue 16): the grant versions known
// then, priced in whole øre by shared/grantHistory.ts. Used by the economics service, the
// committee's "what would it do" preview, the plan KPI, the wall and the CLI, so every figure
// of the bottom line in the app is the same figure.
import { addDays, addMonths, daysInYear, toDayNumber, yearOf } from '../shared/dates';
import type { IsoDate, ProviderType } from '../shared/domain';
import type { BottomLineFigures, BottomLineStatus } from '../shared/economics';
import { costInYearOere, isKnownOn, splitOere, type CostBasisOere as CostBasis, type GrantVersion } from '../shared/grantHistory';
import { medianOere, mulDiv, toOere, yearlyOere } from '../shared/money';
import type { Db } from './connection';
import { statements } from './statements';
import type { BudgetsRow, CasesRow, DepartmentLinesRow, GrantVersionsRow, RawRow, TeamsRow } from './schema';

export interface VersionRecord extends GrantVersion {
  providerType: ProviderType;
  service: string;
  provider: string;
}

const VERSION_COLUMNS = [
  'id', 'grant_id', 'case_id', 'team_id', 'known_from', 'known_until', 'paragraph', 'takst_oere', 'takst_unit',
  'quantity', 'start_date', 'end_date', 'provider_type', 'service', 'provider',
] as const;
type RawVersion = RawRow<GrantVersionsRow, typeof VERSION_COLUMNS>;
const fromRaw = (r: RawVersion): VersionRecord => ({
  id: r[0], grantId: r[1], caseId: r[2], teamId: r[3], knownFrom: r[4], knownUntil: r[5], paragraph: r[6], takstOere: r[7],
  takstUnit: r[8], quantity: r[9], startDate: r[10], endDate: r[11], providerType: r[12], service: r[13], provider: r[14],
});

const COLUMNS = VERSION_COLUMNS.map((c) => `v.${c}`).join(', ');

// The figures need nine columns; the scan is the cost at scale, so nothing more is read.
const SLIM_COLUMNS = ['team_id', 'known_from', 'known_until', 'paragraph', 'takst_oere', 'takst_unit', 'quantity', 'start_date', 'end_date'] as const;
type SlimRaw = RawRow<GrantVersionsRow, typeof SLIM_COLUMNS>;

type YearBounds = { yearStart: IsoDate; yearEnd: IsoDate; team?: number };

const queries = (db: Db) => {
  // Versions that cost something in the year: starting by its end, not ended before its start.
  const inYear = 'v.start_date <= @yearEnd AND (v.end_date IS NULL OR v.end_date >= @yearStart)';
  const slim = SLIM_COLUMNS.map((c) => `v.${c}`).join(', ');
  const span = `v.known_from <= @to AND (v.known_until IS NULL OR v.known_until > @from) AND ${inYear}`;
  type Span = YearBounds & { from: IsoDate; to: IsoDate };
  type Known = YearBounds & { date: IsoDate };
  return {
    slim: db.prepare<Span, SlimRaw>(`SELECT ${slim} FROM grant_versions v NOT INDEXED WHERE ${span}`).raw(),
    slimTeam: db.prepare<Span, SlimRaw>(`SELECT ${slim} FROM grant_versions v WHERE v.team_id = @team AND ${span}`).raw(),
    known: db.prepare<Known, RawVersion>(`SELECT ${COLUMNS} FROM grant_versions v WHERE v.known_from <= @date AND (v.known_until IS NULL OR v.known_until > @date) AND ${inYear}`).raw(),
    knownTeam: db.prepare<Known, RawVersion>(`SELECT ${COLUMNS} FROM grant_versions v WHERE v.team_id = @team AND v.known_from <= @date AND (v.known_until IS NULL OR v.known_until > @date) AND ${inYear}`).raw(),
    span: db.prepare<Span, RawVersion>(`SELECT ${COLUMNS} FROM grant_versions v WHERE ${span}`).raw(),
    spanTeam: db.prepare<Span, RawVersion>(`SELECT ${COLUMNS} FROM grant_versions v WHERE v.team_id = @team AND ${span}`).raw(),
    teams: db.prepare<[], Pick<TeamsRow, 'id' | 'name' | 'bottom_line_tolerance'>>('SELECT id, name, bottom_line_tolerance FROM teams ORDER BY sort_order, name'),
    budgets: db.prepare<[number], Pick<BudgetsRow, 'team_id' | 'amount'>>('SELECT team_id, amount FROM budgets WHERE year = ?'),
    departmentLines: db.prepare<[number], Pick<DepartmentLinesRow, 'id' | 'label' | 'budget_oere' | 'forecast_oere'>>(
      'SELECT id, label, budget_oere, forecast_oere FROM department_lines WHERE year = ? ORDER BY id',
    ),
    // Historic approval rate: every decision recorded up to the end of the as-of date.
    decisions: db.prepare<[string], Pick<CasesRow, 'team_id'> & { approved: number; rejected: number }>(
      `SELECT c.team_id, SUM(e.to_value = 'approved') AS approved, SUM(e.to_value = 'rejected') AS rejected
         FROM events e JOIN cases c ON c.id = e.case_id
         WHERE e.type = 'decided' AND e.at < ? GROUP BY c.team_id`,
    ),
    // Pending: an application received by the as-of date, not in a done column and not decided.
    pending: db.prepare<[IsoDate, IsoDate], Pick<CasesRow, 'team_id' | 'paragraph'>>(
      `SELECT c.team_id, c.paragraph FROM cases c JOIN board_columns b ON b.id = c.column_id
       WHERE c.kind = 'application' AND b.kind <> 'done' AND c.received_date <= ?
         AND c.id NOT IN (SELECT e.case_id FROM events e WHERE e.type = 'decided' AND e.at < ? AND e.case_id IS NOT NULL)`,
    ),
  };
};

const bounds = (year: number) => ({ yearStart: `${year}-01-01`, yearEnd: `${year}-12-31` });

/** Versions costing something in `year` and known at the end of `date` (one team, or all). */
export function versionsKnown(db: Db, year: number, date: IsoDate, teamId?: number): VersionRecord[] {
  const s = statements(db, queries);
  const params = { ...bounds(year), date, ...(teamId === undefined ? {} : { team: teamId }) };
  return (teamId === undefined ? s.known : s.knownTeam).all(params).map(fromRaw);
}

/** Versions costing something in `year` and known on some day of [from, to]: enough for every as-of date in it. */
export function versionsKnownBetween(db: Db, year: number, from: IsoDate, to: IsoDate, teamId?: number): VersionRecord[] {
  const s = statements(db, queries);
  const params = { ...bounds(year), from, to, ...(teamId === undefined ? {} : { team: teamId }) };
  return (teamId === undefined ? s.span : s.spanTeam).all(params).map(fromRaw);
}

export interface TeamRow {
  id: number;
  name: string;
  tolerance: number;
}

export function teamRows(db: Db): TeamRow[] {
  return statements(db, queries).teams.all()
    .map((t) => ({ id: t.id, name: t.name, tolerance: t.bottom_line_tolerance }));
}

export function budgetsOere(db: Db, year: number): Map<number, number> {
  return new Map(statements(db, queries).budgets.all(year).map((b) => [b.team_id, toOere(b.amount)]));
}

/** The bottom line's figures in whole øre. */
export type FiguresOere = BottomLineFigures;

/** "På nul" when |budget − forecast| ≤ tolerance × budget; else under (money left) or over. */
export function figuresOere(budget: number, spent: number, committed: number, tolerance: number): FiguresOere {
  const forecast = spent + committed;
  const bottomLine = budget - forecast;
  const toleranceAmount = Math.round(Math.abs(budget) * tolerance);
  const status: BottomLineStatus = Math.abs(bottomLine) <= toleranceAmount ? 'on_zero' : bottomLine > 0 ? 'under' : 'over';
  return { budget, spent, committed, forecast, bottomLine, toleranceAmount, status };
}

export interface TeamFigures extends FiguresOere {
  teamId: number;
  team: string;
  pipeline: number;
  /** Bottom line now minus the bottom line as known at the end of the earlier day (same year, same budget). */
  sinceLastWeek: number;
  sinceLastMonth: number;
  sinceYearStart: number;
}

export interface DepartmentLine {
  id: number;
  label: string;
  budget: number;
  spent: number;
  committed: number;
  forecast: number;
}

export interface BottomLineOere {
  asOf: IsoDate;
  year: number;
  teams: TeamFigures[];
  /** The department's own lines (management, secretariat, shared costs); only department-wide. */
  departmentLines: DepartmentLine[];
}

/** The days the "since" figures compare with: a week, a month and the year's start before `asOf`. */
export function comparisonDays(asOf: IsoDate): { lastWeek: IsoDate; lastMonth: IsoDate; yearStart: IsoDate } {
  return { lastWeek: addDays(asOf, -7), lastMonth: addMonths(asOf, -1), yearStart: addDays(`${yearOf(asOf)}-01-01`, -1) };
}

/** Forecast of `year` per team as known at the end of `date`. */
export function forecastKnown(versions: readonly GrantVersion[], year: number, date: IsoDate): Map<number, number> {
  const out = new Map<number, number>();
  for (const v of versions) if (isKnownOn(v, date)) out.set(v.teamId, (out.get(v.teamId) ?? 0) + costInYearOere(v, year));
  return out;
}

/**
 * Every team's (or one team's) bottom line as known at the end of `asOf`, whole øre: spent from
 * 1 January to the as-of date, committed from the day after to 31 December, of the grant
 * versions known then; the pipeline of pending applications beside it; and how far the bottom
 * line has moved since a week, a month and the year's start before.
 */
export function bottomLineAsOf(db: Db, asOf: IsoDate, teamId?: number): BottomLineOere {
  const s = statements(db, queries);
  const year = yearOf(asOf);
  const teams = teamRows(db).filter((t) => teamId === undefined || t.id === teamId);
  const budgets = budgetsOere(db, year);
  const days = comparisonDays(asOf);
  const from = days.yearStart < days.lastMonth ? days.yearStart : days.lastMonth;
  const params = { ...bounds(year), from, to: asOf, ...(teamId === undefined ? {} : { team: teamId }) };
  const span = (teamId === undefined ? s.slim : s.slimTeam).all(params).map((r) => ({
    teamId: r[0], knownFrom: r[1], knownUntil: r[2], paragraph: r[3], takstOere: r[4], takstUnit: r[5], quantity: r[6], startDate: r[7], endDate: r[8],
  }));
  const acc = new Map<number, { spent: number; committed: number; active: Map<string, number[]>; all: number[] }>();
  for (const t of teams) acc.set(t.id, { spent: 0, committed: 0, active: new Map(), all: [] });
  // One pass: each version's cost in the year once, counted on each day it is known.
  const lastWeek = new Map<number, number>();
  const lastMonth = new Map<number, number>();
  const yearStart = new Map<number, number>();
  const addTo = (m: Map<number, number>, team: number, cost: number) => m.set(team, (m.get(team) ?? 0) + cost);
  for (const v of span) {
    const a = acc.get(v.teamId);
    if (!a) continue;
    const known = isKnownOn(v, asOf);
    const week = isKnownOn(v, days.lastWeek);
    const month = isKnownOn(v, days.lastMonth);
    const start = isKnownOn(v, days.yearStart);
    if (!known && !week && !month && !start) continue;
    const cost = costInYearOere(v, year);
    if (week) addTo(lastWeek, v.teamId, cost);
    if (month) addTo(lastMonth, v.teamId, cost);
    if (start) addTo(yearStart, v.teamId, cost);
    if (!known) continue;
    const split = splitOere(v, asOf);
    a.spent += split.spent;
    a.committed += split.committed;
    if (v.startDate <= asOf && (v.endDate === null || v.endDate >= asOf)) {
      const yearly = yearlyOere(v.takstOere, v.takstUnit, v.quantity);
      a.all.push(yearly);
      const list = a.active.get(v.paragraph);
      if (list) list.push(yearly);
      else a.active.set(v.paragraph, [yearly]);
    }
  }

  const nextDay = addDays(asOf, 1);
  const decisions = s.decisions.all(nextDay);
  const rate = (approved: number, rejected: number, fallback: number) => (approved + rejected > 0 ? approved / (approved + rejected) : fallback);
  const deptRate = rate(decisions.reduce((n, d) => n + d.approved, 0), decisions.reduce((n, d) => n + d.rejected, 0), 1);
  const rates = new Map(decisions.map((d) => [d.team_id, rate(d.approved, d.rejected, deptRate)]));
  const pending = new Map<number, string[]>();
  for (const p of s.pending.all(asOf, nextDay)) {
    const list = pending.get(p.team_id);
    if (list) list.push(p.paragraph);
    else pending.set(p.team_id, [p.paragraph]);
  }
  // A granted application costs its typical yearly cost from the day after the as-of date.
  const remainingDays = toDayNumber(`${year}-12-31`) - toDayNumber(asOf);

  const out: TeamFigures[] = teams.map((t) => {
    const a = acc.get(t.id)!;
    const medians = new Map([...a.active].map(([paragraph, costs]) => [paragraph, medianOere(costs)!]));
    const teamMedian = medianOere(a.all);
    let expected = 0;
    for (const paragraph of pending.get(t.id) ?? []) {
      const typical = medians.get(paragraph) ?? teamMedian;
      if (typical !== null) expected += mulDiv(typical, remainingDays, daysInYear(year));
    }
    const figures = figuresOere(budgets.get(t.id) ?? 0, a.spent, a.committed, t.tolerance);
    const since = (then: Map<number, number>) => -(figures.forecast - (then.get(t.id) ?? 0));
    return {
      teamId: t.id,
      team: t.name,
      ...figures,
      pipeline: Math.round(expected * (rates.get(t.id) ?? deptRate)),
      sinceLastWeek: since(lastWeek),
      sinceLastMonth: since(lastMonth),
      sinceYearStart: since(yearStart),
    };
  });
  return { asOf, year, teams: out, departmentLines: teamId === undefined ? departmentLines(db, asOf) : [] };
}

/** The department's own lines for the as-of year, spent evenly over its days. */
export function departmentLines(db: Db, asOf: IsoDate): DepartmentLine[] {
  const year = yearOf(asOf);
  const elapsed = toDayNumber(asOf) - toDayNumber(`${year}-01-01`) + 1;
  return statements(db, queries).departmentLines.all(year).map((l) => {
    const spent = mulDiv(l.forecast_oere, elapsed, daysInYear(year));
    return { id: l.id, label: l.label, budget: l.budget_oere, forecast: l.forecast_oere, spent, committed: l.forecast_oere - spent };
  });
}

/**
 * What changing a grant from `before` to `after` (null = none) would do to its team's forecast
 * of this year and to the bottom line as known today: the figures the grant editor and the
 * committee's agenda show before anything is saved.
 */
export function previewGrantEffect(
  db: Db, today: IsoDate, teamId: number, before: CostBasis | null, after: CostBasis,
  suggestedFollowUpMonths: number | null, category: { code: string; label: string } | null,
) {
  const year = yearOf(today);
  const figures = bottomLineAsOf(db, today, teamId).teams[0]!;
  const tolerance = teamRows(db).find((t) => t.id === teamId)?.tolerance ?? 0.01;
  const effect = costInYearOere(after, year) - (before ? costInYearOere(before, year) : 0);
  const afterFigures = figuresOere(figures.budget, figures.spent, figures.committed + effect, tolerance);
  const k = (oere: number) => oere / 100;
  return {
    year,
    yearlyBefore: before ? k(yearlyOere(before.takstOere, before.takstUnit, before.quantity)) : null,
    yearlyAfter: k(yearlyOere(after.takstOere, after.takstUnit, after.quantity)),
    forecastEffect: k(effect),
    bottomLineBefore: k(figures.bottomLine),
    bottomLineAfter: k(afterFigures.bottomLine),
    statusBefore: figures.status,
    statusAfter: afterFigures.status,
    category: category ? { code: category.code, label: category.label } : null,
    suggestedFollowUpMonths,
  };
}
