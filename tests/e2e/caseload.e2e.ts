// Sagstal for the department head (issue 16 items 6 and 10): "Hele afdelingen" shows every team
// with its caseworkers, the weighted caseload and the unweighted count beside it; a caseworker
// opens the cases behind the figure and a case number opens the case on the board. A team leader
// has no such option. The wall and the plan KPI show the same figure.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DepartmentCaseload, TeamCaseload } from '../../shared/api/methods/flow';
import type { PlanDetail, PlanSummary } from '../../shared/api/methods/plans';
import type { WallScreen } from '../../shared/api/methods/wall';
import { launchBrowser } from '../support/chromium';
import { startServer, type RunningServer } from '../support/server';
import { demoAccount, signIn, signInPage, signOutPage, type ApiSession } from '../support/session';

const SHOTS = process.env.FLOWTAVLE_SCREENSHOTS ?? '/tmp';

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
let head: { login: string; name: string };
let headApi: ApiSession;

const da = (v: number, decimals = 0) => v.toLocaleString('da-DK', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
const cells = (row: ReturnType<Page['locator']>) => row.locator('td').allTextContents();

beforeAll(async () => {
  server = await startServer();
  head = await demoAccount(server, 'department_head');
  headApi = await signIn(server, head.login);
  browser = await launchBrowser({ width: 1600, height: 1100 });
  page = browser.pages()[0] ?? (await browser.newPage());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Sagstal for the whole department', () => {
  it('shows the department head every team with its caseworkers, weighted and unweighted, and the totals', async () => {
    const department = await headApi.call<DepartmentCaseload>('getCaseload', {});
    expect(department.scope).toBe('department');
    await signInPage(page, server, head.login, undefined, '#/caseload');
    const scope = page.getByTestId('caseload-scope');
    await scope.selectOption({ label: 'Hele afdelingen' });
    await expect.poll(() => page.locator('[data-testid="caseload-table"] tbody[data-team-id]').count()).toBe(department.teams.length);
    expect(department.teams.length).toBe(7);

    // The two figures, labelled, at the top: the department's weighted caseload and its unweighted count.
    expect(await page.getByTestId('caseload-weighted').locator('.flow-figure-label').textContent()).toBe('Vægtet sagstal');
    expect(await page.getByTestId('caseload-weighted').locator('.flow-figure-value').textContent()).toBe(da(department.totals.weighted, 1));
    expect(await page.getByTestId('caseload-cases').locator('.flow-figure-label').textContent()).toBe('Antal sager (uvægtet)');
    expect(await page.getByTestId('caseload-cases').locator('.flow-figure-value').textContent()).toBe(da(department.totals.cases));
    const headers = await page.getByTestId('caseload-table').locator('thead th').allTextContents();
    expect(headers.slice(0, 3)).toEqual(['Rådgiver', 'Vægtet sagstal', 'Antal sager (uvægtet)']);

    // Each team's line, then its caseworkers, each with the weighted figure and the count beside it.
    for (const team of department.teams) {
      const group = page.locator(`[data-testid="caseload-table"] tbody[data-team-id="${team.teamId}"]`);
      expect(await group.locator('tr.caseload-team th').textContent()).toBe(team.team);
      expect((await cells(group.locator('tr.caseload-team'))).slice(0, 2)).toEqual([da(team.totals.weighted, 1), da(team.totals.cases)]);
      expect(await group.locator('tr[data-person-id]').count()).toBe(team.rows.length);
      const first = team.rows[0]!;
      expect((await cells(group.locator(`tr[data-person-id="${first.personId}"]`))).slice(0, 2)).toEqual([da(first.weighted, 1), da(first.activeCases)]);
    }
    const foot = page.locator('[data-testid="caseload-table"] tfoot tr');
    expect(await foot.locator('th').textContent()).toBe('Hele afdelingen i alt');
    expect((await cells(foot)).slice(0, 2)).toEqual([da(department.totals.weighted, 1), da(department.totals.cases)]);
    // The demo weighs § 107/108 at 1.5: the department's weighted figure is not its count.
    expect(department.totals.weighted).not.toBe(department.totals.cases);
    await page.screenshot({ path: `${SHOTS}/caseload-department.png`, fullPage: true });
    await foot.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/caseload-department-foot.png` });

    // In English the same figures carry English labels.
    await page.getByRole('combobox', { name: 'Sprog' }).selectOption('en');
    await expect.poll(() => page.getByTestId('caseload-cases').locator('.flow-figure-label').textContent()).toBe('Number of cases (unweighted)');
    expect(await page.getByTestId('caseload-scope').locator('option:checked').textContent()).toBe('Whole department');
    await page.screenshot({ path: `${SHOTS}/caseload-department-en.png` });
    await page.getByRole('combobox', { name: 'Language' }).selectOption('da');
    await expect.poll(() => page.getByTestId('caseload-cases').locator('.flow-figure-label').textContent()).toBe('Antal sager (uvægtet)');
  });

  it('opens a caseworker\'s cases from the department and a case on the board from its number', async () => {
    const department = await headApi.call<DepartmentCaseload>('getCaseload', {});
    const team = department.teams.find((t) => t.team === 'Team BPA')!;
    const person = team.rows[0]!;
    const group = page.locator(`[data-testid="caseload-table"] tbody[data-team-id="${team.teamId}"]`);
    await group.getByRole('button', { name: person.name, exact: true }).click();
    const drill = page.getByTestId('caseload-cases');
    await expect.poll(() => drill.locator('h3').textContent()).toBe(`Sager hos ${person.name} i ${team.team} (${da(person.activeCases)}, vægtet ${da(person.weighted, 1)})`);
    const links = drill.getByRole('button', { name: /^Åbn sag / });
    expect(await links.count()).toBe(person.activeCases);
    await page.screenshot({ path: `${SHOTS}/caseload-drill.png` });

    const caseNumber = (await links.first().textContent())!;
    await links.first().click();
    await expect.poll(() => page.locator('#card-detail-title').textContent(), { timeout: 15_000 }).toContain(caseNumber);
    expect(page.url()).toContain('#/board');
    // The case's team became the current team.
    expect(await page.getByRole('combobox', { name: 'Team' }).inputValue()).toBe(String(team.teamId));
  });

  it('shows one team as the team view does, with the same figures as the wall and the plan KPI', async () => {
    await page.goto(`${server.url}#/caseload`);
    await page.getByTestId('caseload-scope').selectOption({ label: 'Team Botilbud' });
    const teamId = 1;
    const load = await headApi.call<TeamCaseload>('getCaseload', { teamId });
    await expect.poll(() => page.getByTestId('caseload-weighted').locator('.flow-figure-value').textContent()).toBe(da(load.totals.weighted, 1));
    expect(await page.getByTestId('caseload-cases').locator('.flow-figure-value').textContent()).toBe(da(load.totals.cases));
    expect(await page.locator('[data-testid="caseload-table"] tbody[data-team-id]').count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/caseload-team.png`, fullPage: true });

    // The same weighted figure on the wall (its Sagstal view) and behind the plan's caseload KPI.
    const wall = await headApi.call<WallScreen>('getWallScreen', { teamId, privacy: true });
    expect(wall.caseload).toMatchObject({ weighted: load.totals.weighted, cases: load.totals.cases });
    const plan = (await headApi.call<PlanSummary[]>('listPlans', { teamId }))[0]!;
    const kpi = (await headApi.call<PlanDetail>('getPlan', { planId: plan.id })).goals.flatMap((g) => g.kpis).find((k) => k.spec.kind === 'caseload_vs_norm')!;
    expect(kpi.current).toBeCloseTo(load.totals.percentOfNorm!, 3);
    expect(kpi.caseload).toEqual({ weighted: load.totals.normedWeighted, cases: load.totals.normedCases, norm: load.totals.norm });

    await page.goto(`${server.url}#/plan`);
    const row = page.locator('tr[data-kpi="caseload_vs_norm"]');
    await expect.poll(() => row.getByTestId('kpi-caseload').textContent(), { timeout: 15_000 })
      .toBe(`Vægtet sagstal ${da(kpi.caseload!.weighted, 1)} · Antal sager (uvægtet) ${da(kpi.caseload!.cases)} · normer i alt ${da(kpi.caseload!.norm)}`);
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/caseload-plan-kpi.png` });

    await headApi.call('saveWallSettings', { teamId, views: ['caseload', 'plan_kpis'], intervalSeconds: 600, timerMinutes: 15, privacy: true });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${server.url}#/standup?team=${teamId}`);
    await expect.poll(() => page.getByTestId('wall-caseload-weighted').textContent(), { timeout: 15_000 }).toBe(da(load.totals.weighted, 1));
    expect(await page.getByTestId('wall-caseload-cases').textContent()).toBe(da(load.totals.cases));
    await page.screenshot({ path: `${SHOTS}/caseload-wall.png` });
    await page.keyboard.press('ArrowRight');
    await page.locator('.wall-kpi-detail').first().waitFor();
    expect(await page.locator('.wall-kpi-detail').first().textContent())
      .toBe(`Vægtet ${da(kpi.caseload!.weighted, 1)} · Antal sager (uvægtet) ${da(kpi.caseload!.cases)}`);
    await page.screenshot({ path: `${SHOTS}/caseload-wall-plan.png` });
    await page.setViewportSize({ width: 1600, height: 1100 });
    await page.goto(`${server.url}#/caseload`);
    await signOutPage(page);
  });

  it('gives a team leader their own team only: no "Hele afdelingen", and the host refuses the department', async () => {
    const leader = await demoAccount(server, 'leader', 'Team Bostøtte');
    const leaderApi = await signIn(server, leader.login);
    expect((await leaderApi.raw('getCaseload', {})).body.error?.code).toBe('forbidden');
    const own = await leaderApi.call<TeamCaseload>('getCaseload', { teamId: 3 });
    await signInPage(page, server, leader.login, undefined, '#/caseload');
    await expect.poll(() => page.getByTestId('caseload-weighted').locator('.flow-figure-value').textContent()).toBe(da(own.totals.weighted, 1));
    expect(await page.getByRole('option', { name: 'Hele afdelingen' }).count()).toBe(0);
    expect(await page.getByTestId('caseload-scope').count()).toBe(0);
    expect(await page.locator('[data-testid="caseload-table"] tbody[data-team-id]').count()).toBe(1);
    expect(await page.locator('.flow-sub strong').textContent()).toBe('Team Bostøtte');
  });
});
