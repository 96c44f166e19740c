// Standup mode on the largest demo team (Team Nyansøgning) at 1080p and 4K, the rotation, the
// timer, walking the board, privacy, recovery after a host restart, and LAN sharing's token gate.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanAddresses } from '../../electron/http/lan';
import { launchBrowser } from '../support/chromium';
import { demoStoreCopy, startServer, type RunningServer } from '../support/server';

interface Person { id: number; name: string; initials: string; role: string; teamId: number | null }

let server: RunningServer;
let teamId: number;
let leader: Person;
let people: Person[];
const browsers: BrowserContext[] = [];

async function api<T>(method: string, body: unknown, actor?: number): Promise<T> {
  const res = await fetch(`${server.url}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(actor ? { 'X-Flowtavle-Actor': String(actor) } : {}) },
    body: JSON.stringify(body),
  });
  const envelope = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message}`);
  return envelope.value;
}

async function openStandup(viewport: { width: number; height: number }): Promise<Page> {
  const browser = await launchBrowser(viewport);
  browsers.push(browser);
  const page = browser.pages()[0] ?? (await browser.newPage());
  await page.goto(server.url);
  await page.getByRole('button', { name: new RegExp(leader.name) }).click();
  await page.waitForSelector('.app-header');
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
  const teams = await api<{ id: number; name: string }[]>('listTeams', {});
  teamId = teams.find((t) => t.name === 'Team Nyansøgning')!.id;
  people = await api<Person[]>('listPeople', {});
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
    const screen = await api<{ columns: { name: string; count: number; blocked: number }[] }>('getWallScreen', { teamId });
    for (const column of screen.columns) {
      const locator = page.locator(`[data-column="${column.name}"]`);
      const shown = await locator.locator('.wall-card').count();
      expect(shown, column.name).toBeGreaterThan(3);
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
    // Every rotation view is redacted too.
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('PageDown');
      await page.waitForTimeout(200);
      const html = await page.evaluate(() => document.documentElement.outerHTML);
      for (const person of people) expect(html).not.toContain(person.name);
    }
  });

  it('rotates by itself at the team\'s interval, steps with keys and pauses with space', async () => {
    await api('saveWallSettings', { teamId, views: ['board', 'deadlines', 'pull_list'], intervalSeconds: 10, timerMinutes: 12, privacy: true }, leader.id);
    const page = await openStandup({ width: 1920, height: 1080 });
    const subtitle = page.locator('.wall-subtitle');
    await expect(subtitle.textContent()).resolves.toBe('Tavlen · Visning 1 af 3');
    await page.waitForFunction(() => document.querySelector('.wall-subtitle')?.textContent === 'Frister i fare · Visning 2 af 3', null, { timeout: 13_000 });
    // The view's rows arrive after its title: wait for them rather than count too early.
    await page.locator('.wall-row').nth(5).waitFor({ timeout: 10_000 });
    expect(await page.locator('.wall-row').count()).toBeGreaterThan(5);
    await page.keyboard.press('PageDown');
    await expect(subtitle.textContent()).resolves.toBe('Træklisten · Visning 3 af 3');
    await page.keyboard.press('ArrowRight');
    await expect(subtitle.textContent()).resolves.toBe('Tavlen · Visning 1 af 3');
    await page.keyboard.press('PageUp');
    await expect(subtitle.textContent()).resolves.toBe('Træklisten · Visning 3 af 3');
    await page.keyboard.press(' ');
    await expect(page.locator('.wall-rotation').textContent()).resolves.toBe('Pause');
    await page.waitForTimeout(11_000);
    await expect(subtitle.textContent()).resolves.toBe('Træklisten · Visning 3 af 3');

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
    await api('updateCase', { caseId: card.id, blocked: true, blockedReason: 'Venter på udtalelse' }, leader.id);
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

describe('LAN sharing', () => {
  it('serves nothing without a valid token, and read-only with one', async () => {
    const address = lanAddresses()[0];
    expect(address, 'this machine needs a non-loopback IPv4 address for the LAN test').toBeTruthy();
    const lan = await startServer({ dbPath: demoStoreCopy(), extraArgs: ['--lan'] });
    try {
      // The link is printed just after the loopback address the helper waits for.
      let token: string | undefined;
      for (let i = 0; i < 50 && !token; i++) {
        token = /\?token=([A-Za-z0-9_-]{43})/.exec(lan.output())?.[1];
        if (!token) await new Promise((r) => setTimeout(r, 100));
      }
      expect(token).toBeTruthy();
      const base = `http://${address}:${new URL(lan.url).port}`;
      for (const path of ['/', '/index.html', '/assets/anything.js', '/api/changes', '/lan/status']) {
        const res = await fetch(`${base}${path}`, { redirect: 'manual' });
        expect(res.status, path).toBe(401);
        expect(await res.text(), path).not.toContain('<script');
      }
      const post = await fetch(`${base}/api/listPeople`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect(post.status).toBe(401);
      const wrong = await fetch(`${base}/?token=${'x'.repeat(43)}`, { redirect: 'manual' });
      expect(wrong.status).toBe(403);

      // With the token: a redirect that drops it from the address, and two HttpOnly SameSite=Strict cookies.
      const first = await fetch(`${base}/?token=${token}`, { redirect: 'manual' });
      expect(first.status).toBe(303);
      expect(first.headers.get('location')).toBe('/');
      const cookies = first.headers.getSetCookie();
      expect(cookies).toHaveLength(2);
      for (const c of cookies) expect(c).toMatch(/; Path=\/; HttpOnly; SameSite=Strict$/);
      const cookie = cookies.map((c) => c.split(';')[0]).join('; ');
      const pageRes = await fetch(`${base}/`, { headers: { cookie } });
      expect(pageRes.status).toBe(200);
      expect(await pageRes.text()).toContain('<div id="root">');
      const status = await (await fetch(`${base}/lan/status`, { headers: { cookie } })).json();
      expect(status).toEqual({ lan: true, readOnly: true, pinTeamId: null });

      // Read-only: reads work (redacted wall), writes are refused.
      const wall = await (await fetch(`${base}/api/getWallScreen`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', cookie }, body: JSON.stringify({ teamId, privacy: false }),
      })).json();
      expect(wall.value.privacy).toBe(true);
      const write = await fetch(`${base}/api/updateCase`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Flowtavle-Actor': String(leader.id), cookie },
        body: JSON.stringify({ caseId: 1, blocked: true, blockedReason: 'Forsøg fra netværket' }),
      });
      expect(write.status).toBe(403);
      expect((await write.json()).error.code).toBe('read_only');

      // The team PIN (set by a leader at the host) unlocks writes for this session only.
      const setPin = await fetch(`${lan.url}api/setTeamPin`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Flowtavle-Actor': String(leader.id) }, body: JSON.stringify({ teamId, pin: '2580' }),
      });
      expect(setPin.status).toBe(200);
      const pin = (value: string) => fetch(`${base}/lan/pin`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', cookie }, body: JSON.stringify({ teamId, pin: value }),
      });
      expect((await pin('2581')).status).toBe(403);
      expect((await pin('2580')).status).toBe(200);
      expect(await (await fetch(`${base}/lan/status`, { headers: { cookie } })).json()).toEqual({ lan: true, readOnly: false, pinTeamId: teamId });
      const board = await (await fetch(`${base}/api/getBoard`, { method: 'POST', headers: { 'Content-Type': 'application/json', cookie }, body: JSON.stringify({ teamId }) })).json();
      const caseId = board.value.cards.find((c: { blocked: boolean }) => !c.blocked).id;
      const unlocked = await fetch(`${base}/api/updateCase`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Flowtavle-Actor': String(leader.id), cookie },
        body: JSON.stringify({ caseId, blocked: true, blockedReason: 'Venter på lægeerklæring' }),
      });
      expect((await unlocked.json()).ok).toBe(true);
      const sessions = await (await fetch(`${lan.url}api/listLanSessions`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Flowtavle-Actor': String(leader.id) }, body: '{}',
      })).json();
      expect(sessions.value[0]).toMatchObject({ remoteAddress: expect.stringContaining(address!), pinTeamName: 'Team Nyansøgning' });

      // Loopback works without a token, as before.
      expect((await fetch(`${lan.url}`)).status).toBe(200);

      // A revoked token is refused from the next request.
      const tokens = await (await fetch(`${lan.url}api/listLanTokens`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Flowtavle-Actor': String(leader.id) }, body: '{}',
      })).json();
      await fetch(`${lan.url}api/revokeLanToken`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Flowtavle-Actor': String(leader.id) }, body: JSON.stringify({ tokenId: tokens.value[0].id }),
      });
      expect((await fetch(`${base}/`, { headers: { cookie } })).status).toBe(401);
    } finally {
      await lan.stop();
    }
  });
});
