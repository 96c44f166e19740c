// Keyboard first (#17 item 7): the skip link, one tab stop for the board with arrows between cards
// and columns, `?` for the shortcuts, and focus that never falls to <body>.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/chromium';
import { startServer, type RunningServer } from '../support/server';
import { demoAccount, signInPage } from '../support/session';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

/** What has focus: its class, case and column, or 'body'. */
const focused = (page: Page) => page.evaluate(() => {
  const a = document.activeElement as HTMLElement | null;
  if (!a || a === document.body) return { what: 'body', caseId: null, column: null, text: '' };
  return {
    what: a.classList.contains('card') ? 'card' : a.tagName.toLowerCase(),
    caseId: a.dataset.caseId ?? null,
    column: a.closest<HTMLElement>('.cell')?.dataset.columnId ?? null,
    text: (a.textContent ?? '').trim().slice(0, 40),
  };
});

describe('keyboard', () => {
  it('reaches the first card in one Tab and Enter, moves focus with arrows, shows shortcuts on ? and keeps focus after Ctrl+Z', async () => {
    const context = await launchBrowser();
    try {
      const page = await context.newPage();
      const leader = await demoAccount(server, 'leader', 'Team BPA');
      await signInPage(page, server, leader.login);
      await page.locator('.card').first().waitFor();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

      // From the top of the page: Tab shows the skip link, Enter lands on the board's first card.
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ what: 'a', text: 'Gå til indhold' });
      await page.keyboard.press('Enter');
      const first = await focused(page);
      expect(first.what).toBe('card');

      // The board is one tab stop: Tab from a card leaves the board.
      expect(await page.locator('.board-grid .card[tabindex="0"]').count()).toBe(1);

      // ↓ to the next card in the column, → to a card in another column, ← back.
      await page.keyboard.press('ArrowDown');
      const below = await focused(page);
      expect(below.what).toBe('card');
      expect(below.caseId).not.toBe(first.caseId);
      expect(below.column).toBe(first.column);
      await page.keyboard.press('ArrowRight');
      const right = await focused(page);
      expect(right.what).toBe('card');
      expect(right.column).not.toBe(first.column);
      await page.keyboard.press('ArrowLeft');
      expect((await focused(page)).column).toBe(first.column);

      // ? opens the shortcuts, focus inside; Escape closes and returns focus to the card.
      const before = await focused(page);
      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog', { name: 'Tastaturgenveje' });
      await dialog.waitFor();
      expect(await dialog.getByRole('row').count()).toBeGreaterThan(8);
      expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect((await focused(page)).caseId).toBe(before.caseId);

      // A keyboard move (Space, →, Space) and Ctrl+Z: focus stays on the moved, then restored card.
      const moving = before.caseId!;
      await page.keyboard.press('Space');
      await page.waitForTimeout(200);
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(200);
      await page.keyboard.press('Space');
      await expect.poll(async () => (await focused(page)).caseId, { timeout: 10_000 }).toBe(moving);
      const movedTo = (await focused(page)).column;
      const wip = page.getByRole('dialog');
      if (await wip.count()) {
        // Over a WIP limit the move asks for a reason first; cancelling returns focus to the card.
        await page.keyboard.press('Escape');
      }
      await page.keyboard.press('Control+z');
      await expect.poll(async () => (await focused(page)).what, { timeout: 10_000 }).toBe('card');
      expect((await focused(page)).caseId).toBe(moving);
      expect(movedTo).not.toBeNull();
    } finally {
      await context.close();
    }
  }, 120_000);

  it('keeps focus off <body> after Tag næste sag', async () => {
    const context = await launchBrowser();
    try {
      const page = await context.newPage();
      const caseworker = await demoAccount(server, 'caseworker', 'Team BPA');
      await signInPage(page, server, caseworker.login, undefined, '#/pull-list');
      const button = page.getByRole('button', { name: 'Tag næste sag' });
      await button.waitFor();
      await button.focus();
      await page.keyboard.press('Enter');
      await page.locator('.pull-note').first().waitFor();
      await page.waitForTimeout(300);
      expect((await focused(page)).what).not.toBe('body');
    } finally {
      await context.close();
    }
  }, 60_000);
});
