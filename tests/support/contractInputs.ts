// Valid inputs for every method of the contract, naming records of the caller's team or of another
// team. tests/store/access.test.ts calls them against a real store as every role; the unit tests
// (apiAccess, apiInputs) check them against the declarations and the schemas with synthetic ids.
import { CASE_READERS, type CallerRole } from '../../shared/api/define';
import type { MethodName } from '../../shared/api/contract';
import { AUDIT_READERS } from '../../shared/api/methods/data';

export const TODAY = '2026-11-23';

/** The records of one team that methods take ids of. */
export interface TeamRecords {
  team: number;
  case: number;
  /** The case's caseworker: the caseworker who calls in the own-team variants. */
  caseworker: number;
  column: number;
  grant: number;
  sprint: number;
  plan: number;
  goal: number;
  action: number;
  kpi: number;
  investment: number;
  tag: number;
  planTag: number;
  proposal: number;
  device: number;
  /** A blocked period of the team (flow analytics' blocker categories). */
  block: number;
  /** A saved view of the team's flow analytics. */
  view: number;
  caseNumber: string;
}

/** What the inputs need from the store they are called against. */
export interface InputsEnvironment {
  /** The committee meeting the meeting methods name (made once the store exists). */
  meetingId: () => number;
  teamName: (teamId: number) => string;
}

export type Scope = 'own' | 'other' | 'department';

export interface Variant {
  name: string;
  /** Whose records the input names: the caller's team, another team, or none (department-wide). */
  scope: Scope;
  input: (r: TeamRecords, self: number | null) => unknown;
  /**
   * A rule the store adds because it depends on the input as well as the caller (exportTable: the
   * audit log has its own readers; the case lists are case content). Roles outside it are refused.
   */
  storeRule?: readonly CallerRole[];
}

const grant = {
  paragraph: '85', service: 'Bostøtte', provider: 'Bostøttecentret', providerType: 'internal', takst: 450, takstUnit: 'hour',
  quantity: 2, startDate: TODAY, endDate: null, followUpMonths: 6, supportGoal: 'developing',
};
const investment = { start: '2026-01-01', years: [2026, 2027], citizensPerYear: 1, durationYears: 1, savingPerCitizenYear: 1, replacementCostPerCitizenYear: 0, runningCosts: [], implementationCosts: [] };
const criteria = { paragraph: '85', providerType: null, provider: null, minYearlyCost: null, minAgeMonths: null, order: 'cost_desc', limit: 5 };

/** Team-scoped: the caller's team and another team. */
const teamScoped = (input: Variant['input']): Variant[] => [
  { name: 'own team', scope: 'own', input },
  { name: 'other team', scope: 'other', input },
];
/** Team-scoped with an optional team: both, and the whole department. */
const optionalTeam = (withTeam: Variant['input'], without: Variant['input']): Variant[] => [
  ...teamScoped(withTeam),
  { name: 'department', scope: 'department', input: without },
];
const plain = (input: Variant['input']): Variant[] => [{ name: 'no team', scope: 'department', input }];

export function contractInputs(env: InputsEnvironment): Record<MethodName, Variant[]> {
  return {
    getWorkspace: plain(() => ({})),
    listTeams: plain(() => ({})),
    listPeople: optionalTeam((r) => ({ teamId: r.team }), () => ({})),

    getBoard: teamScoped((r) => ({ teamId: r.team })),
    getBoardCards: teamScoped((r) => ({ teamId: r.team, caseIds: [r.case] })),
    getDoneCards: teamScoped((r) => ({ teamId: r.team, columnId: r.column, offset: 0 })),
    getCase: teamScoped((r) => ({ caseId: r.case })),
    moveCard: teamScoped((r) => ({ caseId: r.case, toColumnId: r.column, reason: 'Adgangstest' })),
    // Event 1 is not a move of the case: a refusal after the access check, which is what this test asks.
    undoMove: teamScoped((r) => ({ caseId: r.case, eventId: 1 })),
    updateCase: teamScoped((r) => ({ caseId: r.case, notes: 'Adgangstest' })),
    addAssessment: teamScoped((r) => ({ caseId: r.case, assessedOn: TODAY, scores: { mobility: 2 } })),
    addColumn: teamScoped((r) => ({ teamId: r.team, name: 'Adgangstest', kind: 'active' })),
    updateColumn: teamScoped((r) => ({ columnId: r.column, wipLimit: 50 })),
    moveColumn: teamScoped((r) => ({ columnId: r.column, toPosition: 2 })),
    removeColumn: teamScoped((r) => ({ columnId: r.column })),

    getPullList: teamScoped((r) => ({ teamId: r.team })),
    getMyCases: teamScoped((r) => ({ personId: r.caseworker })),
    pullNext: [...plain(() => ({})), { name: 'with reason', scope: 'department', input: () => ({ reason: 'Adgangstest' }) }],
    setRuleWeights: teamScoped((r) => ({ teamId: r.team, weights: { deadline: 2, class_of_service: 1, strategic: 1, waiting: 1 } })),
    getFollowUpItem: teamScoped((r) => ({ caseId: r.case })),
    closeFollowUp: teamScoped((r) => ({ caseId: r.case, outcome: 'continue', note: 'Adgangstest' })),
    setPin: teamScoped((r) => ({ caseId: r.case, pinned: false })),
    savePriorityTag: teamScoped((r) => ({ teamId: r.team, tagId: r.tag, label: 'Ændret', weight: 20, paragraph: '85', kind: null })),
    deletePriorityTag: teamScoped((r) => ({ tagId: r.tag })),
    listProcessingTimes: plain(() => ({})),
    setProcessingTime: plain(() => ({ paragraph: '85', weeks: 6 })),
    listCompetences: teamScoped((r) => ({ teamId: r.team })),
    setCompetences: teamScoped((r) => ({ personId: r.caseworker, paragraphs: ['85'] })),

    getBottomLine: optionalTeam((r) => ({ asOf: TODAY, teamId: r.team }), () => ({ asOf: TODAY })),
    getBottomLineSeries: optionalTeam((r) => ({ asOf: TODAY, teamId: r.team }), () => ({ asOf: TODAY })),
    getBottomLineDecomposition: teamScoped((r) => ({ teamId: r.team, from: '2026-01-01', asOf: TODAY })),
    getBottomLineDrill: teamScoped((r) => ({ teamId: r.team, asOf: TODAY })),
    getBottomLineChart: teamScoped((r) => ({ asOf: TODAY, teamId: r.team })),
    getBottomLineMovers: teamScoped((r) => ({ teamId: r.team, since: '2026-11-01', asOf: TODAY })),
    getFinanceComparison: optionalTeam((r) => ({ year: 2026, teamId: r.team }), () => ({ year: 2026, asOf: TODAY })),
    importFinanceBookings: plain((r) => ({
      fileName: 'bogfoering.csv',
      contentBase64: Buffer.from(`aar;maaned;konto;team;beloeb\n2026;10;5.38.50;${env.teamName(r.team)};1.000,00\n`).toString('base64'),
    })),
    getTakstResponsibility: optionalTeam((r) => ({ asOf: TODAY, teamId: r.team }), () => ({ asOf: TODAY })),
    getTakstCatalogue: plain(() => ({})),
    setTakstPrice: plain(() => ({ serviceId: 1, providerId: 1, takst: 500, validFrom: '2026-12-01' })),
    getCaseEconomy: teamScoped((r) => ({ caseId: r.case })),
    previewGrant: teamScoped((r) => ({ caseId: r.case, grant })),
    createGrant: teamScoped((r) => ({ caseId: r.case, grant })),
    updateGrant: teamScoped((r) => ({ grantId: r.grant, grant, reason: 'Adgangstest' })),
    endGrant: teamScoped((r) => ({ grantId: r.grant, endDate: '2026-12-31' })),
    getBudget: teamScoped((r) => ({ teamId: r.team, year: 2026 })),
    setBudget: teamScoped((r) => ({ teamId: r.team, year: 2026, amount: 1_000_000 })),

    getFlowReport: optionalTeam((r) => ({ teamId: r.team, from: '2026-10-01', to: TODAY }), () => ({ from: '2026-10-01', to: TODAY })),
    getFlowDashboard: optionalTeam((r) => ({ teamId: r.team, from: '2026-10-01', to: TODAY, seed: 1 }), () => ({ from: '2026-10-01', to: TODAY, seed: 1 })),
    getCaseload: optionalTeam((r) => ({ teamId: r.team }), () => ({})),
    getCaseloadCases: teamScoped((r) => ({ teamId: r.team, personId: r.caseworker })),
    setCaseloadWeight: plain(() => ({ paragraph: '85', weight: 1.5 })),
    getWeeklyReview: teamScoped((r) => ({ teamId: r.team })),
    addReviewNote: teamScoped((r) => ({ teamId: r.team, weekStart: '2026-11-16', kind: 'note', text: 'Adgangstest' })),

    previewImport: plain(() => ({ fileName: 'x.csv', contentBase64: 'YQ==' })),
    runImport: plain(() => ({ fileName: 'x.csv', contentBase64: 'YQ==' })),
    listImportProfiles: plain(() => ({})),
    saveImportProfile: plain(() => ({ name: 'Adgang', mapping: {} })),
    deleteImportProfile: plain(() => ({ id: 1 })),
    listAudit: plain(() => ({ limit: 5 })),
    exportTable: [
      ...teamScoped((r) => ({ table: 'cases', teamId: r.team })).map((v) => ({ ...v, storeRule: CASE_READERS })),
      { name: 'department cases', scope: 'department', input: () => ({ table: 'grants' }), storeRule: CASE_READERS },
      { name: 'audit of a team', scope: 'own', input: (r) => ({ table: 'audit', teamId: r.team }), storeRule: AUDIT_READERS },
      { name: 'audit', scope: 'department', input: () => ({ table: 'audit' }), storeRule: AUDIT_READERS },
    ],
    listBackups: plain(() => ({})),
    createBackup: plain(() => ({})),
    restoreBackup: plain(() => ({ file: 'flowtavle-2020-01-01T00-00-00-000Z-manual.db' })),
    setBackupKeepDays: plain(() => ({ days: 14 })),

    getWallScreen: teamScoped((r) => ({ teamId: r.team, privacy: false })),
    getWallSettings: teamScoped((r) => ({ teamId: r.team })),
    saveWallSettings: teamScoped((r) => ({ teamId: r.team, views: ['board'], intervalSeconds: 30, timerMinutes: 15, privacy: true })),

    approveDevice: teamScoped((r) => ({ code: 'ABCD-1234', teamId: r.team, label: 'Tv' })),
    listDevices: optionalTeam((r) => ({ teamId: r.team }), () => ({})),
    revokeDevice: teamScoped((r) => ({ deviceId: r.device })),

    listSprints: teamScoped((r) => ({ teamId: r.team })),
    getSprint: teamScoped((r) => ({ sprintId: r.sprint })),
    createSprint: teamScoped((r) => ({ teamId: r.team, name: 'Adgang', goal: 'Test', startDate: '2027-03-01', endDate: '2027-03-14' })),
    updateSprint: teamScoped((r) => ({ sprintId: r.sprint, name: 'Adgang', goal: 'Test', startDate: '2026-11-16', endDate: '2026-11-29' })),
    commitToSprint: teamScoped((r) => ({ sprintId: r.sprint, caseId: r.case })),
    uncommitFromSprint: teamScoped((r) => ({ sprintId: r.sprint, caseId: r.case })),
    closeSprint: teamScoped((r) => ({ sprintId: r.sprint, goalMet: true, note: null, carryOver: 'pull_list' })),
    getSprintLanes: teamScoped((r) => ({ teamId: r.team })),
    getCaseSprint: teamScoped((r) => ({ caseId: r.case })),
    searchSprintCases: teamScoped((r) => ({ teamId: r.team, query: r.caseNumber.slice(0, 4) })),
    listKpiDefinitions: plain(() => ({})),
    previewKpi: teamScoped((r) => ({ teamId: r.team, spec: { kind: 'bottom_line' } })),
    listPlans: optionalTeam((r) => ({ teamId: r.team }), () => ({})),
    getPlan: teamScoped((r) => ({ planId: r.plan })),
    createPlan: teamScoped((r) => ({ teamId: r.team, title: 'Ny plan', periodStart: '2027-01-01', periodEnd: '2027-12-31' })),
    updatePlan: teamScoped((r) => ({ planId: r.plan, title: 'Ændret', periodStart: '2026-01-01', periodEnd: '2026-12-31' })),
    saveGoal: teamScoped((r) => ({ planId: r.plan, goalId: r.goal, title: 'Ændret', description: null })),
    deleteGoal: teamScoped((r) => ({ goalId: r.goal })),
    saveAction: teamScoped((r) => ({ goalId: r.goal, actionId: r.action, title: 'Ændret', ownerId: null, dueDate: null, status: 'done', caseIds: [r.case] })),
    deleteAction: teamScoped((r) => ({ actionId: r.action })),
    saveKpi: teamScoped((r) => ({ goalId: r.goal, kpiId: r.kpi, spec: { kind: 'overdue_follow_ups' }, target: 0, direction: 'lower' })),
    deleteKpi: teamScoped((r) => ({ kpiId: r.kpi })),
    saveInvestment: teamScoped((r) => ({ goalId: r.goal, investmentId: r.investment, title: 'Ændret', fromParagraph: '107', toParagraph: '85', input: investment })),
    deleteInvestment: teamScoped((r) => ({ investmentId: r.investment })),
    savePlanPriority: teamScoped((r) => ({ planId: r.plan, tagId: r.planTag, label: 'Ændret', weight: 5, paragraph: null, kind: 'complaint' })),
    deletePlanPriority: teamScoped((r) => ({ tagId: r.planTag })),

    getAuthorityLimits: plain(() => ({})),
    saveAuthorityLimit: [
      { name: 'a role', scope: 'department', input: () => ({ role: 'caseworker', personId: null, paragraph: '108', maxHoursPerWeek: 3, maxYearlyCost: 100_000, externalAllowed: false }) },
      { name: 'a colleague', scope: 'department', input: (r) => ({ role: null, personId: r.caseworker, paragraph: '108', maxHoursPerWeek: 3, maxYearlyCost: 100_000, externalAllowed: false }) },
      { name: 'oneself', scope: 'department', input: (_r, self) => ({ role: null, personId: self ?? 1, paragraph: '108', maxHoursPerWeek: null, maxYearlyCost: null, externalAllowed: true }) },
    ],
    deleteAuthorityLimit: plain(() => ({ limitId: 1 })),
    checkGrantAuthority: teamScoped((r) => ({ caseId: r.case, grant })),
    getAwaitingCommittee: teamScoped((r) => ({ teamId: r.team })),
    getCaseCommittee: teamScoped((r) => ({ caseId: r.case })),
    saveRecommendation: teamScoped((r) => ({
      caseId: r.case,
      recommendation: { targetGroup: 'x', vumSummary: null, citizenWishes: null, internalAlternatives: null, expectedProgression: null, followUpDate: null },
    })),
    withdrawProposal: teamScoped((r) => ({ proposalId: r.proposal })),
    listMeetings: plain(() => ({})),
    createMeeting: plain(() => ({ date: '2026-12-17', title: 'Visitationsudvalget', memberIds: [] })),
    getMeeting: plain(() => ({ meetingId: env.meetingId() })),
    addRevisitation: plain((r) => ({ meetingId: env.meetingId(), caseNumber: r.caseNumber, note: null })),
    removeRevisitation: plain((r) => ({ meetingId: env.meetingId(), caseId: r.case })),
    decideCase: plain((r) => ({ meetingId: env.meetingId(), caseId: r.case, outcome: 'approved', conditions: null, followUpDate: null })),
    closeMeeting: plain(() => ({ meetingId: env.meetingId() })),
    previewCampaign: teamScoped((r) => ({ teamId: r.team, criteria })),
    createCampaign: teamScoped((r) => ({ teamId: r.team, name: 'Adgang', criteria, tagWeight: 10 })),
    listCampaigns: optionalTeam((r) => ({ teamId: r.team }), () => ({})),
    getCommitteeDashboard: optionalTeam((r) => ({ teamId: r.team }), () => ({})),

    listAccounts: optionalTeam((r) => ({ teamId: r.team }), () => ({})),
    createAccount: teamScoped((r) => ({ personId: r.caseworker, login: 'adgangstest' })),
    resetPassword: teamScoped((r) => ({ personId: r.caseworker })),
    renewSetupCode: teamScoped((r) => ({ personId: r.caseworker })),
    setAccountActive: [
      ...teamScoped((r) => ({ personId: r.caseworker, active: false })),
      { name: 'oneself', scope: 'own', input: (_r, self) => ({ personId: self ?? 1, active: false }) },
    ],
    listSessions: plain(() => ({})),
    endSession: plain(() => ({ sessionId: 1 })),

    getAccessLog: plain(() => ({ citizenRef: 'X-1' })),
    scanPrivacy: plain(() => ({})),
    redactValue: plain(() => ({ table: 'cases', column: 'notes', rowId: 1, reason: 'Adgangstest' })),
    eraseCitizen: plain(() => ({ citizenRef: 'X-1', reason: 'Adgangstest' })),
    getBackupHealth: plain(() => ({})),

    getDeadlineCompliance: optionalTeam((r) => ({ teamId: r.team, from: '2026-09-01', to: TODAY }), () => ({ from: '2026-09-01', to: TODAY })),
    getBlockerAnalysis: teamScoped((r) => ({ teamId: r.team, from: '2026-09-01', to: TODAY })),
    listBlockerCategories: plain(() => ({})),
    saveBlockerCategory: plain(() => ({ name: 'Venter på adgangstest', keywords: ['adgang'], active: true })),
    categorizeBlocks: teamScoped((r) => ({ teamId: r.team, items: [{ blockId: r.block, categoryId: 1 }] })),
    getFlowEfficiency: teamScoped((r) => ({ teamId: r.team, from: '2026-09-01', to: TODAY })),
    getAgeingAgainstPace: teamScoped((r) => ({ teamId: r.team, asOf: '2026-10-31' })),
    getCycleTimeHeatMap: teamScoped((r) => ({ teamId: r.team, from: '2026-09-01', to: TODAY })),
    getForecastCheck: teamScoped((r) => ({ teamId: r.team, positions: 3, seed: 1 })),
    getFlowSettings: teamScoped((r) => ({ teamId: r.team })),
    setColumnFlowSettings: teamScoped((r) => ({ columnId: r.column, maxWorkingDays: 5, countsAsWork: null })),
    setCalendarSettings: plain(() => ({ christmasEveClosed: false, newYearsEveClosed: true, constitutionDayClosed: true })),
    getServiceLevelMarks: teamScoped((r) => ({ teamId: r.team })),
    listSavedViews: teamScoped((r) => ({ teamId: r.team })),
    saveView: teamScoped((r) => ({
      teamId: r.team, id: r.view, name: 'Ændret visning', isDefault: true,
      settings: { months: 6, asOf: null, counting: 'working', complianceGroup: 'month', sections: ['compliance', 'blockers'] },
    })),
    deleteView: teamScoped((r) => ({ teamId: r.team, id: r.view })),
  };
}
