import { z } from 'zod';
import type { BoardColumn, CaseCard, CaseDetail, Person, Team } from '../../domain';
import { id, method } from '../define';

export interface Board {
  team: Team;
  columns: BoardColumn[];
  /** All cards of the team, ordered by column position then sort key. */
  cards: CaseCard[];
  /** The people who may hold the team's cards. */
  people: Person[];
}

export interface MoveResult {
  card: CaseCard;
  /** True when the move went over a WIP limit on purpose (a reason was given and logged). */
  wipLimitExceeded: boolean;
}

export const boardMethods = {
  getBoard: method<Board>()(z.object({ teamId: id }).strict(), { write: false }),
  getCase: method<CaseDetail>()(z.object({ caseId: id }).strict(), { write: false }),
  moveCard: method<MoveResult>()(
    z
      .object({
        caseId: id,
        toColumnId: id,
        /** The card that will sit directly below the moved card; null or absent puts it last. */
        beforeCaseId: id.nullable().optional(),
        /** Required when the move takes a column over its WIP limit; recorded in the event log. */
        reason: z.string().trim().min(3).max(500).optional(),
      })
      .strict(),
    { write: true },
  ),
};
