// Flow for the whole department (issue 16 item 6): the department head chooses "Hele afdelingen"
// on Flow and sees the department's finished cases, the same figure getFlowReport gives without a
// team over HTTP, which is the sum over the teams; a team leader has no such option and the host
// refuses the department to them.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../shared/dates';
import type { FlowReport } from '../../shared/flow';
import { launchBrowser } from '../support/chromium';
import { startServer, type RunningServer } from '../support/server';
import { demoAccount, signIn, signInPage, signOutPage, type ApiSession } from '../support/session';

const SHOTS = process.env.FLOWTAVLE_SCREENSHOTS ?? '/tmp';

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
let head: { login: string; name: string };
let headApi: ApiSession;
let today: string;

const da = (v: number) => v.toLocaleString('da-DK');
const figure = (id: string) => page.getByTestId(id).locator('.flow-figure-value');

beforeAll(async () => {
  server = await startServer();
  head = await demoAccount(server, 'department_head');
  headApi = await signIn(server, head.login);
  today = (await headApi.call<{ today: string }>('getWorkspace')).today;
  browser = await launchBrowser({ width: 1600, height: 1100 });
  page = browser.pages()[0] ?? (await browser.newPage());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Flow for the whole department', () => {
  it('shows the department head the department\'s finished cases: getFlowReport without a team, the sum over the teams', async () => {
    // The screen's default period: the last 12 months up to today.
    const from = addDays(addMonths(today, -12), 1);
    const department = await headApi.call<FlowReport & { teamId: number | null }>('getFlowReport', { from, to: today });
    expect(department.teamId).toBeNull();
    const teams = await headApi.call<{ id: number; name: string }[]>('listTeams', {});
    expect(teams).toHaveLength(7);
    const own = await Promise.all(teams.map((t) => headApi.call<FlowReport>('getFlowReport', { teamId: t.id, from, to: today })));
    expect(department.cycleTime.count).toBe(own.reduce((a, r) => a + r.cycleTime.count, 0));
    expect(department.wipAtEnd).toBe(own.reduce((a, r) => a + r.wipAtEnd, 0));
    expect(department.cycleTime.count).toBeGreaterThan(1000);

    await signInPage(page, server, head.login, undefined, '#/flow');
    const scope = page.getByTestId('flow-scope');
    await scope.selectOption({ label: 'Hele afdelingen' });
    await expect.poll(() => figure('flow-finished').textContent(), { timeout: 30_000 }).toBe(da(department.cycleTime.count));
    expect(await page.locator('.flow-sub strong').textContent()).toBe('Hele afdelingen');
    expect(await figure('flow-wip').textContent()).toBe(da(department.wipAtEnd));
    expect(await figure('flow-p85').textContent()).toBe(`${da(department.cycleTime.p85!)} dage`);
    // The cumulative flow has a band per column name (the demo's boards are alike), told in the help.
    await expect.poll(() => page.locator('[data-chart="cfd"] .recharts-area').count()).toBe(6);
    expect(await page.locator('[data-chart="cfd"]').textContent()).toContain('Alle teams har de samme kolonner');
    await page.screenshot({ path: `${SHOTS}/deptflow-department.png`, fullPage: true });
    await page.locator('[data-chart="ageing"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/deptflow-department-ageing.png` });

    // Back to one team: that team's figure again.
    await scope.selectOption({ label: 'Team Botilbud' });
    const botilbud = own[teams.findIndex((t) => t.name === 'Team Botilbud')]!;
    await expect.poll(() => figure('flow-finished').textContent(), { timeout: 30_000 }).toBe(da(botilbud.cycleTime.count));
    expect(await page.locator('.flow-sub strong').textContent()).toBe('Team Botilbud');
    await signOutPage(page);
  });

  it('gives a team leader their own team only: no "Hele afdelingen", and the host refuses the department', async () => {
    const leader = await demoAccount(server, 'leader', 'Team Bostøtte');
    const leaderApi = await signIn(server, leader.login);
    expect((await leaderApi.raw('getFlowReport', { from: today, to: today })).body.error?.code).toBe('forbidden');
    expect((await leaderApi.raw('getFlowDashboard', { from: today, to: today })).body.error?.code).toBe('forbidden');
    await signInPage(page, server, leader.login, undefined, '#/flow');
    await expect.poll(() => page.locator('.flow-sub strong').textContent(), { timeout: 30_000 }).toBe('Team Bostøtte');
    await figure('flow-finished').waitFor();
    expect(await page.getByRole('option', { name: 'Hele afdelingen' }).count()).toBe(0);
    expect(await page.getByTestId('flow-scope').count()).toBe(0);
  });
});
