// Methods of the wall screen; the contract spreads them in (shared/api/contract.ts).
import { z } from 'zod';
import type { BoardColumn, IsoDate, Team } from '../../domain';
import { MAX_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS, WALL_VIEWS, type WallCard, type WallSettings } from '../../wall';
import type { KpiStatus, KpiTrend, KpiUnit } from '../../plans';
import type { BurnUpPoint } from '../../sprints';
import type { TeamBottomLine } from './economy';
import type { KpiCaseload } from './plans';
import { CASE_READERS, id, method } from '../define';

export interface WallColumn extends Pick<BoardColumn, 'id' | 'name' | 'position' | 'kind' | 'wipLimit'> {
  /** Every card in the column, also those not sent. */
  count: number;
  blocked: number;
  /** Deadline red (7 days or fewer, or overdue). */
  red: number;
  /** Ageing or stale (two weeks or more in the column). */
  ageing: number;
  /** The most urgent cards first (shared/wall.ts wallOrder), at most WALL_CARDS_PER_COLUMN. */
  cards: WallCard[];
}

export interface WallPullItem {
  position: number;
  caseNumber: string;
  kind: string;
  paragraph: string;
  classOfService: string;
  daysToDeadline: number | null;
  waitingDays: number;
  /** The pull list's reasons; left out in privacy mode (they may name a caseworker). */
  reasons?: string[];
}

/** Everything the wall shows, redacted on the server when privacy mode is on. */
export interface WallScreen {
  team: Pick<Team, 'id' | 'name'>;
  today: IsoDate;
  /** Whether the data was redacted. A paired wall device always gets true. */
  privacy: boolean;
  columns: WallColumn[];
  /** Open cards with a legal deadline within 14 days or overdue, nearest first (at most 30). */
  deadlines: (WallCard & { columnName: string })[];
  /** Amber and red cards in all; `deadlines` may hold fewer. */
  deadlinesTotal: number;
  /** The top of the team's pull list; null when the pull list cannot be computed. */
  pullList: { items: WallPullItem[]; total: number } | null;
  /** The team's bottom line this year (team totals: not tied to a person); null when unavailable. */
  bottomLine: TeamBottomLine | null;
  /** The team's caseload today (team totals: not tied to a person); null when unavailable. */
  caseload: WallCaseload | null;
  /** The team's current sprint with its burn-up (counts only); null without one. */
  sprint: WallSprint | null;
  /** KPIs of the team's action plan in force today; null without one. */
  plan: WallPlan | null;
  /** Cards past their column's service-level expectation in Danish working days (issue 18). */
  serviceLevels: { caseId: number; workingDays: number; limit: number }[];
}

/**
 * The team's caseload by the one definition (shared/flow.ts teamCaseload): the same weighted
 * figure as Sagstal and the plan KPI, with the unweighted count beside it. Team totals only.
 */
export interface WallCaseload {
  weighted: number;
  cases: number;
  unassigned: number;
  norm: number;
  percentOfNorm: number | null;
  caseworkers: number;
  overNorm: number;
  /** Per paragraph, largest weighted share first. */
  byParagraph: { paragraph: string; cases: number; weight: number; weighted: number }[];
}

export interface WallSprint {
  name: string;
  /** The team's sprint goal (a team goal, not a note about a person). */
  goal: string;
  startDate: IsoDate;
  endDate: IsoDate;
  burnUp: BurnUpPoint[];
}

export interface WallPlan {
  title: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  kpis: {
    id: number; goal: string; label: string; unit: KpiUnit; target: number; baseline: number | null; current: number | null; status: KpiStatus; trend: KpiTrend;
    /** A caseload KPI's weighted caseload, unweighted count and norm (team totals). */
    caseload?: KpiCaseload;
  }[];
}

const views = z.array(z.enum(WALL_VIEWS)).min(1).max(WALL_VIEWS.length).refine((v) => new Set(v).size === v.length, {
  message: 'input.viewOnce',
});

export const wallMethods = {
  getWallScreen: method<WallScreen>()(z.object({ teamId: id, privacy: z.boolean().default(true) }).strict(), {
    write: false,
    access: { roles: [...CASE_READERS, 'wall'], team: { from: 'team', field: 'teamId' }, wallInput: { privacy: true } },
    lookup: { purpose: 'Standup-skærmen', list: (w) => ({ teamId: w.team.id, count: w.columns.reduce((n, c) => n + c.cards.length, 0) }) },
    summary: 'The wall screen of a team: board columns with their most urgent cards, deadlines at risk, the top of the pull list, the bottom line and the caseload; redacted in privacy mode, always for a paired wall device.',
  }),
  getWallSettings: method<WallSettings>()(z.object({ teamId: id }).strict(), {
    write: false,
    access: { roles: [...CASE_READERS, 'wall'], team: { from: 'team', field: 'teamId' } },
    summary: 'The wall settings of a team: views in rotation, interval, standup timer, privacy mode.',
  }),
  saveWallSettings: method<WallSettings>()(
    z
      .object({
        teamId: id,
        views,
        intervalSeconds: z.number().int().min(MIN_INTERVAL_SECONDS).max(MAX_INTERVAL_SECONDS),
        timerMinutes: z.number().int().min(1).max(120),
        privacy: z.boolean(),
      })
      .strict(),
    { write: true, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } }, summary: 'Saves the wall settings of a team (a member of the team or a leader).' },
  ),
};
