// Date fields show and take da-DK dates in any browser: here an American Chromium, whose own
// <input type="date"> would show 12/01/2026. Errors are shown at the field in Danish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/chromium';
import { startServer, type RunningServer } from '../support/server';
import { signInPage } from '../support/session';

let server: RunningServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser({ width: 1440, height: 900 }, 'en-US');
  page = await browser.newPage();
  await signInPage(page, server, 'kat');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('date fields', () => {
  it('show today as dd.mm.åååå in an en-US browser, take a typed Danish date and explain a wrong one at the field', async () => {
    await page.getByRole('link', { name: 'Takstansvar' }).click();
    const asOf = page.getByLabel('Opgjort pr.');
    await asOf.waitFor();
    const today = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(await asOf.inputValue()).toBe(`${pad(today.getDate())}.${pad(today.getMonth() + 1)}.${today.getFullYear()}`);
    expect(await asOf.getAttribute('type')).toBe('text');

    await asOf.fill('24.11.2026');
    await asOf.blur();
    await expect.poll(() => page.locator('.economy-intro').textContent()).toContain('24.11.2026');

    await asOf.fill('1.2.26');
    await asOf.blur();
    await expect.poll(() => asOf.inputValue()).toBe('01.02.2026');
    await expect.poll(() => page.locator('.economy-intro').textContent()).toContain('01.02.2026');

    // 31 November does not exist: the message is at the field, and the report keeps its date.
    await asOf.fill('31.11.2026');
    await asOf.blur();
    await page.getByText('Skriv datoen som dd.mm.åååå, fx 01.12.2026.').waitFor();
    expect(await asOf.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.economy-intro').textContent()).toContain('01.02.2026');

    // A valid date clears the message; in English the same date reads dd/mm/yyyy.
    await asOf.fill('02.02.2026');
    await asOf.blur();
    await expect.poll(() => page.getByText('Skriv datoen som dd.mm.åååå, fx 01.12.2026.').count()).toBe(0);
    await page.getByLabel('Sprog').selectOption('en');
    await expect.poll(() => page.getByLabel('As of').inputValue()).toBe('02/02/2026');
    await page.getByLabel('Language').selectOption('da');
  });
});
