import { useSession } from '../../stores/session';

/** Leaders and the secretariat may import and restore; the service enforces it, the UI explains it. */
export function useIsSteward(): boolean {
  const role = useSession((s) => s.actor?.role);
  return role === 'leader' || role === 'secretariat';
}
