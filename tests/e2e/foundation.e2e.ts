import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/chromium';
import { startServer, tempDir, type RunningServer } from '../support/server';
import { demoAccount, signInPage, signOutPage } from '../support/session';

let server: RunningServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  // A fresh data folder: serve creates the store with the demo department itself.
  server = await startServer({ dbPath: join(tempDir(), 'Flowtavle', 'flowtavle.db') });
  browser = await launchBrowser();
  page = browser.pages()[0] ?? (await browser.newPage());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A call from the page, with the session cookie the browser holds for whoever signed in there. */
async function call(method: string, body: unknown) {
  return page.evaluate(
    async ([m, b]) => {
      const res = await fetch(`/api/${m}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: typeof b === 'string' ? b : JSON.stringify(b),
      });
      return { status: res.status, body: await res.json() };
    },
    [method, body] as const,
  );
}

describe('first start on a fresh data folder', () => {
  it('creates the demo department and says so when serving', () => {
    expect(server.output()).toMatch(/Ny database oprettet: .*\(demoafdeling\)/);
  });

  it('opens at the sign-in screen; a caseworker who signs in sees their own team\'s board', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Log ind' }).waitFor();
    const caseworker = await demoAccount(server, 'caseworker', 'Team Nyansøgning');
    await signInPage(page, server, caseworker.login);
    const people = await call('listPeople', { teamId: 4 });
    expect(people.body.value.some((p: { name: string }) => p.name === caseworker.name)).toBe(true);

    await page.waitForSelector('.column');
    const team = await page.getByLabel('Team', { exact: true }).inputValue();
    expect(Number(team)).toBe(4);
    const headings = await page.locator('.column h2').allTextContents();
    expect(headings).toEqual(['Indkommet', 'Klar til sagsbehandling', 'Udredning', 'Afventer oplysninger', 'Afgørelse', 'Afsluttet']);
    // Counts and WIP limits come from the store.
    const board = (await call('getBoard', { teamId: 4 })).body.value;
    const inquiry = board.columns.find((c: { name: string }) => c.name === 'Udredning');
    const inquiryCount = board.cards.filter((c: { columnId: number }) => c.columnId === inquiry.id).length;
    const wipText = await page.locator('[data-column="Udredning"] .column-count').textContent();
    expect(wipText?.replace(/\s/g, '')).toBe(`${inquiryCount}/${inquiry.wipLimit}`);
    // A card shows case number, citizen initials, paragraph and caseworker initials.
    const first = board.cards.find((c: { columnId: number; assigneeId: number | null }) => c.columnId === inquiry.id && c.assigneeId);
    const card = page.locator(`[data-case-number="${first.caseNumber}"]`);
    await card.waitFor();
    const text = await card.textContent();
    expect(text).toContain(first.citizenInitials);
    expect(text).toContain(`§ ${first.paragraph.replace(/^(\d+)([a-z])$/, '$1 $2')}`);
    const assignee = people.body.value.find((p: { id: number }) => p.id === first.assigneeId);
    expect(text).toContain(assignee.initials);
    await expect(page.locator('.demo-badge').textContent()).resolves.toBe('Demo');
  });

  it('keeps a caseworker in their own team; the department head switches team, and both the session and the team survive a reload', async () => {
    // A caseworker reads their own team only: the team picker offers nothing else.
    expect(await page.getByLabel('Team', { exact: true }).isDisabled()).toBe(true);
    expect(await page.getByLabel('Team', { exact: true }).locator('option').allTextContents()).toEqual(['Team Nyansøgning']);
    await signOutPage(page);
    await signInPage(page, server, (await demoAccount(server, 'department_head')).login);
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Team BPA' });
    await page.waitForFunction(() => document.querySelectorAll('.card').length > 0 && document.querySelector('.column-scroll'));
    const bpa = (await call('getBoard', { teamId: 2 })).body.value;
    const first = bpa.cards[0];
    await page.locator(`[data-case-number="${first.caseNumber}"]`).waitFor();
    await page.reload();
    await page.waitForSelector('.column');
    await expect(page.getByLabel('Team', { exact: true }).inputValue()).resolves.toBe('2');
    await expect(page.locator('.actor-name').isVisible()).resolves.toBe(true);
  });

  it('speaks English when asked', async () => {
    await page.getByLabel('Sprog').selectOption('en');
    await page.getByRole('link', { name: 'Board' }).waitFor();
    await page.getByLabel('Language').selectOption('da');
    await page.getByRole('link', { name: 'Tavle' }).waitFor();
  });
});

describe('the HTTP API', () => {
  it('refuses a malformed call with a field-level error and changes nothing', async () => {
    const before = (await call('getBoard', { teamId: 2 })).body.value;
    const bad = await call('moveCard', { caseId: 'x', toColumnId: 201, reason: 5 });
    expect(bad.status).toBe(400);
    expect(bad.body.ok).toBe(false);
    expect(bad.body.error.code).toBe('invalid_input');
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['caseId', 'reason']);
    const notJson = await call('moveCard', '{"caseId": 1,');
    expect(notJson).toMatchObject({ status: 400, body: { ok: false, error: { code: 'invalid_input', message: 'Forespørgslen er ikke gyldig JSON.' } } });
    // Without a session cookie the host does not run the call at all.
    const anonymous = await fetch(`${server.url}api/moveCard`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ caseId: before.cards[0].id, toColumnId: before.columns[1].id }),
    });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const after = (await call('getBoard', { teamId: 2 })).body.value;
    expect(after).toEqual(before);
  });

  it('serves only on 127.0.0.1 with a strict content security policy', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    const res = await page.request.get(server.url);
    expect(res.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
  });
});
