import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore } from '../../db/connection';
import { createService } from '../../db/service';
import { openWorkspace } from '../../db/workspace';
import { systemContext } from '../../shared/api/define';
import type { ApproveDeviceResult, WallDevice } from '../../shared/api/methods/devices';
import { runCli } from '../support/server';

const dir = mkdtempSync(join(tmpdir(), 'flowtavle-devicescli-'));
const db = join(dir, 'flowtavle.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let deviceId: number;
let tvToken: string;

beforeAll(() => {
  const store = openWorkspace(db, { empty: true }).db;
  try {
    store.prepare("INSERT INTO teams (name) VALUES ('Team Bostøtte')").run();
    const service = createService(store);
    const pairing = service.auth.startPairing({ address: '192.0.2.50', userAgent: 'Chromium' });
    if (!pairing.ok) throw new Error('pairing refused');
    const teamId = store.prepare('SELECT id FROM teams').pluck().get() as number;
    const approved = service.dispatch('approveDevice', { code: pairing.code, teamId, label: 'Skærmen i mødelokalet' }, systemContext());
    if (!approved.ok || !(approved.value as ApproveDeviceResult).ok) throw new Error('approval failed');
    deviceId = pairing.deviceId;
    tvToken = pairing.token;
  } finally {
    closeStore(store);
  }
});

function principalOfTv(): unknown {
  const store = openWorkspace(db).db;
  try {
    return createService(store).auth.principalOf(tvToken);
  } finally {
    closeStore(store);
  }
}

describe('paired wall screens from the command line', () => {
  it('lists the devices and revokes one, ending its session', async () => {
    expect(principalOfTv()).toMatchObject({ kind: 'device', deviceId });
    const listed = await runCli(['devices', 'list', '--db', db, '--json']);
    expect(listed.code).toBe(0);
    const devices = JSON.parse(listed.stdout) as WallDevice[];
    expect(devices).toMatchObject([
      { id: deviceId, status: 'approved', teamName: 'Team Bostøtte', label: 'Skærmen i mødelokalet', pairedByName: null, address: '192.0.2.50', revokedAt: null },
    ]);
    // Nothing secret in the listing: no code, no token.
    expect(listed.stdout).not.toContain(tvToken);

    const text = await runCli(['devices', 'list', '--db', db]);
    expect(text.stdout).toMatch(new RegExp(`^#${deviceId}  Skærmen i mødelokalet  \\(Team Bostøtte, aktiv\\)  parret .* af kommandolinjen; sidst set .*; udløber .*; fra 192\\.0\\.2\\.50$`, 'm'));

    const revoked = await runCli(['devices', 'revoke', '--db', db, '--id', String(deviceId), '--json']);
    expect(revoked.code).toBe(0);
    expect(JSON.parse(revoked.stdout)).toMatchObject({ id: deviceId, status: 'revoked', revokedAt: expect.any(String) });
    expect(principalOfTv()).toBeNull();
    const after = JSON.parse((await runCli(['devices', 'list', '--db', db, '--json'])).stdout) as WallDevice[];
    expect(after[0]!.status).toBe('revoked');
    // Revoking again is harmless and says so in words.
    const again = await runCli(['devices', 'revoke', '--db', db, '--id', String(deviceId)]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Vægskærmen "Skærmen i mødelokalet" (Team Bostøtte) er trukket tilbage.');
  }, 60_000);

  it('refuses an unknown device, a missing id and an unknown action', async () => {
    const unknown = await runCli(['devices', 'revoke', '--db', db, '--id', '999']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Vægskærmen findes ikke.');
    const unknownJson = await runCli(['devices', 'revoke', '--db', db, '--id', '999', '--json']);
    expect(JSON.parse(unknownJson.stdout)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const missing = await runCli(['devices', 'revoke', '--db', db]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--id mangler');
    const wrong = await runCli(['devices', 'pair', '--db', db]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Skriv "devices list" eller "devices revoke --id N".');
  }, 60_000);
});
