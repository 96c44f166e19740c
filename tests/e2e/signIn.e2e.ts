// Who is who, tried as a user would in Chromium against `serve` on a copy of the demo store: the
// Danish sign-in screen with the demo hint, a wrong password, the lock-out that neither a fresh
// cookie nor a restart of the host resets, a caseworker's own board without the leaders' menu
// item, the host refusing what the role does not allow (and a spoofed actor header changing
// nothing), no API without a session, and sign-out ending the session and its change stream.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Board, CaseDetailWithProgression } from '../../shared/api/methods/board';
import type { BudgetOverview } from '../../shared/api/methods/economy';
import { launchBrowser } from '../support/chromium';
import { REPO, startServer, type RunningServer } from '../support/server';
import { demoAccount, signIn, signInPage, signOutPage, type ApiSession, type DemoAccount } from '../support/session';

const TEAM = 'Team BPA';
/** Screenshots for people to look at (not compared by the test). */
const SHOTS = join(REPO, 'test-results', 'screenshots');

let server: RunningServer;
let caseworker: DemoAccount;
let leader: DemoAccount;

beforeAll(async () => {
  server = await startServer();
  caseworker = await demoAccount(server, 'caseworker', TEAM);
  leader = await demoAccount(server, 'leader', TEAM);
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await server?.stop();
});

async function withBrowser<T>(work: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await launchBrowser();
  try {
    return await work(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

async function tryPassword(page: Page, login: string, password: string): Promise<string> {
  await page.getByLabel('Brugernavn').fill(login);
  await page.getByLabel('Adgangskode', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect.poll(async () => ((await alert.textContent()) ?? '').trim(), { timeout: 10_000 }).not.toBe('');
  return ((await alert.textContent()) ?? '').trim();
}

describe('the sign-in screen', () => {
  it('opens in Danish with the demo hint; English on request', async () => {
    await withBrowser(async (page) => {
      await page.goto(server.url);
      await page.getByRole('heading', { name: 'Log ind', level: 1 }).waitFor();
      expect(await page.getByLabel('Brugernavn').isVisible()).toBe(true);
      expect(await page.getByLabel('Adgangskode', { exact: true }).getAttribute('type')).toBe('password');
      // Only a demo store says the password out loud, and lists who can sign in.
      await page.getByRole('heading', { name: 'Demoafdeling: alle har adgangskoden demo' }).waitFor();
      const demo = page.getByRole('region', { name: TEAM });
      await demo.getByRole('button', { name: new RegExp(caseworker.name) }).waitFor();
      // The app itself is not there before sign-in.
      expect(await page.locator('.app-header').count()).toBe(0);
      await page.screenshot({ path: join(SHOTS, 'sign-in-da.png') });

      // Choosing a demo person fills in the login and the password.
      await demo.getByRole('button', { name: new RegExp(caseworker.name) }).click();
      expect(await page.getByLabel('Brugernavn').inputValue()).toBe(caseworker.login);
      expect(await page.getByLabel('Adgangskode', { exact: true }).inputValue()).toBe('demo');

      await page.evaluate(() => localStorage.setItem('flowtavle.locale', 'en'));
      await page.reload();
      await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Demo department: everyone has the password demo' }).waitFor();
      await page.screenshot({ path: join(SHOTS, 'sign-in-en.png') });
    });
  });

  it('says so in Danish when the password is wrong, and lets nobody in', async () => {
    await withBrowser(async (page, context) => {
      await page.goto(server.url);
      expect(await tryPassword(page, caseworker.login, 'forkert')).toBe('Forkert brugernavn eller adgangskode.');
      expect(await page.locator('.app-header').count()).toBe(0);
      expect((await context.cookies()).filter((c) => c.name === 'flowtavle_session')).toEqual([]);
    });
  });
});

describe('lock-out', () => {
  it('locks a login after 5 wrong passwords; a fresh cookie and a restart of the host do not reset it', async () => {
    const victim = await demoAccount(server, 'caseworker', TEAM, 2);
    await withBrowser(async (page) => {
      await page.goto(server.url);
      for (let i = 1; i <= 4; i++) expect(await tryPassword(page, victim.login, `gæt ${i}`)).toBe('Forkert brugernavn eller adgangskode.');
      expect(await tryPassword(page, victim.login, 'gæt 5')).toMatch(/^For mange mislykkede forsøg\. Prøv igen efter kl\. \d{2}[.:]\d{2}\.$/);
    });
    // Another browser, no cookie at all, and the right password: still locked.
    await withBrowser(async (page) => {
      await page.goto(server.url);
      expect(await tryPassword(page, victim.login, 'demo')).toMatch(/^For mange mislykkede forsøg/);
      expect(await page.locator('.app-header').count()).toBe(0);
    });
    // The host restarts on the same store: the failures are rows in it.
    const dbPath = server.dbPath;
    await server.stop();
    server = await startServer({ dbPath });
    const afterRestart = await fetch(`${server.url}auth/sign-in`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login: victim.login, password: 'demo' }),
    });
    expect(afterRestart.status).toBe(429);
    expect(await afterRestart.json()).toMatchObject({ ok: false, error: { code: 'locked', message: expect.stringMatching(/^For mange mislykkede forsøg/) } });
    await withBrowser(async (page) => {
      await page.goto(server.url);
      expect(await tryPassword(page, victim.login, 'demo')).toMatch(/^For mange mislykkede forsøg/);
    });
    // Other people still sign in.
    expect((await (await signIn(server, caseworker.login)).person()).name).toBe(caseworker.name);
  }, 240_000); // three browsers and a restart of the host
});

describe('a caseworker', () => {
  it('sees their own team\'s board, and the leaders\' budget screen is not offered', async () => {
    await withBrowser(async (page) => {
      await signInPage(page, server, caseworker.login);
      await page.locator('.card').first().waitFor();
      const team = page.getByRole('combobox', { name: 'Team' });
      expect(await team.locator('option:checked').textContent()).toBe(TEAM);
      expect(await team.isDisabled()).toBe(true);
      expect(await page.locator('.actor-name').textContent()).toBe(caseworker.name);
      const menu = await page.getByRole('navigation').getByRole('link').allTextContents();
      expect(menu).toContain('Tavle');
      expect(menu).not.toContain('Budgetter og takster');
    });
    // The team's leader is offered it.
    await withBrowser(async (page) => {
      await signInPage(page, server, leader.login);
      await page.getByRole('navigation').getByRole('link', { name: 'Budgetter og takster' }).waitFor();
    });
  });

  it('is refused setBudget with 403 forbidden, and the budget is unchanged', async () => {
    const session = await signIn(server, caseworker.login);
    const me = await session.person();
    const year = Number((await session.call<{ today: string }>('getWorkspace')).today.slice(0, 4));
    const before = await session.call<BudgetOverview>('getBudget', { teamId: me.teamId, year });
    const refused = await session.raw('setBudget', { teamId: me.teamId, year, amount: 1 });
    expect(refused).toEqual({ status: 403, body: { ok: false, error: { code: 'forbidden', message: 'Du har ikke adgang til dette.', key: 'general.forbidden' } } });
    expect(await session.call<BudgetOverview>('getBudget', { teamId: me.teamId, year })).toEqual(before);
  });

  it('cannot borrow a leader\'s identity with the old actor header: the session decides who acts', async () => {
    const session = await signIn(server, caseworker.login);
    const me = await session.person();
    const boss = await (await signIn(server, leader.login)).person();
    // The header the hosts used to trust; sent here only to show it is ignored.
    const spoofed = { [['X', 'Flowtavle', 'Actor'].join('-')]: String(boss.id) };
    const post = async (method: string, input: unknown) => {
      const res = await fetch(`${server.url}api/${method}`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: session.cookie, ...spoofed }, body: JSON.stringify(input),
      });
      return { status: res.status, body: (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } } };
    };

    const board = await session.call<Board>('getBoard', { teamId: me.teamId });
    const queues = board.columns.filter((c) => c.kind === 'queue');
    const from = queues.find((q) => board.cards.some((c) => c.columnId === q.id))!;
    const to = queues.find((q) => q.id !== from.id)!;
    const card = board.cards.find((c) => c.columnId === from.id)!;

    // A leader-only call stays refused, and changes nothing.
    const refused = await post('updateColumn', { columnId: to.id, wipLimit: 1 });
    expect(refused).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden' } } });
    expect((await session.call<Board>('getBoard', { teamId: me.teamId })).columns.find((c) => c.id === to.id)).toEqual(to);

    // A move the caseworker may make is recorded in the caseworker's name, not the header's.
    expect(await post('moveCard', { caseId: card.id, toColumnId: to.id })).toMatchObject({ status: 200, body: { ok: true } });
    const detail = await session.call<CaseDetailWithProgression>('getCase', { caseId: card.id });
    expect(detail.events[0]).toMatchObject({ type: 'moved', toValue: String(to.id), actorId: me.id });
    expect(detail.events[0]!.actorId).not.toBe(boss.id);
  });
});

describe('without a session', () => {
  it('answers /api/* with 401 unauthenticated', async () => {
    for (const method of ['getWorkspace', 'listPeople', 'getBoard', 'setBudget']) {
      const res = await fetch(`${server.url}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    }
    const stream = await fetch(`${server.url}api/changes`);
    expect(stream.status).toBe(401);
    const forged = await fetch(`${server.url}api/getWorkspace`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: 'flowtavle_session=gaettet-token' }, body: '{}',
    });
    expect(forged.status).toBe(401);
  });
});

describe('signing out', () => {
  it('returns to the sign-in screen, ends the session and closes its change stream at once', async () => {
    await withBrowser(async (page, context) => {
      await signInPage(page, server, caseworker.login);
      const cookie = (await context.cookies()).find((c) => c.name === 'flowtavle_session')!;
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
      const header = `${cookie.name}=${cookie.value}`;

      // The session's change stream, as the app keeps one open.
      const stream = await fetch(`${server.url}api/changes`, { headers: { Cookie: header } });
      expect(stream.status).toBe(200);
      const reader = stream.body!.getReader();
      await reader.read();
      const ended = (async () => {
        for (;;) if ((await reader.read()).done) return Date.now();
      })().catch(() => Date.now());

      const clicked = Date.now();
      await signOutPage(page);
      expect(await page.getByRole('heading', { name: 'Log ind', level: 1 }).isVisible()).toBe(true);
      expect(await Promise.race([ended, new Promise<number>((done) => setTimeout(() => done(-1), 3_000))])).not.toBe(-1);
      expect((await ended) - clicked).toBeLessThan(3_000);

      const after = await fetch(`${server.url}api/getWorkspace`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: header }, body: '{}' });
      expect(after.status).toBe(401);
      await page.reload();
      await page.getByRole('heading', { name: 'Log ind', level: 1 }).waitFor();
    });
  });

  it('signing out ends the person\'s other sessions too (the issue: sign-out ends the person\'s other sessions), not a colleague\'s', async () => {
    const one: ApiSession = await signIn(server, leader.login);
    const two: ApiSession = await signIn(server, leader.login);
    const colleague: ApiSession = await signIn(server, caseworker.login);
    await one.signOut();
    expect((await one.raw('getWorkspace')).status).toBe(401);
    expect((await two.raw('getWorkspace')).status).toBe(401);
    expect((await colleague.raw('getWorkspace')).status).toBe(200);
  });
});
