// The input rules of the contract at their limits: each limit at, below and above, each period's
// last allowed day, each default, each text trimmed before it is measured. A refused input names
// the field, as the UI shows it beside that field. Calls go through the dispatcher as the command
// line (no access rule in the way) with a handler that records what it was given.
import { describe, expect, it } from 'vitest';
import type { MethodName } from '../../shared/api/contract';
import { systemContext } from '../../shared/api/define';
import { createDispatcher, type Handlers } from '../../shared/api/dispatch';
import type { Envelope } from '../../shared/api/envelope';
import { INPUTS, own, resolveTeam } from './apiFixtures';

let received: unknown;
const dispatch = createDispatcher(new Proxy({}, { get: () => (input: unknown) => { received = input; return 'ok'; } }) as Handlers, {
  runWrite: (work) => work(),
  resolveTeam,
});
const system = systemContext(1);

const base = (method: MethodName): Record<string, unknown> => structuredClone(INPUTS[method][0]!.input(own, null)) as Record<string, unknown>;

/** A copy of the input with the value at a dotted path replaced (undefined: left out). */
function withValue(input: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(input);
  const keys = path.split('.');
  let at = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
  if (value === undefined) delete at[keys.at(-1)!];
  else at[keys.at(-1)!] = value;
  return copy;
}

function call(method: MethodName, input: unknown): Envelope<unknown> {
  received = undefined;
  return dispatch(method, input, system);
}

function outcome(method: MethodName, input: unknown): string {
  const envelope = call(method, input);
  if (envelope.ok) return 'ok';
  if (envelope.error.code !== 'invalid_input') return envelope.error.code;
  return `refused at ${envelope.error.fields?.map((f) => f.field).join(', ')}`;
}

const show = (v: unknown) => (typeof v === 'string' && v.length > 12 ? `'${v[0]}'×${v.length}` : JSON.stringify(v));

/** Every accepted value is accepted and every refused one refused, naming `at` (the field itself by default). */
function limits(method: MethodName, path: string, accepted: unknown[], refused: unknown[], options: { at?: string; from?: Record<string, unknown> } = {}) {
  const from = options.from ?? base(method);
  const got = [...accepted, ...refused].map((v) => `${path}=${show(v)}: ${outcome(method, withValue(from, path, v))}`);
  const want = [
    ...accepted.map((v) => `${path}=${show(v)}: ok`),
    ...refused.map((v) => `${path}=${show(v)}: refused at ${options.at ?? path}`),
  ];
  expect(got).toEqual(want);
}

/** What the handler is given at a path when the caller sends this value there. */
function given(method: MethodName, path: string, value: unknown, from = base(method)): unknown {
  const envelope = call(method, withValue(from, path, value));
  expect(envelope.ok, `${method} ${path}=${show(value)}: ${JSON.stringify(envelope)}`).toBe(true);
  return path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], received);
}

/** The message shown beside the refused field. */
function message(method: MethodName, input: unknown): string | undefined {
  const envelope = call(method, input);
  return envelope.ok ? undefined : envelope.error.fields?.[0]?.message;
}

const text = (n: number) => 'a'.repeat(n);

/** A text trimmed, then at least `min` and at most `max` characters. */
function trimmedText(method: MethodName, path: string, min: number, max: number, options: { nullable?: boolean; from?: Record<string, unknown> } = {}) {
  const refusedShort = min > 0 ? [text(min - 1), ` ${text(min - 1)} `] : [];
  limits(method, path, [text(Math.max(min, 1)), text(max), ` ${text(max)} `, ...(options.nullable ? [null] : [])], [...refusedShort, text(max + 1)], options);
  expect(given(method, path, `  ${text(Math.max(min, 1))}\t`, options.from)).toBe(text(Math.max(min, 1)));
}

describe('board inputs', () => {
  it('a move over a WIP limit needs a reason of 3 to 500 characters, trimmed', () => {
    trimmedText('moveCard', 'reason', 3, 500);
    trimmedText('updateCase', 'reason', 3, 500);
  });

  it('an undo or redo of a move names its event', () => {
    limits('moveCard', 'replay', [{ kind: 'undo', eventId: 1 }, { kind: 'redo', eventId: 2 }, undefined], [{ kind: 'again', eventId: 1 }], { at: 'replay.kind' });
    limits('moveCard', 'replay', [], [{ kind: 'undo', eventId: 0 }], { at: 'replay.eventId' });
  });

  it('a column WIP limit is a whole number from 1 to 10,000, or none', () => {
    limits('addColumn', 'wipLimit', [1, 10_000, null, undefined], [0, 10_001, 2.5]);
    limits('updateColumn', 'wipLimit', [1, 10_000, null], [0, 10_001]);
  });

  it('blocking a case needs a reason; lifting a block does not', () => {
    limits('updateCase', 'blocked', [false, undefined], [true], { at: 'blockedReason' });
    limits('updateCase', 'blockedReason', ['Venter på lægen'], [], { from: withValue(base('updateCase'), 'blocked', true) });
    expect(message('updateCase', withValue(base('updateCase'), 'blocked', true))).toBe('Angiv en begrundelse for blokeringen.');
    trimmedText('updateCase', 'blockedReason', 3, 500);
  });

  it('case notes and assessment notes are trimmed, up to 4,000 and 2,000 characters', () => {
    trimmedText('updateCase', 'notes', 0, 4000, { nullable: true });
    trimmedText('addAssessment', 'note', 0, 2000, { nullable: true });
  });

  it('a VUM theme score is a whole number from 0 to 4, and an assessment scores at least one theme', () => {
    limits('addAssessment', 'scores.mobility', [0, 4], [-1, 5, 1.5]);
    limits('addAssessment', 'scores', [], [{}]);
    expect(message('addAssessment', withValue(base('addAssessment'), 'scores', {}))).toBe('Angiv mindst ét tema.');
    limits('addAssessment', 'expectedScores', [{ mobility: 4 }, null, undefined], [{}]);
    // A theme sent as absent is not scored, but the others still are.
    limits('addAssessment', 'scores', [{ mobility: 2, self_care: undefined }], [{ self_care: undefined }]);
  });

  it('a column moves to a position from 1', () => {
    limits('moveColumn', 'toPosition', [1, 40], [0, 1.5]);
  });
});

describe('pull list inputs', () => {
  it('a rule weight is a whole or half number from 0 to 5, saying so when it is not', () => {
    limits('setRuleWeights', 'weights.deadline', [0, 0.5, 2.5, 5], [-0.5, 5.5, 1.25]);
    for (const rule of ['class_of_service', 'strategic', 'waiting']) limits('setRuleWeights', `weights.${rule}`, [0, 5], [6]);
    expect(message('setRuleWeights', withValue(base('setRuleWeights'), 'weights.deadline', 1.25))).toBe('Vægten skal være et helt eller halvt tal (fx 1 eller 1,5).');
  });

  it('a priority tag weighs a whole 0 to 100 points and names a paragraph, a kind of case or both', () => {
    for (const method of ['savePriorityTag', 'savePlanPriority'] as const) {
      limits(method, 'weight', [0, 100], [-1, 101, 0.5]);
      const untargeted = withValue(withValue(base(method), 'paragraph', null), 'kind', null);
      limits(method, 'kind', ['complaint', 'application'], [null], { at: 'paragraph', from: untargeted });
      limits(method, 'paragraph', ['85'], [null], { at: 'paragraph', from: untargeted });
      expect(message(method, untargeted)).toBe('Angiv en paragraf, en slags sag eller begge, så mærket ved, hvilke sager det gælder.');
      trimmedText(method, 'label', 1, 80);
    }
  });

  it('pulling over a WIP limit needs a reason of 3 to 500 characters, trimmed', () => {
    trimmedText('pullNext', 'reason', 3, 500);
  });

  it('a processing time is 1 to 104 whole weeks, or none', () => {
    limits('setProcessingTime', 'weeks', [1, 104, null], [0, 105, 1.5]);
  });

  it('a caseworker has at most 40 competence paragraphs', () => {
    limits('setCompetences', 'paragraphs', [[], Array(40).fill('85')], [Array(41).fill('85')]);
  });
});

describe('wall screen inputs', () => {
  it('the wall shows 1 to 7 views, each once', () => {
    const all = ['board', 'pull_list', 'deadlines', 'bottom_line', 'caseload', 'sprint_burnup', 'plan_kpis'];
    limits('saveWallSettings', 'views', [['board'], all], [[], ['board', 'board'], [...all, 'board']]);
    expect(message('saveWallSettings', withValue(base('saveWallSettings'), 'views', ['deadlines', 'deadlines']))).toBe('En visning må kun være med én gang.');
  });

  it('a wall view changes every 10 to 600 seconds, and the standup timer runs 1 to 120 minutes', () => {
    limits('saveWallSettings', 'intervalSeconds', [10, 600], [9, 601, 10.5]);
    limits('saveWallSettings', 'timerMinutes', [1, 120], [0, 121]);
  });

  it('the wall screen hides citizens\' names unless told otherwise', () => {
    expect(given('getWallScreen', 'privacy', undefined)).toBe(true);
    expect(given('getWallScreen', 'privacy', false)).toBe(false);
  });
});

describe('flow inputs', () => {
  it('a period may end on the day it begins, never before', () => {
    for (const method of ['getFlowReport', 'getFlowDashboard', 'getDeadlineCompliance', 'getBlockerAnalysis', 'getFlowEfficiency', 'getCycleTimeHeatMap'] as const) {
      const from = withValue(base(method), 'from', '2026-11-10');
      limits(method, 'to', ['2026-11-10', '2026-11-11'], ['2026-11-09'], { from });
      expect(message(method, withValue(from, 'to', '2026-11-09'))).toBe('Perioden skal slutte samme dag eller efter, den begynder.');
    }
  });

  it('a forecast counts 1 to 100,000 items and takes a seed from 0 to 2^31', () => {
    limits('getFlowDashboard', 'forecastItems', [1, 100_000, undefined], [0, 100_001, 1.5]);
    limits('getFlowDashboard', 'seed', [0, 2 ** 31], [-1, 2 ** 31 + 1]);
    limits('getForecastCheck', 'positions', [1, 200, undefined], [0, 201]);
    limits('getForecastCheck', 'seed', [0, 2 ** 31], [-1, 2 ** 31 + 1]);
  });

  it('a caseload weight is above 0 and at most 10', () => {
    limits('setCaseloadWeight', 'weight', [0.1, 10], [0, -1, 10.01]);
  });

  it('a review note is a decision or a note, of 1 to 4,000 characters', () => {
    limits('addReviewNote', 'kind', ['decision', 'note'], ['idea']);
    trimmedText('addReviewNote', 'text', 1, 4000);
  });

  it('a caseworker\'s caseload cases may be asked for the unassigned', () => {
    limits('getCaseloadCases', 'personId', [null, 1], [0]);
  });
});

describe('flow analytics inputs', () => {
  it('a saved view covers 1 to 36 months and shows 1 to 6 sections', () => {
    limits('saveView', 'settings.months', [1, 36], [0, 37]);
    const sections = ['compliance', 'blockers', 'efficiency', 'ageing', 'heatmap', 'forecast'];
    limits('saveView', 'settings.sections', [['compliance'], sections], [[], [...sections, 'forecast']]);
    limits('saveView', 'settings.sections', [], [['compliance', 'elsewhere']], { at: 'settings.sections.1' });
    limits('saveView', 'settings.counting', ['calendar', 'working'], ['weekly']);
    limits('saveView', 'settings.complianceGroup', ['paragraph', 'caseworker', 'month', 'team'], ['year']);
    trimmedText('saveView', 'name', 1, 80);
  });

  it('a blocker category has up to 30 keywords of 1 to 40 characters, trimmed', () => {
    limits('saveBlockerCategory', 'keywords', [[], Array(30).fill('læge')], [Array(31).fill('læge')]);
    limits('saveBlockerCategory', 'keywords', [[text(40)], [` ${text(40)} `]], [[' '], [text(41)]], { at: 'keywords.0' });
    expect(given('saveBlockerCategory', 'keywords', ['  læge '])).toEqual(['læge']);
  });

  it('1 to 500 blocked periods are categorised at a time', () => {
    const item = { blockId: own.block, categoryId: null };
    limits('categorizeBlocks', 'items', [[item], Array(500).fill(item)], [[], Array(501).fill(item)]);
  });

  it('a column\'s service level is 1 to 260 working days, or none', () => {
    limits('setColumnFlowSettings', 'maxWorkingDays', [1, 260, null], [0, 261]);
  });
});

describe('plans and sprints inputs', () => {
  it('a sprint may end on the day it begins, never before', () => {
    for (const method of ['createSprint', 'updateSprint'] as const) {
      const from = withValue(base(method), 'startDate', '2027-03-01');
      limits(method, 'endDate', ['2027-03-01', '2027-03-02'], ['2027-02-28'], { from });
      expect(message(method, withValue(from, 'endDate', '2027-02-28'))).toBe('Sprinten skal slutte samme dag eller efter, den begynder.');
    }
  });

  it('a plan\'s period ends after it begins, not on the same day', () => {
    for (const method of ['createPlan', 'updatePlan'] as const) {
      const from = withValue(base(method), 'periodStart', '2027-01-01');
      limits(method, 'periodEnd', ['2027-01-02'], ['2027-01-01', '2026-12-31'], { from });
      expect(message(method, withValue(from, 'periodEnd', '2027-01-01'))).toBe('Planens periode skal slutte efter, den begynder.');
    }
  });

  it('closing a sprint that carries cases to the next names that sprint', () => {
    const closing = base('closeSprint');
    limits('closeSprint', 'carryOver', ['pull_list'], ['next_sprint'], { at: 'nextSprintId', from: closing });
    limits('closeSprint', 'carryOver', ['next_sprint', 'pull_list'], [], { from: withValue(closing, 'nextSprintId', 7) });
    expect(message('closeSprint', withValue(closing, 'carryOver', 'next_sprint'))).toBe('Vælg den sprint, de ufærdige sager skal med over i.');
  });

  it('a KPI target is within a trillion kroner either way', () => {
    limits('saveKpi', 'target', [-1e12, 0, 1e12], [-1e12 - 1, 1e12 + 1]);
  });

  it('a case search takes 1 to 60 characters, trimmed', () => {
    trimmedText('searchSprintCases', 'query', 1, 60);
  });

  it('taking a case out of a sprint may say why, in up to 500 characters', () => {
    trimmedText('uncommitFromSprint', 'reason', 0, 500);
  });

  it('an action links up to 200 cases', () => {
    limits('saveAction', 'caseIds', [[], Array(200).fill(1)], [Array(201).fill(1)]);
  });
});

describe('grant and committee inputs', () => {
  const grantMethods = ['previewGrant', 'createGrant', 'updateGrant', 'checkGrantAuthority'] as const;

  it('a grant\'s quantity is 0 to 10,000 units and its follow-up 1 to 60 whole months, or none', () => {
    for (const method of grantMethods) {
      limits(method, 'grant.quantity', [0, 0.5, 10_000], [-0.5, 10_001]);
      limits(method, 'grant.followUpMonths', [1, 60, null], [0, 61, 1.5]);
      limits(method, 'grant.supportGoal', ['developing', 'maintaining', null], ['curing']);
      limits(method, 'grant.takst', [0, 1e11], [-1]);
    }
  });

  it('a grant may end on the day it starts, never before', () => {
    for (const method of grantMethods) {
      const from = withValue(base(method), 'grant.startDate', '2026-11-23');
      limits(method, 'grant.endDate', ['2026-11-23', '2026-11-24', null], ['2026-11-22'], { from });
      expect(message(method, withValue(from, 'grant.endDate', '2026-11-22'))).toBe('Slutdatoen må ikke ligge før startdatoen.');
    }
  });

  it('a grant change or end may say why, in up to 500 characters', () => {
    trimmedText('updateGrant', 'reason', 0, 500);
    trimmedText('endGrant', 'reason', 0, 500);
    trimmedText('withdrawProposal', 'reason', 0, 500);
  });

  it('an authority limit is for a role or a person, never both or neither', () => {
    const forRole = base('saveAuthorityLimit');
    limits('saveAuthorityLimit', 'personId', [null], [5], { at: 'role', from: forRole });
    limits('saveAuthorityLimit', 'role', ['caseworker', 'leader'], [null], { from: forRole });
    limits('saveAuthorityLimit', 'personId', [5], [null], { at: 'role', from: withValue(forRole, 'role', null) });
    expect(message('saveAuthorityLimit', withValue(forRole, 'personId', 5))).toBe('Vælg enten en rolle eller en person.');
  });

  it('an authority limit allows 0 to 168 hours a week and 0 to 10 billion kroner a year, or no limit', () => {
    limits('saveAuthorityLimit', 'maxHoursPerWeek', [0, 168, 0.5, null], [-1, 168.5]);
    limits('saveAuthorityLimit', 'maxYearlyCost', [0, 1e10, null], [-1, 1e10 + 1]);
  });

  it('a campaign picks 1 to 500 cases, 0 to 600 months old, from a yearly cost of 0, by cost or age', () => {
    for (const method of ['previewCampaign', 'createCampaign'] as const) {
      limits(method, 'criteria.limit', [1, 500], [0, 501]);
      limits(method, 'criteria.minAgeMonths', [0, 600, null], [-1, 601]);
      limits(method, 'criteria.minYearlyCost', [0, 1e6, null], [-1]);
      limits(method, 'criteria.order', ['cost_desc', 'age_desc'], ['name']);
      trimmedText(method, 'criteria.provider', 0, 200, { nullable: true });
    }
    limits('createCampaign', 'tagWeight', [0, 100], [-1, 101]);
  });

  it('a meeting has up to 30 members, and a revisitation note is trimmed to at most 500 characters', () => {
    limits('createMeeting', 'memberIds', [[], Array(30).fill(1)], [Array(31).fill(1)]);
    trimmedText('addRevisitation', 'note', 0, 500, { nullable: true });
  });

  it('a recommendation\'s texts are trimmed, up to 4,000 characters each', () => {
    for (const field of ['targetGroup', 'vumSummary', 'citizenWishes', 'internalAlternatives', 'expectedProgression']) {
      trimmedText('saveRecommendation', `recommendation.${field}`, 0, 4000, { nullable: true });
    }
  });

  it('a decision\'s conditions are trimmed, up to 2,000 characters', () => {
    trimmedText('decideCase', 'conditions', 0, 2000, { nullable: true });
  });
});

describe('economy inputs', () => {
  it('a budget year is from 2000 to 2100', () => {
    for (const method of ['getBudget', 'setBudget', 'getFinanceComparison'] as const) limits(method, 'year', [2000, 2100], [1999, 2101, 2026.5]);
  });

  it('an expensive grant starts at 0 to 10 billion kroner, and 1 to 500 movers are shown', () => {
    limits('getBottomLineDecomposition', 'expensiveFrom', [0, 1e10, undefined], [-1, 1e10 + 1]);
    limits('getBottomLineMovers', 'limit', [1, 500, undefined], [0, 501]);
  });
});

describe('import, audit, export and backup inputs', () => {
  it('a file arrives as non-empty base64', () => {
    for (const method of ['previewImport', 'runImport', 'importFinanceBookings'] as const) {
      limits(method, 'contentBase64', ['YQ==', 'YWI=', 'YWJj', 'a+/9', 'AAAAAAAA'], ['', 'YQ=', 'YQ', '****', '!YQ=', 'YQ=!', 'Y===', 'YQ==YQ==\n', ' YQ='], { at: 'contentBase64' });
      expect(message(method, withValue(base(method), 'contentBase64', ''))).toBe('Filen er tom.');
      expect(message(method, withValue(base(method), 'contentBase64', 'YQ='))).toBe('Filens indhold skal være base64-kodet.');
      trimmedText(method, 'fileName', 1, 255);
    }
  });

  it('a column mapping names canonical columns with headings of 1 to 200 characters, trimmed', () => {
    limits('saveImportProfile', 'mapping', [{}, { sagsnummer: 'Sagsnr.' }, { afgoerelsesdato: text(200) }], [{ sagsnummer: ' ' }, { sagsnummer: text(201) }], { at: 'mapping.sagsnummer' });
    limits('saveImportProfile', 'mapping', [], [{ sagsnr: 'Sagsnr.' }]);
    expect(given('saveImportProfile', 'mapping', { sagsnummer: '  Sagsnr. ' })).toEqual({ sagsnummer: 'Sagsnr.' });
    expect(given('previewImport', 'mapping', { paragraf: ' § ' })).toEqual({ paragraf: '§' });
  });

  it('the audit log shows 200 entries from the first unless asked, 1 to 5,000 at a time', () => {
    expect(given('listAudit', 'limit', undefined)).toBe(200);
    expect(given('listAudit', 'offset', undefined)).toBe(0);
    limits('listAudit', 'limit', [1, 5000], [0, 5001]);
    limits('listAudit', 'offset', [0, 10_000], [-1]);
    trimmedText('listAudit', 'caseNumber', 1, 50);
    trimmedText('listAudit', 'type', 1, 50);
  });

  it('an export filters by person, period, case and type, but never pages', () => {
    limits('exportTable', 'filter', [{}, { caseNumber: '2026-1', type: 'moved', from: '2026-01-01' }], [{ limit: 5 }, { offset: 0 }]);
    limits('exportTable', 'table', ['cases', 'grants', 'audit'], ['people']);
  });

  it('a restore takes only a backup file\'s own name', () => {
    limits('restoreBackup', 'file', [
      'flowtavle-2020-01-01T00-00-00-000Z-manual.db',
      'flowtavle-0123456789abcdef0123456789abcdef-2026-11-23T10-00-00-000Z-before-restore.db',
    ], [
      '../flowtavle-2020-01-01T00-00-00-000Z-manual.db', 'flowtavle-2020-01-01T00-00-00-000Z-manual.db.bak', 'flowtavle-2020-01-01T00-00-00-000Z-Manual.db',
      'flowtavle-2020-01-01T00-00-00-000Z-.db', 'flowtavle--manual.db', 'flowtavle-2020-01-01 00-00-manual.db', 'flowtavle-0123456789ABCDEF0123456789ABCDEF-2020-manual.db',
      'flowtavle-2020-01-01T00-00-00-000Z-manual_db', `flowtavle-${'0123456789abcdef'.repeat(2)}f-2020-manual.db`, `flowtavle-${'0123456789abcdef'.repeat(2).slice(1)}-2020-manual.db`,
      'flowtavle-2020-01-01T00-00-00-000Z-manual.db-', 'xflowtavle-2020-01-01T00-00-00-000Z-manual.db', 'flowtavle-2020-01-01T00-00-00-000Z-manual.dbx', 'flowtavle-2020-01-01T00-00-00-000Z-manual1db', 'flowtavle-2020-01-01T00-00-00-000Z-man1ual.db', 'flowtavle-2020-01-01T00-00-00-000Zmanual.db',
    ]);
    expect(message('restoreBackup', { file: 'x.db' })).toBe('Ukendt sikkerhedskopi.');
  });

  it('backups are kept 1 to 3,650 days', () => {
    limits('setBackupKeepDays', 'days', [1, 3650], [0, 3651, 1.5]);
  });
});

describe('account, device and privacy inputs', () => {
  it('a login is 2 to 100 letters, digits or . _ @ -, trimmed and kept in lower case', () => {
    limits('createAccount', 'login', ['ab', 'søp.x_y@z-1', text(100), ' ab '], ['a', ' a ', text(101), 'a b', 'a/b', 'ab!']);
    expect(message('createAccount', withValue(base('createAccount'), 'login', 'a'))).toBe('Brugernavnet skal have mindst 2 tegn.');
    expect(message('createAccount', withValue(base('createAccount'), 'login', text(101)))).toBe('Brugernavnet må højst have 100 tegn.');
    expect(message('createAccount', withValue(base('createAccount'), 'login', 'a b'))).toBe('Brug bogstaver, tal, punktum, bindestreg, understreg eller @.');
    expect(given('createAccount', 'login', '  SØP.Hansen ')).toBe('søp.hansen');
  });

  it('a password is reset by login or by person, never both or neither', () => {
    expect(outcome('resetPassword', { login: 'søp' })).toBe('ok');
    expect(outcome('resetPassword', { personId: 3 })).toBe('ok');
    expect(outcome('resetPassword', { login: 'søp', personId: 3 })).toBe('refused at (input)');
    expect(outcome('resetPassword', {})).toBe('refused at (input)');
    expect(message('resetPassword', {})).toBe('Angiv enten brugernavn eller person.');
    expect(given('resetPassword', 'login', '  SØP ', {})).toBe('søp');
    limits('resetPassword', 'login', [text(1), text(100)], [' ', text(101)], { from: {} });
  });

  it('sign-in sessions can be listed for one person, and the takst catalogue for one day', () => {
    limits('listSessions', 'personId', [1, undefined], [0]);
    limits('getTakstCatalogue', 'date', ['2026-11-23', undefined], ['2026-11-31']);
  });

  it('a pairing code is 4 to 20 characters, trimmed', () => {
    trimmedText('approveDevice', 'code', 4, 20);
  });

  it('a redaction or erasure needs a reason of at least 3 characters, saying so', () => {
    trimmedText('redactValue', 'reason', 3, 500);
    trimmedText('eraseCitizen', 'reason', 3, 500);
    expect(message('eraseCitizen', withValue(base('eraseCitizen'), 'reason', 'ab'))).toBe('Skriv en begrundelse (mindst 3 tegn).');
  });

  it('an access log leaves the employees out, and a redaction takes only the value, unless asked', () => {
    expect(given('getAccessLog', 'withEmployees', undefined)).toBe(false);
    expect(given('getAccessLog', 'withEmployees', true)).toBe(true);
    expect(given('redactValue', 'whole', undefined)).toBe(false);
    expect(given('redactValue', 'whole', true)).toBe(true);
  });
});
