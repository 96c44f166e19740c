// The contract's inputs (tests/support/contractInputs.ts) with synthetic records: every kind of
// record has its own id, so a team read from the wrong kind of record finds nothing.
import { contractInputs, type TeamRecords } from '../support/contractInputs';

export { TODAY, type Variant } from '../support/contractInputs';

const recordsOf = (team: number): TeamRecords => {
  const base = team * 100;
  return {
    team, case: base + 1, caseworker: base + 2, column: base + 3, grant: base + 4, sprint: base + 5, plan: base + 6, goal: base + 7,
    action: base + 8, kpi: base + 9, investment: base + 10, tag: base + 11, planTag: base + 12, proposal: base + 13, device: base + 14,
    block: base + 15, view: base + 16, caseNumber: `2026-00${team}001`,
  };
};
export const own = recordsOf(1);
export const other = recordsOf(2);
const SOURCE_FIELD: Record<string, keyof TeamRecords> = {
  team: 'team', case: 'case', column: 'column', grant: 'grant', person: 'caseworker', sprint: 'sprint', plan: 'plan', planGoal: 'goal',
  planAction: 'action', kpi: 'kpi', investment: 'investment', proposal: 'proposal', device: 'device',
};
export function resolveTeam(from: string, id: number): number | null {
  for (const r of [own, other]) {
    if (from === 'priorityTag' && (id === r.tag || id === r.planTag)) return r.team;
    const field = SOURCE_FIELD[from];
    if (field && r[field] === id) return r.team;
  }
  return null;
}

export const INPUTS = contractInputs({ meetingId: () => 5, teamName: (teamId) => `Team ${teamId}` });
