// axe-core on every screen and every dialog, signed in as the roles that see them: zero serious or
// critical violations (#17 item 7), the WIP-reason dialog, committing cases to a sprint, the
// committee's meeting screen and a paired wall screen included. The results are the basis of
// docs/tilgaengelighed.md.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, type Finding } from '../support/axe';
import { launchBrowser } from '../support/chromium';
import { startServer, type RunningServer } from '../support/server';
import { demoAccount, signIn, signInPage } from '../support/session';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

/** Waits until a lazily loaded view has rendered and stopped saying it is busy. */
async function settle(page: Page): Promise<void> {
  // The wall is a standalone view without the app's main region.
  await page.locator('h1, h2').first().waitFor({ state: 'attached', timeout: 15_000 });
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 15_000 }).catch(() => undefined);
  await page.waitForTimeout(300);
}

const report = (findings: Finding[]) => findings.map((f) => `${f.where}: ${f.id} (${f.impact}) – ${f.help} – ${f.targets.join(' | ')}`).join('\n');

/** Every view the header offers this person, one by one through the navigation. */
async function auditEveryView(page: Page, role: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  const views = await page.locator('.main-nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  for (const href of views) {
    // The wall leaves the app shell (no navigation on it): reach it and the next view by address.
    if (await page.locator(`.main-nav a[href="${href}"]`).count()) await page.locator(`.main-nav a[href="${href}"]`).click();
    else await page.goto(`${server.url}${href}`);
    await settle(page);
    findings.push(...(await audit(page, `${role} ${href}`)));
  }
  return findings;
}

describe('accessibility (axe-core)', () => {
  const roles: [string, string | undefined][] = [
    // The demo's administrator is the department head, so that role's screens are audited as hers.
    ['caseworker', 'Team BPA'], ['leader', 'Team BPA'], ['department_head', undefined], ['secretariat', undefined],
  ];
  for (const [role, team] of roles) {
    it(`has no serious or critical violations on any screen the ${role} sees`, async () => {
      const account = await demoAccount(server, role, team);
      const context = await launchBrowser();
      try {
        const page = await context.newPage();
        await signInPage(page, server, account.login);
        await settle(page);
        const findings = await auditEveryView(page, role);
        expect(findings, report(findings)).toEqual([]);
      } finally {
        await context.close();
      }
    }, 240_000);
  }

  it('has no serious or critical violations in the board dialogs: card detail, shortcuts, board settings, sign-in', async () => {
    const context = await launchBrowser();
    const findings: Finding[] = [];
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByLabel('Brugernavn').waitFor();
      findings.push(...(await audit(page, 'sign-in')));
      const leader = await demoAccount(server, 'leader', 'Team BPA');
      await signInPage(page, server, leader.login);
      await page.locator('.card').first().waitFor();

      await page.locator('.card').first().click();
      await page.locator('.card-detail .facts').waitFor();
      await page.waitForTimeout(500);
      findings.push(...(await audit(page, 'card detail')));
      await page.keyboard.press('Escape');

      await page.locator('.card').first().focus();
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Tastaturgenveje' }).waitFor();
      findings.push(...(await audit(page, 'shortcuts dialog')));
      await page.keyboard.press('Escape');

      // A leader always has the columns dialog: a missing button fails here rather than skipping the audit.
      await page.locator('.board-view .board-toolbar button', { hasText: 'Kolonner' }).first().click({ timeout: 10_000 });
      await page.locator('[role="dialog"]').first().waitFor();
      findings.push(...(await audit(page, 'board settings')));
      await page.keyboard.press('Escape');
      expect(findings, report(findings)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
  it('has no serious or critical violations in the WIP-reason dialog, the sprint commit, the meeting screen and a paired wall', async () => {
    const leader = await demoAccount(server, 'leader', 'Team BPA');
    const api = await signIn(server, leader.login);
    const teamId = (await api.call<{ id: number; name: string }[]>('listTeams', {})).find((x) => x.name === 'Team BPA')!.id;
    type Board = { columns: { id: number; name: string; kind: string; wipLimit: number | null }[]; cards: { id: number; caseNumber: string; columnId: number; kind: string }[] };
    const board = await api.call<Board>('getBoard', { teamId });
    const count = (columnId: number) => board.cards.filter((c) => c.columnId === columnId).length;
    // A card whose right-hand neighbour column already holds cards: made exactly full, one more goes over.
    const at = board.columns.findIndex((c, i) => i + 1 < board.columns.length && count(c.id) > 0 && count(board.columns[i + 1]!.id) > 0);
    expect(at).toBeGreaterThanOrEqual(0);
    const [from, to] = [board.columns[at]!, board.columns[at + 1]!];
    const mover = board.cards.find((c) => c.columnId === from.id)!;
    const context = await launchBrowser();
    const tvContext = await launchBrowser();
    const findings: Finding[] = [];
    try {
      await api.call('updateColumn', { columnId: to.id, wipLimit: count(to.id) });
      const page = await context.newPage();
      await signInPage(page, server, leader.login);
      const card = page.locator(`.card[data-case-number="${mover.caseNumber}"]`);
      await card.waitFor();
      await card.focus();
      await page.keyboard.press('Space');
      await page.waitForTimeout(150);
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(150);
      await page.keyboard.press('Space');
      const wip = page.getByRole('dialog', { name: 'WIP-grænsen overskrides' });
      await wip.waitFor();
      // With the refusal showing too: the field's error is part of what is read.
      await wip.getByRole('button', { name: 'Gå over grænsen' }).click();
      await wip.getByText('Skriv en begrundelse på mindst 3 tegn.').waitFor();
      findings.push(...(await audit(page, 'WIP-reason dialog')));
      await page.keyboard.press('Escape');
      await wip.waitFor({ state: 'detached' });

      await page.locator('.main-nav a', { hasText: 'Sprint' }).first().click();
      const search = page.getByLabel('Tilføj sag: søg på sagsnummer');
      await search.waitFor();
      await search.fill('2026-');
      await page.getByRole('button', { name: /^Tilføj .* til sprinten$/ }).first().waitFor();
      findings.push(...(await audit(page, 'sprint commit')));

      await page.goto(`${server.url}#/committee`);
      await page.getByRole('button', { name: /^Åbn mødet / }).first().click();
      const agendaItem = page.locator('.cm-agenda-item').first();
      if (await agendaItem.count()) await agendaItem.click();
      await settle(page);
      findings.push(...(await audit(page, 'committee meeting screen')));

      // A wall screen nobody is signed in on, paired by the leader with the code it shows.
      const tv = await tvContext.newPage();
      await tv.goto(`${server.url}#/standup`);
      const code = tv.getByTestId('pairing-code');
      await code.waitFor();
      findings.push(...(await audit(tv, 'wall pairing')));
      await api.call('approveDevice', { code: (await code.textContent())!.replace(/\s/g, ''), teamId, label: 'Mødelokalet' });
      await tv.locator('.wall[data-device="on"] .wall-card').first().waitFor({ timeout: 10_000 });
      await tv.waitForTimeout(300);
      findings.push(...(await audit(tv, 'paired wall')));
      expect(findings, report(findings)).toEqual([]);
    } finally {
      await api.call('updateColumn', { columnId: to.id, wipLimit: to.wipLimit });
      await context.close();
      await tvContext.close();
    }
  }, 180_000);
});
