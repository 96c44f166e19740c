// A small department for the budget follow-up (shared/budgetFollowUp.ts): two teams, one of
// them over budget, a department line, a decomposition with every kind, a finance comparison
// with unbooked and marked months, and caseworkers above, below and level with their colleagues.
import type { FollowUpData } from '../../shared/budgetFollowUp';
import type { FinanceMonth } from '../../shared/api/methods/finance';

const months = (booked: (number | null)[], grantBased: number, attention: Record<number, FinanceMonth['attention']> = {}): FinanceMonth[] =>
  booked.map((b, i) => ({
    month: i + 1, booked: b, grantBased, difference: b === null ? null : b - grantBased, attention: attention[i + 1] ?? null,
  }));

const team1 = {
  teamId: 1, team: 'Team Botilbud', budget: 10_000_000, spent: 4_000_000, committed: 5_000_000, forecast: 9_000_000, bottomLine: 1_000_000,
  pipeline: 250_000, toleranceAmount: 100_000, status: 'under' as const, sinceLastWeek: -12_000.4, sinceLastMonth: 30_000, sinceYearStart: 0.2,
};
const team2 = {
  teamId: 2, team: 'Team Bostøtte', budget: 5_000_000, spent: 3_000_000, committed: 2_400_000, forecast: 5_400_000, bottomLine: -400_000,
  pipeline: 0, toleranceAmount: 50_000, status: 'over' as const, sinceLastWeek: 5_000, sinceLastMonth: -7_000, sinceYearStart: -400_000,
};

export function followUpData(teamId: number | null): FollowUpData {
  const scopeName = teamId === null ? 'Hele afdelingen' : 'Team Botilbud';
  const single = teamId !== null;
  return {
    asOf: '2026-06-30',
    teamId,
    scopeName,
    report: {
      asOf: '2026-06-30', year: 2026, teams: single ? [{ ...team1 }] : [{ ...team1 }, { ...team2 }],
      ...(single ? {} : {
        department: {
          budget: 16_000_000, spent: 7_500_000, committed: 7_600_000, forecast: 15_100_000, bottomLine: 900_000, pipeline: 250_000,
          toleranceAmount: 160_000, status: 'on_zero' as const, sinceLastWeek: -7_000, sinceLastMonth: 23_000, sinceYearStart: -399_999.8,
          teamsBudget: 15_000_000, teamsForecast: 14_400_000,
          lines: [{ label: 'Ledelse og sekretariat', budget: 1_000_000, spent: 500_000, committed: 200_000, forecast: 700_000, bottomLine: 300_000 }],
        },
      }),
    },
    series: {
      asOf: '2026-06-30', teamId, year: 2026, budget: 10_000_000, forecast: 9_000_000, bottomLine: 1_000_000, toleranceAmount: 100_000,
      status: 'under', sinceLastWeek: -12_000, sinceLastMonth: 30_000, sinceYearStart: 0,
      thisYear: {
        year: 2026, budget: 10_000_000, toleranceAmount: 100_000, points: [
          { week: 0, date: '2025-12-31', forecast: 9_500_000, bottomLine: 500_000 },
          { week: 1, date: '2026-01-07', forecast: 9_200_000, bottomLine: 800_000 },
          { week: 2, date: '2026-01-14', forecast: 9_000_000, bottomLine: 1_000_000 },
        ],
      },
      lastYear: {
        year: 2025, budget: 9_000_000, toleranceAmount: 90_000, points: [
          { week: 0, date: '2024-12-31', forecast: 9_000_000, bottomLine: 0 },
          { week: 1, date: '2025-01-07', forecast: 9_100_000, bottomLine: -100_000 },
          { week: 2, date: '2025-01-14', forecast: 9_300_000, bottomLine: -300_000 },
          { week: 3, date: '2025-01-21', forecast: 9_200_000, bottomLine: -200_000 },
          { week: 4, date: '2025-01-28', forecast: 8_800_000, bottomLine: 200_000 },
        ],
      },
    },
    decomposition: single ? {
      teamId: 1, team: 'Team Botilbud', year: 2026, from: '2025-12-31', asOf: '2026-06-30', forecastFrom: 9_500_000, forecastTo: 9_000_000,
      change: -500_000,
      lines: [
        { kind: 'new', total: 300_000, grants: [
          { grantId: 11, caseId: 101, caseNumber: 'S-101', caseworker: 'Ane Berg', paragraph: '107', description: '§ 107 Midlertidigt botilbud', effect: 300_000, yearlyBefore: null, yearlyAfter: 600_000 },
        ] },
        { kind: 'ended', total: -900_000, grants: [
          { grantId: 12, caseId: 102, caseNumber: 'S-102', caseworker: null, paragraph: '108', description: '§ 108 Længerevarende botilbud', effect: -900_000, yearlyBefore: 1_800_000, yearlyAfter: null },
        ] },
        { kind: 'volume', total: 100_000, grants: [] },
        { kind: 'price', total: 0, grants: [] },
      ],
      expensiveFrom: 1_000_000,
      expensive: [{ caseId: 102, caseNumber: 'S-102', caseworker: null, paragraphs: ['108', '85'], grants: 2, yearlyCost: 1_900_000, costThisYear: 950_000 }],
    } : null,
    finance: {
      year: 2026, asOf: '2026-06-30', teamId, threshold: { share: 0.05, amount: 50_000 },
      months: months([800_000, 900_000, 700_000, null, null, null, null, null, null, null, null, null], 800_000, { 2: 'booked_higher', 3: 'booked_lower' }),
      total: { bookedMonths: 3, booked: 2_400_000, grantBased: 2_400_000, difference: 0 },
      teams: [
        { teamId: 1, team: 'Team Botilbud', months: months([500_000, 600_000, 400_000, null, null, null, null, null, null, null, null, null], 500_000, { 2: 'booked_higher' }),
          total: { bookedMonths: 3, booked: 1_500_000, grantBased: 1_500_000, difference: 0 } },
        ...(single ? [] : [{ teamId: 2, team: 'Team Bostøtte', months: months([300_000, 300_000, 300_000, null, null, null, null, null, null, null, null, null], 300_000, { 3: 'booked_lower' }),
          total: { bookedMonths: 3, booked: 900_000, grantBased: 900_000, difference: 0 } }]),
      ],
      lastImport: null,
    },
    takst: {
      asOf: '2026-06-30',
      departmentMedians: [],
      caseworkers: [
        {
          personId: 7, name: 'Ane Berg', initials: 'AB', teamId: 1, yearlyCost: 2_400_000, grantCount: 3, newThisMonth: 0, endedThisMonth: 0, internalShare: 0.75,
          medians: [
            { paragraph: '85', unit: 'hour', service: 'Socialpædagogisk støtte', category: 'B', providerType: 'internal', median: 600, departmentMedian: 480, count: 2, outlier: true, direction: 'above', cases: [] },
            { paragraph: '107', unit: 'day', service: 'Midlertidigt botilbud', category: null, providerType: 'external', median: 1_500, departmentMedian: 1_600, count: 1, outlier: false, direction: 'below', cases: [] },
            { paragraph: '108', unit: 'day', service: 'Botilbud', category: null, providerType: 'external', median: 2_000, departmentMedian: 2_000, count: 1, outlier: false, direction: null, cases: [] },
          ],
        },
        { personId: 8, name: 'Bo Dahl', initials: 'BD', teamId: 2, yearlyCost: 0, grantCount: 0, newThisMonth: 0, endedThisMonth: 0, internalShare: null, medians: [] },
        {
          personId: 9, name: 'Carl Eg', initials: 'CE', teamId: 2, yearlyCost: 500_000, grantCount: 1, newThisMonth: 1, endedThisMonth: 0, internalShare: 0,
          medians: [
            { paragraph: '85', unit: 'hour', service: 'Socialpædagogisk støtte', category: 'A', providerType: 'external', median: 300, departmentMedian: 480, count: 1, outlier: true, direction: 'below', cases: [] },
          ],
        },
      ],
    },
  };
}
