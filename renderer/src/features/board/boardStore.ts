// The board's client state: the store's board plus this client's moves that are still in flight,
// and the session's undo/redo history. Optimistic moves are re-applied over every reload until
// the store has answered, so a live update arriving mid-move never makes a card jump back.
import { create } from 'zustand';
import type { InputOf } from '../../../../shared/api/contract';
import type { ApiError, Envelope } from '../../../../shared/api/envelope';
import type { Board, WipBreach } from '../../../../shared/api/methods/board';
import { emptyHistory, recordAction, takeRedo, takeUndo, type UndoHistory } from '../../../../shared/board';
import type { CaseCard } from '../../../../shared/domain';
import { api } from '../../api/client';

type MoveInput = InputOf<'moveCard'>;
type UpdateInput = InputOf<'updateCase'>;
export type Operation = { method: 'moveCard'; input: MoveInput } | { method: 'updateCase'; input: UpdateInput };

export interface HistoryEntry {
  /** What the user did, for the undo/redo buttons' titles: "Flyt 2026-000123". */
  label: string;
  caseId: number;
  undo: Operation;
  redo: Operation;
  /** The newest event of this action; the next undo or redo refers to it. */
  eventId: number;
}

/** A refusal over a WIP limit waits for the user's reason; `retry` repeats the write with it. */
export interface WipRequest {
  message: string;
  breaches: WipBreach[];
  caseNumber: string;
  retry(reason: string): Promise<boolean>;
  cancel(): void;
}

interface Pending {
  columnId: number;
  sortKey: number;
  columnEnteredAt: string;
}

interface BoardState {
  board: Board | null;
  teamId: number | null;
  error: string | null;
  /** The last refusal or failure, shown until dismissed; the card is back where it was. */
  notice: { kind: 'error' | 'info'; text: string; at: number } | null;
  pending: Map<number, Pending>;
  history: UndoHistory<HistoryEntry>;
  wipRequest: WipRequest | null;
  selectedCaseId: number | null;
  /** Where a dragged card would land: a card id (above it) or a cell's key. */
  dropTarget: number | string | null;
  /** Bumped after this client's own edits so an open detail panel reloads. */
  detailRevision: number;
  load(teamId: number): Promise<void>;
  move(caseId: number, toColumnId: number, beforeCaseId: number | null, today: string, reason?: string): Promise<boolean>;
  edit(caseId: number, changes: Omit<UpdateInput, 'caseId'>, previous: Omit<UpdateInput, 'caseId'>, label: string, reason?: string): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  select(caseId: number | null): void;
  setDropTarget(target: number | string | null): void;
  say(kind: 'error' | 'info', text: string): void;
  dismissNotice(): void;
}

const columnOrder = (board: Board) => new Map(board.columns.map((c) => [c.id, c.position]));

function sortCards(board: Board, cards: CaseCard[]): CaseCard[] {
  const position = columnOrder(board);
  return cards.sort((a, b) => (position.get(a.columnId) ?? 0) - (position.get(b.columnId) ?? 0) || a.sortKey - b.sortKey || a.id - b.id);
}

function withPending(board: Board, pending: Map<number, Pending>): Board {
  if (pending.size === 0) return board;
  const cards = board.cards.map((c) => {
    const p = pending.get(c.id);
    return p ? { ...c, ...p } : c;
  });
  return { ...board, cards: sortCards(board, cards) };
}

function replaceCard(board: Board, card: CaseCard): Board {
  return { ...board, cards: sortCards(board, board.cards.map((c) => (c.id === card.id ? card : c))) };
}

/** A sort key that places the card above `beforeCaseId` in the client's copy (the store decides the real one). */
function localSortKey(board: Board, caseId: number, columnId: number, beforeCaseId: number | null): number {
  const column = board.cards.filter((c) => c.columnId === columnId && c.id !== caseId);
  if (beforeCaseId === null) return (column.at(-1)?.sortKey ?? 0) + 16_384;
  const index = column.findIndex((c) => c.id === beforeCaseId);
  if (index < 0) return (column.at(-1)?.sortKey ?? 0) + 16_384;
  const below = column[index]!.sortKey;
  const above = index > 0 ? column[index - 1]!.sortKey : below - 16_384;
  return (above + below) / 2;
}

/** The card directly below `caseId` in its column now: where an undo puts it back. */
function cardBelow(board: Board, caseId: number): number | null {
  const card = board.cards.find((c) => c.id === caseId);
  if (!card) return null;
  const column = board.cards.filter((c) => c.columnId === card.columnId);
  return column[column.findIndex((c) => c.id === caseId) + 1]?.id ?? null;
}

function breachesOf(error: ApiError): WipBreach[] {
  const b = error.details?.breaches;
  return Array.isArray(b) ? (b as WipBreach[]) : [];
}

export const useBoardStore = create<BoardState>()((set, get) => {
  /** Runs a write; over a WIP limit it asks for a reason first and repeats the write with it. */
  async function withWipReason<T>(
    caseNumber: string,
    attempt: (reason?: string) => Promise<Envelope<T>>,
    onFailure: (error: ApiError) => void,
    reason?: string,
  ): Promise<T | null> {
    const result = await attempt(reason);
    if (result.ok) return result.value;
    if (result.error.code !== 'wip_limit') {
      onFailure(result.error);
      return null;
    }
    return new Promise<T | null>((resolve) => {
      set({
        wipRequest: {
          message: result.error.message,
          breaches: breachesOf(result.error),
          caseNumber,
          retry: async (given) => {
            const again = await attempt(given);
            if (again.ok) {
              set({ wipRequest: null });
              resolve(again.value);
              return true;
            }
            if (again.error.code !== 'wip_limit') {
              set({ wipRequest: null });
              onFailure(again.error);
              resolve(null);
            }
            return false;
          },
          cancel: () => {
            set({ wipRequest: null });
            onFailure({ code: 'wip_limit', message: '' });
            resolve(null);
          },
        },
      });
    });
  }

  async function run(op: Operation, replay?: { kind: 'undo' | 'redo'; eventId: number }, reason?: string) {
    if (op.method === 'moveCard') {
      const input = { ...op.input, ...(replay ? { replay } : {}), ...(reason ? { reason } : {}) };
      let result = await api.moveCard(input);
      // The card it sat above has moved on since: put it at the end of the column instead.
      if (!result.ok && result.error.fields?.some((f) => f.field === 'beforeCaseId')) result = await api.moveCard({ ...input, beforeCaseId: null });
      return result.ok ? { ok: true as const, value: { eventId: result.value.eventId, card: result.value.card } } : result;
    }
    const result = await api.updateCase({ ...op.input, ...(replay ? { replay } : {}), ...(reason ? { reason } : {}) });
    return result.ok ? { ok: true as const, value: { eventId: result.value.eventIds.at(-1) ?? 0, card: result.value.card } } : result;
  }

  async function replay(direction: 'undo' | 'redo') {
    const { history, board } = get();
    const taken = direction === 'undo' ? takeUndo(history) : takeRedo(history);
    if (!taken || !board) return;
    const op = direction === 'undo' ? taken.entry.undo : taken.entry.redo;
    const caseNumber = board.cards.find((c) => c.id === taken.entry.caseId)?.caseNumber ?? '';
    const value = await withWipReason(
      caseNumber,
      (reason) => run(op, { kind: direction, eventId: taken.entry.eventId }, reason),
      (error) => { if (error.message) get().say('error', error.message); },
    );
    if (!value) return;
    const entry = { ...taken.entry, eventId: value.eventId };
    const h = taken.history;
    // The entry moved between the lists; keep its newest event id for the next step.
    const history2 = direction === 'undo'
      ? { past: h.past, future: [...h.future.slice(0, -1), entry] }
      : { past: [...h.past.slice(0, -1), entry], future: h.future };
    const current = get().board;
    set({ history: history2, board: current ? replaceCard(current, value.card) : current, detailRevision: get().detailRevision + 1 });
  }

  return {
    board: null,
    teamId: null,
    error: null,
    notice: null,
    pending: new Map(),
    history: emptyHistory(),
    wipRequest: null,
    selectedCaseId: null,
    dropTarget: null,
    detailRevision: 0,

    async load(teamId) {
      const switching = get().teamId !== teamId;
      if (switching) set({ board: null, teamId, history: emptyHistory(), selectedCaseId: null, pending: new Map() });
      const result = await api.getBoard({ teamId });
      if (get().teamId !== teamId) return; // the user switched team meanwhile
      if (result.ok) set({ board: withPending(result.value, get().pending), error: null });
      else set({ error: result.error.message });
    },

    async move(caseId, toColumnId, beforeCaseId, today, reason) {
      const board = get().board;
      const card = board?.cards.find((c) => c.id === caseId);
      if (!board || !card) return false;
      if (beforeCaseId === caseId) return false;
      const from = { columnId: card.columnId, beforeCaseId: cardBelow(board, caseId) };
      if (from.columnId === toColumnId && from.beforeCaseId === beforeCaseId) return false;
      const pendingMove: Pending = {
        columnId: toColumnId,
        sortKey: localSortKey(board, caseId, toColumnId, beforeCaseId),
        columnEnteredAt: toColumnId === card.columnId ? card.columnEnteredAt : today,
      };
      const pending = new Map(get().pending).set(caseId, pendingMove);
      set({ pending, board: withPending(board, pending) });
      const forget = () => {
        const next = new Map(get().pending);
        next.delete(caseId);
        return next;
      };
      const value = await withWipReason(
        card.caseNumber,
        (given) => api.moveCard({ caseId, toColumnId, beforeCaseId, ...(given ? { reason: given } : {}) }),
        (error) => {
          // The card goes back to where it was, and the reason is shown.
          const current = get().board;
          const restored = current ? { ...current, cards: sortCards(current, current.cards.map((c) => (c.id === caseId ? card : c))) } : current;
          set({ pending: forget(), board: restored });
          if (error.message) get().say('error', error.message);
        },
        reason,
      );
      if (!value) return false;
      const current = get().board;
      set({
        pending: forget(),
        board: current ? replaceCard(current, value.card) : current,
        history: recordAction(get().history, {
          label: card.caseNumber,
          caseId,
          undo: { method: 'moveCard', input: { caseId, toColumnId: from.columnId, beforeCaseId: from.beforeCaseId } },
          redo: { method: 'moveCard', input: { caseId, toColumnId, beforeCaseId } },
          eventId: value.eventId,
        }),
        detailRevision: get().detailRevision + 1,
      });
      return true;
    },

    async edit(caseId, changes, previous, label, reason) {
      const board = get().board;
      const caseNumber = board?.cards.find((c) => c.id === caseId)?.caseNumber ?? '';
      const value = await withWipReason(
        caseNumber,
        (given) => api.updateCase({ caseId, ...changes, ...(given ? { reason: given } : {}) }),
        (error) => { if (error.message) get().say('error', error.message); },
        reason,
      );
      if (!value) return false;
      const current = get().board;
      const eventId = value.eventIds.at(-1);
      set({
        board: current ? replaceCard(current, value.card) : current,
        history: eventId === undefined ? get().history : recordAction(get().history, {
          label: `${label} ${caseNumber}`,
          caseId,
          undo: { method: 'updateCase', input: { caseId, ...previous } },
          redo: { method: 'updateCase', input: { caseId, ...changes } },
          eventId,
        }),
        detailRevision: get().detailRevision + 1,
      });
      return true;
    },

    undo: () => replay('undo'),
    redo: () => replay('redo'),
    select: (caseId) => set({ selectedCaseId: caseId }),
    setDropTarget: (target) => { if (get().dropTarget !== target) set({ dropTarget: target }); },
    say: (kind, text) => set({ notice: { kind, text, at: Date.now() } }),
    dismissNotice: () => set({ notice: null }),
  };
});
