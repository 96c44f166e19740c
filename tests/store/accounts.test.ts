// Account administration and sessions on a real SQLite file: a leader gives their team accounts
// with one-time set-up codes, an administrator resets passwords and ends sessions, and every
// refusal leaves the store as it was. Calls go through the dispatcher with the context a signed-in
// session gives, as the HTTP host and IPC do.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseCode, sha256, type Source } from '../../db/auth';
import { closeStore, type Db } from '../../db/connection';
import { createService, type Service } from '../../db/service';
import { openWorkspace } from '../../db/workspace';
import { systemContext, type CallContext, type Principal } from '../../shared/api/define';
import type { Envelope } from '../../shared/api/envelope';
import type { AccountSummary, SetupCodeIssued, SignInSession } from '../../shared/api/methods/accounts';

const dir = mkdtempSync(join(tmpdir(), 'flowtavle-accounts-'));
const path = join(dir, 'flowtavle.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SOURCE: Source = { address: '10.0.0.7', userAgent: 'vitest' };
let clock = new Date('2026-11-23T09:00:00Z');

let db: Db;
let service: Service;
let teamA: number;
let teamB: number;
const people: Record<string, number> = {};
let adminToken: string;

function ctxOf(token: string): CallContext {
  const principal = service.auth.principalOf(token) as Principal;
  if (!principal) throw new Error('not signed in');
  return { actorId: principal.kind === 'person' ? principal.personId : null, principal };
}
function call<T>(method: string, input: unknown, ctx: CallContext): Envelope<T> {
  return service.dispatch(method, input, ctx) as Envelope<T>;
}
function value<T>(e: Envelope<T>): T {
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`);
  return e.value;
}
async function signIn(login: string, password: string): Promise<string> {
  const result = await service.auth.signIn(login, password, SOURCE);
  if (!result.ok) throw new Error(`sign-in as ${login}: ${result.reason}`);
  return result.token;
}
/** Sets up an account with its code, as the sign-in screen's "Har du en engangskode?" does. */
async function setUp(login: string, code: string, password: string): Promise<string> {
  const result = await service.auth.setUpAccount(login, code, password, SOURCE);
  if (!result.ok) throw new Error(`set-up of ${login}: ${'message' in result ? result.message : result.reason}`);
  return result.token;
}
const accountCount = () => (db.prepare('SELECT COUNT(*) AS n FROM accounts').get() as { n: number }).n;
const eventsOf = (type: string) => db.prepare('SELECT actor_id, entity_id, to_value, reason FROM events WHERE type = ? ORDER BY id').all(type) as
  { actor_id: number | null; entity_id: number | null; to_value: string | null; reason: string | null }[];

beforeAll(() => {
  db = openWorkspace(path, { empty: true }).db;
  service = createService(db, { now: () => clock });
  const team = db.prepare('INSERT INTO teams (name, sort_order) VALUES (?, ?)');
  teamA = Number(team.run('Team Bostøtte', 1).lastInsertRowid);
  teamB = Number(team.run('Team BPA', 2).lastInsertRowid);
  const person = db.prepare('INSERT INTO people (name, initials, role, team_id) VALUES (?, ?, ?, ?)');
  for (const [key, name, initials, role, t] of [
    ['leaderA', 'Lise Andersen', 'LA', 'leader', teamA],
    ['caseworkerA', 'Karim Nielsen', 'KN', 'caseworker', teamA],
    ['secondA', 'Mette Holm', 'MH', 'caseworker', teamA],
    ['adminInA', 'Ole Berg', 'OB', 'caseworker', teamA],
    ['leaderB', 'Birgit Sørensen', 'BS', 'leader', teamB],
    ['caseworkerB', 'Jonas Dahl', 'JD', 'caseworker', teamB],
  ] as const) people[key] = Number(person.run(name, initials, role, t).lastInsertRowid);
  const first = service.auth.createFirstAdministrator({ name: 'Anna Admin', initials: 'AA', login: 'anna', password: 'en lang adgangskode' }, SOURCE);
  if (!first.ok) throw new Error('no first administrator');
  adminToken = first.token;
  people.admin = first.personId;
});
afterAll(() => closeStore(db));

describe('accounts for a team, made by its leader', () => {
  let leaderToken: string;
  let caseworkerCode: string;

  it('an administrator gives the leader an account; the leader chooses a password with the one-time code', async () => {
    const issued = value(call<SetupCodeIssued>('createAccount', { personId: people.leaderA, login: 'lise' }, ctxOf(adminToken)));
    expect(issued.setupCode).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    expect(issued.account).toMatchObject({ personId: people.leaderA, login: 'lise', role: 'leader', teamId: teamA, active: true, hasPassword: false, administrator: false });
    expect(new Date(issued.setupExpiresAt).getTime() - clock.getTime()).toBe(7 * 86_400_000);
    // Kept only as a hash: neither the accounts row nor the event log holds the code.
    const row = db.prepare('SELECT password_hash, setup_code_hash, created_by FROM accounts WHERE login = ?').get('lise') as Record<string, unknown>;
    expect(row).toEqual({ password_hash: null, setup_code_hash: sha256(normaliseCode(issued.setupCode)), created_by: people.admin });
    closeStore(db);
    const bytes = [path, `${path}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f).toString('latin1')).join('');
    expect(bytes).not.toContain(normaliseCode(issued.setupCode));
    db = openWorkspace(path).db;
    service = createService(db, { now: () => clock });

    leaderToken = await setUp('lise', issued.setupCode.toLowerCase(), 'lises nye adgangskode');
    expect(value(call<AccountSummary[]>('listAccounts', { teamId: teamA }, ctxOf(leaderToken))).find((a) => a.login === 'lise'))
      .toMatchObject({ hasPassword: true, setupExpiresAt: null, lastSignInAt: clock.toISOString() });
    // The code is spent.
    expect((await service.auth.setUpAccount('lise', issued.setupCode, 'endnu en adgangskode', SOURCE)).ok).toBe(false);
  });

  it('the leader lists their own team only, people without an account included', () => {
    const listed = value(call<AccountSummary[]>('listAccounts', { teamId: teamA }, ctxOf(leaderToken)));
    expect(listed.map((a) => [a.name, a.login, a.active])).toEqual([
      ['Lise Andersen', 'lise', true],
      ['Karim Nielsen', null, false],
      ['Mette Holm', null, false],
      ['Ole Berg', null, false],
    ]);
    expect(call('listAccounts', { teamId: teamB }, ctxOf(leaderToken))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(call('listAccounts', {}, ctxOf(leaderToken))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const all = value(call<AccountSummary[]>('listAccounts', {}, ctxOf(adminToken)));
    expect(all.map((a) => a.name)).toEqual(['Lise Andersen', 'Karim Nielsen', 'Mette Holm', 'Ole Berg', 'Birgit Sørensen', 'Jonas Dahl', 'Anna Admin']);
    expect(all.find((a) => a.login === 'anna')).toMatchObject({ role: 'administrator', teamId: null, administrator: true, hasPassword: true });
  });

  it('the leader creates an account for a caseworker of the team and is refused one for another team', () => {
    const issued = value(call<SetupCodeIssued>('createAccount', { personId: people.caseworkerA, login: 'karim' }, ctxOf(leaderToken)));
    caseworkerCode = issued.setupCode;
    expect(issued.account).toMatchObject({ login: 'karim', active: true, hasPassword: false, setupExpiresAt: issued.setupExpiresAt });
    expect(eventsOf('account_created').at(-1)).toMatchObject({ actor_id: people.leaderA, to_value: 'karim', reason: 'Karim Nielsen' });

    const before = accountCount();
    expect(call('createAccount', { personId: people.caseworkerB, login: 'jonas' }, ctxOf(leaderToken))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(call('createAccount', { personId: people.admin, login: 'x2' }, ctxOf(leaderToken))).toMatchObject({ ok: false });
    expect(accountCount()).toBe(before);
  });

  it('keeps logins in lower case and refuses a taken login (whatever its case) with a Danish field error, a second account and a bad login name', () => {
    const before = accountCount();
    expect(call('createAccount', { personId: people.secondA, login: 'KARIM' }, ctxOf(leaderToken))).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Brugernavnet "karim" er allerede i brug. Vælg et andet.',
        key: 'accounts.loginTaken',
        params: { login: 'karim' },
        fields: [{ field: 'login', message: 'Brugernavnet "karim" er allerede i brug. Vælg et andet.', key: 'accounts.loginTaken', params: { login: 'karim' } }],
      },
    });
    expect(call('createAccount', { personId: people.caseworkerA, login: 'karim2' }, ctxOf(leaderToken))).toMatchObject({
      ok: false, error: { code: 'conflict', message: 'Karim Nielsen har allerede en konto (karim). Nulstil adgangskoden i stedet.' },
    });
    const bad = call('createAccount', { personId: people.secondA, login: 'mette holm' }, ctxOf(leaderToken));
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: [{ field: 'login', message: 'Brug bogstaver, tal, punktum, bindestreg, understreg eller @.', key: 'input.loginCharacters' }] } });
    expect(accountCount()).toBe(before);
  });

  it('the leader renews a code nobody has used (the old one stops working), never a chosen password', async () => {
    value(call('createAccount', { personId: people.secondA, login: 'mette' }, ctxOf(leaderToken)));
    const renewed = value(call<SetupCodeIssued>('renewSetupCode', { personId: people.secondA }, ctxOf(leaderToken)));
    expect(eventsOf('setup_code_renewed').at(-1)).toMatchObject({ actor_id: people.leaderA, to_value: 'mette' });
    const first = db.prepare('SELECT setup_code_hash FROM accounts WHERE login = ?').get('mette') as { setup_code_hash: string };
    expect(first.setup_code_hash).toBe(sha256(normaliseCode(renewed.setupCode)));
    await setUp('mette', renewed.setupCode, 'mettes adgangskode');
    expect(call('renewSetupCode', { personId: people.secondA }, ctxOf(leaderToken))).toMatchObject({
      ok: false, error: { code: 'conflict', message: 'Mette Holm har allerede valgt en adgangskode. Bed en administrator om at nulstille den.' },
    });
    expect(call('renewSetupCode', { personId: people.leaderB }, ctxOf(leaderToken))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a caseworker may not list or create accounts', async () => {
    const token = await setUp('karim', caseworkerCode, 'karims adgangskode');
    const before = accountCount();
    expect(call('listAccounts', { teamId: teamA }, ctxOf(token))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(call('createAccount', { personId: people.secondA, login: 'mette' }, ctxOf(token))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(call('listSessions', {}, ctxOf(token))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(accountCount()).toBe(before);
  });
});

describe('an administrator resets a password', () => {
  it('clears the password, ends every session at once and gives a new code; the old password and code stop working', async () => {
    const desk = await signIn('karim', 'karims adgangskode');
    const laptop = await signIn('karim', 'karims adgangskode');
    const ended: number[][] = [];
    const stop = service.auth.onSessionsEnded((ids) => ended.push(ids));
    const leader = await signIn('lise', 'lises nye adgangskode');
    expect(call('resetPassword', { login: 'karim' }, ctxOf(leader))).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const reset = value(call<SetupCodeIssued & { sessionsEnded: number }>('resetPassword', { login: 'Karim' }, ctxOf(adminToken)));
    stop();
    expect(reset.sessionsEnded).toBe(3);
    expect(ended.flat()).toHaveLength(3);
    expect(service.auth.principalOf(desk)).toBeNull();
    expect(service.auth.principalOf(laptop)).toBeNull();
    expect(reset.account).toMatchObject({ login: 'karim', hasPassword: false, active: true });
    expect((await service.auth.signIn('karim', 'karims adgangskode', SOURCE)).ok).toBe(false);
    expect(eventsOf('password_reset').at(-1)).toMatchObject({ actor_id: people.admin, to_value: 'karim' });
    await setUp('karim', reset.setupCode, 'karims andet forsøg');
  });

  it('lifts the lock-out of the login it resets (the address keeps its count)', async () => {
    for (let i = 0; i < 5; i++) await service.auth.signIn('karim', 'forkert', { address: `10.0.1.${i}`, userAgent: null });
    expect(service.auth.lockedUntil('sign_in', 'karim', '10.0.2.1')).not.toBeNull();
    const reset = value(call<SetupCodeIssued>('resetPassword', { personId: people.caseworkerA }, ctxOf(adminToken)));
    expect(service.auth.lockedUntil('sign_in', 'karim', '10.0.2.1')).toBeNull();
    await setUp('karim', reset.setupCode, 'karims tredje adgangskode');
  });

  it('refuses an unknown login, a person without an account, both or neither, and the administrator themselves', () => {
    expect(call('resetPassword', { login: 'ingen' }, ctxOf(adminToken))).toMatchObject({ ok: false, error: { code: 'not_found', message: 'Der er ingen konto med brugernavnet "ingen".' } });
    expect(call('resetPassword', { personId: people.adminInA }, ctxOf(adminToken))).toMatchObject({ ok: false, error: { code: 'not_found', message: 'Ole Berg har ingen konto endnu.' } });
    expect(call('resetPassword', {}, ctxOf(adminToken))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(call('resetPassword', { login: 'karim', personId: people.caseworkerA }, ctxOf(adminToken))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(call('resetPassword', { login: 'anna' }, ctxOf(adminToken))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(service.auth.principalOf(adminToken)).not.toBeNull();
  });
});

describe('disabling and enabling an account', () => {
  it('the leader disables a caseworker of the team: sessions end and sign-in is refused until enabled again', async () => {
    const leader = await signIn('lise', 'lises nye adgangskode');
    const karim = await signIn('karim', 'karims tredje adgangskode');
    const off = value(call<AccountSummary & { sessionsEnded: number }>('setAccountActive', { personId: people.caseworkerA, active: false }, ctxOf(leader)));
    // This session and the one the set-up code opened before.
    expect(off).toMatchObject({ active: false, sessionsEnded: 2 });
    expect(service.auth.principalOf(karim)).toBeNull();
    expect((await service.auth.signIn('karim', 'karims tredje adgangskode', SOURCE)).ok).toBe(false);
    expect(eventsOf('account_disabled').at(-1)).toMatchObject({ actor_id: people.leaderA, reason: 'Karim Nielsen' });
    // Asking again changes nothing and logs nothing.
    const events = eventsOf('account_disabled').length;
    expect(value(call<{ sessionsEnded: number }>('setAccountActive', { personId: people.caseworkerA, active: false }, ctxOf(leader))).sessionsEnded).toBe(0);
    expect(eventsOf('account_disabled')).toHaveLength(events);

    expect(value(call<AccountSummary>('setAccountActive', { personId: people.caseworkerA, active: true }, ctxOf(leader))).active).toBe(true);
    // A wrong guess while disabled counted; sign-in works again.
    expect((await service.auth.signIn('karim', 'karims tredje adgangskode', SOURCE)).ok).toBe(true);
  });

  it('nobody disables themselves, a leader not another team’s accounts nor an administrator’s', async () => {
    const leader = await signIn('lise', 'lises nye adgangskode');
    expect(call('setAccountActive', { personId: people.leaderA, active: false }, ctxOf(leader))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    value(call('createAccount', { personId: people.caseworkerB, login: 'jonas' }, ctxOf(adminToken)));
    expect(call('setAccountActive', { personId: people.caseworkerB, active: false }, ctxOf(leader))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // A caseworker of the leader's team who also administers the store.
    value(call('createAccount', { personId: people.adminInA, login: 'ole' }, ctxOf(adminToken)));
    db.prepare('UPDATE accounts SET administrator = 1 WHERE login = ?').run('ole');
    expect(call('setAccountActive', { personId: people.adminInA, active: false }, ctxOf(leader))).toEqual({
      ok: false, error: { code: 'forbidden', message: 'Kun en administrator kan spærre Ole Bergs konto.', key: 'accounts.lockAdminOnly', params: { name: 'Ole Berg' } },
    });
    expect(call('setAccountActive', { personId: people.admin, active: false }, ctxOf(adminToken))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const active = db.prepare('SELECT login FROM accounts WHERE active = 0').all();
    expect(active).toEqual([]);
  });

  it('keeps the last active administrator', () => {
    value(call('setAccountActive', { personId: people.adminInA, active: false }, ctxOf(adminToken)));
    expect(call('setAccountActive', { personId: people.admin, active: false }, systemContext())).toEqual({
      ok: false, error: { code: 'conflict', message: 'Anna Admin er den sidste aktive administrator. Giv en anden administratorrettigheder først.', key: 'accounts.lastAdmin', params: { name: 'Anna Admin' } },
    });
    value(call('setAccountActive', { personId: people.adminInA, active: true }, ctxOf(adminToken)));
  });
});

describe('sessions, for administrators', () => {
  it('lists open sessions with the caller’s own marked; ending one closes it at once and is logged', async () => {
    const karim = await signIn('karim', 'karims tredje adgangskode');
    const sessions = value(call<SignInSession[]>('listSessions', {}, ctxOf(adminToken)));
    const own = sessions.find((s) => s.current)!;
    expect(own).toMatchObject({ kind: 'person', login: 'anna', name: 'Anna Admin', method: 'password', remoteAddress: '10.0.0.7', userAgent: 'vitest' });
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const karimsSessions = value(call<SignInSession[]>('listSessions', { personId: people.caseworkerA }, ctxOf(adminToken)));
    expect(karimsSessions).toHaveLength(2);
    expect(karimsSessions.every((s) => s.login === 'karim' && s.teamId === teamA && !s.current)).toBe(true);
    const target = karimsSessions.find((s) => String(s.id) === (service.auth.principalOf(karim) as { sessionId: string }).sessionId)!;

    const ended: number[][] = [];
    const stop = service.auth.onSessionsEnded((ids) => ended.push(ids));
    expect(value(call('endSession', { sessionId: target.id }, ctxOf(adminToken)))).toEqual({ sessionId: target.id, ended: true });
    stop();
    expect(ended).toEqual([[target.id]]);
    expect(service.auth.principalOf(karim)).toBeNull();
    expect(value(call<SignInSession[]>('listSessions', { personId: people.caseworkerA }, ctxOf(adminToken)))).toHaveLength(1);
    expect(eventsOf('session_ended').at(-1)).toMatchObject({ actor_id: people.admin, entity_id: target.id, reason: 'karim' });
    expect(db.prepare('SELECT end_reason FROM auth_sessions WHERE id = ?').get(target.id)).toEqual({ end_reason: 'ended_by_admin' });

    expect(call('endSession', { sessionId: target.id }, ctxOf(adminToken))).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(call('endSession', { sessionId: own.id }, ctxOf(adminToken))).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Det er din egen session. Log ud for at afslutte den.' } });
    expect(service.auth.principalOf(adminToken)).not.toBeNull();
    const leader = await signIn('lise', 'lises nye adgangskode');
    expect(call('endSession', { sessionId: own.id }, ctxOf(leader))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(service.auth.principalOf(adminToken)).not.toBeNull();
  });

  it('leaves out sessions idle longer than the idle timeout', async () => {
    const before = value(call<SignInSession[]>('listSessions', {}, ctxOf(adminToken))).length;
    expect(before).toBeGreaterThan(1);
    clock = new Date(clock.getTime() + 9 * 3_600_000);
    const fresh = await signIn('anna', 'en lang adgangskode');
    const after = value(call<SignInSession[]>('listSessions', {}, ctxOf(fresh)));
    expect(after.map((s) => s.current)).toEqual([true]);
  });
});
