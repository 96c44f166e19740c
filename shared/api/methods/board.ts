import { z } from 'zod';
import type { WipBreach } from '../../board';
import type { BoardColumn, CaseCard, CaseDetail, Person, Team } from '../../domain';
import { VUM_THEMES, type Assessment, type ProgressionStatus } from '../../progression';
import { CASE_READERS, id, LEADERS, method } from '../define';
import { classOfService, columnKind, isoDate, shortText } from '../schemas';

export interface Board {
  team: Team;
  columns: BoardColumn[];
  /**
   * The team's open cards and each done column's most recently closed ones (BOARD_DONE_RECENT;
   * getDoneCards pages through the rest), ordered by column position then sort key.
   */
  cards: CaseCard[];
  /** Every column's number of cards, loaded or not (a done column holds years of closed cases). */
  columnCounts: ColumnCounts;
  /** The people who may hold the team's cards. */
  people: Person[];
}

/** Cards per column id. */
export type ColumnCounts = Record<number, number>;

/** Some of a board's cards as they are now: what a change notice's cases look like on this board. */
export interface BoardCards {
  /** The asked-for cases that are on the team's board, as the board shows them; absent ones have left it. */
  cards: CaseCard[];
  columnCounts: ColumnCounts;
}

/** A page of a done column, most recently closed first. */
export interface DoneCards {
  teamId: number;
  cards: CaseCard[];
  total: number;
}

export interface MoveResult {
  card: CaseCard;
  /** True when the move went over a WIP limit on purpose (a reason was given and logged). */
  wipLimitExceeded: boolean;
  /** The event that records the move (an undo refers to it). */
  eventId: number;
}

export interface CaseDetailWithProgression extends CaseDetail {
  /** VUM assessments, oldest first. */
  assessments: Assessment[];
  /** Whether the latest assessment reached what the one before it expected. */
  progression: ProgressionStatus;
}

export interface UpdateCaseResult {
  card: CaseCard;
  notes: string | null;
  /** One event per changed field; empty when nothing changed. */
  eventIds: number[];
}

/** Marks a write as the undo or redo of an earlier event, so the log tells the story. */
const replay = z
  .object({ kind: z.enum(['undo', 'redo']), eventId: id })
  .strict()
  .optional();

const reason = z.string().trim().min(3).max(500);
const wipLimit = z.number().int().positive().max(10_000).nullable();
const score = z.number().int().min(0).max(4);
const scores = z
  .object(Object.fromEntries(VUM_THEMES.map((t) => [t, score.optional()])) as Record<(typeof VUM_THEMES)[number], z.ZodOptional<typeof score>>)
  .strict()
  .refine((s) => Object.values(s).some((v) => v !== undefined), { message: 'input.oneTheme' });

export const boardMethods = {
  getBoard: method<Board>()(z.object({ teamId: id }).strict(), { write: false, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } }, lookup: { purpose: 'Tavlen', list: (b) => ({ teamId: b.team.id, count: b.cards.length }) }, summary: 'A team\'s board: columns with WIP limits and card counts, its open cards and the latest closed ones in board order, and its people.' }),
  getBoardCards: method<BoardCards>()(z.object({ teamId: id, caseIds: z.array(id).min(1).max(500) }).strict(), { write: false, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } }, lookup: { purpose: 'Tavlen', cases: (b) => ({ caseIds: b.cards.map((c) => c.id) }) }, summary: 'The named cases as they now stand on a team\'s board, with the column counts: how a client brings its board up to date after a change notice.' }),
  getDoneCards: method<DoneCards>()(z.object({ teamId: id, columnId: id, offset: z.number().int().min(0).max(1_000_000) }).strict(), { write: false, access: { roles: CASE_READERS, team: { from: 'team', field: 'teamId' } }, lookup: { purpose: 'Tavlen', list: (d) => ({ teamId: d.teamId, count: d.cards.length }) }, summary: 'A page of a done column\'s cards, most recently closed first ("vis flere").' }),
  getCase: method<CaseDetailWithProgression>()(z.object({ caseId: id }).strict(), { write: false, access: { roles: CASE_READERS, team: { from: 'case', field: 'caseId' } }, lookup: { purpose: 'Sagsdetalje', cases: (c) => ({ caseIds: [c.card.id] }) }, summary: 'One case in full: facts, grants, event history and VUM assessments with the on-track status.' }),
  moveCard: method<MoveResult>()(
    z
      .object({
        caseId: id,
        toColumnId: id,
        /** The card that will sit directly below the moved card; null or absent puts it last. */
        beforeCaseId: id.nullable().optional(),
        /** Required when the move takes a column or a caseworker over a WIP limit; recorded in the event log. */
        reason: reason.optional(),
        replay,
      })
      .strict(),
    { write: true, access: { roles: ['caseworker', 'leader', 'department_head'], team: { from: 'case', field: 'caseId' } }, summary: 'Moves a card to a column and position; over a column or caseworker WIP limit it needs a reason, which is logged.' },
  ),
  /**
   * Ctrl+Z of a move: puts the card back exactly as it was before the move (column, place, the day
   * it entered the column) and takes back the flow facts the move added. Only the card's latest
   * event, a move by the caller within UNDO_MOVE_WINDOW_MINUTES; anything else is a conflict.
   */
  undoMove: method<MoveResult>()(
    z.object({ caseId: id, eventId: id }).strict(),
    { write: true, access: { roles: ['caseworker', 'leader', 'department_head'], team: { from: 'case', field: 'caseId' } }, summary: 'Undoes the caller\'s latest move of a card: back to its column, place and entry day; the undone move is not counted in the flow metrics.' },
  ),
  /** Edits the fields a caseworker owns. Absent fields stay as they are. */
  updateCase: method<UpdateCaseResult>()(
    z
      .object({
        caseId: id,
        assigneeId: id.nullable().optional(),
        /** true needs blockedReason; false lifts the block. */
        blocked: z.boolean().optional(),
        blockedReason: reason.optional(),
        classOfService: classOfService.optional(),
        notes: z.string().trim().max(4000).nullable().optional(),
        /** Required when the new assignee is already at their WIP limit and the case is active. */
        reason: reason.optional(),
        replay,
      })
      .strict()
      .refine((v) => v.blocked !== true || v.blockedReason !== undefined, {
        message: 'input.blockedReason',
        path: ['blockedReason'],
      }),
    { write: true, access: { roles: ['caseworker', 'leader', 'department_head'], team: { from: 'case', field: 'caseId' } }, summary: 'Changes the fields a caseworker owns: assignee, blocked with reason, class of service, notes.' },
  ),
  addAssessment: method<Assessment>()(
    z
      .object({
        caseId: id,
        assessedOn: isoDate,
        scores,
        expectedScores: scores.nullable().optional(),
        expectedBy: isoDate.nullable().optional(),
        note: z.string().trim().max(2000).nullable().optional(),
      })
      .strict(),
    { write: true, access: { roles: ['caseworker', 'leader', 'department_head'], team: { from: 'case', field: 'caseId' } }, summary: 'Records a VUM 2.0 assessment (theme scores 0–4) with the progression expected by the next follow-up.' },
  ),
  // Board settings: team leaders (declared in each method's access).
  addColumn: method<BoardColumn>()(
    z.object({ teamId: id, name: shortText(60), kind: columnKind, wipLimit: wipLimit.optional() }).strict(),
    { write: true, access: { roles: LEADERS, team: { from: 'team', field: 'teamId' } }, summary: 'Adds a column to a team\'s board (leaders only).' },
  ),
  updateColumn: method<BoardColumn>()(
    z.object({ columnId: id, name: shortText(60).optional(), kind: columnKind.optional(), wipLimit: wipLimit.optional() }).strict(),
    { write: true, access: { roles: LEADERS, team: { from: 'column', field: 'columnId' } }, summary: 'Renames a column or changes its kind or WIP limit (leaders only).' },
  ),
  /** Moves a column to a 1-based position on its board; the others close up. */
  moveColumn: method<BoardColumn[]>()(
    z.object({ columnId: id, toPosition: z.number().int().positive() }).strict(),
    { write: true, access: { roles: LEADERS, team: { from: 'column', field: 'columnId' } }, summary: 'Moves a column to another position on the board (leaders only).' },
  ),
  removeColumn: method<BoardColumn[]>()(z.object({ columnId: id }).strict(), { write: true, access: { roles: LEADERS, team: { from: 'column', field: 'columnId' } }, summary: 'Removes an empty column (leaders only); a column with cards is refused.' }),
};

export type { WipBreach };
