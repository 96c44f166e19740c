// Issue 17, items 2 and 3, in Chromium against `serve`, signed in as a caseworker: "Tag næste sag"
// into a full column asks for a reason first (nothing changes until it is given), and Ctrl+Z after
// a move on the board puts the card back with the age it had, not 0 d.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Board, CaseDetailWithProgression } from '../../shared/api/methods/board';
import type { MyCases, PullList } from '../../shared/api/methods/pullList';
import { daysInColumn } from '../../shared/board';
import type { Person, Team } from '../../shared/domain';
import { launchBrowser } from '../support/chromium';
import { startServer, type RunningServer } from '../support/server';
import { demoAccount, signIn, signInPage, type ApiSession } from '../support/session';

const TEAM = 'Team BPA';
let server: RunningServer;
let context: BrowserContext;
let leaderApi: ApiSession;
let team: Team;
const callApi = <T>(method: string, input: unknown): Promise<T> => leaderApi.call<T>(method, input);
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000, interval: 100 });
const getBoard = () => callApi<Board>('getBoard', { teamId: team.id });

beforeAll(async () => {
  server = await startServer();
  leaderApi = await signIn(server, (await demoAccount(server, 'leader', TEAM)).login);
  team = (await callApi<Team[]>('listTeams', {})).find((t) => t.name === TEAM)!;
  context = await launchBrowser({ width: 1600, height: 1000 });
});

afterAll(async () => {
  await context?.close();
  await server?.stop();
});

/** A caseworker of the team with a case to pull and room under their own limit. */
async function puller(): Promise<{ person: Person; caseNumber: string; pulledNumber: string }> {
  for (const person of (await callApi<Person[]>('listPeople', { teamId: team.id })).filter((p) => p.role === 'caseworker')) {
    const mine = await callApi<MyCases>('getMyCases', { personId: person.id });
    // A decided case's follow-up is pulled as an item of its own, numbered after the case (docs/pull-list.md).
    if ('item' in mine.next) return { person, caseNumber: mine.next.item.caseNumber, pulledNumber: `${mine.next.item.caseNumber}${mine.next.item.reopens ? '-O1' : ''}` };
  }
  throw new Error(`no caseworker in ${TEAM} can pull in the demo department`);
}

async function page(ctx = context): Promise<Page> {
  const p = await ctx.newPage();
  p.on('pageerror', (e) => {
    throw e;
  });
  return p;
}

describe('one WIP policy and an undo that keeps the age', () => {
  it('a pull into a full column asks for a reason first, and goes with it', async () => {
    const { person, caseNumber, pulledNumber } = await puller();
    const board = await getBoard();
    const inquiry = board.columns.filter((c) => c.kind === 'active').sort((a, b) => a.position - b.position)[0]!;
    const count = board.cards.filter((c) => c.columnId === inquiry.id).length;
    await callApi('updateColumn', { columnId: inquiry.id, wipLimit: Math.max(1, count) });

    const p = await page();
    await signInPage(p, server, person.initials.toLowerCase());
    await p.getByRole('link', { name: 'Mine sager' }).click();
    await p.getByRole('heading', { name: 'Mine sager', level: 1 }).waitFor();
    await p.getByRole('button', { name: 'Tag næste sag' }).click();

    const dialog = p.getByRole('dialog', { name: 'WIP-grænsen overskrides' });
    await dialog.waitFor();
    await eventually(async () => (await dialog.textContent()) ?? '').toContain(`At tage ${caseNumber} fra pull-listen går over en grænse, teamet har sat:`);
    expect(await dialog.textContent()).toContain(`Kolonnen "${inquiry.name}" har ${count} kort og en grænse på ${Math.max(1, count)}.`);
    await p.screenshot({ path: '/tmp/wipundo-pull-reason.png' });
    // Asked first: nothing has changed in the store yet.
    expect((await callApi<PullList>('getPullList', { teamId: team.id })).items.map((i) => i.caseNumber)).toContain(caseNumber);

    await dialog.getByRole('button', { name: 'Gå over grænsen' }).click();
    await dialog.getByText('Skriv en begrundelse på mindst 3 tegn.').waitFor();
    await dialog.getByLabel('Begrundelse').fill('Akut: borgeren udskrives i morgen');
    await dialog.getByRole('button', { name: 'Gå over grænsen' }).click();
    await eventually(async () => (await p.getByRole('status').filter({ hasText: 'Du har taget sag' }).textContent()) ?? '')
      .toContain(`Du har taget sag ${pulledNumber}`);
    expect(await dialog.count()).toBe(0);

    const card = (await getBoard()).cards.find((c) => c.caseNumber === pulledNumber)!;
    expect(card).toMatchObject({ columnId: inquiry.id, assigneeId: person.id });
    const detail = await callApi<CaseDetailWithProgression>('getCase', { caseId: card.id });
    const move = detail.events.find((e) => e.field === 'column')!;
    expect(move).toMatchObject({ type: 'moved_over_wip_limit', actorId: person.id, toValue: String(inquiry.id) });
    expect(move.reason).toMatch(/^Akut: borgeren udskrives i morgen – taget fra pull-listen/);
    await p.close();
  });

  it('a move and then Ctrl+Z shows the earlier age on the card', async () => {
    const { person } = await puller();
    const board = await getBoard();
    const [first, second] = [...board.columns].sort((a, b) => a.position - b.position);
    const today = new Date().toISOString().slice(0, 10);
    const old = board.cards.find((c) => c.columnId === first!.id && daysInColumn(c, today) >= 2)!;
    expect(old, 'an incoming card that has waited a few days').toBeDefined();
    const days = daysInColumn(old, today);
    // Room in the next column, so the move needs no reason.
    await callApi('updateColumn', { columnId: second!.id, wipLimit: null });

    // A browser of its own: the first test's is signed in already.
    const own = await launchBrowser({ width: 1600, height: 1000 });
    const p = await page(own);
    await signInPage(p, server, person.initials.toLowerCase());
    await eventually(() => p.getByRole('combobox', { name: 'Team' }).inputValue()).toBe(String(team.id));
    const card = p.locator(`.card[data-case-number="${old.caseNumber}"]`);
    await card.waitFor();
    await eventually(async () => (await card.textContent()) ?? '').toContain(`${days} d`);

    const source = (await card.boundingBox())!;
    const target = (await p.locator(`.cell[data-column-id="${second!.id}"]`).first().boundingBox())!;
    await p.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
    await p.mouse.down();
    await p.mouse.move(source.x + source.width / 2 + 8, source.y + source.height / 2 + 8, { steps: 3 });
    await p.mouse.move(target.x + target.width / 2, target.y + target.height - 30, { steps: 12 });
    await p.mouse.up();
    const stored = async () => (await getBoard()).cards.find((c) => c.id === old.id)!;
    await eventually(async () => (await stored()).columnId).toBe(second!.id);
    await eventually(async () => (await card.textContent()) ?? '').toMatch(/(^|\D)0 d/);

    await p.keyboard.press('Control+z');
    await eventually(async () => (await stored()).columnId).toBe(first!.id);
    expect(await stored()).toMatchObject({ columnEnteredAt: old.columnEnteredAt, sortKey: old.sortKey });
    await p.locator(`.cell[data-column-id="${first!.id}"] .card[data-case-number="${old.caseNumber}"]`).waitFor();
    await eventually(async () => (await card.textContent()) ?? '').toContain(`${days} d`);
    const detail = await callApi<CaseDetailWithProgression>('getCase', { caseId: old.id });
    expect(detail.events[0]).toMatchObject({ type: 'move_undone', actorId: person.id, toValue: String(first!.id) });
    await p.screenshot({ path: '/tmp/wipundo-undo-age.png' });
    await own.close();
  });
});
