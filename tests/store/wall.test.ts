import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore, openStore, type Db } from '../../db/connection';
import { generateDemo } from '../../db/demo/generate';
import { createService, type Service } from '../../db/service';
import { createLanStore } from '../../db/service/wall';
import type { CallContext } from '../../shared/api/define';
import type { WallScreen } from '../../shared/api/methods/wall';
import type { Envelope } from '../../shared/api/envelope';
import type { WallSettings } from '../../shared/wall';

const dir = mkdtempSync(join(tmpdir(), 'flowtavle-wall-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOW = new Date('2026-11-23T10:00:00Z');
let clock = NOW;

function call<T>(service: Service, method: string, input: unknown, ctx: CallContext = { actorId: null }): Envelope<T> {
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
  let leader: number;
  let caseworker: number;

  beforeAll(() => {
    db = openStore(join(dir, 'demo.db'));
    generateDemo(db, { seed: 1, today: '2026-11-23' });
    service = createService(db, { now: () => clock });
    teamId = (db.prepare("SELECT id FROM teams WHERE name = 'Team Nyansøgning'").get() as { id: number }).id;
    names = (db.prepare('SELECT name FROM people').all() as { name: string }[]).map((r) => r.name);
    leader = (db.prepare("SELECT id FROM people WHERE role = 'leader' AND team_id = ?").get(teamId) as { id: number }).id;
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

  it('redacts for a read-only LAN viewer even when asked not to', () => {
    const open = value(call<WallScreen>(service, 'getWallScreen', { teamId, privacy: false }));
    expect(open.privacy).toBe(false);
    expect(open.columns.some((c) => c.cards.some((x) => x.citizenInitials !== undefined))).toBe(true);
    const lan = value(call<WallScreen>(service, 'getWallScreen', { teamId, privacy: false }, { actorId: null, readOnly: true }));
    expect(lan.privacy).toBe(true);
    expect(lan.columns.some((c) => c.cards.some((x) => x.citizenInitials !== undefined || x.assigneeName !== undefined))).toBe(false);
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
    expect(before).toMatchObject({ views: ['board', 'pull_list', 'deadlines', 'bottom_line'], intervalSeconds: 60, timerMinutes: 15, privacy: true, updatedAt: null });
    const input = { teamId, views: ['deadlines', 'board'], intervalSeconds: 30, timerMinutes: 12, privacy: true };
    const outsider = (db.prepare("SELECT id FROM people WHERE role = 'caseworker' AND team_id <> ?").get(teamId) as { id: number }).id;
    const refused = call(service, 'saveWallSettings', input, { actorId: outsider });
    expect(refused.ok ? null : refused.error.code).toBe('forbidden');
    const saved = value(call<WallSettings>(service, 'saveWallSettings', input, { actorId: caseworker }));
    expect(saved).toMatchObject({ views: ['deadlines', 'board'], intervalSeconds: 30, timerMinutes: 12, updatedAt: NOW.toISOString() });
    const other = value(call<WallSettings>(service, 'getWallSettings', { teamId: teamId === 1 ? 2 : 1 }));
    expect(other.intervalSeconds).toBe(60);
    const event = db.prepare("SELECT actor_id, to_value FROM events WHERE type = 'wall_settings_changed' ORDER BY id DESC").get() as { actor_id: number; to_value: string };
    expect(event.actor_id).toBe(caseworker);
    expect(JSON.parse(event.to_value)).toEqual({ views: ['deadlines', 'board'], intervalSeconds: 30, timerMinutes: 12, privacy: true });
    const bad = call(service, 'saveWallSettings', { ...input, intervalSeconds: 5 }, { actorId: caseworker });
    expect(bad.ok ? null : bad.error.fields?.[0]?.field).toBe('intervalSeconds');
  });

  it('creates, checks and revokes LAN tokens; only leaders at the host may', () => {
    expect(call(service, 'createLanToken', { label: 'Væggen' }, { actorId: caseworker }).ok).toBe(false);
    const lanAttempt = call(service, 'createLanToken', { label: 'Væggen' }, { actorId: leader, readOnly: true });
    expect(lanAttempt.ok ? null : lanAttempt.error.code).toBe('read_only');
    const created = value(call<{ id: number; token: string; revokedAt: string | null }>(service, 'createLanToken', { label: 'Væggen' }, { actorId: leader }));
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the hash is stored.
    expect(JSON.stringify(db.prepare('SELECT * FROM lan_tokens').all())).not.toContain(created.token);

    const lan = createLanStore(db, () => clock);
    expect(lan.validToken(created.token)).toBe(created.id);
    expect(lan.validToken(`${created.token.slice(0, 42)}x`)).toBeNull();
    const session = lan.startSession(created.id, '192.0.2.7', 'Chromium');
    expect(lan.touchSession(session.secret, created.id)).toEqual({ tokenId: created.id, sessionId: session.sessionId, readOnly: true, pinTeamId: null });
    const sessions = value(call<{ remoteAddress: string; requests: number }[]>(service, 'listLanSessions', {}, { actorId: leader }));
    expect(sessions[0]).toMatchObject({ remoteAddress: '192.0.2.7', requests: 2 });

    const revoked = value(call<{ revokedAt: string | null }>(service, 'revokeLanToken', { tokenId: created.id }, { actorId: leader }));
    expect(revoked.revokedAt).toBe(NOW.toISOString());
    expect(lan.validToken(created.token)).toBeNull();
    expect(lan.touchSession(session.secret, created.id)).toBeNull();
  });

  it('unlocks writes with the team PIN and locks after five wrong ones', () => {
    const weak = call(service, 'setTeamPin', { teamId, pin: '1111' }, { actorId: leader });
    expect(weak.ok ? null : weak.error.fields?.[0]?.field).toBe('pin');
    value(call(service, 'setTeamPin', { teamId, pin: '2580' }, { actorId: leader }));
    expect(JSON.stringify(db.prepare('SELECT * FROM team_pins').all())).not.toContain('2580');
    const token = value(call<{ id: number }>(service, 'createLanToken', { label: 'Mødelokalet' }, { actorId: leader }));
    const lan = createLanStore(db, () => clock);
    const a = lan.startSession(token.id, '192.0.2.8', null);
    expect(lan.enterPin(a.sessionId, teamId, '2581')).toEqual({ ok: false, reason: 'wrong' });
    expect(lan.enterPin(a.sessionId, teamId, '2580')).toEqual({ ok: true });
    expect(lan.touchSession(a.secret, token.id)).toMatchObject({ readOnly: false, pinTeamId: teamId });

    const b = lan.startSession(token.id, '192.0.2.9', null);
    for (let i = 0; i < 4; i++) expect(lan.enterPin(b.sessionId, teamId, '0000').ok).toBe(false);
    const fifth = lan.enterPin(b.sessionId, teamId, '0000');
    expect(fifth).toEqual({ ok: false, reason: 'locked', lockedUntil: new Date(NOW.getTime() + 10 * 60_000).toISOString() });
    // Even the right PIN is refused while locked.
    expect(lan.enterPin(b.sessionId, teamId, '2580').ok).toBe(false);
    clock = new Date(NOW.getTime() + 11 * 60_000);
    expect(lan.enterPin(b.sessionId, teamId, '2580')).toEqual({ ok: true });

    // A new PIN relocks what the old one unlocked.
    value(call(service, 'setTeamPin', { teamId, pin: '3691' }, { actorId: leader }));
    expect(lan.touchSession(a.secret, token.id)).toMatchObject({ readOnly: true });
    clock = NOW;
  });
});
