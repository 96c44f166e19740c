// Every case number that looks like a link opens the case (issue 17 item 6): a caseworker on "Mine
// sager" and on the pull list, and a leader in the bottom line's ledger, in the takst view and in
// a revisitation campaign, signed in through the page, land on the case's detail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/chromium';
import { startServer, type RunningServer } from '../support/server';
import { demoAccount, signInPage, signOutPage } from '../support/session';

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

describe('a leader\'s case numbers open the case', () => {
  beforeAll(async () => {
    await page.keyboard.press('Escape');
    await signOutPage(page);
    const leader = await demoAccount(server, 'leader', 'Team Bostøtte');
    await signInPage(page, server, leader.login, undefined, '#/bottom-line');
  });

  async function follow(link: ReturnType<Page['locator']>) {
    await link.waitFor();
    const caseNumber = (await link.textContent())!.trim();
    expect(caseNumber).toMatch(/^\d{4}-\d{6}$/);
    expect(await link.getAttribute('aria-label')).toBe(`Åbn sag ${caseNumber} på tavlen`);
    await link.click();
    await opensDetailOf(caseNumber);
    await page.keyboard.press('Escape');
  }

  it('from a line of the bottom line\'s ledger', async () => {
    const ledger = page.getByTestId('decomposition');
    await ledger.waitFor();
    const line = ledger.locator('details').filter({ has: page.locator('.case-link') }).first();
    await line.locator('summary').click();
    await follow(line.locator('.case-link').first());
  });

  it('from the takst view', async () => {
    await page.getByRole('link', { name: 'Takstansvar' }).click();
    const median = page.locator('.takst-table details.median-cases').first();
    await median.locator('summary').click();
    await follow(median.locator('.case-link').first());
  });
});
