// The import's progress in Chromium against `serve`, signed in as the department head: an XLSX
// extract is read and checked with a progress bar (phase and da-DK row counts), imported, and
// its cases counted; Annullér before the write leaves the store as it was; during the write the
// button is disabled with its reason; the bar speaks English when the user does.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, parseDanishDate } from '../../shared/import';
import { launchBrowser } from '../support/chromium';
import { REPO, startServer, type RunningServer } from '../support/server';
import { demoAccount, signIn, signInPage, type ApiSession, type DemoAccount } from '../support/session';

const SHOTS = process.env.FLOWTAVLE_SCREENSHOTS ?? '/tmp/flowtavle-shots';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let server: RunningServer;
let head: DemoAccount;
let headApi: ApiSession;

const caseCount = async () => (await headApi.call<{ caseCount: number }>('getWorkspace', {})).caseCount;

/**
 * An extract of `cases` cases in the case system's XLSX: the fixture's first grant row repeated
 * under new case numbers, with its dates as date cells and its rate and hours as numbers.
 */
async function extract(prefix: string, cases: number): Promise<Buffer> {
  const [header, template] = parseCsv(readFileSync(join(REPO, 'tests/fixtures/import/datatraek.csv'), 'utf8')).rows.filter((r) => r[8] !== undefined && r[8] !== '') as [string[], string[]];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Udtræk');
  sheet.addRow(header);
  const at = (name: string) => header.indexOf(name);
  for (let i = 0; i < cases; i++) {
    const row: (string | number | Date)[] = [...template];
    row[at('sagsnummer')] = `${prefix}-${String(i).padStart(6, '0')}`;
    row[at('borger_ref')] = `${prefix}B${String(i).padStart(6, '0')}`;
    for (const column of ['modtaget', 'start', 'naeste_opfoelgning']) {
      const text = template[at(column)]!;
      if (text !== '') row[at(column)] = new Date(`${parseDanishDate(text)}T00:00:00Z`);
    }
    row[at('takst')] = Number(template[at('takst')]!.replace(/\./g, '').replace(',', '.'));
    row[at('omfang')] = Number(template[at('omfang')]!.replace(',', '.'));
    sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function openDataView(): Promise<Page> {
  const context = await launchBrowser({ width: 1280, height: 900 });
  const page = await context.newPage();
  page.on('close', () => void context.close());
  await signInPage(page, server, head.login, undefined, '#/data');
  await page.getByRole('heading', { name: 'Data ind og ud' }).waitFor();
  return page;
}

/** A slow network to the host: the dry run's answer takes a while, so Annullér is surely pressed before it. */
async function slowPreview(page: Page) {
  await page.route('**/api/previewImport', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await route.continue();
  });
}

/** A slower machine than this one: the steps between two paints take long enough to be seen and clicked. */
async function slowCpu(page: Page, rate: number): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return async () => {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  };
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  head = await demoAccount(server, 'department_head');
  headApi = await signIn(server, head.login);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe('the import progress', () => {
  it('reads and checks an XLSX extract with a progress bar, then imports its cases', async () => {
    const before = await caseCount();
    const page = await openDataView();
    const fullSpeed = await slowCpu(page, 6);
    await page.locator('input[type=file]').setInputFiles({ name: 'udtraek.xlsx', mimeType: XLSX_TYPE, buffer: await extract('XLA', 6_000) });
    const bar = page.getByRole('progressbar');
    await page.locator('.data-progress-count').filter({ hasText: /\(\d{1,3}(\.\d{3})* \/ 6\.000 rækker\)/ }).waitFor();
    expect(await bar.count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/i17-progress-import-da.png` });
    expect(await page.getByRole('button', { name: 'Annullér' }).isEnabled()).toBe(true);
    await fullSpeed();

    const run = page.getByRole('button', { name: 'Importér 6.000 sager' });
    await run.waitFor({ timeout: 90_000 });
    expect(await bar.count()).toBe(0);
    expect(await page.locator('.data-summary').textContent()).toMatch(/udtraek\.xlsx: 6\.000 rækker · XLSX-regneark, første ark/);

    // The write is one call: the bar stays while it runs, and Annullér says why it no longer works.
    await page.route('**/api/runImport', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    await run.click();
    await page.getByText('Skriver i databasen').waitFor();
    const cancel = page.getByRole('button', { name: 'Annullér' });
    expect(await cancel.isDisabled()).toBe(true);
    expect(await page.locator('.data-progress-why').textContent()).toMatch(/kan ikke afbrydes/);
    expect(await cancel.getAttribute('aria-describedby')).toBe(await page.locator('.data-progress-why').getAttribute('id'));
    await page.screenshot({ path: `${SHOTS}/i17-progress-writing-da.png` });
    await page.getByText(/Importen er gemt: 6\.000 nye/).waitFor({ timeout: 90_000 });
    expect(await caseCount()).toBe(before + 6_000);
    await page.close();
  }, 240_000);

  it('writes nothing when Annullér is pressed before the write', async () => {
    const before = await caseCount();
    const page = await openDataView();
    await slowCpu(page, 6);
    await slowPreview(page);
    await page.locator('input[type=file]').setInputFiles({ name: 'udtraek.xlsx', mimeType: XLSX_TYPE, buffer: await extract('XLC', 4_000) });
    await page.locator('.data-progress-count').filter({ hasText: /4\.000 rækker/ }).waitFor();
    await page.getByRole('button', { name: 'Annullér' }).click();
    await page.getByText('Importen er annulleret. Intet er skrevet.').waitFor();
    expect(await page.getByRole('progressbar').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Importér .* sager/ }).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/i17-progress-cancelled-da.png` });
    // Nothing from the cancelled run reaches the host later either.
    await page.waitForTimeout(2_000);
    expect(await page.getByRole('button', { name: /Importér .* sager/ }).count()).toBe(0);
    expect(await caseCount()).toBe(before);
    await page.close();
  }, 240_000);

  it('speaks English with English numbers when the user does', async () => {
    const page = await openDataView();
    await page.getByLabel('Sprog').selectOption('en');
    await page.getByRole('heading', { name: 'Data in and out' }).waitFor();
    await slowCpu(page, 6);
    await slowPreview(page);
    await page.locator('input[type=file]').setInputFiles({ name: 'extract.xlsx', mimeType: XLSX_TYPE, buffer: await extract('XLE', 4_000) });
    await page.locator('.data-progress-count').filter({ hasText: /\(\d{1,3}(,\d{3})* \/ 4,000 rows\)/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Cancel' }).isEnabled()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/i17-progress-import-en.png` });
    await page.getByText("Comparing with Flowtavle's cases").waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('The import was cancelled. Nothing was written.').waitFor();
    await page.close();
  }, 240_000);
});
