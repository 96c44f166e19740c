// The Data view in Chromium against `serve`: a bad file is refused with row-level errors in
// Danish and changes nothing, a good file is previewed and imported by the department head (and
// lands on the team's board), a caseworker is offered export only and the host refuses their
// import, an export downloads a Danish CSV, a backup is taken and listed, and the audit log shows the import.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Board } from '../../shared/api/methods/board';
import type { AuditPage, BackupOverview } from '../../shared/api/methods/data';
import { launchBrowser } from '../support/chromium';
import { REPO, startServer, type RunningServer } from '../support/server';
import { demoAccount, signIn, signInPage, type ApiSession, type DemoAccount } from '../support/session';

const FIXTURES = join(REPO, 'tests/fixtures/import');
const require = createRequire(import.meta.url);

/** axe-core's serious and critical findings on the page as it is now. */
async function seriousViolations(page: Page) {
  // The host's CSP forbids inline scripts (addScriptTag), so axe is evaluated through the DevTools protocol.
  await page.evaluate(readFileSync(require.resolve('axe-core'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

let server: RunningServer;
/** The visitationschef, also an administrator in the demo: imports, audit log and backups are theirs. */
let head: DemoAccount;
let caseworker: DemoAccount;
let headApi: ApiSession;

const callApi = <T>(method: string, input: unknown): Promise<T> => headApi.call<T>(method, input);

const caseCount = async () => (await callApi<{ caseCount: number }>('getWorkspace', {})).caseCount;

async function openDataViewAs(person: DemoAccount): Promise<Page> {
  // A browser of its own each time: the session cookie is the person's, as on their own desk.
  const context = await launchBrowser({ width: 1440, height: 1000 });
  const page = await context.newPage();
  page.on('close', () => void context.close());
  await signInPage(page, server, person.login, undefined, '#/data');
  await page.getByRole('heading', { name: 'Data ind og ud' }).waitFor();
  return page;
}

beforeAll(async () => {
  server = await startServer();
  head = await demoAccount(server, 'department_head');
  caseworker = await demoAccount(server, 'caseworker');
  headApi = await signIn(server, head.login);
});

afterAll(async () => {
  await server?.stop();
});

describe('the Data view', () => {
  it('refuses a file with a CPR column, showing the row-level error and changing nothing', async () => {
    const before = await caseCount();
    const page = await openDataViewAs(head);
    await page.locator('input[type=file]').setInputFiles(join(FIXTURES, 'malformed/cpr-kolonne.csv'));
    await page.getByRole('heading', { name: /Filen kan ikke importeres: 1 fejl/ }).waitFor();
    const row = page.locator('.data-errors tbody tr').first();
    expect(await row.locator('td').allTextContents()).toEqual([
      '3', 'id', '120385-XXXX', expect.stringMatching(/CPR-numre.*Intet er importeret/) as unknown as string,
    ]);
    expect(await page.getByRole('button', { name: /Importér \d+ sager/ }).count()).toBe(0);
    expect(await caseCount()).toBe(before);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('previews and imports a valid extract as the department head; the new case is on the board and in the audit log', async () => {
    const before = await caseCount();
    const page = await openDataViewAs(head);
    await page.locator('input[type=file]').setInputFiles(join(FIXTURES, 'datatraek.csv'));
    await page.getByText('5 rækker · tegnsæt UTF-8 · skilletegn semikolon').waitFor();
    expect(await page.locator('.data-counts .count').allTextContents()).toEqual(['4', '0', '0']);
    await page.getByText('Nye teams: Team Rehabilitering').waitFor();
    expect(await caseCount()).toBe(before);

    await page.getByRole('button', { name: 'Importér 4 sager' }).click();
    await page.getByText('Importen er gemt: 4 nye, 0 opdateret, 0 uændret.').waitFor();
    expect(await caseCount()).toBe(before + 4);
    const teams = await callApi<{ id: number; name: string }[]>('listTeams', {});
    const board = await callApi<Board>('getBoard', { teamId: teams.find((x) => x.name === 'Team Bostøtte')!.id });
    const card = board.cards.find((c) => c.caseNumber === 'IMP-2026-0002')!;
    expect(board.columns.find((c) => c.id === card.columnId)).toMatchObject({ name: 'Indkommet', position: 1 });
    expect(card).toMatchObject({ paragraph: '85', receivedDate: '2026-10-15', legalDeadline: '2026-12-10' });

    // A second look at the same file: everything unchanged.
    await page.locator('input[type=file]').setInputFiles(join(FIXTURES, 'datatraek.csv'));
    await expect.poll(() => page.locator('.data-counts .count').allTextContents(), { timeout: 10_000 }).toEqual(['0', '0', '4']);

    await page.getByRole('tab', { name: 'Revisionslog' }).click();
    await page.getByLabel('Sagsnummer').fill('IMP-2026-0002');
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await expect.poll(async () => page.locator('table.audit tbody tr').count(), { timeout: 10_000 }).toBe(3);
    const cells = await page.locator('table.audit tbody tr').allTextContents();
    expect(cells.join('\n')).toContain(head.name);
    expect(cells.join('\n')).toContain('Team Bostøtte: Indkommet');
    // The event in words, never its stored type.
    expect(cells.join('\n')).toContain('Bevilling tilføjet');
    expect(cells.join('\n')).not.toContain('grant_added');
    expect(await seriousViolations(page)).toEqual([]);
    const audit = await callApi<AuditPage>('listAudit', { caseNumber: 'IMP-2026-0002' });
    expect(audit.entries.map((e) => e.type).sort()).toEqual(['created', 'grant_added', 'grant_added']);
    await page.close();
  });

  it('offers a caseworker export only, and the host refuses their import and changes nothing', async () => {
    const before = await caseCount();
    const page = await openDataViewAs(caseworker);
    await page.getByText(/^Import og revisionslog er for visitationschefen/).waitFor();
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Eksport']);
    expect(await page.getByRole('tab', { name: 'Eksport' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('input[type=file]').count()).toBe(0);
    // Only their own team's lists, and not the department's audit log.
    expect(await page.getByLabel('Liste').locator('option').allTextContents()).toEqual(['Sager', 'Bevillinger']);
    expect(await page.getByLabel('Omfang').locator('option').allTextContents()).toEqual([`Kun ${caseworker.teamName}`]);
    const session = await signIn(server, caseworker.login);
    const refused = await session.raw('runImport', { fileName: 'x.csv', contentBase64: readFileSync(join(FIXTURES, 'datatraek.csv')).toString('base64') });
    expect(refused).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden' } } });
    expect(await caseCount()).toBe(before);
    await page.close();
  });

  it('exports the grants as a Danish CSV and takes a backup that is listed', async () => {
    const page = await openDataViewAs(head);
    await page.getByRole('tab', { name: 'Eksport' }).click();
    await page.getByLabel('Liste').selectOption('grants');
    await page.getByText(/\d+ rækker/).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/^bevillinger-team-.*-\d{4}-\d{2}-\d{2}\.csv$/);
    // Issue 16: the grants export names the caseworker and gives this year's spent and forecast.
    expect(csv.split('\r\n')[0]).toMatch(/^\ufeffSagsnummer;Team;Sagsbehandler;Paragraf;Ydelse;Leverandør;Leverandørtype;Takst \(kr\.\);Takstenhed;Omfang;Årlig udgift \(kr\.\);Start;Slut;Næste opfølgning;Forbrugt 20\d\d \(kr\.\);Prognose 20\d\d \(kr\.\)$/);
    expect(csv.split('\r\n')[1]).toMatch(/;§ \d+/);

    await page.getByRole('tab', { name: 'Sikkerhedskopier' }).click();
    await page.getByRole('button', { name: 'Tag sikkerhedskopi nu' }).click();
    await page.getByText('Sikkerhedskopien er taget.').waitFor();
    const overview = await callApi<BackupOverview>('listBackups', {});
    expect(overview.snapshots[0]).toMatchObject({ reason: 'manual' });
    expect(await page.locator('.data-backups tbody tr').count()).toBe(overview.snapshots.length);
    await page.close();
  });
});
