// A follow-up is a work item of its own (issue 17, item 1), in Chromium against `serve`: a
// caseworker pulls a decided case's follow-up from the demo's pull list; the item is an
// "Opfølgning" due on the follow-up date the list showed, the decided case's decision and history
// stay as they were, and closing the item with "Ændres inden for rammen" opens the grant editor.
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailWithProgression } from '../../shared/api/methods/board';
import type { MyCases, PullList } from '../../shared/api/methods/pullList';
import type { Person, Team } from '../../shared/domain';
import { formatDate } from '../../shared/format';
import { audit } from '../support/axe';
import { launchBrowser } from '../support/chromium';
import { startServer, type RunningServer } from '../support/server';
import { demoAccount, signIn, signInPage, type ApiSession } from '../support/session';

const SHOTS = process.env.FLOWTAVLE_SCREENSHOTS ?? '/tmp/flowtavle-shots';

let server: RunningServer;
let context: BrowserContext;
let leaderApi: ApiSession;
const callApi = <T>(method: string, input: unknown): Promise<T> => leaderApi.call<T>(method, input);
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000, interval: 100 });

beforeAll(async () => {
  server = await startServer();
  // The department head reads every team: the caseworker whose next pull is a follow-up is found below.
  leaderApi = await signIn(server, (await demoAccount(server, 'department_head')).login);
  context = await launchBrowser({ width: 1600, height: 1000 });
});

afterAll(async () => {
  await context?.close();
  await server?.stop();
});

describe('follow-up items', () => {
  it('a caseworker pulls a follow-up: its own item due on the follow-up date; the decided case is unchanged; "Ændres inden for rammen" opens the grant editor', async () => {
    // A caseworker whose next pull is a decided case's follow-up.
    let chosen: { person: Person; mine: MyCases } | null = null;
    for (const team of await callApi<Team[]>('listTeams', {})) {
      for (const person of (await callApi<Person[]>('listPeople', { teamId: team.id })).filter((p) => p.role === 'caseworker')) {
        const mine = await callApi<MyCases>('getMyCases', { personId: person.id });
        if ('item' in mine.next && mine.next.item.reopens && mine.next.item.kind === 'follow_up') {
          chosen = { person, mine };
          break;
        }
      }
      if (chosen) break;
    }
    expect(chosen, 'no caseworker gets a follow-up from the demo\'s pull list').not.toBeNull();
    const { person } = chosen!;
    const next = (chosen!.mine.next as { item: PullList['items'][number] }).item;
    const shownDeadline = formatDate(next.deadline!, 'da');
    const originalBefore = await callApi<CaseDetailWithProgression>('getCase', { caseId: next.caseId });

    const page = await context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    await signInPage(page, server, person.initials.toLowerCase());

    // The pull list shows the follow-up date of the decided case.
    await page.getByRole('link', { name: 'Pull-liste' }).click();
    const listed = page.locator(`li.pull-item[data-case-number="${next.caseNumber}"]`);
    await listed.waitFor();
    expect(await listed.textContent()).toContain(shownDeadline);

    await page.getByRole('link', { name: 'Mine sager' }).click();
    await page.getByRole('heading', { name: 'Mine sager', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Tag næste sag' }).click();
    const itemNumber = `${next.caseNumber}-O1`;
    await eventually(() => page.getByRole('status').filter({ hasText: 'Du har taget sag' }).textContent()).toContain(`Du har taget sag ${itemNumber}`);

    // On the board: the item's detail says Opfølgning, due on the follow-up date, of the decided case.
    await page.getByRole('link', { name: 'Tavle' }).click();
    const card = page.locator(`[data-case-number="${itemNumber}"]`).first();
    await card.waitFor();
    const itemId = Number(await card.getAttribute('data-case-id'));
    await card.click();
    const detail = page.locator('aside.card-detail');
    await detail.getByRole('heading', { name: `Sag ${itemNumber}` }).waitFor();
    const facts = detail.locator('dl.facts');
    expect(await facts.locator('div', { hasText: 'Sagstype' }).locator('dd').textContent()).toBe('Opfølgning');
    expect(await facts.locator('div', { hasText: 'Lovpligtig frist' }).locator('dd').textContent()).toContain(shownDeadline);
    const section = detail.getByTestId('follow-up-section');
    await section.waitFor();
    expect(await section.getByTestId('follow-up-origin').textContent()).toBe(`Opfølgning af ${next.caseNumber}`);
    await page.screenshot({ path: `${SHOTS}/follow-up-detail.png` });

    // The decided case: decision, deadline and history as they were.
    const originalAfter = await callApi<CaseDetailWithProgression>('getCase', { caseId: next.caseId });
    expect(originalAfter.card).toEqual(originalBefore.card);
    expect(originalAfter.events).toEqual(originalBefore.events);

    // The follow-up's close section, with an outcome chosen: no serious or critical axe finding.
    await section.getByRole('radio', { name: 'Ændres inden for rammen' }).check();
    expect(await audit(page, 'afslut opfølgning')).toEqual([]);

    // "Ændres inden for rammen" closes the item and opens the grant editor on the decided case.
    await section.getByRole('button', { name: 'Afslut opfølgning' }).click();
    await detail.getByRole('heading', { name: `Sag ${next.caseNumber}` }).waitFor();
    await detail.locator('form.grant-form').waitFor();
    await page.screenshot({ path: `${SHOTS}/follow-up-grant-editor.png` });
    const closed = await callApi<{ item: { outcome: string | null } | null }>('getFollowUpItem', { caseId: itemId });
    expect(closed.item?.outcome).toBe('change_within_frame');
    await page.close();
  });
});
