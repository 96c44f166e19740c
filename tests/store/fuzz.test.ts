// Random and malformed input to every API method: each call gets a clear error envelope (never
// a crash, never the generic "internal"), and a refused call leaves every table as it was.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { closeStore, openStore, type Db } from '../../db/connection';
import { importExtract } from '../../db/import';
import { hashPassword } from '../../db/auth';
import { createService, type Service } from '../../db/service';
import { createTeam } from '../../db/teams';
import { initEmptyWorkspace } from '../../db/workspace';
import { startHttpHost, type HttpHost } from '../../electron/http/server';
import { contract, METHOD_NAMES } from '../../shared/api/contract';
import { API_ERROR_CODES } from '../../shared/api/envelope';
import { createRandom, type Random } from '../../shared/random';
import { personContext } from '../../shared/api/define';

const NOW = new Date('2026-11-23T10:00:00Z');
const CALLS_PER_METHOD = 40;

let db: Db;
let service: Service;
let leader: number;
const internalErrors: string[] = [];
/** How many fuzzed calls each method answered, for the check that the run covered the whole contract. */
const exercised = new Map<string, number>();

/** A digest of every row of every table, refused calls' audit entries aside (a refusal is logged by design): equal digests, equal store. */
function checksum(): string {
  const hash = createHash('sha256');
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
  for (const { name } of tables) {
    hash.update(name);
    const sql = name === 'events' ? `SELECT * FROM events WHERE NOT (entity = 'auth' AND type = 'call_refused')` : `SELECT * FROM "${name}"`;
    for (const row of db.prepare(sql).raw().iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

beforeAll(() => {
  db = openStore(join(mkdtempSync(join(tmpdir(), 'flowtavle-fuzz-')), 'flowtavle.db'));
  initEmptyWorkspace(db, 'Fuzz');
  createTeam(db, { name: 'Team Bostøtte', caseworkers: 2, actorId: null, at: NOW.toISOString() });
  leader = Number(db.prepare(`INSERT INTO people (name, initials, role, team_id) VALUES ('Lene Leder', 'LL', 'leader', 1)`).run().lastInsertRowid);
  const extract = readFileSync(resolve(import.meta.dirname, '../fixtures/import/datatraek.csv'));
  expect(importExtract(db, extract, { actorId: leader, now: NOW, today: '2026-11-23' }).ok).toBe(true);
  service = createService(db, { now: () => NOW, onInternalError: (error, method) => internalErrors.push(`${method}: ${String(error)}`) });
});

afterAll(() => closeStore(db));

const NASTY_STRINGS = [
  '', ' ', 'a'.repeat(100_000), "'; DROP TABLE cases; --", '../../etc/passwd', '\u0000', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ☃', '010190-1234', 'NaN', '-1', '1e309',
  '2026-02-30', '2026-11-23', '<script>alert(1)</script>', 'flowtavle-2026-11-23T10-00-00-000Z-manual.db', 'AAAA', '%%%',
];

function randomValue(random: Random, depth = 0): unknown {
  switch (random.int(0, depth > 2 ? 6 : 9)) {
    case 0: return null;
    case 1: return random.pick([0, -1, 1, 2, 3, 7, 1.5, -0.5, 2 ** 31, Number.MAX_SAFE_INTEGER, 1e308]);
    case 2: return random.pick(NASTY_STRINGS);
    case 3: return random.chance(0.5);
    case 4: return random.int(1, 10);
    case 5: return undefined;
    case 6: return random.pick(['application', 'queue', 'leader', 'cases', 'hour', 'internal', 'standard']);
    case 7: return Array.from({ length: random.int(0, 4) }, () => randomValue(random, depth + 1));
    default: {
      const out: Record<string, unknown> = {};
      for (let i = random.int(0, 4); i > 0; i--) out[random.pick(['id', 'teamId', 'caseId', 'x', '__proto__', 'constructor', 'name', 'file'])] = randomValue(random, depth + 1);
      return out;
    }
  }
}

/** An input shaped like the method's own: its field names with random (usually wrong) values. */
function shapedInput(schema: z.ZodType, random: Random): unknown {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  if (!shape) return randomValue(random);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) if (random.chance(0.8)) out[key] = randomValue(random);
  if (random.chance(0.2)) out[random.pick(['extra', 'sql', 'actorId'])] = randomValue(random);
  return out;
}

describe('fuzzing every API method', () => {
  it.each(METHOD_NAMES.map((name, i) => [name, i] as const))('%s answers random and malformed input with a clear error', (name, index) => {
    const random = createRandom(9_000 + index);
    const def = contract[name];
    for (let call = 0; call < CALLS_PER_METHOD; call++) {
      const input = call % 3 === 0 ? randomValue(random) : shapedInput(def.input, random);
      const actorId = random.chance(0.8) ? leader : random.pick([null, 999_999]);
      const before = checksum();
      let envelope;
      try {
        // The leader's session, no session, or the session of a person no longer in the store.
        const ctx = actorId === leader ? service.as(leader) : actorId === null ? null : personContext({ id: actorId, teamId: 1, roles: ['leader'] });
        envelope = service.dispatch(name, input, ctx);
      } catch (error) {
        throw new Error(`${name} threw instead of answering with an envelope for ${JSON.stringify(input)?.slice(0, 200)}: ${String(error)}`);
      }
      expect(typeof envelope.ok).toBe('boolean');
      exercised.set(name, (exercised.get(name) ?? 0) + 1);
      if (!envelope.ok) {
        expect(API_ERROR_CODES).toContain(envelope.error.code);
        expect(envelope.error.code, `${name} ${JSON.stringify(input)?.slice(0, 200)}: ${envelope.error.message}`).not.toBe('internal');
        expect(envelope.error.message.length).toBeGreaterThan(5);
        expect(checksum(), `${name} changed the store although it refused ${JSON.stringify(input)?.slice(0, 200)}`).toBe(before);
      } else if (!def.write) {
        expect(checksum(), `${name} is a read but changed the store`).toBe(before);
      }
    }
    expect(internalErrors).toEqual([]);
  });

  // After the per-method runs: every method of the contract got its full share of fuzzed calls.
  it('covers the whole contract', () => {
    expect(Object.fromEntries(exercised)).toEqual(Object.fromEntries(METHOD_NAMES.map((name) => [name, CALLS_PER_METHOD])));
  });

  it('answers unknown methods and garbage over HTTP without going down', async () => {
    const host: HttpHost = await startHttpHost({ service, port: 0 });
    try {
      const unauthenticated = await fetch(new URL('api/listTeams', host.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect(unauthenticated.status).toBe(401);
      // Signed in as the leader, as a user would be.
      db.prepare("INSERT OR IGNORE INTO accounts (person_id, login, password_hash, created_at) VALUES (?, 'lene', ?, ?)").run(leader, hashPassword('lenes adgangskode'), NOW.toISOString());
      const signIn = await fetch(new URL('auth/sign-in', host.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login: 'lene', password: 'lenes adgangskode' }) });
      expect(signIn.status).toBe(204);
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
      const post = (path: string, body: string, type = 'application/json') =>
        fetch(new URL(path, host.url), { method: 'POST', headers: { 'Content-Type': type, Cookie: cookie }, body }).then(async (r) => ({ status: r.status, json: (await r.json()) as { ok: boolean; error?: { code: string } } }));
      expect(await post('api/nope', '{}')).toMatchObject({ status: 404, json: { ok: false, error: { code: 'unknown_method' } } });
      expect(await post('api/listTeams', '{not json')).toMatchObject({ status: 400, json: { ok: false, error: { code: 'invalid_input' } } });
      expect(await post('api/setBudget', '[1,2,3]')).toMatchObject({ status: 400, json: { ok: false, error: { code: 'invalid_input' } } });
      // A method outside the caller's role is refused before its input is read.
      expect(await post('api/runImport', '[1,2,3]')).toMatchObject({ status: 403, json: { ok: false, error: { code: 'forbidden' } } });
      expect(await post('api/listTeams', '{}', 'text/plain')).toMatchObject({ status: 400 });
      // Still up and answering.
      expect(await post('api/listTeams', '{}')).toMatchObject({ status: 200, json: { ok: true } });
    } finally {
      await host.close();
    }
  });
});
