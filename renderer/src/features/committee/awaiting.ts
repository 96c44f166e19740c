// The "Afventer udvalg" badge on the board's cards: cases with a grant proposal awaiting the
// visitation committee.
import type { CardBadge } from '../types';
import { api } from '../../api/client';
import { teamCaseMarks } from '../../components/teamCaseMarks';
import './awaiting.css';

const useAwaitingCommittee = teamCaseMarks<true>((teamId) =>
  api.getAwaitingCommittee({ teamId }).then((r) => (r.ok ? { ok: true, value: new Map(r.value.map((id) => [id, true as const])) } : r)));

export const awaitingCommitteeBadge: CardBadge = {
  id: 'awaiting-committee',
  order: 10,
  useBadge(card) {
    if (!useAwaitingCommittee(card.teamId, card.id)) return null;
    return {
      className: 'awaiting-committee', icon: '⚖', short: { key: 'committee:card.awaitingShort' }, long: { key: 'committee:card.awaitingLong' },
    };
  },
};
