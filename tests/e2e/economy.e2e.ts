// The economics feature end to end: the dashboard shows the CLI's numbers to the krone, raising a
// grant's hours in the card detail moves the team's bottom line by the expected amount, the
// bottom line through time (since last week, the department, the weekly chart) and the budget
// follow-up files (XLSX, PDF) agree with the screen to the krone.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { costInYearOere } from '../../shared/grantHistory';
import { toKroner, toOere } from '../../shared/money';
import { formatKroner } from '../../shared/format';
import { launchBrowser } from '../support/chromium';
import { runCli, startServer } from '../support/server';
import { demoAccount, signIn, signInPage, signOutPage } from '../support/session';

interface CliTeam {
  team: string; budget: number; spent: number; committed: number; forecast: number; bottomLine: number; pipeline: number;
  sinceLastWeek: number; sinceLastMonth: number; sinceYearStart: number;
}

/**
 * The ONE way this file reaches the app: the served demo store, the browser page signed in on the
 * sign-in screen like a user, and API calls on that person's own session.
 */
async function openApp() {
  const server = await startServer();
  const browser = await launchBrowser();
  const page = await browser.newPage();
  let session: Awaited<ReturnType<typeof signIn>> | null = null;
  let signedIn = false;
  return {
    server,
    dbPath: server.dbPath,
    browser,
    page,
    /** Signs the page (and the API calls) in as `login`, signing out whoever was signed in. */
    signInAs: async (login: string, hash = '') => {
      if (signedIn) await signOutPage(page);
      await signInPage(page, server, login, undefined, hash);
      signedIn = true;
      session = await signIn(server, login);
    },
    /** Opens a view: '#/bottom-line'. */
    open: (hash: string) => page.goto(`${server.url}${hash}`),
    api: async <T>(method: string, input: unknown): Promise<T> => {
      if (!session) throw new Error('not signed in');
      return session.call<T>(method, input);
    },
    stop: async () => {
      await browser.close();
      await server.stop();
    },
  };
}

const require = createRequire(import.meta.url);
const TEAM_ID = 3; // Team Bostøtte: § 85 hour grants

/** "-623.062 kr." → -623062 */
function kroner(text: string): number {
  return Number(text.replace(/kr\./, '').replace(/\s/g, '').replace(/\./g, '').replace('−', '-'));
}

describe('economics in the browser', () => {
  let app: Awaited<ReturnType<typeof openApp>>;
  let page: Page;
  let today: string;
  let grant: { id: number; case_id: number; case_number: string; takst: number; quantity: number; start_date: string; end_date: string | null };
  let leader: string;
  let head: string;

  beforeAll(async () => {
    app = await openApp();
    page = app.page;
    const db = new Database(app.dbPath, { readonly: true });
    try {
      // An open hour grant on a case in an active column (few cards there, so it is on screen).
      grant = db.prepare(
        `SELECT g.id, g.case_id, c.case_number, g.takst, g.quantity, g.start_date, g.end_date FROM grants g
         JOIN cases c ON c.id = g.case_id JOIN board_columns b ON b.id = c.column_id
         WHERE c.team_id = ? AND b.kind = 'active' AND g.takst_unit = 'hour' AND g.end_date IS NULL
           AND (SELECT COUNT(*) FROM grants x WHERE x.case_id = c.id) = 1
         ORDER BY b.position, c.sort_key LIMIT 1`,
      ).get(TEAM_ID) as typeof grant;
    } finally {
      db.close();
    }
    leader = (await demoAccount(app.server, 'leader', 'Team Bostøtte')).login;
    head = (await demoAccount(app.server, 'department_head')).login;
    // The department's table of every team is the visitationschef's; a leader's is their own team.
    await app.signInAs(head);
    today = (await app.api<{ today: string }>('getWorkspace', {})).today;
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  async function cliReport(): Promise<CliTeam[]> {
    const cli = await runCli(['report', 'bottom-line', '--db', app.dbPath, '--as-of', today, '--json']);
    expect(cli.code, cli.stderr).toBe(0);
    return (JSON.parse(cli.stdout) as { teams: CliTeam[] }).teams;
  }

  async function shownBottomLine(teamId: number): Promise<string> {
    return (await page.locator(`tr[data-team-id="${teamId}"] [data-testid="bottom-line"]`).textContent()) ?? '';
  }

  it('shows the same numbers as report bottom-line, to the krone', async () => {
    await app.open(`#/bottom-line`);
    await page.getByRole('heading', { name: /Nul på bundlinjen/ }).waitFor();
    await page.locator('.bottom-line-table tbody tr').first().waitFor();
    const teams = await cliReport();
    const rows = await page.locator('.bottom-line-table tbody tr[data-team-id]').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')),
    );
    expect(rows.map((r) => r[0])).toEqual(teams.map((t) => t.team));
    const change = (v: number) => `${Math.round(v) > 0 ? '+' : Math.round(v) < 0 ? '−' : '±'}${formatKroner(Math.abs(v))}`;
    rows.forEach((cells, i) => {
      const t = teams[i]!;
      expect(cells.slice(1, 6)).toEqual([t.budget, t.spent, t.committed, t.forecast, t.bottomLine].map((n) => formatKroner(n)));
      expect(cells.slice(6, 9)).toEqual([t.sinceLastWeek, t.sinceLastMonth, t.sinceYearStart].map(change));
      expect(cells[9]).toBe(formatKroner(t.pipeline));
    });
    // The whole department: the seven teams and the department's own lines, 1.096,0 mio. kr.
    expect(await page.getByTestId('department-budget').textContent()).toBe(formatKroner(1_096_000_000));

    // The team's leader sees their own team's line only, with the same figures.
    await app.signInAs(leader, '#/bottom-line');
    await page.locator('.bottom-line-table tbody tr').first().waitFor();
    const own = teams.find((t) => t.team === 'Team Bostøtte')!;
    await expect.poll(() => page.locator('.bottom-line-table tbody tr[data-team-id]').count()).toBe(1);
    expect(await shownBottomLine(TEAM_ID)).toBe(formatKroner(own.bottomLine));
    // The whole department is not the leader's to choose.
    expect(await page.getByTestId('scope').locator('option[value="department"]').count()).toBe(0);
  });

  it('moves the bottom line by the change of a grant\'s hours', async () => {
    const before = (await cliReport()).find((t) => t.team === 'Team Bostøtte')!;
    await app.open(`#/board`);
    await page.locator(`[data-case-id="${grant.case_id}"]`).first().click();
    const section = page.locator('.grants-section');
    await section.getByRole('button', { name: /^Ret bevilling/ }).first().click();

    const hours = grant.quantity + 2;
    const year = Number(today.slice(0, 4));
    // Whole øre, as the store prices it (docs/economics.md).
    const basis = { takstOere: toOere(grant.takst), takstUnit: 'hour' as const, quantity: grant.quantity, startDate: grant.start_date, endDate: grant.end_date };
    const effect = toKroner(costInYearOere({ ...basis, quantity: hours }, year) - costInYearOere(basis, year));
    expect(effect).toBeGreaterThan(0);
    const expectedAfter = toKroner(toOere(before.bottomLine) - toOere(effect));

    await section.getByLabel('Timer pr. uge').fill(String(hours));
    // The what-if shows the effect before anything is saved.
    const whatIf = section.getByTestId('what-if-bottom-line');
    await expect.poll(async () => (await whatIf.textContent()) ?? '', { timeout: 10_000 }).toContain(`→ ${formatKroner(expectedAfter)}`);
    expect((await cliReport()).find((t) => t.team === 'Team Bostøtte')!.bottomLine).toBe(before.bottomLine);

    await section.getByRole('button', { name: 'Gem bevilling' }).click();
    await section.getByRole('status').filter({ hasText: 'Bevillingen er gemt.' }).waitFor();
    await expect.poll(async () => (await section.locator(`[data-grant-id="${grant.id}"] .grant-yearly`).textContent()) ?? '')
      .toBe(formatKroner(grant.takst * hours * 52));

    await app.open(`#/bottom-line`);
    await expect.poll(async () => kroner(await shownBottomLine(TEAM_ID)), { timeout: 10_000 }).toBeCloseTo(expectedAfter, -0.5);
    const after = (await cliReport()).find((t) => t.team === 'Team Bostøtte')!;
    expect(after.bottomLine).toBe(expectedAfter);
    expect(kroner(await shownBottomLine(TEAM_ID))).toBe(Math.round(after.bottomLine));

    // And the drill-down names the change with its effect.
    const mover = page.locator('.movers-table tbody tr').filter({ hasText: 'Ændret bevilling' }).filter({ hasText: grant.case_number }).first();
    await mover.waitFor();
    expect(await mover.textContent()).toContain(`+${new Intl.NumberFormat('da-DK').format(Math.round(effect))} kr.`);
  });

  it('shows the bottom line through time and exports the budget follow-up that agrees with the screen to the krone', async () => {
    await app.open('#/bottom-line');
    await page.locator('tr[data-team-id] [data-testid="since-last-week"]').first().waitFor();
    const teams = await cliReport();
    const mine = teams.find((t) => t.team === 'Team Bostøtte')!;
    // The weekly chart and its summary for the chosen team.
    await page.locator('.recharts-line').first().waitFor();
    const summary = (await page.getByTestId('trend-summary').textContent()) ?? '';
    expect(summary).toContain(formatKroner(mine.bottomLine));
    // What the change is made of: the four lines sum to the change since 1 January.
    await page.getByTestId('decomposition').waitFor();
    expect(await page.getByTestId('decomposition').locator('tbody tr').count()).toBe(4);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^budgetopfoelgning-team-bostoette-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsx.path())!);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Nul på bundlinjen', 'Udvikling', 'Sammensætning', 'Dyre enkeltsager', 'Bogført', 'Takstansvar']);
    const sheet = workbook.getWorksheet('Nul på bundlinjen')!;
    expect(sheet.autoFilter).toBeTruthy();
    const row = sheet.getRow(3);
    expect(row.getCell(1).value).toBe('Team Bostøtte');
    // Real numbers with their decimals: the same øre as the CLI.
    expect(row.getCell(6).value).toBe(mine.bottomLine);
    expect(row.getCell(7).value).toBe(mine.sinceLastWeek);
    expect(formatKroner(Number(row.getCell(6).value))).toBe(await shownBottomLine(TEAM_ID));
    // The finance comparison's sheet: the team's months as getFinanceComparison gives them.
    const finance = await app.api<{ months: { month: number; booked: number | null; grantBased: number; difference: number | null }[] }>(
      'getFinanceComparison', { year: Number(today.slice(0, 4)), asOf: today, teamId: TEAM_ID },
    );
    const booked = workbook.getWorksheet('Bogført')!;
    expect([2, 3, 4, 5].map((c) => booked.getRow(3).getCell(c).value)).toEqual(['januar', finance.months[0]!.booked, finance.months[0]!.grantBased, finance.months[0]!.difference]);
    expect(booked.getRow(14).getCell(4).value).toBe(finance.months[11]!.grantBased);

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
    const bytes = readFileSync((await pdf.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);

    // The whole department, the visitationschef's: its series and the department total.
    await app.signInAs(head, '#/bottom-line');
    await page.getByTestId('scope').waitFor();
    await page.getByTestId('scope').selectOption('department');
    await expect.poll(async () => (await page.getByTestId('trend-summary').textContent()) ?? '', { timeout: 10_000 }).toContain('Siden sidste uge');
    expect(await page.getByRole('heading', { name: /Hele afdelingen: bundlinjen uge for uge/ }).count()).toBe(1);
    await page.getByTestId('scope').selectOption(String(TEAM_ID));
    await app.signInAs(leader);
  });

  it('has no serious or critical accessibility violations on the dashboards and the grant form (axe-core)', async () => {
    const audit = async () => {
      // The host's CSP forbids inline scripts, so axe is evaluated through the DevTools protocol.
      await page.evaluate(readFileSync(require.resolve('axe-core'), 'utf8'));
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
        return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    };
    await app.open(`#/bottom-line`);
    await page.locator('.recharts-line').first().waitFor();
    await page.locator('.movers-table, .movers-card p').first().waitFor();
    expect(await audit()).toEqual([]);
    await app.open(`#/takst`);
    await page.locator('.takst-table').waitFor();
    expect(await audit()).toEqual([]);
    await app.open(`#/board`);
    await page.locator(`[data-case-id="${grant.case_id}"]`).first().click();
    await page.locator('.grants-section').getByRole('button', { name: /^Ret bevilling/ }).first().click();
    await page.getByTestId('what-if-bottom-line').waitFor();
    expect(await audit()).toEqual([]);
  });
});
