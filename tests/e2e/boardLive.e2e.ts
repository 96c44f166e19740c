// Issue 19, item 1, in Chromium against `serve`, signed in as a caseworker: the board loads its
// open cards and the done column's latest closed ones ("Vis flere" pages on), and a move made
// elsewhere reaches the open board as a change: only the moved card is fetched, a full board
// never, and another team's move fetches nothing at all.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Board } from '../../shared/api/methods/board';
import { BOARD_DONE_RECENT, DONE_PAGE } from '../../shared/boardSync';
import type { Team } from '../../shared/domain';
import { formatNumber } from '../../shared/format';
import { launchBrowser } from '../support/chromium';
import { startServer, type RunningServer } from '../support/server';
import { demoAccount, signIn, signInPage, type ApiSession } from '../support/session';

let server: RunningServer;
let context: BrowserContext;
let head: ApiSession;
let team: Team;
let other: Team;
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000, interval: 100 });

beforeAll(async () => {
  server = await startServer();
  head = await signIn(server, (await demoAccount(server, 'department_head')).login);
  // The team with the longest done column, so its board is cut and pages.
  const teams = await head.call<Team[]>('listTeams', {});
  let longest = -1;
  for (const t of teams) {
    const board = await head.call<Board>('getBoard', { teamId: t.id });
    const done = board.columns.filter((c) => c.kind === 'done').reduce((n, c) => n + board.columnCounts[c.id]!, 0);
    if (done > longest) [team, longest] = [t, done];
  }
  other = teams.find((t) => t.id !== team.id)!;
  context = await launchBrowser({ width: 1600, height: 1000 });
});

afterAll(async () => {
  await context?.close();
  await server?.stop();
});

/** The API calls the page makes, by method. */
function callsOf(p: Page): string[] {
  const calls: string[] = [];
  p.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/api/') && path !== '/api/changes') calls.push(path.slice(5));
  });
  return calls;
}

/** A card of `board` in its first open column, and the next open column (its WIP limit lifted, so the move needs no reason). */
async function aMove(board: Board): Promise<{ caseId: number; caseNumber: string; to: number; before: number | null }> {
  const [first, second] = board.columns.filter((c) => c.kind !== 'done').sort((a, b) => a.position - b.position);
  await head.call('updateColumn', { columnId: second!.id, wipLimit: null });
  const card = board.cards.find((c) => c.columnId === first!.id)!;
  // On top of the column, where the virtualised list shows it.
  const before = board.cards.find((c) => c.columnId === second!.id)?.id ?? null;
  return { caseId: card.id, caseNumber: card.caseNumber, to: second!.id, before };
}

describe('the board travels as changes', () => {
  it('loads the open cards and the latest closed ones; "Vis flere" fetches the next page of the done column', async () => {
    const board = await head.call<Board>('getBoard', { teamId: team.id });
    const done = board.columns.find((c) => c.kind === 'done')!;
    const total = board.columnCounts[done.id]!;
    expect(total).toBeGreaterThan(BOARD_DONE_RECENT + DONE_PAGE);
    expect(board.cards.filter((c) => c.columnId === done.id)).toHaveLength(BOARD_DONE_RECENT);

    const p = await context.newPage();
    const caseworker = await demoAccount(server, 'caseworker', team.name);
    await signInPage(p, server, caseworker.login);
    const header = p.locator(`.column-header[data-column="${done.name}"]`);
    await eventually(() => header.locator('.column-count').textContent()).toBe(formatNumber(total));
    await eventually(() => header.locator('.done-more').textContent()).toContain(`Viser de seneste ${formatNumber(BOARD_DONE_RECENT)} af ${formatNumber(total)}`);
    await header.getByRole('button', { name: `Vis flere afsluttede kort i ${done.name}` }).click();
    await eventually(() => header.locator('.done-more').textContent()).toContain(`Viser de seneste ${formatNumber(BOARD_DONE_RECENT + DONE_PAGE)} af ${formatNumber(total)}`);
    await p.screenshot({ path: '/tmp/flowtavle-shots/board-done-more.png' });
    await p.close();
  });

  it('a move made elsewhere shows on the open board by fetching the moved card only; another team\'s move fetches nothing', async () => {
    // The WIP limits are lifted before the board opens: a column change is store-wide and reloads it.
    const move = await aMove(await head.call<Board>('getBoard', { teamId: team.id }));
    const elsewhere = await aMove(await head.call<Board>('getBoard', { teamId: other.id }));
    // A browser of its own: the first test's is signed in already.
    const own = await launchBrowser({ width: 1600, height: 1000 });
    const p = await own.newPage();
    const caseworker = await demoAccount(server, 'caseworker', team.name);
    await signInPage(p, server, caseworker.login);
    await p.locator('.card').first().waitFor();
    await p.waitForTimeout(500);
    const calls = callsOf(p);

    await head.call('moveCard', { caseId: move.caseId, toColumnId: move.to, beforeCaseId: move.before, reason: 'Flyttet fra en anden skærm' });
    await p.locator(`.cell[data-column-id="${move.to}"] .card[data-case-number="${move.caseNumber}"]`).waitFor({ timeout: 10_000 });
    expect(calls.filter((m) => m === 'getBoard')).toEqual([]);
    expect(calls.filter((m) => m === 'getBoardCards').length).toBeGreaterThanOrEqual(1);

    // Another team's move: the board asks for nothing.
    calls.length = 0;
    await head.call('moveCard', { caseId: elsewhere.caseId, toColumnId: elsewhere.to, reason: 'Flyttet på et andet team' });
    await p.waitForTimeout(1_000);
    expect(calls.filter((m) => m === 'getBoard' || m === 'getBoardCards')).toEqual([]);

    // A column change reaches beyond cards: the board reloads and shows the new name.
    const board = await head.call<Board>('getBoard', { teamId: team.id });
    const queue = board.columns.find((c) => c.kind === 'queue')!;
    await head.call('updateColumn', { columnId: queue.id, name: `${queue.name} (ny)` });
    await p.locator(`.column-header[data-column="${queue.name} (ny)"]`).waitFor({ timeout: 10_000 });
    expect(calls).toContain('getBoard');
    await own.close();
  });
});
