// Data protection end to end in Chromium through the HTTP host, everyone signed in like a user:
// a caseworker opens a case and `cli access-log --citizen REF --json` lists that lookup seconds
// later (who, which screen); the department head reads it on the Indsigt page in Danish, names only
// when ticked; an administrator finds a CPR number planted in the store file (the API would refuse
// it), redacts it with a reason in a confirm dialog, and the scan then finds nothing.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/chromium';
import { demoStoreCopy, runCli, startServer, type RunningServer } from '../support/server';
import { demoAccount, signIn, signInPage, signOutPage } from '../support/session';

const SHOTS = process.env.FLOWTAVLE_SCREENSHOTS ?? '/tmp/flowtavle-shots';
const TEAM = 'Team Botilbud';
const PLANTED = 'Borgeren oplyste sit cpr-nummer 010190-1234 i telefonen';

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
let plantedCaseId: number;
let caseworker: { login: string; personId: number; name: string };
let opened: { caseNumber: string; citizenRef: string };

const today = () => {
  const d = new Date();
  return `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
};

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const dbPath = demoStoreCopy();
  // A store from before the CPR guard: the number is written straight into the file.
  const file = new Database(dbPath);
  plantedCaseId = (file.prepare("SELECT c.id FROM cases c JOIN teams t ON t.id = c.team_id WHERE t.name = 'Team Bostøtte' ORDER BY c.id LIMIT 1").get() as { id: number }).id;
  file.prepare('UPDATE cases SET notes = ? WHERE id = ?').run(PLANTED, plantedCaseId);
  file.close();
  server = await startServer({ dbPath });
  const account = await demoAccount(server, 'caseworker', TEAM);
  const session = await signIn(server, account.login);
  const person = await session.person();
  await session.signOut();
  caseworker = { login: account.login, personId: person.id, name: person.name };
  browser = await launchBrowser({ width: 1920, height: 1080 });
  page = browser.pages()[0] ?? (await browser.newPage());
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the lookup log and the data-protection pages', () => {
  it('logs a case a caseworker opens in the browser, and access-log lists it seconds later', async () => {
    await signInPage(page, server, caseworker.login);
    const card = page.locator('.card').first();
    await card.waitFor();
    const caseNumber = (await card.getAttribute('data-case-number'))!;
    await card.click();
    await page.locator('.card-detail').getByRole('heading', { name: `Sag ${caseNumber}` }).waitFor();
    const file = new Database(server.dbPath, { readonly: true });
    const citizenRef = (file.prepare('SELECT z.ref FROM cases c JOIN citizens z ON z.id = c.citizen_id WHERE c.case_number = ?').get(caseNumber) as { ref: string }).ref;
    file.close();
    opened = { caseNumber, citizenRef };
    const openedAt = Date.now();

    // The host writes its queued lookups within a fifth of a second; the CLI reads the file itself.
    let entries: { at: string; purpose: string; personId: number | null; role: string | null; teamName: string | null; personName?: string }[] = [];
    for (let i = 0; i < 20; i++) {
      const { code, stdout, stderr } = await runCli(['access-log', '--db', server.dbPath, '--citizen', citizenRef, '--json']);
      expect(code, stderr).toBe(0);
      const extract = JSON.parse(stdout) as { citizenRef: string; entries: typeof entries; withEmployees: boolean };
      expect(extract).toMatchObject({ citizenRef, withEmployees: false });
      entries = extract.entries.filter((e) => e.purpose === 'Sagsdetalje' && e.personId === caseworker.personId);
      if (entries.length) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(entries.length).toBeGreaterThanOrEqual(1);
    const latest = entries.at(-1)!;
    expect(latest).toMatchObject({ purpose: 'Sagsdetalje', personId: caseworker.personId, role: 'caseworker', teamName: TEAM });
    expect(latest).not.toHaveProperty('personName');
    expect(Math.abs(Date.parse(latest.at) - openedAt)).toBeLessThan(30_000);
    await signOutPage(page);
  }, 120_000);

  it('shows the department head the extract on Indsigt in Danish, employee names only when ticked', async () => {
    const head = await demoAccount(server, 'department_head');
    await signInPage(page, server, head.login, 'demo', '#/indsigt');
    await page.getByRole('heading', { name: 'Indsigt: hvem har set en borgers oplysninger' }).waitFor();
    await page.getByLabel('Borgerens reference').fill(opened.citizenRef);
    await page.getByRole('button', { name: 'Vis opslag' }).click();
    const table = page.locator('.privacy-table');
    await page.getByRole('heading', { name: `Opslag i oplysninger om borger ${opened.citizenRef}` }).waitFor();
    const row = table.locator('tbody tr', { hasText: 'Sagsdetalje' }).first();
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[0]).toBe(today());
    expect(cells[0]).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    expect(cells.slice(2)).toEqual(['Sagsdetalje', 'Rådgiver', TEAM]);
    expect(await table.innerText()).not.toContain(caseworker.name);
    expect(await page.locator('.privacy-meta').first().innerText()).toMatch(/Opslag gemmes i 6 måneder/);
    await page.screenshot({ path: `${SHOTS}/privacy-insight.png` });

    await page.getByLabel('Vis medarbejdernavne').check();
    await page.getByRole('button', { name: 'Vis opslag' }).click();
    await table.getByRole('columnheader', { name: 'Medarbejder' }).waitFor();
    expect(await table.locator('tbody tr', { hasText: 'Sagsdetalje' }).last().innerText()).toContain(caseworker.name);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${SHOTS}/privacy-insight-print.png` });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await signOutPage(page);
  }, 120_000);

  it('lets an administrator find the planted CPR number masked, redact it with a reason, and the scan then finds nothing', async () => {
    const head = await demoAccount(server, 'department_head');
    await signInPage(page, server, head.login, 'demo', '#/databeskyttelse');
    await page.getByRole('heading', { name: 'Databeskyttelse', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Søg i databasen' }).click();
    await page.getByText('1 sted med CPR-lignende tekst').waitFor();
    const finding = page.locator('.privacy-table tbody tr');
    expect(await finding.count()).toBe(1);
    expect(await finding.locator('td').allInnerTexts()).toEqual(['Sager', 'notes', String(plantedCaseId), '010190-XXXX', 'Fjern …']);
    expect(await page.locator('.privacy-view').innerText()).not.toContain('1234');
    await page.screenshot({ path: `${SHOTS}/privacy-protection.png` });

    await finding.getByRole('button', { name: /Fjern/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Fjern CPR-nummeret' });
    await dialog.waitFor();
    await dialog.getByLabel('Begrundelse').fill('CPR-nummer skrevet i noten ved en fejl');
    await page.screenshot({ path: `${SHOTS}/privacy-redact-dialog.png` });
    await dialog.getByRole('button', { name: 'Fjern', exact: true }).click();
    await page.getByText('Fjernet fra feltet og fra 0 hændelser.').waitFor();
    await page.getByText('Ingen CPR-lignende tekst fundet.').waitFor();

    const { code, stdout } = await runCli(['privacy', 'scan', '--db', server.dbPath, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ findings: [] });
    const file = new Database(server.dbPath, { readonly: true });
    expect(file.prepare('SELECT notes FROM cases WHERE id = ?').get(plantedCaseId)).toEqual({ notes: 'Borgeren oplyste sit cpr-nummer [fjernet] i telefonen' });
    expect(file.prepare("SELECT entity, entity_id, field, reason FROM events WHERE type = 'redacted'").all()).toEqual([
      { entity: 'cases', entity_id: plantedCaseId, field: 'notes', reason: 'CPR-nummer skrevet i noten ved en fejl' },
    ]);
    file.close();
    await signOutPage(page);
  }, 120_000);

  it('does not offer the pages to a caseworker, and the host refuses their methods', async () => {
    const session = await signIn(server, caseworker.login);
    expect((await session.raw('getAccessLog', { citizenRef: opened.citizenRef })).status).toBe(403);
    expect((await session.raw('scanPrivacy', {})).status).toBe(403);
    await signInPage(page, server, caseworker.login);
    const nav = await page.locator('.main-nav').innerText();
    expect(nav).not.toContain('Indsigt');
    expect(nav).not.toContain('Databeskyttelse');
  }, 60_000);
});
