// Sprints and action plans in a real browser on the demo department: create a sprint, commit
// cards by case number, see its lane, close the running sprint with carry-over; create a plan
// with a KPI and see the value the store computes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/chromium';
import { startServer, type RunningServer } from '../support/server';
import { demoAccount, signIn, signInPage, type ApiSession } from '../support/session';

let server: RunningServer;
let browser: BrowserContext;
let page: Page;

/** The team's leader over HTTP, to read what the store holds while the browser works. */
let leaderApi: ApiSession;
const call = <T>(method: string, input: unknown): Promise<T> => leaderApi.call<T>(method, input);

interface Team { id: number; name: string }

let team: Team;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser({ width: 1440, height: 1000 });
  page = await browser.newPage();
  const leader = await demoAccount(server, 'leader', 'Team Botilbud');
  leaderApi = await signIn(server, leader.login);
  const teams = await call<Team[]>('listTeams', {});
  team = teams.find((t) => t.name === 'Team Botilbud')!;
  await signInPage(page, server, leader.login);
  // A leader works in their own team.
  expect(await page.getByLabel('Team', { exact: true }).inputValue()).toBe(String(team.id));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('sprints', () => {
  it('creates a sprint, commits cards, shows the lane, and closes the running sprint with carry-over', async () => {
    const lanesBefore = await call<{ current: { id: number; name: string } | null; caseSprint: Record<string, number> }>('getSprintLanes', { teamId: team.id });
    expect(lanesBefore.current).not.toBeNull();
    const running = await call<{ review: { done: number; notDone: number; committed: number } }>('getSprint', { sprintId: lanesBefore.current!.id });
    expect(running.review.committed).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Sprint' }).click();
    await page.getByRole('heading', { name: new RegExp(lanesBefore.current!.name) }).waitFor();
    await expect.poll(() => page.getByTestId('sprint-committed').textContent()).toBe(String(running.review.committed));

    // A new sprint after the running one (the form suggests the next fortnight).
    await page.getByRole('button', { name: 'Ny sprint' }).click();
    const form = page.getByRole('form', { name: 'Ny sprint' });
    await form.getByLabel('Navn').fill('Sprint E2E');
    await form.getByLabel('Sprintmål').fill('Alle nye § 107-ansøgninger er målgruppevurderet.');
    await form.getByRole('button', { name: 'Opret sprint' }).click();
    await page.getByRole('heading', { name: /Sprint E2E/ }).waitFor();
    await page.getByText('Næste', { exact: true }).waitFor();

    // Commit two open cases by case number.
    const open = await call<{ caseId: number; caseNumber: string; sprintId: number | null }[]>('searchSprintCases', { teamId: team.id, query: '2026-' });
    const free = open.filter((h) => h.sprintId === null).slice(0, 2);
    expect(free).toHaveLength(2);
    for (const hit of free) {
      await page.getByLabel('Tilføj sag: søg på sagsnummer').fill(hit.caseNumber);
      await page.getByRole('button', { name: `Tilføj ${hit.caseNumber} til sprinten` }).click();
      await page.locator(`tr[data-case-number="${hit.caseNumber}"]`).waitFor();
    }
    await expect.poll(() => page.getByTestId('sprint-committed').textContent()).toBe('2');

    // The board's sprint lanes: the new sprint is "next" and holds the two cards.
    const lanes = await call<{ current: { id: number } | null; next: { id: number; name: string } | null; caseSprint: Record<string, number> }>('getSprintLanes', { teamId: team.id });
    expect(lanes.next?.name).toBe('Sprint E2E');
    for (const hit of free) expect(lanes.caseSprint[hit.caseId]).toBe(lanes.next!.id);
    // ...and the board, lanes by sprint, shows them in the "Næste sprint" lane.
    await page.getByRole('link', { name: 'Tavle' }).click();
    await page.getByLabel('Baner').selectOption('sprint');
    const nextLane = page.locator('section.lane', { has: page.getByRole('heading', { name: /Næste sprint: Sprint E2E/ }) });
    for (const hit of free) await nextLane.locator(`[data-case-number="${hit.caseNumber}"]`).waitFor();
    await page.getByRole('heading', { name: /Ikke i en sprint/ }).waitFor();
    await page.goBack();

    // Review and close the running sprint; unfinished items go on to Sprint E2E.
    await page.getByLabel('Vælg sprint').selectOption(String(lanesBefore.current!.id));
    await page.getByRole('heading', { name: new RegExp(`^${lanesBefore.current!.name}`) }).waitFor();
    await page.getByRole('heading', { name: 'Sprint review og afslutning' }).waitFor();
    await page.getByRole('radio', { name: 'Nej' }).check();
    await page.getByLabel('Note').fill('To sager venter på oplysninger fra egen læge.');
    await page.getByRole('radio', { name: 'med over i næste sprint' }).check();
    await page.getByRole('button', { name: 'Afslut sprinten' }).click();
    await page.getByText('Videre til næste sprint').first().waitFor();

    const next = await call<{ items: { caseId: number }[] }>('getSprint', { sprintId: lanes.next!.id });
    expect(next.items).toHaveLength(2 + running.review.notDone);
    const closed = await call<{ sprint: { status: string; goalMet: boolean; reviewNote: string } }>('getSprint', { sprintId: lanesBefore.current!.id });
    expect(closed.sprint).toMatchObject({ status: 'closed', goalMet: false, reviewNote: 'To sager venter på oplysninger fra egen læge.' });
  });
});

describe('strategic action plans', () => {
  it('creates a plan with a KPI and shows its value computed from the demo data', async () => {
    await page.getByRole('link', { name: 'Handleplan' }).click();
    await page.getByRole('heading', { name: /Strategisk handleplan .*Team Botilbud/ }).waitFor();
    // The demo plan's investment case is seed 002's: it pays back in 2 years.
    await expect.poll(() => page.getByTestId('payback').first().textContent()).toBe('2 år');

    await page.getByRole('button', { name: 'Ny handleplan' }).click();
    const form = page.getByRole('form', { name: 'Ny handleplan' });
    await form.getByLabel('Titel').fill('Handleplan E2E');
    await form.getByLabel('Periode fra').fill('2026-01-01');
    await form.getByLabel('Periode til').fill('2027-12-31');
    await form.getByRole('button', { name: 'Opret handleplan' }).click();
    await page.getByRole('heading', { name: 'Handleplan E2E' }).waitFor();

    await page.getByLabel('Nyt mål').fill('Færre borgere i § 107');
    await page.getByRole('button', { name: 'Tilføj mål' }).click();
    await page.getByRole('heading', { name: /Mål 1: Færre borgere i § 107/ }).waitFor();
    await page.getByRole('button', { name: 'Tilføj nøgletal' }).click();
    const kpiForm = page.getByRole('form', { name: 'Tilføj nøgletal' });
    await kpiForm.getByRole('textbox', { name: 'Paragraf' }).fill('107');
    await kpiForm.getByLabel('Mål', { exact: true }).fill('20');
    await kpiForm.getByRole('button', { name: 'Gem nøgletal' }).click();

    const row = page.locator('tr[data-kpi="new_grants"]');
    await row.waitFor();
    const expected = await call<{ value: number }>('previewKpi', { teamId: team.id, spec: { kind: 'new_grants', paragraph: '107', days: 365 } });
    expect(expected.value).toBeGreaterThan(0);
    await expect.poll(() => row.locator('.kpi-current').textContent()).toBe(String(expected.value));

    // Only the leader may change plans: a caseworker of the team is refused by the host.
    const caseworker = await signIn(server, (await demoAccount(server, 'caseworker', 'Team Botilbud')).login);
    const refused = await caseworker.raw('createPlan', { teamId: team.id, title: 'X', periodStart: '2026-01-01', periodEnd: '2026-12-31' });
    expect(refused).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden' } } });
  });
});
