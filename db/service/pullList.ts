// The pull list on the store: candidate cases in a handful of set-based queries (no query per
// case), ordered by shared/pullList.ts; "Tag næste sag" inside the write transaction, which the
// dispatcher opens with BEGIN IMMEDIATE, so two pulls never read the same list.
import type { Handlers } from '../../shared/api/dispatch';
import type { CallContext } from '../../shared/api/define';
import { ApiFailure, fieldError } from '../../shared/api/envelope';
import type { MyCase, PullList, PullResult, pullListMethods } from '../../shared/api/methods/pullList';
import { addDays } from '../../shared/dates';
import type { CaseKind, ClassOfService, ColumnKind, IsoDate } from '../../shared/domain';
import { formatParagraph } from '../../shared/format';
import { PARAGRAPHS, paragraphInfo } from '../../shared/paragraphs';
import type { Assessment } from '../../shared/progression';
import {
  choosePull, compareParagraphs, DEFAULT_RULE_WEIGHTS, FOLLOW_UP_LEAD_DAYS, legalDeadlineFrom, PULL_RULE_LABELS, PULL_RULES,
  rankWorkItems, toWorkItem, WORK_ITEM_KIND_LABELS,
  type PriorityTag, type PullCandidate, type RankedItem, type RuleWeights, type WorkItem, type WorkItemKind,
} from '../../shared/pullList';
import { columnWipBreach, personWipBreach, wipDecision, type WipBreach } from '../../shared/board';
import { keyBetween } from '../../shared/sortKey';
import type { Db } from '../connection';
import { appendEvent } from '../events';
import { statements } from '../statements';
import type {
  BoardColumnsRow, CasesRow, CitizensRow, FollowUpItemsRow, GrantsRow, PersonCompetencesRow, PriorityTagsRow, ProcessingTimesRow, PullPinsRow, PullRuleWeightsRow,
} from '../schema';
import {
  CARD_SELECT, parseScores, PERSON_COLUMNS, TEAM_COLUMNS, toCard, toPerson, toTeam, type AssessmentRow, type CardRow, type PersonRow, type TeamRow,
} from '../rows';
import { wipRefusal } from './board';
import { closeFollowUp, followUpItemOf, openFollowUpItem } from './followUps';
import type { ServiceContext } from './context';

/** A candidate row; blocked cases are left out in SQL. */
type CandidateRow = PullCandidate & { laterAssessment: 0 | 1 };
type CandidateTuple = [
  id: number, caseNumber: string, initials: string, kind: CaseKind, paragraph: string, columnKind: ColumnKind,
  classOfService: ClassOfService, received: string, legalDeadline: string | null, entered: string,
  assigneeId: number | null, nextFollowUp: string | null, laterAssessment: 0 | 1,
  followUpItemKind: FollowUpItemsRow['kind'] | null, lastFollowUpItemOn: string | null,
];

type MyCaseRow = Pick<CasesRow, 'id' | 'case_number' | 'kind' | 'paragraph' | 'team_id' | 'class_of_service' | 'received_date'
  | 'legal_deadline' | 'blocked' | 'blocked_reason' | 'blocked_since' | 'column_entered_at'>
  & { citizen_initials: CitizensRow['initials']; column_name: BoardColumnsRow['name']; column_kind: BoardColumnsRow['kind'];
      column_position: BoardColumnsRow['position']; next_follow_up: GrantsRow['next_follow_up'] };

type TagRow = Pick<PriorityTagsRow, 'id' | 'label' | 'weight' | 'paragraph' | 'item_kind'>;

/** A current grant's next follow-up: not for grants that have ended, or end before it. */
const CURRENT_FOLLOW_UP = `
  (SELECT MIN(g.next_follow_up) FROM grants g WHERE g.case_id = c.id AND g.next_follow_up IS NOT NULL
     AND (g.end_date IS NULL OR (g.end_date >= g.next_follow_up AND g.end_date >= :today)))`;

const toAssessment = (r: AssessmentRow): Assessment => ({
  id: r.id,
  caseId: r.case_id,
  assessedOn: r.assessed_on,
  scores: parseScores(r.scores) ?? {},
  expectedScores: parseScores(r.expected_scores),
  expectedBy: r.expected_by,
  note: r.note,
});

/**
 * The legal deadline of a new case from the leader's processing times (for importers and anything
 * else that creates cases): received date plus the paragraph's weeks, or null where there is none.
 */
export function legalDeadlineFor(db: Db, paragraph: string, receivedDate: IsoDate): IsoDate | null {
  const row = statements(db, queries).processingTime.get(paragraph);
  const weeks = row ? row.processing_weeks : (paragraphInfo(paragraph)?.processingWeeks ?? 8);
  return legalDeadlineFrom(receivedDate, weeks);
}

const queries = (db: Db) => ({
  team: db.prepare<[number], TeamRow>(`SELECT ${TEAM_COLUMNS} FROM teams WHERE id = ?`),
  person: db.prepare<[number], PersonRow>(`SELECT ${PERSON_COLUMNS} FROM people WHERE id = ? AND active = 1`),
  // Starts from the few rows that matter (follow-ups falling due, assessments recorded after a
  // case closed) instead of probing every closed case of the team.
  candidates: db.prepare<{ team: number; today: IsoDate; horizon: IsoDate }, CandidateTuple>(`
    -- A decided case whose follow-up item is still open (no outcome) is someone's work already.
    WITH open_items AS MATERIALIZED (
      SELECT origin_case_id FROM follow_up_items WHERE outcome IS NULL
    ), due AS MATERIALIZED (
      SELECT g.case_id, MIN(g.next_follow_up) AS next_follow_up
      FROM grants g JOIN cases c ON c.id = g.case_id
      WHERE g.next_follow_up <= :horizon AND c.team_id = :team
        AND (g.end_date IS NULL OR (g.end_date >= g.next_follow_up AND g.end_date >= :today))
        AND g.case_id NOT IN (SELECT origin_case_id FROM open_items)
      GROUP BY g.case_id
    ), later AS MATERIALIZED (
      SELECT DISTINCT a.case_id FROM assessments a JOIN cases c ON c.id = a.case_id
      WHERE c.team_id = :team AND a.assessed_on > c.column_entered_at
        AND a.case_id NOT IN (SELECT origin_case_id FROM open_items)
    )
    SELECT c.id, c.case_number, z.initials, c.kind, c.paragraph, b.kind, c.class_of_service, c.received_date,
           c.legal_deadline, c.column_entered_at, c.assignee_id, d.next_follow_up, (c.id IN (SELECT case_id FROM later)),
           fi.kind,
           (SELECT MAX(i.received_date) FROM follow_up_items f JOIN cases i ON i.id = f.case_id WHERE f.origin_case_id = c.id)
    FROM cases c
    JOIN board_columns b ON b.id = c.column_id
    JOIN citizens z ON z.id = c.citizen_id
    LEFT JOIN due d ON d.case_id = c.id
    LEFT JOIN follow_up_items fi ON fi.case_id = c.id
    WHERE c.team_id = :team AND c.blocked = 0
      AND (c.column_id IN (SELECT id FROM board_columns WHERE team_id = :team AND kind = 'queue')
           OR c.id IN (SELECT case_id FROM due) OR c.id IN (SELECT case_id FROM later))
      AND b.kind <> 'active'`).raw(true),
  // The latest two assessments of each given case (a JSON array of ids), newest first.
  assessments: db.prepare<[string], AssessmentRow>(`
    -- Looked up by case through the index and ranked in one pass; a correlated LIMIT 2 per case
    -- made SQLite walk every assessment for every case in the list.
    SELECT id, case_id, assessed_on, scores, expected_scores, expected_by, note FROM (
      SELECT a.id, a.case_id, a.assessed_on, a.scores, a.expected_scores, a.expected_by, a.note,
             ROW_NUMBER() OVER (PARTITION BY a.case_id ORDER BY a.assessed_on DESC, a.id DESC) AS latest
      FROM assessments a WHERE a.case_id IN (SELECT value FROM json_each(?)))
    WHERE latest <= 2
    ORDER BY case_id, assessed_on DESC, id DESC`),
  // Names and pins are few: looked up once per list rather than joined onto every row.
  names: db.prepare<[], Pick<PersonRow, 'id' | 'name'>>('SELECT id, name FROM people'),
  pins: db.prepare<[number], Pick<PullPinsRow, 'case_id' | 'pinned_at'> & { name: PersonRow['name'] | null }>(
    'SELECT pp.case_id, pp.pinned_at, p.name FROM pull_pins pp LEFT JOIN people p ON p.id = pp.pinned_by WHERE pp.team_id = ?',
  ),
  weights: db.prepare<[number], Pick<PullRuleWeightsRow, 'rule' | 'weight'>>('SELECT rule, weight FROM pull_rule_weights WHERE team_id = ?'),
  setWeight: db.prepare(
    `INSERT INTO pull_rule_weights (team_id, rule, weight) VALUES (?, ?, ?)
     ON CONFLICT (team_id, rule) DO UPDATE SET weight = excluded.weight`,
  ),
  tags: db.prepare<[number], TagRow>('SELECT id, label, weight, paragraph, item_kind FROM priority_tags WHERE team_id = ? ORDER BY weight DESC, label'),
  tag: db.prepare<[number], TagRow & Pick<PriorityTagsRow, 'team_id'>>('SELECT id, team_id, label, weight, paragraph, item_kind FROM priority_tags WHERE id = ?'),
  tagByLabel: db.prepare<[number, string], Pick<PriorityTagsRow, 'id'>>('SELECT id FROM priority_tags WHERE team_id = ? AND label = ?'),
  insertTag: db.prepare(
    'INSERT INTO priority_tags (team_id, label, weight, paragraph, item_kind, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ),
  updateTag: db.prepare('UPDATE priority_tags SET label = ?, weight = ?, paragraph = ?, item_kind = ? WHERE id = ?'),
  deleteTag: db.prepare('DELETE FROM priority_tags WHERE id = ?'),
  competences: db.prepare<[number], Pick<PersonCompetencesRow, 'paragraph'>>('SELECT paragraph FROM person_competences WHERE person_id = ?'),
  teamCompetences: db.prepare<[number], Pick<PersonRow, 'id' | 'name' | 'initials' | 'role'> & { paragraph: PersonCompetencesRow['paragraph'] | null }>(
    `SELECT p.id, p.name, p.initials, p.role, pc.paragraph FROM people p
     LEFT JOIN person_competences pc ON pc.person_id = p.id
     WHERE p.team_id = ? AND p.active = 1 AND p.role <> 'secretariat' ORDER BY p.name, p.id`,
  ),
  teamParagraphs: db.prepare<[number], Pick<CasesRow, 'paragraph'>>('SELECT paragraph FROM cases WHERE team_id = ? GROUP BY paragraph ORDER BY COUNT(*) DESC, paragraph'),
  deleteCompetences: db.prepare('DELETE FROM person_competences WHERE person_id = ?'),
  insertCompetence: db.prepare('INSERT INTO person_competences (person_id, paragraph) VALUES (?, ?)'),
  wipCount: db.prepare<[number], { n: number }>(
    `SELECT COUNT(*) AS n FROM cases c JOIN board_columns b ON b.id = c.column_id
     WHERE c.assignee_id = ? AND b.kind = 'active'`,
  ),
  firstActive: db.prepare<[number], Pick<BoardColumnsRow, 'id' | 'name' | 'wip_limit'>>(
    "SELECT id, name, wip_limit FROM board_columns WHERE team_id = ? AND kind = 'active' ORDER BY position LIMIT 1",
  ),
  columnCount: db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM cases WHERE column_id = ?'),
  lastKey: db.prepare<[number], { k: CasesRow['sort_key'] | null }>('SELECT MAX(sort_key) AS k FROM cases WHERE column_id = ?'),
  caseState: db.prepare<[number], Pick<CasesRow, 'id' | 'team_id' | 'column_id' | 'assignee_id'> & { column_kind: BoardColumnsRow['kind'] }>('SELECT c.id, c.team_id, c.column_id, c.assignee_id, b.kind AS column_kind FROM cases c JOIN board_columns b ON b.id = c.column_id WHERE c.id = ?'),
  take: db.prepare(
    `UPDATE cases SET assignee_id = ?, column_id = ?, sort_key = ?, column_entered_at = ?
     WHERE id = ? AND column_id = ? AND blocked = 0`,
  ),
  card: db.prepare<[number], CardRow>(`SELECT ${CARD_SELECT} FROM cases c JOIN citizens z ON z.id = c.citizen_id WHERE c.id = ?`),
  pin: db.prepare<[number], Pick<PullPinsRow, 'case_id'>>('SELECT case_id FROM pull_pins WHERE case_id = ?'),
  insertPin: db.prepare('INSERT INTO pull_pins (case_id, team_id, pinned_by, pinned_at) VALUES (?, ?, ?, ?)'),
  deletePin: db.prepare('DELETE FROM pull_pins WHERE case_id = ?'),
  myCases: db.prepare<{ person: number; today: IsoDate }, MyCaseRow>(`
    SELECT c.id, c.case_number, z.initials AS citizen_initials, c.kind, c.paragraph, c.team_id,
           b.name AS column_name, b.kind AS column_kind, b.position AS column_position, c.class_of_service,
           c.received_date, c.legal_deadline, ${CURRENT_FOLLOW_UP} AS next_follow_up, c.blocked, c.blocked_reason,
           c.blocked_since, c.column_entered_at
    FROM cases c JOIN board_columns b ON b.id = c.column_id JOIN citizens z ON z.id = c.citizen_id
    WHERE c.assignee_id = :person`),
  processingTimes: db.prepare<[], Pick<ProcessingTimesRow, 'processing_weeks' | 'updated_at'> & { paragraph: NonNullable<ProcessingTimesRow['paragraph']>; updated_by_name: PersonRow['name'] | null }>(
    `SELECT t.paragraph, t.processing_weeks, t.updated_at, p.name AS updated_by_name
     FROM processing_times t LEFT JOIN people p ON p.id = t.updated_by`,
  ),
  processingTime: db.prepare<[string], Pick<ProcessingTimesRow, 'processing_weeks'>>('SELECT processing_weeks FROM processing_times WHERE paragraph = ?'),
  setProcessingTime: db.prepare(
    `INSERT INTO processing_times (paragraph, processing_weeks, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (paragraph) DO UPDATE SET processing_weeks = excluded.processing_weeks,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ),
  // Complaints keep their own deadline; done cases keep the one they were decided under.
  moveDeadlines: db.prepare(`
    UPDATE cases SET legal_deadline = CASE WHEN :weeks IS NULL THEN NULL ELSE date(received_date, '+' || (:weeks * 7) || ' days') END
    WHERE paragraph = :paragraph AND kind <> 'complaint'
      AND column_id IN (SELECT id FROM board_columns WHERE kind <> 'done')`),
});

function weights(db: Db, teamId: number): { weights: RuleWeights; isDefault: boolean } {
  const q = statements(db, queries);
  const rows = q.weights.all(teamId);
  const result = { ...DEFAULT_RULE_WEIGHTS };
  for (const r of rows) result[r.rule] = r.weight;
  return { weights: result, isDefault: rows.length === 0 };
}

function tags(db: Db, teamId: number): PriorityTag[] {
  const q = statements(db, queries);
  return q.tags.all(teamId).map((r) => ({ id: r.id, label: r.label, weight: r.weight, paragraph: r.paragraph, kind: r.item_kind }));
}

function workItems(db: Db, teamId: number, today: IsoDate): WorkItem[] {
  const q = statements(db, queries);
  // Rows as arrays (see the select list): thousands of them on the largest teams.
  const raw = q.candidates.all({ team: teamId, today, horizon: addDays(today, FOLLOW_UP_LEAD_DAYS) });
  const rows = raw.map((r): CandidateRow => ({
    caseId: r[0], caseNumber: r[1], citizenInitials: r[2], caseKind: r[3], paragraph: r[4], columnKind: r[5],
    classOfService: r[6], receivedDate: r[7], legalDeadline: r[8], blocked: false, columnEnteredAt: r[9],
    assigneeId: r[10], assigneeName: null, nextFollowUp: r[11], laterAssessment: r[12],
    followUpItemKind: r[13], lastFollowUpItemOn: r[14],
    latestAssessment: null, previousAssessment: null, pinnedAt: null, pinnedByName: null,
  }));
  // Progression only changes an item for queued follow-ups and cases assessed after they closed.
  const needAssessments: number[] = [];
  for (const r of rows) {
    if ((r.columnKind === 'queue' && r.caseKind === 'follow_up') || (r.columnKind === 'done' && r.laterAssessment === 1)) {
      needAssessments.push(r.caseId);
    }
  }
  if (needAssessments.length > 0) {
    const byCase = new Map(rows.map((r) => [r.caseId, r]));
    // Newest first per case: the first row is the latest, the second the one before.
    for (const row of q.assessments.all(JSON.stringify(needAssessments))) {
      const candidate = byCase.get(row.case_id)!;
      if (candidate.latestAssessment === null) candidate.latestAssessment = toAssessment(row);
      else candidate.previousAssessment = toAssessment(row);
    }
  }
  const pins = new Map(q.pins.all(teamId).map((p) => [p.case_id, p]));
  let names: Map<number, string> | null = null;
  const items: WorkItem[] = [];
  for (const r of rows) {
    if (r.assigneeId !== null && r.columnKind === 'queue') {
      names ??= new Map(q.names.all().map((p) => [p.id, p.name]));
      r.assigneeName = names.get(r.assigneeId) ?? null;
    }
    const pin = pins.get(r.caseId);
    if (pin) {
      r.pinnedAt = pin.pinned_at;
      r.pinnedByName = pin.name;
    }
    const item = toWorkItem(r, today);
    if (item) items.push(item);
  }
  return items;
}

/** The team's pull list, ranked; for the pull list's own methods and for the features that show its top (the wall, the forecast). */
export function pullListFor(db: Db, teamId: number, today: IsoDate): PullList {
  const q = statements(db, queries);
  const team = q.team.get(teamId);
  if (!team) throw ApiFailure.of('not_found', 'records.teamNotFound', undefined, { fields: [fieldError('teamId', 'records.teamNotFound')] });
  const w = weights(db, teamId);
  const teamTags = tags(db, teamId);
  return {
    team: toTeam(team),
    today,
    items: rankWorkItems(workItems(db, teamId, today), w.weights, teamTags, today),
    weights: w.weights,
    defaultWeights: w.isDefault,
    tags: teamTags,
  };
}


/**
 * Creates or changes one of the team's priority tags. The pull list owns them (its ordering reads
 * them); a plan's priorities are tags saved here.
 */
export function savePriorityTag(
  ctx: ServiceContext,
  { teamId, tagId, label, weight, paragraph, kind }: Parameters<Handlers['savePriorityTag']>[0],
  call: CallContext,
): PriorityTag {
  const { db } = ctx;
  const q = statements(db, queries);
  if (!q.team.get(teamId)) throw ApiFailure.of('not_found', 'records.teamNotFound', undefined, { fields: [fieldError('teamId', 'records.teamNotFound')] });
  const clash = q.tagByLabel.get(teamId, label);
  if (clash && clash.id !== tagId) {
    throw ApiFailure.of('conflict', 'pullList.priorityLabelTaken', { label }, { fields: [fieldError('label', 'pullList.nameTaken')] });
  }
  const at = ctx.now().toISOString();
  const describe = (t: { label: string; weight: number; paragraph: string | null; item_kind: string | null }) =>
    `${t.label}: ${t.weight} point${t.paragraph ? `, ${formatParagraph(t.paragraph)}` : ''}${t.item_kind ? `, ${WORK_ITEM_KIND_LABELS[t.item_kind as WorkItemKind].toLowerCase()}` : ''}`;
  const now = { label, weight, paragraph, item_kind: kind };
  let id: number;
  if (tagId === undefined) {
    id = Number(q.insertTag.run(teamId, label, weight, paragraph, kind, call.actorId, at).lastInsertRowid);
    appendEvent(db, { at, actorId: call.actorId, entity: 'priority_tag', entityId: id, type: 'priority_tag_created', field: 'tag', from: null, to: describe(now), reason: null });
  } else {
    const old = q.tag.get(tagId);
    if (!old || old.team_id !== teamId) throw ApiFailure.of('not_found', 'pullList.priorityNotInTeam', undefined, { fields: [fieldError('tagId', 'general.notFound')] });
    q.updateTag.run(label, weight, paragraph, kind, tagId);
    id = tagId;
    appendEvent(db, { at, actorId: call.actorId, entity: 'priority_tag', entityId: id, type: 'priority_tag_changed', field: 'tag', from: describe(old), to: describe(now), reason: null });
  }
  return { id, label, weight, paragraph, kind };
}

export function deletePriorityTag(ctx: ServiceContext, tagId: number, call: CallContext): { tagId: number } {
  const { db } = ctx;
  const q = statements(db, queries);
  const old = q.tag.get(tagId);
  if (!old) throw ApiFailure.of('not_found', 'records.priorityNotFound', undefined, { fields: [fieldError('tagId', 'general.notFound')] });
  q.deleteTag.run(tagId);
  appendEvent(db, {
    at: ctx.now().toISOString(), actorId: call.actorId, entity: 'priority_tag', entityId: tagId, type: 'priority_tag_deleted',
    field: 'tag', from: `${old.label}: ${old.weight} point`, to: null, reason: null,
  });
  return { tagId };
}

export function pullListHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof pullListMethods> {
  const { db } = ctx;
  const q = statements(db, queries);

  function actorOf(call: CallContext): PersonRow {
    const actor = call.actorId === null ? undefined : q.person.get(call.actorId);
    if (!actor) throw ApiFailure.of('forbidden', 'records.actorGone');
    return actor;
  }

  const deadlineFor = (paragraph: string, receivedDate: IsoDate) => legalDeadlineFor(db, paragraph, receivedDate);

  function competencesOf(personId: number): string[] {
    return q.competences.all(personId).map((r) => r.paragraph).sort(compareParagraphs);
  }

  function pullerOf(person: PersonRow) {
    return {
      personId: person.id,
      wipCount: q.wipCount.get(person.id)!.n,
      wipLimit: person.wip_limit,
      competences: competencesOf(person.id),
    };
  }

  const toMyCase = (r: MyCaseRow): MyCase => ({
    caseId: r.id,
    caseNumber: r.case_number,
    citizenInitials: r.citizen_initials,
    kind: r.kind,
    paragraph: r.paragraph,
    teamId: r.team_id,
    columnName: r.column_name,
    columnKind: r.column_kind,
    classOfService: r.class_of_service,
    receivedDate: r.received_date,
    legalDeadline: r.legal_deadline,
    nextFollowUp: r.next_follow_up,
    blocked: r.blocked === 1,
    blockedReason: r.blocked_reason,
    blockedSince: r.blocked_since,
    columnEnteredAt: r.column_entered_at,
  });

  /**
   * A follow-up or revisitation of a decided case: a new item of its own in the first active
   * column, assigned to the puller; the decided case keeps its column, kind, deadline and history.
   * `overLimit` is the caller's reason and the limits when the pull went over a WIP limit.
   */
  function pullFollowUp(
    item: RankedItem, actor: PersonRow, column: Pick<BoardColumnsRow, 'id' | 'name'>, overLimit: { reason: string; over: string } | null,
  ): PullResult {
    const today = ctx.today();
    const opened = openFollowUpItem(db, {
      originCaseId: item.caseId, kind: item.kind === 'revisitation' ? 'revisitation' : 'follow_up', followUpDate: item.deadline,
      classOfService: item.classOfService, assigneeId: actor.id, columnId: column.id, today, deadlineFor,
    });
    const at = ctx.now().toISOString();
    const base = { at, actorId: actor.id, caseId: opened.caseId, entity: 'case', entityId: opened.caseId };
    const what = WORK_ITEM_KIND_LABELS[item.kind];
    const taken = `taget fra pull-listen (${what.toLowerCase()} af ${item.caseNumber})`;
    appendEvent(db, {
      ...base, type: overLimit === null ? 'created' : 'moved_over_wip_limit', field: 'column', from: null, to: column.id,
      // Like a drag over the limit: the caller's reason first, then what the limits were.
      reason: overLimit === null ? `${taken.charAt(0).toUpperCase()}${taken.slice(1)}` : `${overLimit.reason} – ${taken}; ${overLimit.over}`,
    });
    appendEvent(db, { ...base, type: 'pulled', field: 'pull_list', from: item.position, to: item.kind, reason: item.reasons.join('; ').slice(0, 2000) });
    appendEvent(db, { ...base, type: 'assigned', field: 'assignee', from: null, to: actor.id, reason: 'Taget fra pull-listen' });
    // The pin was on the decided case's place in the list; the list no longer offers it.
    if (q.pin.get(item.caseId)) {
      q.deletePin.run(item.caseId);
      appendEvent(db, { ...base, type: 'unpinned', field: 'pull_pin', from: 'pinned', to: null, reason: `Fastgørelsen af ${item.caseNumber} ophørte, da ${what.toLowerCase()}en blev taget` });
    }
    const card = toCard(q.card.get(opened.caseId)!);
    return { pulled: true, item, card, columnName: column.name, columnOverLimit: overLimit !== null };
  }

  const byDate = (key: 'legalDeadline' | 'nextFollowUp') => (a: MyCase, b: MyCase) =>
    a[key]! < b[key]! ? -1 : a[key]! > b[key]! ? 1 : a.caseNumber < b.caseNumber ? -1 : 1;

  return {
    getPullList: ({ teamId }) => pullListFor(db, teamId, ctx.today()),

    getMyCases: ({ personId }) => {
      const person = q.person.get(personId);
      if (!person) throw ApiFailure.of('not_found', 'records.employeeNotFound', undefined, { fields: [fieldError('personId', 'general.notFound')] });
      const today = ctx.today();
      const rows = q.myCases.all({ person: personId, today });
      const position = new Map(rows.map((r) => [r.id, r.column_position]));
      const mine = rows.map(toMyCase);
      const horizon = addDays(today, FOLLOW_UP_LEAD_DAYS);
      const puller = pullerOf(person);
      const inProgress = mine
        .filter((c) => c.columnKind === 'active')
        .sort((a, b) => position.get(a.caseId)! - position.get(b.caseId)! || (a.legalDeadline ?? '9999') .localeCompare(b.legalDeadline ?? '9999') || a.caseNumber.localeCompare(b.caseNumber));
      return {
        person: toPerson(person),
        today,
        wipCount: puller.wipCount,
        wipLimit: person.wip_limit,
        competences: puller.competences,
        inProgress,
        deadlines: mine.filter((c) => c.columnKind !== 'done' && c.legalDeadline !== null).sort(byDate('legalDeadline')),
        followUps: mine.filter((c) => c.nextFollowUp !== null && c.nextFollowUp <= horizon).sort(byDate('nextFollowUp')),
        blocked: mine.filter((c) => c.blocked).sort((a, b) => (a.blockedSince ?? '').localeCompare(b.blockedSince ?? '')),
        next: person.team_id === null
          ? { reason: 'empty', message: 'Du er ikke medlem af et team og har derfor ingen pull-liste.' }
          : choosePull(pullListFor(db, person.team_id, today).items, puller),
      };
    },

    pullNext: ({ reason }, call) => {
      const actor = actorOf(call);
      if (actor.team_id === null) {
        throw ApiFailure.of('forbidden', 'pullList.notInTeam');
      }
      const today = ctx.today();
      const puller = pullerOf(actor);
      // The caseworker's own limit is the WIP policy's below (refused without a reason), as on the board.
      const choice = choosePull(pullListFor(db, actor.team_id, today).items, { ...puller, wipLimit: null });
      if (!('item' in choice)) return { pulled: false, ...choice };
      const item: RankedItem = choice.item;
      const column = q.firstActive.get(actor.team_id);
      if (!column) throw ApiFailure.of('conflict', 'pullList.noActiveColumn');
      const before = q.caseState.get(item.caseId)!;
      const count = q.columnCount.get(column.id)!.n;
      const breaches = [
        columnWipBreach({ name: column.name, wipLimit: column.wip_limit }, count, before.column_id !== column.id),
        personWipBreach({ name: actor.name, wipLimit: actor.wip_limit }, puller.wipCount, before.column_kind !== 'active'),
      ].filter((b): b is WipBreach => b !== null);
      const decision = wipDecision(breaches, reason);
      if (!decision.allowed) throw wipRefusal(breaches, { caseNumber: item.caseNumber, columnName: column.name });
      const over = breaches
        .map((b) => (b.scope === 'column' ? `kolonnen havde ${b.count} af ${b.limit} sager` : `${b.name} havde ${b.count} af ${b.limit} aktive sager`))
        .join(', ');
      if (item.reopens) return pullFollowUp(item, actor, column, decision.overLimit ? { reason: reason!.trim(), over } : null);
      const key = keyBetween(q.lastKey.get(column.id)!.k, null)!;
      const taken = q.take.run(actor.id, column.id, key, today, item.caseId, before.column_id).changes;
      if (taken !== 1) throw ApiFailure.of('conflict', 'records.changedMeanwhile');

      const at = ctx.now().toISOString();
      const base = { at, actorId: actor.id, caseId: item.caseId, entity: 'case', entityId: item.caseId };
      appendEvent(db, { ...base, type: 'pulled', field: 'pull_list', from: item.position, to: item.kind, reason: item.reasons.join('; ').slice(0, 2000) });
      if (before.assignee_id !== actor.id) {
        appendEvent(db, { ...base, type: 'assigned', field: 'assignee', from: before.assignee_id, to: actor.id, reason: 'Taget fra pull-listen' });
      }
      const taken_ = `Taget fra pull-listen (${WORK_ITEM_KIND_LABELS[item.kind].toLowerCase()})`;
      appendEvent(db, {
        ...base,
        type: decision.overLimit ? 'moved_over_wip_limit' : 'moved',
        field: 'column',
        from: before.column_id,
        to: column.id,
        // Like a drag over the limit: the caller's reason first, then what the limits were.
        reason: decision.overLimit ? `${reason!.trim()} – ${taken_.charAt(0).toLowerCase()}${taken_.slice(1)}; ${over}` : taken_,
      });
      if (q.pin.get(item.caseId)) {
        q.deletePin.run(item.caseId);
        appendEvent(db, { ...base, type: 'unpinned', field: 'pull_pin', from: 'pinned', to: null, reason: 'Sagen blev taget fra pull-listen' });
      }
      const card = toCard(q.card.get(item.caseId)!);
      return { pulled: true, item, card, columnName: column.name, columnOverLimit: decision.overLimit };
    },

    getFollowUpItem: ({ caseId }) => {
      if (!q.caseState.get(caseId)) throw ApiFailure.of('not_found', 'records.caseNotFound', undefined, { fields: [fieldError('caseId', 'records.caseNotFound')] });
      return { item: followUpItemOf(db, caseId) };
    },

    closeFollowUp: (input, call) => closeFollowUp(ctx, input, call, deadlineFor),

    setRuleWeights: ({ teamId, weights: next }, call) => {
      if (!q.team.get(teamId)) throw ApiFailure.of('not_found', 'records.teamNotFound', undefined, { fields: [fieldError('teamId', 'records.teamNotFound')] });
      const current = weights(db, teamId).weights;
      const at = ctx.now().toISOString();
      for (const rule of PULL_RULES) {
        q.setWeight.run(teamId, rule, next[rule]);
        if (current[rule] !== next[rule]) {
          appendEvent(db, {
            at, actorId: call.actorId, entity: 'team', entityId: teamId, type: 'pull_weight_changed', field: rule,
            from: current[rule], to: next[rule], reason: `Vægt for ${PULL_RULE_LABELS[rule].toLowerCase()}`,
          });
        }
      }
      return weights(db, teamId).weights;
    },

    setPin: ({ caseId, pinned }, call) => {
      const state = q.caseState.get(caseId);
      if (!state) throw ApiFailure.of('not_found', 'records.caseNotFound', undefined, { fields: [fieldError('caseId', 'records.caseNotFound')] });
      const isPinned = q.pin.get(caseId) !== undefined;
      if (isPinned === pinned) return { caseId, pinned };
      const at = ctx.now().toISOString();
      if (pinned) {
        if (!pullListFor(db, state.team_id, ctx.today()).items.some((i) => i.caseId === caseId)) {
          throw ApiFailure.of('invalid_input', 'pullList.notOnList', undefined, { fields: [fieldError('caseId', 'pullList.notOnListField')] });
        }
        q.insertPin.run(caseId, state.team_id, call.actorId, at);
      } else {
        q.deletePin.run(caseId);
      }
      appendEvent(db, {
        at, actorId: call.actorId, caseId, entity: 'case', entityId: caseId, type: pinned ? 'pinned' : 'unpinned',
        field: 'pull_pin', from: pinned ? null : 'pinned', to: pinned ? 'pinned' : null, reason: null,
      });
      return { caseId, pinned };
    },

    savePriorityTag: (input, call) => savePriorityTag(ctx, input, call),

    deletePriorityTag: ({ tagId }, call) => deletePriorityTag(ctx, tagId, call),

    listProcessingTimes: () => {
      const rows = q.processingTimes.all();
      const stored = new Map(rows.map((r) => [r.paragraph, r]));
      const codes = [...new Set([...PARAGRAPHS.map((p) => p.code), ...stored.keys()])].sort(compareParagraphs);
      return codes.map((code) => {
        const info = paragraphInfo(code);
        const row = stored.get(code);
        const defaultWeeks = info ? info.processingWeeks : 8;
        return {
          paragraph: code,
          label: info?.label ?? '',
          weeks: row ? row.processing_weeks : defaultWeeks,
          defaultWeeks,
          updatedAt: row?.updated_at ?? null,
          updatedByName: row?.updated_by_name ?? null,
        };
      });
    },

    setProcessingTime: ({ paragraph, weeks }, call) => {
      const row = q.processingTime.get(paragraph);
      const previous = row ? row.processing_weeks : (paragraphInfo(paragraph)?.processingWeeks ?? 8);
      const at = ctx.now().toISOString();
      q.setProcessingTime.run(paragraph, weeks, at, call.actorId);
      const casesUpdated = q.moveDeadlines.run({ weeks, paragraph }).changes;
      appendEvent(db, {
        at, actorId: call.actorId, entity: 'paragraph', entityId: null, type: 'processing_time_changed', field: paragraph,
        from: previous, to: weeks,
        reason: `Sagsbehandlingsfrist for ${formatParagraph(paragraph)}: ${weeks === null ? 'ingen' : `${weeks} uger`}; ${casesUpdated} åbne sager fik ny frist`,
      });
      return { paragraph, weeks, casesUpdated };
    },

    listCompetences: ({ teamId }) => {
      if (!q.team.get(teamId)) throw ApiFailure.of('not_found', 'records.teamNotFound', undefined, { fields: [fieldError('teamId', 'records.teamNotFound')] });
      const people = new Map<number, { personId: number; name: string; initials: string; role: PersonRow['role']; paragraphs: string[] }>();
      for (const r of q.teamCompetences.all(teamId)) {
        let person = people.get(r.id);
        if (!person) people.set(r.id, (person = { personId: r.id, name: r.name, initials: r.initials, role: r.role, paragraphs: [] }));
        if (r.paragraph !== null) person.paragraphs.push(r.paragraph);
      }
      for (const person of people.values()) person.paragraphs.sort(compareParagraphs);
      return {
        paragraphs: q.teamParagraphs.all(teamId).map((r) => r.paragraph),
        people: [...people.values()],
      };
    },

    setCompetences: ({ personId, paragraphs }, call) => {
      const person = q.person.get(personId);
      if (!person) throw ApiFailure.of('not_found', 'records.employeeNotFound', undefined, { fields: [fieldError('personId', 'general.notFound')] });
      const before = competencesOf(personId);
      const after = [...new Set(paragraphs)].sort(compareParagraphs);
      q.deleteCompetences.run(personId);
      for (const p of after) q.insertCompetence.run(personId, p);
      if (before.join(',') !== after.join(',')) {
        appendEvent(db, {
          at: ctx.now().toISOString(), actorId: call.actorId, entity: 'person', entityId: personId, type: 'competences_changed',
          field: 'competences', from: before.map(formatParagraph).join(', '), to: after.map(formatParagraph).join(', '), reason: null,
        });
      }
      return { personId, paragraphs: after };
    },
  };
}
