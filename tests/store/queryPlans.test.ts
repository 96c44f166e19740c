// The hot queries must use their indexes (issue "Performance"): every SELECT the service prepares
// is explained on a demo store. The event log is the largest table (about 330,000 rows at scale
// 10) and must never be scanned; cases only through an index; grants are scanned whole only by
// the department-wide aggregates that need every grant of the year.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore, openStore, type Db } from '../../db/connection';
import { generateDemo } from '../../db/demo/generate';
import { createService } from '../../db/service';

let db: Db;
const statements: string[] = [];

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'flowtavle-plans-'));
  const template = join(dir, 'demo.db');
  const seed = openStore(template);
  generateDemo(seed, { seed: 1, today: '2026-11-23' });
  closeStore(seed);
  copyFileSync(template, join(dir, 'copy.db'));
  db = openStore(join(dir, 'copy.db'));
  db.exec('ANALYZE');
  const prepare = db.prepare.bind(db);
  // Record every statement the service prepares (all of them are prepared once, up front).
  (db as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
    statements.push(sql);
    return prepare(sql);
  };
  createService(db);
  (db as unknown as { prepare: typeof prepare }).prepare = prepare;
});

afterAll(() => closeStore(db));

function plan(sql: string): string[] {
  const named = [...new Set([...sql.matchAll(/[@$]([a-zA-Z_]\w*)|(?<![:\w]):([a-zA-Z_]\w*)/g)].map((m) => (m[1] ?? m[2])!))];
  const positional = (sql.replace(/'[^']*'/g, '').match(/\?/g) ?? []).length;
  const explain = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (named.length ? explain.all(Object.fromEntries(named.map((k) => [k, null]))) : explain.all(...Array<null>(positional).fill(null))) as { detail: string }[];
  return rows.map((r) => r.detail);
}

const selects = () => [...new Set(statements)].filter((sql) => /^\s*(SELECT|WITH)\b/i.test(sql));
const fullScan = (table: string) => new RegExp(`^SCAN (${table})\\b(?!.*USING (COVERING )?INDEX)`);

describe('query plans of the hot queries', () => {
  it('explains every statement the service prepares', () => {
    expect(selects().length).toBeGreaterThan(100);
    for (const sql of selects()) expect(() => plan(sql), sql).not.toThrow();
  });

  it('never scans the event log or the cases table without an index', () => {
    const offenders = selects().filter((sql) => plan(sql).some((d) => fullScan('events|e|cases|c').test(d)));
    expect(offenders.map((sql) => sql.replace(/\s+/g, ' ').slice(0, 160))).toEqual([]);
  });

  it('scans all grants only in the department-wide economy aggregates', () => {
    const scanners = selects().filter((sql) => plan(sql).some((d) => fullScan('grants|g').test(d)));
    for (const sql of scanners) expect(sql).toMatch(/FROM grants g JOIN cases c ON c\.id = g\.case_id/);
    expect(scanners.length).toBeLessThanOrEqual(3);
  });

  it('reads a board through the board index and a case history through the case index', () => {
    const board = selects().find((sql) => /JOIN board_columns b ON b\.id = c\.column_id\s+WHERE c\.team_id = \?/.test(sql));
    expect(board).toBeDefined();
    expect(plan(board!).join(' | ')).toMatch(/USING (COVERING )?INDEX cases_(board|team|column)/);
    const history = selects().find((sql) => /FROM events e LEFT JOIN people p ON p\.id = e\.actor_id WHERE e\.case_id = \?/.test(sql));
    expect(history).toBeDefined();
    expect(plan(history!).join(' | ')).toMatch(/USING INDEX events_case/);
  });
});
