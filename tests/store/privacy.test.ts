// Data protection in a real store (the demo department on a file): the CPR scan finds numbers
// already stored, in any table (one made after this code was written too) and the event log, and
// never prints the digits; redaction replaces them in the row and every event that carries them,
// logs who, when, why and where without the value, and leaves no trace in the file's bytes after
// VACUUM; erasing a citizen after the retention period keeps every figure.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore, type Db } from '../../db/connection';
import { redactValue, replaceCpr } from '../../db/privacy/redact';
import { scanStore } from '../../db/privacy/scan';
import { createService, type Service } from '../../db/service';
import { openWorkspace } from '../../db/workspace';
import type { CallContext } from '../../shared/api/define';
import { unwrap } from '../../shared/api/envelope';
import type { CprScanResult } from '../../shared/api/methods/privacy';

const TODAY = '2026-11-23';
const dir = mkdtempSync(join(tmpdir(), 'flowtavle-privacy-'));
const path = join(dir, 'flowtavle.db');
let db: Db;
let service: Service;
let admin: CallContext;
let caseworker: CallContext;

beforeAll(() => {
  db = openWorkspace(path, { demo: { seed: 3, today: TODAY } }).db;
  service = createService(db, { now: () => new Date(`${TODAY}T12:00:00Z`) });
  const adminId = (db.prepare('SELECT person_id FROM accounts WHERE administrator = 1 ORDER BY person_id LIMIT 1').get() as { person_id: number }).person_id;
  const caseworkerId = (db.prepare("SELECT id FROM people WHERE role = 'caseworker' ORDER BY id LIMIT 1").get() as { id: number }).id;
  admin = service.as(adminId);
  caseworker = service.as(caseworkerId);
}, 120_000);

afterAll(() => {
  if (db.open) closeStore(db);
  rmSync(dir, { recursive: true, force: true });
});

/** The store's bytes on disk, the write-ahead log folded in first. */
function fileBytes(): Buffer {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const wal = `${path}-wal`;
  return Buffer.concat([readFileSync(path), existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0)]);
}

const scan = () => unwrap(service.dispatch('scanPrivacy', {}, admin)) as CprScanResult;

describe('the CPR scan', () => {
  it('finds nothing in the demo department: case numbers, amounts, dates and hashes are not CPR numbers', () => {
    const result = scan();
    expect(result.findings).toEqual([]);
    expect(result.scannedTables).toBeGreaterThan(40);
    expect(result.scannedRows).toBeGreaterThan(40_000);
  });

  it('finds numbers planted in any table, a new one too, and the event log, masked and never the digits', () => {
    db.prepare("UPDATE cases SET notes = 'Ring til borgeren, cpr ０１０１９０－１２３４' WHERE id = 7").run();
    db.exec("CREATE TABLE later_feature (id INTEGER PRIMARY KEY, remark TEXT); INSERT INTO later_feature (remark) VALUES ('born 31.12.85 4321, says the letter');");
    db.prepare(`INSERT INTO events (at, actor_id, case_id, entity, entity_id, type, field, from_value, to_value, reason)
      VALUES ('2026-11-01T09:00:00Z', NULL, 7, 'case', 7, 'notes_changed', 'notes', NULL, 'Ring til borgeren, cpr ０１０１９０－１２３４', NULL)`).run();
    const result = scan();
    expect(result.findings).toEqual([
      { table: 'cases', column: 'notes', rowId: 7, masked: '010190-XXXX', count: 1, redactable: true },
      { table: 'events', column: 'to_value', rowId: expect.any(Number), masked: '010190-XXXX', count: 1, redactable: true },
      { table: 'later_feature', column: 'remark', rowId: 1, masked: '311285-XXXX', count: 1, redactable: false },
    ]);
    const json = JSON.stringify(result);
    expect(json).not.toMatch(/1234|4321|１２３４/);
  });

  it('reads the schema itself, so WITHOUT ROWID tables are scanned by their key', () => {
    db.exec("CREATE TABLE keyed (a TEXT, b TEXT, PRIMARY KEY (a)) WITHOUT ROWID; INSERT INTO keyed VALUES ('k1', 'tlf 12345678, cpr 0202021234');");
    const found = scanStore(db).findings.filter((f) => f.table === 'keyed');
    expect(found).toEqual([{ table: 'keyed', column: 'b', rowId: null, key: { a: 'k1' }, masked: '020202-XXXX', count: 1 }]);
    db.exec('DROP TABLE keyed');
  });
});

describe('redaction', () => {
  it('is for administrators only, and only of free-text columns, refused in Danish naming the field', () => {
    const input = { table: 'cases', column: 'notes', rowId: 7, reason: 'CPR skrevet ved en fejl' };
    const byCaseworker = service.dispatch('redactValue', input, caseworker);
    expect(byCaseworker.ok ? 'ok' : byCaseworker.error.code).toBe('forbidden');
    const keyColumn = service.dispatch('redactValue', { ...input, column: 'case_number' }, admin);
    expect(keyColumn).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: [{ field: 'column' }] } });
    expect(!keyColumn.ok && keyColumn.error.message).toMatch(/kan ikke redigeres: kun fritekstfelter/);
    const noReason = service.dispatch('redactValue', { ...input, reason: '' }, admin);
    expect(noReason).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: [{ field: 'reason' }] } });
  });

  it('replaces the number by [fjernet] in the row and every event that carries it, logs the redaction without the value, and the digits leave the file', () => {
    // The full-width number as SQLite stores it (UTF-8), before.
    const digits = Buffer.from('０１０１９０－１２３４', 'utf8');
    expect(fileBytes().includes(digits)).toBe(true);

    const result = unwrap(service.dispatch('redactValue', { table: 'cases', column: 'notes', rowId: 7, reason: 'CPR skrevet ved en fejl' }, admin));
    expect(result).toMatchObject({ table: 'cases', column: 'notes', rowId: 7, replaced: 1, eventsChanged: 1 });
    expect(db.prepare('SELECT notes FROM cases WHERE id = 7').get()).toEqual({ notes: 'Ring til borgeren, cpr [fjernet]' });
    expect(db.prepare("SELECT to_value FROM events WHERE case_id = 7 AND type = 'notes_changed' ORDER BY id DESC LIMIT 1").get()).toEqual({ to_value: 'Ring til borgeren, cpr [fjernet]' });
    const logged = db.prepare("SELECT actor_id, case_id, entity, entity_id, type, field, from_value, to_value, reason FROM events WHERE type = 'redacted'").all();
    expect(logged).toEqual([{
      actor_id: admin.actorId, case_id: 7, entity: 'cases', entity_id: 7, type: 'redacted', field: 'notes', from_value: null, to_value: '1 hændelse ændret', reason: 'CPR skrevet ved en fejl',
    }]);
    // The window closes with the transaction: the event log is append-only again.
    expect(db.prepare('SELECT COUNT(*) AS n FROM redaction_window').get()).toEqual({ n: 0 });
    expect(() => db.prepare("UPDATE events SET reason = 'x' WHERE id = 1").run()).toThrow(/append-only/);

    db.exec('VACUUM');
    expect(fileBytes().includes(digits)).toBe(false);
    expect(scan().findings.filter((f) => f.table !== 'later_feature')).toEqual([]);
  });

  it('never changes who, when, type or links of an event, even inside the window', () => {
    expect(() => db.transaction(() => {
      db.prepare('INSERT INTO redaction_window (id) VALUES (1)').run();
      db.prepare("UPDATE events SET actor_id = NULL WHERE id = 1").run();
    })()).toThrow(/only the text/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM redaction_window').get()).toEqual({ n: 0 });
  });

  it('can replace a whole value, and a number given as text wherever it stands', () => {
    db.prepare("UPDATE cases SET blocked = 1, blocked_reason = 'Venter på lægen, se journal 0303031234', blocked_since = '2026-11-01' WHERE id = 9").run();
    const whole = redactValue(db, { table: 'cases', column: 'blocked_reason', rowId: 9 }, { actorId: admin.actorId, reason: 'Hele teksten var følsom', now: new Date(), whole: true });
    expect(whole.replaced).toBe(1);
    expect(db.prepare('SELECT blocked_reason FROM cases WHERE id = 9').get()).toEqual({ blocked_reason: '[fjernet]' });
    const byText = redactValue(db, { text: '311285 4321' }, { actorId: admin.actorId, reason: 'Fundet ved scanning', now: new Date() });
    expect(byText.table).toBeNull();
    expect(scan().findings).toEqual([{ table: 'later_feature', column: 'remark', rowId: 1, masked: '311285-XXXX', count: 1, redactable: false }]);
    expect(replaceCpr('a 010190-1234 b 020290-1234', new Set(['0101901234']))).toEqual({ text: 'a [fjernet] b 020290-1234', replaced: 1 });
    db.exec('DROP TABLE later_feature');
  });
});

describe('erasing a citizen', () => {
  function citizenWithGrants(): { id: number; ref: string; teamId: number; caseIds: number[] } {
    const row = db.prepare(
      `SELECT z.id, z.ref, c.team_id FROM citizens z JOIN cases c ON c.citizen_id = z.id
       WHERE z.ref NOT LIKE 'SLETTET-%' AND EXISTS (SELECT 1 FROM grants g WHERE g.case_id = c.id)
         AND (SELECT COUNT(*) FROM cases o WHERE o.citizen_id = z.id) = 1
       ORDER BY z.id LIMIT 1`,
    ).get() as { id: number; ref: string; team_id: number };
    const caseIds = (db.prepare('SELECT id FROM cases WHERE citizen_id = ?').all(row.id) as { id: number }[]).map((c) => c.id);
    return { id: row.id, ref: row.ref, teamId: row.team_id, caseIds };
  }

  it('is refused in Danish while a case is open or closed less than the retention period ago', () => {
    const c = citizenWithGrants();
    db.prepare(`UPDATE cases SET column_id = (SELECT id FROM board_columns WHERE team_id = cases.team_id AND kind = 'active' LIMIT 1) WHERE id = ?`).run(c.caseIds[0]);
    const open = service.dispatch('eraseCitizen', { citizenRef: c.ref, reason: 'Opbevaringsperioden er udløbet' }, admin);
    expect(!open.ok && open.error.message).toMatch(/åben sag .*først slettes, når alle sager er afsluttet og 5 år er gået/);
    db.prepare(`UPDATE cases SET column_id = (SELECT id FROM board_columns WHERE team_id = cases.team_id AND kind = 'done' LIMIT 1), column_entered_at = '2024-03-01' WHERE id = ?`).run(c.caseIds[0]);
    const recent = service.dispatch('eraseCitizen', { citizenRef: c.ref, reason: 'Opbevaringsperioden er udløbet' }, admin);
    expect(!recent.ok && recent.error.message).toMatch(/blev afsluttet 01\.03\.2024\. Oplysningerne gemmes i 5 år efter afslutningen og kan tidligst slettes 01\.03\.2029/);
    const byCaseworker = service.dispatch('eraseCitizen', { citizenRef: c.ref, reason: 'Opbevaringsperioden er udløbet' }, caseworker);
    expect(byCaseworker.ok ? 'ok' : byCaseworker.error.code).toBe('forbidden');
  });

  it('replaces reference, initials and free text in tables and events, and every figure stays the same', () => {
    const c = citizenWithGrants();
    const caseId = c.caseIds[0]!;
    db.prepare(`UPDATE cases SET column_id = (SELECT id FROM board_columns WHERE team_id = cases.team_id AND kind = 'done' LIMIT 1), column_entered_at = '2020-06-01',
      notes = 'Borgeren bor hos sin søster', blocked = 1, blocked_reason = 'Venter på søsteren', blocked_since = '2020-05-01' WHERE id = ?`).run(caseId);
    db.prepare("INSERT INTO assessments (case_id, assessed_on, scores, note, created_at) VALUES (?, '2020-04-01', '{}', 'Søsteren hjælper med indkøb', '2020-04-01T10:00:00Z')").run(caseId);
    db.prepare(`INSERT INTO events (at, actor_id, case_id, entity, entity_id, type, field, from_value, to_value, reason)
      VALUES ('2020-05-01T09:00:00Z', NULL, ?, 'case', ?, 'notes_changed', 'notes', NULL, 'Borgeren bor hos sin søster', NULL),
             ('2020-05-02T09:00:00Z', NULL, NULL, 'import', NULL, 'imported', 'file', NULL, ?, 'Import')`).run(caseId, caseId, `rækker for ${c.ref}`);
    unwrap(service.dispatch('getCase', { caseId }, service.as(1)));
    service.lookups.flush();

    const figures = () => ({
      flow: unwrap(service.dispatch('getFlowReport', { teamId: c.teamId, from: '2025-06-01', to: TODAY }, service.as(1))),
      bottomLine: unwrap(service.dispatch('getBottomLine', { asOf: TODAY }, service.as(1))),
      caseEconomy: unwrap(service.dispatch('getCaseEconomy', { caseId }, service.as(1))),
      grants: db.prepare('SELECT id, paragraph, takst, takst_unit, quantity, start_date, end_date FROM grants WHERE case_id = ? ORDER BY id').all(caseId),
      flowCase: db.prepare('SELECT * FROM flow_cases WHERE case_id = ?').get(caseId),
      moves: db.prepare("SELECT at, type, field, from_value, to_value FROM events WHERE case_id = ? AND field = 'column' ORDER BY id").all(caseId),
    });
    const before = figures();

    const result = unwrap(service.dispatch('eraseCitizen', { citizenRef: c.ref, reason: 'Opbevaringsperioden er udløbet' }, admin));
    expect(result).toMatchObject({ citizenId: c.id, newRef: `SLETTET-${c.id}`, cases: 1 });

    expect(db.prepare('SELECT ref, initials FROM citizens WHERE id = ?').get(c.id)).toEqual({ ref: `SLETTET-${c.id}`, initials: '–' });
    expect(db.prepare('SELECT notes, blocked_reason FROM cases WHERE id = ?').get(caseId)).toEqual({ notes: '[fjernet]', blocked_reason: '[fjernet]' });
    expect(db.prepare('SELECT DISTINCT note FROM assessments WHERE case_id = ? AND note IS NOT NULL').all(caseId)).toEqual([{ note: '[fjernet]' }]);
    const texts = db.prepare("SELECT group_concat(coalesce(field, '') || coalesce(from_value, '') || coalesce(to_value, '') || coalesce(reason, ''), ' ') AS t FROM events").get() as { t: string };
    expect(texts.t).not.toContain(c.ref);
    expect(texts.t).not.toContain('Borgeren bor hos sin søster');
    expect(db.prepare('SELECT COUNT(*) AS n FROM access_log WHERE citizen_ref = ?').get(c.ref)).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM access_log WHERE citizen_ref = ?').get(`SLETTET-${c.id}`)).toEqual({ n: 1 });
    expect(db.prepare("SELECT entity, entity_id, type, reason FROM events WHERE type = 'erased'").get()).toEqual({ entity: 'citizen', entity_id: c.id, type: 'erased', reason: 'Opbevaringsperioden er udløbet' });

    expect(figures()).toEqual(before);
  });

  it('follows the configured retention period', () => {
    db.prepare("INSERT OR REPLACE INTO workspace (key, value) VALUES ('citizen_retention_years', '10')").run();
    const c = db.prepare("SELECT z.ref, c.id FROM citizens z JOIN cases c ON c.citizen_id = z.id WHERE z.ref NOT LIKE 'SLETTET-%' GROUP BY z.id HAVING COUNT(*) = 1 LIMIT 1").get() as { ref: string; id: number };
    db.prepare(`UPDATE cases SET column_id = (SELECT id FROM board_columns WHERE team_id = cases.team_id AND kind = 'done' LIMIT 1), column_entered_at = '2020-06-01' WHERE id = ?`).run(c.id);
    const refused = service.dispatch('eraseCitizen', { citizenRef: c.ref, reason: 'Opbevaringsperioden er udløbet' }, admin);
    expect(!refused.ok && refused.error.message).toMatch(/gemmes i 10 år .* tidligst slettes 01\.06\.2030/);
    db.prepare("DELETE FROM workspace WHERE key = 'citizen_retention_years'").run();
  });
});
