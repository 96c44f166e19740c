// Live updates: every committed change anywhere bumps `revision`; views that show store data
// reload when it moves. The connection state feeds the "offline since" banner.
import { create } from 'zustand';
import { subscribeChanges, type ConnectionState } from '../api/client';

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
      () => {
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
