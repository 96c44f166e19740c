// Numbers are typed as Danes write them in any browser (issue 17 item 5): in an American Chromium,
// whose own number field would refuse "2.150,00", the department head sets a catalogue takst to
// 2.150,00 kr. and sees it saved and shown as 2.150,00; junk is refused at the field, in Danish,
// with nothing sent and no browser bubble.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/chromium';
import { startServer, type RunningServer } from '../support/server';
import { demoAccount, signInPage } from '../support/session';

const SHOTS = '/tmp/flowtavle-shots';

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
let entry: { serviceId: number; providerId: number; service: string; provider: string };

function storedTakst(): number {
  const db = new Database(server.dbPath, { readonly: true });
  try {
    return (db.prepare('SELECT takst FROM takst_prices WHERE service_id = ? AND provider_id = ? ORDER BY valid_from DESC, id DESC LIMIT 1')
      .get(entry.serviceId, entry.providerId) as { takst: number }).takst;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  server = await startServer();
  const db = new Database(server.dbPath, { readonly: true });
  try {
    entry = db.prepare(
      `SELECT pr.service_id AS serviceId, pr.provider_id AS providerId, s.name AS service, v.name AS provider FROM takst_prices pr
       JOIN takst_services s ON s.id = pr.service_id JOIN takst_providers v ON v.id = pr.provider_id
       WHERE pr.takst <> 2150 ORDER BY s.name, v.name LIMIT 1`,
    ).get() as typeof entry;
  } finally {
    db.close();
  }
  browser = await launchBrowser({ width: 1920, height: 1080 }, 'en-US');
  page = await browser.newPage();
  const head = (await demoAccount(server, 'department_head')).login;
  await signInPage(page, server, head, undefined, '#/economy-settings');
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openPriceForm(): Promise<{ form: Locator; takst: Locator }> {
  await page.getByRole('searchbox').fill(entry.provider);
  await page.getByRole('button', { name: `Ret takst: ${entry.service}, ${entry.provider}` }).click();
  const form = page.locator('form.price-form');
  await form.waitFor();
  return { form, takst: form.getByLabel('Ny takst') };
}

const rowOf = () => page.locator('.catalogue-table tr').filter({ hasText: entry.service }).filter({ hasText: entry.provider }).first();

describe('a Danish number in an English browser', () => {
  it('refuses junk at the field in Danish, sends nothing and shows no browser bubble', async () => {
    const before = storedTakst();
    const { form, takst } = await openPriceForm();
    expect(await form.getAttribute('novalidate')).not.toBeNull();
    expect(await takst.getAttribute('type')).toBe('text');
    await takst.fill('12,345,6');
    await form.getByRole('button', { name: 'Gem' }).click();
    expect(await takst.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await takst.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('Skriv et tal, fx 2.150,50.');
    // Focus stays at the field that needs fixing; the form is still open and nothing was saved.
    expect(await takst.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await form.isVisible()).toBe(true);
    expect(storedTakst()).toBe(before);
    await page.screenshot({ path: `${SHOTS}/i17-finish-number-junk.png` });
  });

  it('takes 2.150,00, saves 2150 kr. and shows 2.150,00', async () => {
    const form = page.locator('form.price-form');
    const takst = form.getByLabel('Ny takst');
    await takst.fill('2.150,00');
    await form.getByRole('button', { name: 'Gem' }).click();
    await form.waitFor({ state: 'detached' });
    expect(storedTakst()).toBe(2150);
    await expect.poll(() => rowOf().locator('td.num').textContent()).toMatch(/^2\.150,00/);
  });

  it('reads "2150" and "2150,5" too, and writes them back in Danish on leaving the field', async () => {
    const { takst } = await openPriceForm();
    await takst.fill('2150');
    await takst.blur();
    expect(await takst.inputValue()).toBe('2.150,00');
    await takst.fill('2150,5');
    await takst.blur();
    expect(await takst.inputValue()).toBe('2.150,50');
    expect(await takst.getAttribute('aria-invalid')).toBeNull();
  });
});
