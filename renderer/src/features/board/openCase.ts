// Opening a case from another view: the case's team becomes the current team, its board loads
// and the card's detail opens — the same steps the bottom line's drill-down takes. Views of other
// features call this rather than reaching into the board's components.
import { useSession } from '../../stores/session';
import { useBoardStore } from './boardStore';

export async function openCase(teamId: number, caseId: number): Promise<void> {
  const session = useSession.getState();
  session.chooseTeam(teamId);
  await useBoardStore.getState().load(teamId);
  useBoardStore.getState().select(caseId);
  session.navigate('board');
}
