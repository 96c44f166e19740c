import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore, openStore, type Db } from '../../db/connection';
import { generateDemo } from '../../db/demo/generate';
import { createService, type Service } from '../../db/service';
import { systemContext, type CallContext, type Principal } from '../../shared/api/define';
import type { ApproveDeviceResult, WallDevice } from '../../shared/api/methods/devices';
import type { WallScreen } from '../../shared/api/methods/wall';
import type { Envelope } from '../../shared/api/envelope';
import type { WallSettings } from '../../shared/wall';

const dir = mkdtempSync(join(tmpdir(), 'flowtavle-wall-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOW = new Date('2026-11-23T10:00:00Z');
let clock = NOW;

function call<T>(service: Service, method: string, input: unknown, ctx: CallContext = systemContext()): Envelope<T> {
  return service.dispatch(method, input, ctx) as Envelope<T>;
}
function value<T>(e: Envelope<T>): T {
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`);
  return e.value;
}

describe('the wall screen on the demo department', () => {
  let db: Db;
  let service: Service;
  let teamId: number;
  let names: string[];
  let caseworker: number;

  beforeAll(() => {
    db = openStore(join(dir, 'demo.db'));
    generateDemo(db, { seed: 1, today: '2026-11-23' });
    service = createService(db, { now: () => clock });
    teamId = (db.prepare("SELECT id FROM teams WHERE name = 'Team Nyansøgning'").get() as { id: number }).id;
    names = (db.prepare('SELECT name FROM people').all() as { name: string }[]).map((r) => r.name);
    caseworker = (db.prepare("SELECT id FROM people WHERE role = 'caseworker' AND team_id = ?").get(teamId) as { id: number }).id;
  });
  afterAll(() => closeStore(db));

  it('counts every card of every column and sends the most urgent first', () => {
    const screen = value(call<WallScreen>(service, 'getWallScreen', { teamId }));
    const counts = db.prepare('SELECT column_id AS id, COUNT(*) AS n FROM cases WHERE team_id = ? GROUP BY column_id').all(teamId) as { id: number; n: number }[];
    for (const column of screen.columns) {
      expect(column.count).toBe(counts.find((c) => c.id === column.id)?.n ?? 0);
      expect(column.cards.length).toBe(Math.min(40, column.count));
      const blocked = (db.prepare('SELECT COUNT(*) AS n FROM cases WHERE column_id = ? AND blocked = 1').get(column.id) as { n: number }).n;
      expect(column.blocked).toBe(blocked);
      // Blocked cards lead the column when there are any.
      if (column.kind !== 'done' && blocked > 0) expect(column.cards.slice(0, Math.min(blocked, 40)).every((c) => c.blocked)).toBe(true);
    }
    expect(screen.columns.reduce((n, c) => n + c.count, 0)).toBe(
      (db.prepare('SELECT COUNT(*) AS n FROM cases WHERE team_id = ?').get(teamId) as { n: number }).n,
    );
  });

  it('holds no names, citizen initials or blocked reasons in privacy mode', () => {
    const screen = value(call<WallScreen>(service, 'getWallScreen', { teamId }));
    expect(screen.privacy).toBe(true);
    const text = JSON.stringify(screen);
    for (const name of names) expect(text).not.toContain(name);
    const reasons = (db.prepare('SELECT DISTINCT blocked_reason AS r FROM cases WHERE team_id = ? AND blocked = 1').all(teamId) as { r: string }[]).map((r) => r.r);
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(text).not.toContain(`"${reason}"`);
    expect(text).not.toContain('citizenInitials');
    expect(text).not.toContain('"reasons"');
  });

  it('redacts for a paired wall device even when it asks not to', () => {
    const open = value(call<WallScreen>(service, 'getWallScreen', { teamId, privacy: false }));
    expect(open.privacy).toBe(false);
    expect(open.columns.some((c) => c.cards.some((x) => x.citizenInitials !== undefined))).toBe(true);
    const device: CallContext = { actorId: null, principal: { kind: 'device', deviceId: 1, teamId, sessionId: null } };
    const wall = value(call<WallScreen>(service, 'getWallScreen', { teamId, privacy: false }, device));
    expect(wall.privacy).toBe(true);
    expect(wall.columns.some((c) => c.cards.some((x) => x.citizenInitials !== undefined || x.assigneeName !== undefined))).toBe(false);
    const text = JSON.stringify(wall);
    for (const name of names) expect(text).not.toContain(name);
  });

  it('lists deadlines at risk nearest first, only amber and red', () => {
    const screen = value(call<WallScreen>(service, 'getWallScreen', { teamId }));
    expect(screen.deadlinesTotal).toBeGreaterThan(0);
    const days = screen.deadlines.map((d) => d.daysLeft!);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(days.every((d) => d <= 14)).toBe(true);
    expect(screen.deadlines.every((d) => d.deadline === 'amber' || d.deadline === 'red')).toBe(true);
  });

  it('shows the running sprint\'s burn-up and the KPIs of the plan in force, counts and figures only', () => {
    const screen = value(call<WallScreen>(service, 'getWallScreen', { teamId }));
    const sprint = db.prepare("SELECT name, start_date FROM sprints WHERE team_id = ? AND status = 'open' AND start_date <= '2026-11-23' AND end_date >= '2026-11-23'").get(teamId) as { name: string; start_date: string } | undefined;
    expect(sprint).toBeDefined();
    expect(screen.sprint?.name).toBe(sprint!.name);
    expect(screen.sprint?.burnUp[0]?.day).toBe(sprint!.start_date);
    expect(screen.sprint?.burnUp.at(-1)?.day).toBe('2026-11-23');
    const botilbud = (db.prepare("SELECT id FROM teams WHERE name = 'Team Botilbud'").get() as { id: number }).id;
    const plan = value(call<WallScreen>(service, 'getWallScreen', { teamId: botilbud })).plan;
    const kpiCount = (db.prepare(
      `SELECT COUNT(*) AS n FROM plan_kpis k JOIN plan_goals g ON g.id = k.goal_id JOIN plans p ON p.id = g.plan_id
       WHERE p.team_id = ? AND p.period_start <= '2026-11-23' AND p.period_end >= '2026-11-23'`,
    ).get(botilbud) as { n: number }).n;
    expect(kpiCount).toBeGreaterThan(0);
    expect(plan?.kpis.length).toBe(kpiCount);
    for (const name of names) expect(JSON.stringify(plan)).not.toContain(name);
  });

  it('stores settings per team, for the team\'s members and leaders only, and logs the change', () => {
    const before = value(call<WallSettings>(service, 'getWallSettings', { teamId }));
    expect(before).toMatchObject({ views: ['board', 'pull_list', 'deadlines', 'bottom_line', 'caseload'], intervalSeconds: 60, timerMinutes: 15, privacy: true, updatedAt: null });
    const input = { teamId, views: ['deadlines', 'board'], intervalSeconds: 30, timerMinutes: 12, privacy: true };
    const outsider = (db.prepare("SELECT id FROM people WHERE role = 'caseworker' AND team_id <> ?").get(teamId) as { id: number }).id;
    const refused = call(service, 'saveWallSettings', input, service.as(outsider));
    expect(refused.ok ? null : refused.error.code).toBe('forbidden');
    const saved = value(call<WallSettings>(service, 'saveWallSettings', input, service.as(caseworker)));
    expect(saved).toMatchObject({ views: ['deadlines', 'board'], intervalSeconds: 30, timerMinutes: 12, updatedAt: NOW.toISOString() });
    const other = value(call<WallSettings>(service, 'getWallSettings', { teamId: teamId === 1 ? 2 : 1 }));
    expect(other.intervalSeconds).toBe(60);
    const event = db.prepare("SELECT actor_id, to_value FROM events WHERE type = 'wall_settings_changed' ORDER BY id DESC").get() as { actor_id: number; to_value: string };
    expect(event.actor_id).toBe(caseworker);
    expect(JSON.parse(event.to_value)).toEqual({ views: ['deadlines', 'board'], intervalSeconds: 30, timerMinutes: 12, privacy: true });
    const bad = call(service, 'saveWallSettings', { ...input, intervalSeconds: 5 }, service.as(caseworker));
    expect(bad.ok ? null : bad.error.fields?.[0]?.field).toBe('intervalSeconds');
  });
});

describe('wall screens paired as devices', () => {
  let db: Db;
  let service: Service;
  let botilbud: number;
  let bpa: number;
  let names: string[];
  const tv = { address: '192.0.2.40', userAgent: 'Chromium på vægskærmen' };

  const person = (sql: string, ...params: unknown[]) => db.prepare(`SELECT p.id, a.login FROM people p JOIN accounts a ON a.person_id = p.id WHERE ${sql} ORDER BY p.id LIMIT 1`).get(...params) as { id: number; login: string };
  /** A signed-in person's context, as the HTTP host makes it from the session cookie. */
  function signedIn(login: string, address = '10.0.0.5'): CallContext {
    const result = service.auth.signInVerified(login, 'desktop', { address, userAgent: null });
    if (!result.ok) throw new Error(`no account ${login}`);
    const principal = service.auth.principalOf(result.token)!;
    return { actorId: result.personId, principal };
  }
  function pair(): { code: string; token: string; deviceId: number } {
    const started = service.auth.startPairing(tv);
    if (!started.ok) throw new Error('pairing locked');
    return started;
  }
  const deviceContext = (token: string): CallContext => {
    const principal = service.auth.principalOf(token) as Principal | null;
    if (!principal) throw new Error('no device session');
    return { actorId: null, principal };
  };

  beforeAll(() => {
    clock = NOW;
    db = openStore(join(dir, 'devices.db'));
    generateDemo(db, { seed: 1, today: '2026-11-23' });
    service = createService(db, { now: () => clock });
    botilbud = (db.prepare("SELECT id FROM teams WHERE name = 'Team Botilbud'").get() as { id: number }).id;
    bpa = (db.prepare("SELECT id FROM teams WHERE name = 'Team BPA'").get() as { id: number }).id;
    names = (db.prepare('SELECT name FROM people').all() as { name: string }[]).map((r) => r.name);
  });
  afterAll(() => closeStore(db));

  it('pairs a TV for the leader\'s own team: approved, labelled, expiring after 90 days, in the audit log', () => {
    const leader = person("p.role = 'leader' AND p.team_id = ?", botilbud);
    const tvPairing = pair();
    // Waiting for approval, the TV's session reaches nothing.
    expect(service.auth.principalOf(tvPairing.token)).toBeNull();
    const approved = value(call<ApproveDeviceResult>(service, 'approveDevice', { code: tvPairing.code.toLowerCase().replace(/(.{4})/, '$1 '), teamId: botilbud, label: 'Mødelokalet' }, signedIn(leader.login)));
    expect(approved.ok).toBe(true);
    if (!approved.ok) return;
    expect(approved.device).toMatchObject({
      id: tvPairing.deviceId, status: 'approved', teamId: botilbud, teamName: 'Team Botilbud', label: 'Mødelokalet',
      pairedAt: NOW.toISOString(), expiresAt: new Date(NOW.getTime() + 90 * 86_400_000).toISOString(), address: tv.address, revokedAt: null,
    });
    expect(service.auth.principalOf(tvPairing.token)).toMatchObject({ kind: 'device', deviceId: tvPairing.deviceId, teamId: botilbud });
    const event = db.prepare("SELECT actor_id, entity_id, to_value FROM events WHERE type = 'device_approved' ORDER BY id DESC").get() as { actor_id: number; entity_id: number; to_value: string };
    expect(event).toEqual({ actor_id: leader.id, entity_id: tvPairing.deviceId, to_value: 'Team Botilbud' });
    // The code is used up: a second approval of it is a wrong code.
    const again = value(call<ApproveDeviceResult>(service, 'approveDevice', { code: tvPairing.code, teamId: botilbud, label: 'Igen' }, signedIn(leader.login)));
    expect(again).toMatchObject({ ok: false, reason: 'bad_code' });
    const listed = value(call<WallDevice[]>(service, 'listDevices', { teamId: botilbud }, signedIn(leader.login)));
    expect(listed.map((d) => d.label)).toEqual(['Mødelokalet']);
    expect(listed[0]!.pairedByName).toBe(db.prepare('SELECT name FROM people WHERE id = ?').pluck().get(leader.id));
  });

  it('lets a leader pair only for their own team, and the department head for any', () => {
    const leader = person("p.role = 'leader' AND p.team_id = ?", botilbud);
    const head = person("p.role = 'department_head'");
    const caseworker = person("p.role = 'caseworker' AND p.team_id = ?", botilbud);
    const tvPairing = pair();
    const failuresBefore = db.prepare('SELECT COUNT(*) FROM auth_failures').pluck().get();
    for (const [ctx, teamId] of [[signedIn(leader.login), bpa], [signedIn(caseworker.login), botilbud]] as const) {
      const refused = call(service, 'approveDevice', { code: tvPairing.code, teamId, label: 'Forsøg' }, ctx);
      expect(refused.ok ? null : refused.error.code).toBe('forbidden');
    }
    // A refusal by role or team is not a wrong code, and the TV still waits.
    expect(db.prepare('SELECT COUNT(*) FROM auth_failures').pluck().get()).toBe(failuresBefore);
    expect(service.auth.pairingState(tvPairing.token)?.status).toBe('pending');
    const byHead = value(call<ApproveDeviceResult>(service, 'approveDevice', { code: tvPairing.code, teamId: bpa, label: 'BPA-gangen' }, signedIn(head.login)));
    expect(byHead).toMatchObject({ ok: true, device: { teamId: bpa, teamName: 'Team BPA' } });
    // Listing: a leader sees their team's; without a team only department-wide roles see all.
    const noTeam = call(service, 'listDevices', {}, signedIn(leader.login));
    expect(noTeam.ok ? null : noTeam.error.code).toBe('forbidden');
    expect(value(call<WallDevice[]>(service, 'listDevices', { teamId: botilbud }, signedIn(leader.login))).every((d) => d.teamId === botilbud)).toBe(true);
    const all = value(call<WallDevice[]>(service, 'listDevices', {}, signedIn(head.login)));
    expect(new Set(all.map((d) => d.teamName))).toEqual(new Set(['Team Botilbud', 'Team BPA']));
    const other = call(service, 'listDevices', { teamId: bpa }, signedIn(leader.login));
    expect(other.ok ? null : other.error.code).toBe('forbidden');
  });

  it('gives the device only its own team\'s redacted wall: never people, boards, cases or exports', () => {
    const leader = person("p.role = 'leader' AND p.team_id = ?", botilbud);
    const tvPairing = pair();
    value(call(service, 'approveDevice', { code: tvPairing.code, teamId: botilbud, label: 'Kaffestuen' }, signedIn(leader.login)));
    const device = deviceContext(tvPairing.token);
    const wall = value(call<WallScreen>(service, 'getWallScreen', { teamId: botilbud, privacy: false }, device));
    expect(wall.privacy).toBe(true);
    expect(wall.team.name).toBe('Team Botilbud');
    expect(wall.columns.reduce((n, c) => n + c.count, 0)).toBeGreaterThan(100);
    // The other features' views reach the wall for a device too (team totals and counts only).
    expect(wall.pullList?.items.length).toBeGreaterThan(0);
    expect(wall.pullList?.items.every((i) => i.reasons === undefined)).toBe(true);
    expect(wall.bottomLine?.teamId).toBe(botilbud);
    expect(wall.caseload?.weighted).toBeGreaterThan(wall.caseload?.cases ?? Infinity);
    expect(wall.plan?.kpis.length).toBeGreaterThan(0);
    const text = JSON.stringify(wall);
    for (const name of names) expect(text).not.toContain(name);
    expect(text).not.toContain('citizenInitials');
    expect(value(call<{ teamId: number }>(service, 'getWallSettings', { teamId: botilbud }, device)).teamId).toBe(botilbud);
    const caseId = db.prepare('SELECT id FROM cases WHERE team_id = ? LIMIT 1').pluck().get(botilbud);
    for (const [method, input] of [
      ['getWallScreen', { teamId: bpa }],
      ['getWallSettings', { teamId: bpa }],
      ['listPeople', {}],
      ['listPeople', { teamId: botilbud }],
      ['getBoard', { teamId: botilbud }],
      ['getCase', { caseId }],
      ['exportTable', { table: 'cases', teamId: botilbud }],
      ['listAudit', {}],
      ['listDevices', { teamId: botilbud }],
      ['saveWallSettings', { teamId: botilbud, views: ['board'], intervalSeconds: 60, timerMinutes: 15, privacy: false }],
    ] as const) {
      const refused = call(service, method, input, device);
      expect(refused.ok ? null : refused.error.code, `${method} ${JSON.stringify(input)}`).toBe('forbidden');
    }
    // Refusals are in the audit log, naming the device.
    const refusedEvent = db.prepare("SELECT to_value, reason FROM events WHERE type = 'call_refused' ORDER BY id DESC").get() as { to_value: string; reason: string };
    expect(refusedEvent).toEqual({ to_value: 'saveWallSettings', reason: `vægskærm ${tvPairing.deviceId}` });
  });

  it('expires after the store\'s device_days, and revoking ends its sessions at once', () => {
    const leader = person("p.role = 'leader' AND p.team_id = ?", botilbud);
    db.prepare("INSERT INTO workspace (key, value) VALUES ('device_days', '30') ON CONFLICT (key) DO UPDATE SET value = excluded.value").run();
    const short = pair();
    const approved = value(call<ApproveDeviceResult>(service, 'approveDevice', { code: short.code, teamId: botilbud, label: 'Gangen' }, signedIn(leader.login)));
    expect(approved.ok && approved.device.expiresAt).toBe(new Date(NOW.getTime() + 30 * 86_400_000).toISOString());
    clock = new Date(NOW.getTime() + 31 * 86_400_000);
    expect(service.auth.principalOf(short.token)).toBeNull();
    const expired = value(call<WallDevice[]>(service, 'listDevices', { teamId: botilbud }, signedIn(leader.login))).find((d) => d.id === short.deviceId);
    expect(expired?.status).toBe('expired');
    clock = NOW;

    const tvPairing = pair();
    value(call(service, 'approveDevice', { code: tvPairing.code, teamId: botilbud, label: 'Storskærmen' }, signedIn(leader.login)));
    expect(service.auth.principalOf(tvPairing.token)).not.toBeNull();
    const ended: number[][] = [];
    const stop = service.auth.onSessionsEnded((ids) => ended.push(ids));
    // Another team's leader and a caseworker may not; the leader of the device's team may.
    const otherLeader = person("p.role = 'leader' AND p.team_id = ?", bpa);
    const caseworker = person("p.role = 'caseworker' AND p.team_id = ?", botilbud);
    for (const login of [otherLeader.login, caseworker.login]) {
      const refused = call(service, 'revokeDevice', { deviceId: tvPairing.deviceId }, signedIn(login));
      expect(refused.ok ? null : refused.error.code).toBe('forbidden');
    }
    expect(ended).toEqual([]);
    const revoked = value(call<WallDevice>(service, 'revokeDevice', { deviceId: tvPairing.deviceId }, signedIn(leader.login)));
    stop();
    expect(revoked).toMatchObject({ status: 'revoked', revokedAt: NOW.toISOString() });
    const sessionId = db.prepare('SELECT id FROM auth_sessions WHERE device_id = ?').pluck().get(tvPairing.deviceId);
    expect(ended).toEqual([[sessionId]]);
    expect(db.prepare('SELECT end_reason FROM auth_sessions WHERE id = ?').pluck().get(sessionId)).toBe('device_revoked');
    expect(service.auth.principalOf(tvPairing.token)).toBeNull();
    expect(service.auth.pairingState(tvPairing.token)?.status).toBe('revoked');
    const event = db.prepare("SELECT entity_id, from_value, reason FROM events WHERE type = 'device_revoked' ORDER BY id DESC").get();
    expect(event).toEqual({ entity_id: tvPairing.deviceId, from_value: 'Team Botilbud', reason: 'Storskærmen; 1 session afsluttet' });

    // An administrator without a team (the IT secretary) may revoke too, from any team.
    const admin = person("a.administrator = 1 AND p.role = 'secretariat'");
    const bpaTv = pair();
    value(call(service, 'approveDevice', { code: bpaTv.code, teamId: bpa, label: 'BPA' }, signedIn(person("p.role = 'department_head'").login)));
    expect(value(call<WallDevice>(service, 'revokeDevice', { deviceId: bpaTv.deviceId }, signedIn(admin.login))).status).toBe('revoked');
  });

  it('counts wrong codes per leader and locks after five, across a restart', () => {
    const leader = person("p.role = 'leader' AND p.team_id = ?", bpa);
    const tvPairing = pair();
    const ctx = () => signedIn(leader.login, '10.0.0.77');
    const answers = Array.from({ length: 5 }, () => value(call<ApproveDeviceResult>(service, 'approveDevice', { code: 'ZZZZZZZZ', teamId: bpa, label: 'Gæt' }, ctx())));
    expect(answers.slice(0, 4).every((a) => !a.ok && a.reason === 'bad_code')).toBe(true);
    expect(answers[4]).toMatchObject({ ok: false, reason: 'locked', lockedUntil: new Date(NOW.getTime() + 15 * 60_000).toISOString() });
    expect(!answers[4]!.ok && answers[4]!.message).toMatch(/^For mange forkerte koder\. Prøv igen efter kl\. \d{2}[.:]\d{2}\.$/);
    // The failures were kept (the call returned rather than threw), with the session's address.
    expect(db.prepare("SELECT COUNT(*) FROM auth_failures WHERE kind = 'pairing' AND login = ? AND address = '10.0.0.77'").pluck().get(leader.login)).toBe(5);
    expect(db.prepare("SELECT COUNT(*) FROM events WHERE type = 'pairing_failed' AND to_value = ?").pluck().get(leader.login)).toBe(5);
    // A new service on the same store (a restart) is still locked, even for the right code.
    const restarted = createService(db, { now: () => clock });
    const result = restarted.auth.signInVerified(leader.login, 'desktop', { address: '10.0.0.78', userAgent: null });
    if (!result.ok) throw new Error('sign-in failed');
    const locked = value(restarted.dispatch('approveDevice', { code: tvPairing.code, teamId: bpa, label: 'Rigtig' }, { actorId: result.personId, principal: restarted.auth.principalOf(result.token)! }) as Envelope<ApproveDeviceResult>);
    expect(locked).toMatchObject({ ok: false, reason: 'locked' });
    expect(restarted.auth.pairingState(tvPairing.token)?.status).toBe('pending');
    // After the lock a leader may pair again; the old code has expired meanwhile (15 minutes) and the TV asks for a new one.
    clock = new Date(NOW.getTime() + 16 * 60_000);
    expect(service.auth.pairingState(tvPairing.token)?.status).toBe('expired');
    const fresh = pair();
    const later = value(call<ApproveDeviceResult>(service, 'approveDevice', { code: fresh.code, teamId: bpa, label: 'Rigtig' }, ctx()));
    clock = NOW;
    expect(later).toMatchObject({ ok: true, device: { label: 'Rigtig', teamId: bpa } });
  });

  it('does not pair a TV that has dropped its waiting session (it shows a newer code)', () => {
    const head = person("p.role = 'department_head'");
    const gone = pair();
    service.auth.endSessions({ deviceId: gone.deviceId }, 'signed_out');
    const answer = value(call<ApproveDeviceResult>(service, 'approveDevice', { code: gone.code, teamId: botilbud, label: 'Væk' }, signedIn(head.login)));
    expect(answer).toEqual({ ok: false, reason: 'bad_code', message: 'Skærmen med denne kode venter ikke længere. Brug den kode, skærmen viser nu.' });
    expect(db.prepare('SELECT status, team_id FROM devices WHERE id = ?').get(gone.deviceId)).toEqual({ status: 'revoked', team_id: null });
    expect(value(call<WallDevice[]>(service, 'listDevices', {}, signedIn(head.login))).some((d) => d.id === gone.deviceId)).toBe(false);
  });
});
