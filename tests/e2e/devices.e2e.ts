// Wall screens as paired devices, end to end in Chromium through the HTTP host: the TV shows a
// pairing code, a leader signs in elsewhere and approves it for their team on the Vægskærme page,
// the TV shows that team's standup and nothing else (403 on listPeople, getBoard, getCase),
// revoking it closes its change stream within a second and the TV shows a new code; wrong codes
// lock the leader out with a Danish message.
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/chromium';
import { demoStoreCopy, runCli, startServer, type RunningServer } from '../support/server';
import { signIn, signInPage, type ApiSession } from '../support/session';

const SHOTS = process.env.FLOWTAVLE_SCREENSHOTS ?? '/tmp/flowtavle-shots';
/** Team Botilbud's leader in the demo. */
const LEADER = 'rik';

let server: RunningServer;
let leader: ApiSession;
let team: { id: number; name: string };
const browsers: BrowserContext[] = [];

async function newPage(viewport = { width: 1920, height: 1080 }): Promise<Page> {
  const browser = await launchBrowser(viewport);
  browsers.push(browser);
  return browser.pages()[0] ?? (await browser.newPage());
}

/** What the TV's own session gets for a call (its cookie is HttpOnly: only the page can send it). */
function callFromPage(page: Page, method: string, input: unknown) {
  return page.evaluate(
    async ([m, body]) => {
      const res = await fetch(`./api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as { ok: boolean; value?: { privacy?: boolean; team?: { id: number } }; error?: { code: string } } };
    },
    [method, input] as const,
  );
}

async function pairingCode(tv: Page): Promise<string> {
  const code = tv.getByTestId('pairing-code');
  await code.waitFor();
  return (await code.textContent())!.replace(/\s/g, '');
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ dbPath: demoStoreCopy() });
  leader = await signIn(server, LEADER);
  const status = await (await fetch(`${server.url}auth/status`, { headers: { Cookie: leader.cookie } })).json();
  const teamId = status.value.person.teamId as number;
  const teams = await leader.call<{ id: number; name: string }[]>('listTeams', {});
  team = teams.find((t) => t.id === teamId)!;
  expect(team.name).toBe('Team Botilbud');
});

afterAll(async () => {
  for (const b of browsers) await b.close();
  await server?.stop();
});

describe('a wall screen paired as a device', () => {
  it('pairs with a code, shows only its team, is refused everything else, and is cut off within a second when revoked', async () => {
    // The TV: nobody signed in, no device session yet.
    const tv = await newPage();
    // Which API calls the TV's own page makes (the checks below add their own later).
    const calls = new Set<string>();
    tv.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/api/')) calls.add(path);
    });
    await tv.goto(`${server.url}#/standup`);
    await tv.getByRole('heading', { name: 'Par denne skærm' }).waitFor();
    const code = await pairingCode(tv);
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    // Readable from 3 m on a 1080p TV: the code is large.
    const size = await tv.getByTestId('pairing-code').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(150);
    await tv.screenshot({ path: `${SHOTS}/pairing-1080p.png` });
    // Before approval the TV's cookie reaches nothing.
    expect((await callFromPage(tv, 'getWallScreen', { teamId: team.id })).status).toBe(401);

    // A leader signs in at their desk and approves the code for their team.
    const desk = await newPage({ width: 1440, height: 900 });
    await signInPage(desk, server, LEADER, undefined, '#/devices');
    await desk.getByRole('heading', { name: 'Vægskærme', level: 1 }).waitFor();
    await desk.getByLabel('Koden på skærmen').fill(code.toLowerCase());
    await expect(desk.getByLabel('Team', { exact: true }).inputValue()).resolves.toBe(String(team.id));
    await desk.getByLabel('Navn på skærmen').fill('Mødelokalet, 2. sal');
    await desk.getByRole('button', { name: 'Godkend skærmen' }).click();
    await expect(desk.getByRole('status').textContent()).resolves.toBe(`Skærmen "Mødelokalet, 2. sal" viser nu standup for ${team.name}.`);
    const row = desk.locator('.devices-table tbody tr').first();
    await expect(row.locator('th').textContent()).resolves.toContain('Mødelokalet, 2. sal');
    await expect(row.locator('td').nth(0).textContent()).resolves.toBe(team.name);

    // Within the 2 s poll the TV shows its team's standup, redacted, with its stream open.
    await tv.locator('.wall[data-device="on"][data-stream="open"]').waitFor({ timeout: 6_000 });
    await tv.locator('.wall-card').first().waitFor();
    await expect(tv.locator('.wall-title h1').textContent()).resolves.toBe(`Standup – ${team.name}`);
    await expect(tv.locator('.wall-privacy').textContent()).resolves.toBe('Privatliv til: kun sagsnumre og initialer');
    await tv.screenshot({ path: `${SHOTS}/device-standup-1080p.png` });
    // The standup view of a device asks for its wall and its settings, and follows the change stream: nothing else.
    expect([...calls].sort()).toEqual(['/api/changes', '/api/getWallScreen', '/api/getWallSettings']);
    // A device cannot change the team's settings or leave the wall.
    await expect(tv.getByRole('button', { name: 'Indstillinger' }).count()).resolves.toBe(0);
    await desk.reload();
    await desk.getByRole('heading', { name: 'Vægskærme', level: 1 }).waitFor();
    await desk.locator('.devices-table tbody tr').first().waitFor();
    await desk.screenshot({ path: `${SHOTS}/devices-view.png`, fullPage: true });

    // The device's session: its team's redacted wall, and nothing else.
    const own = await callFromPage(tv, 'getWallScreen', { teamId: team.id, privacy: false });
    expect(own.status).toBe(200);
    expect(own.body.value!.privacy).toBe(true);
    expect(own.body.value!.team!.id).toBe(team.id);
    expect((await callFromPage(tv, 'getWallSettings', { teamId: team.id })).status).toBe(200);
    const teams = await leader.call<{ id: number }[]>('listTeams', {});
    const other = teams.find((t) => t.id !== team.id)!;
    const board = await leader.call<{ cards: { id: number }[] }>('getBoard', { teamId: team.id });
    for (const [method, input] of [
      ['listPeople', {}],
      ['listPeople', { teamId: team.id }],
      ['getBoard', { teamId: team.id }],
      ['getCase', { caseId: board.cards[0]!.id }],
      ['getWallScreen', { teamId: other.id }],
      ['listDevices', { teamId: team.id }],
      ['saveWallSettings', { teamId: team.id, views: ['board'], intervalSeconds: 60, timerMinutes: 15, privacy: false }],
    ] as const) {
      const r = await callFromPage(tv, method, input);
      expect(r.status, `${method} ${JSON.stringify(input)}`).toBe(403);
      expect(r.body.error?.code).toBe('forbidden');
    }

    // A second stream of the TV's own, to time the host closing it.
    await tv.evaluate(
      () =>
        new Promise<void>((opened) => {
          const source = new EventSource('./api/changes');
          const w = window as unknown as { closedAt?: number };
          source.addEventListener('open', () => opened());
          source.addEventListener('error', () => {
            w.closedAt ??= Date.now();
            source.close();
          });
        }),
    );

    // The leader revokes it on the Vægskærme page.
    const revokeRow = desk.locator('.devices-table tbody tr', { hasText: 'Mødelokalet, 2. sal' }).first();
    await revokeRow.getByRole('button', { name: 'Træk skærmen "Mødelokalet, 2. sal" tilbage' }).click();
    const confirm = revokeRow.getByRole('button', { name: 'Ja, træk tilbage' });
    const clickedAt = Date.now();
    await confirm.click();
    const closedAt = (await tv.waitForFunction(() => (window as unknown as { closedAt?: number }).closedAt, null, { timeout: 3_000 })).jsonValue();
    const elapsed = (await closedAt as number) - clickedAt;
    expect(elapsed).toBeGreaterThanOrEqual(0);
    expect(elapsed, `stream closed ${elapsed} ms after the click`).toBeLessThan(1_000);
    console.info(`device stream closed ${elapsed} ms after the revoke click`);
    await expect(desk.getByRole('status').textContent()).resolves.toBe('Skærmen "Mødelokalet, 2. sal" er trukket tilbage. Den viser parringskoden igen.');

    // The TV falls back to its pairing screen with a fresh code, and its old session reaches nothing.
    await tv.getByRole('heading', { name: 'Par denne skærm' }).waitFor({ timeout: 5_000 });
    const fresh = await pairingCode(tv);
    expect(fresh).not.toBe(code);
    expect((await callFromPage(tv, 'getWallScreen', { teamId: team.id })).status).toBe(401);
    await expect(tv.locator('.wall-card').count()).resolves.toBe(0);

    // The audit log has both.
    const devices = await leader.call<{ id: number; status: string; pairedByName: string }[]>('listDevices', { teamId: team.id });
    expect(devices[0]).toMatchObject({ status: 'revoked' });
  });

  it('counts wrong codes and locks the leader out with a Danish message', async () => {
    const tv = await newPage();
    await tv.goto(`${server.url}#/standup`);
    const code = await pairingCode(tv);
    // Another leader, so the first test's session is not the one locked.
    const desk = await newPage({ width: 1440, height: 900 });
    const admin = leader;
    const people = await admin.call<{ initials: string; role: string; teamId: number | null }[]>('listPeople', { teamId: team.id });
    expect(people.some((p) => p.role === 'leader')).toBe(true);
    await signInPage(desk, server, LEADER, undefined, '#/devices');
    await desk.getByRole('heading', { name: 'Vægskærme', level: 1 }).waitFor();
    await desk.getByLabel('Navn på skærmen').fill('Køkkenet');
    const wrong = code.startsWith('A') ? 'BBBBBBBB' : 'AAAAAAAA';
    const messages: string[] = [];
    for (let i = 0; i < 5; i++) {
      await desk.getByLabel('Koden på skærmen').fill(wrong);
      await desk.getByRole('button', { name: 'Godkend skærmen' }).click();
      const alert = desk.getByRole('alert');
      await alert.waitFor();
      messages.push((await alert.textContent())!);
      await desk.waitForTimeout(50);
    }
    expect(messages[0]).toMatch(/^Koden passer ikke til en skærm, der venter på at blive parret/);
    expect(messages[4]).toMatch(/^For mange forkerte koder\. Prøv igen efter kl\. \d{2}[.:]\d{2}\.$/);
    // Locked: even the right code is refused now, and the TV keeps waiting.
    await desk.getByLabel('Koden på skærmen').fill(code);
    await desk.getByRole('button', { name: 'Godkend skærmen' }).click();
    await desk.waitForFunction(() => document.querySelector('[role="alert"]')?.textContent?.startsWith('For mange forkerte koder'));
    const direct = await leader.raw('approveDevice', { code, teamId: team.id, label: 'Køkkenet' });
    expect(direct.body.value).toMatchObject({ ok: false, reason: 'locked', lockedUntil: expect.any(String) });
    await tv.waitForTimeout(2_500);
    await expect(tv.getByRole('heading', { name: 'Par denne skærm' }).isVisible()).resolves.toBe(true);
    await desk.screenshot({ path: `${SHOTS}/devices-locked.png` });
  });

  it('is revoked by an administrator from the command line while the host runs: the TV is cut off within the host\'s one-second sweep', async () => {
    const tv = await newPage();
    await tv.goto(`${server.url}#/standup`);
    const code = await pairingCode(tv);
    // The leader is locked out by the test above; the department head may pair for any team.
    const status = (await (await fetch(`${server.url}auth/status`)).json()) as { value: { demoAccounts: { login: string; role: string }[] } };
    const head = await signIn(server, status.value.demoAccounts.find((a) => a.role === 'department_head')!.login);
    const approved = await head.call<{ ok: boolean; device: { id: number } }>('approveDevice', { code, teamId: team.id, label: 'Kantinen' });
    expect(approved.ok).toBe(true);
    await tv.locator('.wall[data-device="on"][data-stream="open"]').waitFor({ timeout: 6_000 });
    const listed = await runCli(['devices', 'list', '--db', server.dbPath, '--json']);
    expect(listed.code).toBe(0);
    const device = (JSON.parse(listed.stdout) as { id: number; label: string; status: string; teamName: string }[]).find((d) => d.id === approved.device.id);
    expect(device).toMatchObject({ label: 'Kantinen', status: 'approved', teamName: team.name });
    await tv.evaluate(() => {
      const w = window as unknown as { cutAt?: number };
      new MutationObserver(() => {
        if (document.querySelector('.wall[data-stream="closed"]')) w.cutAt ??= Date.now();
      }).observe(document.body, { subtree: true, attributes: true, childList: true });
    });
    const revoked = await runCli(['devices', 'revoke', '--db', server.dbPath, '--id', String(device!.id)]);
    const doneAt = Date.now();
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`Vægskærmen "Kantinen" (${team.name}) er trukket tilbage.`);
    const cutAt = (await (await tv.waitForFunction(() => (window as unknown as { cutAt?: number }).cutAt, null, { timeout: 5_000 })).jsonValue()) as number;
    // The CLI runs in its own process: the host finds the ended session in its once-a-second sweep.
    expect(cutAt - doneAt).toBeLessThan(1_500);
    await tv.getByRole('heading', { name: 'Par denne skærm' }).waitFor({ timeout: 5_000 });
    expect(await pairingCode(tv)).not.toBe(code);
  });

  it('gives a waiting TV a new code when the host restarts, since the host keeps only a hash of the old one', async () => {
    // One TV on this address: the TVs of the tests above would re-pair too and meet the per-address limit.
    for (const browser of browsers.splice(0)) await browser.close();
    const tv = await newPage();
    await tv.goto(`${server.url}#/standup`);
    const before = await pairingCode(tv);
    const port = Number(new URL(server.url).port);
    const dbPath = server.dbPath;
    await server.stop();
    server = await startServer({ dbPath, port });
    await tv.waitForFunction((old) => {
      const shown = document.querySelector('[data-testid="pairing-code"]')?.textContent?.replace(/\s/g, '');
      return shown && shown !== old;
    }, before, { timeout: 15_000 });
    const after = await pairingCode(tv);
    expect(after).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    // The new code pairs; the old one is gone.
    const status = (await (await fetch(`${server.url}auth/status`)).json()) as { value: { demoAccounts: { login: string; role: string }[] } };
    const head = await signIn(server, status.value.demoAccounts.find((a) => a.role === 'department_head')!.login);
    expect(await head.call('approveDevice', { code: before, teamId: team.id, label: 'Gammel kode' })).toMatchObject({
      ok: false, reason: 'bad_code', message: 'Skærmen med denne kode venter ikke længere. Brug den kode, skærmen viser nu.',
    });
    expect(await head.call('approveDevice', { code: after, teamId: team.id, label: 'Efter genstart' })).toMatchObject({ ok: true });
    await tv.locator('.wall[data-device="on"]').waitFor({ timeout: 6_000 });
  });
});
