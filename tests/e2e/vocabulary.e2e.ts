// One vocabulary (#17 item 8): signed in through the host like a user, every screen the header
// offers, a card with its history and the audit log show words, never a stored identifier, raw
// JSON or an ISO date; and in English a server refusal is said in English.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TYPE_WORDS } from '../../shared/eventTypes';
import { launchBrowser } from '../support/chromium';
import { startServer, type RunningServer } from '../support/server';
import { signInPage } from '../support/session';

const SHOTS = '/tmp/flowtavle-shots';
let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await server?.stop();
});

// Event type ids that are also ordinary words on screen ("Import", "oprettet") are left out.
const EVENT_IDS = Object.keys(EVENT_TYPE_WORDS).filter((id) => id.includes('_'));

/**
 * What a user reads on the page: the visible text (document.body.innerText, and each visible text
 * node on its own, since innerText runs adjacent labels together) and the titles, labels and placeholders.
 */
async function visibleText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out = [document.body.innerText];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (text && parent && parent.checkVisibility() && !parent.closest('script, style')) out.push(text);
    }
    for (const el of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
      for (const name of ['title', 'aria-label', 'placeholder']) {
        const value = el.getAttribute(name);
        if (value) out.push(value);
      }
    }
    return out;
  });
}

/** Each offending line with what it offends by; the first text is innerText, checked for dates and JSON only. */
function offences(texts: string[]): string[] {
  const found: string[] = [];
  for (const [i, text] of texts.entries()) {
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      if (!line) continue;
      if (/\b\d{4}-\d{2}-\d{2}\b/.test(line.replace(/\b\d{4}-\d{6}\b/g, ''))) found.push(`ISO date: ${line}`);
      if (/\{"|\[\{/.test(line)) found.push(`raw JSON: ${line}`);
      if (i === 0) continue;
      const snake = /\b[a-z]+(?:_[a-z]+)+\b/.exec(line);
      if (snake) found.push(`identifier ${snake[0]}: ${line}`);
      const event = EVENT_IDS.find((id) => new RegExp(`\\b${id}\\b`).test(line));
      if (event && !snake) found.push(`event type ${event}: ${line}`);
      const camel = /\b[a-z]+[A-Z][a-zA-Z]*\b/.exec(line);
      if (camel && !/^(iPad|iPhone|eBoks)$/.test(camel[0])) found.push(`identifier ${camel[0]}: ${line}`);
    }
  }
  return [...new Set(found)];
}

async function settle(page: Page): Promise<void> {
  await page.locator('h1, h2').first().waitFor({ state: 'attached', timeout: 15_000 });
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 15_000 }).catch(() => undefined);
  await page.waitForTimeout(400);
}

async function scan(page: Page, where: string, report: string[]): Promise<void> {
  await settle(page);
  for (const o of offences(await visibleText(page))) report.push(`${where} – ${o}`);
}

/** Every view of the header, then a card with its history (when there is a board) and the audit log (when offered). */
async function scanEveryScreen(page: Page, who: string): Promise<string[]> {
  const report: string[] = [];
  const views = await page.locator('.main-nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  expect(views.length).toBeGreaterThan(3);
  for (const href of views) {
    if (await page.locator(`.main-nav a[href="${href}"]`).count()) await page.locator(`.main-nav a[href="${href}"]`).click();
    else await page.goto(`${server.url}${href}`);
    await scan(page, `${who} ${href}`, report);
    if (await page.locator('.board-view .card').count()) {
      await page.locator('.board-view .card').first().click();
      await page.locator('.card-detail .facts').waitFor();
      await scan(page, `${who} ${href} card detail`, report);
      await page.keyboard.press('Escape');
    }
    const audit = page.getByRole('tab', { name: 'Revisionslog' });
    if (await audit.count()) {
      await audit.click();
      await page.locator('table.audit tbody tr').first().waitFor({ timeout: 15_000 });
      await scan(page, `${who} ${href} audit log`, report);
      await page.screenshot({ path: `${SHOTS}/i17-words-audit-da.png`, fullPage: false });
    }
  }
  return report;
}

describe('one vocabulary on every Danish screen', () => {
  for (const login of ['kat', 'heo']) {
    it(`shows ${login} no identifier, raw JSON or ISO date on any screen`, async () => {
      const context = await launchBrowser();
      try {
        const page = await context.newPage();
        await signInPage(page, server, login);
        const report = await scanEveryScreen(page, login);
        expect(report, report.join('\n')).toEqual([]);
      } finally {
        await context.close();
      }
    }, 240_000);
  }
});

describe('the client says a server refusal in the chosen language', () => {
  it('refuses a CPR number in a card’s notes in English, and in Danish', async () => {
    const context = await launchBrowser();
    try {
      const page = await context.newPage();
      await signInPage(page, server, 'kat');
      await page.locator('.board-view .card').first().waitFor();
      await page.getByRole('combobox', { name: 'Sprog' }).selectOption('en');
      await page.locator('.board-view .card').first().click();
      await page.locator('.card-detail .facts').waitFor();
      await page.locator('.card-detail textarea').first().fill('Borger 010190-1234 ringede');
      await page.locator('.card-detail form.edit-form button[type="submit"]').click();
      await expect.poll(() => page.evaluate(() => document.body.innerText), { timeout: 10_000 })
        .toContain('The text seems to contain a CPR number (010190-XXXX).');
      expect(await page.evaluate(() => document.body.innerText)).not.toContain('ser ud til at indeholde');
      await page.screenshot({ path: `${SHOTS}/i17-words-refusal-en.png` });

      await page.keyboard.press('Escape');
      await page.getByRole('combobox', { name: 'Language' }).selectOption('da');
      await page.locator('.board-view .card').first().click();
      await page.locator('.card-detail textarea').first().fill('Borger 010190-1234 ringede');
      await page.locator('.card-detail form.edit-form button[type="submit"]').click();
      await expect.poll(() => page.evaluate(() => document.body.innerText), { timeout: 10_000 })
        .toContain('Teksten ser ud til at indeholde et CPR-nummer (010190-XXXX).');
      await page.screenshot({ path: `${SHOTS}/i17-words-refusal-da.png` });
    } finally {
      await context.close();
    }
  }, 120_000);
});
