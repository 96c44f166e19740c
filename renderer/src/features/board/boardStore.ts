// The board's client state: the store's board plus this client's moves that are still in flight,
// and the session's undo/redo history. Optimistic moves are re-applied over every reload until
// the store has answered, so a live update arriving mid-move never makes a card jump back.
import { create } from 'zustand';
import type { InputOf } from '../../../../shared/api/contract';
import type { ApiError, Envelope } from '../../../../shared/api/envelope';
import type { Board, WipBreach } from '../../../../shared/api/methods/board';
import { emptyHistory, recordAction, takeRedo, takeUndo, type UndoHistory } from '../../../../shared/board';
import type { CaseCard, ClassOfService } from '../../../../shared/domain';
import { boardRefreshFor, patchBoard, sortBoardCards } from '../../../../shared/boardSync';
import { keyBetween } from '../../../../shared/sortKey';
import type { ChangeNotice } from '../../../../shared/api/client';
import { api } from '../../api/client';

type MoveInput = InputOf<'moveCard'>;
type UpdateInput = InputOf<'updateCase'>;
/**
 * undoMove takes back a move on the store (column, place and the day the card entered its column,
 * checked against the move's event), so an undone move does not reset the card's age.
 */
export type Operation =
  | { method: 'moveCard'; input: MoveInput }
  | { method: 'undoMove'; input: { caseId: number } }
  | { method: 'updateCase'; input: UpdateInput };

/** One write of an action and its inverse. */
export interface Step {
  undo: Operation;
  redo: Operation;
  /** The newest event of this step; the next undo or redo refers to it. */
  eventId: number;
}

/** One user action, e.g. a drop into another caseworker's lane: a reassignment and a move. */
export interface HistoryEntry {
  /** What the user did, for the undo/redo buttons' titles. */
  label: string;
  caseId: number;
  steps: Step[];
}

/** What a drop into another swimlane changes besides the column. */
export type LaneChange = { assigneeId: number | null } | { classOfService: ClassOfService };

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
  /** Keeps the loaded board current from the change notices; returns the unsubscribe function. */
  follow(subscribe: (listener: (notice: ChangeNotice) => void) => () => void): () => void;
  /** "Vis flere": the next page of a done column's closed cards. */
  loadMoreDone(columnId: number): Promise<void>;
  move(caseId: number, toColumnId: number, beforeCaseId: number | null, today: string, laneChange?: LaneChange): Promise<boolean>;
  edit(caseId: number, changes: Omit<UpdateInput, 'caseId'>, previous: Omit<UpdateInput, 'caseId'>, label: string, reason?: string): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  select(caseId: number | null): void;
  setDropTarget(target: number | string | null): void;
  say(kind: 'error' | 'info', text: string): void;
  dismissNotice(): void;
}

function withPending(board: Board, pending: Map<number, Pending>): Board {
  if (pending.size === 0) return board;
  const cards = board.cards.map((c) => {
    const p = pending.get(c.id);
    return p ? { ...c, ...p } : c;
  });
  return { ...board, cards: sortBoardCards(board, cards) };
}

function replaceCard(board: Board, card: CaseCard): Board {
  return { ...board, cards: sortBoardCards(board, board.cards.map((c) => (c.id === card.id ? card : c))) };
}

/** A sort key that places the card above `beforeCaseId` in the client's copy (the store decides the real one). */
function localSortKey(board: Board, caseId: number, columnId: number, beforeCaseId: number | null): number {
  const column = board.cards.filter((c) => c.columnId === columnId && c.id !== caseId);
  const index = beforeCaseId === null ? -1 : column.findIndex((c) => c.id === beforeCaseId);
  if (index < 0) return keyBetween(column.at(-1)?.sortKey ?? null, null)!;
  const below = column[index]!.sortKey;
  const above = index > 0 ? column[index - 1]!.sortKey : null;
  // Where the store would renumber the column, the copy takes a fraction until the store answers.
  return keyBetween(above, below) ?? (above! + below) / 2;
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
    if (op.method === 'undoMove') {
      const result = await api.undoMove({ caseId: op.input.caseId, eventId: replay!.eventId });
      return result.ok ? { ok: true as const, value: { eventId: result.value.eventId as number | null, card: result.value.card } } : result;
    }
    if (op.method === 'moveCard') {
      const input = { ...op.input, ...(replay ? { replay } : {}), ...(reason ? { reason } : {}) };
      let result = await api.moveCard(input);
      // The card it sat above has moved on since: put it at the end of the column instead.
      if (!result.ok && result.error.fields?.some((f) => f.field === 'beforeCaseId')) result = await api.moveCard({ ...input, beforeCaseId: null });
      return result.ok ? { ok: true as const, value: { eventId: result.value.eventId as number | null, card: result.value.card } } : result;
    }
    const result = await api.updateCase({ ...op.input, ...(replay ? { replay } : {}), ...(reason ? { reason } : {}) });
    return result.ok ? { ok: true as const, value: { eventId: result.value.eventIds.at(-1) ?? null, card: result.value.card } } : result;
  }

  async function replay(direction: 'undo' | 'redo') {
    const { history, board } = get();
    const taken = direction === 'undo' ? takeUndo(history) : takeRedo(history);
    if (!taken || !board) return;
    const caseNumber = board.cards.find((c) => c.id === taken.entry.caseId)?.caseNumber ?? '';
    const steps = [...taken.entry.steps];
    const order = direction === 'undo' ? steps.map((_, i) => steps.length - 1 - i) : steps.map((_, i) => i);
    for (const i of order) {
      const step = steps[i]!;
      const value = await withWipReason(
        caseNumber,
        (reason) => run(direction === 'undo' ? step.undo : step.redo, { kind: direction, eventId: step.eventId }, reason),
        (error) => { if (error.message) get().say('error', error.message); },
      );
      // A refused step leaves the action where it is in the history, so it can be tried again.
      if (!value) return;
      steps[i] = { ...step, eventId: value.eventId ?? step.eventId };
      const current = get().board;
      set({ board: current ? replaceCard(current, value.card) : current });
    }
    const entry = { ...taken.entry, steps };
    const h = taken.history;
    // The entry moved between the lists; keep its newest event ids for the next undo or redo.
    const next = direction === 'undo'
      ? { past: h.past, future: [...h.future.slice(0, -1), entry] }
      : { past: [...h.past.slice(0, -1), entry], future: h.future };
    set({ history: next, detailRevision: get().detailRevision + 1 });
  }

  /** Writes an edit; null when it was refused or cancelled, 'unchanged' when nothing changed. */
  async function editStep(caseId: number, changes: Omit<UpdateInput, 'caseId'>, previous: Omit<UpdateInput, 'caseId'>, reason?: string): Promise<Step | 'unchanged' | null> {
    const caseNumber = get().board?.cards.find((c) => c.id === caseId)?.caseNumber ?? '';
    const value = await withWipReason(
      caseNumber,
      (given) => api.updateCase({ caseId, ...changes, ...(given ? { reason: given } : {}) }),
      (error) => { if (error.message) get().say('error', error.message); },
      reason,
    );
    if (!value) return null;
    const current = get().board;
    set({ board: current ? replaceCard(current, value.card) : current });
    const eventId = value.eventIds.at(-1);
    if (eventId === undefined) return 'unchanged';
    return { undo: { method: 'updateCase', input: { caseId, ...previous } }, redo: { method: 'updateCase', input: { caseId, ...changes } }, eventId };
  }

  /** Moves optimistically; on refusal the card returns and the reason is shown. */
  async function moveStep(caseId: number, toColumnId: number, beforeCaseId: number | null, today: string): Promise<Step | 'unchanged' | null> {
    const board = get().board;
    const card = board?.cards.find((c) => c.id === caseId);
    if (!board || !card || beforeCaseId === caseId) return null;
    const from = { columnId: card.columnId, beforeCaseId: cardBelow(board, caseId) };
    if (from.columnId === toColumnId && from.beforeCaseId === beforeCaseId) return 'unchanged';
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
        const current = get().board;
        const restored = current ? { ...current, cards: sortBoardCards(current, current.cards.map((c) => (c.id === caseId ? card : c))) } : current;
        set({ pending: forget(), board: restored });
        if (error.message) get().say('error', error.message);
      },
    );
    if (!value) return null;
    const current = get().board;
    set({ pending: forget(), board: current ? replaceCard(current, value.card) : current });
    return {
      undo: { method: 'undoMove', input: { caseId } },
      redo: { method: 'moveCard', input: { caseId, toColumnId, beforeCaseId } },
      eventId: value.eventId,
    };
  }

  // One sync at a time, so a slow answer never overwrites a newer one; notices that arrive
  // meanwhile gather here and are fetched together in the next round.
  const sync = { lastSeq: null as number | null, reload: false, cases: new Set<number>(), running: false, loads: 0 };
  async function runSync(): Promise<void> {
    if (sync.running) return;
    sync.running = true;
    try {
      while (sync.reload || sync.cases.size > 0) {
        const teamId = get().teamId;
        if (teamId === null) break;
        if (sync.reload) {
          sync.reload = false;
          sync.cases.clear();
          await get().load(teamId);
          continue;
        }
        const caseIds = [...sync.cases];
        sync.cases.clear();
        const result = await api.getBoardCards({ teamId, caseIds });
        const board = get().board;
        if (get().teamId !== teamId || !board) continue;
        if (result.ok) set({ board: withPending(patchBoard(board, caseIds, result.value), get().pending) });
        else sync.reload = true;
      }
    } finally {
      sync.running = false;
    }
  }

  function remember(caseId: number, label: string, steps: Step[]) {
    if (steps.length === 0) return;
    set({ history: recordAction(get().history, { label, caseId, steps }), detailRevision: get().detailRevision + 1 });
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
      sync.lastSeq = null;
      const generation = ++sync.loads;
      const result = await api.getBoard({ teamId });
      // The user switched team meanwhile, or a later load started: its answer is the newer one.
      if (get().teamId !== teamId || generation !== sync.loads) return;
      if (result.ok) set({ board: withPending(result.value, get().pending), error: null });
      else set({ error: result.error.message });
    },

    follow(subscribe) {
      return subscribe((notice) => {
        const { board, teamId } = get();
        if (teamId === null) return;
        // A change while the board is loading may be missing from the answer: load it again after.
        if (!board) {
          sync.reload = true;
          void runSync();
          return;
        }
        const plan = boardRefreshFor(notice, { teamId, lastSeq: sync.lastSeq, shows: (id) => board.cards.some((c) => c.id === id) });
        if (notice.seq >= 0) sync.lastSeq = notice.seq;
        if (plan.kind === 'reload') sync.reload = true;
        else if (plan.kind === 'cards') for (const id of plan.caseIds) sync.cases.add(id);
        else return;
        void runSync();
      });
    },

    async loadMoreDone(columnId) {
      const { board, teamId } = get();
      if (!board || teamId === null) return;
      const loaded = board.cards.filter((c) => c.columnId === columnId).length;
      const result = await api.getDoneCards({ teamId, columnId, offset: loaded });
      const current = get().board;
      if (!result.ok) return get().say('error', result.error.message);
      if (!current || get().teamId !== teamId) return;
      const known = new Set(current.cards.map((c) => c.id));
      const cards = [...current.cards, ...result.value.cards.filter((c) => !known.has(c.id))];
      set({ board: { ...current, cards: sortBoardCards(current, cards), columnCounts: { ...current.columnCounts, [columnId]: result.value.total } } });
    },

    async move(caseId, toColumnId, beforeCaseId, today, laneChange) {
      const card = get().board?.cards.find((c) => c.id === caseId);
      if (!card) return false;
      const steps: Step[] = [];
      if (laneChange) {
        const previous = 'assigneeId' in laneChange ? { assigneeId: card.assigneeId } : { classOfService: card.classOfService };
        const edited = await editStep(caseId, laneChange, previous);
        if (edited === null) return false;
        if (edited !== 'unchanged') steps.push(edited);
      }
      // Dropped onto itself in another lane: the column and place stay.
      const moved = beforeCaseId === caseId ? 'unchanged' : await moveStep(caseId, toColumnId, beforeCaseId, today);
      if (moved !== null && moved !== 'unchanged') steps.push(moved);
      remember(caseId, card.caseNumber, steps);
      return moved !== null;
    },

    async edit(caseId, changes, previous, label, reason) {
      const caseNumber = get().board?.cards.find((c) => c.id === caseId)?.caseNumber ?? '';
      const step = await editStep(caseId, changes, previous, reason);
      if (step === null) return false;
      if (step !== 'unchanged') remember(caseId, `${label} ${caseNumber}`, [step]);
      else set({ detailRevision: get().detailRevision + 1 });
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
