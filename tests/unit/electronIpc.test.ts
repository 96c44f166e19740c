// The desktop app's IPC path against a real demo store: main keeps each window's session and the
// dispatcher enforces the same roles as over HTTP. Electron cannot run here, so ipcMain and the
// windows are stand-ins that record what main does with them.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeStore, openStore, type Db } from '../../db/connection';
import { generateDemo } from '../../db/demo/generate';
import { createService, type Service } from '../../db/service';
import type { Envelope } from '../../shared/api/envelope';
import type { AuthResponse, ChangeNotice } from '../../shared/api/client';

vi.mock('electron', () => ({}));

const { AUTH_CHANNEL, CALL_CHANNEL, CHANGED_CHANNEL, registerSessionIpc } = await import('../../electron/main/session');
const connection = await import('../../electron/main/connection');
const { rendererUrl } = await import('../../electron/main/security');

const OWN_PAGE = rendererUrl('#/board');
const { isTrustedRendererUrl } = await import('../../electron/main/security');

type Handler = Parameters<import('../../electron/main/session').IpcRegistry['handle']>[1];

function fakeIpc() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, fn: Handler) => void handlers.set(channel, fn),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
}

let nextId = 1;
function fakeWindow() {
  const sent: { channel: string; args: unknown[] }[] = [];
  let destroyed = false;
  const onDestroyed: (() => void)[] = [];
  return {
    id: nextId++,
    sent,
    notices: () => sent.filter((s) => s.channel === CHANGED_CHANNEL).map((s) => s.args[0] as ChangeNotice),
    send: (channel: string, ...args: unknown[]) => void sent.push({ channel, args }),
    once: (_event: 'destroyed', fn: () => void) => void onDestroyed.push(fn),
    isDestroyed: () => destroyed,
    destroy() {
      destroyed = true;
      for (const fn of onDestroyed) fn();
    },
  };
}
type FakeWindow = ReturnType<typeof fakeWindow>;

const dir = mkdtempSync(join(tmpdir(), 'flowtavle-ipc-'));
let db: Db;
let service: Service;
let ipc: ReturnType<typeof fakeIpc>;
let wallWindowId = -1;

interface Person { id: number; login: string; teamId: number }
let caseworker: Person;
let leader: Person;
let otherTeamId: number;

beforeAll(() => {
  db = openStore(join(dir, 'demo.db'));
  generateDemo(db, { seed: 1, today: '2026-11-23' });
  service = createService(db);
  ipc = fakeIpc();
  registerSessionIpc(ipc, service, {
    isTrustedFrame: (url) => isTrustedRendererUrl(url),
    isWallWindow: (contents) => contents.id === wallWindowId,
  });
  const person = (role: string) =>
    db.prepare(
      `SELECT p.id, a.login, p.team_id AS teamId FROM people p JOIN accounts a ON a.person_id = p.id
       WHERE p.role = ? AND p.active = 1 AND a.active = 1 AND a.administrator = 0 ORDER BY p.id LIMIT 1`,
    ).get(role) as Person;
  caseworker = person('caseworker');
  leader = db.prepare(
    `SELECT p.id, a.login, p.team_id AS teamId FROM people p JOIN accounts a ON a.person_id = p.id
     WHERE p.role = 'leader' AND p.team_id = ? AND a.active = 1`,
  ).get(caseworker.teamId) as Person;
  otherTeamId = (db.prepare('SELECT id FROM teams WHERE id <> ? ORDER BY id LIMIT 1').get(caseworker.teamId) as { id: number }).id;
});

afterAll(() => {
  closeStore(db);
  rmSync(dir, { recursive: true, force: true });
});

const eventOf = (sender: FakeWindow, url = OWN_PAGE) => ({ sender, senderFrame: { url } });

function call(win: FakeWindow, method: string, input: unknown, ...extra: unknown[]): Envelope<unknown> {
  return ipc.handlers.get(CALL_CHANNEL)!(eventOf(win), method, input, ...extra) as Envelope<unknown>;
}
function auth(win: FakeWindow, action: string, body: unknown = {}, url = OWN_PAGE): Promise<AuthResponse> {
  return ipc.handlers.get(AUTH_CHANNEL)!(eventOf(win, url), action, body) as Promise<AuthResponse>;
}
const code = (e: Envelope<unknown>) => (e.ok ? 'ok' : e.error.code);
const budget = (teamId: number, year: number) =>
  (db.prepare('SELECT amount FROM budgets WHERE team_id = ? AND year = ?').get(teamId, year) as { amount: number } | undefined)?.amount ?? null;
const openSessions = (personId: number) =>
  (db.prepare('SELECT COUNT(*) AS n FROM auth_sessions WHERE person_id = ? AND ended_at IS NULL').get(personId) as { n: number }).n;

describe('IPC with a session per window', () => {
  it('refuses every call before sign-in', async () => {
    const win = fakeWindow();
    expect(code(call(win, 'listTeams', {}))).toBe('unauthenticated');
    expect(code(call(win, 'getBoard', { teamId: caseworker.teamId }))).toBe('unauthenticated');
    const status = await auth(win, 'status');
    expect(status.status).toBe(200);
    expect((status.body as { value: { signedIn: boolean; isDemo: boolean } }).value).toMatchObject({ signedIn: false, isDemo: true });
  });

  it('signs a caseworker in with "demo" and holds them to their role and team', async () => {
    const win = fakeWindow();
    const wrong = await auth(win, 'sign-in', { login: caseworker.login, password: 'forkert' });
    expect(wrong.status).toBe(401);
    expect(code(call(win, 'listTeams', {}))).toBe('unauthenticated');

    const reply = await auth(win, 'sign-in', { login: caseworker.login.toUpperCase(), password: 'demo' });
    // The session token stays in main: the renderer gets the status and nothing else.
    expect(reply).toEqual({ status: 204, body: null });
    const status = (await auth(win, 'status')).body as { value: { person: { id: number; role: string } } };
    expect(status.value.person).toMatchObject({ id: caseworker.id, role: 'caseworker' });

    expect(code(call(win, 'getBoard', { teamId: caseworker.teamId }))).toBe('ok');

    const year = 2026;
    const before = budget(caseworker.teamId, year);
    expect(before).not.toBeNull();
    const setBudget = call(win, 'setBudget', { teamId: caseworker.teamId, year, amount: 1 });
    expect(code(setBudget)).toBe('forbidden');
    expect(budget(caseworker.teamId, year)).toBe(before);

    const column = db.prepare('SELECT id FROM board_columns WHERE team_id = ? ORDER BY position LIMIT 1').get(caseworker.teamId) as { id: number } | undefined;
    expect(code(call(win, 'addColumn', { teamId: caseworker.teamId, name: 'Ny kolonne', kind: 'active' }))).toBe('forbidden');
    if (column) expect(code(call(win, 'removeColumn', { columnId: column.id }))).toBe('forbidden');

    // Another team's board is not theirs to read.
    expect(code(call(win, 'getBoard', { teamId: otherTeamId }))).toBe('forbidden');
  });

  it('takes the actor from the session, not from anything the renderer sends', async () => {
    const win = fakeWindow();
    await auth(win, 'sign-in', { login: caseworker.login, password: 'demo' });
    const caseId = (db.prepare('SELECT id FROM cases WHERE team_id = ? ORDER BY id LIMIT 1').get(caseworker.teamId) as { id: number }).id;
    const lastEvent = () => db.prepare('SELECT id, actor_id FROM events ORDER BY id DESC LIMIT 1').get() as { id: number; actor_id: number | null };
    const before = lastEvent().id;
    // The old preload passed an actor id as a third argument: the leader's id here must change nothing.
    const result = call(win, 'updateCase', { caseId, notes: 'Ringet til borgeren' }, leader.id);
    expect(code(result)).toBe('ok');
    const after = lastEvent();
    expect(after.id).toBeGreaterThan(before);
    expect(after.actor_id).toBe(caseworker.id);
    // An actor smuggled into the input is refused by the contract's strict schema.
    expect(code(call(win, 'updateCase', { caseId, notes: 'x', actorId: leader.id }))).toBe('invalid_input');
  });

  it('gives each window its own session: a leader beside a caseworker', async () => {
    const caseworkerWindow = fakeWindow();
    const leaderWindow = fakeWindow();
    await auth(caseworkerWindow, 'sign-in', { login: caseworker.login, password: 'demo' });
    await auth(leaderWindow, 'sign-in', { login: leader.login, password: 'demo' });
    const year = 2027;
    expect(code(call(leaderWindow, 'setBudget', { teamId: leader.teamId, year, amount: 12_500_000 }))).toBe('ok');
    expect(budget(leader.teamId, year)).toBe(12_500_000);
    expect(code(call(caseworkerWindow, 'setBudget', { teamId: leader.teamId, year, amount: 1 }))).toBe('forbidden');
    expect(budget(leader.teamId, year)).toBe(12_500_000);
  });

  it('signs out: the next call is unauthenticated and change notices stop', async () => {
    const win = fakeWindow();
    const stranger = fakeWindow();
    await auth(win, 'sign-in', { login: caseworker.login, password: 'demo' });
    expect(call(stranger, 'listTeams', {}).ok).toBe(false);
    const leaderWindow = fakeWindow();
    await auth(leaderWindow, 'sign-in', { login: leader.login, password: 'demo' });

    expect(code(call(leaderWindow, 'setBudget', { teamId: leader.teamId, year: 2028, amount: 3_000_000 }))).toBe('ok');
    expect(win.notices().map((n) => n.method)).toContain('setBudget');
    // A window nobody signed in to hears nothing of the store.
    expect(stranger.notices()).toEqual([]);

    expect(await auth(win, 'sign-out')).toEqual({ status: 204, body: null });
    expect(code(call(win, 'listTeams', {}))).toBe('unauthenticated');
    const heard = win.notices().length;
    expect(code(call(leaderWindow, 'setBudget', { teamId: leader.teamId, year: 2028, amount: 3_100_000 }))).toBe('ok');
    expect(win.notices().length).toBe(heard);
  });

  it('tells a window at once when its session is ended elsewhere', async () => {
    const win = fakeWindow();
    await auth(win, 'sign-in', { login: caseworker.login, password: 'demo' });
    expect(code(call(win, 'listTeams', {}))).toBe('ok');
    service.auth.endSessions({ personId: caseworker.id }, 'signed_out');
    expect(win.notices().at(-1)?.method).toBe('session_ended');
    expect(code(call(win, 'listTeams', {}))).toBe('unauthenticated');
  });

  it('ends the replaced session when someone else signs in in the same window', async () => {
    service.auth.endSessions({ personId: caseworker.id }, 'signed_out');
    const win = fakeWindow();
    await auth(win, 'sign-in', { login: caseworker.login, password: 'demo' });
    expect(openSessions(caseworker.id)).toBe(1);
    await auth(win, 'sign-in', { login: leader.login, password: 'demo' });
    expect(openSessions(caseworker.id)).toBe(0);
    expect(((await auth(win, 'status')).body as { value: { person: { id: number } } }).value.person.id).toBe(leader.id);
    win.destroy();
  });

  it('ends the session when its window closes', async () => {
    service.auth.endSessions({ personId: leader.id }, 'signed_out');
    const win = fakeWindow();
    await auth(win, 'sign-in', { login: leader.login, password: 'demo' });
    expect(openSessions(leader.id)).toBe(1);
    win.destroy();
    expect(openSessions(leader.id)).toBe(0);
  });

  it('refuses frames that are not the app\'s own page', async () => {
    const win = fakeWindow();
    await auth(win, 'sign-in', { login: leader.login, password: 'demo' });
    const foreign = ipc.handlers.get(CALL_CHANNEL)!(eventOf(win, 'https://example.org/index.html'), 'listTeams', {}) as Envelope<unknown>;
    expect(code(foreign)).toBe('forbidden');
    const otherFile = ipc.handlers.get(CALL_CHANNEL)!(eventOf(win, 'file:///tmp/evil.html'), 'listTeams', {}) as Envelope<unknown>;
    expect(code(otherFile)).toBe('forbidden');
    const noFrame = ipc.handlers.get(CALL_CHANNEL)!({ sender: win, senderFrame: null }, 'listTeams', {}) as Envelope<unknown>;
    expect(code(noFrame)).toBe('forbidden');
    const signIn = await auth(fakeWindow(), 'sign-in', { login: leader.login, password: 'demo' }, 'https://example.org/');
    expect(signIn.status).toBe(403);
    expect((await auth(win, 'drop-tables')).status).toBe(404);
  });

  it('pairs the wall kiosk like a TV and never signs a person in there', async () => {
    const wall = fakeWindow();
    wallWindowId = wall.id;
    const refused = await auth(wall, 'sign-in', { login: leader.login, password: 'demo' });
    expect(refused.status).toBe(403);
    expect(code(call(wall, 'listPeople', {}))).toBe('unauthenticated');

    const paired = await auth(wall, 'pair');
    expect(paired.status).toBe(200);
    const state = (paired.body as { value: { status: string; code: string } }).value;
    expect(state.status).toBe('pending');
    expect(Object.keys(paired)).toEqual(['status', 'body']);

    // A leader approves the code from their own window (the devices screen's method).
    const leaderWindow = fakeWindow();
    await auth(leaderWindow, 'sign-in', { login: leader.login, password: 'demo' });
    const approve = call(leaderWindow, 'approveDevice', { code: state.code, teamId: leader.teamId, label: 'Tavlen i mødelokalet' });
    expect(code(approve)).toBe('ok');
    expect((approve as { value: { ok: boolean } }).value.ok).toBe(true);
    const status = (await auth(wall, 'status')).body as { value: { device: { teamId: number } | null; person: unknown } };
    expect(status.value.device?.teamId).toBe(leader.teamId);
    expect(status.value.person).toBeNull();
    // The device reaches its team's wall view and nothing personal.
    expect(code(call(wall, 'listPeople', {}))).toBe('forbidden');
    expect(code(call(wall, 'getBoard', { teamId: leader.teamId }))).toBe('forbidden');

    // A new kiosk window (moved to another display) keeps the pairing.
    wall.destroy();
    const moved = fakeWindow();
    wallWindowId = moved.id;
    expect(((await auth(moved, 'status')).body as { value: { device: unknown } }).value.device).not.toBeNull();
    wallWindowId = -1;
  });
});

describe('the connection to a Flowtavle server', () => {
  it('accepts only http(s) origins, and plain http only on the local network', () => {
    expect(connection.parseHostAddress('https://flowtavle.aalborg.dk')).toEqual({ ok: true, origin: 'https://flowtavle.aalborg.dk' });
    expect(connection.parseHostAddress(' https://flowtavle.aalborg.dk:8443/ ')).toEqual({ ok: true, origin: 'https://flowtavle.aalborg.dk:8443' });
    expect(connection.parseHostAddress('http://192.168.1.20:4173')).toEqual({ ok: true, origin: 'http://192.168.1.20:4173' });
    expect(connection.parseHostAddress('http://standup-pc:4173')).toEqual({ ok: true, origin: 'http://standup-pc:4173' });
    expect(connection.parseHostAddress('http://10.0.0.5')).toEqual({ ok: true, origin: 'http://10.0.0.5' });
    const refused = ['http://flowtavle.example.org', 'file:///etc/passwd', 'javascript:alert(1)', 'ftp://10.0.0.5', 'flowtavle.aalborg.dk',
      'https://bruger:kode@flowtavle.aalborg.dk', 'https://flowtavle.aalborg.dk/api/listTeams', 'https://flowtavle.aalborg.dk/?x=1', '', 42];
    for (const address of refused) {
      const parsed = connection.parseHostAddress(address);
      expect(parsed.ok, String(address)).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/[a-zæøå]/);
    }
  });

  it('lets the remote window show exactly the configured origin', () => {
    const origin = 'https://flowtavle.aalborg.dk';
    expect(connection.isAllowedRemoteUrl('https://flowtavle.aalborg.dk/#/board', origin)).toBe(true);
    expect(connection.isAllowedRemoteUrl('https://flowtavle.aalborg.dk/auth/oidc/start', origin)).toBe(true);
    for (const url of ['http://flowtavle.aalborg.dk/', 'https://flowtavle.aalborg.dk:444/', 'https://evil.aalborg.dk/', 'https://flowtavle.aalborg.dk.evil.org/',
      'https://login.microsoftonline.com/', rendererUrl(), 'not a url']) {
      expect(connection.isAllowedRemoteUrl(url, origin), url).toBe(false);
    }
    // And the local window only the app's own page.
    expect(isTrustedRendererUrl(origin)).toBe(false);
  });

  const answer = (status: number, body: unknown, type = 'application/json; charset=utf-8') =>
    vi.fn(async () => ({ status, headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? type : null) }, json: async () => body }));

  it('checks that the host answers GET /auth/status as a Flowtavle host', async () => {
    const good = answer(200, { ok: true, value: { signedIn: false, departmentName: 'Voksensocialafdelingen' } });
    expect(await connection.checkHost('https://flowtavle.aalborg.dk', good)).toEqual({ ok: true, origin: 'https://flowtavle.aalborg.dk', departmentName: 'Voksensocialafdelingen' });
    expect(good).toHaveBeenCalledWith('https://flowtavle.aalborg.dk/auth/status', expect.objectContaining({ method: 'GET' }));

    const html = await connection.checkHost('https://www.aalborg.dk', answer(200, null, 'text/html'));
    expect(html).toEqual({ ok: false, message: 'https://www.aalborg.dk svarer, men er ikke en Flowtavle-server.' });
    expect((await connection.checkHost('https://www.aalborg.dk', answer(200, { hello: 1 }))).ok).toBe(false);
    expect((await connection.checkHost('https://www.aalborg.dk', answer(404, {}))).ok).toBe(false);

    const missing = vi.fn(async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });
    });
    expect(await connection.checkHost('https://flowtavle.findesikke.dk', missing)).toEqual({ ok: false, message: 'Serveren https://flowtavle.findesikke.dk findes ikke. Kontrollér adressen.' });
    const fetchNever = vi.fn();
    expect((await connection.checkHost('http://flowtavle.example.org', fetchNever)).ok).toBe(false);
    expect(fetchNever).not.toHaveBeenCalled();
  });

  it('remembers the choice across restarts and switches back to the local store', async () => {
    const file = join(dir, 'userData', connection.CONNECTION_FILE);
    expect(connection.loadConnection(file)).toEqual({ host: null, lastHost: null });
    const shown: (string | null)[] = [];
    const connIpc = fakeIpc();
    connection.registerConnectionIpc(connIpc, {
      file,
      isTrustedFrame: (url) => isTrustedRendererUrl(url),
      fetch: answer(200, { ok: true, value: { signedIn: false, departmentName: 'Afdelingen' } }),
      show: (host) => void shown.push(host),
    });
    const win = fakeWindow();
    const connect = connIpc.handlers.get(connection.CONNECTION_CHANNELS.connect)!;
    expect(await connect(eventOf(win, 'https://flowtavle.aalborg.dk/'), 'https://evil.example.org')).toMatchObject({ ok: false });
    expect(await connect(eventOf(win), 'ftp://flowtavle')).toMatchObject({ ok: false });
    expect(await connect(eventOf(win), 'https://flowtavle.aalborg.dk/')).toEqual({ ok: true, value: { host: 'https://flowtavle.aalborg.dk', departmentName: 'Afdelingen' } });
    await new Promise((r) => setTimeout(r, 5));
    expect(shown).toEqual(['https://flowtavle.aalborg.dk']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ host: 'https://flowtavle.aalborg.dk', lastHost: 'https://flowtavle.aalborg.dk' });
    // A restart reads the same choice.
    expect(connection.loadConnection(file).host).toBe('https://flowtavle.aalborg.dk');

    await connIpc.handlers.get(connection.CONNECTION_CHANNELS.useLocal)!(eventOf(win));
    await new Promise((r) => setTimeout(r, 5));
    expect(shown).toEqual(['https://flowtavle.aalborg.dk', null]);
    expect(connection.loadConnection(file)).toEqual({ host: null, lastHost: 'https://flowtavle.aalborg.dk' });
  });

  it('says in Danish why the host\'s page did not load', () => {
    expect(connection.loadFailureMessage('https://flowtavle.aalborg.dk', -102, 'ERR_CONNECTION_REFUSED')).toBe(
      'Flowtavle-serveren flowtavle.aalborg.dk svarer ikke lige nu. Prøv igen om lidt, eller spørg den, der driver serveren.',
    );
    expect(connection.loadFailureMessage('https://flowtavle.aalborg.dk', -202, 'ERR_CERT_AUTHORITY_INVALID')).toMatch(/^Certifikatet for Flowtavle-serveren flowtavle.aalborg.dk/);
    expect(connection.loadFailureMessage('https://flowtavle.aalborg.dk', -999, 'ERR_SOMETHING')).toBe('Flowtavle-serveren flowtavle.aalborg.dk kunne ikke vises (ERR_SOMETHING).');
  });

  it('ignores a config file that was edited into something unsafe', async () => {
    const file = join(dir, 'tampered', connection.CONNECTION_FILE);
    connection.saveConnection(file, { host: 'file:///etc/passwd', lastHost: 'http://flowtavle.example.org' });
    expect(connection.loadConnection(file)).toEqual({ host: null, lastHost: null });
  });
});
