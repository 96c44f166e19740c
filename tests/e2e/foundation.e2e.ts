import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/chromium';
import { startServer, tempDir, type RunningServer } from '../support/server';

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

async function call(method: string, body: unknown, actor?: number) {
  return page.evaluate(
    async ([m, b, a]) => {
      const res = await fetch(`/api/${m}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(a ? { 'X-Flowtavle-Actor': String(a) } : {}) },
        body: typeof b === 'string' ? b : JSON.stringify(b),
      });
      return { status: res.status, body: await res.json() };
    },
    [method, body, actor] as const,
  );
}

describe('first start on a fresh data folder', () => {
  it('creates the demo department and says so when serving', () => {
    expect(server.output()).toMatch(/Ny database oprettet: .*\(demoafdeling\)/);
  });

  it('asks who is using it, then shows that person\'s team board', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Hvem bruger Flowtavle?' }).waitFor();
    const people = await call('listPeople', {});
    const caseworker = people.body.value.find((p: { role: string; teamId: number }) => p.role === 'caseworker' && p.teamId === 4);
    await page.getByRole('button', { name: new RegExp(caseworker.name) }).click();

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

  it('switches team and remembers the user and team on this device', async () => {
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
    const bad = await call('moveCard', { caseId: 'x', toColumnId: 201, reason: 5 }, 1);
    expect(bad.status).toBe(400);
    expect(bad.body.ok).toBe(false);
    expect(bad.body.error.code).toBe('invalid_input');
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['caseId', 'reason']);
    const notJson = await call('moveCard', '{"caseId": 1,', 1);
    expect(notJson).toMatchObject({ status: 400, body: { ok: false, error: { code: 'invalid_input', message: 'Forespørgslen er ikke gyldig JSON.' } } });
    const noActor = await call('moveCard', { caseId: before.cards[0].id, toColumnId: before.columns[1].id });
    expect(noActor).toMatchObject({ status: 403, body: { error: { code: 'actor_required' } } });
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
