// The pull list on real SQLite files: which cases become items, pulling, leaders' settings, and
// concurrent pulls from several processes against one store file.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PullList, PullResult } from '../../shared/api/methods/pullList';
import { closeStore, type Db } from '../../db/connection';
import { createService, type Service } from '../../db/service';
import { legalDeadlineFor } from '../../db/service/pullList';
import { ANNE, BO, CARL, COLUMN, HEAD, LEADER, NOW, OTHER_LEADER, TODAY, addCase, addGrant, call, failure, makeStore } from '../support/pullListStore';

const REPO = resolve(import.meta.dirname, '../..');

function addAssessment(db: Db, caseId: number, on: string, scores: object, expected: object | null): void {
  db.prepare(
    `INSERT INTO assessments (case_id, assessed_on, scores, expected_scores, created_at) VALUES (?, ?, ?, ?, ?)`,
  ).run(caseId, on, JSON.stringify(scores), expected ? JSON.stringify(expected) : null, `${on}T08:00:00.000Z`);
}

const events = (db: Db, type: string) =>
  db.prepare('SELECT actor_id, case_id, entity, entity_id, field, from_value, to_value, reason FROM events WHERE type = ? ORDER BY id').all(type) as {
    actor_id: number; case_id: number | null; entity: string; entity_id: number | null; field: string | null;
    from_value: string | null; to_value: string | null; reason: string | null;
  }[];

let dir: string;
let db: Db;
let service: Service;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'flowtavle-pull-'));
  db = makeStore(dir);
  service = createService(db, { now: () => NOW });
});

afterEach(() => {
  closeStore(db);
  rmSync(dir, { recursive: true, force: true });
});

const list = (teamId = 1) => call<PullList>(service, 'getPullList', { teamId }, null);
const numbers = (l: PullList) => l.items.map((i) => i.caseNumber);

describe('work items', () => {
  it('lists queued cases and closed cases falling due, each case once, in rule order', () => {
    // Queue: a standard application 20 days old (score 36 + 30 + 20 = 86) and an urgent one from today (100).
    addCase(db, { id: 1 });
    addCase(db, { id: 2, cos: 'urgent', received: TODAY, deadline: '2027-01-18' });
    // Closed in March; two grants fall due (03.12 and 10.12) and the latest assessment is off track:
    // still one item, a revisitation, measured against the earliest follow-up.
    addCase(db, { id: 3, kind: 'follow_up', column: COLUMN.done, entered: '2026-03-01', assignee: ANNE, deadline: null, received: '2026-02-01' });
    addGrant(db, 3, '2026-12-03');
    addGrant(db, 3, '2026-12-10');
    addAssessment(db, 3, '2026-06-01', { self_care: 3 }, { self_care: 1 });
    addAssessment(db, 3, '2026-11-10', { self_care: 3 }, null);
    // Not items: in progress, blocked, closed with the follow-up far ahead, a grant that has ended.
    addCase(db, { id: 4, column: COLUMN.inquiry, assignee: ANNE });
    addCase(db, { id: 5, blocked: 'Afventer lægeerklæring' });
    addCase(db, { id: 6, column: COLUMN.done, entered: '2026-03-01', deadline: null });
    addGrant(db, 6, '2027-03-01');
    addCase(db, { id: 7, column: COLUMN.done, entered: '2026-03-01', deadline: null });
    addGrant(db, 7, '2026-12-01', '2026-10-31');

    const l = list();
    expect(numbers(l)).toEqual(['2026-000003', '2026-000002', '2026-000001']);
    const [revisit, urgent, standard] = l.items;
    // 03.12 is 10 days ahead of a 30-day lead: 67 points; fixed date 60; waiting since 03.11: 20 → 147.
    expect(revisit).toMatchObject({ kind: 'revisitation', deadline: '2026-12-03', score: 147, reopens: true });
    expect(revisit!.reasons).toEqual([
      'Opfølgning på bevilling forfalder 03.12.2026',
      'Seneste VUM-vurdering 10.11.2026 er ikke på sporet: samlet score 3, forventet 1',
      'Opfølgningsdato 03.12.2026: 10 dage tilbage af 30 (+67)',
      'Serviceklasse: Fast dato (+60)',
      'Har ventet 20 dage (+20)',
    ]);
    expect(urgent!.score).toBe(100);
    expect(standard!.score).toBe(86);
  });
});

describe('Tag næste sag', () => {
  it('assigns the top case the caseworker may take, moves it last into the first active column and logs it', () => {
    addCase(db, { id: 1, paragraph: '108', cos: 'urgent' }); // nobody is competent
    addCase(db, { id: 2 });
    addCase(db, { id: 3, received: TODAY, deadline: '2027-01-18' });
    addCase(db, { id: 9, column: COLUMN.inquiry, assignee: BO, sortKey: 50_000 });
    const before = list();
    expect(numbers(before)).toEqual(['2026-000001', '2026-000002', '2026-000003']);

    const result = call<PullResult>(service, 'pullNext', {}, ANNE);
    expect(result.pulled).toBe(true);
    if (!result.pulled) return;
    expect(result.item.caseNumber).toBe('2026-000002');
    expect(result.columnName).toBe('Udredning');
    expect(result.card).toMatchObject({ assigneeId: ANNE, columnId: COLUMN.inquiry, columnEnteredAt: TODAY, sortKey: 50_000 + 16_384 });

    expect(numbers(list())).toEqual(['2026-000001', '2026-000003']);
    const [pulled] = events(db, 'pulled');
    expect(pulled).toMatchObject({ actor_id: ANNE, case_id: 2, from_value: '2', to_value: 'application' });
    expect(pulled!.reason).toContain('Ny ansøgning modtaget 03.11.2026 (§ 85)');
    expect(events(db, 'assigned')).toEqual([
      expect.objectContaining({ actor_id: ANNE, case_id: 2, from_value: null, to_value: String(ANNE) }),
    ]);
    expect(events(db, 'moved')).toEqual([
      expect.objectContaining({ actor_id: ANNE, case_id: 2, from_value: String(COLUMN.queue), to_value: String(COLUMN.inquiry) }),
    ]);
  });

  it('gives a closed case\'s follow-up as an item of its own and leaves the closed case where it is', () => {
    addCase(db, { id: 1, kind: 'follow_up', column: COLUMN.done, entered: '2026-03-01', assignee: BO, deadline: null });
    addGrant(db, 1, '2026-11-30');
    const result = call<PullResult>(service, 'pullNext', {}, ANNE);
    expect(result).toMatchObject({
      pulled: true, item: { kind: 'follow_up', caseId: 1 },
      card: { caseNumber: '2026-000001-O1', kind: 'follow_up', columnId: COLUMN.inquiry, assigneeId: ANNE, legalDeadline: '2026-11-30', receivedDate: TODAY },
    });
    const itemId = (result as Extract<PullResult, { pulled: true }>).card.id;
    expect(events(db, 'assigned')).toEqual([expect.objectContaining({ case_id: itemId, from_value: null, to_value: String(ANNE) })]);
    expect(events(db, 'moved')).toEqual([]);
    expect(db.prepare('SELECT column_id, assignee_id FROM cases WHERE id = 1').get()).toEqual({ column_id: COLUMN.done, assignee_id: BO });
    expect(list().items).toHaveLength(0);
  });

  it('says why nothing fits: WIP limit, competences, an empty list', () => {
    expect(call<PullResult>(service, 'pullNext', {}, ANNE)).toMatchObject({ pulled: false, reason: 'empty' });
    addCase(db, { id: 1, paragraph: '85' });
    expect(call<PullResult>(service, 'pullNext', {}, BO)).toEqual({
      pulled: false,
      reason: 'no_competence',
      paragraphs: ['85'],
      message: 'Du er ikke markeret som kompetent til de paragraffer, der er tilbage på pull-listen (§ 85).',
    });
    expect(call<PullResult>(service, 'pullNext', {}, CARL)).toMatchObject({ pulled: false, reason: 'no_competence' });
    addCase(db, { id: 2, column: COLUMN.inquiry, assignee: BO });
    addCase(db, { id: 3, column: COLUMN.decision, assignee: BO });
    addCase(db, { id: 4, paragraph: '107' });
    // At the personal limit the pull is refused before anything changes, like a drag (one WIP policy).
    expect(failure(service, 'pullNext', {}, BO)).toMatchObject({
      code: 'wip_limit',
      message: 'Bo Lund har nået sin personlige WIP-grænse (2 af 2 aktive sager). Angiv en begrundelse for at gå over grænsen.',
      details: { breaches: [{ scope: 'person', name: 'Bo Lund', count: 2, limit: 2 }] },
    });
    expect(events(db, 'pulled')).toHaveLength(0);
  });

  it('refuses a pull into a full column without a reason and changes nothing', () => {
    db.prepare('UPDATE board_columns SET wip_limit = 1 WHERE id = ?').run(COLUMN.inquiry);
    addCase(db, { id: 1 });
    addCase(db, { id: 2, column: COLUMN.inquiry, assignee: BO });
    const before = db.prepare('SELECT column_id, assignee_id, sort_key, column_entered_at FROM cases WHERE id = 1').get();
    const eventsBefore = (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
    const error = failure(service, 'pullNext', {}, ANNE);
    expect(error).toMatchObject({
      code: 'wip_limit',
      fields: [{ field: 'reason' }],
      details: { breaches: [{ scope: 'column', name: 'Udredning', count: 1, limit: 1 }], caseNumber: '2026-000001', columnName: 'Udredning' },
    });
    expect(error.message).toBe('Kolonnen "Udredning" har nået sin WIP-grænse (1 af 1). Angiv en begrundelse for at gå over grænsen.');
    expect(db.prepare('SELECT column_id, assignee_id, sort_key, column_entered_at FROM cases WHERE id = 1').get()).toEqual(before);
    expect((db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n).toBe(eventsBefore);
    expect(numbers(list())).toEqual(['2026-000001']);
  });

  it('pulls into a full column with a reason and logs the reason as a move over the limit', () => {
    db.prepare('UPDATE board_columns SET wip_limit = 1 WHERE id = ?').run(COLUMN.inquiry);
    addCase(db, { id: 1 });
    addCase(db, { id: 2, column: COLUMN.inquiry, assignee: BO });
    const result = call<PullResult>(service, 'pullNext', { reason: 'Akut: borgeren står uden bolig' }, ANNE);
    expect(result).toMatchObject({ pulled: true, columnOverLimit: true, card: { id: 1, columnId: COLUMN.inquiry, assigneeId: ANNE } });
    expect(events(db, 'moved_over_wip_limit')).toEqual([expect.objectContaining({
      actor_id: ANNE, case_id: 1, from_value: String(COLUMN.queue), to_value: String(COLUMN.inquiry),
      reason: 'Akut: borgeren står uden bolig – taget fra pull-listen (ny ansøgning); kolonnen havde 1 af 1 sager',
    })]);
    expect(events(db, 'moved')).toHaveLength(0);
  });

  it('pulls over the personal limit only with a reason', () => {
    addCase(db, { id: 2, column: COLUMN.inquiry, assignee: BO });
    addCase(db, { id: 3, column: COLUMN.decision, assignee: BO });
    addCase(db, { id: 4, paragraph: '107' });
    const result = call<PullResult>(service, 'pullNext', { reason: 'Dækker for en syg kollega' }, BO);
    expect(result).toMatchObject({ pulled: true, columnOverLimit: true, item: { caseNumber: '2026-000004' } });
    expect(events(db, 'moved_over_wip_limit')[0]!.reason).toBe('Dækker for en syg kollega – taget fra pull-listen (ny ansøgning); Bo Lund havde 2 af 2 aktive sager');
  });

  it('pulls below the limit without asking', () => {
    db.prepare('UPDATE board_columns SET wip_limit = 2 WHERE id = ?').run(COLUMN.inquiry);
    addCase(db, { id: 1 });
    addCase(db, { id: 2, column: COLUMN.inquiry, assignee: BO });
    expect(call<PullResult>(service, 'pullNext', {}, ANNE)).toMatchObject({ pulled: true, columnOverLimit: false });
    expect(events(db, 'moved')[0]!.reason).toBe('Taget fra pull-listen (ny ansøgning)');
  });
});

describe('Mine sager', () => {
  it('shows WIP against the limit, deadlines in order, follow-ups due in 30 days, blocked cases and the next pull', () => {
    addCase(db, { id: 1, column: COLUMN.inquiry, assignee: ANNE, deadline: '2026-12-20' });
    addCase(db, { id: 2, column: COLUMN.decision, assignee: ANNE, deadline: '2026-12-01', blocked: 'Afventer partshøring' });
    addCase(db, { id: 3, column: COLUMN.done, assignee: ANNE, entered: '2026-06-01', deadline: '2026-07-01' });
    addGrant(db, 3, '2026-12-15');
    addCase(db, { id: 4, column: COLUMN.done, assignee: ANNE, entered: '2026-06-01', deadline: null });
    addGrant(db, 4, '2027-02-01');
    addCase(db, { id: 5, paragraph: '107' });
    const mine = call<import('../../shared/api/methods/pullList').MyCases>(service, 'getMyCases', { personId: ANNE }, ANNE);
    expect(mine).toMatchObject({ wipCount: 2, wipLimit: 3, competences: ['85', '107'] });
    expect(mine.inProgress.map((c) => c.caseNumber)).toEqual(['2026-000001', '2026-000002']);
    expect(mine.deadlines.map((c) => c.legalDeadline)).toEqual(['2026-12-01', '2026-12-20']);
    expect(mine.followUps.map((c) => [c.caseNumber, c.nextFollowUp])).toEqual([['2026-000003', '2026-12-15']]);
    expect(mine.blocked.map((c) => [c.caseNumber, c.blockedReason])).toEqual([['2026-000002', 'Afventer partshøring']]);
    // Her own closed case falls due on 15.12 (27 + 60 + 8 = 95) before the new § 107 case (86).
    expect('item' in mine.next && mine.next.item.caseNumber).toBe('2026-000003');
  });
});

describe("leaders' settings", () => {
  it('lets only the team leader change weights, and logs each change', () => {
    addCase(db, { id: 1 }); // 36 + 30 + 20 = 86
    addCase(db, { id: 2, cos: 'urgent', received: TODAY, deadline: '2027-01-18' }); // 0 + 100 + 0 = 100
    const weights = { deadline: 2, class_of_service: 0.5, strategic: 1, waiting: 1 };
    expect(failure(service, 'setRuleWeights', { teamId: 1, weights }, ANNE)).toMatchObject({ code: 'forbidden', message: 'Du har ikke adgang til dette.' });
    expect(failure(service, 'setRuleWeights', { teamId: 1, weights }, OTHER_LEADER).code).toBe('forbidden');
    expect(failure(service, 'setRuleWeights', { teamId: 1, weights: { ...weights, waiting: 0.3 } }, LEADER).code).toBe('invalid_input');
    call(service, 'setRuleWeights', { teamId: 1, weights }, LEADER);
    // Now 72 + 15 + 20 = 107 against 0 + 50 + 0 = 50.
    const l = list();
    expect(l.items.map((i) => [i.caseNumber, i.score])).toEqual([['2026-000001', 107], ['2026-000002', 50]]);
    expect(l).toMatchObject({ weights, defaultWeights: false });
    expect(events(db, 'pull_weight_changed').map((e) => [e.actor_id, e.field, e.from_value, e.to_value])).toEqual([
      [LEADER, 'deadline', '1', '2'], [LEADER, 'class_of_service', '1', '0.5'],
    ]);
  });

  it('pins and unpins an item on the list', () => {
    addCase(db, { id: 1 });
    addCase(db, { id: 2, cos: 'can_wait', received: TODAY, deadline: '2027-01-18' });
    expect(failure(service, 'setPin', { caseId: 2, pinned: true }, ANNE).code).toBe('forbidden');
    call(service, 'setPin', { caseId: 2, pinned: true }, LEADER);
    expect(numbers(list())).toEqual(['2026-000002', '2026-000001']);
    expect(list().items[0]!.reasons[0]).toBe('Fastgjort øverst af Lene Holm');
    call(service, 'setPin', { caseId: 2, pinned: false }, LEADER);
    expect(numbers(list())).toEqual(['2026-000001', '2026-000002']);
    expect(events(db, 'pinned')).toHaveLength(1);
    expect(events(db, 'unpinned')).toHaveLength(1);
    addCase(db, { id: 3, column: COLUMN.inquiry, assignee: ANNE });
    expect(failure(service, 'setPin', { caseId: 3, pinned: true }, LEADER).code).toBe('invalid_input');
  });

  it('keeps strategic tags per team', () => {
    addCase(db, { id: 1 }); // 86
    addCase(db, { id: 2, kind: 'complaint', received: TODAY, deadline: '2026-12-21' }); // 0 + 30 + 0 = 30
    const tag = call<{ id: number }>(service, 'savePriorityTag', { teamId: 1, label: 'Klager først', weight: 70, paragraph: null, kind: 'complaint' }, LEADER);
    expect(numbers(list())).toEqual(['2026-000002', '2026-000001']); // 30 + 70 = 100 > 86
    call(service, 'savePriorityTag', { teamId: 1, tagId: tag.id, label: 'Klager først', weight: 60, paragraph: null, kind: 'complaint' }, LEADER);
    expect(list().items.map((i) => i.score)).toEqual([90, 86]);
    expect(failure(service, 'savePriorityTag', { teamId: 1, label: 'Tom', weight: 10, paragraph: null, kind: null }, LEADER).code).toBe('invalid_input');
    expect(failure(service, 'deletePriorityTag', { tagId: tag.id }, ANNE).code).toBe('forbidden');
    call(service, 'deletePriorityTag', { tagId: tag.id }, LEADER);
    expect(numbers(list())).toEqual(['2026-000001', '2026-000002']);
    expect(['priority_tag_created', 'priority_tag_changed', 'priority_tag_deleted'].map((t) => events(db, t).length)).toEqual([1, 1, 1]);
    expect(events(db, 'priority_tag_changed')[0]).toMatchObject({ from_value: 'Klager først: 70 point, klage', to_value: 'Klager først: 60 point, klage' });
  });

  it('moves the deadlines of open cases when a processing time changes', () => {
    addCase(db, { id: 1, received: '2026-11-03', deadline: '2026-12-29' });
    addCase(db, { id: 2, column: COLUMN.inquiry, assignee: ANNE, received: '2026-10-01', deadline: '2026-11-26' });
    addCase(db, { id: 3, column: COLUMN.done, received: '2026-06-01', deadline: '2026-07-27' });
    addCase(db, { id: 4, kind: 'complaint', received: '2026-11-03', deadline: '2026-12-01' });
    addCase(db, { id: 5, paragraph: '107', received: '2026-11-03', deadline: '2027-01-26' });
    // A legal processing time holds for every team: the department head's to set, not a team leader's.
    expect(failure(service, 'setProcessingTime', { paragraph: '85', weeks: 4 }, ANNE).code).toBe('forbidden');
    expect(failure(service, 'setProcessingTime', { paragraph: '85', weeks: 4 }, LEADER).code).toBe('forbidden');
    expect(call(service, 'setProcessingTime', { paragraph: '§ 85', weeks: 4 }, HEAD)).toEqual({ paragraph: '85', weeks: 4, casesUpdated: 2 });
    const deadlines = db.prepare('SELECT id, legal_deadline FROM cases ORDER BY id').all();
    expect(deadlines).toEqual([
      { id: 1, legal_deadline: '2026-12-01' }, { id: 2, legal_deadline: '2026-10-29' }, { id: 3, legal_deadline: '2026-07-27' },
      { id: 4, legal_deadline: '2026-12-01' }, { id: 5, legal_deadline: '2027-01-26' },
    ]);
    expect(legalDeadlineFor(db, '85', '2026-11-23')).toBe('2026-12-21');
    expect(legalDeadlineFor(db, '107', '2026-11-23')).toBe('2027-02-15');
    expect(legalDeadlineFor(db, '12', '2026-11-23')).toBeNull();
    call(service, 'setProcessingTime', { paragraph: '85', weeks: null }, HEAD);
    expect(db.prepare('SELECT legal_deadline FROM cases WHERE id = 1').get()).toEqual({ legal_deadline: null });
    const times = call<{ paragraph: string; weeks: number | null; defaultWeeks: number | null; updatedByName: string | null }[]>(service, 'listProcessingTimes', {}, null);
    expect(times.find((t) => t.paragraph === '85')).toMatchObject({ weeks: null, defaultWeeks: 8, updatedByName: 'Dorte Dahl' });
    expect(times.find((t) => t.paragraph === '12')).toMatchObject({ weeks: null, defaultWeeks: null });
    expect(events(db, 'processing_time_changed').map((e) => [e.field, e.from_value, e.to_value])).toEqual([['85', '8', '4'], ['85', '4', null]]);
  });

  it('lets the leader register competences', () => {
    addCase(db, { id: 1, paragraph: '108' });
    expect(failure(service, 'setCompetences', { personId: CARL, paragraphs: ['108'] }, ANNE).code).toBe('forbidden');
    expect(call(service, 'setCompetences', { personId: CARL, paragraphs: ['§ 108', '85', '108'] }, LEADER)).toEqual({ personId: CARL, paragraphs: ['85', '108'] });
    expect(call<PullResult>(service, 'pullNext', {}, CARL)).toMatchObject({ pulled: true, item: { caseNumber: '2026-000001' } });
    expect(events(db, 'competences_changed')[0]).toMatchObject({ from_value: '', to_value: '§ 85, § 108' });
    expect(call(service, 'listCompetences', { teamId: 1 }, null)).toEqual({
      paragraphs: ['108'],
      people: [
        { personId: ANNE, name: 'Anne Dahl', initials: 'AD', role: 'caseworker', paragraphs: ['85', '107'] },
        { personId: BO, name: 'Bo Lund', initials: 'BL', role: 'caseworker', paragraphs: ['107'] },
        { personId: CARL, name: 'Carl Bach', initials: 'CB', role: 'caseworker', paragraphs: ['85', '108'] },
        { personId: LEADER, name: 'Lene Holm', initials: 'LH', role: 'leader', paragraphs: [] },
      ],
    });
  });
});

describe('concurrent pulls', () => {
  it('never gives the same case to two caseworkers pulling at the same moment from separate processes', async () => {
    const CASES = 24;
    const WORKERS = 6;
    db.prepare('UPDATE board_columns SET wip_limit = NULL').run();
    const person = db.prepare("INSERT INTO people (id, name, initials, role, team_id, wip_limit) VALUES (?, ?, ?, 'caseworker', 1, 5)");
    const competence = db.prepare("INSERT INTO person_competences (person_id, paragraph) VALUES (?, '85')");
    for (let w = 0; w < WORKERS; w++) {
      person.run(100 + w, `Rådgiver ${w + 1}`, `R${w + 1}`);
      competence.run(100 + w);
    }
    for (let i = 1; i <= CASES; i++) addCase(db, { id: i, received: `2026-11-${String(i).padStart(2, '0')}`, deadline: null });
    db.pragma('wal_checkpoint(TRUNCATE)');

    const script = join(dir, 'puller.ts');
    writeFileSync(script, `
      import { closeStore, openStore } from ${JSON.stringify(join(REPO, 'db/connection.ts'))};
      import { createService } from ${JSON.stringify(join(REPO, 'db/service/index.ts'))};
      const [path, actor] = process.argv.slice(2);
      const db = openStore(path!);
      const service = createService(db, { now: () => new Date(${JSON.stringify(NOW.toISOString())}) });
      process.stdin.once('data', () => {
        const pulled: number[] = [];
        let end: unknown = null;
        while (end === null) {
          const r = service.dispatch('pullNext', {}, service.as(Number(actor)));
          // At the personal WIP limit the pull is refused (a reason would be asked for): the worker stops.
          if (!r.ok) end = r.error.code === 'wip_limit' ? 'wip_limit' : r.error;
          else if (!r.value.pulled) end = r.value.reason;
          else pulled.push(r.value.item.caseId);
        }
        closeStore(db);
        process.stdout.write(JSON.stringify({ actor: Number(actor), pulled, end }) + '\\n');
      });
      process.stdout.write('ready\\n');
    `);
    const tsx = join(REPO, 'node_modules', '.bin', 'tsx');
    const children = Array.from({ length: WORKERS }, (_, w) => spawn(tsx, [script, join(dir, 'flowtavle.db'), String(100 + w)], { cwd: REPO }));
    const outputs = children.map((child) => {
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const ready = new Promise<void>((done, fail) => {
        const check = () => (out.includes('ready') ? done() : undefined);
        child.stdout.on('data', check);
        child.on('exit', (code) => fail(new Error(`puller exited with ${code}: ${err}`)));
      });
      const finished = new Promise<{ actor: number; pulled: number[]; end: unknown }>((done, fail) => {
        child.on('close', (code) => {
          const line = out.split('\n').find((l) => l.startsWith('{'));
          if (code === 0 && line) done(JSON.parse(line));
          else fail(new Error(`puller exited with ${code}: ${err}`));
        });
      });
      return { child, ready, finished };
    });
    await Promise.all(outputs.map((o) => o.ready));
    // All processes are loaded and waiting: start them at the same moment.
    for (const o of outputs) o.child.stdin.end('go\n');
    const results = await Promise.all(outputs.map((o) => o.finished));

    const all = results.flatMap((r) => r.pulled);
    expect(new Set(all).size).toBe(all.length); // nobody got a case twice
    expect([...all].sort((a, b) => a - b)).toEqual(Array.from({ length: CASES }, (_, i) => i + 1));
    for (const r of results) {
      expect(['empty', 'wip_limit']).toContain(r.end); // stopped for a reason, never on an error
      expect(r.pulled.length).toBeLessThanOrEqual(5);
    }
    const holders = db.prepare('SELECT id, assignee_id FROM cases ORDER BY id').all() as { id: number; assignee_id: number }[];
    const byActor = new Map(results.flatMap((r) => r.pulled.map((id) => [id, r.actor] as const)));
    for (const h of holders) expect(h.assignee_id).toBe(byActor.get(h.id));
    expect(events(db, 'pulled')).toHaveLength(CASES);
    expect(list().items).toHaveLength(0);
  }, 60_000);
});
