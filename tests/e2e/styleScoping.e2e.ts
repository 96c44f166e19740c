// Styles that cannot leak (issue 17): after a card detail has loaded the plans', economy's and
// pull list's sections (and their stylesheets), the board's "Over frist" badge keeps the board's
// red; the wall opened from the app keeps its own colours in the pull list; the plans' badge
// keeps its own shape inside plans. Signed in as the team leader of Team Nyansøgning.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/chromium';
import { demoStoreCopy, startServer, type RunningServer } from '../support/server';
import { signIn, signInPage } from '../support/session';

let server: RunningServer;
let context: BrowserContext;
let page: Page;
let leaderLogin: string;

beforeAll(async () => {
  server = await startServer({ dbPath: demoStoreCopy() });
  const status = (await (await fetch(`${server.url}auth/status`)).json()) as { value: { demoAccounts: { login: string; role: string }[] } };
  const head = await signIn(server, status.value.demoAccounts.find((a) => a.role === 'department_head')!.login);
  const teams = await head.call<{ id: number; name: string }[]>('listTeams', {});
  const teamId = teams.find((t) => t.name === 'Team Nyansøgning')!.id;
  const people = await head.call<{ initials: string; role: string; teamId: number | null }[]>('listPeople', {});
  leaderLogin = people.find((p) => p.role === 'leader' && p.teamId === teamId)!.initials.toLowerCase();
  context = await launchBrowser({ width: 1920, height: 1080 });
  page = context.pages()[0] ?? (await context.newPage());
  await signInPage(page, server, leaderLogin);
  await page.goto(`${server.url}#/board`);
  await page.locator('.card').first().waitFor();
});

afterAll(async () => {
  await context?.close();
  await server?.stop();
});

/** Computed colours of an element, and the first opaque background behind it. */
function colours(page: Page, selector: string) {
  return page.locator(selector).first().evaluate((el) => {
    const style = getComputedStyle(el);
    let backdrop = 'rgba(0, 0, 0, 0)';
    for (let node: Element | null = el; node; node = node.parentElement) {
      const bg = getComputedStyle(node).backgroundColor;
      if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') {
        backdrop = bg;
        break;
      }
    }
    return { color: style.color, background: style.backgroundColor, backdrop, radius: style.borderTopLeftRadius, padding: style.paddingLeft };
  });
}

/** WCAG contrast ratio of two rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const BOARD_RED = 'rgb(179, 38, 30)';
const RED_BADGE = '.card .badge.deadline-red';

describe('feature styles stay in their feature', () => {
  it('keeps the board\'s red "Over frist" badge after a card detail has been opened and closed', async () => {
    expect(await colours(page, RED_BADGE)).toMatchObject({ background: BOARD_RED, color: 'rgb(255, 255, 255)', radius: '4px' });
    await page.locator(RED_BADGE).first().locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " card ")][1]').click();
    await page.locator('.card-detail .facts').waitFor();
    // The sections other features put into the detail (and their stylesheets) have loaded.
    await page.locator('.card-detail .commit-to-sprint').waitFor();
    await page.locator('.card-detail .grants-section').waitFor();
    await page.getByRole('button', { name: 'Luk sagen' }).click();
    await page.locator('.card-detail').waitFor({ state: 'detached' });
    const after = await colours(page, RED_BADGE);
    expect(after).toMatchObject({ background: BOARD_RED, color: 'rgb(255, 255, 255)', radius: '4px' });
    expect(contrast(after.color, after.background)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps the plans\' own pill badge inside plans', async () => {
    await page.locator('.main-nav a[href="#/sprint"]').click();
    await page.locator('.plans-view .badge').first().waitFor();
    const badge = await colours(page, '.plans-view .badge');
    expect(badge).toMatchObject({ radius: '999px', padding: '8px' });
    // The board's own badge rules (4px corners) do not reach into plans either.
    expect(badge.radius).not.toBe('4px');
  });

  it('shows the wall\'s own deadline colours in its pull list when opened from the app', async () => {
    await page.locator('.main-nav a[href="#/standup"]').click();
    await page.locator('.wall-card').first().waitFor();
    // Step the rotation to the pull list (board, pull list, ... by default).
    for (let i = 0; i < 6 && !(await page.locator('.wall-subtitle').textContent())?.startsWith('Pull-listen'); i++) {
      await page.keyboard.press('PageDown');
      await page.waitForTimeout(150);
    }
    await page.locator('.wall-row .wall-tag').first().waitFor();
    const tags = await page.locator('.wall-row .wall-tag').evaluateAll((els) => els.map((el) => {
      const style = getComputedStyle(el);
      let backdrop = 'rgba(0, 0, 0, 0)';
      for (let node: Element | null = el; node; node = node.parentElement) {
        const bg = getComputedStyle(node).backgroundColor;
        if (bg !== 'rgba(0, 0, 0, 0)') {
          backdrop = bg;
          break;
        }
      }
      return { cls: el.className, color: style.color, backdrop };
    }));
    expect(tags.length).toBeGreaterThan(3);
    for (const tag of tags) {
      // board.css's pale green (#e5f4ea) for deadline-ok does not reach the wall.
      expect(tag.backdrop, tag.cls).not.toBe('rgb(229, 244, 234)');
      expect(contrast(tag.color, tag.backdrop), `${tag.cls}: ${tag.color} on ${tag.backdrop}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
