// Standup mode on the largest demo team (Team Nyansøgning) at 1080p and 4K, the rotation, the
// timer, walking the board, privacy, recovery after a host restart, and the host shared on the
// network (everyone signs in; wall screens pair as devices, tests/e2e/devices.e2e.ts).
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkInterfaces } from 'node:os';
import { launchBrowser } from '../support/chromium';
import { demoStoreCopy, startServer, type RunningServer } from '../support/server';
import { signIn, signInPage, type ApiSession } from '../support/session';

interface Person { id: number; name: string; initials: string; role: string; teamId: number | null }

let server: RunningServer;
let teamId: number;
let leader: Person;
let people: Person[];
const browsers: BrowserContext[] = [];

let leaderSession: ApiSession;

/** Calls as the team's leader, signed in like a user. */
async function api<T>(method: string, body: unknown): Promise<T> {
  if (!leaderSession) leaderSession = await signIn(server, leader.initials.toLowerCase());
  return leaderSession.call<T>(method, body);
}

function lanAddress(): string | undefined {
  return Object.values(networkInterfaces()).flatMap((l) => l ?? []).find((i) => i.family === 'IPv4' && !i.internal)?.address;
}

async function openStandup(viewport: { width: number; height: number }): Promise<Page> {
  const browser = await launchBrowser(viewport);
  browsers.push(browser);
  const page = browser.pages()[0] ?? (await browser.newPage());
  await signInPage(page, server, leader.initials.toLowerCase());
  await page.goto(`${server.url}#/standup?team=${teamId}`);
  await page.waitForSelector('.wall-card');
  // Let the column measurement settle (ResizeObserver) before measuring anything.
  await page.waitForTimeout(300);
  return page;
}

/** Overflow of the document and every column, and the smallest font size of any visible text. */
function measure(page: Page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const columns = [...document.querySelectorAll<HTMLElement>('.wall-column')].map((c) => ({
      name: c.dataset.column,
      overflowX: c.scrollWidth - c.clientWidth,
      overflowY: c.scrollHeight - c.clientHeight,
    }));
    let minFont = Number.POSITIVE_INFINITY;
    let smallest = '';
    const walker = document.createTreeWalker(document.querySelector('.wall')!, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const el = node.parentElement!;
      if (!node.textContent?.trim() || el.getClientRects().length === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < minFont) {
        minFont = size;
        smallest = node.textContent;
      }
    }
    return {
      docOverflowX: doc.scrollWidth - doc.clientWidth,
      docOverflowY: doc.scrollHeight - doc.clientHeight,
      bodyOverflowY: document.body.scrollHeight - document.body.clientHeight,
      columns,
      minFont,
      smallest,
      // Standup mode renders without the app header at all (no user's name in the page).
      headerPresent: document.querySelector('.app-header') !== null,
    };
  });
}

beforeAll(async () => {
  server = await startServer({ dbPath: demoStoreCopy() });
  // The demo lists its accounts on the sign-in screen: the department head reads every team and person.
  const status = (await (await fetch(`${server.url}auth/status`)).json()) as { value: { demoAccounts: { login: string; role: string }[] } };
  const head = await signIn(server, status.value.demoAccounts.find((a) => a.role === 'department_head')!.login);
  const teams = await head.call<{ id: number; name: string }[]>('listTeams', {});
  teamId = teams.find((t) => t.name === 'Team Nyansøgning')!.id;
  people = await head.call<Person[]>('listPeople', {});
  leader = people.find((p) => p.role === 'leader' && p.teamId === teamId)!;
});

afterAll(async () => {
  for (const b of browsers) await b.close();
  await server?.stop();
});

describe('standup mode on the largest team', () => {
  it.each([
    [1920, 1080, 24],
    [3840, 2160, 48],
  ])('fits %ix%i without scrollbars, in large type, urgent cards first with "+N flere"', async (width, height, minimum) => {
    const page = await openStandup({ width, height });
    const m = await measure(page);
    expect(m.headerPresent).toBe(false);
    expect(m.docOverflowX).toBeLessThanOrEqual(0);
    expect(m.docOverflowY).toBeLessThanOrEqual(0);
    expect(m.bodyOverflowY).toBeLessThanOrEqual(0);
    expect(m.columns.length).toBe(6);
    for (const c of m.columns) {
      expect(c.overflowX, c.name).toBeLessThanOrEqual(0);
      expect(c.overflowY, c.name).toBeLessThanOrEqual(0);
    }
    expect(m.minFont, `smallest text: "${m.smallest}"`).toBeGreaterThanOrEqual(minimum);

    // Every column shows cards plus "+N flere" where N is what the store holds beyond them.
    const screen = await api<{ columns: { name: string; kind: string; count: number; blocked: number }[] }>('getWallScreen', { teamId });
    for (const column of screen.columns) {
      const locator = page.locator(`[data-column="${column.name}"]`);
      const shown = await locator.locator('.wall-card').count();
      // A done column is a count and the latest few; the open columns fill their height.
      if (column.kind === 'done') expect(shown, column.name).toBe(Math.min(3, column.count));
      else expect(shown, column.name).toBeGreaterThan(3);
      const more = (await locator.locator('.wall-more').textContent())?.trim();
      expect(more, column.name).toBe(`+${column.count - shown} flere`);
      if (column.blocked > 0) {
        // Blocked cards come first.
        await expect(locator.locator('.wall-card').first().getAttribute('class')).resolves.toContain('level-blocked');
      }
    }
    // The privacy marker is on by default.
    expect(await page.locator('.wall-privacy').textContent()).toBe('Privatliv til: kun sagsnumre og initialer');
  });

  it.each([
    [1920, 1080],
    [3840, 2160],
  ])('cuts nothing in the column headers, the cards\' deadlines and ages, and the legend at %ix%i, and keeps the done column narrow', async (width, height) => {
    const page = await openStandup({ width, height });
    const m = await page.evaluate(() => {
      const cut = [...document.querySelectorAll<HTMLElement>('.wall-column-head, .wall-column-head *, .wall-keys, .wall-card .wall-tag:not(.blocked)')]
        .filter((el) => {
          const style = getComputedStyle(el);
          const ellipsis = style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth;
          const clipped = style.overflow !== 'visible' && (el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight);
          return ellipsis || clipped;
        })
        .map((el) => `${el.className}: ${el.textContent}`);
      // Every header's children lie inside the column (nothing pushed out below a fixed height).
      const spilled = [...document.querySelectorAll<HTMLElement>('.wall-column')].flatMap((col) => {
        const box = col.getBoundingClientRect();
        return [...col.querySelectorAll<HTMLElement>('.wall-column-head > *')]
          .filter((el) => { const r = el.getBoundingClientRect(); return r.right > box.right + 0.5 || r.bottom > box.bottom + 0.5; })
          .map((el) => `${col.dataset.column}: ${el.textContent}`);
      });
      const keys = document.querySelector<HTMLElement>('.wall-keys')!;
      const keysBox = keys.getBoundingClientRect();
      const widths = [...document.querySelectorAll<HTMLElement>('.wall-column')].map((c) => ({ done: c.classList.contains('kind-done'), width: c.getBoundingClientRect().width }));
      const cases = [...document.querySelectorAll<HTMLElement>('.wall-column.kind-done .wall-case')].filter((el) => el.scrollWidth > el.clientWidth).length;
      return { cut, spilled, keysInside: keysBox.bottom <= window.innerHeight && keysBox.right <= window.innerWidth, keysText: keys.textContent ?? '', widths, cases };
    });
    expect(m.cut).toEqual([]);
    expect(m.spilled).toEqual([]);
    expect(m.keysInside).toBe(true);
    // The whole legend, to its last key.
    expect(m.keysText).toContain('F fuld skærm');
    // Every column with red deadlines says how many, in full.
    const screen = await api<{ columns: { name: string; kind: string; red: number }[] }>('getWallScreen', { teamId });
    for (const column of screen.columns.filter((c) => c.kind !== 'done' && c.red > 0)) {
      const facts = await page.locator(`[data-column="${column.name}"] .wall-fact.red`).textContent();
      expect(facts, column.name).toBe(column.red === 1 ? '1 rød frist' : `${column.red} røde frister`);
    }
    const open = m.widths.filter((w) => !w.done).map((w) => w.width);
    const done = m.widths.filter((w) => w.done).map((w) => w.width);
    expect(done.length).toBeGreaterThan(0);
    for (const w of done) expect(w).toBeLessThan(Math.min(...open) * 0.85);
    // Narrow, but the done cards' case numbers are whole.
    expect(m.cases).toBe(0);
  });

  it('holds none of the people\'s names in privacy mode, only initials and case numbers', async () => {
    const page = await openStandup({ width: 1920, height: 1080 });
    const { wallHtml, visibleText } = await page.evaluate(() => ({
      wallHtml: document.documentElement.outerHTML,
      visibleText: document.body.innerText,
    }));
    expect(people.length).toBeGreaterThan(50);
    for (const person of people) {
      expect(wallHtml).not.toContain(person.name);
      expect(visibleText).not.toContain(person.name);
    }
    // Caseworkers appear by initials.
    const initials = await page.locator('.wall-card .wall-initials:not(.none)').allTextContents();
    expect(initials.length).toBeGreaterThan(5);
    const teamInitials = new Set(people.map((p) => p.initials));
    for (const i of initials) expect(teamInitials.has(i)).toBe(true);
    // Every rotation view is redacted too (the default rotation: board, pull list, deadlines, bottom line, caseload).
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('PageDown');
      await page.waitForTimeout(200);
      const html = await page.evaluate(() => document.documentElement.outerHTML);
      for (const person of people) expect(html).not.toContain(person.name);
    }
  });

  it('rotates by itself at the team\'s interval, steps with keys and pauses with space', async () => {
    await api('saveWallSettings', { teamId, views: ['board', 'deadlines', 'pull_list'], intervalSeconds: 10, timerMinutes: 12, privacy: true });
    const page = await openStandup({ width: 1920, height: 1080 });
    const subtitle = page.locator('.wall-subtitle');
    await expect(subtitle.textContent()).resolves.toBe('Tavlen · Visning 1 af 3');
    await page.waitForFunction(() => document.querySelector('.wall-subtitle')?.textContent === 'Frister i fare · Visning 2 af 3', null, { timeout: 13_000 });
    // The view's rows arrive after its title: wait for them rather than count too early.
    await page.locator('.wall-row').nth(5).waitFor({ timeout: 10_000 });
    expect(await page.locator('.wall-row').count()).toBeGreaterThan(5);
    await page.keyboard.press('PageDown');
    await expect(subtitle.textContent()).resolves.toBe('Pull-listen · Visning 3 af 3');
    await page.keyboard.press('ArrowRight');
    await expect(subtitle.textContent()).resolves.toBe('Tavlen · Visning 1 af 3');
    await page.keyboard.press('PageUp');
    await expect(subtitle.textContent()).resolves.toBe('Pull-listen · Visning 3 af 3');
    await page.keyboard.press(' ');
    await expect(page.locator('.wall-rotation').textContent()).resolves.toBe('Pause');
    await page.waitForTimeout(11_000);
    await expect(subtitle.textContent()).resolves.toBe('Pull-listen · Visning 3 af 3');

    // The standup timer starts at the team's 12 minutes, runs, stops and resets.
    const timer = page.getByTestId('wall-timer');
    await expect(timer.textContent()).resolves.toBe('12:00');
    await page.keyboard.press('t');
    await page.waitForTimeout(2_300);
    await page.keyboard.press('t');
    const stopped = await timer.textContent();
    expect(['11:58', '11:57']).toContain(stopped);
    await page.waitForTimeout(1_200);
    await expect(timer.textContent()).resolves.toBe(stopped);
    await page.keyboard.press('r');
    await expect(timer.textContent()).resolves.toBe('12:00');

    // Walking the board: right to left, the done column left out, one column highlighted at a time.
    await page.keyboard.press('g');
    const walking = page.locator('.wall-column[aria-current="step"]');
    await expect(walking.getAttribute('data-column')).resolves.toBe('Afgørelse');
    await expect(page.locator('.wall-column.dimmed').count()).resolves.toBe(5);
    await page.keyboard.press('ArrowRight');
    await expect(walking.getAttribute('data-column')).resolves.toBe('Afventer oplysninger');
    // Blocked cards first, then ageing ones.
    const levels = await walking.locator('.wall-card').evaluateAll((cards) => cards.map((c) => c.className));
    const firstCalm = levels.findIndex((c) => !c.includes('level-blocked'));
    expect(levels.slice(0, Math.max(1, firstCalm)).every((c) => c.includes('level-blocked'))).toBe(true);
    await page.keyboard.press('g');
    await expect(page.locator('.wall-column[aria-current="step"]').count()).resolves.toBe(0);
  });
});

describe('always on', () => {
  it('says since when it is offline while the host is down, and recovers with live data when it returns', async () => {
    const page = await openStandup({ width: 1920, height: 1080 });
    const port = Number(new URL(server.url).port);
    const dbPath = server.dbPath;
    await server.stop();
    const banner = page.locator('.wall-offline');
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.textContent()).toMatch(/^Offline siden \d{2}:\d{2} – viser data fra før$/);
    // The last data stays on the wall.
    expect(await page.locator('.wall-card').count()).toBeGreaterThan(10);

    server = await startServer({ dbPath, port });
    await banner.waitFor({ state: 'detached', timeout: 20_000 });
    // A change made after the restart reaches the wall through the live stream.
    const board = await api<{ columns: { id: number; name: string }[]; cards: { id: number; caseNumber: string; columnId: number; blocked: boolean }[] }>('getBoard', { teamId });
    const inbox = board.columns.find((c) => c.name === 'Indkommet')!;
    // A card that is not at the top already, so only the live update can put it there.
    const top = await page.locator('[data-column="Indkommet"] .wall-card').first().getAttribute('data-case');
    const card = board.cards.find((c) => c.columnId === inbox.id && !c.blocked && c.caseNumber !== top)!;
    await api('updateCase', { caseId: card.id, blocked: true, blockedReason: 'Venter på udtalelse' });
    const first = page.locator('[data-column="Indkommet"] .wall-card').first();
    await page.waitForFunction(
      (n) => {
        const top = document.querySelector('[data-column="Indkommet"] .wall-card');
        return top?.getAttribute('data-case') === n && top.querySelector('.wall-tag')?.textContent === 'Blokeret 0 d';
      },
      card.caseNumber,
      { timeout: 10_000 },
    );
    await expect(first.locator('.wall-tag').textContent()).resolves.toBe('Blokeret 0 d');
  });
});

describe('shared on the network', () => {
  it('answers on the machine\'s address, serves the page, and lets nobody in without signing in', async () => {
    const address = lanAddress();
    expect(address, 'this machine needs a non-loopback IPv4 address for the network test').toBeTruthy();
    const lan = await startServer({ dbPath: demoStoreCopy(), extraArgs: ['--listen', '0.0.0.0'] });
    try {
      // The line after the address may arrive a moment later than the address itself.
      await expect.poll(() => lan.output(), { timeout: 10_000 }).toContain('Delt på netværket (0.0.0.0). Alle logger ind; vægskærme parres fra Vægskærme-siden.');
      const base = `http://${address}:${new URL(lan.url).port}/`;
      const page = await fetch(base);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      // No key in a link any more: without a session every call and the change stream are refused.
      for (const method of ['listPeople', 'getWallScreen', 'getBoard']) {
        const res = await fetch(`${base}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ teamId }) });
        expect(res.status, method).toBe(401);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
      }
      expect((await fetch(`${base}api/changes`)).status).toBe(401);
      // A colleague signs in over the network like at the desk, and gets their own team only.
      const colleague = await signIn({ url: base }, leader.initials.toLowerCase());
      const wall = await colleague.call<{ team: { name: string } }>('getWallScreen', { teamId });
      expect(wall.team.name).toBe('Team Nyansøgning');
      const other = people.find((p) => p.teamId !== null && p.teamId !== teamId)!.teamId!;
      expect((await colleague.raw('getBoard', { teamId: other })).status).toBe(403);
    } finally {
      await lan.stop();
    }
  });
});
