// The flow dashboard shows what `report flow` prints for the demo department; the review keeps
// its decisions for next week; charts and the review export as files.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../shared/dates';
import type { FlowReport } from '../../shared/flow';
import { launchBrowser } from '../support/chromium';
import { runCli, startServer, type RunningServer } from '../support/server';
import { demoAccount, signIn, signInPage, signOutPage, type ApiSession } from '../support/session';

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
let today: string;
let leader: { login: string; name: string };
let leaderApi: ApiSession;

const api = <T>(method: string, input: unknown = {}): Promise<T> => leaderApi.call<T>(method, input);

const number = (text: string | null) => Number((text ?? '').replace(/\./g, '').match(/-?\d+/)?.[0]);

beforeAll(async () => {
  server = await startServer();
  leader = await demoAccount(server, 'leader', 'Team Botilbud');
  leaderApi = await signIn(server, leader.login);
  today = (await api<{ today: string }>('getWorkspace')).today;
  browser = await launchBrowser({ width: 1600, height: 1100 });
  page = browser.pages()[0] ?? (await browser.newPage());
  await signInPage(page, server, leader.login);
  // The leader's team becomes the current team.
  await page.getByRole('combobox', { name: 'Team' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('flow dashboard', () => {
  it('starts on the leader\'s own team', async () => {
    expect(await page.getByRole('combobox', { name: 'Team' }).inputValue()).toBe('1');
  });

  it('shows the figures `report flow` prints for the same team and period', async () => {
    const from = addDays(addMonths(today, -12), 1);
    const cli = await runCli(['report', 'flow', '--db', server.dbPath, '--team', 'Team Botilbud', '--from', from, '--to', today, '--json']);
    expect(cli.code, cli.stderr).toBe(0);
    const report = JSON.parse(cli.stdout) as FlowReport;
    expect(Object.keys(report)).toEqual(['team', 'from', 'to', 'throughputPerWeek', 'cycleTime', 'wipAtEnd', 'wipAges']);
    expect(report.cycleTime.count).toBeGreaterThan(100);

    await page.getByRole('link', { name: 'Flow', exact: true }).click();
    await expect.poll(() => page.getByTestId('flow-finished').locator('.flow-figure-value').textContent(), { timeout: 20_000 }).not.toBeNull();
    const figure = (id: string) => page.getByTestId(id).locator('.flow-figure-value').textContent();
    expect(number(await figure('flow-finished'))).toBe(report.cycleTime.count);
    expect(number(await figure('flow-p50'))).toBe(report.cycleTime.p50);
    expect(number(await figure('flow-p85'))).toBe(report.cycleTime.p85);
    expect(number(await figure('flow-p95'))).toBe(report.cycleTime.p95);
    expect(number(await figure('flow-wip'))).toBe(report.wipAtEnd);
    expect(number(await page.getByTestId('flow-wip').locator('.flow-figure-hint').textContent())).toBe(report.wipAges[0]);

    await page.getByText('Vis tallene').click();
    const rows = page.getByTestId('throughput-table').locator('tbody tr');
    const weeks = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(weeks).toEqual(report.throughputPerWeek.map((w) => [`${w.weekStart.slice(8, 10)}.${w.weekStart.slice(5, 7)}.${w.weekStart.slice(0, 4)}`, String(w.count)]));

    // Every chart is drawn, and the cycle-time chart has a dot per finished case.
    for (const id of ['cfd', 'cycle-time', 'throughput', 'ageing', 'wip', 'blocked']) {
      await expect.poll(() => page.locator(`[data-chart="${id}"] svg.recharts-surface`).count()).toBeGreaterThan(0);
    }
    expect(await page.locator('[data-chart="cycle-time"] .recharts-scatter-symbol').count()).toBe(report.cycleTime.count);

    const download = page.waitForEvent('download');
    await page.locator('[data-chart="cycle-time"]').getByRole('button', { name: 'Gem PNG' }).click();
    const png = await download;
    expect(png.suggestedFilename()).toMatch(/^gennemloebstid-team-botilbud-.*\.png$/);
    const bytes = await (await png.createReadStream()).toArray();
    const image = Buffer.concat(bytes);
    expect(image.subarray(1, 4).toString()).toBe('PNG');
    // The whole chart at twice its size, not a legend icon: width from the IHDR chunk.
    expect(image.readUInt32BE(16)).toBeGreaterThan(600);
  });
});

describe('caseload', () => {
  it('shows a leader the weights read-only; the department head weighs a paragraph and the weighted caseload follows', async () => {
    type Row = { personId: number; name: string; weighted: number; byParagraph: { paragraph: string; count: number }[] };
    const before = await api<{ rows: Row[] }>('getCaseload', { teamId: 1 });
    await page.getByRole('link', { name: 'Sagstal' }).click();
    // The weights are the department's, set by the visitationschef: a leader reads them.
    await page.getByText('Kun visitationschefen kan ændre vægtene.').waitFor();
    expect(await page.getByRole('button', { name: 'Gem vægte' }).count()).toBe(0);
    expect((await leaderApi.raw('setCaseloadWeight', { paragraph: '108', weight: 3 })).body.error?.code).toBe('forbidden');

    await signOutPage(page);
    // Signing out ends every session of the leader, the API's too: it signs in again.
    leaderApi = await signIn(server, leader.login);
    const head = await demoAccount(server, 'department_head');
    await signInPage(page, server, head.login, undefined, '#/caseload');
    await page.getByRole('combobox', { name: 'Team' }).selectOption({ label: 'Team Botilbud' });
    const weight = page.getByLabel('Vægt for § 108');
    await weight.fill('3');
    await page.getByRole('button', { name: 'Gem vægte' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents()).toContain(' Vægtene er gemt.');

    const after = await api<{ rows: Row[]; weights: { paragraph: string; weight: number; updatedBy: string }[] }>('getCaseload', { teamId: 1 });
    expect(after.weights.find((w) => w.paragraph === '108')).toMatchObject({ weight: 3, updatedBy: head.name });
    // Each caseworker's weighted load grows by (3 − 1.5) per § 108 case held (the demo weighs § 108 at 1.5).
    for (const row of after.rows) {
      const old = before.rows.find((r) => r.personId === row.personId)!;
      const cases108 = row.byParagraph.find((p) => p.paragraph === '108')?.count ?? 0;
      expect(row.weighted).toBeCloseTo(old.weighted + 1.5 * cases108, 5);
    }
    const first = after.rows[0]!;
    await expect.poll(() => page.getByTestId('caseload-table').locator('tbody tr').first().locator('td').nth(0).textContent())
      .toBe(first.weighted.toLocaleString('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
  });
});

describe('weekly flow review', () => {
  it('saves a decision for this week and shows it as last week\'s on next week\'s review', async () => {
    await signOutPage(page);
    await signInPage(page, server, leader.login);
    await page.getByRole('link', { name: 'Flowmøde' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Ugens flowmøde');
    const weekLabel = page.getByRole('group', { name: 'Vælg uge' }).locator('strong');
    const thisWeek = await weekLabel.textContent();
    await page.getByRole('button', { name: '← Forrige uge' }).click();
    await expect.poll(() => weekLabel.textContent()).not.toBe(thisWeek);
    await page.getByLabel('Tekst').fill('Vi stopper optag i Udredning, til de ældste tre sager er afgjort.');
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await expect.poll(() => page.locator('#agenda-notes ~ ul li, .review-notes li').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('Vi stopper optag i Udredning')]));

    await page.getByRole('button', { name: 'Næste uge →' }).click();
    const previous = page.getByRole('region', { name: 'Beslutninger og noter fra sidste uge' });
    await expect.poll(() => previous.textContent()).toContain('Beslutning:Vi stopper optag i Udredning');
    // The leader's own team's bottom line (the department's table is the visitationschef's).
    await expect.poll(() => page.getByTestId('bottom-line-table').locator('tbody th').allTextContents()).toEqual(['Team Botilbud']);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Gem som PDF' }).click();
    const pdf = await download;
    const bytes = Buffer.concat(await (await pdf.createReadStream()).toArray());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // Danish text in the PDF font's own 8-bit encoding: "Ugens flowmøde" with ø as 0xF8, and no
    // line fallen back to 16-bit codes the built-in font cannot show.
    expect(bytes.includes(Buffer.from('Ugens flowm\xf8de', 'latin1'))).toBe(true);
    const shown = bytes.toString('latin1').match(/\((.*?)\) Tj/g) ?? [];
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.filter((line) => line.includes('\u0000'))).toEqual([]);
  });
});
