// Issue 18 in the browser: the flow analytics view shows the compliance `report deadlines` prints,
// exports it as CSV, XLSX and an A4 PDF, clusters blocked time by category (and files the
// suggestions), keeps a saved view for the weekly review, a leader's service level marks the board,
// the weekly review shows compliance, blockers and flow efficiency, and the department head (only)
// is offered the whole department. Everyone signs in as a user would (tests/support/session.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../shared/dates';
import { launchBrowser } from '../support/chromium';
import { runCli, startServer, type RunningServer } from '../support/server';
import { demoLogin, signIn, signInDepartmentHead, signInPage, type ApiSession } from '../support/session';

const require = createRequire(import.meta.url);
let server: RunningServer;
let browser: BrowserContext;
let page: Page;
let today: string;
/** The leader of team 3, as the browser signs in too: every API call below is theirs. */
let leader: { login: string; personId: number; name: string };
let leaderApi: ApiSession;

async function callApi<T>(method: string, input: unknown = {}): Promise<T> {
  return leaderApi.call<T>(method, input);
}

/** Signs in on the sign-in screen with a fresh browser state (no cookie, nothing remembered), then opens the view. */
async function openAs(login: string, view: string): Promise<void> {
  await browser.clearCookies();
  await page.goto(server.url);
  await page.evaluate(() => localStorage.clear());
  await signInPage(page, server, login);
  await page.evaluate((v) => { location.hash = `#/${v}`; }, view);
}

async function download(click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const pending = page.waitForEvent('download');
  await click();
  const file = await pending;
  return { name: file.suggestedFilename(), bytes: Buffer.concat(await (await file.createReadStream()).toArray()) };
}

/** The views load several sections at once on two cores: give them time. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

const number = (text: string | null) => Number((text ?? '').replace(/\./g, '').replace(',', '.').match(/-?\d+(\.\d+)?/)?.[0]);

beforeAll(async () => {
  server = await startServer();
  leader = await demoLogin(await signInDepartmentHead(server), 'leader', 3);
  leaderApi = await signIn(server, leader.login);
  today = (await callApi<{ today: string }>('getWorkspace')).today;
  browser = await launchBrowser({ width: 1600, height: 1100 });
  page = browser.pages()[0] ?? (await browser.newPage());
  await openAs(leader.login, 'flow-analytics');
  await page.getByRole('heading', { level: 1, name: /Flowanalyse/ }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Row { paragraph: string; month: string; decided: number; withinDeadline: number; share: number | null; p50Days: number | null; p85Days: number | null }

describe('legal-deadline compliance', () => {
  it('shows what `report deadlines` prints for the team and the default three months', async () => {
    const from = addDays(addMonths(today, -3), 1);
    const cli = await runCli(['report', 'deadlines', '--db', server.dbPath, '--team', '3', '--from', from, '--to', today, '--json']);
    expect(cli.code, cli.stderr).toBe(0);
    const printed = JSON.parse(cli.stdout) as { rows: Row[] };
    expect(printed.rows.length).toBeGreaterThan(0);
    const decided = printed.rows.reduce((a, r) => a + r.decided, 0);
    // A team's leader reads their own team: the whole department is not offered.
    expect(await page.getByRole('checkbox', { name: 'Hele afdelingen' }).count()).toBe(0);
    await poll(async () => number(await page.getByTestId('compliance-decided').locator('.flow-figure-value').textContent())).toBe(decided);
    const report = await callApi<{ total: { decided: number; share: number | null } }>('getDeadlineCompliance', { teamId: 3, from, to: today });
    expect(report.total.decided).toBe(decided);
    expect(number(await page.getByTestId('compliance-share').locator('.flow-figure-value').textContent())).toBeCloseTo(Math.round(report.total.share! * 1000) / 10, 1);
    await poll(() => page.getByTestId('compliance-rows').locator('tbody tr').count()).toBe(printed.rows.length);
    const first = page.getByTestId('compliance-rows').locator('tbody tr').first();
    expect(await first.locator('th').textContent()).toBe(`§ ${printed.rows[0]!.paragraph.replace(/^(\d+)([a-z])$/, '$1 $2')}`);
    expect(number(await first.locator('td').nth(1).textContent())).toBe(printed.rows[0]!.decided);
  });

  it('exports the table as CSV, XLSX and an A4 PDF', async () => {
    const section = page.locator('[data-section="compliance"]');
    const csv = await download(() => section.getByRole('button', { name: 'CSV' }).click());
    expect(csv.name).toMatch(/\.csv$/);
    const lines = csv.bytes.toString('utf8').replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toContain('Paragraf;Måned;Afgjorte sager;Inden for fristen');
    expect(lines.length - 1).toBe(await page.getByTestId('compliance-rows').locator('tbody tr').count());
    const xlsx = await download(() => section.getByRole('button', { name: 'Excel (XLSX)' }).click());
    expect(xlsx.name).toMatch(/\.xlsx$/);
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
    const pdf = await download(() => section.getByRole('button', { name: 'Udskriv A4 (PDF)' }).click());
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 portrait: 595.28 × 841.89 points.
    expect(pdf.bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.2\d+ 841\.8\d+\]/);
    expect(pdf.bytes.includes(Buffer.from('Overholdelse af sagsbehandlingsfrister', 'latin1'))).toBe(true);
  });

  it('passes an accessibility audit', async () => {
    await page.evaluate(readFileSync(require.resolve('axe-core'), 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });
});

describe('blocker clusters', () => {
  it('files the suggested categories and keeps the clusters\' totals', async () => {
    const from = addDays(addMonths(today, -3), 1);
    const before = await callApi<{ uncategorizedTotal: number; clusters: { count: number }[] }>('getBlockerAnalysis', { teamId: 3, from, to: today });
    expect(before.uncategorizedTotal).toBeGreaterThan(0);
    await poll(() => page.getByTestId('blocker-clusters').locator('tbody tr').count()).toBe(before.clusters.length);
    await page.getByTestId('accept-suggestions').click();
    await poll(() => page.locator('[data-section="blockers"]').getByRole('status').textContent()).toMatch(/fået kategori/);
    const after = await callApi<{ uncategorizedTotal: number; clusters: { count: number; suggested: number }[] }>('getBlockerAnalysis', { teamId: 3, from, to: today });
    expect(after.uncategorizedTotal).toBeLessThan(before.uncategorizedTotal);
    expect(after.clusters.reduce((a, c) => a + c.count, 0)).toBe(before.clusters.reduce((a, c) => a + c.count, 0));
  });
});

describe('saved views and service levels', () => {
  it('opens the team\'s default view the same way next time', async () => {
    const toolbar = page.getByRole('region', { name: 'Visning' });
    await toolbar.getByLabel('Periode').selectOption('6');
    await toolbar.getByLabel('Dage').selectOption('working');
    await page.getByTestId('view-name').fill('Mandagsmøde');
    await toolbar.getByLabel('Åbnes som standard').check();
    await toolbar.getByRole('button', { name: 'Gem visning' }).click();
    await poll(() => toolbar.getByRole('status').textContent()).toContain('Mandagsmøde');

    await openAs(leader.login, 'flow-analytics');
    const again = page.getByRole('region', { name: 'Visning' });

    await poll(() => again.getByLabel('Periode').inputValue()).toBe('6');
    expect(await again.getByLabel('Dage').inputValue()).toBe('working');
    expect(await page.getByTestId('saved-view').locator('option:checked').textContent()).toContain('Mandagsmøde');
    const views = await callApi<{ name: string; isDefault: boolean; settings: { months: number } }[]>('listSavedViews', { teamId: 3 });
    expect(views).toEqual([expect.objectContaining({ name: 'Mandagsmøde', isDefault: true, settings: expect.objectContaining({ months: 6, counting: 'working' }) })]);
  });

  it('marks the board\'s cards past a leader\'s service level in working days', async () => {
    const settings = await callApi<{ columns: { id: number; name: string }[] }>('getFlowSettings', { teamId: 3 });
    const inquiry = settings.columns.find((c) => c.name === 'Udredning')!;
    await page.getByLabel('Højst arbejdsdage: Udredning').fill('3');
    await page.getByTestId('save-service-levels').click();
    await poll(() => page.locator('[data-section="settings"]').getByRole('status').textContent()).toBe('Gemt.');
    const marks = await callApi<{ over: { caseId: number; columnId: number }[] }>('getServiceLevelMarks', { teamId: 3 });
    const overInInquiry = marks.over.filter((o) => o.columnId === inquiry.id);
    expect(overInInquiry.length).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Tavle' }).click();
    const marked = page.locator('article.card').filter({ has: page.getByTestId('sle-over').filter({ hasText: '(maks. 3)' }) });
    await poll(() => marked.count()).toBeGreaterThan(0);
    const ids = new Set(overInInquiry.map((o) => String(o.caseId)));
    for (const id of await marked.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-case-id')))) expect(ids.has(id!)).toBe(true);
    // The card's spoken label says it too.
    expect(await marked.first().textContent()).toContain('arbejdsdage i kolonnen (højst 3)');
  });
});

describe('weekly flow review', () => {
  it('shows compliance, blocker clusters and flow efficiency', async () => {
    await page.getByRole('link', { name: 'Flowmøde' }).click();
    const region = page.getByTestId('review-analytics');
    await region.waitFor();
    await poll(() => region.getByTestId('compliance-decided').count()).toBe(1);
    await poll(() => region.locator('[data-section="blockers"]').count()).toBe(1);
    await poll(() => region.getByTestId('efficiency-team').locator('.flow-figure-value').textContent()).toMatch(/\d+,\d %/);
  });
});

describe('the whole department', () => {
  it('is offered to the department head, and shows what `report deadlines --department` prints', async () => {
    const head = await demoLogin(await signInDepartmentHead(server), 'department_head');
    await openAs(head.login, 'flow-analytics');
    await page.getByRole('heading', { level: 1, name: /Flowanalyse/ }).waitFor();
    const from = addDays(addMonths(today, -3), 1);
    const cli = await runCli(['report', 'deadlines', '--db', server.dbPath, '--department', '--from', from, '--to', today, '--json']);
    expect(cli.code, cli.stderr).toBe(0);
    const printed = JSON.parse(cli.stdout) as { scope: string; rows: Row[] };
    expect(printed.scope).toBe('department');
    await page.getByRole('checkbox', { name: 'Hele afdelingen' }).check();
    const decided = printed.rows.reduce((a, r) => a + r.decided, 0);
    await poll(async () => number(await page.getByTestId('compliance-decided').locator('.flow-figure-value').textContent())).toBe(decided);
    await poll(() => page.getByTestId('compliance-rows').locator('tbody tr').count()).toBe(printed.rows.length);
  });
});
