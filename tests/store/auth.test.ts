// db/auth.ts on a real SQLite file with a clock the test moves: how passwords are kept, sign-in and
// its refusals, the lock-out per login and per address (kept in the store, so a new host process on
// the same file still counts them), the idle timeout, a password change ending the person's other
// sessions, and the one-time, expiring set-up code.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createAuth, hashPassword, LOCK_MINUTES, MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_LOGIN, newSetupCode, sha256, verifyPassword,
  type Auth, type Source,
} from '../../db/auth';
import { closeStore, openStore, type Db } from '../../db/connection';

// Every sign-in runs scrypt, slow on purpose (~0.1 s idle, seconds on a loaded 2-core runner).
vi.setConfig({ testTimeout: 120_000 });

const dir = mkdtempSync(join(tmpdir(), 'flowtavle-auth-'));
const path = join(dir, 'flowtavle.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DESK: Source = { address: '10.0.0.21', userAgent: 'vitest' };
const OTHER_DESK: Source = { address: '10.0.0.22', userAgent: 'vitest' };
const PASSWORD = 'en lang sætning om kaffe';

let clock = new Date('2026-11-23T09:00:00Z');
const now = () => clock;
const later = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));

let db: Db;
let auth: Auth;
const people: Record<string, number> = {};
/** One hash for the accounts that share the password: scrypt is slow on purpose. */
let passwordHash: string;

function addPerson(login: string, role: 'caseworker' | 'leader', teamId: number, withPassword = true): number {
  const personId = Number(db.prepare('INSERT INTO people (name, initials, role, team_id) VALUES (?, ?, ?, ?)').run(`Person ${login}`, login.toUpperCase(), role, teamId).lastInsertRowid);
  db.prepare('INSERT INTO accounts (person_id, login, password_hash, created_at) VALUES (?, ?, ?, ?)')
    .run(personId, login, withPassword ? passwordHash : null, clock.toISOString());
  people[login] = personId;
  return personId;
}

/** A new host process on the same file: nothing kept in memory survives. */
function restart(): void {
  closeStore(db);
  db = openStore(path);
  auth = createAuth(db, now);
}

async function signedIn(login: string, password = PASSWORD, source = DESK): Promise<string> {
  const result = await auth.signIn(login, password, source);
  if (!result.ok) throw new Error(`sign-in as ${login}: ${result.reason}`);
  return result.token;
}

beforeAll(() => {
  db = openStore(path);
  auth = createAuth(db, now);
  passwordHash = hashPassword(PASSWORD);
  const team = Number(db.prepare("INSERT INTO teams (name) VALUES ('Team Prøve')").run().lastInsertRowid);
  addPerson('cas', 'caseworker', team);
  addPerson('lea', 'leader', team);
  for (let i = 1; i <= 25; i++) addPerson(`g${i}`, 'caseworker', team);
  addPerson('new', 'caseworker', team, false);
  addPerson('old', 'caseworker', team, false);
}, 120_000);

afterAll(() => closeStore(db));

// Each test starts with a clean window of failures: they are kept for a day, so move on a day.
beforeEach(() => {
  later(24 * 60 + 1);
});

describe('passwords', () => {
  it('are kept as salted scrypt hashes, never as the password', async () => {
    const hash = hashPassword(PASSWORD);
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    // A new salt every time: two people with the same password do not share a hash.
    expect(hashPassword(PASSWORD)).not.toBe(hash);
    expect(await verifyPassword(PASSWORD, hash)).toBe(true);
    expect(await verifyPassword(`${PASSWORD} `, hash)).toBe(false);
    expect(await verifyPassword(PASSWORD, null)).toBe(false);
    expect(await verifyPassword(PASSWORD, 'plain:en lang sætning om kaffe')).toBe(false);

    db.pragma('wal_checkpoint(TRUNCATE)');
    const file = readFileSync(path);
    expect(file.includes(Buffer.from(PASSWORD, 'utf8'))).toBe(false);
    const stored = db.prepare("SELECT password_hash FROM accounts WHERE login = 'cas'").get() as { password_hash: string };
    expect(stored.password_hash.startsWith('scrypt$')).toBe(true);
  });
});

describe('signing in', () => {
  it('gives a random token kept only as its SHA-256, and the principal of the person behind it', async () => {
    const token = await signedIn('cas');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = db.prepare('SELECT token_hash, method, remote_address FROM auth_sessions WHERE token_hash = ?').get(sha256(token));
    expect(row).toEqual({ token_hash: sha256(token), method: 'password', remote_address: DESK.address });
    expect((db.prepare('SELECT COUNT(*) AS n FROM auth_sessions WHERE token_hash = ?').get(token) as { n: number }).n).toBe(0);
    const team = (db.prepare('SELECT team_id FROM people WHERE id = ?').get(people.cas) as { team_id: number }).team_id;
    expect(auth.principalOf(token)).toMatchObject({ kind: 'person', personId: people.cas, teamId: team, roles: ['caseworker'] });
    expect(auth.principalOf('not-a-token')).toBeNull();
    expect(auth.principalOf(undefined)).toBeNull();
  });

  it('refuses a wrong password and an unknown login alike, records the failure and logs it', async () => {
    expect(await auth.signIn('cas', 'forkert adgangskode', DESK)).toEqual({ ok: false, reason: 'bad_credentials' });
    expect(await auth.signIn('findes-ikke', PASSWORD, DESK)).toEqual({ ok: false, reason: 'bad_credentials' });
    const failures = db.prepare('SELECT login, address FROM auth_failures WHERE at > ? ORDER BY id').all(new Date(clock.getTime() - 60_000).toISOString());
    expect(failures).toEqual([{ login: 'cas', address: DESK.address }, { login: 'findes-ikke', address: DESK.address }]);
    const events = db.prepare("SELECT type, to_value AS login FROM events WHERE entity = 'auth' AND type = 'sign_in_failed' ORDER BY id DESC LIMIT 2").all();
    expect(events).toEqual([{ type: 'sign_in_failed', login: 'findes-ikke' }, { type: 'sign_in_failed', login: 'cas' }]);
  });
});

describe('lock-out', () => {
  it(`locks a login after ${MAX_FAILURES_PER_LOGIN} wrong passwords, from any address, across a restart, for ${LOCK_MINUTES} minutes`, async () => {
    for (let i = 1; i < MAX_FAILURES_PER_LOGIN; i++) {
      expect(await auth.signIn('lea', `gæt nummer ${i}`, i % 2 ? DESK : OTHER_DESK)).toEqual({ ok: false, reason: 'bad_credentials' });
    }
    const fifth = await auth.signIn('LEA', 'gæt nummer 5', DESK);
    expect(fifth).toMatchObject({ ok: false, reason: 'locked' });
    // The right password does not help now, not even from another desk with a new session.
    expect(await auth.signIn('lea', PASSWORD, OTHER_DESK)).toMatchObject({ ok: false, reason: 'locked' });

    // Another process on the same file (the host restarted) still counts the failures.
    restart();
    const locked = await auth.signIn('lea', PASSWORD, OTHER_DESK);
    expect(locked).toMatchObject({ ok: false, reason: 'locked' });
    const until = new Date((locked as { lockedUntil: string }).lockedUntil).getTime();
    expect(until - clock.getTime()).toBeGreaterThan(0);
    expect(until - clock.getTime()).toBeLessThanOrEqual(LOCK_MINUTES * 60_000);
    // Other logins are not affected.
    expect((await auth.signIn('cas', PASSWORD, DESK)).ok).toBe(true);

    later(LOCK_MINUTES + 1);
    expect((await auth.signIn('lea', PASSWORD, DESK)).ok).toBe(true);
  });

  it(`locks an address after ${MAX_FAILURES_PER_ADDRESS} failures across logins, across a restart; other addresses still sign in`, async () => {
    for (let i = 1; i <= MAX_FAILURES_PER_ADDRESS; i++) {
      // One wrong guess per login: no login reaches its own limit.
      await auth.signIn(`g${i}`, 'forkert', OTHER_DESK);
    }
    restart();
    expect(await auth.signIn('g25', PASSWORD, OTHER_DESK)).toMatchObject({ ok: false, reason: 'locked' });
    expect(auth.lockedUntil('sign_in', 'g25', OTHER_DESK.address)).not.toBeNull();
    expect(auth.lockedUntil('sign_in', 'g25', DESK.address)).toBeNull();
    expect((await auth.signIn('g25', PASSWORD, DESK)).ok).toBe(true);
  });
});

describe('sessions', () => {
  it('end after the idle timeout (read from the store each time), not while the person keeps working', async () => {
    db.prepare("INSERT OR REPLACE INTO workspace (key, value) VALUES ('idle_timeout_minutes', '30')").run();
    try {
      const ended: number[][] = [];
      const stop = auth.onSessionsEnded((ids) => ended.push(ids));
      const token = await signedIn('cas');
      const id = (db.prepare('SELECT id FROM auth_sessions WHERE token_hash = ?').get(sha256(token)) as { id: number }).id;
      later(25);
      expect(auth.principalOf(token)).not.toBeNull();
      later(25); // 50 minutes after sign-in, 25 after the last call
      expect(auth.principalOf(token)).not.toBeNull();
      later(31);
      expect(auth.principalOf(token)).toBeNull();
      expect(db.prepare('SELECT end_reason FROM auth_sessions WHERE id = ?').get(id)).toEqual({ end_reason: 'idle' });
      expect(ended).toEqual([[id]]);
      // Ended stays ended, whatever the clock says.
      expect(auth.principalOf(token)).toBeNull();
      stop();
    } finally {
      db.prepare("DELETE FROM workspace WHERE key = 'idle_timeout_minutes'").run();
    }
    expect(auth.settings().idleMinutes).toBe(8 * 60);
  });

  it('a password change keeps the session it was made in and ends the person\'s others at once', async () => {
    const here = await signedIn('lea');
    const there = await signedIn('lea', PASSWORD, OTHER_DESK);
    const colleague = await signedIn('cas');
    const hereId = (db.prepare('SELECT id FROM auth_sessions WHERE token_hash = ?').get(sha256(here)) as { id: number }).id;
    // Every other open session of the person: the one on the other desk and any left from earlier tests.
    const others = (db.prepare('SELECT id FROM auth_sessions WHERE person_id = ? AND ended_at IS NULL AND id <> ? ORDER BY id').all(people.lea, hereId) as { id: number }[]).map((r) => r.id);
    const thereId = (db.prepare('SELECT id FROM auth_sessions WHERE token_hash = ?').get(sha256(there)) as { id: number }).id;
    expect(others).toContain(thereId);
    const ended: number[][] = [];
    const stop = auth.onSessionsEnded((ids) => ended.push(ids));

    expect(await auth.changePassword(here, 'forkert', 'en helt ny sætning')).toEqual({ ok: false, message: 'Den nuværende adgangskode er forkert.', key: 'auth.wrongCurrentPassword' });
    expect(await auth.changePassword(here, PASSWORD, 'kort')).toEqual({ ok: false, message: 'Adgangskoden skal have mindst 10 tegn.', key: 'auth.passwordTooShort' });
    expect(auth.principalOf(there)).not.toBeNull();

    expect(await auth.changePassword(here, PASSWORD, 'en helt ny sætning')).toEqual({ ok: true });
    expect(ended).toEqual([others]);
    expect(auth.principalOf(there)).toBeNull();
    expect(auth.principalOf(here)).toMatchObject({ personId: people.lea });
    expect(auth.principalOf(colleague)).toMatchObject({ personId: people.cas });
    expect(await auth.signIn('lea', PASSWORD, DESK)).toEqual({ ok: false, reason: 'bad_credentials' });
    expect((await auth.signIn('lea', 'en helt ny sætning', DESK)).ok).toBe(true);
    stop();
  });

  it('sign-out ends every session of the person and tells the hosts, so their change streams close', async () => {
    const one = await signedIn('cas');
    const two = await signedIn('cas', PASSWORD, OTHER_DESK);
    // A colleague of their own, whose password no earlier test changed.
    addPerson('kol', 'caseworker', 1);
    const colleague = await signedIn('kol');
    const ended: number[][] = [];
    const stop = auth.onSessionsEnded((ids) => ended.push(ids));
    auth.signOut(one);
    stop();
    expect(auth.principalOf(one)).toBeNull();
    expect(auth.principalOf(two)).toBeNull();
    expect(auth.principalOf(colleague)).not.toBeNull();
    // Every session it ended is the person's own (earlier tests left more of them open), and both of these.
    const owners = ended.flat().map((id) => (db.prepare('SELECT person_id FROM auth_sessions WHERE id = ?').get(id) as { person_id: number }).person_id);
    expect(owners.length).toBeGreaterThanOrEqual(2);
    expect(new Set(owners)).toEqual(new Set([people.cas]));
    expect(db.prepare('SELECT end_reason FROM auth_sessions WHERE token_hash = ?').get(sha256(two))).toEqual({ end_reason: 'signed_out' });
  });
});

describe('set-up codes', () => {
  function issue(login: string): string {
    const { code, hash, expiresAt } = newSetupCode(clock);
    db.prepare('UPDATE accounts SET setup_code_hash = ?, setup_expires_at = ? WHERE login = ?').run(hash, expiresAt, login);
    return code;
  }

  it('are kept as a hash, work once, and sign the person in with the password they chose', async () => {
    const code = issue('new');
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
    const stored = db.prepare("SELECT setup_code_hash FROM accounts WHERE login = 'new'").get() as { setup_code_hash: string };
    expect(stored.setup_code_hash).toBe(sha256(code));

    expect(await auth.setUpAccount('new', code, 'kort', DESK)).toMatchObject({ ok: false, reason: 'weak' });
    // Read aloud and typed in lower case with a space: still the code.
    const done = await auth.setUpAccount('new', `${code.slice(0, 5).toLowerCase()} ${code.slice(5)}`, 'mit eget kodeord her', DESK);
    expect(done).toMatchObject({ ok: true, personId: people.new });
    expect(db.prepare("SELECT setup_code_hash FROM accounts WHERE login = 'new'").get()).toEqual({ setup_code_hash: null });
    expect(await auth.setUpAccount('new', code, 'et andet kodeord her', DESK))
      .toEqual({ ok: false, reason: 'bad_code', message: 'Brugernavnet eller engangskoden er forkert eller udløbet.', key: 'auth.badSetUpCode' });
    expect((await auth.signIn('new', 'mit eget kodeord her', DESK)).ok).toBe(true);
  });

  it('expire after a week', async () => {
    const code = issue('old');
    later(7 * 24 * 60 + 1);
    expect(await auth.setUpAccount('old', code, 'mit eget kodeord her', DESK)).toMatchObject({ ok: false, reason: 'bad_code' });
    expect(await auth.signIn('old', 'mit eget kodeord her', DESK)).toEqual({ ok: false, reason: 'bad_credentials' });
  });
});
