// Account administration and sign-in sessions in the store. Who may call what is declared in
// shared/api/methods/accounts.ts and enforced by the dispatcher; the rules here depend on the
// records as well as the caller (a leader cannot lock out an administrator, the last
// administrator stays, nobody ends their own session from the list). Set-up codes are shown once
// and kept only as a hash; ending or disabling goes through auth.endSessions, which closes the
// change streams of those sessions at once.
import type { CallContext } from '../../shared/api/define';
import { ADMINISTRATORS } from '../../shared/api/define';
import type { Handlers } from '../../shared/api/dispatch';
import { ApiFailure, fieldError } from '../../shared/api/envelope';
import type { AccountSummary, accountsMethods, SetupCodeIssued, SignInSession } from '../../shared/api/methods/accounts';
import { newSetupCode, type Auth } from '../auth';
import { appendEvent } from '../events';
import { actsAs } from './access';
import type { ServiceContext } from './context';
import { statements } from '../statements';
import type { Db } from '../connection';
import type { AccountsRow, AuthSessionsRow, DevicesRow, OrNull, PeopleRow } from '../schema';

// A person with their account, if they have one (the LEFT JOIN side).
type AccountRow = Pick<PeopleRow, 'name' | 'initials' | 'role' | 'team_id'>
  & { person_id: PeopleRow['id']; person_active: PeopleRow['active'] }
  & OrNull<Pick<AccountsRow, 'login' | 'active' | 'administrator' | 'setup_code_hash' | 'setup_expires_at'>>
  & { account_id: AccountsRow['id'] | null; has_password: 0 | 1; last_sign_in_at: AuthSessionsRow['created_at'] | null };

const ACCOUNT_SELECT = `
  SELECT p.id AS person_id, p.name, p.initials, p.role, p.team_id, p.active AS person_active,
         a.id AS account_id, a.login, a.active, a.administrator, a.password_hash IS NOT NULL AS has_password,
         a.setup_code_hash, a.setup_expires_at,
         (SELECT MAX(s.created_at) FROM auth_sessions s WHERE s.person_id = p.id) AS last_sign_in_at
  FROM people p LEFT JOIN accounts a ON a.person_id = p.id
  LEFT JOIN teams t ON t.id = p.team_id`;

const ROLE_ORDER = `CASE p.role WHEN 'department_head' THEN 0 WHEN 'administrator' THEN 1 WHEN 'secretariat' THEN 2 WHEN 'leader' THEN 3 ELSE 4 END`;

// An open session with its person's account or its wall screen (each a LEFT JOIN side).
type SessionRow = Pick<AuthSessionsRow, 'id' | 'person_id' | 'device_id' | 'method' | 'created_at' | 'last_seen_at' | 'remote_address' | 'user_agent'>
  & OrNull<Pick<PeopleRow, 'name'>> & OrNull<Pick<AccountsRow, 'login'>>
  & { person_team_id: PeopleRow['team_id']; account_active: AccountsRow['active'] | null; person_active: PeopleRow['active'] | null }
  & { device_label: DevicesRow['label']; device_team_id: DevicesRow['team_id']; device_status: DevicesRow['status'] | null; device_expires_at: DevicesRow['expires_at'] };

const SESSION_SELECT = `
  SELECT s.id, s.person_id, s.device_id, s.method, s.created_at, s.last_seen_at, s.remote_address, s.user_agent,
         p.name, a.login, p.team_id AS person_team_id, a.active AS account_active, p.active AS person_active,
         d.label AS device_label, d.team_id AS device_team_id, d.status AS device_status, d.expires_at AS device_expires_at
  FROM auth_sessions s
  LEFT JOIN people p ON p.id = s.person_id
  LEFT JOIN accounts a ON a.person_id = s.person_id
  LEFT JOIN devices d ON d.id = s.device_id
  WHERE s.ended_at IS NULL`;

function toAccount(r: AccountRow): AccountSummary {
  return {
    personId: r.person_id,
    name: r.name,
    initials: r.initials,
    login: r.login,
    role: r.role,
    teamId: r.team_id,
    active: r.account_id !== null && r.active === 1 && r.person_active === 1,
    administrator: r.administrator === 1 || r.role === 'administrator',
    hasPassword: r.has_password === 1,
    setupExpiresAt: r.setup_code_hash ? r.setup_expires_at : null,
    lastSignInAt: r.last_sign_in_at,
  };
}

/** Groups a set-up code for reading aloud and typing (the sign-in screen ignores the hyphen). */
export function groupCode(code: string): string {
  return code.length > 5 ? `${code.slice(0, 5)}-${code.slice(5)}` : code;
}

function callerPersonId(call: CallContext): number | null {
  return call.principal?.kind === 'person' ? call.principal.personId : null;
}

const queries = (db: Db) => ({
  list: db.prepare<{ teamId: number | null }, AccountRow>(
    `${ACCOUNT_SELECT}
     WHERE (@teamId IS NULL OR p.team_id = @teamId) AND (p.active = 1 OR a.id IS NOT NULL)
     ORDER BY t.sort_order IS NULL, t.sort_order, ${ROLE_ORDER}, p.name`,
  ),
  byPerson: db.prepare<[number], AccountRow>(`${ACCOUNT_SELECT} WHERE p.id = ?`),
  byLogin: db.prepare<[string], AccountRow>(`${ACCOUNT_SELECT} WHERE a.login = ?`),
  loginTaken: db.prepare<[string], Pick<AccountsRow, 'person_id'>>('SELECT person_id FROM accounts WHERE login = ?'),
  insert: db.prepare(
    `INSERT INTO accounts (person_id, login, password_hash, administrator, active, setup_code_hash, setup_expires_at, created_at, created_by)
     VALUES (?, ?, NULL, 0, 1, ?, ?, ?, ?)`,
  ),
  reset: db.prepare('UPDATE accounts SET password_hash = NULL, setup_code_hash = ?, setup_expires_at = ? WHERE id = ?'),
  clearLoginFailures: db.prepare(`DELETE FROM auth_failures WHERE kind = 'sign_in' AND login = ?`),
  setActive: db.prepare('UPDATE accounts SET active = ? WHERE id = ?'),
  activeAdministrators: db.prepare<[], { n: number }>(
    `SELECT COUNT(*) AS n FROM accounts a JOIN people p ON p.id = a.person_id
     WHERE a.active = 1 AND p.active = 1 AND (a.administrator = 1 OR p.role = 'administrator')`,
  ),
  sessions: db.prepare<{ personId: number | null }, SessionRow>(`${SESSION_SELECT} AND (@personId IS NULL OR s.person_id = @personId) ORDER BY s.last_seen_at DESC, s.id DESC`),
  session: db.prepare<[number], SessionRow>(`${SESSION_SELECT} AND s.id = ?`),
});

export function accountsHandlers(ctx: ServiceContext, auth: Auth): Pick<Handlers, keyof typeof accountsMethods> {
  const { db } = ctx;
  const q = statements(db, queries);
  const iso = () => ctx.now().toISOString();

  function account(personId: number): AccountRow {
    const row = q.byPerson.get(personId);
    if (!row) throw ApiFailure.of('not_found', 'records.personNotFound');
    return row;
  }

  function withAccount(personId: number): AccountRow & { account_id: number; login: string } {
    const row = account(personId);
    const { account_id, login } = row;
    if (account_id === null || login === null) throw ApiFailure.of('not_found', 'accounts.noAccount', { name: row.name });
    return { ...row, account_id, login };
  }

  /** A session counts as open exactly when auth.principalOf would still accept its token. */
  function isOpen(r: SessionRow, idleMs: number, nowMs: number): boolean {
    if (r.device_id !== null) {
      return r.device_status === 'approved' && r.device_team_id !== null && (!r.device_expires_at || new Date(r.device_expires_at).getTime() > nowMs);
    }
    return r.account_active === 1 && r.person_active === 1 && nowMs - new Date(r.last_seen_at).getTime() <= idleMs;
  }

  function toSession(r: SessionRow, call: CallContext): SignInSession {
    const own = call.principal?.kind === 'person' || call.principal?.kind === 'device' ? call.principal.sessionId : null;
    return {
      id: r.id,
      kind: r.device_id !== null ? 'device' : 'person',
      personId: r.person_id,
      name: r.name,
      login: r.login,
      deviceId: r.device_id,
      deviceLabel: r.device_label,
      teamId: r.device_id !== null ? r.device_team_id : r.person_team_id,
      method: r.method,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      remoteAddress: r.remote_address,
      userAgent: r.user_agent,
      current: own !== null && own === String(r.id),
    };
  }

  function issueCode(): { code: string; hash: string; expiresAt: string } {
    return newSetupCode(ctx.now());
  }

  return {
    listAccounts({ teamId }) {
      return q.list.all({ teamId: teamId ?? null }).map(toAccount);
    },

    createAccount({ personId, login }, call): SetupCodeIssued {
      const person = account(personId);
      if (person.person_active !== 1) throw ApiFailure.of('conflict', 'accounts.inactive', { name: person.name });
      if (person.account_id !== null) {
        throw ApiFailure.of('conflict', 'accounts.hasAccount', { name: person.name, login: person.login ?? '' });
      }
      const taken = q.loginTaken.get(login);
      if (taken) {
        throw ApiFailure.of('conflict', 'accounts.loginTaken', { login }, { fields: [fieldError('login', 'accounts.loginTaken', { login })] });
      }
      const code = issueCode();
      const accountId = Number(q.insert.run(personId, login, code.hash, code.expiresAt, iso(), call.actorId).lastInsertRowid);
      appendEvent(db, { at: iso(), actorId: call.actorId, entity: 'account', entityId: accountId, type: 'account_created', field: 'login', to: login, reason: person.name });
      return { account: toAccount(account(personId)), setupCode: groupCode(code.code), setupExpiresAt: code.expiresAt };
    },

    resetPassword({ login, personId }, call) {
      const row = login !== undefined ? q.byLogin.get(login) : account(personId!);
      if (!row || row.account_id === null) {
        throw login !== undefined ? ApiFailure.of('not_found', 'accounts.noSuchLogin', { login }) : row ? ApiFailure.of('not_found', 'accounts.noAccount', { name: row.name }) : ApiFailure.of('not_found', 'accounts.personNoAccount');
      }
      if (row.person_id === callerPersonId(call)) {
        throw ApiFailure.of('forbidden', 'accounts.ownReset');
      }
      const code = issueCode();
      q.reset.run(code.hash, code.expiresAt, row.account_id);
      // The reset is the remedy for a person who locked themselves out: their login's failures go, the address's stay.
      q.clearLoginFailures.run(row.login!.toLowerCase());
      appendEvent(db, { at: iso(), actorId: call.actorId, entity: 'account', entityId: row.account_id, type: 'password_reset', field: 'login', to: row.login, reason: row.name });
      const sessionsEnded = auth.endSessions({ personId: row.person_id }, 'ended_by_admin');
      return { account: toAccount(account(row.person_id)), setupCode: groupCode(code.code), setupExpiresAt: code.expiresAt, sessionsEnded };
    },

    renewSetupCode({ personId }, call) {
      const row = withAccount(personId);
      if (row.has_password === 1) {
        throw ApiFailure.of('conflict', 'accounts.passwordChosen', { name: row.name });
      }
      if (row.active !== 1) throw ApiFailure.of('conflict', 'accounts.locked', { name: row.name });
      const code = issueCode();
      q.reset.run(code.hash, code.expiresAt, row.account_id);
      appendEvent(db, { at: iso(), actorId: call.actorId, entity: 'account', entityId: row.account_id, type: 'setup_code_renewed', field: 'login', to: row.login, reason: row.name });
      return { account: toAccount(account(personId)), setupCode: groupCode(code.code), setupExpiresAt: code.expiresAt };
    },

    setAccountActive({ personId, active }, call) {
      const row = withAccount(personId);
      const wasActive = row.active === 1;
      if (wasActive === active) return { ...toAccount(row), sessionsEnded: 0 };
      const isAdministrator = row.administrator === 1 || row.role === 'administrator';
      if (!active && isAdministrator) {
        if (!actsAs(call, ADMINISTRATORS)) throw ApiFailure.of('forbidden', 'accounts.lockAdminOnly', { name: row.name });
        if (q.activeAdministrators.get()!.n <= 1) {
          throw ApiFailure.of('conflict', 'accounts.lastAdmin', { name: row.name });
        }
      }
      q.setActive.run(active ? 1 : 0, row.account_id);
      appendEvent(db, {
        at: iso(), actorId: call.actorId, entity: 'account', entityId: row.account_id, type: active ? 'account_enabled' : 'account_disabled',
        field: 'active', from: wasActive ? 1 : 0, to: active ? 1 : 0, reason: row.name,
      });
      const sessionsEnded = active ? 0 : auth.endSessions({ personId }, 'account_disabled');
      return { ...toAccount(account(personId)), sessionsEnded };
    },

    listSessions({ personId }, call) {
      const idleMs = auth.settings().idleMinutes * 60_000;
      const nowMs = ctx.now().getTime();
      return q.sessions.all({ personId: personId ?? null }).filter((r) => isOpen(r, idleMs, nowMs)).map((r) => toSession(r, call));
    },

    endSession({ sessionId }, call) {
      const row = q.session.get(sessionId);
      if (!row || !isOpen(row, auth.settings().idleMinutes * 60_000, ctx.now().getTime())) {
        throw ApiFailure.of('not_found', 'accounts.sessionNotFound');
      }
      if (toSession(row, call).current) throw ApiFailure.of('conflict', 'accounts.ownSession');
      appendEvent(db, {
        at: iso(), actorId: call.actorId, entity: 'auth', entityId: sessionId, type: 'session_ended', field: 'session', to: sessionId,
        reason: row.device_id !== null ? `vægskærm ${row.device_label ?? row.device_id}` : (row.login ?? row.name),
      });
      auth.endSessions({ sessionId }, 'ended_by_admin');
      return { sessionId, ended: true as const };
    },
  };
}
