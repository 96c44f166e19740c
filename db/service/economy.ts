// The economics service: bottom line per team (spent, committed, forecast, pipeline), the
// month-by-month chart, the drill-down, takst responsibility, the takst catalogue, grant editing
// with its "what if", and budgets. The arithmetic is shared/economics.ts; this file only fetches
// rows once per call and runs one pass over them.
import type { Handlers } from '../../shared/api/dispatch';
import { ApiFailure } from '../../shared/api/envelope';
import type {
  BottomLineChart, BottomLineReport, BudgetOverview, CaseworkerTakst, CatalogueEntry, economyMethods, GrantFields,
  GrantPreview, GrantView, MoverKind, TeamBottomLine,
} from '../../shared/api/methods/economy';
import { addDays, addMonths, daysInMonth, daysInYear, yearOf } from '../../shared/dates';
import type { IsoDate, ProviderType, TakstUnit } from '../../shared/domain';
import {
  approvalRate, bottomLine, costInPeriod, describeGrant, followUpMonthsFor, forecastEffect, grantCategory, isActiveOn,
  isTakstOutlier, median, monthlySplitter, pipeline, priceOn, roundOere, yearEnd, yearlyCost, yearSplitter, yearStart,
  type GrantPeriodBasis, type SupportGoal, type TakstCategory,
} from '../../shared/economics';
import { formatParagraph } from '../../shared/format';
import { paragraphInfo } from '../../shared/paragraphs';
import type { Db } from '../connection';
import { appendEvent } from '../events';
import { routeToCommittee } from './committee';
import type { ServiceContext } from './context';

interface EconomyGrantRow {
  id: number; case_id: number; paragraph: string; service: string; provider: string; provider_type: ProviderType;
  takst: number; takst_unit: TakstUnit; quantity: number; start_date: string; end_date: string | null;
  next_follow_up: string | null; follow_up_months: number | null; support_goal: SupportGoal | null;
}
const ECONOMY_GRANT_COLUMNS = `g.id, g.case_id, g.paragraph, g.service, g.provider, g.provider_type, g.takst, g.takst_unit,
  g.quantity, g.start_date, g.end_date, g.next_follow_up, g.follow_up_months, g.support_goal`;

/** The slim row the yearly figures need; fetched as arrays for speed at scale. */
type YearRow = [team: number, takst: number, unit: TakstUnit, quantity: number, start: string, end: string | null, paragraph: string];

interface CategoryRow {
  id: number; code: string; label: string; min_hours: number; max_hours: number | null;
  follow_up_developing: number; follow_up_maintaining: number;
}
const toCategory = (r: CategoryRow): TakstCategory => ({
  id: r.id, code: r.code, label: r.label, minHours: r.min_hours, maxHours: r.max_hours,
  followUpMonthsDeveloping: r.follow_up_developing, followUpMonthsMaintaining: r.follow_up_maintaining,
});

const basisOf = (r: YearRow): GrantPeriodBasis => ({ takst: r[1], takstUnit: r[2], quantity: r[3], startDate: r[4], endDate: r[5] });

export interface LedgerEntry {
  eventId: number | null; grantId: number; caseId: number; teamId: number; actorId: number | null; onDate: IsoDate;
  kind: MoverKind; description: string; before: GrantPeriodBasis | null; after: GrantPeriodBasis | null;
}

const ledgerInserts = new WeakMap<Db, import('better-sqlite3').Statement>();

/**
 * Records what a grant change did to its team's forecast for the year of `onDate`, for the
 * "what moved the bottom line" drill-down. Every writer of grants (the grant editor, an import)
 * calls it in the same transaction as the change; `after` null = the grant was removed.
 */
export function recordGrantLedger(db: Db, entry: LedgerEntry): void {
  let insert = ledgerInserts.get(db);
  if (!insert) {
    insert = db.prepare(
      `INSERT INTO grant_ledger (event_id, grant_id, case_id, team_id, actor_id, on_date, kind, description, year,
         forecast_effect, yearly_before, yearly_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    ledgerInserts.set(db, insert);
  }
  const year = yearOf(entry.onDate);
  insert.run(
    entry.eventId, entry.grantId, entry.caseId, entry.teamId, entry.actorId, entry.onDate, entry.kind, entry.description, year,
    forecastEffect(entry.before, entry.after, year),
    entry.before ? yearlyCost(entry.before) : null,
    entry.after ? yearlyCost(entry.after) : null,
  );
}

export interface EconomyOptions {
  /** Off only for the committee, whose approval is the authority for a grant above a caseworker's. */
  enforceAuthority?: boolean;
}

export function economyHandlers(ctx: ServiceContext, options: EconomyOptions = {}): Pick<Handlers, keyof typeof economyMethods> {
  const { db } = ctx;
  const enforceAuthority = options.enforceAuthority ?? true;
  const q = prepare(db);

  const categories = (): TakstCategory[] => (q.categories.all() as CategoryRow[]).map(toCategory);

  function team(teamId: number) {
    const row = q.team.get(teamId) as { id: number; name: string; bottom_line_tolerance: number } | undefined;
    if (!row) throw new ApiFailure('not_found', 'Teamet findes ikke.', [{ field: 'teamId', message: 'Teamet findes ikke' }]);
    return row;
  }

  function caseRow(caseId: number) {
    const row = q.case.get(caseId) as { id: number; team_id: number; paragraph: string; case_number: string } | undefined;
    if (!row) throw new ApiFailure('not_found', `Sag ${caseId} findes ikke.`, [{ field: 'caseId', message: 'Sagen findes ikke' }]);
    return row;
  }

  function grantRow(grantId: number): EconomyGrantRow {
    const row = q.grant.get(grantId) as EconomyGrantRow | undefined;
    if (!row) throw new ApiFailure('not_found', `Bevilling ${grantId} findes ikke.`, [{ field: 'grantId', message: 'Bevillingen findes ikke' }]);
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

  /** Every team's (or one team's) figures for the as-of year, unrounded. */
  function computeBottomLine(asOf: IsoDate, teamId?: number) {
    const year = yearOf(asOf);
    const teams = (teamId === undefined ? q.teams.all() : [team(teamId)]) as { id: number; name: string; bottom_line_tolerance: number }[];
    const rows = (teamId === undefined
      ? q.yearGrants.raw().all(yearEnd(year), yearStart(year))
      : q.teamYearGrants.raw().all(yearEnd(year), yearStart(year), teamId)) as YearRow[];
    const budgets = new Map((q.budgets.all(year) as { team_id: number; amount: number }[]).map((b) => [b.team_id, b.amount]));

    const split = yearSplitter(asOf);
    const acc = new Map<number, { spent: number; committed: number; active: Map<string, number[]>; all: number[] }>();
    for (const t of teams) acc.set(t.id, { spent: 0, committed: 0, active: new Map(), all: [] });
    for (const r of rows) {
      const a = acc.get(r[0]);
      if (!a) continue;
      const basis = basisOf(r);
      const cost = split(basis);
      a.spent += cost.spent;
      a.committed += cost.committed;
      if (isActiveOn(basis, asOf)) {
        const cost = yearlyCost(basis);
        a.all.push(cost);
        const list = a.active.get(r[6]);
        if (list) list.push(cost);
        else a.active.set(r[6], [cost]);
      }
    }

    const nextDay = addDays(asOf, 1);
    const decisions = q.decisions.all(nextDay) as { team_id: number; approved: number; rejected: number }[];
    const deptApproved = decisions.reduce((s, d) => s + d.approved, 0);
    const deptRejected = decisions.reduce((s, d) => s + d.rejected, 0);
    const deptRate = approvalRate(deptApproved, deptRejected, 1);
    const rates = new Map(decisions.map((d) => [d.team_id, approvalRate(d.approved, d.rejected, deptRate)]));
    const pending = new Map<number, { paragraph: string }[]>();
    for (const p of q.pending.all(asOf, nextDay) as { team_id: number; paragraph: string }[]) {
      const list = pending.get(p.team_id);
      if (list) list.push({ paragraph: p.paragraph });
      else pending.set(p.team_id, [{ paragraph: p.paragraph }]);
    }

    return {
      year,
      teams: teams.map((t) => {
        const a = acc.get(t.id)!;
        const medians = new Map([...a.active].map(([paragraph, costs]) => [paragraph, median(costs)!]));
        const figures = bottomLine({ budget: budgets.get(t.id) ?? 0, spent: a.spent, committed: a.committed, tolerance: t.bottom_line_tolerance });
        return {
          teamId: t.id,
          team: t.name,
          ...figures,
          pipeline: pipeline(pending.get(t.id) ?? [], medians, median(a.all), rates.get(t.id) ?? deptRate, asOf),
        };
      }),
    };
  }

  function teamForecastNow(teamId: number) {
    const today = ctx.today();
    const figures = computeBottomLine(today, teamId).teams[0]!;
    return { year: yearOf(today), figures, tolerance: team(teamId).bottom_line_tolerance };
  }

  function basisFromFields(g: GrantFields): GrantPeriodBasis {
    return { takst: g.takst, takstUnit: g.takstUnit, quantity: g.quantity, startDate: g.startDate, endDate: g.endDate };
  }
  function basisFromRow(r: EconomyGrantRow): GrantPeriodBasis {
    return { takst: r.takst, takstUnit: r.takst_unit, quantity: r.quantity, startDate: r.start_date, endDate: r.end_date };
  }

  function suggestedFollowUp(g: Pick<GrantFields, 'takstUnit' | 'quantity' | 'supportGoal' | 'paragraph'>, cats: TakstCategory[]): number | null {
    const category = grantCategory(g, cats);
    if (category && g.supportGoal) return followUpMonthsFor(category, g.supportGoal);
    return paragraphInfo(g.paragraph)?.followUpMonths ?? null;
  }

  function nextFollowUp(startDate: IsoDate, endDate: IsoDate | null, months: number | null): IsoDate | null {
    if (months === null) return null;
    const next = addMonths(startDate, months);
    return endDate !== null && next > endDate ? null : next;
  }

  function ledger(entry: Omit<LedgerEntry, 'onDate'>) {
    recordGrantLedger(db, { ...entry, onDate: ctx.today() });
  }

  function budgetOverview(teamId: number, year: number): BudgetOverview {
    const total = q.budget.get(teamId, year) as { amount: number } | undefined;
    return {
      teamId,
      year,
      amount: total?.amount ?? null,
      paragraphs: (q.budgetParagraphs.all(teamId, year) as { paragraph: string; amount: number }[]).map((p) => ({ paragraph: p.paragraph, amount: p.amount })),
      history: (q.budgetHistory.all(teamId) as { id: number; year: number; paragraph: string | null; amount: number; previous: number | null; set_at: string; set_by: string | null }[])
        .map((h) => ({ id: h.id, year: h.year, paragraph: h.paragraph, amount: h.amount, previous: h.previous, setAt: h.set_at, setBy: h.set_by })),
    };
  }

  function catalogueEntries(date: IsoDate, only?: { serviceId: number; providerId: number }): CatalogueEntry[] {
    const rows = (only ? q.pricesFor.all(only.serviceId, only.providerId) : q.prices.all()) as {
      service_id: number; provider_id: number; paragraph: string; service: string; unit: TakstUnit; provider: string;
      provider_type: ProviderType; valid_from: string; takst: number; recorded_at: string; recorded_by: string | null;
    }[];
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
    getBottomLine: ({ asOf, teamId }): BottomLineReport => {
      const { year, teams } = computeBottomLine(asOf, teamId);
      return {
        asOf,
        year,
        teams: teams.map((t): TeamBottomLine => ({
          teamId: t.teamId,
          team: t.team,
          budget: roundOere(t.budget),
          spent: roundOere(t.spent),
          committed: roundOere(t.committed),
          forecast: roundOere(t.forecast),
          bottomLine: roundOere(t.bottomLine),
          pipeline: roundOere(t.pipeline),
          toleranceAmount: roundOere(t.toleranceAmount),
          status: t.status,
        })),
      };
    },

    getBottomLineChart: ({ asOf, teamId }): BottomLineChart => {
      team(teamId);
      const year = yearOf(asOf);
      const budget = (q.budget.get(teamId, year) as { amount: number } | undefined)?.amount ?? 0;
      const rows = q.teamYearGrants.raw().all(yearEnd(year), yearStart(year), teamId) as YearRow[];
      const monthly = new Array<number>(12).fill(0);
      const asOfMonth = Number(asOf.slice(5, 7));
      const monthStart = `${asOf.slice(0, 7)}-01`;
      let spentInAsOfMonth = 0;
      const byParagraph = new Map<string, number>();
      const months12 = monthlySplitter(year);
      for (const r of rows) {
        const basis = basisOf(r);
        const costs = months12(basis);
        let total = 0;
        costs.forEach((c, i) => {
          monthly[i]! += c;
          total += c;
        });
        spentInAsOfMonth += costInPeriod(basis, monthStart, asOf);
        byParagraph.set(r[6], (byParagraph.get(r[6]) ?? 0) + total);
      }
      const days = daysInYear(year);
      let dayCount = 0;
      let cumulative = 0;
      const months = monthly.map((cost, i) => {
        const month = i + 1;
        const before = cumulative;
        cumulative += cost;
        dayCount += daysInMonth(year, month);
        return {
          month,
          budgetCumulative: roundOere((budget * dayCount) / days),
          spentCumulative: month < asOfMonth ? roundOere(cumulative) : month === asOfMonth ? roundOere(before + spentInAsOfMonth) : null,
          forecastCumulative: roundOere(cumulative),
        };
      });
      const paragraphBudgets = new Map((q.budgetParagraphs.all(teamId, year) as { paragraph: string; amount: number }[]).map((p) => [p.paragraph, p.amount]));
      const paragraphs = [...new Set([...byParagraph.keys(), ...paragraphBudgets.keys()])]
        .map((paragraph) => ({ paragraph, budget: paragraphBudgets.get(paragraph) ?? null, forecast: roundOere(byParagraph.get(paragraph) ?? 0) }))
        .sort((a, b) => b.forecast - a.forecast);
      return { teamId, year, asOf, budget, months, paragraphs };
    },

    getBottomLineMovers: ({ teamId, since, asOf, limit }) => {
      team(teamId);
      return (q.movers.all(teamId, yearOf(asOf), since, asOf, limit ?? 50) as {
        id: number; on_date: string; kind: MoverKind; case_id: number; case_number: string; grant_id: number;
        description: string; actor_name: string | null; forecast_effect: number; yearly_before: number | null; yearly_after: number | null;
      }[]).map((r) => ({
        id: r.id, onDate: r.on_date, kind: r.kind, caseId: r.case_id, caseNumber: r.case_number, grantId: r.grant_id,
        description: r.description, actorName: r.actor_name, forecastEffect: roundOere(r.forecast_effect),
        yearlyBefore: r.yearly_before === null ? null : roundOere(r.yearly_before),
        yearlyAfter: r.yearly_after === null ? null : roundOere(r.yearly_after),
      }));
    },

    getTakstResponsibility: ({ asOf, teamId }) => {
      const monthStart = `${asOf.slice(0, 7)}-01`;
      const monthEnd = `${asOf.slice(0, 7)}-${String(daysInMonth(yearOf(asOf), Number(asOf.slice(5, 7)))).padStart(2, '0')}`;
      const rows = q.responsibility.all({ asOf, monthStart, monthEnd }) as {
        assignee_id: number | null; paragraph: string; provider_type: ProviderType; takst: number; takst_unit: TakstUnit;
        quantity: number; start_date: string; end_date: string | null;
      }[];
      const people = (q.caseworkers.all() as { id: number; name: string; initials: string; team_id: number | null }[])
        .filter((p) => teamId === undefined || p.team_id === teamId);
      const byPerson = new Map<number, { cost: number; internal: number; count: number; newCount: number; ended: number; takster: Map<string, number[]> }>();
      const department = new Map<string, number[]>();
      for (const r of rows) {
        const active = isActiveOn({ startDate: r.start_date, endDate: r.end_date }, asOf);
        const key = `${r.paragraph}|${r.takst_unit}`;
        if (active) {
          const list = department.get(key);
          if (list) list.push(r.takst);
          else department.set(key, [r.takst]);
        }
        if (r.assignee_id === null) continue;
        let p = byPerson.get(r.assignee_id);
        if (!p) byPerson.set(r.assignee_id, (p = { cost: 0, internal: 0, count: 0, newCount: 0, ended: 0, takster: new Map() }));
        if (r.start_date >= monthStart && r.start_date <= monthEnd) p.newCount++;
        if (r.end_date !== null && r.end_date >= monthStart && r.end_date <= monthEnd) p.ended++;
        if (!active) continue;
        const cost = yearlyCost({ takst: r.takst, takstUnit: r.takst_unit, quantity: r.quantity });
        p.cost += cost;
        p.count++;
        if (r.provider_type === 'internal') p.internal += cost;
        const list = p.takster.get(key);
        if (list) list.push(r.takst);
        else p.takster.set(key, [r.takst]);
      }
      const departmentMedians = [...department].map(([key, takster]) => {
        const [paragraph, unit] = key.split('|') as [string, TakstUnit];
        return { paragraph, unit, median: roundOere(median(takster)!), count: takster.length };
      }).sort((a, b) => a.paragraph.localeCompare(b.paragraph, 'da', { numeric: true }));
      const deptMedian = new Map([...department].map(([key, t]) => [key, median(t)!]));
      const caseworkers = people.map((person): CaseworkerTakst => {
        const p = byPerson.get(person.id);
        return {
          personId: person.id, name: person.name, initials: person.initials, teamId: person.team_id,
          yearlyCost: roundOere(p?.cost ?? 0),
          grantCount: p?.count ?? 0,
          newThisMonth: p?.newCount ?? 0,
          endedThisMonth: p?.ended ?? 0,
          internalShare: p && p.cost > 0 ? p.internal / p.cost : null,
          medians: p
            ? [...p.takster].map(([key, takster]) => {
                const [paragraph, unit] = key.split('|') as [string, TakstUnit];
                const own = median(takster)!;
                const dept = deptMedian.get(key)!;
                // Fewer than three grants say more about the citizens than about the caseworker.
                return { paragraph, unit, median: roundOere(own), departmentMedian: roundOere(dept), count: takster.length, outlier: takster.length >= 3 && isTakstOutlier(own, dept) };
              }).sort((a, b) => a.paragraph.localeCompare(b.paragraph, 'da', { numeric: true }))
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
      const service = q.service.get(serviceId) as { id: number; name: string } | undefined;
      const provider = q.provider.get(providerId) as { id: number; name: string } | undefined;
      if (!service) throw new ApiFailure('not_found', 'Ydelsen findes ikke i takstkataloget.', [{ field: 'serviceId', message: 'Ydelsen findes ikke' }]);
      if (!provider) throw new ApiFailure('not_found', 'Leverandøren findes ikke i takstkataloget.', [{ field: 'providerId', message: 'Leverandøren findes ikke' }]);
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
        grants: (q.caseGrants.all(caseId) as EconomyGrantRow[]).map((r) => grantView(r, cats)),
      };
    },

    previewGrant: ({ caseId, grantId, grant }): GrantPreview => {
      const c = caseRow(caseId);
      let before: GrantPeriodBasis | null = null;
      if (grantId !== undefined) {
        const row = grantRow(grantId);
        if (row.case_id !== caseId) throw new ApiFailure('invalid_input', 'Bevillingen hører ikke til sagen.', [{ field: 'grantId', message: 'Hører ikke til sagen' }]);
        before = basisFromRow(row);
      }
      const after = basisFromFields(grant);
      const { year, figures, tolerance } = teamForecastNow(c.team_id);
      const effect = forecastEffect(before, after, year);
      const afterFigures = bottomLine({ budget: figures.budget, spent: figures.spent, committed: figures.committed + effect, tolerance });
      const cats = categories();
      const category = grantCategory(grant, cats);
      return {
        year,
        yearlyBefore: before ? roundOere(yearlyCost(before)) : null,
        yearlyAfter: roundOere(yearlyCost(after)),
        forecastEffect: roundOere(effect),
        bottomLineBefore: roundOere(figures.bottomLine),
        bottomLineAfter: roundOere(afterFigures.bottomLine),
        statusBefore: figures.status,
        statusAfter: afterFigures.status,
        category: category ? { code: category.code, label: category.label } : null,
        suggestedFollowUpMonths: suggestedFollowUp(grant, cats),
      };
    },

    createGrant: ({ caseId, grant }, call) => {
      const c = caseRow(caseId);
      // Above the actor's grant authority the grant is not made: it awaits the visitation committee.
      const routed = enforceAuthority ? routeToCommittee(ctx, call, { caseId, grantId: null, before: null, grant }) : null;
      if (routed) return routed;
      const next = nextFollowUp(grant.startDate, grant.endDate, grant.followUpMonths);
      const id = Number(q.insertGrant.run(
        caseId, grant.paragraph, grant.service, grant.provider, grant.providerType, grant.takst, grant.takstUnit,
        grant.quantity, grant.startDate, grant.endDate, next, grant.followUpMonths, grant.supportGoal,
      ).lastInsertRowid);
      const description = describeGrant(grant);
      const eventId = appendEvent(db, {
        at: ctx.now().toISOString(), actorId: call.actorId, caseId, entity: 'grant', entityId: id,
        type: 'grant_created', field: 'grant', from: null, to: description,
      });
      ledger({ eventId, grantId: id, caseId, teamId: c.team_id, actorId: call.actorId, kind: 'new', description, before: null, after: basisFromFields(grant) });
      return grantView(grantRow(id), categories());
    },

    updateGrant: ({ grantId, grant, reason }, call) => {
      const old = grantRow(grantId);
      const c = caseRow(old.case_id);
      const fields: [field: string, from: string | number | null, to: string | number | null][] = [
        ['paragraph', old.paragraph, grant.paragraph],
        ['service', old.service, grant.service],
        ['provider', old.provider, grant.provider],
        ['providerType', old.provider_type, grant.providerType],
        ['takst', old.takst, grant.takst],
        ['takstUnit', old.takst_unit, grant.takstUnit],
        ['quantity', old.quantity, grant.quantity],
        ['startDate', old.start_date, grant.startDate],
        ['endDate', old.end_date, grant.endDate],
        ['followUpMonths', old.follow_up_months, grant.followUpMonths],
        ['supportGoal', old.support_goal, grant.supportGoal],
      ];
      const changed = fields.filter(([, from, to]) => from !== to);
      if (changed.length === 0) return grantView(old, categories());
      const routed = enforceAuthority
        ? routeToCommittee(ctx, call, {
          caseId: old.case_id, grantId, grant,
          before: { paragraph: old.paragraph, providerType: old.provider_type, takst: old.takst, takstUnit: old.takst_unit, quantity: old.quantity },
        })
        : null;
      if (routed) return routed;
      const scheduleChanged = changed.some(([f]) => f === 'followUpMonths' || f === 'startDate');
      const next = scheduleChanged
        ? nextFollowUp(grant.startDate, grant.endDate, grant.followUpMonths)
        : old.next_follow_up !== null && grant.endDate !== null && old.next_follow_up > grant.endDate ? null : old.next_follow_up;
      q.updateGrant.run(
        grant.paragraph, grant.service, grant.provider, grant.providerType, grant.takst, grant.takstUnit, grant.quantity,
        grant.startDate, grant.endDate, next, grant.followUpMonths, grant.supportGoal, grantId,
      );
      const at = ctx.now().toISOString();
      let firstEvent = 0;
      for (const [field, from, to] of changed) {
        const eventId = appendEvent(db, {
          at, actorId: call.actorId, caseId: old.case_id, entity: 'grant', entityId: grantId,
          type: 'grant_changed', field, from, to, reason: reason || null,
        });
        firstEvent ||= eventId;
      }
      const names = changed.map(([f]) => f);
      const endedEarlier = names.length === 1 && names[0] === 'endDate' && grant.endDate !== null && (old.end_date === null || grant.endDate < old.end_date);
      const kind: MoverKind = names.includes('takst') ? 'takst' : endedEarlier ? 'ended' : 'changed';
      ledger({
        eventId: firstEvent, grantId, caseId: old.case_id, teamId: c.team_id, actorId: call.actorId, kind,
        description: describeGrant(grant), before: basisFromRow(old), after: basisFromFields(grant),
      });
      return grantView(grantRow(grantId), categories());
    },

    endGrant: ({ grantId, endDate, reason }, call) => {
      const old = grantRow(grantId);
      const c = caseRow(old.case_id);
      if (endDate < old.start_date) {
        throw new ApiFailure('invalid_input', 'En bevilling kan ikke ophøre, før den begynder.', [{ field: 'endDate', message: 'Før bevillingens startdato' }]);
      }
      if (old.end_date !== null && old.end_date <= endDate) {
        throw new ApiFailure('conflict', `Bevillingen ophører allerede ${old.end_date}.`, [{ field: 'endDate', message: 'Bevillingen ophører allerede tidligere' }]);
      }
      const next = old.next_follow_up !== null && old.next_follow_up > endDate ? null : old.next_follow_up;
      q.endGrant.run(endDate, next, grantId);
      const eventId = appendEvent(db, {
        at: ctx.now().toISOString(), actorId: call.actorId, caseId: old.case_id, entity: 'grant', entityId: grantId,
        type: 'grant_ended', field: 'endDate', from: old.end_date, to: endDate, reason: reason || null,
      });
      const before = basisFromRow(old);
      ledger({
        eventId, grantId, caseId: old.case_id, teamId: c.team_id, actorId: call.actorId, kind: 'ended',
        description: describeGrant({ paragraph: old.paragraph, service: old.service, provider: old.provider, takst: old.takst, takstUnit: old.takst_unit, quantity: old.quantity }),
        before, after: { ...before, endDate },
      });
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
        previous = (q.budget.get(teamId, year) as { amount: number } | undefined)?.amount ?? null;
        q.upsertBudget.run(teamId, year, amount);
      } else {
        previous = (q.budgetParagraph.get(teamId, year, paragraph) as { amount: number } | undefined)?.amount ?? null;
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

function prepare(db: Db) {
  return {
    team: db.prepare('SELECT id, name, bottom_line_tolerance FROM teams WHERE id = ?'),
    teams: db.prepare('SELECT id, name, bottom_line_tolerance FROM teams ORDER BY sort_order, name'),
    case: db.prepare('SELECT id, team_id, paragraph, case_number FROM cases WHERE id = ?'),
    grant: db.prepare(`SELECT ${ECONOMY_GRANT_COLUMNS} FROM grants g WHERE g.id = ?`),
    caseGrants: db.prepare(`SELECT ${ECONOMY_GRANT_COLUMNS} FROM grants g WHERE g.case_id = ? ORDER BY g.start_date DESC, g.id DESC`),
    categories: db.prepare('SELECT * FROM takst_categories ORDER BY min_hours'),
    yearGrants: db.prepare(
      `SELECT c.team_id, g.takst, g.takst_unit, g.quantity, g.start_date, g.end_date, g.paragraph
       FROM grants g JOIN cases c ON c.id = g.case_id
       WHERE g.start_date <= ? AND (g.end_date IS NULL OR g.end_date >= ?)`,
    ),
    teamYearGrants: db.prepare(
      `SELECT c.team_id, g.takst, g.takst_unit, g.quantity, g.start_date, g.end_date, g.paragraph
       FROM cases c JOIN grants g ON g.case_id = c.id
       WHERE g.start_date <= ? AND (g.end_date IS NULL OR g.end_date >= ?) AND c.team_id = ?`,
    ),
    budgets: db.prepare('SELECT team_id, amount FROM budgets WHERE year = ?'),
    budget: db.prepare('SELECT amount FROM budgets WHERE team_id = ? AND year = ?'),
    budgetParagraph: db.prepare('SELECT amount FROM budget_paragraphs WHERE team_id = ? AND year = ? AND paragraph = ?'),
    budgetParagraphs: db.prepare('SELECT paragraph, amount FROM budget_paragraphs WHERE team_id = ? AND year = ? ORDER BY paragraph'),
    budgetHistory: db.prepare(
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
    // Historic approval rate: every decision recorded up to the end of the as-of date.
    decisions: db.prepare(
      `SELECT c.team_id, SUM(e.to_value = 'approved') AS approved, SUM(e.to_value = 'rejected') AS rejected
       FROM events e JOIN cases c ON c.id = e.case_id
       WHERE e.type = 'decided' AND e.at < ? GROUP BY c.team_id`,
    ),
    // Pending: an application received by the as-of date, not in a done column and not decided.
    pending: db.prepare(
      `SELECT c.team_id, c.paragraph FROM cases c JOIN board_columns b ON b.id = c.column_id
       WHERE c.kind = 'application' AND b.kind <> 'done' AND c.received_date <= ?
         AND c.id NOT IN (SELECT e.case_id FROM events e WHERE e.type = 'decided' AND e.at < ? AND e.case_id IS NOT NULL)`,
    ),
    movers: db.prepare(
      `SELECT l.id, l.on_date, l.kind, l.case_id, c.case_number, l.grant_id, l.description, p.name AS actor_name,
              l.forecast_effect, l.yearly_before, l.yearly_after
       FROM grant_ledger l JOIN cases c ON c.id = l.case_id LEFT JOIN people p ON p.id = l.actor_id
       WHERE l.team_id = ? AND l.year = ? AND l.on_date >= ? AND l.on_date <= ? AND l.forecast_effect <> 0
       ORDER BY ABS(l.forecast_effect) DESC, l.id DESC LIMIT ?`,
    ),
    responsibility: db.prepare(
      `SELECT c.assignee_id, g.paragraph, g.provider_type, g.takst, g.takst_unit, g.quantity, g.start_date, g.end_date
       FROM grants g JOIN cases c ON c.id = g.case_id
       WHERE (g.start_date <= @asOf AND (g.end_date IS NULL OR g.end_date >= @asOf))
          OR (g.start_date BETWEEN @monthStart AND @monthEnd) OR (g.end_date BETWEEN @monthStart AND @monthEnd)`,
    ),
    caseworkers: db.prepare(`SELECT id, name, initials, team_id FROM people WHERE active = 1 AND role = 'caseworker' ORDER BY name`),
    service: db.prepare('SELECT id, name FROM takst_services WHERE id = ?'),
    provider: db.prepare('SELECT id, name FROM takst_providers WHERE id = ?'),
    prices: db.prepare(
      `SELECT pr.service_id, pr.provider_id, s.paragraph, s.name AS service, s.unit, v.name AS provider, v.provider_type,
              pr.valid_from, pr.takst, pr.recorded_at, p.name AS recorded_by
       FROM takst_prices pr JOIN takst_services s ON s.id = pr.service_id JOIN takst_providers v ON v.id = pr.provider_id
       LEFT JOIN people p ON p.id = pr.recorded_by`,
    ),
    pricesFor: db.prepare(
      `SELECT pr.service_id, pr.provider_id, s.paragraph, s.name AS service, s.unit, v.name AS provider, v.provider_type,
              pr.valid_from, pr.takst, pr.recorded_at, p.name AS recorded_by
       FROM takst_prices pr JOIN takst_services s ON s.id = pr.service_id JOIN takst_providers v ON v.id = pr.provider_id
       LEFT JOIN people p ON p.id = pr.recorded_by WHERE pr.service_id = ? AND pr.provider_id = ?`,
    ),
    upsertPrice: db.prepare(
      `INSERT INTO takst_prices (service_id, provider_id, valid_from, takst, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (service_id, provider_id, valid_from) DO UPDATE SET takst = excluded.takst, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`,
    ),
    insertGrant: db.prepare(
      `INSERT INTO grants (case_id, paragraph, service, provider, provider_type, takst, takst_unit, quantity, start_date,
         end_date, next_follow_up, follow_up_months, support_goal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    updateGrant: db.prepare(
      `UPDATE grants SET paragraph = ?, service = ?, provider = ?, provider_type = ?, takst = ?, takst_unit = ?, quantity = ?,
         start_date = ?, end_date = ?, next_follow_up = ?, follow_up_months = ?, support_goal = ? WHERE id = ?`,
    ),
    endGrant: db.prepare('UPDATE grants SET end_date = ?, next_follow_up = ? WHERE id = ?'),
  };
}
