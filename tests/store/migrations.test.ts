import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeStore, migrate, openStore, schemaVersion, type Db } from '../../db/connection';
import { MIGRATIONS, SCHEMA_VERSION } from '../../db/migrations';
import { FROZEN_MIGRATIONS } from '../../db/migrations/frozen';

const storePath = () => join(mkdtempSync(join(tmpdir(), 'flowtavle-migrate-')), 'flowtavle.db');

/** A small department in the version 1 schema, which every later version must carry over. */
function seedVersion1(db: Db): void {
  db.exec(`
    INSERT INTO workspace (key, value) VALUES ('department_name', 'Gammel afdeling');
    INSERT INTO teams (id, name, sort_order) VALUES (1, 'Team Gammel', 1);
    INSERT INTO board_columns (id, team_id, name, position, kind, wip_limit) VALUES (10, 1, 'Indkommet', 1, 'queue', NULL), (11, 1, 'Udredning', 2, 'active', 3), (12, 1, 'Afsluttet', 3, 'done', NULL);
    INSERT INTO people (id, name, initials, role, team_id) VALUES (1, 'Lene Leder', 'LL', 'leader', 1), (2, 'Sune Sagsbehandler', 'SS', 'caseworker', 1);
    INSERT INTO citizens (id, ref, initials) VALUES (1, 'B0000001', 'AB');
    INSERT INTO cases (id, case_number, citizen_id, team_id, assignee_id, kind, paragraph, column_id, sort_key, received_date, legal_deadline, column_entered_at)
      VALUES (1, '2026-000001', 1, 1, 2, 'application', '85', 11, 16384, '2026-10-01', '2026-11-26', '2026-10-05');
    INSERT INTO grants (case_id, paragraph, service, provider, provider_type, takst, takst_unit, quantity, start_date)
      VALUES (1, '85', 'Socialpædagogisk støtte', 'Bostøtten (intern)', 'internal', 512.5, 'hour', 4, '2026-01-01');
    INSERT INTO budgets (team_id, year, amount) VALUES (1, 2026, 1000000);
    INSERT INTO events (at, actor_id, case_id, entity, entity_id, type, field, to_value) VALUES ('2026-10-01T08:00:00.000Z', 1, 1, 'case', 1, 'created', 'column', '10');
    INSERT INTO events (at, actor_id, case_id, entity, entity_id, type, field, from_value, to_value) VALUES ('2026-10-05T08:00:00.000Z', 2, 1, 'case', 1, 'moved', 'column', '10', '11');
  `);
}

function schemaOf(db: Db): string[] {
  return (db.prepare(`SELECT type || ' ' || name || ': ' || COALESCE(sql, '') AS s FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`).all() as { s: string }[])
    .map((r) => r.s.replace(/\s+/g, ' '));
}

describe('migrations', () => {
  it('has one step per schema version', () => {
    expect(MIGRATIONS.length).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(2);
  });

  // Frozen from issue 20 on: what shipped stays byte for byte as it shipped.
  it('runs every migration exactly as it was recorded when it shipped, in the recorded order', () => {
    const actual = MIGRATIONS.map((sql) => createHash('sha256').update(sql).digest('hex'));
    expect(actual, 'a migration without a recorded checksum: append it to db/migrations/frozen.ts').toHaveLength(FROZEN_MIGRATIONS.length);
    actual.forEach((sha256, i) => {
      expect(sha256, `migration ${FROZEN_MIGRATIONS[i]!.file} differs from what shipped: add a new migration instead of editing it`).toBe(FROZEN_MIGRATIONS[i]!.sha256);
    });
  });

  it('names the recorded checksums after the migration files that db/migrations/index.ts imports, in order', () => {
    const index = readFileSync(join(import.meta.dirname, '../../db/migrations/index.ts'), 'utf8');
    const imported = [...index.matchAll(/from '\.\/(\d{3}_[a-z_]+)'/g)].map((m) => m[1]);
    expect(imported).toEqual(FROZEN_MIGRATIONS.map((m) => m.file));
  });

  const fresh = (() => {
    let cached: string[] | null = null;
    return () => {
      if (!cached) {
        const db = openStore(storePath());
        cached = schemaOf(db);
        closeStore(db);
      }
      return cached;
    };
  })();

  // Every earlier version, including an empty file (version 0), upgrades to the current schema.
  it.each(Array.from({ length: SCHEMA_VERSION }, (_, v) => v))('upgrades a store made by schema version %i', (version) => {
    const path = storePath();
    const old = openStore(path, { migrate: false });
    migrate(old, version);
    expect(schemaVersion(old)).toBe(version);
    if (version >= 1) seedVersion1(old);
    closeStore(old);

    const db = openStore(path);
    try {
      expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(schemaOf(db)).toEqual(fresh());
      if (version >= 1) {
        expect(db.prepare('SELECT case_number, assignee_id, column_id FROM cases').all()).toEqual([{ case_number: '2026-000001', assignee_id: 2, column_id: 11 }]);
        expect(db.prepare('SELECT takst, quantity FROM grants').all()).toEqual([{ takst: 512.5, quantity: 4 }]);
        expect(db.prepare('SELECT type FROM events ORDER BY id').all()).toEqual([{ type: 'created' }, { type: 'moved' }]);
        // The upgraded store still takes new writes.
        db.prepare(`INSERT INTO events (at, actor_id, case_id, entity, entity_id, type, field, from_value, to_value) VALUES ('2026-11-23T08:00:00.000Z', 2, 1, 'case', 1, 'moved', 'column', '11', '12')`).run();
      }
    } finally {
      closeStore(db);
    }
  });

  it('refuses a store from a newer version without touching it', () => {
    const path = storePath();
    const db = openStore(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    closeStore(db);
    expect(() => openStore(path)).toThrow(/nyere version/);
  });
});
