// The economics service: bottom line per team (spent, committed, forecast, pipeline), the
// month-by-month chart, the drill-down, takst responsibility, the takst catalogue, grant editing
// with its "what if", and budgets. The arithmetic is shared/economics.ts; this file only fetches
// rows once per call and runs one pass over them.
import type { CallContext } from '../../shared/api/define';
import type { Handlers } from '../../shared/api/dispatch';
import { ApiFailure, fieldError } from '../../shared/api/envelope';
import { catalogueTakstFor, grantPlausibility, implausibleGrant } from '../../shared/grantPlausibility';
import type {
  BottomLineChart, BottomLineDecomposition, BottomLineDrill, BottomLineReport, BottomLineSeries, BottomLineWeek, BudgetOverview,
  DecompositionGrant, DepartmentBottomLine, DrillGrant, CaseworkerTakst, CatalogueEntry, economyMethods,
  GrantView, TeamBottomLine,
} from '../../shared/api/methods/economy';
import type { GrantFields, GrantPreview } from '../../shared/api/methods/grantFields';
import { addDays, daysInMonth, toDayNumber, yearOf } from '../../shared/dates';
import type { IsoDate, ProviderType, TakstUnit } from '../../shared/domain';
import {
  describeGrant, followUpMonthsFor, grantCategory, isActiveOn, isTakstOutlier, priceOn, yearlyCost,
  type TakstCategory,
} from '../../shared/economics';
import { costInYearOere, decompose, forecastSeries, isKnownOn, monthlyOere, weekPoints, type CostBasisOere } from '../../shared/grantHistory';
import { medianOere, toKroner, toOere, yearlyOere } from '../../shared/money';
import { bottomLineAsOf, budgetsOere, previewGrantEffect, departmentLines, figuresOere, teamRows, versionsKnown, versionsKnownBetween, type TeamFigures } from '../bottomLine';
import { createEditedGrant, editedChanges, endEditedGrant, readGrant, updateEditedGrant, type EditWrite } from '../grants';
import { formatParagraph } from '../../shared/format';
import { paragraphInfo } from '../../shared/paragraphs';
import type { Db } from '../connection';
import { statements } from '../statements';
import type {
  BudgetHistoryRow, BudgetParagraphsRow, BudgetsRow, CasesRow, GrantLedgerRow, GrantsRow, PeopleRow, TakstCategoriesRow, TakstPricesRow,
  TakstProvidersRow, TakstServicesRow, TeamsRow,
} from '../schema';
import { appendEvent } from '../events';
import { routeToCommittee } from './committee';
import type { ServiceContext } from './context';

// Named once: the select list and the row type both come from this list.
const ECONOMY_GRANT_FIELDS = [
  'id', 'case_id', 'paragraph', 'service', 'provider', 'provider_type', 'takst', 'takst_unit',
  'quantity', 'start_date', 'end_date', 'next_follow_up', 'follow_up_months', 'support_goal',
] as const;
type EconomyGrantRow = Pick<GrantsRow, (typeof ECONOMY_GRANT_FIELDS)[number]>;
const ECONOMY_GRANT_COLUMNS = ECONOMY_GRANT_FIELDS.map((c) => `g.${c}`).join(', ');

type PriceRow = Pick<TakstPricesRow, 'service_id' | 'provider_id' | 'valid_from' | 'takst' | 'recorded_at'> & Pick<TakstServicesRow, 'paragraph' | 'unit'>
  & Pick<TakstProvidersRow, 'provider_type'> & { service: TakstServicesRow['name']; provider: TakstProvidersRow['name']; recorded_by: PeopleRow['name'] | null };

const toCategory = (r: TakstCategoriesRow): TakstCategory => ({
  id: r.id, code: r.code, label: r.label, minHours: r.min_hours, maxHours: r.max_hours,
  followUpMonthsDeveloping: r.follow_up_developing, followUpMonthsMaintaining: r.follow_up_maintaining,
});

/** A case costing at least this much a year is a "particularly expensive single case" unless the caller says otherwise. */
export const DEFAULT_EXPENSIVE_CASE = 2_000_000;

/** Grants of one kind a caseworker needs before a deviation from the colleagues is marked. */
export const TAKST_OUTLIER_MIN_GRANTS = 3;

const money = toKroner;

function requireTeam(db: Db, teamId: number) {
  const row = statements(db, queries).team.get(teamId);
  if (!row) throw ApiFailure.of('not_found', 'records.teamNotFound', undefined, { fields: [fieldError('teamId', 'records.teamNotFound')] });
  return row;
}

function teamView(t: TeamFigures): TeamBottomLine {
  return {
    teamId: t.teamId, team: t.team, budget: money(t.budget), spent: money(t.spent), committed: money(t.committed),
    forecast: money(t.forecast), bottomLine: money(t.bottomLine), pipeline: money(t.pipeline),
    toleranceAmount: money(t.toleranceAmount), status: t.status,
    sinceLastWeek: money(t.sinceLastWeek), sinceLastMonth: money(t.sinceLastMonth), sinceYearStart: money(t.sinceYearStart),
  };
}

/** The year's bottom line of the department as known on `date`, with the "since" figures. */
function departmentTotal(db: Db, report: ReturnType<typeof bottomLineAsOf>): DepartmentBottomLine {
  const lines = report.departmentLines;
  const sum = (pick: (t: TeamFigures) => number) => report.teams.reduce((n, t) => n + pick(t), 0);
  const lineSum = (pick: (l: (typeof lines)[number]) => number) => lines.reduce((n, l) => n + pick(l), 0);
  const budget = sum((t) => t.budget) + lineSum((l) => l.budget);
  const spent = sum((t) => t.spent) + lineSum((l) => l.spent);
  const committed = sum((t) => t.committed) + lineSum((l) => l.committed);
  const tolerance = report.teams.length ? Math.max(...teamRows(db).map((t) => t.tolerance)) : 0.01;
  const f = figuresOere(budget, spent, committed, tolerance);
  return {
    budget: money(f.budget), spent: money(f.spent), committed: money(f.committed), forecast: money(f.forecast),
    bottomLine: money(f.bottomLine), toleranceAmount: money(f.toleranceAmount), status: f.status,
    pipeline: money(sum((t) => t.pipeline)),
    sinceLastWeek: money(sum((t) => t.sinceLastWeek)), sinceLastMonth: money(sum((t) => t.sinceLastMonth)),
    sinceYearStart: money(sum((t) => t.sinceYearStart)),
    teamsBudget: money(sum((t) => t.budget)), teamsForecast: money(sum((t) => t.forecast)),
    lines: lines.map((l) => ({ label: l.label, budget: money(l.budget), spent: money(l.spent), committed: money(l.committed), forecast: money(l.forecast), bottomLine: money(l.budget - l.forecast) })),
  };
}

/**
 * The bottom line of one team (or of every team with the department's total) as known on `asOf`:
 * getBottomLine's answer, and the figure the wall and the plans' bottom-line KPI show.
 */
export function bottomLineFor(db: Db, asOf: IsoDate, teamId?: number): BottomLineReport {
  if (teamId !== undefined) requireTeam(db, teamId);
  const report = bottomLineAsOf(db, asOf, teamId);
  return {
    asOf,
    year: report.year,
    teams: report.teams.map(teamView),
    ...(teamId === undefined ? { department: departmentTotal(db, report) } : {}),
  };
}

export function economyHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof economyMethods> {
  const { db } = ctx;
  const q = statements(db, queries);

  const categories = (): TakstCategory[] => q.categories.all().map(toCategory);

  const team = (teamId: number) => requireTeam(db, teamId);

  function caseRow(caseId: number) {
    const row = q.case.get(caseId);
    if (!row) throw ApiFailure.of('not_found', 'records.caseNotFound', undefined, { fields: [fieldError('caseId', 'records.caseNotFound')] });
    return row;
  }

  function grantRow(grantId: number): EconomyGrantRow {
    const row = q.grant.get(grantId);
    if (!row) throw ApiFailure.of('not_found', 'records.grantNotFound', undefined, { fields: [fieldError('grantId', 'records.grantNotFound')] });
    return row;
  }

  function grantView(r: EconomyGrantRow, cats: TakstCategory[]): GrantView {
    const basis = { takst: r.takst, takstUnit: r.takst_unit, quantity: r.quantity };
    const category = grantCategory(basis, cats);
    return {
      id: r.id, caseId: r.case_id, paragraph: r.paragraph, service: r.service, provider: r.provider,
      providerType: r.provider_type, takst: r.takst, takstUnit: r.takst_unit, quantity: r.quantity,
      startDate: r.start_date, endDate: r.end_date, nextFollowUp: r.next_follow_up,
      followUpMonths: r.follow_up_months, supportGoal: r.support_goal,
      yearlyCost: yearlyCost(basis),
      category: category ? { code: category.code, label: category.label } : null,
      activeToday: isActiveOn({ startDate: r.start_date, endDate: r.end_date }, ctx.today()),
    };
  }

  function basisFromFields(g: GrantFields): CostBasisOere {
    return { takstOere: toOere(g.takst), takstUnit: g.takstUnit, quantity: g.quantity, startDate: g.startDate, endDate: g.endDate };
  }
  function basisFromRow(r: EconomyGrantRow): CostBasisOere {
    return { takstOere: toOere(r.takst), takstUnit: r.takst_unit, quantity: r.quantity, startDate: r.start_date, endDate: r.end_date };
  }

  /** Weekly points of `year` up to `until`: the bottom line (budget − forecast as known then) of one team or the department. */
  function series(year: number, until: IsoDate, teamId: number | undefined): BottomLineSeries['thisYear'] {
    const points = weekPoints(year, until);
    if (points.length === 0) return { year, budget: 0, toleranceAmount: 0, points: [] };
    const versions = versionsKnownBetween(db, year, points[0]!, points[points.length - 1]!, teamId);
    const forecasts = forecastSeries(versions, year, points);
    const budgets = budgetsOere(db, year);
    const lines = teamId === undefined ? departmentLines(db, `${year}-12-31`) : [];
    const teams = teamRows(db).filter((t) => teamId === undefined || t.id === teamId);
    const budget = teams.reduce((n, t) => n + (budgets.get(t.id) ?? 0), 0) + lines.reduce((n, l) => n + l.budget, 0);
    const lineForecast = lines.reduce((n, l) => n + l.forecast, 0);
    const tolerance = teams.length ? Math.max(...teams.map((t) => t.tolerance)) : 0.01;
    return {
      year,
      budget: money(budget),
      toleranceAmount: money(Math.round(budget * tolerance)),
      points: points.map((date, i): BottomLineWeek => ({ week: i, date, forecast: money(forecasts[i]! + lineForecast), bottomLine: money(budget - forecasts[i]! - lineForecast) })),
    };
  }

  // The same plausibility rules as the form; refused before anything is written or proposed.
  function refuseImplausible(grant: GrantFields, opts: { confirmHighTakst?: boolean; storedStartDate?: IsoDate }): void {
    const today = ctx.today();
    const catalogueTakst = catalogueTakstFor(q.cataloguePrices.all(grant.service, grant.takstUnit, today), grant.provider);
    const errors = grantPlausibility(grant, { today, catalogueTakst, ...opts });
    if (errors.length > 0) throw implausibleGrant(errors, catalogueTakst !== null ? { catalogueTakst } : undefined);
  }

  function suggestedFollowUp(g: Pick<GrantFields, 'takstUnit' | 'quantity' | 'supportGoal' | 'paragraph'>, cats: TakstCategory[]): number | null {
    const category = grantCategory(g, cats);
    if (category && g.supportGoal) return followUpMonthsFor(category, g.supportGoal);
    return paragraphInfo(g.paragraph)?.followUpMonths ?? null;
  }

  /** The editor's writes reach db/grants.ts known from today, by the caller. */
  function editWrite(call: CallContext): EditWrite {
    return { at: ctx.now().toISOString(), today: ctx.today(), actorId: call.actorId, source: 'app' };
  }

  function budgetOverview(teamId: number, year: number): BudgetOverview {
    const total = q.budget.get(teamId, year);
    return {
      teamId,
      year,
      amount: total?.amount ?? null,
      paragraphs: q.budgetParagraphs.all(teamId, year).map((p) => ({ paragraph: p.paragraph, amount: p.amount })),
      history: q.budgetHistory.all(teamId)
        .map((h) => ({ id: h.id, year: h.year, paragraph: h.paragraph, amount: h.amount, previous: h.previous, setAt: h.set_at, setBy: h.set_by })),
    };
  }

  function catalogueEntries(date: IsoDate, only?: { serviceId: number; providerId: number }): CatalogueEntry[] {
    const rows = only ? q.pricesFor.all(only.serviceId, only.providerId) : q.prices.all();
    const entries = new Map<string, CatalogueEntry>();
    for (const r of rows) {
      const key = `${r.service_id}:${r.provider_id}`;
      let e = entries.get(key);
      if (!e) {
        e = {
          serviceId: r.service_id, providerId: r.provider_id, paragraph: r.paragraph, service: r.service, unit: r.unit,
          provider: r.provider, providerType: r.provider_type, takst: null, validFrom: null, history: [],
        };
        entries.set(key, e);
      }
      e.history.push({ validFrom: r.valid_from, takst: r.takst, recordedAt: r.recorded_at, recordedBy: r.recorded_by });
    }
    for (const e of entries.values()) {
      e.history.sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));
      const current = priceOn(e.history, date);
      e.takst = current?.takst ?? null;
      e.validFrom = current?.validFrom ?? null;
    }
    return [...entries.values()];
  }

  return {
    getBottomLine: ({ asOf, teamId }) => bottomLineFor(db, asOf, teamId),

    getBottomLineSeries: ({ asOf, teamId }): BottomLineSeries => {
      if (teamId !== undefined) team(teamId);
      const year = yearOf(asOf);
      const thisYear = series(year, asOf, teamId);
      const lastYear = series(year - 1, `${year - 1}-12-31`, teamId);
      const report = bottomLineAsOf(db, asOf, teamId);
      const figures = teamId === undefined ? departmentTotal(db, report) : teamView(report.teams[0]!);
      return {
        asOf, teamId: teamId ?? null, year,
        bottomLine: figures.bottomLine, forecast: figures.forecast, budget: figures.budget, toleranceAmount: figures.toleranceAmount, status: figures.status,
        sinceLastWeek: figures.sinceLastWeek, sinceLastMonth: figures.sinceLastMonth, sinceYearStart: figures.sinceYearStart,
        thisYear, lastYear,
      };
    },

    getBottomLineChart: ({ asOf, teamId }): BottomLineChart => {
      team(teamId);
      const year = yearOf(asOf);
      const budget = budgetsOere(db, year).get(teamId) ?? 0;
      const versions = versionsKnown(db, year, asOf, teamId);
      const monthly = new Array<number>(12).fill(0);
      const asOfMonth = Number(asOf.slice(5, 7));
      let spentInYear = 0;
      const byParagraph = new Map<string, number>();
      for (const v of versions) {
        monthlyOere(v, year).forEach((c, i) => (monthly[i]! += c));
        const cost = costInYearOere(v, year);
        byParagraph.set(v.paragraph, (byParagraph.get(v.paragraph) ?? 0) + cost);
        spentInYear += costInYearOere({ ...v, endDate: v.endDate !== null && v.endDate < asOf ? v.endDate : asOf }, year);
      }
      const days = toDayNumber(`${year}-12-31`) - toDayNumber(`${year}-01-01`) + 1;
      let dayCount = 0;
      let cumulative = 0;
      const months = monthly.map((cost, i) => {
        const month = i + 1;
        cumulative += cost;
        dayCount += daysInMonth(year, month);
        return {
          month,
          budgetCumulative: money(Math.round((budget * dayCount) / days)),
          spentCumulative: month < asOfMonth ? money(cumulative) : month === asOfMonth ? money(spentInYear) : null,
          forecastCumulative: money(cumulative),
        };
      });
      const paragraphBudgets = new Map(q.budgetParagraphs.all(teamId, year).map((p) => [p.paragraph, p.amount]));
      const paragraphs = [...new Set([...byParagraph.keys(), ...paragraphBudgets.keys()])]
        .map((paragraph) => ({ paragraph, budget: paragraphBudgets.get(paragraph) ?? null, forecast: money(byParagraph.get(paragraph) ?? 0) }))
        .sort((a, b) => b.forecast - a.forecast);
      return { teamId, year, asOf, budget: money(budget), months, paragraphs };
    },

    getBottomLineMovers: ({ teamId, since, asOf, limit }) => {
      team(teamId);
      return q.movers.all(teamId, yearOf(asOf), since, asOf, limit ?? 50).map((r) => ({
        id: r.id, onDate: r.on_date, kind: r.kind, caseId: r.case_id, caseNumber: r.case_number, grantId: r.grant_id,
        description: r.description, actorName: r.actor_name, forecastEffect: money(r.effect_oere),
        yearlyBefore: r.yearly_before === null ? null : money(toOere(r.yearly_before)),
        yearlyAfter: r.yearly_after === null ? null : money(toOere(r.yearly_after)),
        source: r.source,
      }));
    },

    getBottomLineDecomposition: ({ teamId, from, asOf, expensiveFrom }): BottomLineDecomposition => {
      const t = team(teamId);
      const year = yearOf(asOf);
      const start = from < `${year}-01-01` ? addDays(`${year}-01-01`, -1) : from;
      const versions = versionsKnownBetween(db, year, start, asOf, teamId);
      const d = decompose(versions, teamId, year, start, asOf);
      const cases = new Map(q.casesOf.all(teamId).map((c) => [c.id, c]));
      const grantLine = (p: (typeof d.lines)['new']['grants'][number]): DecompositionGrant => {
        const v = (p.after ?? p.before)!;
        return {
          grantId: p.grantId, caseId: p.caseId, caseNumber: cases.get(p.caseId)?.case_number ?? String(p.caseId),
          caseworker: cases.get(p.caseId)?.assignee ?? null, paragraph: v.paragraph,
          description: describeGrant({ ...v, takst: toKroner(v.takstOere), service: v.service, provider: v.provider }),
          effect: money(p.effect),
          yearlyBefore: p.before ? money(yearlyOere(p.before.takstOere, p.before.takstUnit, p.before.quantity)) : null,
          yearlyAfter: p.after ? money(yearlyOere(p.after.takstOere, p.after.takstUnit, p.after.quantity)) : null,
        };
      };
      const threshold = toOere(expensiveFrom ?? DEFAULT_EXPENSIVE_CASE);
      const byCase = new Map<number, { yearly: number; cost: number; paragraphs: Set<string>; grants: number }>();
      for (const v of versions) {
        if (!isKnownOn(v, asOf) || !(v.startDate <= asOf && (v.endDate === null || v.endDate >= asOf))) continue;
        const c = byCase.get(v.caseId) ?? { yearly: 0, cost: 0, paragraphs: new Set<string>(), grants: 0 };
        c.yearly += yearlyOere(v.takstOere, v.takstUnit, v.quantity);
        c.cost += costInYearOere(v, year);
        c.paragraphs.add(v.paragraph);
        c.grants++;
        byCase.set(v.caseId, c);
      }
      const expensive = [...byCase].filter(([, c]) => c.yearly >= threshold)
        .map(([caseId, c]) => ({
          caseId, caseNumber: cases.get(caseId)?.case_number ?? String(caseId), caseworker: cases.get(caseId)?.assignee ?? null,
          paragraphs: [...c.paragraphs].sort(), grants: c.grants, yearlyCost: money(c.yearly), costThisYear: money(c.cost),
        }))
        .sort((a, b) => b.yearlyCost - a.yearlyCost);
      return {
        teamId, team: t.name, year, from: start, asOf,
        forecastFrom: money(d.forecastFrom), forecastTo: money(d.forecastTo), change: money(d.forecastTo - d.forecastFrom),
        lines: (['new', 'ended', 'volume', 'price'] as const).map((kind) => ({ kind, total: money(d.lines[kind].total), grants: d.lines[kind].grants.map(grantLine) })),
        expensiveFrom: money(threshold),
        expensive,
      };
    },

    getBottomLineDrill: ({ teamId, asOf }): BottomLineDrill => {
      team(teamId);
      const year = yearOf(asOf);
      const versions = versionsKnown(db, year, asOf, teamId);
      const cases = new Map(q.casesOf.all(teamId).map((c) => [c.id, c]));
      const people = new Map<string, { personId: number | null; name: string; spent: number; forecast: number; grants: DrillGrant[] }>();
      for (const v of versions) {
        const c = cases.get(v.caseId);
        const key = String(c?.assignee_id ?? 'none');
        const p = people.get(key) ?? { personId: c?.assignee_id ?? null, name: c?.assignee ?? '', spent: 0, forecast: 0, grants: [] };
        const forecast = costInYearOere(v, year);
        const spent = costInYearOere({ ...v, endDate: v.endDate !== null && v.endDate < asOf ? v.endDate : asOf }, year);
        p.spent += spent;
        p.forecast += forecast;
        p.grants.push({
          grantId: v.grantId, caseId: v.caseId, caseNumber: c?.case_number ?? String(v.caseId), paragraph: v.paragraph,
          service: v.service, provider: v.provider, providerType: v.providerType, startDate: v.startDate, endDate: v.endDate,
          yearlyCost: money(yearlyOere(v.takstOere, v.takstUnit, v.quantity)), spent: money(spent), forecast: money(forecast),
        });
        people.set(key, p);
      }
      return {
        teamId, year, asOf,
        caseworkers: [...people.values()].map((p) => ({ ...p, spent: money(p.spent), forecast: money(p.forecast), grants: p.grants.sort((a, b) => b.forecast - a.forecast) }))
          .sort((a, b) => b.forecast - a.forecast),
      };
    },

    getTakstResponsibility: ({ asOf, teamId }) => {
      const year = yearOf(asOf);
      const monthStart = `${asOf.slice(0, 7)}-01`;
      const monthEnd = `${asOf.slice(0, 7)}-${String(daysInMonth(year, Number(asOf.slice(5, 7)))).padStart(2, '0')}`;
      const cats = categories();
      // As known at the end of the as-of day, like every money figure; the case's caseworker as now.
      const assignees = new Map(q.assignees.all().map((c) => [c.id, c.assignee_id]));
      const rows = versionsKnown(db, year, asOf).filter((v) => (v.startDate <= asOf && (v.endDate === null || v.endDate >= asOf))
        || (v.startDate >= monthStart && v.startDate <= monthEnd) || (v.endDate !== null && v.endDate >= monthStart && v.endDate <= monthEnd));
      const people = q.caseworkers.all()
        .filter((p) => teamId === undefined || p.team_id === teamId);
      // Like with like: the same paragraph, unit, service, takst category and provider type.
      const keyOf = (v: (typeof rows)[number]) => [v.paragraph, v.takstUnit, v.service, grantCategory(v, cats)?.code ?? '', v.providerType].join('|');
      const byPerson = new Map<number, { cost: number; internal: number; count: number; newCount: number; ended: number; takster: Map<string, number[]>; cases: Map<string, Set<number>> }>();
      const department = new Map<string, number[]>();
      for (const v of rows) {
        const active = isActiveOn(v, asOf);
        const key = keyOf(v);
        const assignee = assignees.get(v.caseId) ?? null;
        if (active) {
          const list = department.get(key);
          if (list) list.push(v.takstOere);
          else department.set(key, [v.takstOere]);
        }
        if (assignee === null) continue;
        let p = byPerson.get(assignee);
        if (!p) byPerson.set(assignee, (p = { cost: 0, internal: 0, count: 0, newCount: 0, ended: 0, takster: new Map(), cases: new Map() }));
        if (v.startDate >= monthStart && v.startDate <= monthEnd) p.newCount++;
        if (v.endDate !== null && v.endDate >= monthStart && v.endDate <= monthEnd) p.ended++;
        if (!active) continue;
        const cost = yearlyOere(v.takstOere, v.takstUnit, v.quantity);
        p.cost += cost;
        p.count++;
        if (v.providerType === 'internal') p.internal += cost;
        const list = p.takster.get(key);
        if (list) list.push(v.takstOere);
        else p.takster.set(key, [v.takstOere]);
        const cases = p.cases.get(key);
        if (cases) cases.add(v.caseId);
        else p.cases.set(key, new Set([v.caseId]));
      }
      const split = (key: string) => {
        const [paragraph, unit, service, category, providerType] = key.split('|') as [string, TakstUnit, string, string, ProviderType];
        return { paragraph, unit, service, category: category || null, providerType };
      };
      const order = (a: { paragraph: string; service: string; providerType: string }, b: typeof a) =>
        a.paragraph.localeCompare(b.paragraph, 'da', { numeric: true }) || a.service.localeCompare(b.service, 'da') || a.providerType.localeCompare(b.providerType);
      const departmentMedians = [...department].map(([key, takster]) => ({ ...split(key), median: money(medianOere(takster)!), count: takster.length })).sort(order);
      const deptMedian = new Map([...department].map(([key, t]) => [key, medianOere(t)!]));
      const peerMedians = new Map<string, Map<number, number>>();
      for (const [id, p] of byPerson) {
        for (const [key, takster] of p.takster) {
          const m = peerMedians.get(key) ?? new Map<number, number>();
          m.set(id, medianOere(takster)!);
          peerMedians.set(key, m);
        }
      }
      const caseworkers = people.map((person): CaseworkerTakst => {
        const p = byPerson.get(person.id);
        return {
          personId: person.id, name: person.name, initials: person.initials, teamId: person.team_id,
          yearlyCost: money(p?.cost ?? 0),
          grantCount: p?.count ?? 0,
          newThisMonth: p?.newCount ?? 0,
          endedThisMonth: p?.ended ?? 0,
          internalShare: p && p.cost > 0 ? p.internal / p.cost : null,
          medians: p
            ? [...p.takster].map(([key, takster]) => {
                const own = medianOere(takster)!;
                // Against the colleagues: the median of the other caseworkers' medians for grants of
                // the same kind, one vote each, so a caseworker with many dear grants does not set
                // the yardstick. With fewer than two colleagues, the pooled median.
                const peers = [...(peerMedians.get(key) ?? new Map<number, number>())].filter(([id]) => id !== person.id).map(([, m]) => m);
                const dept = peers.length >= 2 ? medianOere(peers)! : deptMedian.get(key)!;
                // Fewer than three grants of a kind say more about the citizens than about the
                // caseworker; and a caseworker inside the colleagues' range is not the one who stands out.
                const outside = peers.length < 2 || own > Math.max(...peers) || own < Math.min(...peers);
                const outlier = takster.length >= TAKST_OUTLIER_MIN_GRANTS && outside && isTakstOutlier(own, dept);
                return {
                  ...split(key), median: money(own), departmentMedian: money(dept), count: takster.length, outlier,
                  direction: own > dept ? 'above' as const : own < dept ? 'below' as const : null,
                  // Only the median's own cases: the assignee scan above stays on its covering index.
                  cases: q.caseNumbers.all(JSON.stringify([...(p.cases.get(key) ?? [])]))
                    .map((c) => ({ caseId: c.id, caseNumber: c.case_number, teamId: c.team_id })),
                };
              }).sort(order)
            : [],
        };
      }).sort((a, b) => b.yearlyCost - a.yearlyCost || a.name.localeCompare(b.name, 'da'));
      return { asOf, caseworkers, departmentMedians };
    },

    getTakstCatalogue: ({ date }) => {
      const on = date ?? ctx.today();
      return {
        date: on,
        entries: catalogueEntries(on).sort((a, b) => a.paragraph.localeCompare(b.paragraph, 'da', { numeric: true }) || a.service.localeCompare(b.service, 'da') || a.provider.localeCompare(b.provider, 'da')),
        categories: categories(),
      };
    },

    setTakstPrice: ({ serviceId, providerId, takst, validFrom }, call) => {
      const service = q.service.get(serviceId);
      const provider = q.provider.get(providerId);
      if (!service) throw ApiFailure.of('not_found', 'economy.serviceNotInCatalogue', undefined, { fields: [fieldError('serviceId', 'economy.serviceNotFound')] });
      if (!provider) throw ApiFailure.of('not_found', 'economy.providerNotInCatalogue', undefined, { fields: [fieldError('providerId', 'economy.providerNotFound')] });
      const before = catalogueEntries(validFrom, { serviceId, providerId })[0];
      q.upsertPrice.run(serviceId, providerId, validFrom, takst, ctx.now().toISOString(), call.actorId);
      appendEvent(db, {
        at: ctx.now().toISOString(), actorId: call.actorId, entity: 'takst_price', entityId: providerId,
        type: 'takst_price_changed', field: `${service.name} / ${provider.name} fra ${validFrom}`,
        from: before?.takst ?? null, to: takst,
      });
      return catalogueEntries(ctx.today(), { serviceId, providerId })[0]!;
    },

    getCaseEconomy: ({ caseId }) => {
      const c = caseRow(caseId);
      const cats = categories();
      return {
        caseId,
        teamId: c.team_id,
        paragraph: c.paragraph,
        grants: q.caseGrants.all(caseId).map((r) => grantView(r, cats)),
      };
    },

    previewGrant: ({ caseId, grantId, grant }): GrantPreview => {
      const c = caseRow(caseId);
      let before: CostBasisOere | null = null;
      if (grantId !== undefined) {
        const row = grantRow(grantId);
        if (row.case_id !== caseId) throw ApiFailure.of('invalid_input', 'economy.grantNotOfCase', undefined, { fields: [fieldError('grantId', 'economy.grantNotOfCaseField')] });
        before = basisFromRow(row);
      }
      return previewGrantEffect(db, ctx.today(), c.team_id, before, basisFromFields(grant), suggestedFollowUp(grant, categories()), grantCategory(grant, categories()));
    },

    createGrant: ({ caseId, grant, confirmHighTakst }, call) => {
      caseRow(caseId);
      refuseImplausible(grant, { confirmHighTakst });
      // Above the actor's grant authority the grant is not made: it awaits the visitation committee.
      const routed = routeToCommittee(ctx, call, { caseId, grantId: null, before: null, grant });
      if (routed) return routed;
      const id = createEditedGrant(db, caseId, grant, editWrite(call));
      return grantView(grantRow(id), categories());
    },

    updateGrant: ({ grantId, grant, reason, confirmHighTakst }, call) => {
      const old = grantRow(grantId);
      const stored = readGrant(db, grantId)!;
      if (editedChanges(stored, grant).length === 0) return grantView(old, categories());
      refuseImplausible(grant, { confirmHighTakst, storedStartDate: old.start_date });
      const routed = routeToCommittee(ctx, call, {
        caseId: old.case_id, grantId, grant,
        before: { paragraph: old.paragraph, providerType: old.provider_type, takst: old.takst, takstUnit: old.takst_unit, quantity: old.quantity },
      });
      if (routed) return routed;
      updateEditedGrant(db, grantId, grant, { ...editWrite(call), reason: reason || null });
      return grantView(grantRow(grantId), categories());
    },

    endGrant: ({ grantId, endDate, reason }, call) => {
      const old = grantRow(grantId);
      if (endDate < old.start_date) {
        throw ApiFailure.of('invalid_input', 'economy.endBeforeStart', undefined, { fields: [fieldError('endDate', 'economy.endBeforeStartField')] });
      }
      if (old.end_date !== null && old.end_date <= endDate) {
        throw ApiFailure.of('conflict', 'economy.alreadyEnds', { date: old.end_date }, { fields: [fieldError('endDate', 'economy.alreadyEndsField')] });
      }
      endEditedGrant(db, grantId, endDate, { ...editWrite(call), reason: reason || null });
      return grantView(grantRow(grantId), categories());
    },

    getBudget: ({ teamId, year }) => {
      team(teamId);
      return budgetOverview(teamId, year);
    },

    setBudget: ({ teamId, year, amount, paragraph }, call) => {
      team(teamId);
      const at = ctx.now().toISOString();
      let previous: number | null;
      if (paragraph === undefined) {
        previous = q.budget.get(teamId, year)?.amount ?? null;
        q.upsertBudget.run(teamId, year, amount);
      } else {
        previous = q.budgetParagraph.get(teamId, year, paragraph)?.amount ?? null;
        q.upsertBudgetParagraph.run(teamId, year, paragraph, amount);
      }
      q.insertBudgetHistory.run(teamId, year, paragraph ?? null, amount, previous, at, call.actorId);
      appendEvent(db, {
        at, actorId: call.actorId, entity: 'budget', entityId: teamId, type: 'budget_set',
        field: paragraph === undefined ? String(year) : `${year} ${formatParagraph(paragraph)}`, from: previous, to: amount,
      });
      return budgetOverview(teamId, year);
    },
  };
}

function queries(db: Db) {
  return {
    team: db.prepare<[number], Pick<TeamsRow, 'id' | 'name' | 'bottom_line_tolerance'>>('SELECT id, name, bottom_line_tolerance FROM teams WHERE id = ?'),
    case: db.prepare<[number], Pick<CasesRow, 'id' | 'team_id' | 'paragraph' | 'case_number'>>('SELECT id, team_id, paragraph, case_number FROM cases WHERE id = ?'),
    grant: db.prepare<[number], EconomyGrantRow>(`SELECT ${ECONOMY_GRANT_COLUMNS} FROM grants g WHERE g.id = ?`),
    caseGrants: db.prepare<[number], EconomyGrantRow>(`SELECT ${ECONOMY_GRANT_COLUMNS} FROM grants g WHERE g.case_id = ? ORDER BY g.start_date DESC, g.id DESC`),
    // The catalogue's takst in force today for a service by name and unit, one row per provider.
    cataloguePrices: db.prepare<[string, string, string], { provider: string; takst: number }>(
      `SELECT v.name AS provider, pr.takst FROM takst_prices pr
         JOIN takst_services s ON s.id = pr.service_id JOIN takst_providers v ON v.id = pr.provider_id
       WHERE s.name = ? AND s.unit = ? AND pr.valid_from = (
         SELECT MAX(x.valid_from) FROM takst_prices x WHERE x.service_id = pr.service_id AND x.provider_id = pr.provider_id AND x.valid_from <= ?)`,
    ),
    categories: db.prepare<[], TakstCategoriesRow>('SELECT * FROM takst_categories ORDER BY min_hours'),
    budget: db.prepare<[number, number], Pick<BudgetsRow, 'amount'>>('SELECT amount FROM budgets WHERE team_id = ? AND year = ?'),
    budgetParagraph: db.prepare<[number, number, string], Pick<BudgetParagraphsRow, 'amount'>>('SELECT amount FROM budget_paragraphs WHERE team_id = ? AND year = ? AND paragraph = ?'),
    budgetParagraphs: db.prepare<[number, number], Pick<BudgetParagraphsRow, 'paragraph' | 'amount'>>('SELECT paragraph, amount FROM budget_paragraphs WHERE team_id = ? AND year = ? ORDER BY paragraph'),
    budgetHistory: db.prepare<[number], Pick<BudgetHistoryRow, 'id' | 'year' | 'paragraph' | 'amount' | 'previous' | 'set_at'> & { set_by: PeopleRow['name'] | null }>(
      `SELECT h.id, h.year, h.paragraph, h.amount, h.previous, h.set_at, p.name AS set_by
       FROM budget_history h LEFT JOIN people p ON p.id = h.set_by WHERE h.team_id = ? ORDER BY h.id DESC LIMIT 200`,
    ),
    upsertBudget: db.prepare(
      'INSERT INTO budgets (team_id, year, amount) VALUES (?, ?, ?) ON CONFLICT (team_id, year) DO UPDATE SET amount = excluded.amount',
    ),
    upsertBudgetParagraph: db.prepare(
      `INSERT INTO budget_paragraphs (team_id, year, paragraph, amount) VALUES (?, ?, ?, ?)
       ON CONFLICT (team_id, year, paragraph) DO UPDATE SET amount = excluded.amount`,
    ),
    insertBudgetHistory: db.prepare(
      'INSERT INTO budget_history (team_id, year, paragraph, amount, previous, set_at, set_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    // The ledger entries known in [since, asOf] that moved the forecast, largest first.
    // effect_oere is COALESCEd with the NOT NULL forecast_effect, so it is never NULL.
    movers: db.prepare<
      [number, number, IsoDate, IsoDate, number],
      Pick<GrantLedgerRow, 'id' | 'on_date' | 'kind' | 'case_id' | 'grant_id' | 'description' | 'yearly_before' | 'yearly_after' | 'source'>
        & Pick<CasesRow, 'case_number'> & { actor_name: PeopleRow['name'] | null; effect_oere: number }
    >(
      `SELECT l.id, l.on_date, l.kind, l.case_id, c.case_number, l.grant_id, l.description, p.name AS actor_name,
              COALESCE(l.effect_oere, CAST(ROUND(l.forecast_effect * 100) AS INTEGER)) AS effect_oere, l.yearly_before, l.yearly_after, l.source
       FROM grant_ledger l JOIN cases c ON c.id = l.case_id LEFT JOIN people p ON p.id = l.actor_id
       WHERE l.team_id = ? AND l.year = ? AND l.on_date >= ? AND l.on_date <= ? AND l.forecast_effect <> 0
       ORDER BY ABS(l.forecast_effect) DESC, l.id DESC LIMIT ?`,
    ),
    casesOf: db.prepare<[number], Pick<CasesRow, 'id' | 'case_number' | 'assignee_id'> & { assignee: PeopleRow['name'] | null }>(
      `SELECT c.id, c.case_number, c.assignee_id, p.name AS assignee FROM cases c LEFT JOIN people p ON p.id = c.assignee_id WHERE c.team_id = ?`,
    ),
    assignees: db.prepare<[], Pick<CasesRow, 'id' | 'assignee_id'>>('SELECT id, assignee_id FROM cases'),
    caseNumbers: db.prepare<[string], Pick<CasesRow, 'id' | 'case_number' | 'team_id'>>(
      'SELECT id, case_number, team_id FROM cases WHERE id IN (SELECT value FROM json_each(?)) ORDER BY case_number',
    ),
    caseworkers: db.prepare<[], Pick<PeopleRow, 'id' | 'name' | 'initials' | 'team_id'>>(`SELECT id, name, initials, team_id FROM people WHERE active = 1 AND role = 'caseworker' ORDER BY name`),
    service: db.prepare<[number], Pick<TakstServicesRow, 'id' | 'name'>>('SELECT id, name FROM takst_services WHERE id = ?'),
    provider: db.prepare<[number], Pick<TakstProvidersRow, 'id' | 'name'>>('SELECT id, name FROM takst_providers WHERE id = ?'),
    prices: db.prepare<[], PriceRow>(
      `SELECT pr.service_id, pr.provider_id, s.paragraph, s.name AS service, s.unit, v.name AS provider, v.provider_type,
              pr.valid_from, pr.takst, pr.recorded_at, p.name AS recorded_by
       FROM takst_prices pr JOIN takst_services s ON s.id = pr.service_id JOIN takst_providers v ON v.id = pr.provider_id
       LEFT JOIN people p ON p.id = pr.recorded_by`,
    ),
    pricesFor: db.prepare<[number, number], PriceRow>(
      `SELECT pr.service_id, pr.provider_id, s.paragraph, s.name AS service, s.unit, v.name AS provider, v.provider_type,
              pr.valid_from, pr.takst, pr.recorded_at, p.name AS recorded_by
       FROM takst_prices pr JOIN takst_services s ON s.id = pr.service_id JOIN takst_providers v ON v.id = pr.provider_id
       LEFT JOIN people p ON p.id = pr.recorded_by WHERE pr.service_id = ? AND pr.provider_id = ?`,
    ),
    upsertPrice: db.prepare(
      `INSERT INTO takst_prices (service_id, provider_id, valid_from, takst, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (service_id, provider_id, valid_from) DO UPDATE SET takst = excluded.takst, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`,
    ),
  };
}
