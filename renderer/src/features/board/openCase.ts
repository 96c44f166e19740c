// How the board opens a case for another view (registered in index.ts as the app's case opener):
// the case's team becomes the current team, its board loads and the card's detail opens.
import { useSession } from '../../stores/session';
import { useBoardStore } from './boardStore';

export async function openCase(teamId: number, caseId: number): Promise<void> {
  const session = useSession.getState();
  session.chooseTeam(teamId);
  await useBoardStore.getState().load(teamId);
  useBoardStore.getState().select(caseId);
  session.navigate('board');
}
