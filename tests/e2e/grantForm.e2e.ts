// The grant form explains itself: in an American Chromium, signed in like a user, each reason a
// grant is refused for shows at its field in Danish (and in English after switching), a takst far
// above the catalogue asks for confirmation, and no browser bubble ever appears.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/chromium';
import { startServer, type RunningServer } from '../support/server';
import { demoAccount, signInPage } from '../support/session';

const TEAM_ID = 3; // Team Bostøtte: § 85 hour grants
const SHOTS = '/tmp/flowtavle-shots';

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
let caseId: number;
let catalogue: { service: string; provider: string; takst: number };

beforeAll(async () => {
  server = await startServer();
  const db = new Database(server.dbPath, { readonly: true });
  try {
    caseId = (db.prepare(
      `SELECT c.id FROM cases c JOIN board_columns b ON b.id = c.column_id WHERE c.team_id = ? AND b.kind = 'active' ORDER BY b.position, c.sort_key LIMIT 1`,
    ).get(TEAM_ID) as { id: number }).id;
    catalogue = db.prepare(
      `SELECT s.name AS service, v.name AS provider, pr.takst FROM takst_prices pr JOIN takst_services s ON s.id = pr.service_id
       JOIN takst_providers v ON v.id = pr.provider_id WHERE s.unit = 'hour' AND pr.takst > 0 ORDER BY pr.valid_from DESC LIMIT 1`,
    ).get() as typeof catalogue;
  } finally {
    db.close();
  }
  browser = await launchBrowser({ width: 1440, height: 1000 }, 'en-US');
  page = await browser.newPage();
  const leader = (await demoAccount(server, 'leader', 'Team Bostøtte')).login;
  await signInPage(page, server, leader, undefined, '#/board');
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openNewGrant() {
  await page.goto(`${server.url}#/board`);
  await page.reload();
  await page.locator(`[data-case-id="${caseId}"]`).first().click();
  const section = page.locator('.grants-section');
  await section.getByRole('button', { name: 'Ny bevilling' }).first().click();
  const form = section.locator('form.grant-form');
  await form.waitFor();
  return form;
}

const errorOf = async (form: ReturnType<Page['locator']>, label: string | RegExp) => {
  const input = form.getByLabel(label, { exact: typeof label === 'string' });
  expect(await input.getAttribute('aria-invalid')).toBe('true');
  const id = await input.getAttribute('aria-describedby');
  return (await form.locator(`[id="${id}"]`).textContent()) ?? '';
};

describe('the grant form', () => {
  it('shows each reason at its field after pressing Gem bevilling, never a browser bubble', async () => {
    const form = await openNewGrant();
    expect(await form.getAttribute('novalidate')).not.toBeNull();
    expect(await form.locator('[required], [min], [max], [pattern]').count()).toBe(0);
    await form.getByLabel('Ydelse', { exact: true }).fill('Socialpædagogisk støtte');
    await form.getByLabel('Leverandør', { exact: true }).fill('Bostøtten');
    await form.getByLabel(/^Takst \(/).fill('-100');
    await form.getByLabel(/^Timer pr\. uge/).fill('1000');
    await form.getByLabel(/^Startdato/).fill('01.12.2026');
    await form.getByLabel(/^Slutdato/).fill('01.11.2026');
    const save = form.getByRole('button', { name: 'Gem bevilling' });
    expect(await save.isEnabled()).toBe(true);
    await save.click();
    expect(await errorOf(form, /^Takst \(/)).toBe('Taksten kan ikke være negativ.');
    expect(await errorOf(form, /^Timer pr\. uge/)).toBe('En uge har kun 168 timer. Angiv højst 168 timer om ugen.');
    expect(await errorOf(form, /^Slutdato/)).toBe('Slutdatoen ligger før startdatoen 01.12.2026.');
    await form.screenshot({ path: `${SHOTS}/i17-forms-errors-da.png` });

    await page.getByRole('combobox', { name: /Sprog|Language/ }).selectOption('en');
    await expect.poll(() => form.getByLabel(/^Hours per week/).getAttribute('aria-describedby')).not.toBeNull();
    expect(await errorOf(form, /^Hours per week/)).toBe('A week has only 168 hours. Enter at most 168 hours per week.');
    await form.screenshot({ path: `${SHOTS}/i17-forms-errors-en.png` });
    await page.getByRole('combobox', { name: /Sprog|Language/ }).selectOption('da');
  });

  it('takes 2.150,00 and asks before saving a takst ten times the catalogue', async () => {
    const form = await openNewGrant();
    await form.getByLabel('Ydelse', { exact: true }).fill(catalogue.service);
    await form.getByLabel('Leverandør', { exact: true }).fill(catalogue.provider);
    await form.getByLabel(/^Takst \(/).fill(new Intl.NumberFormat('da-DK', { minimumFractionDigits: 2 }).format(catalogue.takst * 10));
    await form.getByLabel(/^Timer pr\. uge/).fill('7,5');
    await form.getByRole('button', { name: 'Gem bevilling' }).click();
    expect(await errorOf(form, /^Takst \(/)).toContain('Bekræft, at den er rigtig');
    await form.screenshot({ path: `${SHOTS}/i17-forms-confirm-da.png` });
    await form.getByRole('button', { name: /Ja, taksten er rigtig/ }).click();
    await form.getByRole('button', { name: 'Gem bevilling' }).click();
    await form.waitFor({ state: 'detached', timeout: 10_000 });

    const again = await openNewGrant();
    // A service the catalogue has no price for: 2.150,00 is read as 2150 kr. and saved as it is.
    await again.getByLabel('Ydelse', { exact: true }).fill('Ledsagelse uden katalogpris');
    await again.getByLabel('Leverandør', { exact: true }).fill('Bostøtten');
    await again.getByLabel(/^Takst \(/).fill('2.150,00');
    await again.getByRole('button', { name: 'Gem bevilling' }).click();
    await again.waitFor({ state: 'detached', timeout: 10_000 });
  });
});
