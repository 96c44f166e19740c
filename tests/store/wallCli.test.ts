import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore } from '../../db/connection';
import { openWorkspace } from '../../db/workspace';
import { parseCookies } from '../../electron/http/lan';
import { runCli } from '../support/server';

const dir = mkdtempSync(join(tmpdir(), 'flowtavle-wallcli-'));
const db = join(dir, 'flowtavle.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => closeStore(openWorkspace(db, { empty: true }).db));

describe('LAN tokens from the command line', () => {
  it('makes, lists and revokes a token; the token itself is shown only when made', async () => {
    const made = await runCli(['lan-token', '--db', db, '--label', 'Skærmen i mødelokalet', '--json']);
    expect(made.code).toBe(0);
    const token = JSON.parse(made.stdout) as { id: number; token: string; label: string; revokedAt: string | null };
    expect(token).toMatchObject({ label: 'Skærmen i mødelokalet', revokedAt: null });
    expect(token.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const listed = await runCli(['lan-tokens', '--db', db, '--json']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).not.toContain(token.token);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ id: token.id, label: 'Skærmen i mødelokalet', revokedAt: null, sessions: 0 }]);

    const revoked = await runCli(['lan-revoke', '--db', db, '--id', String(token.id)]);
    expect(revoked).toMatchObject({ code: 0 });
    expect(revoked.stdout).toContain(`Adgangsnøgle ${token.id} (Skærmen i mødelokalet) er trukket tilbage.`);
    const after = JSON.parse((await runCli(['lan-tokens', '--db', db, '--json'])).stdout) as { revokedAt: string | null }[];
    expect(after[0]!.revokedAt).not.toBeNull();
  }, 60_000);

  it('refuses an unknown token id and a missing one with exit code 2', async () => {
    const unknown = await runCli(['lan-revoke', '--db', db, '--id', '999']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Adgangsnøgle 999 findes ikke');
    expect((await runCli(['lan-revoke', '--db', db])).code).toBe(2);
  }, 60_000);
});

describe('LAN cookies', () => {
  it('reads the cookie header leniently', () => {
    const cookies = parseCookies('flowtavle_lan=abc; other=1;  flowtavle_lan_session=x%2Dy; broken');
    expect(cookies.get('flowtavle_lan')).toBe('abc');
    expect(cookies.get('flowtavle_lan_session')).toBe('x-y');
    expect(cookies.has('broken')).toBe(false);
    expect(parseCookies(undefined).size).toBe(0);
  });
});
