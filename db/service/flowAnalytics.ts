// The flow analytics of issue 18 on the store: legal-deadline compliance, blocker clusters, flow
// efficiency, ageing against pace, the heat map, forecast checks, the working-day calendar, service
// levels per column and saved views. The rules are in shared/deadlines.ts and shared/flowAnalytics.ts;
// this file reads the facts (flow_cases, flow_blocks, the column events of the cases concerned).
import type { Handlers } from '../../shared/api/dispatch';
import { ApiFailure, fieldError } from '../../shared/api/envelope';
import type {
  ColumnFlowSetting, ComplianceGroup, flowAnalyticsMethods, SavedView, SavedViewSettings, ServiceLevelMarks, UncategorizedBlock,
} from '../../shared/api/methods/flowAnalytics';
import { closedDays, DEFAULT_CALENDAR, WorkingCalendar, type CalendarOptions } from '../../shared/calendar';
import { addDays, daysBetween } from '../../shared/dates';
import {
  COMPLIANCE_KINDS, compareParagraphs, complianceFigures, deadlineRows, forecastDeadline, groupBy, monthOf,
  type DecidedCase,
} from '../../shared/deadlines';
import type { ClassOfService, IsoDate } from '../../shared/domain';
import { age, cycleTime, sampleWindow, throughputPerDay, throughputPerWeek, type FlowEvent } from '../../shared/flow';
import {
  blockerClusters, columnOn, columnPaces, columnStays, efficiencyPerWeek, flowEfficiency, forecastPositions, heatMap,
  paceBand, seasonalFactors, seasonOf, suggestCategory, throughputStability, totalEfficiency, type BlockerCategory,
  type BlockRecord, type ColumnStay,
} from '../../shared/flowAnalytics';
import { formatParagraph } from '../../shared/format';
import type { Db } from '../connection';
import { appendEvent } from '../events';
import type { ServiceContext } from './context';
import { pullListFor } from './pullList';
import { statements } from '../statements';
import type {
  BlockerCategoriesRow, BoardColumnsRow, CasesRow, ColumnFlowSettingsRow, EventsRow, FlowBlocksRow, FlowCasesRow, FlowSavedViewsRow, OrNull, PeopleRow,
  TeamsRow, WorkspaceRow,
} from '../schema';

const CALENDAR_KEY = 'flow.calendar';

/** The department's working-day calendar (workspace setting, defaults when unset). */
export function calendarOptions(db: Db): CalendarOptions {
  const row = statements(db, queries).calendar.get(CALENDAR_KEY);
  if (!row) return { ...DEFAULT_CALENDAR };
  try {
    const parsed = JSON.parse(row.value) as Partial<CalendarOptions>;
    return {
      christmasEveClosed: parsed.christmasEveClosed ?? DEFAULT_CALENDAR.christmasEveClosed,
      newYearsEveClosed: parsed.newYearsEveClosed ?? DEFAULT_CALENDAR.newYearsEveClosed,
      constitutionDayClosed: parsed.constitutionDayClosed ?? DEFAULT_CALENDAR.constitutionDayClosed,
    };
  } catch {
    return { ...DEFAULT_CALENDAR };
  }
}

/**
 * The column stays of the given cases, from their column events (the events_case index, a few
 * events per case). Exported for the flow dashboard's ageing of a past period.
 */
export function staysOf(db: Db, caseIds: readonly number[]): Map<number, ColumnStay[]> {
  const byCase = new Map<number, FlowEvent[]>();
  const statement = statements(db, queries).columnEvents;
  for (let i = 0; i < caseIds.length; i += 5000) {
    for (const r of statement.all(JSON.stringify(caseIds.slice(i, i + 5000)))) {
      let list = byCase.get(r.case_id);
      if (!list) byCase.set(r.case_id, (list = []));
      list.push({ caseId: r.case_id, at: r.at, type: r.type, field: r.field, to: r.to_value });
    }
  }
  const stays = new Map<number, ColumnStay[]>();
  for (const id of caseIds) stays.set(id, columnStays(byCase.get(id) ?? []));
  return stays;
}

/** Work in progress at the end of `asOf` in the columns the cases were in then (not now). */
export function wipAsOf(db: Db, teamId: number, asOf: IsoDate) {
  const rows = statements(db, queries).wipAsOf.all({ asOf, team: teamId });
  const stays = staysOf(db, rows.map((r) => r.case_id));
  return rows.map((r) => ({
    caseId: r.case_id,
    caseNumber: r.case_number,
    columnId: columnOn(stays.get(r.case_id) ?? [], asOf) ?? 0,
    start: r.start_day,
    age: age(r.start_day, asOf),
    blocked: r.blocked === 1,
    blockedReason: r.blocked_reason,
    assigneeInitials: r.initials,
  }));
}

type TeamRow = Pick<TeamsRow, 'id' | 'name'>;
// Selected with case_id IN (…) and to_value IS NOT NULL: both are set.
type EventRow = Pick<EventsRow, 'at' | 'type' | 'field'>
  & { case_id: NonNullable<EventsRow['case_id']>; to_value: NonNullable<EventsRow['to_value']> };
// Selected with start_day IS NOT NULL; blocked is EXISTS (…), 0 or 1.
type WipRow = Pick<FlowCasesRow, 'case_id'> & { start_day: NonNullable<FlowCasesRow['start_day']> } & Pick<CasesRow, 'case_number'>
  & OrNull<Pick<PeopleRow, 'initials'>> & { blocked_reason: FlowBlocksRow['reason'] | null; blocked: 0 | 1 };
// Selected with finish_day in a range: it is set.
type DecidedRow = { case_id: CasesRow['id'] } & Pick<CasesRow, 'case_number' | 'kind' | 'paragraph' | 'team_id' | 'assignee_id' | 'received_date' | 'legal_deadline'>
  & { finish_day: NonNullable<FlowCasesRow['finish_day']> };
// Selected with legal_deadline IS NOT NULL.
type OpenRow = Pick<CasesRow, 'id' | 'case_number' | 'kind' | 'paragraph' | 'assignee_id' | 'received_date' | 'team_id'>
  & { legal_deadline: NonNullable<CasesRow['legal_deadline']> };
type ColumnRow = Pick<BoardColumnsRow, 'id' | 'team_id' | 'name' | 'kind' | 'position'> & OrNull<Pick<ColumnFlowSettingsRow, 'max_working_days' | 'counts_as_work'>>;
type CategoryRow = Pick<BlockerCategoriesRow, 'id' | 'name' | 'keywords' | 'active'>;
// Selected with start_day IS NOT NULL and finish_day in a range: both are set.
type FinishedRow = Pick<FlowCasesRow, 'case_id'> & Pick<CasesRow, 'case_number' | 'paragraph' | 'assignee_id' | 'class_of_service'>
  & { start_day: NonNullable<FlowCasesRow['start_day']>; finish_day: NonNullable<FlowCasesRow['finish_day']> };
type ViewRow = Pick<FlowSavedViewsRow, 'id' | 'team_id' | 'name' | 'settings' | 'is_default' | 'updated_at'> & { created_by: PeopleRow['name'] | null };
type Scope = { team: number | null };

const queries = (db: Db) => ({
  calendar: db.prepare<[string], Pick<WorkspaceRow, 'value'>>('SELECT value FROM workspace WHERE key = ?'),
  columnEvents: db.prepare<[string], EventRow>(
    `SELECT case_id, at, type, field, to_value FROM events
     WHERE case_id IN (SELECT value FROM json_each(?)) AND to_value IS NOT NULL
       AND (field = 'column' OR type IN ('created', 'moved', 'moved_over_wip_limit'))
     ORDER BY case_id, at, id`,
  ),
  wipAsOf: db.prepare<{ asOf: IsoDate; team: number }, WipRow>(
    `SELECT f.case_id, c.case_number, f.start_day, p.initials,
            (SELECT b.reason FROM flow_blocks b WHERE b.case_id = f.case_id AND b.from_day <= @asOf AND (b.to_day IS NULL OR b.to_day > @asOf)
             ORDER BY b.from_day DESC LIMIT 1) AS blocked_reason,
            EXISTS (SELECT 1 FROM flow_blocks b WHERE b.case_id = f.case_id AND b.from_day <= @asOf AND (b.to_day IS NULL OR b.to_day > @asOf)) AS blocked
     FROM flow_cases f JOIN cases c ON c.id = f.case_id LEFT JOIN people p ON p.id = c.assignee_id
     WHERE f.team_id = @team AND f.start_day IS NOT NULL AND f.start_day <= @asOf AND (f.finish_day IS NULL OR f.finish_day > @asOf)
     ORDER BY f.start_day, f.case_id`,
  ),
  team: db.prepare<[number], TeamRow>('SELECT id, name FROM teams WHERE id = ?'),
  teams: db.prepare<[], TeamRow>('SELECT id, name FROM teams ORDER BY sort_order, id'),
  people: db.prepare<[], Pick<PeopleRow, 'id' | 'name' | 'initials'>>('SELECT id, name, initials FROM people'),
  // Decided: first day in a done column (flow_cases.finish_day, kept by the event-log triggers).
  decided: db.prepare<Scope & { from: IsoDate; to: IsoDate }, DecidedRow>(
    `SELECT c.id AS case_id, c.case_number, c.kind, c.paragraph, c.team_id, c.assignee_id, c.received_date, f.finish_day, c.legal_deadline
     FROM flow_cases f JOIN cases c ON c.id = f.case_id
     WHERE f.finish_day IS NOT NULL AND f.finish_day BETWEEN @from AND @to AND (@team IS NULL OR c.team_id = @team)`,
  ),
  openWithDeadline: db.prepare<Scope, OpenRow>(
    `SELECT c.id, c.case_number, c.kind, c.paragraph, c.assignee_id, c.received_date, c.legal_deadline, c.team_id
     FROM cases c JOIN board_columns b ON b.id = c.column_id
     WHERE b.kind <> 'done' AND c.legal_deadline IS NOT NULL AND c.kind IN ('application', 'complaint') AND (@team IS NULL OR c.team_id = @team)
     ORDER BY c.legal_deadline, c.id`,
  ),
  columnsAll: db.prepare<[], ColumnRow>(
    `SELECT b.id, b.team_id, b.name, b.kind, b.position, s.max_working_days, s.counts_as_work
     FROM board_columns b LEFT JOIN column_flow_settings s ON s.column_id = b.id ORDER BY b.team_id, b.position`,
  ),
  column: db.prepare<[number], ColumnRow>(
    `SELECT b.id, b.team_id, b.name, b.kind, b.position, s.max_working_days, s.counts_as_work
     FROM board_columns b LEFT JOIN column_flow_settings s ON s.column_id = b.id WHERE b.id = ?`,
  ),
  setColumn: db.prepare(
    `INSERT INTO column_flow_settings (column_id, max_working_days, counts_as_work, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (column_id) DO UPDATE SET max_working_days = excluded.max_working_days, counts_as_work = excluded.counts_as_work,
       updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ),
  categories: db.prepare<[], CategoryRow>('SELECT id, name, keywords, active FROM blocker_categories ORDER BY sort_order, name'),
  category: db.prepare<[number], CategoryRow>('SELECT id, name, keywords, active FROM blocker_categories WHERE id = ?'),
  categoryByName: db.prepare<[string], Pick<BlockerCategoriesRow, 'id'>>('SELECT id FROM blocker_categories WHERE name = ? COLLATE NOCASE'),
  insertCategory: db.prepare(
    `INSERT INTO blocker_categories (name, keywords, sort_order, active, updated_by, updated_at)
     VALUES (?, ?, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM blocker_categories WHERE sort_order < 99), ?, ?, ?)`,
  ),
  updateCategory: db.prepare('UPDATE blocker_categories SET name = ?, keywords = ?, active = ?, updated_by = ?, updated_at = ? WHERE id = ?'),
  blocks: db.prepare<[number, IsoDate, IsoDate], Pick<FlowBlocksRow, 'id' | 'case_id' | 'reason' | 'category_id' | 'from_day' | 'to_day'> & Pick<CasesRow, 'case_number'>>(
    `SELECT b.id, b.case_id, c.case_number, b.reason, b.category_id, b.from_day, b.to_day
     FROM flow_blocks b JOIN cases c ON c.id = b.case_id
     WHERE b.team_id = ? AND b.from_day <= ? AND (b.to_day IS NULL OR b.to_day >= ?)
     ORDER BY b.from_day DESC, b.id DESC`,
  ),
  categorized: db.prepare<[], Pick<FlowBlocksRow, 'reason'> & { category_id: NonNullable<FlowBlocksRow['category_id']> }>('SELECT reason, category_id FROM flow_blocks WHERE category_id IS NOT NULL'),
  block: db.prepare<[number], Pick<FlowBlocksRow, 'id' | 'case_id' | 'team_id' | 'category_id' | 'reason'>>('SELECT id, case_id, team_id, category_id, reason FROM flow_blocks WHERE id = ?'),
  setBlockCategory: db.prepare('UPDATE flow_blocks SET category_id = ? WHERE id = ?'),
  finished: db.prepare<[number, IsoDate, IsoDate], FinishedRow>(
    `SELECT f.case_id, c.case_number, f.start_day, f.finish_day, c.paragraph, c.assignee_id, c.class_of_service
     FROM flow_cases f JOIN cases c ON c.id = f.case_id
     WHERE f.team_id = ? AND f.start_day IS NOT NULL AND f.finish_day BETWEEN ? AND ? ORDER BY f.finish_day, f.case_id`,
  ),
  blocksOfCases: db.prepare<[string], Pick<FlowBlocksRow, 'case_id' | 'from_day' | 'to_day'>>(
    'SELECT case_id, from_day, to_day FROM flow_blocks WHERE case_id IN (SELECT value FROM json_each(?))',
  ),
  finishesByDay: db.prepare<[number], { day: NonNullable<FlowCasesRow['finish_day']>; n: number }>(
    'SELECT finish_day AS day, COUNT(*) AS n FROM flow_cases WHERE team_id = ? AND start_day IS NOT NULL AND finish_day IS NOT NULL GROUP BY finish_day',
  ),
  firstFinish: db.prepare<[number], { day: FlowCasesRow['finish_day'] }>('SELECT MIN(finish_day) AS day FROM flow_cases WHERE team_id = ? AND start_day IS NOT NULL AND finish_day IS NOT NULL'),
  wipCount: db.prepare<[number], { n: number }>(
    `SELECT COUNT(*) AS n FROM flow_cases f JOIN cases c ON c.id = f.case_id JOIN board_columns b ON b.id = c.column_id
     WHERE f.team_id = ? AND f.start_day IS NOT NULL AND f.finish_day IS NULL AND b.kind <> 'done'`,
  ),
  boardCases: db.prepare<[number], Pick<CasesRow, 'id' | 'column_id' | 'column_entered_at'> & { max_working_days: NonNullable<ColumnFlowSettingsRow['max_working_days']> }>(
    `SELECT c.id, c.column_id, c.column_entered_at, s.max_working_days
     FROM cases c JOIN column_flow_settings s ON s.column_id = c.column_id
     WHERE c.team_id = ? AND s.max_working_days IS NOT NULL`,
  ),
  views: db.prepare<[number], ViewRow>(
    `SELECT v.id, v.team_id, v.name, v.settings, v.is_default, p.name AS created_by, v.updated_at
     FROM flow_saved_views v LEFT JOIN people p ON p.id = v.created_by WHERE v.team_id = ? ORDER BY v.is_default DESC, v.name`,
  ),
  view: db.prepare<[number], ViewRow>(
    `SELECT v.id, v.team_id, v.name, v.settings, v.is_default, p.name AS created_by, v.updated_at
     FROM flow_saved_views v LEFT JOIN people p ON p.id = v.created_by WHERE v.id = ?`,
  ),
  viewByName: db.prepare<[number, string], Pick<FlowSavedViewsRow, 'id'>>('SELECT id FROM flow_saved_views WHERE team_id = ? AND name = ?'),
  insertView: db.prepare('INSERT INTO flow_saved_views (team_id, name, settings, is_default, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)'),
  updateView: db.prepare('UPDATE flow_saved_views SET name = ?, settings = ?, is_default = ?, created_by = COALESCE(created_by, ?), updated_at = ? WHERE id = ?'),
  clearDefault: db.prepare('UPDATE flow_saved_views SET is_default = 0 WHERE team_id = ? AND id <> ?'),
  deleteView: db.prepare('DELETE FROM flow_saved_views WHERE id = ? AND team_id = ?'),
  putWorkspace: db.prepare('INSERT OR REPLACE INTO workspace (key, value) VALUES (?, ?)'),
});

function requireTeam(db: Db, teamId: number): TeamRow {
  const row = statements(db, queries).team.get(teamId);
  if (!row) throw ApiFailure.of('not_found', 'records.teamNotFound', undefined, { fields: [fieldError('teamId', 'records.teamNotFound')] });
  return row;
}

function columnsOf(db: Db): Map<number, ColumnRow> {
  return new Map(statements(db, queries).columnsAll.all().map((c) => [c.id, c]));
}

/** The team's cases over their column's working-day limit today: getServiceLevelMarks, and the wall's marks. */
export function serviceLevelMarksFor(db: Db, teamId: number, today: IsoDate): ServiceLevelMarks {
  requireTeam(db, teamId);
  const cal = new WorkingCalendar(calendarOptions(db));
  const limits = [...columnsOf(db).values()].filter((c) => c.team_id === teamId && c.max_working_days !== null).map((c) => ({ columnId: c.id, maxWorkingDays: c.max_working_days! }));
  const over = statements(db, queries).boardCases.all(teamId)
    .map((c) => ({ caseId: c.id, columnId: c.column_id, workingDays: cal.workingDaysBetween(c.column_entered_at.slice(0, 10), today), limit: c.max_working_days }))
    .filter((c) => c.workingDays > c.limit);
  return { teamId, today, limits, over };
}

export function flowAnalyticsHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof flowAnalyticsMethods> {
  const { db } = ctx;
  const q = statements(db, queries);
  const team = (teamId: number) => requireTeam(db, teamId);

  const calendar = () => new WorkingCalendar(calendarOptions(db));
  const columns = () => columnsOf(db);
  const isWorkColumn = (c: ColumnRow | undefined) => (c ? (c.counts_as_work === null ? c.kind === 'active' : c.counts_as_work === 1) : false);
  const toSetting = (c: ColumnRow): ColumnFlowSetting => ({
    id: c.id, name: c.name, kind: c.kind, position: c.position, maxWorkingDays: c.max_working_days,
    countsAsWork: c.counts_as_work === null ? null : c.counts_as_work === 1, work: isWorkColumn(c),
  });

  function categoryList(): BlockerCategory[] {
    return q.categories.all().map((c) => ({
      id: c.id, name: c.name, keywords: c.keywords.split(',').map((k) => k.trim()).filter(Boolean), active: c.active === 1,
    }));
  }

  const toView = (r: ViewRow): SavedView => ({
    id: r.id, teamId: r.team_id, name: r.name, settings: JSON.parse(r.settings) as SavedViewSettings, isDefault: r.is_default === 1,
    createdBy: r.created_by, updatedAt: r.updated_at,
  });

  return {
    getDeadlineCompliance: ({ teamId, from, to }) => {
      const scope = teamId === undefined ? null : team(teamId);
      const today = ctx.today();
      const cal = calendar();
      const rows = q.decided.all({ from, to, team: scope?.id ?? null }).map((r): DecidedCase => ({
        caseId: r.case_id, kind: r.kind, paragraph: r.paragraph, teamId: r.team_id, assigneeId: r.assignee_id,
        received: r.received_date, decision: r.finish_day, legalDeadline: r.legal_deadline,
      }));
      const counted = rows.filter((c) => COMPLIANCE_KINDS.includes(c.kind));
      const teamNames = new Map(q.teams.all().map((t) => [t.id, t.name]));
      const people = new Map(q.people.all().map((p) => [p.id, p.name]));
      const groups = (key: (c: DecidedCase) => string, label: (k: string) => string, order: (a: string, b: string) => number): ComplianceGroup[] =>
        [...groupBy(counted, key)].sort(([a], [b]) => order(a, b)).map(([k, list]) => ({ key: k, label: label(k), ...complianceFigures(list, cal) }));
      const byText = (a: string, b: string) => a.localeCompare(b, 'da');

      // Today's pace: decisions of the 12 weeks before today, per paragraph in the same scope.
      const pace = sampleWindow(today);
      const recent = q.decided.all({ from: pace.from, to: pace.to, team: scope?.id ?? null })
        .filter((r) => COMPLIANCE_KINDS.includes(r.kind))
        .map((r) => ({ paragraph: r.paragraph, days: daysBetween(r.received_date, r.finish_day) }));
      const paceOf = groupBy(recent, (r) => r.paragraph);
      const all = recent.map((r) => r.days);
      const open = q.openWithDeadline.all({ team: scope?.id ?? null });
      const willMiss = open
        .map((o) => {
          const own = paceOf.get(o.paragraph);
          const f = forecastDeadline(
            { caseId: o.id, caseNumber: o.case_number, kind: o.kind, paragraph: o.paragraph, assigneeId: o.assignee_id, received: o.received_date, legalDeadline: o.legal_deadline },
            today,
            own && own.length >= 5 ? own.map((r) => r.days) : all,
          );
          return { ...f, assigneeName: o.assignee_id === null ? null : people.get(o.assignee_id) ?? null, team: teamNames.get(o.team_id) ?? '' };
        })
        .filter((f) => f.willMiss);

      return {
        teamId: scope?.id ?? null,
        team: scope?.name ?? null,
        from,
        to,
        today,
        rows: deadlineRows(rows),
        followUps: deadlineRows(rows, ['follow_up']),
        total: complianceFigures(counted, cal),
        byParagraph: groups((c) => c.paragraph, formatParagraph, compareParagraphs),
        byTeam: groups((c) => String(c.teamId), (k) => teamNames.get(Number(k)) ?? k, (a, b) => byText(teamNames.get(Number(a)) ?? a, teamNames.get(Number(b)) ?? b)),
        byCaseworker: groups((c) => String(c.assigneeId ?? ''), (k) => (k === '' ? '' : people.get(Number(k)) ?? k), (a, b) => (a === '' ? 1 : b === '' ? -1 : byText(people.get(Number(a)) ?? a, people.get(Number(b)) ?? b))),
        byMonth: groups((c) => monthOf(c.decision), (k) => k, byText),
        willMiss,
        openWithDeadline: open.length,
        paceFrom: pace.from,
        paceTo: pace.to,
      };
    },

    getBlockerAnalysis: ({ teamId, from, to }) => {
      team(teamId);
      const categories = categoryList();
      const earlier = q.categorized.all().map((r) => ({ reason: r.reason, categoryId: r.category_id }));
      const suggestions = new Map<string, number | null>();
      const suggest = (reason: string | null) => {
        const key = reason ?? '';
        if (!suggestions.has(key)) suggestions.set(key, suggestCategory(reason, earlier, categories));
        return suggestions.get(key)!;
      };
      const rows = q.blocks.all(teamId, to, from);
      const blocks: BlockRecord[] = rows.map((r) => ({ blockId: r.id, caseId: r.case_id, reason: r.reason, categoryId: r.category_id, from: r.from_day, to: r.to_day }));
      const names = new Map(categories.map((c) => [c.id, c.name]));
      const clusters = blockerClusters(blocks, (b) => suggest(b.reason), from, to).map((c) => ({ ...c, name: c.categoryId === null ? '' : names.get(c.categoryId) ?? '' }));
      const uncategorized: UncategorizedBlock[] = rows.filter((r) => r.category_id === null).map((r) => ({
        blockId: r.id, caseId: r.case_id, caseNumber: r.case_number, reason: r.reason, from: r.from_day, to: r.to_day, suggestedCategoryId: suggest(r.reason),
      }));
      return {
        teamId, from, to, categories, clusters,
        uncategorized: uncategorized.slice(0, 200),
        uncategorizedTotal: uncategorized.length,
        totalDays: clusters.reduce((a, c) => a + c.blockedDays, 0),
      };
    },

    listBlockerCategories: () => categoryList(),

    saveBlockerCategory: ({ id: categoryId, name, keywords, active }, call) => {
      const at = ctx.now().toISOString();
      const words = [...new Set(keywords.map((k) => k.toLocaleLowerCase('da')))].join(',');
      const clash = q.categoryByName.get(name);
      if (clash && clash.id !== categoryId) throw ApiFailure.of('conflict', 'flow.categoryNameTaken', undefined, { fields: [fieldError('name', 'records.alreadyExists')] });
      let savedId: number;
      if (categoryId === undefined) {
        savedId = Number(q.insertCategory.run(name, words, active ? 1 : 0, call.actorId, at).lastInsertRowid);
      } else {
        const before = q.category.get(categoryId);
        if (!before) throw ApiFailure.of('not_found', 'flow.categoryNotFound');
        q.updateCategory.run(name, words, active ? 1 : 0, call.actorId, at, categoryId);
        savedId = categoryId;
      }
      appendEvent(db, { at, actorId: call.actorId, entity: 'blocker_category', entityId: savedId, type: categoryId === undefined ? 'blocker_category_added' : 'blocker_category_changed', field: 'category', to: name, reason: words || null });
      return categoryList().find((c) => c.id === savedId)!;
    },

    categorizeBlocks: ({ teamId, items }, call) => {
      team(teamId);
      const at = ctx.now().toISOString();
      const known = new Set(categoryList().map((c) => c.id));
      let changed = 0;
      for (const item of items) {
        const block = q.block.get(item.blockId);
        if (!block || block.team_id !== teamId) throw ApiFailure.of('not_found', 'flow.blockNotInTeam', undefined, { fields: [fieldError('items', 'flow.blockNotInTeam')] });
        if (item.categoryId !== null && !known.has(item.categoryId)) throw ApiFailure.of('not_found', 'flow.categoryNotFound', undefined, { fields: [fieldError('items', 'flow.categoryNotFound')] });
        if (block.category_id === item.categoryId) continue;
        q.setBlockCategory.run(item.categoryId, block.id);
        appendEvent(db, { at, actorId: call.actorId, caseId: block.case_id, entity: 'flow_block', entityId: block.id, type: 'block_categorized', field: 'category', from: block.category_id, to: item.categoryId });
        changed++;
      }
      return { changed };
    },

    getFlowEfficiency: ({ teamId, from, to }) => {
      team(teamId);
      const cols = columns();
      const finished = q.finished.all(teamId, from, to);
      const ids = finished.map((f) => f.case_id);
      const stays = staysOf(db, ids);
      const blocksByCase = new Map<number, { from: IsoDate; to: IsoDate | null }[]>();
      for (const b of q.blocksOfCases.all(JSON.stringify(ids))) {
        let list = blocksByCase.get(b.case_id);
        if (!list) blocksByCase.set(b.case_id, (list = []));
        list.push({ from: b.from_day, to: b.to_day });
      }
      const isWork = (columnId: number) => isWorkColumn(cols.get(columnId));
      const items = finished.map((f) => {
        const facts = flowEfficiency(stays.get(f.case_id) ?? [], blocksByCase.get(f.case_id) ?? [], isWork, f.finish_day);
        return { caseId: f.case_id, caseNumber: f.case_number, finish: f.finish_day, ...facts };
      });
      return {
        teamId, from, to,
        workColumns: [...cols.values()].filter((c) => c.team_id === teamId && isWorkColumn(c)).map((c) => ({ id: c.id, name: c.name })),
        efficiency: totalEfficiency(items),
        weeks: efficiencyPerWeek(items.map((i) => ({ finish: i.finish, facts: i })), from, to),
        items: [...items].sort((a, b) => (a.efficiency ?? 2) - (b.efficiency ?? 2) || b.totalDays - a.totalDays),
      };
    },

    getAgeingAgainstPace: ({ teamId, asOf: requested }) => {
      team(teamId);
      const today = ctx.today();
      const asOf = requested === undefined || requested > today ? today : requested;
      const window = sampleWindow(addDays(asOf, 1));
      const teamColumns = [...columns().values()].filter((c) => c.team_id === teamId);
      const sample = q.finished.all(teamId, window.from, window.to);
      const sampleStays = staysOf(db, sample.map((s) => s.case_id));
      const paces = columnPaces(sample.map((s) => ({ start: s.start_day, stays: sampleStays.get(s.case_id) ?? [] })), teamColumns.map((c) => c.id));
      const paceOf = new Map(paces.map((p) => [p.columnId, p]));
      const items = wipAsOf(db, teamId, asOf).map((w) => ({
        caseId: w.caseId, caseNumber: w.caseNumber, columnId: w.columnId, start: w.start, age: w.age, band: paceBand(w.age, paceOf.get(w.columnId)), blocked: w.blocked,
      }));
      return {
        teamId, asOf, sampleFrom: window.from, sampleTo: window.to,
        columns: teamColumns.map((c) => {
          const { columnId: _, ...pace } = paceOf.get(c.id)!;
          return { id: c.id, name: c.name, kind: c.kind, ...pace };
        }),
        items,
      };
    },

    getCycleTimeHeatMap: ({ teamId, from, to }) => {
      team(teamId);
      const finished = q.finished.all(teamId, from, to)
        .map((f) => ({ ...f, ct: cycleTime(f.start_day, f.finish_day) }));
      const byCaseworker = heatMap(finished, (f) => f.paragraph, (f) => String(f.assignee_id ?? ''), (f) => f.ct)
        .sort((a, b) => compareParagraphs(a.row, b.row) || a.column.localeCompare(b.column));
      const classes: ClassOfService[] = ['urgent', 'fixed_date', 'standard', 'can_wait'];
      const byClass = heatMap(finished, (f) => f.class_of_service, () => '', (f) => f.ct)
        .sort((a, b) => classes.indexOf(a.row as ClassOfService) - classes.indexOf(b.row as ClassOfService)) as (ReturnType<typeof heatMap>[number] & { row: ClassOfService })[];
      const ids = new Set(finished.map((f) => f.assignee_id).filter((x): x is number => x !== null));
      const people = q.people.all().filter((p) => ids.has(p.id)).sort((a, b) => a.name.localeCompare(b.name, 'da'));
      return { teamId, from, to, byCaseworker, byClass, people };
    },

    getForecastCheck: ({ teamId, positions, seed }) => {
      team(teamId);
      const today = ctx.today();
      const window = sampleWindow(today);
      const finishes = new Map(q.finishesByDay.all(teamId).map((r) => [r.day, r.n]));
      const weekly = throughputPerWeek(finishes, window.from, window.to).map((w) => w.count);
      const first = q.firstFinish.get(teamId)!.day;
      // History for the seasons: every whole day from the first finish to yesterday.
      const history = first === null || first > window.to ? [] : throughputPerDay(finishes, first, window.to);
      const seasonal = seasonalFactors(history);
      const factorOf = (day: IsoDate) => seasonal[seasonOf(day) - 1]!.factor;
      const samples = throughputPerDay(finishes, window.from, window.to);
      const sampleFactor = samples.length === 0 ? 1 : samples.reduce((a, d) => a + factorOf(d.day), 0) / samples.length;
      const wip = q.wipCount.get(teamId)!.n;
      const pull = pullListFor(db, teamId, today).items.slice(0, positions ?? 10);
      const forecast = forecastPositions(samples.map((d) => d.count), today, wip, pull.length, { seed: seed ?? 1, factorOf, sampleFactor });
      return {
        teamId, today, sampleFrom: window.from, sampleTo: window.to,
        stability: throughputStability(weekly),
        seasonal, sampleFactor, wip,
        positions: forecast.map((f, i) => ({ ...f, caseId: pull[i]!.caseId, caseNumber: pull[i]!.caseNumber, kind: pull[i]!.kind })),
      };
    },

    getFlowSettings: ({ teamId }) => {
      team(teamId);
      const options = calendarOptions(db);
      const year = Number(ctx.today().slice(0, 4));
      return {
        teamId,
        calendar: options,
        columns: [...columns().values()].filter((c) => c.team_id === teamId).map(toSetting),
        closedDays: [...closedDays(year, options), ...closedDays(year + 1, options)],
      };
    },

    setColumnFlowSettings: ({ columnId, maxWorkingDays, countsAsWork }, call) => {
      const before = q.column.get(columnId);
      if (!before) throw ApiFailure.of('not_found', 'records.columnNotFound', undefined, { fields: [fieldError('columnId', 'records.columnNotFound')] });
      const at = ctx.now().toISOString();
      q.setColumn.run(columnId, maxWorkingDays, countsAsWork === null ? null : countsAsWork ? 1 : 0, call.actorId, at);
      if (before.max_working_days !== maxWorkingDays) {
        appendEvent(db, { at, actorId: call.actorId, entity: 'column', entityId: columnId, type: 'service_level_changed', field: 'max_working_days', from: before.max_working_days, to: maxWorkingDays });
      }
      const work = countsAsWork === null ? null : countsAsWork ? 1 : 0;
      if (before.counts_as_work !== work) {
        appendEvent(db, { at, actorId: call.actorId, entity: 'column', entityId: columnId, type: 'column_work_changed', field: 'counts_as_work', from: before.counts_as_work, to: work });
      }
      return toSetting(q.column.get(columnId)!);
    },

    setCalendarSettings: (input, call) => {
      const before = calendarOptions(db);
      const at = ctx.now().toISOString();
      q.putWorkspace.run(CALENDAR_KEY, JSON.stringify(input));
      appendEvent(db, { at, actorId: call.actorId, entity: 'workspace', type: 'calendar_changed', field: CALENDAR_KEY, from: JSON.stringify(before), to: JSON.stringify(input) });
      return calendarOptions(db);
    },

    getServiceLevelMarks: ({ teamId }) => serviceLevelMarksFor(db, teamId, ctx.today()),

    listSavedViews: ({ teamId }) => {
      team(teamId);
      return q.views.all(teamId).map(toView);
    },

    saveView: ({ teamId, id: viewId, name, settings, isDefault }, call) => {
      team(teamId);
      const at = ctx.now().toISOString();
      const clash = q.viewByName.get(teamId, name);
      if (clash && clash.id !== viewId) throw ApiFailure.of('conflict', 'flow.viewNameTaken', undefined, { fields: [fieldError('name', 'records.alreadyExists')] });
      let savedId: number;
      if (viewId === undefined) {
        savedId = Number(q.insertView.run(teamId, name, JSON.stringify(settings), isDefault ? 1 : 0, call.actorId, at).lastInsertRowid);
      } else {
        const row = q.view.get(viewId);
        if (!row || row.team_id !== teamId) throw ApiFailure.of('not_found', 'flow.viewNotFound');
        q.updateView.run(name, JSON.stringify(settings), isDefault ? 1 : 0, call.actorId, at, viewId);
        savedId = viewId;
      }
      if (isDefault) q.clearDefault.run(teamId, savedId);
      appendEvent(db, { at, actorId: call.actorId, entity: 'flow_saved_view', entityId: savedId, type: viewId === undefined ? 'saved_view_added' : 'saved_view_changed', field: 'view', to: name });
      return toView(q.view.get(savedId)!);
    },

    deleteView: ({ teamId, id: viewId }, call) => {
      const deleted = q.deleteView.run(viewId, teamId).changes > 0;
      if (deleted) appendEvent(db, { at: ctx.now().toISOString(), actorId: call.actorId, entity: 'flow_saved_view', entityId: viewId, type: 'saved_view_deleted', field: 'view' });
      return { deleted };
    },
  };
}
