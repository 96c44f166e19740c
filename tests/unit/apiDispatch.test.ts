// The dispatcher's rules, shared by IPC and HTTP: validation first (fields named, in Danish), the
// CPR guard, the team and self rules, the actor rule for writes, and how a handler's failure
// reaches the caller. Fake handlers, real contract.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { normaliseLogin } from '../../shared/api/auth';
import { createClient } from '../../shared/api/client';
import { contract, isMethodName, METHOD_NAMES, type MethodName } from '../../shared/api/contract';
import {
  actsDepartmentWide, ADMINISTRATORS, CALLER_ROLES, CASE_READERS, EVERYONE, id, LEADERS, method, noInput, personContext, systemContext,
  TEAM_BOUND_ROLES, TEAM_SOURCES, type Access, type CallContext,
} from '../../shared/api/define';
import { createDispatcher, fieldErrors, roleAllows, rolesOf, scopeRefusal, type DispatchOptions, type Handlers } from '../../shared/api/dispatch';
import { API_ERROR_CODES, ApiFailure, localiseError, unwrap, type ApiError } from '../../shared/api/envelope';
import { GRANT_FIELDS_MATCH_TERMS } from '../../shared/api/methods/grantFields';
import { isoDate, money, optionalText, paragraph, shortText } from '../../shared/api/schemas';

const caseworker = personContext({ id: 7, teamId: 1, roles: ['caseworker'] });
const head = personContext({ id: 8, teamId: null, roles: ['department_head'] });
const FORBIDDEN: ApiError = { code: 'forbidden', message: 'Du har ikke adgang til dette.', key: 'general.forbidden' };

interface Log { refused: [string, CallContext | null, ApiError][]; internal: [unknown, string][]; changes: string[] }

function dispatcher(handle: (method: string, input: unknown) => unknown, options: Partial<DispatchOptions> = {}) {
  const log: Log = { refused: [], internal: [], changes: [] };
  const dispatch = createDispatcher(new Proxy({}, { get: (_t, name) => (input: unknown) => handle(String(name), input) }) as Handlers, {
    runWrite: (work) => work(),
    // Case 1 and team 1 are the caseworker's; case 2 is team 2's; anything else does not exist.
    resolveTeam: (from, recordId) => (from === 'case' || from === 'team' ? ({ 1: 1, 2: 2 } as Record<number, number>)[recordId] ?? null : null),
    onRefused: (m, ctx, error) => log.refused.push([m, ctx, error]),
    onInternalError: (error, m) => log.internal.push([error, m]),
    onChange: (m) => log.changes.push(m),
    ...options,
  });
  return { dispatch, log };
}

describe('the dispatcher', () => {
  it('names an unknown method in its refusal and does not log it', () => {
    const { dispatch, log } = dispatcher(() => 1);
    expect(dispatch('noSuchMethod', {}, caseworker)).toEqual({ ok: false, error: { code: 'unknown_method', message: 'Ukendt metode: noSuchMethod', key: 'general.unknownMethod', params: { method: 'noSuchMethod' } } });
    expect(log.refused).toEqual([]);
  });

  it('refuses a call without a session as unauthenticated, logging only a contract name', () => {
    const { dispatch, log } = dispatcher(() => 1);
    const unauthenticated = { code: 'unauthenticated', message: 'Log ind for at bruge Flowtavle.', key: 'general.unauthenticated' };
    expect(dispatch('getWorkspace', {}, null)).toEqual({ ok: false, error: unauthenticated });
    expect(dispatch('nope', {}, null)).toEqual({ ok: false, error: unauthenticated });
    expect(log.refused).toEqual([['getWorkspace', null, unauthenticated]]);
  });

  it('refuses a role outside the declaration before reading the input, and logs the refusal with the caller', () => {
    const { dispatch, log } = dispatcher(() => 1);
    expect(dispatch('setProcessingTime', 'not even an object', caseworker)).toEqual({ ok: false, error: FORBIDDEN });
    expect(log.refused).toEqual([['setProcessingTime', caseworker, FORBIDDEN]]);
  });

  it('reads a missing or null input as the empty object', () => {
    const seen: unknown[] = [];
    const { dispatch } = dispatcher((_m, input) => { seen.push(input); return 'ja'; });
    expect(dispatch('getWorkspace', undefined, caseworker)).toEqual({ ok: true, value: 'ja' });
    expect(dispatch('getWorkspace', null, caseworker)).toEqual({ ok: true, value: 'ja' });
    expect(seen).toEqual([{}, {}]);
  });

  it('refuses invalid input naming every offending field by its dotted path, in Danish', () => {
    const { dispatch, log } = dispatcher(() => 1);
    const envelope = dispatch('moveCard', { caseId: 'ét', toColumnId: 0 }, caseworker);
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('invalid_input');
    expect(envelope.error.fields?.map((f) => f.field)).toEqual(['caseId', 'toColumnId']);
    expect(envelope.error.fields?.map((f) => [f.key, f.message])).toEqual([['input.expectedNumber', 'Skal være et tal.'], ['input.tooSmallExclusive', 'Skal være over 0.']]);
    expect(envelope.error).toMatchObject({ key: 'input.invalid', message: 'Ugyldige oplysninger: Skal være et tal. Skal være over 0.' });
    expect(localiseError(envelope.error, 'en').message).toBe('Invalid information: Must be a number. Must be above 0.');
    expect(localiseError(envelope.error, 'en').fields?.map((f) => f.message)).toEqual(['Must be a number.', 'Must be above 0.']);
    expect(log.refused).toEqual([]);
    const nested = dispatch('createGrant', { caseId: 1, grant: { paragraph: 'x' } }, head);
    expect(nested.ok ? [] : nested.error.fields?.map((f) => f.field)).toContain('grant.paragraph');
  });

  it('names the input itself when the input as a whole is wrong', () => {
    expect(fieldErrors(z.object({}).safeParse(3).error!, 3)).toEqual([{ field: '(input)', message: 'Skal være et sæt af felter.', key: 'input.expectedObject' }]);
    expect(fieldErrors(z.object({ a: z.array(z.number()) }).safeParse({ a: [1, 'x'] }).error!).map((f) => f.field)).toEqual(['a.1']);
  });

  it('refuses a CPR number in any text, names the field, masks the number and never reaches the handler', () => {
    let called = false;
    const { dispatch } = dispatcher(() => { called = true; return 1; });
    const message = 'Teksten ser ud til at indeholde et CPR-nummer (010190-XXXX). Flowtavle gemmer aldrig CPR-numre: brug borgerens reference i stedet.';
    const said = { key: 'input.cpr', params: { masked: '010190-XXXX' } };
    expect(dispatch('updateCase', { caseId: 1, notes: 'Borger 010190-1234 ringede' }, caseworker)).toEqual({
      ok: false, error: { code: 'invalid_input', message, ...said, fields: [{ field: 'notes', message, ...said }], details: { reason: 'cpr' } },
    });
    expect(called).toBe(false);
  });

  it('lets a team-bound caller reach their own team and refuses another team or a record that does not exist', () => {
    const { dispatch, log } = dispatcher(() => 'ok');
    expect(dispatch('getCase', { caseId: 1 }, caseworker)).toEqual({ ok: true, value: 'ok' });
    expect(dispatch('getCase', { caseId: 2 }, caseworker)).toEqual({ ok: false, error: FORBIDDEN });
    expect(dispatch('getCase', { caseId: 3 }, caseworker)).toEqual({ ok: false, error: { code: 'not_found', message: 'Findes ikke.', key: 'general.notFound' } });
    expect(log.refused.map(([m, , e]) => `${m} ${e.code}`)).toEqual(['getCase forbidden', 'getCase not_found']);
    // The department head reaches every team, even a record the store does not know.
    expect(dispatch('getCase', { caseId: 3 }, head)).toEqual({ ok: true, value: 'ok' });
  });

  it('tells listeners of a write only after it committed, inside the write transaction', () => {
    const order: string[] = [];
    const { dispatch, log } = dispatcher(() => { order.push('handler'); return 'moved'; }, {
      runWrite: (work) => { order.push('begin'); const v = work(); order.push('commit'); return v; },
      onChange: (m) => order.push(`change ${m}`),
    });
    expect(dispatch('moveCard', { caseId: 1, toColumnId: 3 }, caseworker)).toEqual({ ok: true, value: 'moved' });
    expect(order).toEqual(['begin', 'handler', 'commit', 'change moveCard']);
    expect(log.changes).toEqual([]);
  });

  it('answers an ApiFailure from a handler with its own code, message, fields and details', () => {
    const { dispatch, log } = dispatcher(() => { throw new ApiFailure('wip_limit', 'Kolonnen er fuld', [{ field: 'reason', message: 'Angiv en begrundelse' }], { limit: 3 }); });
    expect(dispatch('moveCard', { caseId: 1, toColumnId: 3 }, caseworker)).toEqual({
      ok: false, error: { code: 'wip_limit', message: 'Kolonnen er fuld', fields: [{ field: 'reason', message: 'Angiv en begrundelse' }], details: { limit: 3 } },
    });
    expect(log.internal).toEqual([]);
  });

  it('answers a broken database constraint as a conflict, without reporting an internal error', () => {
    const { dispatch, log } = dispatcher(() => { throw Object.assign(new Error('UNIQUE'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }); });
    expect(dispatch('moveCard', { caseId: 1, toColumnId: 3 }, caseworker)).toEqual({
      ok: false, error: { code: 'conflict', message: 'Ændringen strider mod data i databasen og blev ikke gemt.', key: 'general.conflict' },
    });
    expect(log.internal).toEqual([]);
  });

  it('answers a full disk with what to do, and reports it', () => {
    const error = Object.assign(new Error('full'), { code: 'SQLITE_FULL' });
    const { dispatch, log } = dispatcher(() => { throw error; });
    const envelope = dispatch('moveCard', { caseId: 1, toColumnId: 3 }, caseworker);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'disk_full', message: expect.stringMatching(/^Disken er fuld/) } });
    expect(log.internal).toEqual([[error, 'moveCard']]);
  });

  it('answers any other failure with a generic message that nothing changed, and reports the real error', () => {
    const error = Object.assign(new Error('boom'), { code: 42 });
    const { dispatch, log } = dispatcher(() => { throw error; });
    expect(dispatch('getWorkspace', {}, caseworker)).toEqual({ ok: false, error: { code: 'internal', message: 'Der opstod en uventet fejl. Intet blev ændret.', key: 'general.internal' } });
    expect(log.internal).toEqual([[error, 'getWorkspace']]);
    const { dispatch: throwsNull } = dispatcher(() => { throw null; });
    expect(throwsNull('getWorkspace', {}, caseworker)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('answers a failure with an envelope even when no one listens for internal errors', () => {
    const bare = (error: unknown) => createDispatcher(new Proxy({}, { get: () => () => { throw error; } }) as Handlers, { runWrite: (work) => work(), resolveTeam: () => 1 });
    expect(bare(Object.assign(new Error('full'), { code: 'ENOSPC' }))('getWorkspace', {}, caseworker)).toMatchObject({ ok: false, error: { code: 'disk_full' } });
    expect(bare(new Error('boom'))('getWorkspace', {}, caseworker)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('needs a person behind a write, but not behind a read or the command line', () => {
    const device: CallContext = { actorId: null, principal: { kind: 'device', deviceId: 1, teamId: 1, sessionId: null } };
    const { dispatch } = dispatcher(() => 'ok');
    const write = { caseId: 1, toColumnId: 3 };
    const nobody: CallContext = { ...caseworker, actorId: null };
    expect(dispatch('moveCard', write, nobody)).toEqual({ ok: false, error: { code: 'actor_required', message: 'Log ind som en person for at ændre noget.', key: 'general.actorRequired' } });
    expect(dispatch('moveCard', write, systemContext())).toEqual({ ok: true, value: 'ok' });
    expect(dispatch('getWorkspace', {}, device)).toEqual({ ok: true, value: 'ok' });
  });

  it('gives the lookup log empty case lists and no list when a lookup shows neither', () => {
    const entries: unknown[] = [];
    const { dispatch } = dispatcher(() => ({ pulled: false }), { onLookup: (_m, _c, entry) => entries.push(entry) });
    dispatch('pullNext', {}, caseworker);
    expect(entries).toEqual([{ purpose: 'Tag næste sag', caseIds: [], caseNumbers: [], list: null }]);
    // Without a lookup listener the call is answered all the same.
    expect(dispatcher(() => ({ pulled: false })).dispatch('pullNext', {}, caseworker)).toEqual({ ok: true, value: { pulled: false } });
  });
});

describe('the access rules', () => {
  const teamOf = (_from: string, recordId: number) => (recordId === 1 ? 1 : recordId === 2 ? 2 : null);
  const byCase: Access = { roles: ['caseworker', 'department_head'], team: { from: 'case', field: 'target.caseIds' } };

  it('gives a person their roles, a wall device the wall role and the command line none', () => {
    expect(rolesOf(head.principal)).toEqual(['department_head']);
    expect(rolesOf({ kind: 'device', deviceId: 1, teamId: 1, sessionId: null })).toEqual(['wall']);
    expect(rolesOf({ kind: 'system' })).toEqual([]);
  });

  it('lets the command line make every call, and a person only with a declared role', () => {
    const access: Access = { roles: ['leader'] };
    expect(roleAllows(access, { kind: 'system' })).toBe(true);
    expect(roleAllows(access, caseworker.principal)).toBe(false);
    expect(roleAllows(access, personContext({ id: 1, teamId: 1, roles: ['caseworker', 'leader'] }).principal)).toBe(true);
    expect(roleAllows(access, { kind: 'device', deviceId: 1, teamId: 1, sessionId: null })).toBe(false);
  });

  it('reads the team from a dotted path, every id of a list in the caller\'s team', () => {
    expect(scopeRefusal(byCase, caseworker.principal, { target: { caseIds: [1, 1] } }, teamOf)).toBeNull();
    expect(scopeRefusal(byCase, caseworker.principal, { target: { caseIds: [1, 2] } }, teamOf)).toEqual(FORBIDDEN);
    expect(scopeRefusal(byCase, caseworker.principal, { target: { caseIds: [1, 9] } }, teamOf)).toEqual({ code: 'not_found', message: 'Findes ikke.', key: 'general.notFound' });
    expect(scopeRefusal(byCase, caseworker.principal, { target: { caseIds: 1 } }, teamOf)).toBeNull();
  });

  it('refuses a team-bound caller when the team cannot be read from the input', () => {
    for (const input of [{}, { target: null }, { target: 'x' }, { target: { caseIds: null } }, { target: { caseIds: ['1'] } }, null, 5]) {
      expect(scopeRefusal(byCase, caseworker.principal, input, teamOf), JSON.stringify(input)).toEqual(FORBIDDEN);
    }
  });

  it('binds a caller to a team only through the roles that allow the call', () => {
    // A caseworker who is also secretariat calls as a caseworker where the secretariat may not.
    const both = personContext({ id: 5, teamId: 1, roles: ['caseworker', 'secretariat'] }).principal;
    expect(scopeRefusal(byCase, both, { target: { caseIds: [2] } }, teamOf)).toEqual(FORBIDDEN);
    expect(scopeRefusal({ ...byCase, roles: ['caseworker', 'secretariat'] }, both, { target: { caseIds: [2] } }, teamOf)).toBeNull();
    expect(scopeRefusal(byCase, head.principal, {}, teamOf)).toBeNull();
    expect(scopeRefusal(byCase, { kind: 'system' }, {}, teamOf)).toBeNull();
  });

  it('never lets a person change their own authority, whatever their role, but lets others and the command line', () => {
    const access: Access = { roles: ['department_head'], notSelf: 'personId' };
    const own = { code: 'forbidden', message: 'Du kan ikke ændre dine egne rettigheder. Bed din leder om det.', key: 'committee.ownRights' };
    expect(scopeRefusal(access, head.principal, { personId: 8 }, teamOf)).toEqual(own);
    expect(scopeRefusal(access, head.principal, { personId: 9 }, teamOf)).toBeNull();
    expect(scopeRefusal(access, { kind: 'system' }, { personId: 8 }, teamOf)).toBeNull();
    expect(scopeRefusal(access, { kind: 'device', deviceId: 8, teamId: 1, sessionId: null }, { personId: 8 }, teamOf)).toBeNull();
    // A device is nobody: an input without the person is not its own authority either.
    expect(scopeRefusal(access, { kind: 'device', deviceId: 8, teamId: 1, sessionId: null }, {}, teamOf)).toBeNull();
  });

  it('acts department-wide with any role beyond the team-bound caseworker, leader and wall', () => {
    expect(TEAM_BOUND_ROLES).toEqual(['caseworker', 'leader', 'wall']);
    expect(actsDepartmentWide(['caseworker', 'leader', 'wall'])).toBe(false);
    expect(actsDepartmentWide([])).toBe(false);
    for (const role of ['department_head', 'secretariat', 'administrator'] as const) expect(actsDepartmentWide(['caseworker', role]), role).toBe(true);
  });

  it('names the roles, the shorthands and the kinds of record a team is read from', () => {
    expect(CALLER_ROLES).toEqual(['caseworker', 'leader', 'department_head', 'secretariat', 'administrator', 'wall']);
    expect(EVERYONE).toEqual(['caseworker', 'leader', 'department_head', 'secretariat', 'administrator']);
    expect(CASE_READERS).toEqual(['caseworker', 'leader', 'department_head', 'secretariat']);
    expect(LEADERS).toEqual(['leader', 'department_head']);
    expect(ADMINISTRATORS).toEqual(['administrator']);
    expect(TEAM_SOURCES).toEqual(['team', 'case', 'column', 'grant', 'person', 'sprint', 'plan', 'planGoal', 'planAction', 'kpi', 'investment', 'priorityTag', 'proposal', 'device']);
  });

  it('takes the call context of a person from their session, and of the command line with an optional actor', () => {
    expect(personContext({ id: 3, teamId: 2, roles: ['leader'] })).toEqual({ actorId: 3, principal: { kind: 'person', personId: 3, teamId: 2, roles: ['leader'], sessionId: null } });
    expect(personContext({ id: 3, teamId: null, roles: ['leader'] }, 's1').principal).toMatchObject({ sessionId: 's1', teamId: null });
    expect(systemContext()).toEqual({ actorId: null, principal: { kind: 'system' } });
    expect(systemContext(4)).toEqual({ actorId: 4, principal: { kind: 'system' } });
  });

  it('declares a method with only the parts given', () => {
    const bare = method<number>()(noInput, { write: false, access: { roles: ['leader'] } });
    expect(bare).toEqual({ input: noInput, write: false, access: { roles: ['leader'] } });
    expect(Object.keys(bare)).toEqual(['input', 'write', 'access']);
    const full = method<number>()(noInput, { write: true, access: { roles: [] }, lookup: { purpose: 'P' }, summary: 'S.' });
    expect(full).toMatchObject({ write: true, lookup: { purpose: 'P' }, summary: 'S.' });
  });

  it('takes no input where none is declared, and ids as positive whole numbers', () => {
    expect(noInput.safeParse({}).success).toBe(true);
    expect(noInput.safeParse({ x: 1 }).success).toBe(false);
    expect([1, 2 ** 31].map((v) => id.safeParse(v).success)).toEqual([true, true]);
    expect([0, -1, 1.5, '1'].map((v) => id.safeParse(v).success)).toEqual([false, false, false, false]);
  });
});

describe('the envelope', () => {
  it('knows exactly the error codes the UI acts on', () => {
    expect(API_ERROR_CODES).toEqual(['invalid_input', 'unknown_method', 'not_found', 'conflict', 'wip_limit', 'unauthenticated', 'forbidden', 'locked', 'actor_required', 'disk_full', 'internal']);
  });

  it('carries an ApiFailure as its error, fields and details only when given', () => {
    const bare = new ApiFailure('not_found', 'Findes ikke.');
    expect(bare.name).toBe('ApiFailure');
    expect(bare.message).toBe('Findes ikke.');
    expect(bare).toBeInstanceOf(Error);
    expect(bare.toError()).toEqual({ code: 'not_found', message: 'Findes ikke.' });
    expect(Object.keys(bare.toError())).toEqual(['code', 'message']);
    expect(new ApiFailure('conflict', 'x', [], { a: 1 }).toError()).toEqual({ code: 'conflict', message: 'x', fields: [], details: { a: 1 } });
  });

  it('unwraps a value, and throws a failure as an ApiFailure with the same facts', () => {
    expect(unwrap({ ok: true, value: 5 })).toBe(5);
    const error: ApiError = { code: 'wip_limit', message: 'Fuld', fields: [{ field: 'reason', message: 'm' }], details: { limit: 2 } };
    let thrown: unknown;
    try { unwrap({ ok: false, error }); } catch (e) { thrown = e; }
    expect(thrown).toBeInstanceOf(ApiFailure);
    expect((thrown as ApiFailure).toError()).toEqual(error);
  });
});

describe('the typed client and the contract', () => {
  it('sends every method of the contract by its own name with the input as given', async () => {
    const sent: [string, unknown][] = [];
    const client = createClient(async (name, input) => { sent.push([name, input]); return { ok: true, value: name }; });
    for (const name of METHOD_NAMES) expect(await (client[name] as (i: unknown) => Promise<unknown>)({ n: name })).toEqual({ ok: true, value: name });
    expect(sent).toEqual(METHOD_NAMES.map((name) => [name, { n: name }]));
  });

  it('knows a method name only from the contract itself, not from what every object has', () => {
    expect(isMethodName('getBoard')).toBe(true);
    expect(isMethodName('toString')).toBe(false);
    expect(isMethodName('hasOwnProperty')).toBe(false);
    expect(new Set(METHOD_NAMES).size).toBe(Object.keys(contract).length);
    expect(METHOD_NAMES).toContain('getBoard' satisfies MethodName);
  });
});

describe('the grant fields', () => {
  it('are the grant terms plus the follow-up settings, no more and no less (checked by the compiler)', () => {
    expect(GRANT_FIELDS_MATCH_TERMS).toBe(true);
  });
});

describe('logins', () => {
  it('are compared trimmed and in lower case, Danish letters included', () => {
    expect(normaliseLogin('  SØP ')).toBe('søp');
    expect(normaliseLogin('ÆBLEÅ')).toBe('æbleå');
  });
});

describe('the shared field schemas', () => {
  const ok = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

  it('takes dates as real ISO days only, saying the format', () => {
    expect(ok(isoDate, '2026-02-28')).toBe(true);
    expect(isoDate.safeParse('2026-02-30').error?.issues[0]?.message).toBe('input.isoDate');
  });

  it('takes money from 0 to 100 billion kroner, øre included, never infinite', () => {
    expect([0, 0.5, 450, 1e11].map((v) => ok(money, v))).toEqual([true, true, true, true]);
    expect([-0.01, 1e11 + 1, Infinity, Number.NaN].map((v) => ok(money, v))).toEqual([false, false, false, false]);
  });

  it('trims a short text and takes 1 to its maximum characters', () => {
    expect(shortText(5).parse('  abc  ')).toBe('abc');
    expect(ok(shortText(5), ' ')).toBe(false);
    expect(ok(shortText(5), '')).toBe(false);
    expect(ok(shortText(5), 'a')).toBe(true);
    expect(ok(shortText(5), 'abcde')).toBe(true);
    expect(ok(shortText(5), 'abcdef')).toBe(false);
    expect(ok(shortText(), 'a'.repeat(200))).toBe(true);
    expect(ok(shortText(), 'a'.repeat(201))).toBe(false);
  });

  it('trims an optional text, takes it empty or null, up to its maximum', () => {
    expect(optionalText(3).parse('  ab ')).toBe('ab');
    expect(optionalText().parse('')).toBe('');
    expect(optionalText().parse(null)).toBeNull();
    expect(ok(optionalText(3), 'abcd')).toBe(false);
    expect(ok(optionalText(), 'a'.repeat(2000))).toBe(true);
    expect(ok(optionalText(), 'a'.repeat(2001))).toBe(false);
  });

  it('stores a paragraph without §, spaces or capitals, and names the form it expects', () => {
    expect(paragraph.parse(' § 82A ')).toBe('82a');
    expect(paragraph.parse('§95 - 96')).toBe('95-96');
    expect(paragraph.parse('85.1')).toBe('85.1');
    expect(paragraph.parse('107')).toBe('107');
    for (const good of ['8', '85.12', '95-107', '85-85a', '§85']) expect(ok(paragraph, good), good).toBe(true);
    for (const bad of ['1234', 'a85', '85ab', '85.123', '85-', '§', 'x85', '85,1', '95-1077', '85§', '', '85a.1.2']) expect(ok(paragraph, bad), bad).toBe(false);
    expect(paragraph.safeParse('x').error?.issues[0]?.message).toBe('input.paragraph');
  });
});
