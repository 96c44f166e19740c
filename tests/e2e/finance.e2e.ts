// The finance system's figures beside ours in Chromium against `serve` (issue 16, item 8): the
// department head sees the whole department's booked months beside the grants, a team's leader
// their own team's, each to the krone of `report finance --json`, with the months that call for
// attention marked; the department head imports an extract through the Data view's file picker
// and sees its result, and a wrong file is refused with its line named and nothing changed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FinanceComparison } from '../../shared/api/methods/finance';
import { formatKroner } from '../../shared/format';
import { launchBrowser } from '../support/chromium';
import { runCli, startServer, tempDir, type RunningServer } from '../support/server';
import { demoAccount, signIn, signInPage, type ApiSession, type DemoAccount } from '../support/session';

const SHOTS = process.env.FLOWTAVLE_SCREENSHOTS ?? '/tmp';
const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const require = createRequire(import.meta.url);

const signed = (v: number) => `${Math.round(v) > 0 ? '+' : Math.round(v) < 0 ? '−' : '±'}${formatKroner(Math.abs(v))}`;

let server: RunningServer;
let head: DemoAccount;
let leader: DemoAccount;
let headApi: ApiSession;
let today: string;
let year: number;
const contexts: BrowserContext[] = [];

async function pageAs(person: DemoAccount, hash: string): Promise<Page> {
  // A browser of its own for each person: the session cookie is theirs, as on their own desk.
  const context = await launchBrowser({ width: 1600, height: 1100 });
  contexts.push(context);
  const page = await context.newPage();
  await signInPage(page, server, person.login, undefined, hash);
  return page;
}

async function cliComparison(scope: string[]): Promise<FinanceComparison> {
  const cli = await runCli(['report', 'finance', '--db', server.dbPath, ...scope, '--year', String(year), '--as-of', today, '--json']);
  expect(cli.code, cli.stderr).toBe(0);
  return JSON.parse(cli.stdout) as FinanceComparison;
}

/** The section's table as text, row by row: month, booked, grant-based, difference, remark. */
async function shownRows(page: Page): Promise<string[][]> {
  const table = page.getByTestId('finance-table');
  await table.locator('tbody tr').first().waitFor();
  return table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')));
}

function expectedRows(c: FinanceComparison): string[][] {
  return c.months.map((m) => [
    MONTHS[m.month - 1]!,
    m.booked === null ? 'Ikke bogført endnu' : formatKroner(m.booked),
    formatKroner(m.grantBased),
    m.difference === null ? '–' : signed(m.difference),
  ]);
}

/** axe-core's serious and critical findings inside what this feature adds to the page. */
async function seriousViolations(page: Page, selector: string) {
  // The host's CSP forbids inline scripts, so axe is evaluated through the DevTools protocol.
  await page.evaluate(readFileSync(require.resolve('axe-core'), 'utf8'));
  const violations = await page.evaluate(async (context) => {
    const axe = (window as unknown as { axe: { run(context: string): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run(context)).violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }, selector);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  head = await demoAccount(server, 'department_head');
  leader = await demoAccount(server, 'leader', 'Team Bostøtte');
  headApi = await signIn(server, head.login);
  today = (await headApi.call<{ today: string }>('getWorkspace', {})).today;
  year = Number(today.slice(0, 4));
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await server?.stop();
});

describe('booked in the finance system, beside the grants', () => {
  it('shows the department head the whole department and a leader their own team, to the krone, with the months that call for attention', async () => {
    const department = await cliComparison(['--department']);
    const page = await pageAs(head, '#/bottom-line');
    await page.getByTestId('scope').selectOption('department');
    const section = page.getByTestId('finance-section');
    await section.getByRole('heading', { name: /Bogført i økonomisystemet · Hele afdelingen/ }).waitFor();
    await expect.poll(async () => (await shownRows(page)).map((r) => r.slice(0, 4))).toEqual(expectedRows(department));
    // Where to look: the teams marked in a month, named in the department's row.
    const marked = new Map<number, string[]>();
    for (const t of department.teams) for (const m of t.months) if (m.attention) marked.set(m.month, [...(marked.get(m.month) ?? []), t.team]);
    const shown = await shownRows(page);
    for (const [month, teams] of marked) {
      for (const team of teams) {
        const attention = department.teams.find((t) => t.team === team)!.months[month - 1]!.attention;
        expect(shown[month - 1]![5]).toContain(attention === 'booked_higher' ? `${team}: bogført mere – registreringer mangler?` : `${team}: bogført mindre end bevillingerne`);
      }
    }
    // A month no team is marked in has no remark.
    for (const row of shown.filter((_, i) => !marked.has(i + 1) && department.months[i]!.attention === null)) expect(row[5]).toBe('');
    // The demo books the months before today's; Team Bostøtte's last of them are booked clearly higher.
    const booked = department.months.filter((m) => m.booked !== null).length;
    expect(booked).toBe(Number(today.slice(5, 7)) - 1);
    if (booked > 0) expect([...marked.values()].flat()).toContain('Team Bostøtte');
    const foot = await section.locator('tfoot tr').locator('th, td').allTextContents();
    expect(foot.slice(0, 4)).toEqual([`I alt, ${booked} bogførte måneder`, formatKroner(department.total.booked), formatKroner(department.total.grantBased), signed(department.total.difference)]);
    expect(await section.getByTestId('finance-last-import').textContent()).toContain(department.lastImport!.fileName);
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: `${SHOTS}/finance-department.png` });

    // The team's leader: their own team only, the same figures as the CLI's for that team.
    const own = await cliComparison(['--team', 'Team Bostøtte']);
    const leaderPage = await pageAs(leader, '#/bottom-line');
    const leaderSection = leaderPage.getByTestId('finance-section');
    await leaderSection.getByRole('heading', { name: /Bogført i økonomisystemet · Team Bostøtte/ }).waitFor();
    await expect.poll(async () => (await shownRows(leaderPage)).map((r) => r.slice(0, 4))).toEqual(expectedRows(own));
    const attention = own.months.filter((m) => m.attention === 'booked_higher').map((m) => m.month);
    if (booked > 0) expect(attention.length).toBeGreaterThan(0);
    const markedRows = await leaderSection.locator('tbody tr.needs-attention').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-month'))));
    expect(markedRows).toEqual(attention);
    for (const month of attention) {
      expect(await leaderSection.locator(`tbody tr[data-month="${month}"]`).textContent()).toContain('Bogført mere end bevillingerne – registreringer mangler?');
    }
    await leaderSection.scrollIntoViewIfNeeded();
    await leaderSection.screenshot({ path: `${SHOTS}/finance-leader.png` });
    await leaderPage.screenshot({ path: `${SHOTS}/finance-leader-page.png`, fullPage: true });
    expect(await seriousViolations(leaderPage, '[data-testid="finance-section"]')).toEqual([]);
    // The whole department is not the leader's: the host refuses it.
    const leaderApi = await signIn(server, leader.login);
    expect((await leaderApi.raw('getFinanceComparison', { year })).body.error?.code).toBe('forbidden');
  });

  it('imports an extract through the Data view\'s file picker and shows its result; a wrong file names its line and changes nothing', async () => {
    const month = Number(today.slice(5, 7));
    const dir = tempDir();
    const good = join(dir, 'bogfoering-denne-maaned.csv');
    writeFileSync(good, `\ufeffÅr;Måned;Konto;Team;Beløb\r\n${year};${month};5.38.38;Team Bostøtte;1.234.567,89\r\n${year};${month};5.38.38;team bpa;-2 150,50\r\n`);
    const page = await pageAs(head, '#/data');
    await page.getByRole('heading', { name: 'Data ind og ud' }).waitFor();
    await page.getByRole('radio', { name: 'Bogføring fra økonomisystemet' }).check();
    await page.getByRole('heading', { name: 'Importér bogføring fra økonomisystemet' }).waitFor();
    await page.locator('.data-finance-import input[type=file]').setInputFiles(good);
    await page.getByRole('button', { name: 'Importér bogføring' }).click();
    const status = page.locator('.data-finance-import [role=status]');
    await status.waitFor();
    expect(await status.textContent()).toBe(
      `Bogføringen fra bogfoering-denne-maaned.csv er gemt: 2 konteringer (2 nye, 0 erstattet) for ${MONTHS[month - 1]} ${year}, i alt ${formatKroner(1_234_567.89 - 2_150.5)}`,
    );
    expect(await page.locator('.data-finance-import .data-summary').textContent()).toBe(`Teams: ${(await teamOrder()).join(', ')} (2 rækker i filen).`);
    await page.screenshot({ path: `${SHOTS}/finance-import-done.png` });
    const after = await headApi.call<FinanceComparison>('getFinanceComparison', { year, teamId: await teamIdOf('Team Bostøtte') });
    expect(after.months[month - 1]!.booked).toBe(1_234_567.89);

    const before = await headApi.call<FinanceComparison>('getFinanceComparison', { year });
    const bad = join(dir, 'forkert.csv');
    writeFileSync(bad, `aar;maaned;konto;team;beloeb\n${year};${month};5.38.38;Team Bostøtte;1,00\n${year};13;5.38.38;Team Bostøtte;1,00\n`);
    await page.locator('.data-finance-import input[type=file]').setInputFiles(bad);
    await page.getByRole('button', { name: 'Importér bogføring' }).click();
    await page.locator('.data-finance-import [role=alert]').filter({ hasText: 'Bogføringen blev ikke importeret: 1 fejl' }).waitFor();
    await page.getByRole('heading', { name: 'Filen kan ikke importeres: 1 fejl' }).waitFor();
    expect(await page.locator('.data-finance-import .data-errors tbody tr').first().locator('td').allTextContents())
      .toEqual(['3', 'maaned', '13', 'Måneden skal være et tal fra 1 til 12 (fik "13").']);
    expect(await headApi.call<FinanceComparison>('getFinanceComparison', { year })).toEqual(before);
    await page.screenshot({ path: `${SHOTS}/finance-import-error.png` });
    expect(await seriousViolations(page, '.data-panel')).toEqual([]);

    // The imported month is on the bottom line's section of the team.
    const leaderPage = await pageAs(leader, '#/bottom-line');
    await leaderPage.getByTestId('finance-table').locator(`tbody tr[data-month="${month}"]`).filter({ hasText: formatKroner(1_234_567.89) }).waitFor();
  });
});

async function teamOrder(): Promise<string[]> {
  const teams = await headApi.call<{ id: number; name: string }[]>('listTeams', {});
  return teams.map((t) => t.name).filter((n) => n === 'Team BPA' || n === 'Team Bostøtte');
}

async function teamIdOf(name: string): Promise<number> {
  const teams = await headApi.call<{ id: number; name: string }[]>('listTeams', {});
  return teams.find((t) => t.name === name)!.id;
}
