// axe-core on every screen and every dialog, signed in as the roles that see them: zero serious or
// critical violations (#17 item 7). The results are the basis of docs/tilgaengelighed.md.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/chromium';
import { startServer, type RunningServer } from '../support/server';
import { demoAccount, signInPage } from '../support/session';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core'), 'utf8');

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

interface Finding { where: string; id: string; impact: string; help: string; targets: string[] }

/** axe on the page as it is now; only serious and critical findings, named by where they were seen. */
async function audit(page: Page, where: string): Promise<Finding[]> {
  // The host's CSP forbids inline scripts (addScriptTag), so axe is evaluated through the DevTools protocol.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(): Promise<Result> } }).axe;
    return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 4).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ where, ...v }));
}

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
});
