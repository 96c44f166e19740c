// The team board in Chromium against `serve`: mouse and keyboard moves, a move over a WIP limit
// with a reason, undo, blocking, filtering, persistence across a reload, live updates between
// two browser sessions, and axe-core's accessibility audit.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { formatNumber } from '../../shared/format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Board, CaseDetailWithProgression } from '../../shared/api/methods/board';
import type { AuthPerson } from '../../shared/api/auth';
import { launchBrowser } from '../support/chromium';
import { startServer, type RunningServer } from '../support/server';
import { demoAccount, signIn, signInPage, type ApiSession } from '../support/session';

const require = createRequire(import.meta.url);
const TEAM = 'Team BPA';

let server: RunningServer;
/** The team's leader, signed in over HTTP as the browser tests' second pair of hands. */
let leaderApi: ApiSession;
let leader: AuthPerson;
let teamId: number;

const callApi = <T>(method: string, input: unknown): Promise<T> => leaderApi.call<T>(method, input);

/** Playwright-style waiting with vitest's expect: retry until the value matches. */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000, interval: 100 });
const text = (locator: Locator) => async () => ((await locator.textContent()) ?? '').trim();

const getBoard = () => callApi<Board>('getBoard', { teamId });
const columnOf = async (caseNumber: string) => {
  const board = await getBoard();
  const card = board.cards.find((c) => c.caseNumber === caseNumber)!;
  return board.columns.find((c) => c.id === card.columnId)!.name;
};

async function openBoardAs(context: BrowserContext, login: string): Promise<Page> {
  const page = await context.newPage();
  await signInPage(page, server, login);
  await eventually(() => page.getByRole('combobox', { name: 'Team' }).inputValue()).toBe(String(teamId));
  await page.locator('.card').first().waitFor();
  return page;
}

const cell = (page: Page, columnId: number) => page.locator(`.cell[data-column-id="${columnId}"]`);
const card = (page: Page, caseNumber: string) => page.locator(`.card[data-case-number="${caseNumber}"]`);

/** A real pointer drag: dnd-kit starts only after the pointer has moved a few pixels. */
async function drag(page: Page, from: string, toColumnId: number) {
  const source = (await card(page, from).boundingBox())!;
  const target = (await cell(page, toColumnId).boundingBox())!;
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(source.x + source.width / 2 + 8, source.y + source.height / 2 + 8, { steps: 3 });
  // The lower part of the cell, below its cards: the card goes last in the column.
  await page.mouse.move(target.x + target.width / 2, target.y + target.height - 30, { steps: 12 });
  await page.mouse.up();
}

beforeAll(async () => {
  server = await startServer();
  leaderApi = await signIn(server, (await demoAccount(server, 'leader', TEAM)).login);
  leader = await leaderApi.person();
  teamId = leader.teamId!;
  const teams = await callApi<{ id: number; name: string }[]>('listTeams', {});
  expect(teams.find((t) => t.name === TEAM)!.id).toBe(teamId);
});

afterAll(async () => {
  await server?.stop();
});

describe('the team board', () => {
  it('moves by mouse and keyboard, goes over a WIP limit with a reason, undoes, blocks, filters, and keeps it all after a reload', async () => {
    const context = await launchBrowser();
    try {
      const page = await openBoardAs(context, leader.login!);
      const board = await getBoard();
      const [incoming, ready, inquiry] = ['Indkommet', 'Klar til sagsbehandling', 'Udredning'].map((n) => board.columns.find((c) => c.name === n)!);
      const inIncoming = board.cards.filter((c) => c.columnId === incoming!.id);
      expect(inIncoming.length).toBeGreaterThanOrEqual(2);

      // 1. Mouse: the first incoming card to "Klar til sagsbehandling".
      const byMouse = inIncoming[0]!.caseNumber;
      await drag(page, byMouse, ready!.id);
      await eventually(() => columnOf(byMouse)).toBe('Klar til sagsbehandling');
      await cell(page, ready!.id).locator(`[data-case-number="${byMouse}"]`).waitFor();

      // 2. Keyboard: focus, space to lift, arrow right, space to drop.
      const byKeyboard = inIncoming[1]!.caseNumber;
      await card(page, byKeyboard).focus();
      await page.keyboard.press('Space');
      await page.waitForTimeout(150);
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(150);
      await eventually(text(page.locator('[id^="DndLiveRegion"]'))).toContain(`Kort ${byKeyboard} er over kolonnen Klar til sagsbehandling`);
      await page.keyboard.press('Space');
      await eventually(() => columnOf(byKeyboard)).toBe('Klar til sagsbehandling');
      // It went to the top, above the card that was first.
      const readyOrder = (await getBoard()).cards.filter((c) => c.columnId === ready!.id).map((c) => c.caseNumber);
      expect(readyOrder[0]).toBe(byKeyboard);

      // 3. Over the WIP limit: the leader makes "Udredning" exactly full first.
      const inInquiry = (await getBoard()).cards.filter((c) => c.columnId === inquiry!.id).length;
      await callApi('updateColumn', { columnId: inquiry!.id, wipLimit: inInquiry });
      await page.reload();
      await card(page, byMouse).waitFor();
      await eventually(text(page.locator(`[data-column="${inquiry!.name}"] .column-count`))).toBe(`${inInquiry} / ${inInquiry}`);
      await drag(page, byMouse, inquiry!.id);
      const dialog = page.getByRole('dialog', { name: 'WIP-grænsen overskrides' });
      await dialog.waitFor();
      await eventually(text(dialog)).toContain(`Kolonnen "Udredning" har ${inInquiry} kort og en grænse på ${inInquiry}.`);
      await dialog.getByRole('button', { name: 'Gå over grænsen' }).click();
      await dialog.getByText('Skriv en begrundelse på mindst 3 tegn.').waitFor();
      await dialog.getByLabel('Begrundelse').fill('Akut indlæggelse, skal udredes i dag');
      await dialog.getByRole('button', { name: 'Gå over grænsen' }).click();
      await eventually(() => columnOf(byMouse)).toBe('Udredning');
      await eventually(async () => (await page.locator(`[data-column="${inquiry!.name}"]`).getAttribute('class')) ?? '').toMatch(/over-limit/);
      const movedId = (await getBoard()).cards.find((c) => c.caseNumber === byMouse)!.id;
      let detail = await callApi<CaseDetailWithProgression>('getCase', { caseId: movedId });
      expect(detail.events[0]).toMatchObject({
        type: 'moved_over_wip_limit', fromValue: String(ready!.id), toValue: String(inquiry!.id),
        reason: 'Akut indlæggelse, skal udredes i dag', actorId: leader.id,
      });

      // 4. Undo: the store takes the move back (column, place, entry day), recorded as an undo of it.
      await page.getByRole('button', { name: 'Fortryd' }).click();
      await eventually(() => columnOf(byMouse)).toBe('Klar til sagsbehandling');
      detail = await callApi<CaseDetailWithProgression>('getCase', { caseId: movedId });
      expect(detail.events[0]).toMatchObject({ type: 'move_undone', toValue: String(ready!.id), reason: `Fortrudt (hændelse #${detail.events[1]!.id})` });
      await cell(page, ready!.id).locator(`[data-case-number="${byMouse}"]`).waitFor();

      // 5. Block with a reason in the card's detail panel.
      await card(page, byKeyboard).click();
      const panel = page.locator('.card-detail');
      await panel.getByRole('heading', { name: `Sag ${byKeyboard}` }).waitFor();
      await panel.getByLabel('Blokeret', { exact: true }).check();
      await panel.getByLabel('Begrundelse for blokering').fill('Afventer lægeerklæring fra egen læge');
      await panel.getByRole('button', { name: 'Gem ændringer' }).click();
      await panel.getByText('Ændringerne er gemt.').waitFor();
      await eventually(text(card(page, byKeyboard).locator('.card-blocked'))).toContain('Afventer lægeerklæring fra egen læge');
      await eventually(text(panel.locator('.history'))).toContain('Blokeret: Afventer lægeerklæring fra egen læge');
      await panel.getByRole('button', { name: 'Luk sagen' }).click();

      // 6. Filter: blocked only, then free text.
      // Out of every card on the board: the done column's unloaded cards count too.
      const total = formatNumber(Object.values((await getBoard()).columnCounts).reduce((a, b) => a + b, 0));
      const blockedCount = (await getBoard()).cards.filter((c) => c.blocked).length;
      await page.getByRole('combobox', { name: 'Blokering' }).selectOption('blocked');
      await eventually(text(page.locator('.filter-count'))).toBe(`${blockedCount} af ${total} kort vises`);
      await card(page, byKeyboard).waitFor();
      await eventually(() => card(page, byMouse).count()).toBe(0);
      await page.getByRole('searchbox').fill(byKeyboard.slice(-6));
      await eventually(text(page.locator('.filter-count'))).toBe(`1 af ${total} kort vises`);

      // 7. Reload: the moves, the block and the filter are all still there.
      await page.reload();
      await card(page, byKeyboard).waitFor();
      expect(await page.getByRole('searchbox').inputValue()).toBe(byKeyboard.slice(-6));
      expect(await page.getByRole('combobox', { name: 'Blokering' }).inputValue()).toBe('blocked');
      await eventually(text(page.locator('.filter-count'))).toBe(`1 af ${total} kort vises`);
      await eventually(text(cell(page, ready!.id).locator(`[data-case-number="${byKeyboard}"] .card-blocked`))).toContain('Afventer lægeerklæring');
      await page.getByRole('button', { name: 'Nulstil filtre' }).click();
      await cell(page, ready!.id).locator(`[data-case-number="${byMouse}"]`).waitFor();
      await eventually(text(page.locator(`[data-column="${inquiry!.name}"] .column-count`))).toBe(`${inInquiry} / ${inInquiry}`);
    } finally {
      await context.close();
    }
  });

  it("shows another session's move within two seconds", async () => {
    const watcherContext = await launchBrowser();
    const moverContext = await launchBrowser();
    try {
      const caseworker = await demoAccount(server, 'caseworker', TEAM);
      const watcher = await openBoardAs(watcherContext, caseworker.login);
      const mover = await openBoardAs(moverContext, leader.login!);
      const board = await getBoard();
      // Earlier tests may have emptied a small team's inbox: take a card from a queue that has one.
      const queues = board.columns.filter((c) => c.kind === 'queue');
      const incoming = queues.find((q) => board.cards.some((c) => c.columnId === q.id))!;
      const ready = queues.find((q) => q.id !== incoming.id)!;
      const moving = board.cards.find((c) => c.columnId === incoming.id)!.caseNumber;
      await cell(watcher, incoming.id).locator(`[data-case-number="${moving}"]`).waitFor();
      await drag(mover, moving, ready.id);
      await eventually(() => columnOf(moving)).toBe(ready.name);
      const committed = Date.now();
      await cell(watcher, ready.id).locator(`[data-case-number="${moving}"]`).waitFor({ timeout: 2_000 });
      expect(Date.now() - committed).toBeLessThan(2_000);
      await eventually(() => cell(watcher, incoming.id).locator(`[data-case-number="${moving}"]`).count()).toBe(0);
    } finally {
      await watcherContext.close();
      await moverContext.close();
    }
  });

  it('has no serious or critical accessibility violations (axe-core) with lanes and the detail panel open; lanes hand cases over', async () => {
    const context = await launchBrowser();
    try {
      const page = await openBoardAs(context, leader.login!);
      await page.getByRole('combobox', { name: 'Baner' }).selectOption('assignee');
      await page.locator('.lane-header').first().waitFor();
      await page.locator('.card').first().click();
      await page.locator('.card-detail .facts').waitFor();
      // The host's CSP forbids inline scripts (addScriptTag), so axe is evaluated through the DevTools protocol.
      await page.evaluate(readFileSync(require.resolve('axe-core'), 'utf8'));
      const result = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const { violations } = await axe.run();
        return violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      const serious = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious).toEqual([]);

      // A drop into another caseworker's lane hands the case over; one undo reverts it.
      await page.getByRole('button', { name: 'Luk sagen' }).click();
      const board = await getBoard();
      const done = board.columns.find((c) => c.kind === 'done')!;
      const [from, to] = board.people.filter((p) => p.role === 'caseworker');
      const handed = board.cards.find((c) => c.columnId === done.id && c.assigneeId === from!.id)!;
      const source = (await page.locator(`.cell[data-lane="person:${from!.id}"] [data-case-number="${handed.caseNumber}"]`).boundingBox())!;
      const target = (await page.locator(`.cell[data-lane="person:${to!.id}"][data-column-id="${done.id}"]`).boundingBox())!;
      await page.mouse.move(source.x + 40, source.y + 20);
      await page.mouse.down();
      await page.mouse.move(source.x + 48, source.y + 28, { steps: 3 });
      // Aim inside the part of the target cell that is on screen (a full done column runs below it).
      const viewport = page.viewportSize()!;
      const dropY = Math.min(target.y + target.height - 12, viewport.height - 24, target.y + 120);
      await page.mouse.move(target.x + target.width / 2, dropY, { steps: 12 });
      await page.mouse.up();
      const assigneeOf = async () => (await getBoard()).cards.find((c) => c.id === handed.id)!.assigneeId;
      await eventually(assigneeOf).toBe(to!.id);
      await page.locator(`.cell[data-lane="person:${to!.id}"] [data-case-number="${handed.caseNumber}"]`).waitFor();
      await page.getByRole('button', { name: 'Fortryd' }).click();
      await eventually(assigneeOf).toBe(from!.id);
    } finally {
      await context.close();
    }
  });
});
