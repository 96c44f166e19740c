// Sign-in, sign-out, first administrator, account set-up, password change and wall pairing, for
// every host: the HTTP host maps the token to an HttpOnly cookie, Electron main keeps it per window.
// The renderer never sees a token either way.
import { z } from 'zod';
import type { AuthStatus } from '../../shared/api/auth';
import type { Principal } from '../../shared/api/define';
import { passwordProblem, type AuthRefusal, type SignInResult, type Source } from '../../db/auth';
import { fieldErrors, invalidInput } from '../../shared/api/dispatch';
import { saying } from '../../shared/api/envelope';
import type { MessageKey, MessageParams } from '../../shared/messages';
import type { AccountsRow, OrNull, PeopleRow, TeamsRow } from '../../db/schema';
import { workspaceSetting } from '../../db/settings';
import type { Service } from '../../db/service';

export const AUTH_ACTIONS = ['status', 'sign-in', 'sign-out', 'first-administrator', 'set-up', 'password', 'pair'] as const;
export type AuthAction = (typeof AUTH_ACTIONS)[number];

export interface AuthReply {
  status: number;
  body: unknown;
  /** A new session token to hand to the caller (as a cookie), or null to clear it; undefined leaves it. */
  token?: string | null;
}

const signInInput = z.object({ login: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) }).strict();
const firstAdminInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    initials: z.string().trim().min(1).max(6),
    login: z.string().trim().min(2).max(100).regex(/^[\p{L}\p{N}._@-]+$/u, saying('auth.loginCharacters').message),
    password: z.string().max(200),
  })
  .strict();
const setUpInput = z.object({ login: z.string().trim().min(1).max(100), code: z.string().trim().min(4).max(40), password: z.string().max(200) }).strict();
const passwordInput = z.object({ current: z.string().min(1).max(200), next: z.string().max(200) }).strict();

function error(status: number, code: string, said: AuthRefusal & { params?: MessageParams }, extra: Record<string, unknown> = {}): AuthReply {
  return { status, body: { ok: false, error: { code, ...said, ...extra } } };
}

const say = (key: MessageKey, params?: MessageParams) => saying(key, params);

function clock(iso: string): string {
  return new Intl.DateTimeFormat('da-DK', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Copenhagen' }).format(new Date(iso));
}

export function lockedReply(lockedUntil: string | undefined): AuthReply {
  const until = lockedUntil ?? new Date(Date.now() + 15 * 60_000).toISOString();
  return error(429, 'locked', say('auth.locked', { time: clock(until) }), { lockedUntil: until });
}

function signedIn(result: SignInResult): AuthReply {
  if (result.ok) return { status: 204, body: null, token: result.token };
  if (result.reason === 'locked') return lockedReply(result.lockedUntil);
  return error(401, 'unauthenticated', say('auth.badCredentials'));
}

function invalid(said: AuthRefusal & { params?: MessageParams }): AuthReply {
  return error(400, 'invalid_input', said);
}

export function authStatus(service: Service, principal: Principal | null, oidcLabel: string | null): Omit<AuthStatus, 'pairing'> {
  const { db } = service;
  const isDemo = workspaceSetting(db, 'is_demo') === '1';
  let person: AuthStatus['person'] = null;
  let device: AuthStatus['device'] = null;
  if (principal?.kind === 'person') {
    const row = db
      .prepare<[number], Pick<PeopleRow, 'id' | 'name' | 'initials' | 'role' | 'team_id'> & OrNull<Pick<AccountsRow, 'login'>>>(
        'SELECT p.id, p.name, p.initials, p.role, p.team_id, a.login FROM people p LEFT JOIN accounts a ON a.person_id = p.id WHERE p.id = ?',
      )
      .get(principal.personId)!;
    person = { id: row.id, name: row.name, initials: row.initials, role: row.role, roles: principal.roles, teamId: row.team_id, login: row.login };
  } else if (principal?.kind === 'device') {
    const team = db.prepare<[number], Pick<TeamsRow, 'name'>>('SELECT name FROM teams WHERE id = ?').get(principal.teamId)!;
    device = { teamId: principal.teamId, teamName: team.name };
  }
  const demoAccounts = isDemo
    ? db
        .prepare<[], Pick<AccountsRow, 'login'> & Pick<PeopleRow, 'name' | 'role'> & { team_name: TeamsRow['name'] | null }>(
          `SELECT a.login, p.name, p.role, t.name AS team_name FROM accounts a JOIN people p ON p.id = a.person_id
           LEFT JOIN teams t ON t.id = p.team_id WHERE a.active = 1 AND p.active = 1
           ORDER BY t.sort_order IS NOT NULL, t.sort_order, CASE p.role WHEN 'department_head' THEN 0 WHEN 'leader' THEN 1 ELSE 2 END, p.name`,
        )
        .all()
        .map((r) => ({ login: r.login, name: r.name, role: r.role, teamName: r.team_name }))
    : null;
  return {
    signedIn: principal !== null,
    person,
    device,
    needsFirstAdministrator: service.auth.needsFirstAdministrator(),
    departmentName: workspaceSetting(db, 'department_name') ?? 'Flowtavle',
    isDemo,
    demoAccounts,
    oidc: oidcLabel ? { label: oidcLabel } : null,
  };
}

/** One auth action; `token` is the caller's current session token, if any. */
export async function runAuthAction(
  service: Service,
  action: AuthAction,
  body: unknown,
  source: Source,
  token: string | null,
  options: { oidcLabel?: string | null } = {},
): Promise<AuthReply> {
  const { auth } = service;
  switch (action) {
    case 'status': {
      const principal = auth.principalOf(token);
      const pairing = principal ? null : auth.pairingState(token);
      return { status: 200, body: { ok: true, value: { ...authStatus(service, principal, options.oidcLabel ?? null), pairing } } };
    }
    case 'sign-in': {
      const parsed = signInInput.safeParse(body);
      if (!parsed.success) return invalid(say('auth.signInMissing'));
      return signedIn(await auth.signIn(parsed.data.login, parsed.data.password, source));
    }
    case 'sign-out': {
      if (token) auth.signOut(token);
      return { status: 204, body: null, token: null };
    }
    case 'first-administrator': {
      const parsed = firstAdminInput.safeParse(body);
      if (!parsed.success) return { status: 400, body: { ok: false, error: invalidInput(fieldErrors(parsed.error, body)) } };
      const problem = passwordProblem(parsed.data.password);
      if (problem) return invalid(say(problem));
      if (!auth.needsFirstAdministrator()) return error(409, 'conflict', say('auth.adminExists'));
      return signedIn(auth.createFirstAdministrator(parsed.data, source));
    }
    case 'set-up': {
      const parsed = setUpInput.safeParse(body);
      if (!parsed.success) return invalid(say('auth.setUpMissing'));
      const result = await auth.setUpAccount(parsed.data.login, parsed.data.code, parsed.data.password, source);
      if (!result.ok && (result.reason === 'bad_code' || result.reason === 'weak')) return invalid({ message: result.message, ...(result.key ? { key: result.key } : {}) });
      return signedIn(result as SignInResult);
    }
    case 'password': {
      const parsed = passwordInput.safeParse(body);
      if (!parsed.success || !token) return invalid(say('auth.passwordMissing'));
      const result = await auth.changePassword(token, parsed.data.current, parsed.data.next);
      return result.ok ? { status: 204, body: null } : invalid({ message: result.message, ...(result.key ? { key: result.key } : {}) });
    }
    case 'pair': {
      // A TV that already waits keeps its code; a new one gets a pending device and a cookie.
      const state = auth.pairingState(token);
      if (state && (state.status === 'pending' || state.status === 'approved')) {
        return { status: 200, body: { ok: true, value: state } };
      }
      const started = auth.startPairing(source);
      if (!started.ok) return lockedReply(started.lockedUntil);
      return { status: 200, body: { ok: true, value: { status: 'pending', code: started.code, expiresAt: started.expiresAt } }, token: started.token };
    }
  }
}
