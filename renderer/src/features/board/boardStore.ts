import { create } from 'zustand';
import type { Board } from '../../../../shared/api/methods/board';
import { api } from '../../api/client';

interface BoardState {
  board: Board | null;
  teamId: number | null;
  loading: boolean;
  error: string | null;
  load(teamId: number): Promise<void>;
}

export const useBoardStore = create<BoardState>()((set, get) => ({
  board: null,
  teamId: null,
  loading: false,
  error: null,
  async load(teamId) {
    const switching = get().teamId !== teamId;
    set({ loading: true, teamId, ...(switching ? { board: null } : {}) });
    const result = await api.getBoard({ teamId });
    if (get().teamId !== teamId) return; // the user switched team meanwhile
    if (result.ok) set({ board: result.value, loading: false, error: null });
    else set({ loading: false, error: result.error.message });
  },
}));
