import { WipReasonDialog } from '../../components/WipReasonDialog';
import { useBoardStore } from './boardStore';

/** Going over a WIP limit is allowed, but never by accident: it takes a reason, which is logged. */
export function WipDialog() {
  const request = useBoardStore((s) => s.wipRequest);
  return <WipReasonDialog request={request ? { action: 'move', ...request } : null} />;
}
