// Grant authority end to end: a caseworker proposes 12 hours a week of § 85 (above the 5-hour
// limit), the case goes on the next meeting's agenda and counts in no forecast, the committee
// approves it with a change to 10 hours, and the grant is active with 10 hours and moves the
// team's bottom line by exactly the cost of 10 hours at the takst.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysBetween, daysInYear } from '../../shared/dates';
import { forecastEffect, roundOere } from '../../shared/economics';
import { formatDate } from '../../shared/format';
import { launchBrowser } from '../support/chromium';
import { runCli, startServer, type RunningServer } from '../support/server';
import { authStatus, signIn, signInPage, signOutPage } from '../support/session';

const require = createRequire(import.meta.url);
const TEAM = 'Team Bostøtte';
const TAKST = 512;

describe('grant authority and the visitation committee in the browser', () => {
  let server: RunningServer;
  let browser: BrowserContext;
  let page: Page;
  let today: string;
  let target: { id: number; case_number: string; team_id: number; caseworker: string };
  let leader: string;
  let meeting: { id: number; meeting_date: string };

  beforeAll(async () => {
    server = await startServer();
    const db = new Database(server.dbPath, { readonly: true });
    try {
      // A § 85 application of the caseworker's own with no grant yet, near the top of an active
      // column so the virtualised board has it on screen.
      target = db.prepare(
        `SELECT c.id, c.case_number, c.team_id, p.name AS caseworker FROM cases c
         JOIN board_columns b ON b.id = c.column_id JOIN teams t ON t.id = c.team_id JOIN people p ON p.id = c.assignee_id
         WHERE t.name = ? AND c.paragraph = '85' AND c.kind = 'application' AND b.kind = 'active' AND p.role = 'caseworker'
           AND NOT EXISTS (SELECT 1 FROM grants g WHERE g.case_id = c.id)
           AND NOT EXISTS (SELECT 1 FROM grant_proposals gp WHERE gp.case_id = c.id)
         ORDER BY (SELECT COUNT(*) FROM cases x WHERE x.column_id = c.column_id AND x.sort_key < c.sort_key), b.position LIMIT 1`,
      ).get(TEAM) as typeof target;
      leader = (db.prepare(`SELECT name FROM people WHERE role = 'leader' AND team_id = ?`).get(target.team_id) as { name: string }).name;
      meeting = db.prepare(`SELECT id, meeting_date FROM committee_meetings WHERE status = 'planned' ORDER BY meeting_date LIMIT 1`).get() as typeof meeting;
    } finally {
      db.close();
    }
    expect(target).toBeDefined();
    expect(meeting).toBeDefined();
    today = (await (await signIn(server, await loginOf(leader))).call<{ today: string }>('getWorkspace')).today;
    browser = await launchBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A demo person's login, as the demo sign-in screen lists it. */
  async function loginOf(name: string): Promise<string> {
    const account = (await authStatus(server)).demoAccounts?.find((a) => a.name === name);
    if (!account) throw new Error(`${name} has no demo account`);
    return account.login;
  }

  let signedIn = false;
  async function useAs(name: string) {
    if (signedIn) await signOutPage(page);
    await signInPage(page, server, await loginOf(name));
    signedIn = true;
  }

  async function audit() {
    // The host's CSP forbids inline scripts, so axe is evaluated through the DevTools protocol.
    await page.evaluate(readFileSync(require.resolve('axe-core'), 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  }

  async function bottomLine(): Promise<number> {
    const cli = await runCli(['report', 'bottom-line', '--db', server.dbPath, '--as-of', today, '--json']);
    expect(cli.code, cli.stderr).toBe(0);
    return (JSON.parse(cli.stdout) as { teams: { team: string; bottomLine: number }[] }).teams.find((t) => t.team === TEAM)!.bottomLine;
  }

  it('sends a 12-hour § 85 grant to the committee, approves it with 10 hours, and moves the bottom line by 10 hours', async () => {
    const before = await bottomLine();

    // The caseworker saves 12 hours a week: above the 5-hour limit, so it awaits the committee.
    await useAs(target.caseworker);
    await page.goto(`${server.url}#/board`);
    await page.locator(`[data-case-id="${target.id}"]`).first().click();
    const section = page.locator('.grants-section');
    await section.getByRole('button', { name: 'Ny bevilling' }).click();
    await section.getByLabel('Ydelse', { exact: true }).fill('Socialpædagogisk støtte i eget hjem');
    await section.getByLabel('Leverandør', { exact: true }).fill('Bostøtten Aalborg Øst (intern)');
    await section.getByLabel(/^Takst \(/).fill(String(TAKST));
    await section.getByLabel('Timer pr. uge').fill('12');
    // Before saving, the editor says the draft is above the caseworker's authority.
    await expect.poll(async () => (await section.getByTestId('authority-hint').textContent().catch(() => '')) ?? '', { timeout: 10_000 })
      .toContain('12 t/uge er over grænsen på 5 t/uge for § 85');
    await section.getByRole('button', { name: 'Gem bevilling' }).click();
    await section.getByRole('status').filter({ hasText: `dagsordenen til mødet ${formatDate(meeting.meeting_date)}` }).waitFor();
    const awaiting = page.getByTestId('awaiting-proposal');
    await awaiting.waitFor();
    expect(await awaiting.textContent()).toContain('12 t/uge er over grænsen på 5 t/uge for § 85');
    await page.locator(`[data-case-id="${target.id}"] .awaiting-committee`).first().waitFor();
    expect(await page.locator(`[data-case-id="${target.id}"] .visually-hidden`).first().textContent()).toContain('afventer visitationsudvalget');
    // Proposed, not granted: the bottom line has not moved.
    expect(await bottomLine()).toBe(before);

    // The leader opens the next meeting: the case is on the agenda.
    await useAs(leader);
    await page.goto(`${server.url}#/committee`);
    await page.getByRole('button', { name: new RegExp(`^Åbn mødet .* ${formatDate(meeting.meeting_date)}$`) }).click();
    const item = page.locator(`.cm-agenda-item[data-case-number="${target.case_number}"]`);
    await item.click();
    const screen = page.getByTestId('meeting-case');
    await expect.poll(async () => (await screen.locator('h3').textContent()) ?? '').toContain(target.case_number);
    expect(await screen.getByTestId('proposal').textContent()).toContain('12 t/uge à 512 kr.');

    expect(await audit()).toEqual([]);

    // Approved with a change to 10 hours.
    await screen.getByRole('radio', { name: 'Godkendt med ændringer' }).check();
    await screen.getByLabel('Timer pr. uge').fill('10');
    await screen.getByLabel('Vilkår').fill('Opfølgning med VUM efter 3 måneder');
    await screen.getByRole('button', { name: 'Registrér afgørelse' }).click();
    const decision = screen.getByTestId('decision');
    await decision.waitFor();
    expect(await decision.textContent()).toContain('Timer pr. uge: 12 → 10');

    // The minutes download as a PDF named after the meeting.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Referat (PDF)' }).click();
    const pdf = await download;
    expect(pdf.suggestedFilename()).toBe(`referat-visitationsudvalget-${meeting.meeting_date}.pdf`);
    expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');

    // The grant is active with 10 hours.
    const economy = await (await signIn(server, await loginOf(leader))).call<{ grants: { quantity: number; takst: number; activeToday: boolean; yearlyCost: number }[] }>('getCaseEconomy', { caseId: target.id });
    const grants = economy.grants;
    expect(grants.map((g) => [g.quantity, g.takst, g.activeToday, g.yearlyCost])).toEqual([[10, TAKST, true, 266_240]]);

    // And the bottom line moved by the cost of 10 hours × 512 kr. × 52 weeks from today to 31 December.
    // 10 × 512 × 52 = 266,240 kr. a year; this year it costs the days from today to 31 December.
    const year = Number(today.slice(0, 4));
    const daysLeft = daysBetween(today, `${year}-12-31`) + 1;
    const effect = forecastEffect(null, { takst: TAKST, takstUnit: 'hour', quantity: 10, startDate: today, endDate: null }, year);
    expect(roundOere(effect)).toBe(roundOere((266_240 * daysLeft) / daysInYear(year)));
    const after = await bottomLine();
    // Both figures are rounded to øre by the report, so their difference may be off by one øre.
    expect(Math.abs(before - after - effect)).toBeLessThanOrEqual(0.01 + 1e-9);
    expect(Math.round(before - after)).toBe(Math.round(effect));
  });
});
