// Accounts, sessions and paired devices in the store. The hosts (HTTP, Electron IPC) turn a
// session token into a Principal here and hand it to the dispatcher; nothing the caller sends
// names the actor. Passwords are kept as scrypt hashes (memory-hard, node:crypto); session and
// device tokens only as SHA-256. Failed sign-ins and pairings are rows in the store, so neither a
// restart nor a fresh cookie resets the lock-out.
import { createHash, randomBytes, randomInt, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { normaliseLogin } from '../shared/api/auth';
import type { Principal } from '../shared/api/define';
import { saying } from '../shared/api/envelope';
import type { MessageKey } from '../shared/messages';
import type { Role } from '../shared/domain';
import type { Db } from './connection';
import { appendEvent } from './events';
import type { AccountsRow, AuthFailuresRow, AuthSessionsRow, DevicesRow, OrNull, PeopleRow } from './schema';
import { workspaceSetting } from './settings';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;

/** scrypt with N = 2^15, r = 8: 32 MiB and ~0.1 s per hash on this class of machine (OWASP's minimum is 2^17 × 8 × 1 for 128 MiB; we trade for a 2-core server under many sign-ins). */
const KDF = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const KEY_LENGTH = 32;

export const DEFAULT_IDLE_MINUTES = 8 * 60;
export const DEFAULT_DEVICE_DAYS = 90;
/** A login or an address is locked for LOCK_MINUTES after MAX_FAILURES failures within that window. */
export const MAX_FAILURES_PER_LOGIN = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const LOCK_MINUTES = 15;
const SETUP_CODE_DAYS = 7;
const PAIRING_MINUTES = 15;

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, KEY_LENGTH, KDF);
  return `scrypt$${KDF.N}$${KDF.r}$${KDF.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? '').split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    // Spend the same time on an unknown login as on a known one.
    await scryptAsync(password, randomBytes(16), KEY_LENGTH, KDF);
    return false;
  }
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n), r: Number(r), p: Number(p), maxmem: KDF.maxmem,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A problem with a new password, in Danish; null when it is acceptable. */
export function passwordProblem(password: string): MessageKey | null {
  if (password.length < 10) return 'auth.passwordTooShort';
  if (password.length > 200) return 'auth.passwordTooLong';
  return null;
}

/** A refusal of the sign-in layer: Danish text with the catalogue key a client says it from. */
export type AuthRefusal = { message: string; key?: MessageKey };

/** Eight characters from an alphabet without look-alikes (0/O, 1/I/L), grouped for reading aloud. */
function humanCode(length: number): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  let code = '';
  for (let i = 0; i < length; i++) code += alphabet[randomInt(alphabet.length)];
  return code;
}

export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export interface Source {
  address: string;
  userAgent: string | null;
}

export type SignInResult =
  | { ok: true; token: string; principal: Principal; personId: number }
  | { ok: false; reason: 'bad_credentials' | 'locked'; lockedUntil?: string };

export type SessionEndReason = 'signed_out' | 'password_changed' | 'ended_by_admin' | 'account_disabled' | 'device_revoked' | 'idle';

export interface AuthSettings {
  idleMinutes: number;
  deviceDays: number;
}

type AccountRow = Pick<AccountsRow, 'id' | 'person_id' | 'login' | 'password_hash' | 'administrator' | 'active'>
  & Pick<PeopleRow, 'role' | 'team_id'> & { person_active: PeopleRow['active'] };

// The person, the account and the device are LEFT JOINed: a device's session has no person, a person's no device.
type SessionRow = Pick<AuthSessionsRow, 'id' | 'person_id' | 'device_id' | 'last_seen_at' | 'ended_at'>
  & OrNull<Pick<PeopleRow, 'role' | 'team_id'> & Pick<AccountsRow, 'administrator'>>
  & OrNull<{ account_active: AccountsRow['active']; person_active: PeopleRow['active'] }>
  & OrNull<{ device_status: DevicesRow['status']; device_team_id: DevicesRow['team_id']; device_expires_at: DevicesRow['expires_at'] }>;

type Failures = { n: number; first: AuthFailuresRow['at'] | null };

export interface Auth {
  settings(): AuthSettings;
  /** True while the store has no account: the first start asks for the first administrator. */
  needsFirstAdministrator(): boolean;
  createFirstAdministrator(input: { name: string; initials: string; login: string; password: string }, source: Source): SignInResult;
  signIn(login: string, password: string, source: Source): Promise<SignInResult>;
  /** A session for a person whose identity another party vouched for (OpenID Connect). */
  signInVerified(login: string, method: 'oidc' | 'desktop', source: Source): SignInResult;
  /** The principal behind a session token; null when the token is unknown, ended, idle too long or its device revoked. */
  principalOf(token: string | undefined | null, options?: { activity?: boolean }): Principal | null;
  signOut(token: string): void;
  changePassword(token: string, current: string, next: string): Promise<{ ok: true } | ({ ok: false } & AuthRefusal)>;
  setUpAccount(login: string, code: string, password: string, source: Source): Promise<SignInResult | ({ ok: false; reason: 'bad_code' | 'weak' } & AuthRefusal)>;
  /** Ends sessions and tells the hosts, which close their change streams at once. */
  endSessions(where: { personId?: number; deviceId?: number; sessionId?: number; exceptSessionId?: number | null }, reason: SessionEndReason): number;
  onSessionsEnded(listener: (sessionIds: number[]) => void): () => void;
  /** A TV asks to be paired: a pending device with a code to show and a token for its cookie. */
  startPairing(source: Source): { ok: true; code: string; token: string; deviceId: number; expiresAt: string } | { ok: false; reason: 'locked'; lockedUntil: string };
  /** What a pairing device sees while it waits. */
  pairingState(token: string | undefined | null): { status: 'pending' | 'approved' | 'revoked' | 'expired'; code?: string; teamId?: number } | null;
  /** For a leader's approval: the pending device with this code, or a counted failure. */
  findPendingDevice(code: string, by: { login: string | null; address: string }): { ok: true; deviceId: number } | { ok: false; reason: 'bad_code' | 'locked'; lockedUntil?: string };
  /** The failures of one kind within the window, for a login and an address. */
  lockedUntil(kind: 'sign_in' | 'pairing', login: string | null, address: string): string | null;
}

export function createAuth(db: Db, now: () => Date = () => new Date()): Auth {
  const q = {
    accountCount: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM accounts'),
    accountByLogin: db.prepare<[string], AccountRow>(
      `SELECT a.id, a.person_id, a.login, a.password_hash, a.administrator, a.active, p.role, p.team_id, p.active AS person_active
       FROM accounts a JOIN people p ON p.id = a.person_id WHERE a.login = ?`,
    ),
    setupCode: db.prepare<[number], Pick<AccountsRow, 'setup_code_hash' | 'setup_expires_at'>>('SELECT setup_code_hash, setup_expires_at FROM accounts WHERE id = ?'),
    insertPerson: db.prepare('INSERT INTO people (name, initials, role, team_id) VALUES (?, ?, ?, NULL)'),
    insertAccount: db.prepare(
      `INSERT INTO accounts (person_id, login, password_hash, administrator, created_at, password_changed_at) VALUES (?, ?, ?, 1, ?, ?)`,
    ),
    setPassword: db.prepare('UPDATE accounts SET password_hash = ?, password_changed_at = ?, setup_code_hash = NULL, setup_expires_at = NULL WHERE id = ?'),
    insertSession: db.prepare(
      `INSERT INTO auth_sessions (token_hash, person_id, device_id, method, created_at, last_seen_at, remote_address, user_agent)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    session: db.prepare<[string], SessionRow>(
      `SELECT s.id, s.person_id, s.device_id, s.last_seen_at, s.ended_at,
              p.role, p.team_id, a.administrator, a.active AS account_active, p.active AS person_active,
              d.status AS device_status, d.team_id AS device_team_id, d.expires_at AS device_expires_at
       FROM auth_sessions s
       LEFT JOIN people p ON p.id = s.person_id
       LEFT JOIN accounts a ON a.person_id = s.person_id
       LEFT JOIN devices d ON d.id = s.device_id
       WHERE s.token_hash = ?`,
    ),
    touch: db.prepare('UPDATE auth_sessions SET last_seen_at = ? WHERE id = ?'),
    endOne: db.prepare("UPDATE auth_sessions SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL"),
    openSessions: db.prepare<{ personId: number | null; deviceId: number | null; sessionId: number | null; exceptSessionId: number | null }, Pick<AuthSessionsRow, 'id'>>(
      `SELECT id FROM auth_sessions WHERE ended_at IS NULL
         AND (@personId IS NULL OR person_id = @personId)
         AND (@deviceId IS NULL OR device_id = @deviceId)
         AND (@sessionId IS NULL OR id = @sessionId)
         AND (@exceptSessionId IS NULL OR id <> @exceptSessionId)`,
    ),
    failures: db.prepare<[AuthFailuresRow['kind'], string, string], Failures>('SELECT COUNT(*) AS n, MIN(at) AS first FROM auth_failures WHERE kind = ? AND login = ? AND at > ?'),
    addressFailures: db.prepare<[AuthFailuresRow['kind'], string, string], Failures>('SELECT COUNT(*) AS n, MIN(at) AS first FROM auth_failures WHERE kind = ? AND address = ? AND at > ?'),
    insertFailure: db.prepare('INSERT INTO auth_failures (kind, login, address, at) VALUES (?, ?, ?, ?)'),
    pruneFailures: db.prepare('DELETE FROM auth_failures WHERE at < ?'),
    insertDevice: db.prepare(
      `INSERT INTO devices (pairing_code_hash, status, requested_at, remote_address, user_agent) VALUES (?, 'pending', ?, ?, ?)`,
    ),
    pendingByCode: db.prepare<[string], Pick<DevicesRow, 'id' | 'requested_at'>>(`SELECT id, requested_at FROM devices WHERE pairing_code_hash = ? AND status = 'pending'`),
    // Only TVs still waiting count: one that gave up (its session ended) frees its place.
    pendingFromAddress: db.prepare<[string, string], { n: number }>(
      `SELECT COUNT(*) AS n FROM devices d WHERE d.status = 'pending' AND d.remote_address = ? AND d.requested_at > ?
         AND EXISTS (SELECT 1 FROM auth_sessions s WHERE s.device_id = d.id AND s.ended_at IS NULL)`,
    ),
    deviceCode: db.prepare<[number], Pick<DevicesRow, 'pairing_code_hash'>>('SELECT pairing_code_hash FROM devices WHERE id = ?'),
  };

  const listeners = new Set<(ids: number[]) => void>();
  const iso = () => now().toISOString();
  const minutesAgo = (minutes: number) => new Date(now().getTime() - minutes * 60_000).toISOString();

  function setting(key: string, fallback: number): number {
    const raw = workspaceSetting(db, key);
    const value = raw === undefined ? NaN : Number(raw);
    return Number.isFinite(value) && value > 0 ? value : fallback;
  }

  function lockedUntil(kind: 'sign_in' | 'pairing', login: string | null, address: string): string | null {
    const since = minutesAgo(LOCK_MINUTES);
    const checks: (Failures & { max: number })[] = [{ ...q.addressFailures.get(kind, address, since)!, max: MAX_FAILURES_PER_ADDRESS }];
    if (login !== null) checks.push({ ...q.failures.get(kind, normaliseLogin(login), since)!, max: MAX_FAILURES_PER_LOGIN });
    const hit = checks.find((c) => c.n >= c.max && c.first);
    return hit ? new Date(new Date(hit.first!).getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
  }

  function recordFailure(kind: 'sign_in' | 'pairing', login: string | null, source: Source, lockedAfter: string | null): void {
    db.transaction(() => {
      q.pruneFailures.run(minutesAgo(24 * 60));
      q.insertFailure.run(kind, login === null ? null : normaliseLogin(login), source.address, iso());
      appendEvent(db, {
        at: iso(), actorId: null, entity: 'auth', type: kind === 'sign_in' ? 'sign_in_failed' : 'pairing_failed',
        field: 'login', to: login, reason: `fra ${source.address}${lockedAfter ? `; spærret til ${lockedAfter}` : ''}`,
      });
    }).immediate();
  }

  function openSession(personId: number | null, deviceId: number | null, method: string, source: Source): string {
    const token = newToken();
    q.insertSession.run(sha256(token), personId, deviceId, method, iso(), iso(), source.address, source.userAgent);
    return token;
  }

  function personPrincipal(row: { person_id: number; role: Role; team_id: number | null; administrator: number | null }, sessionId: string | null): Principal {
    const roles: Role[] = [row.role];
    if (row.administrator === 1 && row.role !== 'administrator') roles.push('administrator');
    return { kind: 'person', personId: row.person_id, teamId: row.team_id, roles, sessionId };
  }

  function succeed(account: AccountRow, method: string, source: Source): SignInResult {
    const token = db.transaction(() => {
      const t = openSession(account.person_id, null, method, source);
      appendEvent(db, { at: iso(), actorId: account.person_id, entity: 'auth', type: 'signed_in', field: 'method', to: method, reason: `fra ${source.address}` });
      return t;
    }).immediate();
    return { ok: true, token, personId: account.person_id, principal: personPrincipal(account, null) };
  }

  function endSessions(where: { personId?: number; deviceId?: number; sessionId?: number; exceptSessionId?: number | null }, reason: SessionEndReason): number {
    const ids = q.openSessions.all({
      personId: where.personId ?? null, deviceId: where.deviceId ?? null, sessionId: where.sessionId ?? null, exceptSessionId: where.exceptSessionId ?? null,
    }).map((r) => r.id);
    if (!ids.length) return 0;
    const at = iso();
    for (const id of ids) q.endOne.run(at, reason, id);
    for (const listener of listeners) listener(ids);
    return ids.length;
  }

  function sessionRow(token: string | undefined | null): SessionRow | null {
    if (!token || token.length > 100) return null;
    return q.session.get(sha256(token)) ?? null;
  }

  const auth: Auth = {
    settings: () => ({ idleMinutes: setting('idle_timeout_minutes', DEFAULT_IDLE_MINUTES), deviceDays: setting('device_days', DEFAULT_DEVICE_DAYS) }),

    needsFirstAdministrator: () => q.accountCount.get()!.n === 0,

    createFirstAdministrator(input, source) {
      const problem = passwordProblem(input.password);
      if (problem) throw new Error(saying(problem).message);
      const hash = hashPassword(input.password);
      return db.transaction((): SignInResult => {
        if (q.accountCount.get()!.n > 0) return { ok: false, reason: 'bad_credentials' };
        const personId = Number(q.insertPerson.run(input.name, input.initials, 'administrator').lastInsertRowid);
        q.insertAccount.run(personId, normaliseLogin(input.login), hash, iso(), iso());
        appendEvent(db, { at: iso(), actorId: personId, entity: 'account', entityId: personId, type: 'first_administrator', field: 'login', to: input.login });
        const account = q.accountByLogin.get(normaliseLogin(input.login))!;
        return succeed(account, 'password', source);
      }).immediate();
    },

    async signIn(login, password, source) {
      const locked = lockedUntil('sign_in', login, source.address);
      if (locked) return { ok: false, reason: 'locked', lockedUntil: locked };
      const account = q.accountByLogin.get(normaliseLogin(login));
      const valid = await verifyPassword(password, account?.password_hash ?? null);
      if (!account || !valid || account.active !== 1 || account.person_active !== 1) {
        const after = lockedUntil('sign_in', login, source.address);
        recordFailure('sign_in', login.trim(), source, after);
        const nowLocked = lockedUntil('sign_in', login, source.address);
        return nowLocked ? { ok: false, reason: 'locked', lockedUntil: nowLocked } : { ok: false, reason: 'bad_credentials' };
      }
      return succeed(account, 'password', source);
    },

    signInVerified(login, method, source) {
      const account = q.accountByLogin.get(normaliseLogin(login));
      if (!account || account.active !== 1 || account.person_active !== 1) {
        recordFailure('sign_in', login.trim(), source, null);
        return { ok: false, reason: 'bad_credentials' };
      }
      return succeed(account, method, source);
    },

    // `activity: false` checks a session without counting as use of it (the host's stream sweep),
    // so an open tab does not keep a session alive past the idle timeout.
    principalOf(token, { activity = true } = {}) {
      const row = sessionRow(token);
      if (!row || row.ended_at) return null;
      const current = now().getTime();
      const sessionId = String(row.id);
      if (row.device_id !== null) {
        if (row.device_status !== 'approved' || row.device_team_id === null) return null;
        if (row.device_expires_at && new Date(row.device_expires_at).getTime() <= current) return null;
        if (activity && current - new Date(row.last_seen_at).getTime() > 60_000) q.touch.run(iso(), row.id);
        return { kind: 'device', deviceId: row.device_id, teamId: row.device_team_id, sessionId };
      }
      if (row.person_id === null || row.account_active !== 1 || row.person_active !== 1 || row.role === null) return null;
      const idleMs = auth.settings().idleMinutes * 60_000;
      if (current - new Date(row.last_seen_at).getTime() > idleMs) {
        endSessions({ sessionId: row.id }, 'idle');
        return null;
      }
      // One write a minute at most per session: a busy board must not write on every read.
      if (activity && current - new Date(row.last_seen_at).getTime() > 60_000) q.touch.run(iso(), row.id);
      return personPrincipal({ person_id: row.person_id, role: row.role, team_id: row.team_id, administrator: row.administrator }, sessionId);
    },

    signOut(token) {
      const row = sessionRow(token);
      if (!row || row.ended_at) return;
      // Signing out signs the person out everywhere (their other desks and browsers too); a device only itself.
      db.transaction(() => {
        if (row.person_id !== null) {
          endSessions({ personId: row.person_id }, 'signed_out');
          appendEvent(db, { at: iso(), actorId: row.person_id, entity: 'auth', type: 'signed_out' });
        } else endSessions({ sessionId: row.id }, 'signed_out');
      }).immediate();
    },

    async changePassword(token, current, next) {
      const principal = auth.principalOf(token);
      if (!principal || principal.kind !== 'person') return { ok: false, ...saying('auth.signInAgain') };
      const account = db
        .prepare<[number], Pick<AccountsRow, 'id' | 'login' | 'password_hash'>>('SELECT a.id, a.login, a.password_hash FROM accounts a WHERE a.person_id = ?')
        .get(principal.personId);
      if (!account || !(await verifyPassword(current, account.password_hash))) return { ok: false, ...saying('auth.wrongCurrentPassword') };
      const problem = passwordProblem(next);
      if (problem) return { ok: false, ...saying(problem) };
      const hash = hashPassword(next);
      db.transaction(() => {
        q.setPassword.run(hash, iso(), account.id);
        endSessions({ personId: principal.personId, exceptSessionId: Number(principal.sessionId) }, 'password_changed');
        appendEvent(db, { at: iso(), actorId: principal.personId, entity: 'account', entityId: account.id, type: 'password_changed' });
      }).immediate();
      return { ok: true };
    },

    async setUpAccount(login, code, password, source) {
      const locked = lockedUntil('sign_in', login, source.address);
      if (locked) return { ok: false, reason: 'locked', lockedUntil: locked };
      const account = q.accountByLogin.get(normaliseLogin(login));
      const stored = account ? q.setupCode.get(account.id)! : null;
      const fresh = stored?.setup_code_hash && stored.setup_expires_at && new Date(stored.setup_expires_at).getTime() > now().getTime();
      const matches = fresh && timingSafeEqual(Buffer.from(sha256(normaliseCode(code))), Buffer.from(stored!.setup_code_hash!));
      if (!account || !matches || account.active !== 1) {
        recordFailure('sign_in', login.trim(), source, null);
        return { ok: false, reason: 'bad_code', ...saying('auth.badSetUpCode') };
      }
      const problem = passwordProblem(password);
      if (problem) return { ok: false, reason: 'weak', ...saying(problem) };
      const hash = hashPassword(password);
      db.transaction(() => {
        q.setPassword.run(hash, iso(), account.id);
        endSessions({ personId: account.person_id }, 'password_changed');
        appendEvent(db, { at: iso(), actorId: account.person_id, entity: 'account', entityId: account.id, type: 'account_set_up' });
      }).immediate();
      return succeed(account, 'password', source);
    },

    endSessions,

    onSessionsEnded(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    startPairing(source) {
      // A flood of pairing requests from one address is refused like repeated wrong codes.
      const recent = q.pendingFromAddress.get(source.address, minutesAgo(LOCK_MINUTES))!.n;
      const locked = lockedUntil('pairing', null, source.address);
      if (locked || recent >= MAX_FAILURES_PER_LOGIN) {
        return { ok: false, reason: 'locked', lockedUntil: locked ?? new Date(now().getTime() + LOCK_MINUTES * 60_000).toISOString() };
      }
      const code = humanCode(8);
      return db.transaction(() => {
        const deviceId = Number(q.insertDevice.run(sha256(code), iso(), source.address, source.userAgent).lastInsertRowid);
        const token = openSession(null, deviceId, 'device', source);
        // The code is shown on the TV, so the device may read it back while it waits; it is kept only as a hash.
        pairingCodes.set(deviceId, code);
        return { ok: true as const, code, token, deviceId, expiresAt: new Date(now().getTime() + PAIRING_MINUTES * 60_000).toISOString() };
      }).immediate();
    },

    pairingState(token) {
      const row = sessionRow(token);
      if (!row || row.device_id === null) return null;
      if (row.device_status === 'approved') {
        if (row.ended_at || (row.device_expires_at && new Date(row.device_expires_at).getTime() <= now().getTime())) return { status: 'expired' };
        return { status: 'approved', teamId: row.device_team_id! };
      }
      if (row.device_status === 'revoked' || row.ended_at) return { status: 'revoked' };
      const requested = db.prepare<[number], Pick<DevicesRow, 'requested_at'>>('SELECT requested_at FROM devices WHERE id = ?').get(row.device_id)!;
      if (now().getTime() - new Date(requested.requested_at).getTime() > PAIRING_MINUTES * 60_000) return { status: 'expired' };
      const code = pairingCodes.get(row.device_id);
      return { status: 'pending', ...(code ? { code } : {}) };
    },

    findPendingDevice(code, by) {
      const locked = lockedUntil('pairing', by.login, by.address);
      if (locked) return { ok: false, reason: 'locked', lockedUntil: locked };
      const row = q.pendingByCode.get(sha256(normaliseCode(code)));
      if (!row || now().getTime() - new Date(row.requested_at).getTime() > PAIRING_MINUTES * 60_000) {
        recordFailure('pairing', by.login, { address: by.address, userAgent: null }, null);
        const nowLocked = lockedUntil('pairing', by.login, by.address);
        return nowLocked ? { ok: false, reason: 'locked', lockedUntil: nowLocked } : { ok: false, reason: 'bad_code' };
      }
      pairingCodes.delete(row.id);
      return { ok: true, deviceId: row.id };
    },

    lockedUntil,
  };
  // Codes of devices waiting on this host; a restart makes the TV ask for a new one.
  const pairingCodes = new Map<number, string>();
  return auth;
}

/** A one-time set-up code for a new or reset account: shown once, kept as a hash, valid a week. */
export function newSetupCode(now: Date): { code: string; hash: string; expiresAt: string } {
  const code = humanCode(10);
  return { code, hash: sha256(code), expiresAt: new Date(now.getTime() + SETUP_CODE_DAYS * 86_400_000).toISOString() };
}
