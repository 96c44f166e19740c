// The economics feature end to end: the dashboard shows the CLI's numbers to the krone, and
// raising a grant's hours in the card detail moves the team's bottom line by the expected amount.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forecastEffect, roundOere } from '../../shared/economics';
import { formatKroner } from '../../shared/format';
import { launchBrowser } from '../support/chromium';
import { runCli, startServer, type RunningServer } from '../support/server';
import { demoAccount, signIn, signInPage, signOutPage } from '../support/session';

interface CliTeam { team: string; budget: number; spent: number; committed: number; forecast: number; bottomLine: number; pipeline: number }

const require = createRequire(import.meta.url);
const TEAM_ID = 3; // Team Bostøtte: § 85 hour grants

/** "-623.062 kr." → -623062 */
function kroner(text: string): number {
  return Number(text.replace(/kr\./, '').replace(/\s/g, '').replace(/\./g, '').replace('−', '-'));
}

describe('economics in the browser', () => {
  let server: RunningServer;
  let browser: BrowserContext;
  let page: Page;
  let today: string;
  let grant: { id: number; case_id: number; takst: number; quantity: number; start_date: string; end_date: string | null };
  let leader: string;
  let head: string;

  beforeAll(async () => {
    server = await startServer();
    const db = new Database(server.dbPath, { readonly: true });
    try {
      // An open hour grant on a case in an active column (few cards there, so it is on screen).
      grant = db.prepare(
        `SELECT g.id, g.case_id, g.takst, g.quantity, g.start_date, g.end_date FROM grants g
         JOIN cases c ON c.id = g.case_id JOIN board_columns b ON b.id = c.column_id
         WHERE c.team_id = ? AND b.kind = 'active' AND g.takst_unit = 'hour' AND g.end_date IS NULL
           AND (SELECT COUNT(*) FROM grants x WHERE x.case_id = c.id) = 1
         ORDER BY b.position, c.sort_key LIMIT 1`,
      ).get(TEAM_ID) as typeof grant;
    } finally {
      db.close();
    }
    leader = (await demoAccount(server, 'leader', 'Team Bostøtte')).login;
    head = (await demoAccount(server, 'department_head')).login;
    today = (await (await signIn(server, leader)).call<{ today: string }>('getWorkspace')).today;
    browser = await launchBrowser();
    page = await browser.newPage();
    // The department's table of every team is the visitationschef's; a leader's is their own team.
    await signInPage(page, server, head);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function cliReport(): Promise<CliTeam[]> {
    const cli = await runCli(['report', 'bottom-line', '--db', server.dbPath, '--as-of', today, '--json']);
    expect(cli.code, cli.stderr).toBe(0);
    return (JSON.parse(cli.stdout) as { teams: CliTeam[] }).teams;
  }

  async function shownBottomLine(teamId: number): Promise<string> {
    return (await page.locator(`tr[data-team-id="${teamId}"] [data-testid="bottom-line"]`).textContent()) ?? '';
  }

  it('shows the same numbers as report bottom-line, to the krone', async () => {
    await page.goto(`${server.url}#/bottom-line`);
    await page.getByRole('heading', { name: /Nul på bundlinjen/ }).waitFor();
    await page.locator('.bottom-line-table tbody tr').first().waitFor();
    const teams = await cliReport();
    const rows = await page.locator('.bottom-line-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')),
    );
    expect(rows.map((r) => r[0])).toEqual(teams.map((t) => t.team));
    rows.forEach((cells, i) => {
      const t = teams[i]!;
      expect(cells.slice(1, 7)).toEqual([t.budget, t.spent, t.committed, t.forecast, t.bottomLine, t.pipeline].map((n) => formatKroner(n)));
    });

    // The team's leader sees their own team's line only, with the same figures.
    await signOutPage(page);
    await signInPage(page, server, leader, undefined, '#/bottom-line');
    await page.locator('.bottom-line-table tbody tr').first().waitFor();
    const own = teams.find((t) => t.team === 'Team Bostøtte')!;
    await expect.poll(() => page.locator('.bottom-line-table tbody tr').count()).toBe(1);
    expect(await shownBottomLine(TEAM_ID)).toBe(formatKroner(own.bottomLine));
  });

  it('moves the bottom line by the change of a grant\'s hours', async () => {
    const before = (await cliReport()).find((t) => t.team === 'Team Bostøtte')!;
    await page.goto(`${server.url}#/board`);
    await page.locator(`[data-case-id="${grant.case_id}"]`).first().click();
    const section = page.locator('.grants-section');
    await section.getByRole('button', { name: /^Ret bevilling/ }).first().click();

    const hours = grant.quantity + 2;
    const year = Number(today.slice(0, 4));
    const basis = { takst: grant.takst, takstUnit: 'hour' as const, quantity: grant.quantity, startDate: grant.start_date, endDate: grant.end_date };
    const effect = forecastEffect(basis, { ...basis, quantity: hours }, year);
    expect(effect).toBeGreaterThan(0);
    const expectedAfter = roundOere(before.bottomLine - effect);

    await section.getByLabel('Timer pr. uge').fill(String(hours));
    // The what-if shows the effect before anything is saved.
    const whatIf = section.getByTestId('what-if-bottom-line');
    await expect.poll(async () => (await whatIf.textContent()) ?? '', { timeout: 10_000 }).toContain(`→ ${formatKroner(expectedAfter)}`);
    expect((await cliReport()).find((t) => t.team === 'Team Bostøtte')!.bottomLine).toBe(before.bottomLine);

    await section.getByRole('button', { name: 'Gem bevilling' }).click();
    await section.getByRole('status').filter({ hasText: 'Bevillingen er gemt.' }).waitFor();
    await expect.poll(async () => (await section.locator(`[data-grant-id="${grant.id}"] .grant-yearly`).textContent()) ?? '')
      .toBe(formatKroner(grant.takst * hours * 52));

    await page.goto(`${server.url}#/bottom-line`);
    await expect.poll(async () => kroner(await shownBottomLine(TEAM_ID)), { timeout: 10_000 }).toBeCloseTo(expectedAfter, -0.5);
    const after = (await cliReport()).find((t) => t.team === 'Team Bostøtte')!;
    expect(Math.abs(after.bottomLine - expectedAfter)).toBeLessThanOrEqual(0.01);
    expect(kroner(await shownBottomLine(TEAM_ID))).toBe(Math.round(after.bottomLine));

    // And the drill-down names the change with its effect.
    const mover = page.locator('.movers-table tbody tr').filter({ hasText: 'Ændret bevilling' }).first();
    await mover.waitFor();
    expect(await mover.textContent()).toContain(`+${new Intl.NumberFormat('da-DK').format(Math.round(effect))} kr.`);
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
    await page.goto(`${server.url}#/bottom-line`);
    await page.locator('.recharts-line').first().waitFor();
    await page.locator('.movers-table, .movers-card p').first().waitFor();
    expect(await audit()).toEqual([]);
    await page.goto(`${server.url}#/takst`);
    await page.locator('.takst-table').waitFor();
    expect(await audit()).toEqual([]);
    await page.goto(`${server.url}#/board`);
    await page.locator(`[data-case-id="${grant.case_id}"]`).first().click();
    await page.locator('.grants-section').getByRole('button', { name: /^Ret bevilling/ }).first().click();
    await page.getByTestId('what-if-bottom-line').waitFor();
    expect(await audit()).toEqual([]);
  });
});
