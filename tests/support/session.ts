// Signing in as a user would, for the end-to-end tests: through POST /auth/sign-in and the
// session cookie the host sets, or through the sign-in screen itself. No test reaches around it.
import type { Page } from 'playwright-core';
import type { AuthPerson, AuthStatus } from '../../shared/api/auth';
import type { RunningServer } from './server';

export const DEMO_PASSWORD = 'demo';

export interface ApiSession {
  /** The session cookie, as the host set it (`flowtavle_session=…`). */
  cookie: string;
  /** Calls a contract method as this person; throws with the Danish message on an error envelope. */
  call<T>(method: string, input?: unknown): Promise<T>;
  /** The raw response, for tests of status codes and error envelopes. */
  raw(method: string, input?: unknown): Promise<{ status: number; body: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }>;
  signOut(): Promise<void>;
  /** Who the host says is signed in on this session (GET /auth/status). */
  person(): Promise<AuthPerson>;
}

export async function signIn(server: Pick<RunningServer, 'url'>, login: string, password = DEMO_PASSWORD): Promise<ApiSession> {
  const res = await fetch(`${server.url}auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (res.status !== 204) throw new Error(`sign-in as ${login} failed with ${res.status}: ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const raw: ApiSession['raw'] = async (method, input = {}) => {
    const r = await fetch(`${server.url}api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: JSON.stringify(input),
    });
    return { status: r.status, body: (await r.json()) as Awaited<ReturnType<ApiSession['raw']>>['body'] };
  };
  return {
    cookie,
    raw,
    async call<T>(method: string, input: unknown = {}) {
      const { body } = await raw(method, input);
      if (!body.ok) throw new Error(`${method}: ${body.error?.code} ${body.error?.message}`);
      return body.value as T;
    },
    async signOut() {
      await fetch(`${server.url}auth/sign-out`, { method: 'POST', headers: { Cookie: cookie } });
    },
    async person() {
      const status = await authStatus(server, cookie);
      if (!status.person) throw new Error(`the session of ${login} is not signed in`);
      return status.person;
    },
  };
}

/** Opens the app and signs in on its sign-in screen; resolves when the app shell is showing. */
export async function signInPage(page: Page, server: Pick<RunningServer, 'url'>, login: string, password = DEMO_PASSWORD, hash = ''): Promise<void> {
  await page.goto(`${server.url}${hash}`);
  await page.getByLabel('Brugernavn').fill(login);
  await page.getByLabel('Adgangskode', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await page.locator('.app-header').waitFor();
}

/** The demo login of the first person of a role (and team) — logins are the initials in lower case. */
export async function demoLogin(admin: ApiSession, role: string, teamId?: number): Promise<{ login: string; personId: number; name: string; teamId: number | null }> {
  const people = await admin.call<{ id: number; name: string; initials: string; role: string; teamId: number | null }[]>('listPeople', teamId ? { teamId } : {});
  const person = people.find((p) => p.role === role && (teamId === undefined || p.teamId === teamId));
  if (!person) throw new Error(`no ${role} in the demo${teamId ? ` team ${teamId}` : ''}`);
  return { login: person.initials.toLowerCase(), personId: person.id, name: person.name, teamId: person.teamId };
}

/** GET /auth/status, with a session cookie or without one. */
export async function authStatus(server: Pick<RunningServer, 'url'>, cookie?: string): Promise<AuthStatus> {
  const res = await fetch(`${server.url}auth/status`, { headers: cookie ? { Cookie: cookie } : {} });
  const body = (await res.json()) as { ok: boolean; value: AuthStatus };
  return body.value;
}

export type DemoAccount = NonNullable<AuthStatus['demoAccounts']>[number];

/**
 * A demo account of a role (and team), as the sign-in screen of a demo store lists them — what a
 * new user reads before signing in. Skips logins that are not plain ASCII (typed differently on a keyboard).
 */
export async function demoAccount(server: Pick<RunningServer, 'url'>, role: string, teamName?: string, index = 0): Promise<DemoAccount> {
  const accounts = (await authStatus(server)).demoAccounts ?? [];
  const found = accounts.filter((a) => a.role === role && (teamName === undefined || a.teamName === teamName) && /^[a-z0-9._-]+$/.test(a.login));
  const account = found[index];
  if (!account) throw new Error(`no ${role} among the demo accounts${teamName ? ` of ${teamName}` : ''}`);
  return account;
}

/** Signs in as the department head (visitationschef), who reads every team and is an administrator in the demo. */
export async function signInDepartmentHead(server: Pick<RunningServer, 'url'>): Promise<ApiSession> {
  return signIn(server, (await demoAccount(server, 'department_head')).login);
}

/** Signs out with the header's button; resolves when the sign-in screen is back. */
export async function signOutPage(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Log ud', exact: true }).click();
  await page.getByLabel('Brugernavn').waitFor();
}
