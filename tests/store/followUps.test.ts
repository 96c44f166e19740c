// Follow-ups and revisitations as work items of their own (issue 17, item 1), on real SQLite files:
// pulling one from a decided case opens a new item and leaves the decided case as it was; closing
// the item with a KL follow-up code does what the code says to the grant.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CloseFollowUpResult, PullList, PullResult } from '../../shared/api/methods/pullList';
import type { FollowUpItem } from '../../shared/followUps';
import { closeStore, migrate, openStore, schemaVersion, type Db } from '../../db/connection';
import { SCHEMA_VERSION } from '../../db/migrations';
import { createService, type Service } from '../../db/service';
import { ANNE, BO, CARL, COLUMN, NOW, TODAY, addCase, addGrant, call, failure, makeStore } from '../support/pullListStore';

let dir: string;
let db: Db;
let service: Service;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'flowtavle-followups-'));
  db = makeStore(dir);
  service = createService(db, { now: () => NOW });
});

afterEach(() => {
  closeStore(db);
  rmSync(dir, { recursive: true, force: true });
});

const list = (teamId = 1) => call<PullList>(service, 'getPullList', { teamId }, null);
type Pulled = Extract<PullResult, { pulled: true }>;
const pull = (actor = ANNE, reason?: string) => call<PullResult>(service, 'pullNext', reason ? { reason } : {}, actor) as Pulled;
const caseRow = (id: number) =>
  db.prepare('SELECT column_id, kind, legal_deadline, assignee_id, column_entered_at FROM cases WHERE id = ?').get(id);
const eventCount = (caseId: number) => (db.prepare('SELECT COUNT(*) AS n FROM events WHERE case_id = ?').get(caseId) as { n: number }).n;
const grantRow = () => db.prepare('SELECT next_follow_up, end_date FROM grants WHERE case_id = 1').get() as { next_follow_up: string | null; end_date: string | null };

/** A decided § 85 application, closed in March, with a grant whose follow-up falls due 08.12.2026 (every 6 months). */
function decidedCase(): void {
  addCase(db, { id: 1, number: '2025-000182', column: COLUMN.done, entered: '2026-03-01', assignee: BO, received: '2025-01-10', deadline: '2025-03-07' });
  addGrant(db, 1, '2026-12-08');
  db.prepare('UPDATE grants SET follow_up_months = 6').run();
  db.prepare(`INSERT INTO events (at, actor_id, case_id, entity, entity_id, type, field, from_value, to_value)
              VALUES ('2026-03-01T09:00:00.000Z', 3, 1, 'case', 1, 'moved', 'column', '13', '14')`).run();
}

describe('pulling a follow-up of a decided case', () => {
  it('leaves the decided case\'s column, kind, legal deadline and history unchanged and opens an item due on the follow-up date', () => {
    decidedCase();
    const before = { row: caseRow(1), events: eventCount(1) };
    const offered = list().items[0]!;
    expect(offered).toMatchObject({ caseId: 1, kind: 'follow_up', deadline: '2026-12-08', reopens: true });

    const result = pull();
    expect(caseRow(1)).toEqual(before.row);
    expect(eventCount(1)).toBe(before.events);
    expect(result.card).toMatchObject({
      caseNumber: '2025-000182-O1', kind: 'follow_up', paragraph: '85', columnId: COLUMN.inquiry, assigneeId: ANNE,
      receivedDate: TODAY, legalDeadline: offered.deadline, classOfService: 'fixed_date', columnEnteredAt: TODAY,
    });
    const item = call<{ item: FollowUpItem | null }>(service, 'getFollowUpItem', { caseId: result.card.id }, ANNE).item;
    expect(item).toMatchObject({ kind: 'follow_up', originCaseId: 1, originCaseNumber: '2025-000182', dueDate: '2026-12-08', outcome: null });
    const types = db.prepare('SELECT type FROM events WHERE case_id = ? ORDER BY id').all(result.card.id).map((e) => (e as { type: string }).type);
    expect(types).toEqual(['created', 'pulled', 'assigned']);
    // Counted as a case that arrived and started today (docs/flow.md).
    expect(db.prepare('SELECT arrived_day, start_day, finish_day FROM flow_cases WHERE case_id = ?').get(result.card.id))
      .toEqual({ arrived_day: TODAY, start_day: TODAY, finish_day: null });
  });

  it('does not offer the decided case again while its follow-up item is open', () => {
    decidedCase();
    pull();
    expect(list().items).toEqual([]);
    expect(call<PullResult>(service, 'pullNext', {}, ANNE)).toMatchObject({ pulled: false, reason: 'empty' });
  });

  it('asks for a reason before a pull takes the column over its WIP limit, and logs it on the item', () => {
    decidedCase();
    db.prepare('UPDATE board_columns SET wip_limit = 1 WHERE id = ?').run(COLUMN.inquiry);
    addCase(db, { id: 2, column: COLUMN.inquiry, assignee: CARL });
    const refused = service.dispatch('pullNext', {}, service.as(ANNE));
    expect(refused).toMatchObject({ ok: false, error: { code: 'wip_limit' } });
    expect(db.prepare('SELECT COUNT(*) AS n FROM follow_up_items').get()).toEqual({ n: 0 });
    const result = pull(ANNE, 'Opfølgningen kan ikke vente');
    expect(result.columnOverLimit).toBe(true);
    const logged = db.prepare(`SELECT reason FROM events WHERE case_id = ? AND type = 'moved_over_wip_limit'`).get(result.card.id) as { reason: string };
    expect(logged.reason).toContain('Opfølgningen kan ikke vente');
    expect(caseRow(1)).toMatchObject({ column_id: COLUMN.done });
  });

  it('numbers a second follow-up of the same case -O2', () => {
    decidedCase();
    const first = pull();
    call(service, 'closeFollowUp', { caseId: first.card.id, outcome: 'continue' }, ANNE);
    db.prepare(`UPDATE grants SET next_follow_up = '2026-12-01'`).run();
    expect(pull().card.caseNumber).toBe('2025-000182-O2');
  });
});

describe('closing a follow-up item', () => {
  const close = (caseId: number, outcome: string, note?: string) =>
    call<CloseFollowUpResult>(service, 'closeFollowUp', { caseId, outcome, ...(note ? { note } : {}) }, ANNE);

  it('Fortsættes: the grant\'s next follow-up moves on by its interval from the old date; the item goes to done with its outcome', () => {
    decidedCase();
    const item = pull().card.id;
    const result = close(item, 'continue', 'Støtten virker');
    expect(grantRow().next_follow_up).toBe('2027-06-08');
    expect(result).toMatchObject({ effect: { kind: 'next_follow_up', nextFollowUp: '2027-06-08' }, openGrantEditor: null, columnName: 'Afsluttet' });
    expect(result.item).toMatchObject({ outcome: 'continue', outcomeNote: 'Støtten virker', closedByName: 'Anne Dahl' });
    expect(caseRow(item)).toMatchObject({ column_id: COLUMN.done });
    expect(db.prepare(`SELECT type FROM events WHERE case_id = ? ORDER BY id DESC LIMIT 2`).all(item)).toEqual([{ type: 'moved' }, { type: 'follow_up_closed' }]);
    expect(caseRow(1)).toMatchObject({ column_id: COLUMN.done, kind: 'application', legal_deadline: '2025-03-07' });
    expect(list().items).toEqual([]);
  });

  it('Ændres inden for rammen: the date moves on as for Fortsættes, and the answer names the grant to open in the editor', () => {
    decidedCase();
    const item = pull().card.id;
    const grantId = (db.prepare('SELECT id FROM grants WHERE case_id = 1').get() as { id: number }).id;
    const result = close(item, 'change_within_frame');
    expect(grantRow().next_follow_up).toBe('2027-06-08');
    expect(result).toMatchObject({ effect: { kind: 'open_grant_editor' }, openGrantEditor: { grantId, caseId: 1 } });
  });

  it('Afsluttes: the grant ends today through the grant rules (a version and a ledger entry), and no follow-up is left', () => {
    decidedCase();
    const item = pull().card.id;
    const result = close(item, 'end');
    expect(result.effect).toEqual({ kind: 'grant_ended', endDate: TODAY });
    expect(grantRow()).toEqual({ next_follow_up: null, end_date: TODAY });
    expect(db.prepare(`SELECT kind FROM grant_ledger WHERE case_id = 1 ORDER BY id DESC LIMIT 1`).get()).toEqual({ kind: 'ended' });
    expect(db.prepare(`SELECT COUNT(*) AS n FROM events WHERE case_id = 1 AND type = 'grant_ended'`).get()).toEqual({ n: 1 });
    expect(list().items).toEqual([]);
  });

  it('Revisitation: a revisitation item opens in the queue with the paragraph\'s processing time as deadline, and the pull list offers it', () => {
    decidedCase();
    const item = pull().card.id;
    const result = close(item, 'revisit');
    expect(result.effect).toMatchObject({ kind: 'revisitation_opened', caseNumber: '2025-000182-O2' });
    const revisitation = (result.effect as { caseId: number }).caseId;
    expect(caseRow(revisitation)).toMatchObject({ column_id: COLUMN.queue, kind: 'follow_up', assignee_id: null, legal_deadline: '2027-01-18' });
    expect(call<{ item: FollowUpItem }>(service, 'getFollowUpItem', { caseId: revisitation }, ANNE).item)
      .toMatchObject({ kind: 'revisitation', originCaseId: 1, dueDate: '2027-01-18', outcome: null });
    // The grant's date is left for the revisitation to decide; the decided case is not offered beside it.
    expect(grantRow().next_follow_up).toBe('2026-12-08');
    expect(list().items.map((i) => [i.caseId, i.kind])).toEqual([[revisitation, 'revisitation']]);
  });

  it('refuses in Danish: a case that is no follow-up, an item closed already, an unknown outcome', () => {
    decidedCase();
    addCase(db, { id: 2 });
    expect(failure(service, 'closeFollowUp', { caseId: 2, outcome: 'continue' }, ANNE)).toMatchObject({ code: 'invalid_input', fields: [{ field: 'caseId' }] });
    const item = pull().card.id;
    expect(failure(service, 'closeFollowUp', { caseId: item, outcome: 'maybe' }, ANNE)).toMatchObject({ code: 'invalid_input', fields: [{ field: 'outcome' }] });
    close(item, 'continue');
    const again = failure(service, 'closeFollowUp', { caseId: item, outcome: 'end' }, ANNE);
    expect(again).toMatchObject({ code: 'conflict', message: 'Opfølgningen er allerede afsluttet (Fortsættes).' });
  });
});

describe('migration 017', () => {
  it('upgrades a store at the previous version with its cases and grants, and takes follow-up items', () => {
    const path = join(dir, 'old.db');
    const old = openStore(path, { migrate: false });
    migrate(old, SCHEMA_VERSION - 1);
    old.exec(`
      INSERT INTO teams (id, name, sort_order) VALUES (1, 'Team Test', 1);
      INSERT INTO board_columns (id, team_id, name, position, kind) VALUES (11, 1, 'Indkommet', 1, 'queue');
      INSERT INTO citizens (id, ref, initials) VALUES (1, 'B0000001', 'KL');
      INSERT INTO cases (id, case_number, citizen_id, team_id, kind, paragraph, column_id, sort_key, received_date, column_entered_at)
        VALUES (1, '2026-000001', 1, 1, 'application', '85', 11, 1, '2026-01-01', '2026-01-01');
    `);
    closeStore(old);
    const upgraded = openStore(path);
    try {
      expect(schemaVersion(upgraded)).toBe(SCHEMA_VERSION);
      expect(upgraded.prepare('SELECT case_number FROM cases').all()).toEqual([{ case_number: '2026-000001' }]);
      upgraded.exec(`INSERT INTO cases (id, case_number, citizen_id, team_id, kind, paragraph, column_id, sort_key, received_date, column_entered_at)
        VALUES (2, '2026-000001-O1', 1, 1, 'follow_up', '85', 11, 2, '2026-11-23', '2026-11-23');
        INSERT INTO follow_up_items (case_id, origin_case_id, kind, due_date) VALUES (2, 1, 'follow_up', '2026-12-08');`);
      expect(() => upgraded.exec(`UPDATE follow_up_items SET outcome = 'forget'`)).toThrow(/CHECK/);
      expect(upgraded.pragma('foreign_key_check')).toEqual([]);
    } finally {
      closeStore(upgraded);
    }
  });
});
