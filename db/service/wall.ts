// The wall screen in the store. getWallScreen redacts on the server: in privacy mode no citizen
// initials, names, notes or blocked reasons leave this file, and a paired wall device gets privacy
// mode whatever it asks for (the dispatcher forces it, shared/api/methods/wall.ts wallInput).
import type { Handlers } from '../../shared/api/dispatch';
import type { CallContext } from '../../shared/api/define';
import { ApiFailure, fieldError } from '../../shared/api/envelope';
import type { WallCaseload, WallColumn, WallPlan, WallPullItem, WallScreen, WallSprint, wallMethods } from '../../shared/api/methods/wall';
import {
  DEFAULT_WALL_SETTINGS, WALL_CARDS_PER_COLUMN, parseWallViews, toWallCard, wallOrder,
  type WallCard, type WallSettings,
} from '../../shared/wall';
import { caseloadReader } from '../caseload';
import type { Db } from '../connection';
import { appendEvent } from '../events';
import { CARD_SELECT, COLUMN_COLUMNS, PERSON_COLUMNS, toCard, toColumn, toPerson, type CardRow, type ColumnRow, type PersonRow } from '../rows';
import type { PeopleRow, TeamsRow, WallSettingsRow } from '../schema';
import type { ServiceContext } from './context';
import { bottomLineFor } from './economy';
import { serviceLevelMarksFor } from './flowAnalytics';
import { currentPlanFor } from './plans';
import { pullListFor } from './pullList';
import { currentSprintFor } from './sprints';
import { statements } from '../statements';

const DEADLINES_SHOWN = 30;
const PULL_ITEMS_SHOWN = 12;

type SettingsRow = Pick<WallSettingsRow, 'team_id' | 'views' | 'interval_seconds' | 'timer_minutes' | 'privacy' | 'updated_at'>
  & { updated_by_initials: PeopleRow['initials'] | null };

const queries = (db: Db) => ({
  team: db.prepare<[number], Pick<TeamsRow, 'id' | 'name'>>('SELECT id, name FROM teams WHERE id = ?'),
  columns: db.prepare<[number], ColumnRow>(`SELECT ${COLUMN_COLUMNS} FROM board_columns WHERE team_id = ? ORDER BY position`),
  // The open columns whole; a done column only its latest cards (it shows a count and a few).
  openCards: db.prepare<[number], CardRow>(
    `SELECT ${CARD_SELECT} FROM cases c JOIN citizens z ON z.id = c.citizen_id JOIN board_columns b ON b.id = c.column_id
     WHERE c.team_id = ? AND b.kind <> 'done'`,
  ),
  latestDone: db.prepare<[number, number], CardRow>(
    `SELECT ${CARD_SELECT} FROM cases c JOIN citizens z ON z.id = c.citizen_id
     WHERE c.id IN (SELECT id FROM cases WHERE column_id = ? ORDER BY column_entered_at DESC, id DESC LIMIT ?)`,
  ),
  doneCounts: db.prepare<[number], { n: number; blocked: number }>('SELECT COUNT(*) AS n, COALESCE(SUM(blocked), 0) AS blocked FROM cases WHERE column_id = ?'),
  people: db.prepare<[], PersonRow>(`SELECT ${PERSON_COLUMNS} FROM people`),
  person: db.prepare<[number], PersonRow>(`SELECT ${PERSON_COLUMNS} FROM people WHERE id = ? AND active = 1`),
  settings: db.prepare<[number], SettingsRow>(
    `SELECT s.team_id, s.views, s.interval_seconds, s.timer_minutes, s.privacy, s.updated_at, p.initials AS updated_by_initials
     FROM wall_settings s LEFT JOIN people p ON p.id = s.updated_by WHERE s.team_id = ?`,
  ),
  saveSettings: db.prepare(
    `INSERT INTO wall_settings (team_id, views, interval_seconds, timer_minutes, privacy, updated_at, updated_by)
     VALUES (@teamId, @views, @intervalSeconds, @timerMinutes, @privacy, @at, @actor)
     ON CONFLICT (team_id) DO UPDATE SET views = excluded.views, interval_seconds = excluded.interval_seconds,
       timer_minutes = excluded.timer_minutes, privacy = excluded.privacy, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
  ),
});

export function wallHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof wallMethods> {
  const { db } = ctx;
  const q = statements(db, queries);
  const caseloads = caseloadReader(db);

  /** The team's caseload by the one definition, as team totals and per paragraph (no person in it). */
  function wallCaseload(teamId: number, today: string): WallCaseload {
    const { people, totals, weights } = caseloads.team(teamId, today, today);
    const counts = new Map<string, number>();
    for (const p of people) for (const b of p.byParagraph) counts.set(b.paragraph, (counts.get(b.paragraph) ?? 0) + b.count);
    const byParagraph = [...counts].map(([paragraph, cases]) => {
      const weight = weights.get(paragraph) ?? 1;
      return { paragraph, cases, weight, weighted: Math.round(cases * weight * 10) / 10 };
    }).sort((a, b) => b.weighted - a.weighted || a.paragraph.localeCompare(b.paragraph));
    return {
      weighted: totals.weighted, cases: totals.cases, unassigned: totals.unassigned, norm: totals.norm,
      percentOfNorm: totals.percentOfNorm, caseworkers: totals.caseworkers, overNorm: totals.overNorm, byParagraph,
    };
  }

  /** Another feature's view for the wall; when it fails, the wall shows the rest. */
  function optional<T>(what: string, read: () => T): T | null {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ApiFailure)) console.error(`[flowtavle] wall: ${what} unavailable:`, error);
      return null;
    }
  }

  function actor(call: CallContext): PersonRow {
    const row = call.actorId === null ? undefined : q.person.get(call.actorId);
    if (!row) throw ApiFailure.of('forbidden', 'wall.chooseWho');
    return row;
  }

  function requireTeam(teamId: number): Pick<TeamsRow, 'id' | 'name'> {
    const team = q.team.get(teamId);
    if (!team) throw ApiFailure.of('not_found', 'records.teamNotFound', undefined, { fields: [fieldError('teamId', 'records.teamNotFound')] });
    return team;
  }

  function settingsOf(teamId: number): WallSettings {
    const row = q.settings.get(teamId);
    if (!row) return { teamId, ...DEFAULT_WALL_SETTINGS, views: [...DEFAULT_WALL_SETTINGS.views], updatedAt: null, updatedByInitials: null };
    return {
      teamId,
      views: parseWallViews(row.views),
      intervalSeconds: row.interval_seconds,
      timerMinutes: row.timer_minutes,
      privacy: row.privacy === 1,
      updatedAt: row.updated_at,
      updatedByInitials: row.updated_by_initials,
    };
  }

  return {
    getWallScreen: ({ teamId, privacy: asked }) => {
      const team = requireTeam(teamId);
      // A paired wall device always gets privacy mode: the dispatcher forces it (wallInput).
      const privacy = asked;
      const today = ctx.today();
      const people = new Map(q.people.all().map((r) => [r.id, toPerson(r)]));
      const columns = q.columns.all(teamId).map(toColumn);
      const kindOf = new Map(columns.map((c) => [c.id, c.kind]));
      const byColumn = new Map<number, WallCard[]>(columns.map((c) => [c.id, []]));
      const rows = q.openCards.all(teamId);
      for (const done of columns.filter((c) => c.kind === 'done')) rows.push(...q.latestDone.all(done.id, WALL_CARDS_PER_COLUMN));
      for (const row of rows) {
        const card = toCard(row);
        byColumn.get(card.columnId)?.push(toWallCard(card, kindOf.get(card.columnId) ?? 'active', today, people, privacy));
      }
      const wallColumns: WallColumn[] = columns.map((c) => {
        const cards = wallOrder(byColumn.get(c.id) ?? [], c.kind);
        // A done card is never ageing or at risk: its column's figures are its count and blocks.
        const done = c.kind === 'done' ? q.doneCounts.get(c.id)! : null;
        return {
          id: c.id,
          name: c.name,
          position: c.position,
          kind: c.kind,
          wipLimit: c.wipLimit,
          count: done ? done.n : cards.length,
          blocked: done ? done.blocked : cards.filter((x) => x.blocked).length,
          red: cards.filter((x) => x.deadline === 'red').length,
          ageing: cards.filter((x) => x.ageing === 'ageing' || x.ageing === 'stale').length,
          cards: cards.slice(0, WALL_CARDS_PER_COLUMN),
        };
      });
      const atRisk = columns
        .flatMap((c) => (byColumn.get(c.id) ?? []).map((card) => ({ ...card, columnName: c.name })))
        .filter((c) => c.deadline === 'red' || c.deadline === 'amber')
        .sort((a, b) => a.daysLeft! - b.daysLeft! || a.id - b.id);

      let pull: WallScreen['pullList'] = null;
      try {
        const list = pullListFor(db, teamId, today);
        pull = {
          total: list.items.length,
          items: list.items.slice(0, PULL_ITEMS_SHOWN).map((item): WallPullItem => ({
            position: item.position,
            caseNumber: item.caseNumber,
            kind: item.kind,
            paragraph: item.paragraph,
            classOfService: item.classOfService,
            daysToDeadline: item.daysToDeadline,
            waitingDays: item.waitingDays,
            ...(privacy ? {} : { reasons: item.reasons }),
          })),
        };
      } catch (error) {
        // The wall stays up with the views it can show; the pull list has its own page for errors.
        if (!(error instanceof ApiFailure)) console.error('[flowtavle] wall: pull list unavailable:', error);
      }
      const line = optional('bottom line', () => bottomLineFor(db, today, teamId).teams.find((t) => t.teamId === teamId) ?? null);
      const sprint = optional('sprint', (): WallSprint | null => {
        const current = currentSprintFor(db, teamId, today);
        if (!current) return null;
        const { sprint, burnUp } = current;
        return { name: sprint.name, goal: sprint.goal, startDate: sprint.startDate, endDate: sprint.endDate, burnUp };
      });
      const plan = optional('plan', (): WallPlan | null => {
        const detail = currentPlanFor(db, teamId, today);
        if (!detail) return null;
        return {
          title: detail.title,
          periodStart: detail.periodStart,
          periodEnd: detail.periodEnd,
          kpis: detail.goals.flatMap((g) => g.kpis.map((k) => ({
            id: k.id, goal: g.title, label: k.label, unit: k.unit, target: k.target, baseline: k.baseline, current: k.current, status: k.status, trend: k.trend,
            ...(k.caseload ? { caseload: k.caseload } : {}),
          }))),
        };
      });
      return {
        team,
        today,
        privacy,
        columns: wallColumns,
        deadlines: atRisk.slice(0, DEADLINES_SHOWN),
        deadlinesTotal: atRisk.length,
        pullList: pull,
        bottomLine: line,
        caseload: optional('caseload', () => wallCaseload(teamId, today)),
        sprint,
        plan,
        // Case ids and working days only: the marks carry nothing about a person.
        serviceLevels: optional('service levels', () => serviceLevelMarksFor(db, teamId, today).over.map(({ caseId, workingDays, limit }) => ({ caseId, workingDays, limit }))) ?? [],
      };
    },

    getWallSettings: ({ teamId }) => {
      requireTeam(teamId);
      return settingsOf(teamId);
    },

    saveWallSettings: (input, call) => {
      requireTeam(input.teamId);
      const who = actor(call);
      const before = settingsOf(input.teamId);
      const at = ctx.now().toISOString();
      q.saveSettings.run({
        teamId: input.teamId,
        views: JSON.stringify(input.views),
        intervalSeconds: input.intervalSeconds,
        timerMinutes: input.timerMinutes,
        privacy: input.privacy ? 1 : 0,
        at,
        actor: who.id,
      });
      const after = settingsOf(input.teamId);
      appendEvent(db, {
        at,
        actorId: who.id,
        entity: 'wall_settings',
        entityId: input.teamId,
        type: 'wall_settings_changed',
        from: JSON.stringify({ views: before.views, intervalSeconds: before.intervalSeconds, timerMinutes: before.timerMinutes, privacy: before.privacy }),
        to: JSON.stringify({ views: after.views, intervalSeconds: after.intervalSeconds, timerMinutes: after.timerMinutes, privacy: after.privacy }),
      });
      return after;
    },

  };
}
