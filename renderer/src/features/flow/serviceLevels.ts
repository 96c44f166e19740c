// The mark on the board's cards past their column's service-level expectation in working days
// (issue 18). The rule (working days after the day the card entered the column, above the
// leaders' limit) is computed by the store with the department's calendar.
import type { ServiceLevelBreach } from '../../../../shared/api/methods/flowAnalytics';
import type { CardBadge } from '../types';
import { api } from '../../api/client';
import { teamCaseMarks } from '../../components/teamCaseMarks';
import './serviceLevels.css';

const useServiceLevelBreach = teamCaseMarks<ServiceLevelBreach>((teamId) =>
  api.getServiceLevelMarks({ teamId }).then((r) => (r.ok ? { ok: true, value: new Map(r.value.over.map((o) => [o.caseId, o])) } : r)));

export const serviceLevelBadge: CardBadge = {
  id: 'service-level',
  order: 20,
  useBadge(card) {
    const sle = useServiceLevelBreach(card.teamId, card.id);
    if (!sle) return null;
    const values = { days: sle.workingDays, limit: sle.limit };
    return {
      className: 'sle-over', icon: '◷', testId: 'sle-over', replacesAgeing: true,
      short: { key: 'flow:analytics.board.overSleShort', values }, long: { key: 'flow:analytics.board.overSle', values },
    };
  },
};
