// What the store says about some of a team's cases (awaiting the committee, past a service level),
// for marks on the board's cards: one request per team and committed change, however many of the
// team's thousands of cards ask.
import { create } from 'zustand';
import type { Envelope } from '../../../shared/api/envelope';
import { useLive } from '../stores/live';

interface MarksState<T> {
  teamId: number | null;
  marks: ReadonlyMap<number, T>;
}

/** A hook giving a case's mark (undefined for none); `load` asks the store for the team's marked cases. */
export function teamCaseMarks<T>(load: (teamId: number) => Promise<Envelope<ReadonlyMap<number, T>>>): (teamId: number, caseId: number) => T | undefined {
  const useMarks = create<MarksState<T>>()(() => ({ teamId: null, marks: new Map() }));
  let requested: number | null = null;
  let ticket = 0;

  const fetchTeam = (teamId: number): void => {
    requested = teamId;
    const mine = ++ticket;
    void load(teamId).then((r) => {
      if (mine === ticket && r.ok) useMarks.setState({ teamId, marks: r.value });
    });
  };

  useLive.subscribe((state, previous) => {
    if (state.revision !== previous.revision && requested !== null) fetchTeam(requested);
  });

  // The first card of a team asks the store; the others read what it answered.
  return function useCaseMark(teamId: number, caseId: number): T | undefined {
    if (requested !== teamId) fetchTeam(teamId);
    return useMarks((s) => (s.teamId === teamId ? s.marks.get(caseId) : undefined));
  };
}
