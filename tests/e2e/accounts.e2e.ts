// Konti end to end in Chromium through the HTTP host: a leader gives a new caseworker of the team
// an account and sees the one-time code once; the caseworker chooses a password with it on the
// sign-in screen; an administrator ends the caseworker's session (401 at once), resets the
// password (a new code, the old password refused) and disables the account. A caseworker is not
// offered the page and the host refuses its method.
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore, openStore } from '../../db/connection';
import { launchBrowser } from '../support/chromium';
import { demoStoreCopy, startServer, type RunningServer } from '../support/server';
import { signIn, signInPage } from '../support/session';

const SHOTS = process.env.FLOWTAVLE_SCREENSHOTS ?? '/tmp/flowtavle-shots';
/** Team Botilbud's leader in the demo. */
const LEADER = 'rik';
const NEWCOMER = 'Nanna Winther';
const NEW_LOGIN = 'nanna.winther';
const NEW_PASSWORD = 'en god lang sætning';

let server: RunningServer;
let newcomerId: number;
let adminLogin: string;
let caseworkerLogin: string;
const browsers: BrowserContext[] = [];
let leaderPage: Page;
let newcomerPage: Page;
let adminPage: Page;
let firstCode: string;

async function newPage(viewport = { width: 1600, height: 1000 }): Promise<Page> {
  const browser = await launchBrowser(viewport);
  browsers.push(browser);
  return browser.pages()[0] ?? (await browser.newPage());
}

/** A call with the page's own HttpOnly session cookie, as the app makes it. */
function callFromPage(page: Page, method: string, input: unknown = {}) {
  return page.evaluate(
    async ([m, body]) => {
      const res = await fetch(`./api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, code: ((await res.json()) as { error?: { code: string } }).error?.code ?? null };
    },
    [method, input] as const,
  );
}

const row = (page: Page, personId: number) => page.locator(`.accounts-table tr[data-person="${personId}"]`);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // A caseworker who has just joined Team Botilbud, as the case-system import adds people: no account yet.
  const dbPath = demoStoreCopy();
  const db = openStore(dbPath);
  const teamId = (db.prepare("SELECT id FROM teams WHERE name = 'Team Botilbud'").get() as { id: number }).id;
  newcomerId = Number(db.prepare("INSERT INTO people (name, initials, role, team_id) VALUES (?, 'NWI', 'caseworker', ?)").run(NEWCOMER, teamId).lastInsertRowid);
  adminLogin = (db.prepare("SELECT a.login FROM accounts a JOIN people p ON p.id = a.person_id WHERE p.role = 'department_head' AND a.administrator = 1").get() as { login: string }).login;
  caseworkerLogin = (db.prepare("SELECT a.login FROM accounts a JOIN people p ON p.id = a.person_id WHERE p.role = 'caseworker' AND p.team_id = ? ORDER BY p.id").get(teamId) as { login: string }).login;
  closeStore(db);
  server = await startServer({ dbPath });
});

afterAll(async () => {
  for (const b of browsers) await b.close();
  await server?.stop();
});

describe('a leader gives a new colleague an account', () => {
  it('creates the account from the Konti page and shows the one-time code once, with a copy button', async () => {
    leaderPage = await newPage();
    await signInPage(leaderPage, server, LEADER);
    await leaderPage.getByRole('link', { name: 'Konti', exact: true }).click();
    await leaderPage.getByRole('heading', { name: 'Konti', level: 1 }).waitFor();
    await expect(row(leaderPage, newcomerId).locator('.accounts-status').textContent()).resolves.toBe('Ingen konto');
    // The leader's own team only, and none of the administrator's tools.
    await expect(leaderPage.getByRole('heading', { name: 'Team Botilbud', level: 2 }).count()).resolves.toBe(1);
    await expect(leaderPage.getByRole('heading', { name: 'Log ind-sessioner' }).count()).resolves.toBe(0);
    await expect(leaderPage.getByRole('button', { name: /^Nulstil adgangskode/ }).count()).resolves.toBe(0);

    await leaderPage.getByRole('button', { name: `Opret konto til ${NEWCOMER}` }).click();
    const login = leaderPage.getByLabel(`Brugernavn til ${NEWCOMER}`);
    await expect(login.inputValue()).resolves.toBe('nwi');
    // A login someone has: the Danish message stands beside the field, nothing is made.
    await login.fill(LEADER.toUpperCase());
    await leaderPage.getByRole('button', { name: 'Opret og vis engangskode' }).click();
    await leaderPage.getByText('Brugernavnet "RIK" er allerede i brug. Vælg et andet.').waitFor();
    await expect(row(leaderPage, newcomerId).locator('.accounts-status').textContent()).resolves.toBe('Ingen konto');

    await login.fill(NEW_LOGIN);
    await leaderPage.getByRole('button', { name: 'Opret og vis engangskode' }).click();
    const panel = leaderPage.getByRole('region', { name: `Kontoen til ${NEWCOMER} er oprettet` });
    await panel.waitFor();
    firstCode = (await panel.getByLabel('Engangskode').textContent())!;
    expect(firstCode).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    const size = await panel.getByLabel('Engangskode').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(32);
    await expect(panel.textContent()).resolves.toContain(`Skriv brugernavnet ${NEW_LOGIN}, engangskoden og en ny adgangskode på mindst 10 tegn.`);
    await expect(panel.textContent()).resolves.toContain('»Har du en engangskode?«');

    await leaderPage.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
    await panel.getByRole('button', { name: 'Kopiér koden' }).click();
    await panel.getByRole('button', { name: 'Kopieret' }).waitFor();
    await expect(leaderPage.evaluate(() => navigator.clipboard.readText())).resolves.toBe(firstCode);
    await expect(row(leaderPage, newcomerId).locator('.accounts-status').textContent()).resolves.toBe('Venter på adgangskode');
    await expect(row(leaderPage, newcomerId).locator('.accounts-login').textContent()).resolves.toBe(NEW_LOGIN);
    await leaderPage.screenshot({ path: `${SHOTS}/accounts-code.png` });

    // Shown once: dismissed, it is gone from the page.
    await panel.getByRole('button', { name: 'Jeg har givet koden videre' }).click();
    await expect(leaderPage.getByText(firstCode).count()).resolves.toBe(0);
  });

  it('the colleague chooses a password with the code on the sign-in screen and sees their team', async () => {
    newcomerPage = await newPage({ width: 1440, height: 900 });
    await newcomerPage.goto(server.url);
    await newcomerPage.getByRole('button', { name: 'Har du en engangskode?' }).click();
    await newcomerPage.getByLabel('Brugernavn').fill(NEW_LOGIN);
    await newcomerPage.getByLabel('Engangskode').fill(firstCode.replace('-', '').toLowerCase());
    await newcomerPage.getByLabel('Ny adgangskode').fill(NEW_PASSWORD);
    await newcomerPage.getByLabel('Gentag adgangskoden').fill(NEW_PASSWORD);
    await newcomerPage.getByRole('button', { name: 'Gem adgangskode og log ind' }).click();
    await newcomerPage.locator('.app-header').waitFor();
    await expect(newcomerPage.locator('.app-header').textContent()).resolves.toContain(NEWCOMER);
    // A caseworker is not offered Konti, and the host refuses its method.
    await expect(newcomerPage.getByRole('link', { name: 'Konti', exact: true }).count()).resolves.toBe(0);
    await expect(callFromPage(newcomerPage, 'listAccounts', {})).resolves.toEqual({ status: 403, code: 'forbidden' });

    await leaderPage.reload();
    await expect(row(leaderPage, newcomerId).locator('.accounts-status').textContent()).resolves.toBe('Aktiv');
    await leaderPage.screenshot({ path: `${SHOTS}/accounts-leader.png` });
  });
});

describe('an administrator looks after accounts and sessions', () => {
  it('ends the colleague’s session: their next call answers 401', async () => {
    adminPage = await newPage();
    await signInPage(adminPage, server, adminLogin, undefined, '#/accounts');
    await adminPage.getByRole('heading', { name: 'Log ind-sessioner' }).waitFor();
    const sessions = adminPage.locator('[data-session]');
    await sessions.first().waitFor();
    await expect(adminPage.locator('[data-session]', { hasText: 'Denne session' }).count()).resolves.toBe(1);
    const who = `${NEWCOMER} (${NEW_LOGIN})`;
    await adminPage.getByRole('button', { name: `Afslut sessionen for ${who}` }).click();
    await adminPage.locator('.accounts-confirm.inline').getByRole('button', { name: 'Afslut' }).click();
    await adminPage.getByRole('status').filter({ hasText: `Sessionen for ${who} er afsluttet.` }).waitFor();
    await expect(callFromPage(newcomerPage, 'getWorkspace')).resolves.toEqual({ status: 401, code: 'unauthenticated' });
    await adminPage.getByRole('button', { name: `Afslut sessionen for ${who}` }).waitFor({ state: 'detached', timeout: 5_000 });
    await newcomerPage.reload();
    await newcomerPage.getByRole('button', { name: 'Log ind', exact: true }).waitFor();
    await adminPage.getByRole('heading', { name: 'Log ind-sessioner' }).scrollIntoViewIfNeeded();
    await adminPage.screenshot({ path: `${SHOTS}/accounts-sessions.png` });
    // The whole department is long: the administrator finds the person by name.
    await adminPage.getByLabel('Find').fill('nanna');
    await expect(adminPage.locator('.accounts-table tr[data-person]').count()).resolves.toBe(1);
    await adminPage.evaluate(() => window.scrollTo(0, 0));
    await adminPage.screenshot({ path: `${SHOTS}/accounts-admin.png` });
  });

  it('resets the password: a new code, and the old password is refused', async () => {
    await adminPage.getByRole('button', { name: `Nulstil adgangskode for ${NEWCOMER}` }).click();
    await adminPage.getByText(`Nulstil ${NEWCOMER}s adgangskode? Personen logges ud alle steder`).waitFor();
    await adminPage.getByRole('button', { name: 'Ja, nulstil' }).click();
    const panel = adminPage.getByRole('region', { name: `Adgangskoden til ${NEWCOMER} er nulstillet` });
    await panel.waitFor();
    const code = (await panel.getByLabel('Engangskode').textContent())!;
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    expect(code).not.toBe(firstCode);
    const refused = await fetch(`${server.url}auth/sign-in`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login: NEW_LOGIN, password: NEW_PASSWORD }),
    });
    expect(refused.status).toBe(401);
    await panel.getByRole('button', { name: 'Jeg har givet koden videre' }).click();
    await expect.poll(() => row(adminPage, newcomerId).locator('.accounts-status').textContent(), { timeout: 10_000 }).toBe('Venter på adgangskode');
  });

  it('disables the account and enables it again', async () => {
    await adminPage.getByRole('button', { name: `Spær kontoen for ${NEWCOMER}` }).click();
    await adminPage.getByRole('button', { name: 'Ja, spær' }).click();
    await adminPage.getByRole('status').filter({ hasText: `${NEWCOMER}s konto er spærret.` }).waitFor();
    // The list reloads after the message: wait for the row to follow.
    await expect.poll(() => row(adminPage, newcomerId).locator('.accounts-status').textContent(), { timeout: 10_000 }).toBe('Spærret');
    await adminPage.getByRole('button', { name: `Åbn kontoen for ${NEWCOMER} igen` }).click();
    await adminPage.getByRole('status').filter({ hasText: `${NEWCOMER}s konto er åbnet igen.` }).waitFor();
    await expect.poll(() => row(adminPage, newcomerId).locator('.accounts-status').textContent(), { timeout: 10_000 }).toBe('Venter på adgangskode');
    // An administrator does not reset or disable their own account from here.
    const self = adminPage.locator('.accounts-table tr', { hasText: '(dig)' });
    await expect(self.getByRole('button').count()).resolves.toBe(0);
  });

  it('a caseworker of the team is refused the account methods by the host', async () => {
    const caseworker = await signIn(server, caseworkerLogin);
    for (const [method, input] of [
      ['listAccounts', { teamId: 1 }],
      ['createAccount', { personId: newcomerId, login: 'snyd' }],
      ['resetPassword', { login: NEW_LOGIN }],
      ['setAccountActive', { personId: newcomerId, active: false }],
      ['listSessions', {}],
    ] as const) {
      const r = await caseworker.raw(method, input);
      expect(r.status, method).toBe(403);
    }
  });
});
