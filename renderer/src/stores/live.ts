// Live updates: every committed change anywhere bumps `revision`; views that show store data
// reload when it moves. A view that can patch itself (the board) follows the notices themselves
// instead (`onNotice`). The connection state feeds the "offline since" banner.
import { useEffect, useState } from 'react';
import { create } from 'zustand';
import { concernsTeam } from '../../../shared/boardSync';
import type { ChangeNotice } from '../../../shared/api/client';
import { subscribeChanges, type ConnectionState } from '../api/client';

const noticeListeners = new Set<(notice: ChangeNotice) => void>();

/** Every change notice as it arrives, uncoalesced; returns the unsubscribe function. */
export function onNotice(listener: (notice: ChangeNotice) => void): () => void {
  noticeListeners.add(listener);
  return () => noticeListeners.delete(listener);
}

interface LiveState {
  revision: number;
  connection: ConnectionState;
  start(): () => void;
}

export const useLive = create<LiveState>()((set, get) => ({
  revision: 0,
  connection: { online: true },
  start() {
    // A new session starts connected; an earlier session's closed stream must not leave the banner up.
    set({ connection: { online: true } });
    let pending: ReturnType<typeof setTimeout> | undefined;
    const stop = subscribeChanges(
      (notice) => {
        for (const listener of noticeListeners) listener(notice);
        // Coalesce bursts (an import, a committee meeting) into one reload.
        clearTimeout(pending);
        pending = setTimeout(() => set({ revision: get().revision + 1 }), 150);
      },
      (connection) => set({ connection }),
    );
    return () => {
      clearTimeout(pending);
      stop();
    };
  },
}));

/**
 * A revision that moves only for changes that may concern the team (coalesced like `revision`):
 * a team's wall does not recompute its screen for another team's moves.
 */
export function useTeamRevision(teamId: number | null): number {
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    let pending: ReturnType<typeof setTimeout> | undefined;
    const stop = onNotice((notice) => {
      if (teamId !== null && !concernsTeam(notice, teamId)) return;
      clearTimeout(pending);
      pending = setTimeout(() => setRevision((r) => r + 1), 150);
    });
    return () => {
      clearTimeout(pending);
      stop();
    };
  }, [teamId]);
  return revision;
}
