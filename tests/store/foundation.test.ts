import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeStore, migrate, openStore, schemaVersion, StoreError, type Db } from '../../db/connection';
import { generateDemo } from '../../db/demo/generate';
import { TEAM_PROFILES } from '../../db/demo/profiles';
import { SCHEMA_VERSION } from '../../db/migrations';
import { createService } from '../../db/service';
import { openWorkspace } from '../../db/workspace';
import { costInPeriod } from '../../shared/economics';
import { systemContext } from '../../shared/api/define';

const TODAY = '2026-11-23';
const NOW = () => new Date(`${TODAY}T10:00:00Z`);
let template: string;
const open: Db[] = [];

function tempPath(name = 'store.db'): string {
  return join(mkdtempSync(join(tmpdir(), 'flowtavle-store-')), name);
}

/** A private copy of the demo store made once for this file. */
function demoCopy(): Db {
  const path = tempPath();
  copyFileSync(template, path);
  const db = openStore(path);
  open.push(db);
  return db;
}

beforeAll(() => {
  template = tempPath('template.db');
  const db = openStore(template);
  generateDemo(db, { seed: 1, today: TODAY });
  db.pragma('wal_checkpoint(TRUNCATE)');
  closeStore(db);
});

afterEach(() => {
  while (open.length) closeStore(open.pop()!);
});

describe('the store', () => {
  it('migrates a new store to the current schema version with WAL and foreign keys', () => {
    const db = openStore(tempPath());
    open.push(db);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('refuses a store from a newer version and leaves it untouched', () => {
    const path = tempPath();
    const db = openStore(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    closeStore(db);
    const before = readFileSync(path);
    expect(() => openStore(path)).toThrow(StoreError);
    expect(() => openStore(path)).toThrow(/nyere version/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a file that is not a store with a clear message', () => {
    const path = tempPath('notes.db');
    writeFileSync(path, 'dette er ikke en database'.repeat(100));
    expect(() => openStore(path)).toThrow(/ikke en Flowtavle-database/);
  });

  it('applies migrations one version at a time', () => {
    const db = openStore(tempPath(), { migrate: false });
    open.push(db);
    expect(schemaVersion(db)).toBe(0);
    migrate(db, 1);
    expect(schemaVersion(db)).toBe(1);
    migrate(db);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
  });

  it('keeps the event log append-only', () => {
    const db = demoCopy();
    expect(() => db.prepare('UPDATE events SET type = ? WHERE id = 1').run('x')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events WHERE id = 1').run()).toThrow(/append-only/);
  });

  it('has no CPR-number column anywhere', () => {
    const db = demoCopy();
    const columns = (db.prepare("SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table'").all() as { c: string }[]).map((r) => r.c.toLowerCase());
    expect(columns.filter((c) => /cpr|personnummer|ssn/.test(c))).toEqual([]);
  });
});

describe('the demo department', () => {
  it('has the seed\'s totals: 7 teams, 71 people, 4,232 citizens, 6,404 cases', () => {
    const db = demoCopy();
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(count('teams')).toBe(7);
    expect(count('people')).toBe(71);
    expect(count('citizens')).toBe(4232);
    // The generated cases, and on top the follow-up items pulled from six decided cases (db/demo/followUps.ts).
    expect(count('follow_up_items')).toBe(6);
    expect(count('cases')).toBe(6404 + 6);
    const roles = db.prepare('SELECT role, COUNT(*) AS n FROM people GROUP BY role ORDER BY role').all();
    // The visitationschef heads the department; with the secretariat, 11 people serve every team.
    expect(roles).toEqual([{ role: 'caseworker', n: 53 }, { role: 'department_head', n: 1 }, { role: 'leader', n: 7 }, { role: 'secretariat', n: 10 }]);
    // Every citizen has at least one case.
    expect((db.prepare('SELECT COUNT(*) AS n FROM citizens WHERE id NOT IN (SELECT citizen_id FROM cases)').get() as { n: number }).n).toBe(0);
  });

  it('spans the seed\'s grant costs from 7,085 kr. (§ 85) to 6,546,000 kr. (§ 107) a year', () => {
    const db = demoCopy();
    const costs = db.prepare(`SELECT paragraph, CASE takst_unit WHEN 'hour' THEN takst * quantity * 52 WHEN 'day' THEN takst * 365 * quantity
      WHEN 'week' THEN takst * 52 * quantity WHEN 'month' THEN takst * 12 * quantity ELSE takst * quantity END AS yearly FROM grants`).all() as { paragraph: string; yearly: number }[];
    const min = costs.reduce((a, b) => (b.yearly < a.yearly ? b : a));
    const max = costs.reduce((a, b) => (b.yearly > a.yearly ? b : a));
    expect(min).toEqual({ paragraph: '85', yearly: 7085 });
    expect(max).toEqual({ paragraph: '107', yearly: 6546000 });
  });

  it('lands each team\'s forecast near its budget, some above and some below', () => {
    const db = demoCopy();
    const year = 2026;
    const rows = db.prepare(`SELECT t.name, b.amount AS budget, g.takst, g.takst_unit AS takstUnit, g.quantity, g.start_date AS startDate, g.end_date AS endDate
      FROM grants g JOIN cases c ON c.id = g.case_id JOIN teams t ON t.id = c.team_id JOIN budgets b ON b.team_id = t.id AND b.year = ?`).all(year) as
      { name: string; budget: number; takst: number; takstUnit: 'hour'; quantity: number; startDate: string; endDate: string | null }[];
    const forecast = new Map<string, { budget: number; forecast: number }>();
    for (const r of rows) {
      const f = forecast.get(r.name) ?? { budget: r.budget, forecast: 0 };
      f.forecast += costInPeriod(r, `${year}-01-01`, `${year}-12-31`);
      forecast.set(r.name, f);
    }
    const ratios = [...forecast.values()].map((f) => f.forecast / f.budget);
    expect(ratios.length).toBe(TEAM_PROFILES.filter((p) => p.budget > 0).length);
    for (const ratio of ratios) expect(Math.abs(ratio - 1)).toBeLessThan(0.06);
    expect(ratios.some((r) => r > 1.01)).toBe(true);
    expect(ratios.some((r) => r < 0.99)).toBe(true);
  });

  it('has 18 months of history with cases finished and in progress', () => {
    const db = demoCopy();
    const span = db.prepare("SELECT MIN(substr(at, 1, 10)) AS first, MAX(substr(at, 1, 10)) AS last FROM events").get() as { first: string; last: string };
    expect(span.first < '2025-06-01').toBe(true);
    expect(span.last <= TODAY).toBe(true);
    const byKind = db.prepare('SELECT b.kind, COUNT(*) AS n FROM cases c JOIN board_columns b ON b.id = c.column_id GROUP BY b.kind').all() as { kind: string; n: number }[];
    const n = Object.fromEntries(byKind.map((r) => [r.kind, r.n]));
    expect(n.done).toBeGreaterThan(5000);
    expect(n.active).toBeGreaterThan(200);
    expect(n.queue).toBeGreaterThan(300);
  });

  it('is deterministic for a seed', () => {
    const a = openStore(tempPath());
    const b = openStore(tempPath());
    open.push(a, b);
    generateDemo(a, { seed: 7, today: TODAY });
    generateDemo(b, { seed: 7, today: TODAY });
    const digest = (db: Db) => JSON.stringify(db.prepare('SELECT case_number, column_id, assignee_id, sort_key FROM cases ORDER BY id').all()) +
      JSON.stringify(db.prepare('SELECT takst, quantity, start_date FROM grants ORDER BY id').all());
    expect(digest(a)).toBe(digest(b));
  });

  it('creates the demo on first open of a workspace, or an empty one when asked', () => {
    const demo = openWorkspace(tempPath(), { demo: { today: TODAY } });
    const empty = openWorkspace(tempPath(), { empty: true });
    open.push(demo.db, empty.db);
    expect(demo.created).toBe(true);
    const service = createService(demo.db, { now: NOW });
    const info = service.dispatch('getWorkspace', {}, systemContext());
    expect(info).toMatchObject({ ok: true, value: { isDemo: true, caseCount: 6404 + 6 } });
    expect(createService(empty.db).dispatch('getWorkspace', {}, systemContext())).toMatchObject({ ok: true, value: { isDemo: false, caseCount: 0 } });
  });
});

describe('the API over the store', () => {
  function checksum(db: Db): string {
    return JSON.stringify([db.prepare('SELECT * FROM cases ORDER BY id').all(), db.prepare('SELECT COUNT(*) FROM events').get()]);
  }

  it('refuses a malformed call with a field-level error in Danish and changes nothing', () => {
    const db = demoCopy();
    const service = createService(db, { now: NOW });
    const before = checksum(db);
    const result = service.dispatch('moveCard', { caseId: 'abc', toColumnId: -1 }, service.as(1));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.fields?.map((f) => f.field).sort()).toEqual(['caseId', 'toColumnId']);
    expect(result.error.message).toMatch(/Ugyldig/);
    expect(checksum(db)).toBe(before);
  });

  it('refuses unknown methods, extra fields, and writes without a signed-in person', () => {
    const service = createService(demoCopy(), { now: NOW });
    expect(service.dispatch('dropTables', {}, service.as(1))).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(service.dispatch('getBoard', { teamId: 1, sql: 'x' }, service.as(1))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(service.dispatch('moveCard', { caseId: 1, toColumnId: 101 }, null)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const wall = { actorId: null, principal: { kind: 'device' as const, deviceId: 1, teamId: 1, sessionId: null } };
    expect(service.dispatch('moveCard', { caseId: 1, toColumnId: 101 }, wall)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('moves a card as one row update plus one event, between its new neighbours', () => {
    const db = demoCopy();
    const service = createService(db, { now: NOW });
    const board = service.handlers.getBoard({ teamId: 2 }, systemContext());
    const [queue, , inquiry] = board.columns;
    const card = board.cards.find((c) => c.columnId === queue!.id)!;
    const target = board.cards.filter((c) => c.columnId === inquiry!.id);
    const before = target[1]!;
    const eventsBefore = (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
    const leader = board.people.find((p) => p.role === 'leader')!;
    const result = service.dispatch('moveCard', { caseId: card.id, toColumnId: inquiry!.id, beforeCaseId: before.id, reason: 'Aftalt på tavlemødet' }, service.as(leader.id));
    expect(result.ok).toBe(true);
    const after = service.handlers.getBoard({ teamId: 2 }, systemContext()).cards.filter((c) => c.columnId === inquiry!.id).map((c) => c.id);
    expect(after.indexOf(card.id)).toBe(1);
    expect(after[2]).toBe(before.id);
    const event = db.prepare('SELECT * FROM events ORDER BY id DESC LIMIT 1').get() as Record<string, unknown>;
    expect(event).toMatchObject({ actor_id: leader.id, case_id: card.id, from_value: String(queue!.id), to_value: String(inquiry!.id) });
    expect((db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n).toBe(eventsBefore + 1);
  });

  it('asks for a reason before going over a WIP limit and records it', () => {
    const db = demoCopy();
    const service = createService(db, { now: NOW });
    const board = service.handlers.getBoard({ teamId: 2 }, systemContext());
    const inquiry = board.columns.find((c) => c.kind === 'active' && c.wipLimit !== null)!;
    db.prepare('UPDATE board_columns SET wip_limit = ? WHERE id = ?').run(board.cards.filter((c) => c.columnId === inquiry.id).length, inquiry.id);
    const card = board.cards.find((c) => c.columnId === board.columns[0]!.id)!;
    const refused = service.dispatch('moveCard', { caseId: card.id, toColumnId: inquiry.id }, service.as(1));
    expect(refused).toMatchObject({ ok: false, error: { code: 'wip_limit', fields: [{ field: 'reason' }] } });
    const accepted = service.dispatch('moveCard', { caseId: card.id, toColumnId: inquiry.id, reason: 'Akut sag, aftalt med lederen' }, service.as(1));
    expect(accepted).toMatchObject({ ok: true, value: { wipLimitExceeded: true } });
    expect(db.prepare('SELECT type, reason FROM events ORDER BY id DESC LIMIT 1').get()).toEqual({ type: 'moved_over_wip_limit', reason: 'Akut sag, aftalt med lederen' });
  });

  it('renumbers a column only when two neighbours have no room between them', () => {
    const db = demoCopy();
    const service = createService(db, { now: NOW });
    const board = service.handlers.getBoard({ teamId: 3 }, systemContext());
    const column = board.columns[0]!;
    const [a, b] = board.cards.filter((c) => c.columnId === column.id);
    db.prepare('UPDATE cases SET sort_key = ? WHERE id = ?').run(a!.sortKey + 1, b!.id);
    const mover = board.cards.find((c) => c.columnId === board.columns[1]!.id)!;
    expect(service.dispatch('moveCard', { caseId: mover.id, toColumnId: column.id, beforeCaseId: b!.id }, service.as(1)).ok).toBe(true);
    const order = service.handlers.getBoard({ teamId: 3 }, systemContext()).cards.filter((c) => c.columnId === column.id).map((c) => c.id);
    expect(order.slice(0, 3)).toEqual([a!.id, mover.id, b!.id]);
  });
});
