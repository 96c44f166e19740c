// A caseworker pulls the next case in Chromium against `serve`: it shows in "Mine sager" and on
// the board, and the pull list shrinks by it. axe-core audits both views.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyCases, PullList } from '../../shared/api/methods/pullList';
import type { Person, Team } from '../../shared/domain';
import { launchBrowser } from '../support/chromium';
import { startServer, type RunningServer } from '../support/server';
import { demoAccount, signIn, signInPage, type ApiSession } from '../support/session';

const require = createRequire(import.meta.url);

let server: RunningServer;
let context: BrowserContext;
/** The team's leader over HTTP, to read what the store holds while the caseworker works in the browser. */
let leaderApi: ApiSession;
const callApi = <T>(method: string, input: unknown): Promise<T> => leaderApi.call<T>(method, input);

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000, interval: 100 });

async function auditAccessibility(page: Page): Promise<string[]> {
  // The host's CSP forbids inline scripts, so axe is evaluated directly.
  await page.evaluate(readFileSync(require.resolve('axe-core'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

beforeAll(async () => {
  server = await startServer();
  leaderApi = await signIn(server, (await demoAccount(server, 'leader', 'Team BPA')).login);
  context = await launchBrowser({ width: 1600, height: 1000 });
});

afterAll(async () => {
  await context?.close();
  await server?.stop();
});

describe('pull next case', () => {
  it('a caseworker pulls the top case: it appears in Mine sager and on the board, and the pull list shrinks', async () => {
    const teams = await callApi<Team[]>('listTeams', {});
    const team = teams.find((t) => t.name === 'Team BPA')!;
    const people = await callApi<Person[]>('listPeople', { teamId: team.id });
    // A caseworker with room under their WIP limit and a case they may take.
    let chosen: { person: Person; mine: MyCases } | null = null;
    for (const person of people.filter((p) => p.role === 'caseworker')) {
      const mine = await callApi<MyCases>('getMyCases', { personId: person.id });
      if ('item' in mine.next) {
        chosen = { person, mine };
        break;
      }
    }
    expect(chosen, 'no caseworker in Team BPA can pull in the demo department').not.toBeNull();
    const { person, mine } = chosen!;
    const expected = 'item' in mine.next ? mine.next.item.caseNumber : '';
    // A decided case's follow-up is pulled as an item of its own, numbered after the case (docs/pull-list.md).
    const pulledNumber = 'item' in mine.next && mine.next.item.reopens ? `${expected}-O1` : expected;
    const before = await callApi<PullList>('getPullList', { teamId: team.id });
    expect(before.items.map((i) => i.caseNumber)).toContain(expected);

    const page = await context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    await signInPage(page, server, person.initials.toLowerCase());

    // The pull list as the team sees it, with the reasons of the case that will be pulled.
    await page.getByRole('link', { name: 'Pull-liste' }).click();
    await page.getByRole('heading', { name: 'Pull-liste for Team BPA' }).waitFor();
    await eventually(() => page.getByTestId('pull-summary').textContent()).toContain(`${before.items.length} sager på listen`);
    const listed = page.locator(`li.pull-item[data-case-number="${expected}"]`);
    await listed.waitFor();
    const topReasons = before.items.find((i) => i.caseNumber === expected)!.reasons;
    expect(await listed.locator('.pull-reasons li').allTextContents()).toEqual(topReasons);
    expect(await auditAccessibility(page)).toEqual([]);

    // Mine sager: the pull button names what I will get, and then gives it to me.
    await page.getByRole('link', { name: 'Mine sager' }).click();
    await page.getByRole('heading', { name: 'Mine sager', level: 1 }).waitFor();
    await eventually(() => page.locator('.pull-preview').textContent()).toContain(expected);
    const inProgress = page.locator('section[data-section="mine-progress"]');
    expect(await inProgress.locator(`tr[data-case-number="${expected}"]`).count()).toBe(0);
    expect(await auditAccessibility(page)).toEqual([]);
    await page.getByRole('button', { name: 'Tag næste sag' }).click();
    await eventually(() => page.getByRole('status').filter({ hasText: 'Du har taget sag' }).textContent())
      .toContain(`Du har taget sag ${pulledNumber}`);
    await inProgress.locator(`tr[data-case-number="${pulledNumber}"]`).waitFor();
    await eventually(() => page.locator('.pull-wip-count').textContent()).toContain(`${mine.wipCount + 1} af ${mine.wipLimit}`);

    // On the board: in the first active column, with my initials.
    await page.getByRole('link', { name: 'Tavle' }).click();
    const card = page.getByRole('list', { name: 'Udredning' }).locator(`[data-case-number="${pulledNumber}"]`).first();
    await card.waitFor();
    expect(await card.textContent()).toContain(person.initials);

    // The pull list is one shorter and no longer holds the case.
    await page.getByRole('link', { name: 'Pull-liste' }).click();
    await eventually(() => page.getByTestId('pull-summary').textContent()).toContain(`${before.items.length - 1} sager på listen`);
    expect(await page.locator(`li.pull-item[data-case-number="${expected}"]`).count()).toBe(0);
    const after = await callApi<PullList>('getPullList', { teamId: team.id });
    expect(after.items.map((i) => i.caseNumber)).toEqual(before.items.map((i) => i.caseNumber).filter((n) => n !== expected));
    await page.close();
  });
});
