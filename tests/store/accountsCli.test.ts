// The administrators' command line for accounts and sessions, run as a user would
// (`npm run cli -- account …`), on a small store of its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore, type Db } from '../../db/connection';
import { createService } from '../../db/service';
import { openWorkspace } from '../../db/workspace';
import { runCli } from '../support/server';

const dir = mkdtempSync(join(tmpdir(), 'flowtavle-accountscli-'));
const db = join(dir, 'flowtavle.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SOURCE = { address: '127.0.0.1', userAgent: 'vitest' };
let teamId: number;
let caseworkerId: number;
let leaderId: number;
let otherId: number;

/** Opens the store between CLI runs, as a host on the same machine would. */
async function withStore<T>(work: (db: Db, service: ReturnType<typeof createService>) => Promise<T> | T): Promise<T> {
  const store = openWorkspace(db).db;
  try {
    return await work(store, createService(store));
  } finally {
    closeStore(store);
  }
}

beforeAll(async () => {
  const store = openWorkspace(db, { empty: true }).db;
  teamId = Number(store.prepare("INSERT INTO teams (name, sort_order) VALUES ('Team Bostøtte', 1)").run().lastInsertRowid);
  const person = store.prepare('INSERT INTO people (name, initials, role, team_id) VALUES (?, ?, ?, ?)');
  leaderId = Number(person.run('Lise Andersen', 'LA', 'leader', teamId).lastInsertRowid);
  caseworkerId = Number(person.run('Karim Nielsen', 'KN', 'caseworker', teamId).lastInsertRowid);
  otherId = Number(person.run('Mette Holm', 'MH', 'caseworker', teamId).lastInsertRowid);
  const service = createService(store);
  service.auth.createFirstAdministrator({ name: 'Anna Admin', initials: 'AA', login: 'anna', password: 'en lang adgangskode' }, SOURCE);
  closeStore(store);
});

describe('account from the command line', () => {
  it('lists people with exactly the fields the issue names', async () => {
    const listed = await runCli(['account', 'list', '--db', db, '--json']);
    expect(listed.code).toBe(0);
    const rows = JSON.parse(listed.stdout) as Record<string, unknown>[];
    expect(rows).toEqual([
      { personId: leaderId, name: 'Lise Andersen', login: null, role: 'leader', teamId, active: false },
      { personId: caseworkerId, name: 'Karim Nielsen', login: null, role: 'caseworker', teamId, active: false },
      { personId: otherId, name: 'Mette Holm', login: null, role: 'caseworker', teamId, active: false },
      { personId: expect.any(Number), name: 'Anna Admin', login: 'anna', role: 'administrator', teamId: null, active: true },
    ]);
    for (const row of rows) expect(Object.keys(row)).toEqual(['personId', 'name', 'login', 'role', 'teamId', 'active']);
    const text = await runCli(['account', 'list', '--db', db]);
    expect(text.stdout).toContain(`#${caseworkerId}  Karim Nielsen  (sagsbehandler, team ${teamId})  –  ingen konto`);
  }, 180_000);

  it('creates an account and prints a one-time code that sets the password', async () => {
    const made = await runCli(['account', 'create', '--db', db, '--person', String(caseworkerId), '--login', 'karim']);
    expect(made.code).toBe(0);
    const code = /Engangskode: ([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(made.stdout)?.[1];
    expect(code).toBeDefined();
    expect(made.stdout).toContain('Kontoen er oprettet for Karim Nielsen (brugernavn karim).');
    expect(made.stdout).toContain('"Har du en engangskode?"');
    await withStore(async (_db, service) => {
      expect((await service.auth.setUpAccount('karim', code!, 'karims adgangskode', SOURCE)).ok).toBe(true);
      expect((await service.auth.signIn('karim', 'karims adgangskode', SOURCE)).ok).toBe(true);
    });
    const json = await runCli(['account', 'create', '--db', db, '--person', String(leaderId), '--login', 'lise', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ personId: leaderId, login: 'lise', setupCode: expect.stringMatching(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/), setupExpiresAt: expect.any(String) });
  }, 180_000);

  it('refuses a taken login and bad arguments with a Danish message and exit code 2', async () => {
    // None of these writes, so they run side by side.
    const [taken, missing, notNumber, unknown, noAccount, badId, noStore] = await Promise.all([
      runCli(['account', 'create', '--db', db, '--person', String(otherId), '--login', 'KARIM']),
      runCli(['account', 'create', '--db', db, '--person', String(otherId)]),
      runCli(['account', 'create', '--db', db, '--person', 'tre', '--login', 'x1']),
      runCli(['account', 'frobnicate', '--db', db]),
      runCli(['account', 'reset', '--db', db, '--login', 'ingen']),
      runCli(['sessions', 'end', '--db', db, '--id', 'x']),
      runCli(['account', 'list', '--db', join(dir, 'findes-ikke.db')]),
    ]);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('Brugernavnet "karim" er allerede i brug.');
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toContain('--login mangler.');
    expect(notNumber).toMatchObject({ code: 2 });
    expect(notNumber.stderr).toContain('--person skal være et helt tal');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Skriv "account list"');
    expect(noAccount).toMatchObject({ code: 2 });
    expect(noAccount.stderr).toContain('Der er ingen konto med brugernavnet "ingen".');
    expect(badId).toMatchObject({ code: 2 });
    expect(noStore).toMatchObject({ code: 2 });
    expect(noStore.stderr).toContain('Databasen findes ikke');
  }, 180_000);

  it('resets a password: a new code, the old password and sessions gone', async () => {
    const token = await withStore(async (_db, service) => {
      const r = await service.auth.signIn('karim', 'karims adgangskode', SOURCE);
      return r.ok ? r.token : null;
    });
    const reset = await runCli(['account', 'reset', '--db', db, '--login', 'karim', '--json']);
    expect(reset.code).toBe(0);
    const out = JSON.parse(reset.stdout) as { login: string; setupCode: string; sessionsEnded: number };
    expect(out).toMatchObject({ login: 'karim', sessionsEnded: 3 });
    await withStore(async (_db, service) => {
      expect(service.auth.principalOf(token)).toBeNull();
      expect((await service.auth.signIn('karim', 'karims adgangskode', SOURCE)).ok).toBe(false);
      expect((await service.auth.setUpAccount('karim', out.setupCode, 'karims nye adgangskode', SOURCE)).ok).toBe(true);
    });
  }, 180_000);

  it('disables and enables an account by login', async () => {
    const off = await runCli(['account', 'disable', '--db', db, '--login', 'karim']);
    expect(off.code).toBe(0);
    expect(off.stdout).toContain('Karim Nielsens konto (karim) er spærret. 1 åbne sessioner er afsluttet.');
    const rows = JSON.parse((await runCli(['account', 'list', '--db', db, '--json'])).stdout) as { login: string | null; active: boolean }[];
    expect(rows.find((r) => r.login === 'karim')!.active).toBe(false);
    await withStore(async (_db, service) => expect((await service.auth.signIn('karim', 'karims nye adgangskode', SOURCE)).ok).toBe(false));
    expect((await runCli(['account', 'enable', '--db', db, '--login', 'karim'])).stdout).toContain('Karim Nielsens konto (karim) er åbnet igen.');
    // The last administrator cannot be disabled, not even from the command line.
    const last = await runCli(['account', 'disable', '--db', db, '--login', 'anna']);
    expect(last.code).toBe(2);
    expect(last.stderr).toContain('Anna Admin er den sidste aktive administrator.');
  }, 180_000);
});

describe('sessions from the command line', () => {
  it('lists open sessions and ends one', async () => {
    const token = await withStore(async (_db, service) => {
      const r = await service.auth.signIn('karim', 'karims nye adgangskode', { address: '10.0.0.9', userAgent: 'Chromium' });
      return r.ok ? r.token : '';
    });
    const listed = await runCli(['sessions', 'list', '--db', db, '--json']);
    expect(listed.code).toBe(0);
    const sessions = JSON.parse(listed.stdout) as { id: number; login: string | null; remoteAddress: string; kind: string; current: boolean }[];
    const karims = sessions.filter((s) => s.login === 'karim');
    expect(karims).toEqual([expect.objectContaining({ kind: 'person', remoteAddress: '10.0.0.9', current: false })]);
    expect((await runCli(['sessions', 'list', '--db', db])).stdout).toContain(`#${karims[0]!.id}  Karim Nielsen (karim)  via adgangskode  fra 10.0.0.9`);

    const ended = await runCli(['sessions', 'end', '--db', db, '--id', String(karims[0]!.id)]);
    expect(ended.code).toBe(0);
    expect(ended.stdout).toContain(`Session ${karims[0]!.id} er afsluttet.`);
    await withStore((_db, service) => expect(service.auth.principalOf(token)).toBeNull());
    const again = await runCli(['sessions', 'end', '--db', db, '--id', String(karims[0]!.id)]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('findes ikke eller er allerede afsluttet');
  }, 180_000);
});
