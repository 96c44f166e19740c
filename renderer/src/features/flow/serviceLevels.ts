// Which cards of a team are past their column's service-level expectation in working days, for the
// mark on the board's and the wall's cards (issue 18). One request per team and committed change,
// however many cards ask; the rule (working days after the day the card entered the column, above
// the leaders' limit) is computed by the store with the department's calendar.
import { create } from 'zustand';
import type { ServiceLevelBreach } from '../../../../shared/api/methods/flowAnalytics';
import { api } from '../../api/client';
import { useLive } from '../../stores/live';
import './serviceLevels.css';

interface MarksState {
  teamId: number | null;
  over: ReadonlyMap<number, ServiceLevelBreach>;
}

const useMarksStore = create<MarksState>()(() => ({ teamId: null, over: new Map() }));

let requested: number | null = null;
let ticket = 0;

function load(teamId: number): void {
  requested = teamId;
  const mine = ++ticket;
  void api.getServiceLevelMarks({ teamId }).then((r) => {
    if (mine === ticket && r.ok) useMarksStore.setState({ teamId, over: new Map(r.value.over.map((o) => [o.caseId, o])) });
  });
}

useLive.subscribe((state, previous) => {
  if (state.revision !== previous.revision && requested !== null) load(requested);
});

/** The case's breach of its column's expectation, or undefined; the first card of a team asks the store. */
export function useServiceLevelBreach(teamId: number, caseId: number): ServiceLevelBreach | undefined {
  if (requested !== teamId) load(teamId);
  return useMarksStore((s) => (s.teamId === teamId ? s.over.get(caseId) : undefined));
}
