// Follow-up items on the store (shared/followUps.ts, docs/pull-list.md): pulling a decided case's
// follow-up or revisitation opens an item of its own, and "Afslut opfølgning" closes it with an
// outcome that says what happens to the grant. Runs inside the caller's write transaction.
import type { CallContext } from '../../shared/api/define';
import { ApiFailure, fieldError } from '../../shared/api/envelope';
import type { MessageKey, MessageParams } from '../../shared/messages';
import type { CloseFollowUpResult } from '../../shared/api/methods/pullList';
import type { ClassOfService, IsoDate } from '../../shared/domain';
import {
  FOLLOW_UP_OUTCOME_LABELS, followUpCaseNumber, followUpItemDeadline, nextFollowUpAfter,
  type FollowUpEffect, type FollowUpItem, type FollowUpItemKind, type FollowUpOutcome,
} from '../../shared/followUps';
import { paragraphInfo } from '../../shared/paragraphs';
import { keyBetween } from '../../shared/sortKey';
import type { Db } from '../connection';
import { appendEvent } from '../events';
import { endEditedGrant, readGrant, reviseGrant } from '../grants';
import { CARD_SELECT, toCard, type CardRow } from '../rows';
import type { BoardColumnsRow, CasesRow, FollowUpItemsRow, PeopleRow } from '../schema';
import { statements } from '../statements';
import type { ServiceContext } from './context';

/** A paragraph's legal deadline for a case received on a day (the pull list's processing times). */
export type DeadlineFor = (paragraph: string, receivedDate: IsoDate) => IsoDate | null;

type ItemRow = FollowUpItemsRow & { origin_case_number: CasesRow['case_number']; closed_by_name: PeopleRow['name'] | null };

const queries = (db: Db) => ({
  origin: db.prepare<[number], Pick<CasesRow, 'id' | 'case_number' | 'citizen_id' | 'team_id' | 'paragraph'>>(
    'SELECT id, case_number, citizen_id, team_id, paragraph FROM cases WHERE id = ?',
  ),
  itemCount: db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM follow_up_items WHERE origin_case_id = ?'),
  numberTaken: db.prepare<[string], { one: 1 }>('SELECT 1 AS one FROM cases WHERE case_number = ?'),
  insertCase: db.prepare(
    `INSERT INTO cases (case_number, citizen_id, team_id, assignee_id, kind, paragraph, column_id, sort_key, class_of_service,
       received_date, legal_deadline, column_entered_at) VALUES (?, ?, ?, ?, 'follow_up', ?, ?, ?, ?, ?, ?, ?)`,
  ),
  insertItem: db.prepare('INSERT INTO follow_up_items (case_id, origin_case_id, grant_id, kind, due_date) VALUES (?, ?, ?, ?, ?)'),
  // The grant whose follow-up falls due first; a current one (not ended before its follow-up).
  grantDue: db.prepare<{ caseId: number; today: IsoDate }, { id: number }>(`
    SELECT id FROM grants WHERE case_id = :caseId AND next_follow_up IS NOT NULL
      AND (end_date IS NULL OR (end_date >= next_follow_up AND end_date >= :today))
    ORDER BY next_follow_up, id LIMIT 1`),
  item: db.prepare<[number], ItemRow>(`
    SELECT f.case_id, f.origin_case_id, f.grant_id, f.kind, f.due_date, f.outcome, f.outcome_note, f.closed_at, f.closed_by,
           o.case_number AS origin_case_number, p.name AS closed_by_name
    FROM follow_up_items f JOIN cases o ON o.id = f.origin_case_id LEFT JOIN people p ON p.id = f.closed_by
    WHERE f.case_id = ?`),
  firstColumn: db.prepare<[number, BoardColumnsRow['kind']], Pick<BoardColumnsRow, 'id' | 'name'>>(
    'SELECT id, name FROM board_columns WHERE team_id = ? AND kind = ? ORDER BY position LIMIT 1',
  ),
  caseNow: db.prepare<[number], Pick<CasesRow, 'id' | 'team_id' | 'column_id'>>('SELECT id, team_id, column_id FROM cases WHERE id = ?'),
  lastKey: db.prepare<[number], { k: CasesRow['sort_key'] | null }>('SELECT MAX(sort_key) AS k FROM cases WHERE column_id = ?'),
  moveTo: db.prepare('UPDATE cases SET column_id = ?, sort_key = ?, column_entered_at = ? WHERE id = ?'),
  closeItem: db.prepare(
    'UPDATE follow_up_items SET outcome = ?, outcome_note = ?, closed_at = ?, closed_by = ? WHERE case_id = ? AND outcome IS NULL',
  ),
  card: db.prepare<[number], CardRow>(`SELECT ${CARD_SELECT} FROM cases c JOIN citizens z ON z.id = c.citizen_id WHERE c.id = ?`),
});

const toItem = (r: ItemRow): FollowUpItem => ({
  caseId: r.case_id,
  kind: r.kind,
  originCaseId: r.origin_case_id,
  originCaseNumber: r.origin_case_number,
  grantId: r.grant_id,
  dueDate: r.due_date,
  outcome: r.outcome,
  outcomeNote: r.outcome_note,
  closedAt: r.closed_at,
  closedByName: r.closed_by_name,
});

export function followUpItemOf(db: Db, caseId: number): FollowUpItem | null {
  const row = statements(db, queries).item.get(caseId);
  return row ? toItem(row) : null;
}

export interface NewFollowUpItem {
  originCaseId: number;
  kind: FollowUpItemKind;
  /** The follow-up date the pull list showed; null for a revisitation without one. */
  followUpDate: IsoDate | null;
  classOfService: ClassOfService;
  assigneeId: number | null;
  columnId: number;
  today: IsoDate;
  deadlineFor: DeadlineFor;
}

/**
 * Opens a follow-up item of a decided case: a case row of its own (kind 'follow_up', the decided
 * case's citizen, team and paragraph, received today, its deadline the follow-up date) and its
 * follow_up_items row. The decided case is not touched. The caller writes the item's events.
 */
export function openFollowUpItem(db: Db, n: NewFollowUpItem): { caseId: number; caseNumber: string; dueDate: IsoDate } {
  const q = statements(db, queries);
  const origin = q.origin.get(n.originCaseId);
  if (!origin) throw ApiFailure.of('not_found', 'records.caseNotFound', undefined, { fields: [fieldError('caseId', 'records.caseNotFound')] });
  const dueDate = followUpItemDeadline(n.followUpDate, n.today, n.deadlineFor(origin.paragraph, n.today));
  let before = q.itemCount.get(origin.id)!.n;
  let caseNumber = followUpCaseNumber(origin.case_number, before);
  // An imported case may already carry such a number: take the next free one.
  while (q.numberTaken.get(caseNumber)) caseNumber = followUpCaseNumber(origin.case_number, ++before);
  const key = keyBetween(q.lastKey.get(n.columnId)!.k, null)!;
  const caseId = Number(q.insertCase.run(
    caseNumber, origin.citizen_id, origin.team_id, n.assigneeId, origin.paragraph, n.columnId, key, n.classOfService,
    n.today, dueDate, n.today,
  ).lastInsertRowid);
  const grant = q.grantDue.get({ caseId: origin.id, today: n.today });
  q.insertItem.run(caseId, origin.id, grant?.id ?? null, n.kind, dueDate);
  return { caseId, caseNumber, dueDate };
}

const invalid = (key: MessageKey, params?: MessageParams, field = 'outcome') => ApiFailure.of('invalid_input', key, params, { fields: [fieldError(field, key, params)] });

/** "Afslut opfølgning": the outcome's effect on the grant, the item closed and moved to done, in the caller's transaction. */
export function closeFollowUp(
  ctx: ServiceContext,
  { caseId, outcome, note }: { caseId: number; outcome: FollowUpOutcome; note?: string | null | undefined },
  call: CallContext,
  deadlineFor: DeadlineFor,
): CloseFollowUpResult {
  const { db } = ctx;
  const q = statements(db, queries);
  const row = q.item.get(caseId);
  if (!row) throw invalid('followUps.notAnItem', undefined, 'caseId');
  if (row.outcome !== null) {
    throw ApiFailure.of('conflict', `followUps.alreadyClosed.${row.outcome}`, undefined, {
      fields: [fieldError('outcome', 'followUps.alreadyClosedField')],
    });
  }
  const state = q.caseNow.get(caseId)!;
  const done = q.firstColumn.get(state.team_id, 'done');
  if (!done) throw ApiFailure.of('conflict', 'followUps.noDoneColumn');
  const today = ctx.today();
  const at = ctx.now().toISOString();
  const actorId = call.actorId;
  const text = note?.trim() ? note.trim() : null;
  const label = FOLLOW_UP_OUTCOME_LABELS[outcome];
  const grant = row.grant_id === null ? null : readGrant(db, row.grant_id);
  if (grant === null && (outcome === 'change_within_frame' || outcome === 'end')) {
    throw invalid(`followUps.needsGrant.${outcome}.${row.kind}`);
  }

  let effect: FollowUpEffect;
  if (outcome === 'continue' || outcome === 'change_within_frame') {
    let next: IsoDate | null = null;
    if (grant) {
      const months = grant.followUpMonths ?? paragraphInfo(grant.paragraph)?.followUpMonths ?? null;
      if (months === null) throw invalid('followUps.noInterval');
      next = nextFollowUpAfter(grant.nextFollowUp ?? row.due_date, months, today, grant.endDate);
      reviseGrant(db, grant.id, { ...grant, nextFollowUp: next }, {
        knownFrom: today, at, actorId, source: 'app',
        event: () => appendEvent(db, {
          at, actorId, caseId: grant.caseId, entity: 'grant', entityId: grant.id, type: 'grant_changed', field: 'nextFollowUp',
          from: grant.nextFollowUp, to: next, reason: `Opfølgning ${label.toLowerCase()}`,
        }),
      });
    }
    effect = { kind: outcome === 'continue' ? 'next_follow_up' : 'open_grant_editor', nextFollowUp: next };
  } else if (outcome === 'end') {
    const g = grant!;
    if (today < g.startDate) throw invalid('followUps.grantNotStarted');
    if (g.endDate !== null && g.endDate <= today) throw invalid('followUps.grantAlreadyEnds', { date: g.endDate });
    endEditedGrant(db, g.id, today, { at, today, actorId, source: 'app', reason: text ?? `Opfølgning: ${label.toLowerCase()}` });
    effect = { kind: 'grant_ended', endDate: today };
  } else {
    // A new revisitation item, unassigned in the team's queue, so the pull list offers it.
    const column = q.firstColumn.get(state.team_id, 'queue') ?? q.firstColumn.get(state.team_id, 'active');
    if (!column) throw ApiFailure.of('conflict', 'followUps.noColumnForRevisitation');
    const opened = openFollowUpItem(db, {
      originCaseId: row.origin_case_id, kind: 'revisitation', followUpDate: null, classOfService: 'standard',
      assigneeId: null, columnId: column.id, today, deadlineFor,
    });
    appendEvent(db, {
      at, actorId, caseId: opened.caseId, entity: 'case', entityId: opened.caseId, type: 'created', field: 'column', from: null,
      to: column.id, reason: `Revisitation af ${row.origin_case_number}, besluttet ved opfølgningen ${caseNumberOf(db, caseId)}`,
    });
    effect = { kind: 'revisitation_opened', caseId: opened.caseId, caseNumber: opened.caseNumber };
  }

  q.closeItem.run(outcome, text, at, actorId, caseId);
  appendEvent(db, {
    at, actorId, caseId, entity: 'case', entityId: caseId, type: 'follow_up_closed', field: 'outcome', from: null, to: outcome,
    reason: text ? `${label}: ${text}` : label,
  });
  if (state.column_id !== done.id) {
    q.moveTo.run(done.id, keyBetween(q.lastKey.get(done.id)!.k, null)!, today, caseId);
    appendEvent(db, {
      at, actorId, caseId, entity: 'case', entityId: caseId, type: 'moved', field: 'column', from: state.column_id, to: done.id,
      reason: `Opfølgning afsluttet: ${label}`,
    });
  }
  return {
    item: toItem(q.item.get(caseId)!),
    card: toCard(q.card.get(caseId)!),
    columnName: done.name,
    effect,
    openGrantEditor: outcome === 'change_within_frame' ? { grantId: grant!.id, caseId: grant!.caseId } : null,
  };
}

function caseNumberOf(db: Db, caseId: number): string {
  return statements(db, queries).origin.get(caseId)!.case_number;
}
