// Which cases of a team await the visitation committee, for the "Afventer udvalg" badge on the
// board's cards. One request per team and committed change, however many cards ask.
import { create } from 'zustand';
import { api } from '../../api/client';
import { useLive } from '../../stores/live';
import './awaiting.css';

interface AwaitingState {
  teamId: number | null;
  ids: ReadonlySet<number>;
}

const useAwaitingStore = create<AwaitingState>()(() => ({ teamId: null, ids: new Set() }));

let requested: number | null = null;
let ticket = 0;

function load(teamId: number): void {
  requested = teamId;
  const mine = ++ticket;
  void api.getAwaitingCommittee({ teamId }).then((r) => {
    if (mine === ticket && r.ok) useAwaitingStore.setState({ teamId, ids: new Set(r.value) });
  });
}

useLive.subscribe((state, previous) => {
  if (state.revision !== previous.revision && requested !== null) load(requested);
});

/** Whether the case awaits the committee; the first card of a team asks the store. */
export function useAwaitingCommittee(teamId: number, caseId: number): boolean {
  if (requested !== teamId) load(teamId);
  return useAwaitingStore((s) => s.teamId === teamId && s.ids.has(caseId));
}
