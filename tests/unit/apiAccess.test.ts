// Who may call what, pinned method by method at the dispatcher with fake handlers: the table below
// is the contract's access declaration written out (the store test tests/store/access.test.ts
// asks the same of the real store), so a changed role list, team field, write flag or lookup
// purpose in shared/api/methods fails here by name.
import { describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES, type MethodName } from '../../shared/api/contract';
import type { CallContext, CallerRole } from '../../shared/api/define';
import { createDispatcher, type Handlers, type LookupEntry } from '../../shared/api/dispatch';
import { INPUTS, other, own, resolveTeam, type Variant } from './apiFixtures';

interface Declared {
  /** The roles that may call the method, space-separated. */
  roles: string;
  write: boolean;
  /** `from:field`: where a team-bound caller's team is read from. */
  team?: string;
  notSelf?: string;
  wallInput?: Record<string, unknown>;
  /** The purpose the lookup log records. */
  lookup?: string;
}

const DECLARED: Record<MethodName, Declared> = {
  getWorkspace: { roles: 'caseworker leader department_head secretariat administrator wall', write: false },
  listTeams: { roles: 'caseworker leader department_head secretariat administrator', write: false },
  listPeople: { roles: 'caseworker leader department_head secretariat administrator', write: false, team: 'team:teamId' },
  getBoard: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId', lookup: 'Tavlen' },
  getBoardCards: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId', lookup: 'Tavlen' },
  getDoneCards: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId', lookup: 'Tavlen' },
  getCase: { roles: 'caseworker leader department_head secretariat', write: false, team: 'case:caseId', lookup: 'Sagsdetalje' },
  moveCard: { roles: 'caseworker leader department_head', write: true, team: 'case:caseId' },
  undoMove: { roles: 'caseworker leader department_head', write: true, team: 'case:caseId' },
  updateCase: { roles: 'caseworker leader department_head', write: true, team: 'case:caseId' },
  addAssessment: { roles: 'caseworker leader department_head', write: true, team: 'case:caseId' },
  addColumn: { roles: 'leader department_head', write: true, team: 'team:teamId' },
  updateColumn: { roles: 'leader department_head', write: true, team: 'column:columnId' },
  moveColumn: { roles: 'leader department_head', write: true, team: 'column:columnId' },
  removeColumn: { roles: 'leader department_head', write: true, team: 'column:columnId' },
  getPullList: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId', lookup: 'Pull-listen' },
  getMyCases: { roles: 'caseworker leader department_head secretariat', write: false, team: 'person:personId', lookup: 'Mine sager' },
  pullNext: { roles: 'caseworker leader', write: true, lookup: 'Tag næste sag' },
  setRuleWeights: { roles: 'leader department_head', write: true, team: 'team:teamId' },
  getFollowUpItem: { roles: 'caseworker leader department_head secretariat', write: false, team: 'case:caseId', lookup: 'Opfølgning' },
  closeFollowUp: { roles: 'caseworker leader department_head', write: true, team: 'case:caseId', lookup: 'Afslut opfølgning' },
  setPin: { roles: 'leader department_head', write: true, team: 'case:caseId' },
  savePriorityTag: { roles: 'leader department_head', write: true, team: 'team:teamId' },
  deletePriorityTag: { roles: 'leader department_head', write: true, team: 'priorityTag:tagId' },
  listProcessingTimes: { roles: 'caseworker leader department_head secretariat', write: false },
  setProcessingTime: { roles: 'department_head', write: true },
  listCompetences: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId' },
  setCompetences: { roles: 'leader department_head', write: true, team: 'person:personId' },
  getBottomLine: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId' },
  getBottomLineSeries: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId' },
  getBottomLineDecomposition: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId' },
  getBottomLineDrill: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId', lookup: 'Bundlinjen pr. sagsbehandler' },
  getBottomLineChart: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId' },
  getBottomLineMovers: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId' },
  getTakstResponsibility: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId' },
  getTakstCatalogue: { roles: 'caseworker leader department_head secretariat', write: false },
  setTakstPrice: { roles: 'department_head', write: true },
  getCaseEconomy: { roles: 'caseworker leader department_head secretariat', write: false, team: 'case:caseId', lookup: 'Sagens økonomi' },
  previewGrant: { roles: 'caseworker leader department_head secretariat', write: false, team: 'case:caseId' },
  createGrant: { roles: 'caseworker leader department_head', write: true, team: 'case:caseId' },
  updateGrant: { roles: 'caseworker leader department_head', write: true, team: 'grant:grantId' },
  endGrant: { roles: 'caseworker leader department_head', write: true, team: 'grant:grantId' },
  getBudget: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId' },
  setBudget: { roles: 'leader department_head', write: true, team: 'team:teamId' },
  importFinanceBookings: { roles: 'department_head administrator', write: true },
  getFinanceComparison: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId' },
  getFlowReport: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId' },
  getFlowDashboard: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId' },
  getCaseload: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId' },
  getCaseloadCases: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId', lookup: 'Sagstal pr. rådgiver' },
  setCaseloadWeight: { roles: 'department_head', write: true },
  getWeeklyReview: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId' },
  addReviewNote: { roles: 'leader department_head', write: true, team: 'team:teamId' },
  getDeadlineCompliance: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId', lookup: 'Overholdelse af sagsbehandlingsfrister' },
  getBlockerAnalysis: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId', lookup: 'Blokeringer i flowanalysen' },
  listBlockerCategories: { roles: 'caseworker leader department_head secretariat', write: false },
  saveBlockerCategory: { roles: 'department_head', write: true },
  categorizeBlocks: { roles: 'caseworker leader department_head', write: true, team: 'team:teamId' },
  getFlowEfficiency: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId' },
  getAgeingAgainstPace: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId', lookup: 'Alder mod tempo' },
  getCycleTimeHeatMap: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId' },
  getForecastCheck: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId' },
  getFlowSettings: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId' },
  setColumnFlowSettings: { roles: 'leader department_head', write: true, team: 'column:columnId' },
  setCalendarSettings: { roles: 'department_head', write: true },
  getServiceLevelMarks: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId' },
  listSavedViews: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId' },
  saveView: { roles: 'leader department_head', write: true, team: 'team:teamId' },
  deleteView: { roles: 'leader department_head', write: true, team: 'team:teamId' },
  previewImport: { roles: 'department_head administrator', write: false },
  runImport: { roles: 'department_head administrator', write: true },
  listImportProfiles: { roles: 'department_head administrator', write: false },
  saveImportProfile: { roles: 'department_head administrator', write: true },
  deleteImportProfile: { roles: 'department_head administrator', write: true },
  listAudit: { roles: 'department_head administrator', write: false, lookup: 'Revisionsloggen' },
  exportTable: { roles: 'caseworker leader department_head secretariat administrator', write: false, team: 'team:teamId', lookup: 'Eksport' },
  listBackups: { roles: 'administrator', write: false },
  createBackup: { roles: 'administrator', write: true },
  restoreBackup: { roles: 'administrator', write: true },
  setBackupKeepDays: { roles: 'administrator', write: true },
  getWallScreen: { roles: 'caseworker leader department_head secretariat wall', write: false, team: 'team:teamId', wallInput: {privacy: true}, lookup: 'Standup-skærmen' },
  getWallSettings: { roles: 'caseworker leader department_head secretariat wall', write: false, team: 'team:teamId' },
  saveWallSettings: { roles: 'caseworker leader department_head secretariat', write: true, team: 'team:teamId' },
  approveDevice: { roles: 'leader department_head', write: true, team: 'team:teamId' },
  listDevices: { roles: 'leader department_head administrator', write: false, team: 'team:teamId' },
  revokeDevice: { roles: 'leader department_head administrator', write: true, team: 'device:deviceId' },
  listSprints: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId' },
  getSprint: { roles: 'caseworker leader department_head secretariat', write: false, team: 'sprint:sprintId' },
  createSprint: { roles: 'leader department_head', write: true, team: 'team:teamId' },
  updateSprint: { roles: 'leader department_head', write: true, team: 'sprint:sprintId' },
  commitToSprint: { roles: 'caseworker leader department_head', write: true, team: 'sprint:sprintId' },
  uncommitFromSprint: { roles: 'caseworker leader department_head', write: true, team: 'sprint:sprintId' },
  closeSprint: { roles: 'leader department_head', write: true, team: 'sprint:sprintId' },
  getSprintLanes: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId' },
  getCaseSprint: { roles: 'caseworker leader department_head secretariat', write: false, team: 'case:caseId' },
  searchSprintCases: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId', lookup: 'Søgning efter sager' },
  listKpiDefinitions: { roles: 'caseworker leader department_head secretariat', write: false },
  previewKpi: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId' },
  listPlans: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId' },
  getPlan: { roles: 'caseworker leader department_head secretariat', write: false, team: 'plan:planId' },
  createPlan: { roles: 'leader department_head', write: true, team: 'team:teamId' },
  updatePlan: { roles: 'leader department_head', write: true, team: 'plan:planId' },
  saveGoal: { roles: 'leader department_head', write: true, team: 'plan:planId' },
  deleteGoal: { roles: 'leader department_head', write: true, team: 'planGoal:goalId' },
  saveAction: { roles: 'leader department_head', write: true, team: 'planGoal:goalId' },
  deleteAction: { roles: 'leader department_head', write: true, team: 'planAction:actionId' },
  saveKpi: { roles: 'leader department_head', write: true, team: 'planGoal:goalId' },
  deleteKpi: { roles: 'leader department_head', write: true, team: 'kpi:kpiId' },
  saveInvestment: { roles: 'leader department_head', write: true, team: 'planGoal:goalId' },
  deleteInvestment: { roles: 'leader department_head', write: true, team: 'investment:investmentId' },
  savePlanPriority: { roles: 'leader department_head', write: true, team: 'plan:planId' },
  deletePlanPriority: { roles: 'leader department_head', write: true, team: 'priorityTag:tagId' },
  getAuthorityLimits: { roles: 'caseworker leader department_head secretariat', write: false },
  saveAuthorityLimit: { roles: 'department_head', write: true, notSelf: 'personId' },
  deleteAuthorityLimit: { roles: 'department_head', write: true },
  checkGrantAuthority: { roles: 'caseworker leader department_head', write: false, team: 'case:caseId' },
  getAwaitingCommittee: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId' },
  getCaseCommittee: { roles: 'caseworker leader department_head secretariat', write: false, team: 'case:caseId', lookup: 'Sagens udvalgsbehandling' },
  saveRecommendation: { roles: 'caseworker leader department_head', write: true, team: 'case:caseId' },
  withdrawProposal: { roles: 'caseworker leader department_head', write: true, team: 'proposal:proposalId' },
  listMeetings: { roles: 'caseworker leader department_head secretariat', write: false },
  createMeeting: { roles: 'leader department_head secretariat', write: true },
  getMeeting: { roles: 'leader department_head secretariat', write: false, lookup: 'Udvalgets dagsorden' },
  addRevisitation: { roles: 'leader department_head secretariat', write: true },
  removeRevisitation: { roles: 'leader department_head secretariat', write: true },
  decideCase: { roles: 'leader department_head secretariat', write: true },
  closeMeeting: { roles: 'leader department_head secretariat', write: true },
  previewCampaign: { roles: 'leader department_head', write: false, team: 'team:teamId' },
  createCampaign: { roles: 'leader department_head', write: true, team: 'team:teamId' },
  listCampaigns: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId' },
  getCommitteeDashboard: { roles: 'caseworker leader department_head secretariat', write: false, team: 'team:teamId' },
  listAccounts: { roles: 'leader department_head administrator', write: false, team: 'team:teamId' },
  createAccount: { roles: 'leader administrator', write: true, team: 'person:personId' },
  resetPassword: { roles: 'administrator', write: true },
  renewSetupCode: { roles: 'leader administrator', write: true, team: 'person:personId' },
  setAccountActive: { roles: 'leader administrator', write: true, team: 'person:personId', notSelf: 'personId' },
  listSessions: { roles: 'administrator', write: false },
  endSession: { roles: 'administrator', write: true },
  getAccessLog: { roles: 'department_head administrator', write: false },
  scanPrivacy: { roles: 'administrator', write: false },
  redactValue: { roles: 'administrator', write: true },
  eraseCitizen: { roles: 'administrator', write: true },
  getBackupHealth: { roles: 'leader department_head administrator', write: false },
};


const ROLES: readonly CallerRole[] = ['caseworker', 'leader', 'department_head', 'secretariat', 'administrator', 'wall'];
/** Roles that reach only their own team; the others act department-wide. */
const TEAM_BOUND: readonly CallerRole[] = ['caseworker', 'leader', 'wall'];
const personOf = (role: Exclude<CallerRole, 'wall'>, personId: number, teamId: number | null): CallContext =>
  ({ actorId: personId, principal: { kind: 'person', personId, teamId, roles: [role], sessionId: null } });
const CALLERS: Record<CallerRole, CallContext> = {
  caseworker: personOf('caseworker', 901, 1),
  leader: personOf('leader', 902, 1),
  department_head: personOf('department_head', 903, null),
  secretariat: personOf('secretariat', 904, 1),
  administrator: personOf('administrator', 905, null),
  wall: { actorId: null, principal: { kind: 'device', deviceId: own.device, teamId: 1, sessionId: null } },
};

/** What the table says of this call. */
const FORBIDDEN = 'forbidden Du har ikke adgang til dette.';
function expected(declared: Declared, variant: Variant, role: CallerRole, input: unknown): string {
  if (!declared.roles.split(' ').includes(role)) return FORBIDDEN;
  const ctx = CALLERS[role];
  if (declared.notSelf && ctx.principal.kind === 'person' && (input as Record<string, unknown>)[declared.notSelf] === ctx.principal.personId) {
    return 'forbidden Du kan ikke ændre dine egne rettigheder. Bed din leder om det.';
  }
  if (!declared.team || !TEAM_BOUND.includes(role)) return 'ok';
  return variant.scope === 'own' ? 'ok' : FORBIDDEN;
}

/** A handler's answer shaped enough for each method's lookup to read it. */
const RESULTS: Partial<Record<MethodName, unknown>> = {
  getBoard: { team: { id: 1 }, cards: [{}, {}, {}] },
  getBoardCards: { cards: [{ id: own.case }] },
  getDoneCards: { teamId: 1, cards: [{}, {}] },
  getCase: { card: { id: own.case } },
  getCaseCommittee: {},
  getMeeting: { agenda: [{ caseId: 11 }, { caseId: 12 }] },
  listAudit: { entries: [{}, {}] },
  exportTable: { rows: [{ case_number: '2026-000001' }, { caseNumber: '2026-000002' }, { case_number: 7 }, {}] },
  getBottomLineDrill: { teamId: 1, caseworkers: [{ grants: [{}, {}] }, { grants: [{}] }] },
  getCaseEconomy: {},
  getCaseloadCases: { teamId: 1, cases: [{}, {}] },
  getDeadlineCompliance: { teamId: 1, willMiss: [{}, {}, {}] },
  getBlockerAnalysis: { teamId: 1, uncategorized: [{}] },
  getAgeingAgainstPace: { teamId: 1, items: [{}, {}] },
  searchSprintCases: [{ caseId: 11 }, { caseId: 13 }],
  getPullList: { team: { id: 1 }, items: [{}, {}, {}, {}] },
  getMyCases: { person: { teamId: 1 }, inProgress: [{}] },
  pullNext: { pulled: true, card: { id: 11 } },
  getFollowUpItem: { item: { caseId: 12 } },
  closeFollowUp: { card: { id: 12 } },
  getWallScreen: { team: { id: 1 }, columns: [{ cards: [{}, {}] }, { cards: [{}] }] },
};
/** What the lookup log records for that answer to the own-team input. */
const LOOKUPS: Partial<Record<MethodName, Omit<LookupEntry, 'purpose'>>> = {
  getBoard: { caseIds: [], caseNumbers: [], list: { teamId: 1, count: 3 } },
  getBoardCards: { caseIds: [own.case], caseNumbers: [], list: null },
  getDoneCards: { caseIds: [], caseNumbers: [], list: { teamId: 1, count: 2 } },
  getCase: { caseIds: [own.case], caseNumbers: [], list: null },
  getCaseCommittee: { caseIds: [own.case], caseNumbers: [], list: null },
  getMeeting: { caseIds: [11, 12], caseNumbers: [], list: null },
  listAudit: { caseIds: [], caseNumbers: [], list: { teamId: null, count: 2 } },
  exportTable: { caseIds: [], caseNumbers: ['2026-000001', '2026-000002'], list: null },
  getBottomLineDrill: { caseIds: [], caseNumbers: [], list: { teamId: 1, count: 3 } },
  getCaseEconomy: { caseIds: [own.case], caseNumbers: [], list: null },
  getCaseloadCases: { caseIds: [], caseNumbers: [], list: { teamId: 1, count: 2 } },
  getDeadlineCompliance: { caseIds: [], caseNumbers: [], list: { teamId: 1, count: 3 } },
  getBlockerAnalysis: { caseIds: [], caseNumbers: [], list: { teamId: 1, count: 1 } },
  getAgeingAgainstPace: { caseIds: [], caseNumbers: [], list: { teamId: 1, count: 2 } },
  searchSprintCases: { caseIds: [11, 13], caseNumbers: [], list: null },
  getPullList: { caseIds: [], caseNumbers: [], list: { teamId: 1, count: 4 } },
  getMyCases: { caseIds: [], caseNumbers: [], list: { teamId: 1, count: 1 } },
  pullNext: { caseIds: [11], caseNumbers: [], list: null },
  getFollowUpItem: { caseIds: [12], caseNumbers: [], list: null },
  closeFollowUp: { caseIds: [12], caseNumbers: [], list: null },
  getWallScreen: { caseIds: [], caseNumbers: [], list: { teamId: 1, count: 3 } },
};

interface Recorder { writes: number; changes: string[]; lookups: LookupEntry[]; inputs: unknown[] }
function dispatcherFor(method: MethodName, recorder: Recorder) {
  const handler = (input: unknown) => {
    recorder.inputs.push(input);
    return RESULTS[method] ?? { answered: method };
  };
  return createDispatcher(new Proxy({}, { get: () => handler }) as Handlers, {
    runWrite: (work) => { recorder.writes++; return work(); },
    resolveTeam: (from, id) => resolveTeam(from, id),
    onChange: (m) => recorder.changes.push(m),
    onLookup: (_m, _ctx, entry) => recorder.lookups.push(entry),
  });
}
const recorder = (): Recorder => ({ writes: 0, changes: [], lookups: [], inputs: [] });

describe('the access declaration of every method', () => {
  it('is written out for exactly the methods of the contract', () => {
    expect(Object.keys(DECLARED).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.keys(INPUTS).sort()).toEqual([...METHOD_NAMES].sort());
  });

  // First and in one go, so a changed declaration fails at once.
  it('declares for every method the roles, team field, self rule, wall input and lookup purpose of the table', () => {
    const declared = Object.fromEntries(METHOD_NAMES.map((name) => {
      const def = contract[name];
      const access = def.access;
      return [name, {
        roles: access.roles.join(' '),
        write: def.write,
        ...(access.team ? { team: `${access.team.from}:${access.team.field}` } : {}),
        ...(access.notSelf ? { notSelf: access.notSelf } : {}),
        ...(access.wallInput ? { wallInput: access.wallInput } : {}),
        ...(def.lookup ? { lookup: def.lookup.purpose } : {}),
      }];
    }));
    expect(declared).toEqual(DECLARED);
  });

  it.each(METHOD_NAMES)('%s is open to exactly its declared roles (a team-bound caller in their own team only), writes in a transaction, and logs what it showed', (method) => {
    const declared = DECLARED[method];
    const outcomes: string[] = [];
    const wanted: string[] = [];
    for (const variant of INPUTS[method]) {
      const records = variant.scope === 'other' ? other : own;
      for (const role of ROLES) {
        const ctx = CALLERS[role];
        const input = variant.input(records, ctx.principal.kind === 'person' ? ctx.principal.personId : null);
        const envelope = dispatcherFor(method, recorder())(method, input, ctx);
        outcomes.push(`${variant.name} as ${role}: ${envelope.ok ? 'ok' : `${envelope.error.code} ${envelope.error.message}`}`);
        wanted.push(`${variant.name} as ${role}: ${expected(declared, variant, role, input)}`);
      }
    }
    expect(outcomes).toEqual(wanted);

    const calls = recorder();
    const system: CallContext = { actorId: 1, principal: { kind: 'system' } };
    const envelope = dispatcherFor(method, calls)(method, INPUTS[method][0]!.input(own, null), system);
    expect(envelope.ok).toBe(true);
    expect({ writes: calls.writes, changes: calls.changes }).toEqual(declared.write ? { writes: 1, changes: [method] } : { writes: 0, changes: [] });
    expect(calls.lookups).toEqual(declared.lookup ? [{ purpose: declared.lookup, ...LOOKUPS[method] }] : []);
    // A write needs a person behind it for the event log; a read does not.
    const anonymous: CallContext = { actorId: null, principal: { kind: 'person', personId: 903, teamId: null, roles: ['department_head', 'secretariat', 'administrator', 'leader', 'caseworker'], sessionId: null } };
    const again = dispatcherFor(method, recorder())(method, INPUTS[method][0]!.input(own, null), anonymous);
    expect(again.ok ? 'ok' : again.error.code).toBe(declared.write ? 'actor_required' : 'ok');
  });

  it('forces the wall input on a wall device only, over what it asked for', () => {
    for (const method of METHOD_NAMES) {
      const declared = DECLARED[method];
      if (!declared.roles.includes('wall')) continue;
      const input = INPUTS[method][0]!.input(own, null) as Record<string, unknown>;
      const fromWall = recorder();
      expect(dispatcherFor(method, fromWall)(method, input, CALLERS.wall).ok).toBe(true);
      expect(fromWall.inputs).toEqual([{ ...input, ...declared.wallInput }]);
      const fromLeader = recorder();
      expect(dispatcherFor(method, fromLeader)(method, input, CALLERS.leader).ok).toBe(true);
      expect(fromLeader.inputs).toEqual([input]);
    }
    expect(DECLARED.getWallScreen.wallInput).toEqual({ privacy: true });
  });

  it('summarises every method in one sentence for docs/api.md', () => {
    for (const method of METHOD_NAMES) expect(contract[method].summary ?? '', method).toMatch(/^\S.*[.!?)]$/s);
  });
});
