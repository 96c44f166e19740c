// Every case number that looks like a link opens the case (issue 17 item 6, begun): a caseworker
// on "Mine sager" and on the pull list, signed in through the page, lands on the case's detail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/chromium';
import { startServer, type RunningServer } from '../support/server';
import { demoAccount, signInPage } from '../support/session';

let server: RunningServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser({ width: 1440, height: 900 });
  page = await browser.newPage();
  const caseworker = await demoAccount(server, 'caseworker', 'Team BPA');
  await signInPage(page, server, caseworker.login);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function opensDetailOf(caseNumber: string) {
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/board');
  await expect.poll(() => page.locator('#card-detail-title').textContent(), { timeout: 15_000 }).toContain(caseNumber);
}

describe('case numbers open the case', () => {
  it('from Mine sager', async () => {
    await page.getByRole('link', { name: 'Mine sager' }).click();
    const link = page.locator('[data-section] .case-link').first();
    await link.waitFor();
    const caseNumber = (await link.textContent())!.trim();
    expect(caseNumber).toMatch(/^\d{4}-\d{6}$/);
    expect(await link.getAttribute('aria-label')).toBe(`Åbn sag ${caseNumber} på tavlen`);
    await link.click();
    await opensDetailOf(caseNumber);
    await page.keyboard.press('Escape');
  });

  it('from the pull list', async () => {
    await page.getByRole('link', { name: 'Pull-liste' }).click();
    const link = page.locator('.pull-item .case-link').first();
    await link.waitFor();
    const caseNumber = (await link.textContent())!.trim();
    await link.click();
    await opensDetailOf(caseNumber);
  });
});
