// How a board travels: a client loads the open cards and the latest closed ones, then keeps its
// copy current from the change notices. A write's notice names the cases it touched and their
// teams, so a client fetches only those cards (or nothing, when the change is another team's);
// it reloads the whole board only when the change reached beyond cards or it has missed a notice.
import type { ChangeNotice } from './api/client';
import type { Board, BoardCards } from './api/methods/board';
import type { CaseCard } from './domain';

/** How many of a done column's cards the board loads: the latest closed. "Vis flere" pages on. */
export const BOARD_DONE_RECENT = 50;
/** One "vis flere" page of a done column. */
export const DONE_PAGE = 200;
/** Above this many touched cases a notice says "the store changed" (an import) instead of naming them. */
export const NOTICE_MAX_CASES = 200;

/**
 * The entities whose events change what a board card shows (column, place, assignee, block,
 * class, follow-up date from its grants). An event of any other entity, or one without a case,
 * may change columns, people or many cards at once: the board reloads.
 */
const CARD_ENTITIES: ReadonlySet<string> = new Set(['case', 'grant', 'assessment', 'grant_proposal', 'committee_decision', 'recommendation']);

/** Events that change nothing a board shows, so a board ignores a write made only of them. */
const BOARD_NEUTRAL_ENTITIES: ReadonlySet<string> = new Set([
  'budget', 'plan', 'flow_review_note', 'flow_saved_view', 'flow_block', 'caseload_weight', 'device', 'auth',
  'import_profile', 'takst_price', 'authority_limit', 'finance_import', 'committee_meeting', 'wall_settings', 'sprint',
]);

export interface WriteEvent {
  caseId: number | null;
  entity: string;
}

export type NoticeScope = Pick<ChangeNotice, 'scope' | 'caseIds'>;

/** What a committed write's events say about its reach: the cases it touched, or the whole store. */
export function noticeScope(events: readonly WriteEvent[]): NoticeScope {
  const caseIds = new Set<number>();
  for (const event of events) {
    if (BOARD_NEUTRAL_ENTITIES.has(event.entity)) continue;
    if (event.caseId === null || !CARD_ENTITIES.has(event.entity)) return { scope: 'store', caseIds: [] };
    caseIds.add(event.caseId);
  }
  if (events.length === 0 || caseIds.size > NOTICE_MAX_CASES) return { scope: 'store', caseIds: [] };
  return { scope: 'cases', caseIds: [...caseIds].sort((a, b) => a - b) };
}

export type BoardRefresh = { kind: 'none' } | { kind: 'cards'; caseIds: number[] } | { kind: 'reload' };

/** What a board of `teamId` must fetch for a notice, given the seq of the last notice it applied. */
export function boardRefreshFor(notice: ChangeNotice, board: { teamId: number; lastSeq: number | null; shows(caseId: number): boolean }): BoardRefresh {
  // seq -1: the stream reconnected, notices may have been missed; a gap in seq says the same.
  if (notice.seq < 0 || (board.lastSeq !== null && notice.seq !== board.lastSeq + 1)) return { kind: 'reload' };
  if (notice.scope !== 'cases') return { kind: 'reload' };
  const concerned = notice.caseIds.length > 0 && (notice.teamIds.includes(board.teamId) || notice.caseIds.some((id) => board.shows(id)));
  return concerned ? { kind: 'cards', caseIds: notice.caseIds } : { kind: 'none' };
}

/**
 * Whether a notice may change what a team-level view (the wall) shows: yes unless it names cases
 * and none of them is the team's. (Only an import moves a case between teams, and an import's
 * notice is store-wide.)
 */
export function concernsTeam(notice: ChangeNotice, teamId: number): boolean {
  return notice.seq < 0 || notice.scope !== 'cases' || notice.caseIds.length === 0 || notice.teamIds.includes(teamId);
}

/** Board order: column position, then sort key (then id, so equal keys never swap). */
export function sortBoardCards(board: Pick<Board, 'columns'>, cards: CaseCard[]): CaseCard[] {
  const position = new Map(board.columns.map((c) => [c.id, c.position]));
  return cards.sort((a, b) => (position.get(a.columnId) ?? 0) - (position.get(b.columnId) ?? 0) || a.sortKey - b.sortKey || a.id - b.id);
}

/** The board with the asked-for cases as they are now: changed ones replaced, new ones added, gone ones dropped. */
export function patchBoard(board: Board, asked: readonly number[], update: BoardCards): Board {
  const touched = new Set(asked);
  const cards = board.cards.filter((c) => !touched.has(c.id));
  cards.push(...update.cards);
  return { ...board, cards: sortBoardCards(board, cards), columnCounts: update.columnCounts };
}
