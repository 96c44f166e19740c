// Redaction, the one exception to the append-only event log. A value an administrator redacts is
// replaced by [fjernet] in its table and in every event that carries it, inside one transaction
// that holds the redaction window open (migration 013: the event log's text columns may change only
// then; who, when, type and links never do). A redaction event records who, when, why and where,
// never the value. Erasing a citizen after the retention period does the same for everything free
// text about them, and gives them a neutral reference; the figures (flow, economy) are untouched.
import { findAllCpr } from '../../shared/cpr';
import type { IsoDate } from '../../shared/domain';
import { ApiFailure, fieldError } from '../../shared/api/envelope';
import type { MessageKey, MessageParams } from '../../shared/messages';
import type { ErasureResult, RedactionResult } from '../../shared/api/methods/privacy';
import type { Db } from '../connection';
import { appendEvent } from '../events';
import type { BoardColumnsRow, CasesRow, CitizensRow, EventsRow } from '../schema';
import { workspaceSetting } from '../settings';

export const REDACTED = '[fjernet]';
export const ERASED_INITIALS = '–';
export const DEFAULT_CITIZEN_RETENTION_YEARS = 5;

/**
 * The columns an administrator may redact: free text people typed, never keys, dates, amounts or
 * codes that figures are computed from.
 */
export const REDACTABLE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  cases: ['notes', 'blocked_reason'],
  assessments: ['note'],
  flow_blocks: ['reason'],
  flow_review_notes: ['text'],
  recommendations: ['target_group', 'vum_summary', 'citizen_wishes', 'internal_alternatives', 'expected_progression'],
  committee_agenda_items: ['note'],
  committee_decisions: ['conditions', 'changes'],
  committee_meetings: ['title'],
  revisitation_campaigns: ['name'],
  sprints: ['name', 'goal', 'review_note'],
  plans: ['title'],
  plan_goals: ['title', 'description'],
  plan_actions: ['title'],
  plan_investments: ['title'],
  priority_tags: ['label'],
  board_columns: ['name'],
  import_profiles: ['name', 'mapping'],
  devices: ['label'],
  events: ['field', 'from_value', 'to_value', 'reason'],
};

const EVENT_TEXT = ['field', 'from_value', 'to_value', 'reason'] as const;
type EventText = (typeof EVENT_TEXT)[number];

export function isRedactable(table: string, column: string): boolean {
  return REDACTABLE_COLUMNS[table]?.includes(column) ?? false;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface Span { start: number; end: number; digits: string }

/**
 * Where the CPR-shaped numbers sit in the text as written. Compatibility characters are folded one
 * by one, and only where folding keeps their length, so positions stay those of the original.
 */
export function cprSpans(text: string): Span[] {
  let folded = '';
  for (const ch of text) {
    const f = ch.normalize('NFKC');
    folded += f.length === ch.length ? f : ch;
  }
  const spans: Span[] = [];
  let from = 0;
  for (const match of findAllCpr(folded)) {
    const start = folded.indexOf(match.text, from);
    if (start < 0) continue;
    const end = start + match.text.length;
    spans.push({ start, end, digits: match.text.replace(/\D/g, '') });
    from = end;
  }
  return spans;
}

/** The text with the numbers (those whose digits are in `only`, or all) replaced by [fjernet]. */
export function replaceCpr(text: string, only?: ReadonlySet<string>): { text: string; replaced: number } {
  const spans = cprSpans(text).filter((s) => !only || only.has(s.digits));
  if (spans.length === 0) return { text, replaced: 0 };
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + REDACTED;
    at = s.end;
  }
  return { text: out + text.slice(at), replaced: spans.length };
}

function withRedactionWindow<T>(db: Db, work: () => T): T {
  // Nested in the dispatcher's write transaction this is a savepoint; alone, its own transaction.
  return db.transaction(() => {
    db.prepare('INSERT INTO redaction_window (id) VALUES (1)').run();
    const result = work();
    db.prepare('DELETE FROM redaction_window').run();
    return result;
  })();
}

/** Rewrites events' text with `rewrite`; returns how many events changed. Call inside the window. */
function rewriteEvents(db: Db, rewrite: (value: string, column: EventText, row: EventRow) => string, where = '1 = 1', params: unknown[] = []): number {
  const rows = db.prepare<unknown[], EventRow>(`SELECT id, case_id, field, from_value, to_value, reason FROM events WHERE ${where}`).all(...params);
  const update = db.prepare('UPDATE events SET field = ?, from_value = ?, to_value = ?, reason = ? WHERE id = ?');
  let changed = 0;
  for (const row of rows) {
    const next = EVENT_TEXT.map((c) => (typeof row[c] === 'string' ? rewrite(row[c], c, row) : row[c]));
    if (next.some((v, i) => v !== row[EVENT_TEXT[i]!])) {
      update.run(...next, row.id);
      changed++;
    }
  }
  return changed;
}

type EventRow = Pick<EventsRow, 'id' | 'case_id' | 'field' | 'from_value' | 'to_value' | 'reason'>;

export interface RedactOptions {
  actorId: number | null;
  reason: string;
  now: Date;
  /** Replace the whole value, not just the CPR-shaped numbers in it. */
  whole?: boolean;
}

export type RedactTarget = { table: string; column: string; rowId: number } | { text: string };

/** `replaced`: how many numbers (or 1 for a whole value) were replaced in the row itself. */
export type RedactResult = RedactionResult;

const refusal = (field: string, key: MessageKey, params?: MessageParams) => ApiFailure.of('invalid_input', key, params, { fields: [fieldError(field, key, params)] });

/**
 * Replaces the CPR-shaped text of one stored value (or the whole value) by [fjernet], in its row and
 * in every event that carries the same number (or the same value), and logs the redaction.
 * `{ text }` redacts a number wherever it appears in the redactable columns and the event log.
 */
export function redactValue(db: Db, target: RedactTarget, options: RedactOptions): RedactResult {
  if ('text' in target) return redactText(db, target.text, options);
  const { table, column, rowId } = target;
  if (!isRedactable(table, column)) {
    throw refusal('column', 'privacy.notRedactable', { target: `${table}.${column}` });
  }
  const row = db.prepare(`SELECT ${quote(column)} AS value${hasColumn(db, table, 'case_id') ? ', case_id' : ''} FROM ${quote(table)} WHERE rowid = ?`).get(rowId) as
    | { value: unknown; case_id?: number | null }
    | undefined;
  if (!row) throw ApiFailure.of('not_found', 'privacy.rowNotFound', undefined, { fields: [fieldError('rowId', 'general.notFound')] });
  const original = typeof row.value === 'string' ? row.value : null;
  if (original === null || original === REDACTED) throw refusal('rowId', 'privacy.emptyOrRemoved');
  const digits = new Set(cprSpans(original).map((s) => s.digits));
  if (!options.whole && digits.size === 0) {
    throw refusal('column', 'privacy.noCprInField');
  }
  const caseId = table === 'cases' ? rowId : (row.case_id ?? null);
  return withRedactionWindow(db, () => {
    const inRow = options.whole ? { text: REDACTED, replaced: 1 } : replaceCpr(original, digits);
    db.prepare(`UPDATE ${quote(table)} SET ${quote(column)} = ? WHERE rowid = ?`).run(inRow.text, rowId);
    const eventsChanged = rewriteEvents(db, (value) => {
      let next = digits.size ? replaceCpr(value, digits).text : value;
      if (options.whole && next !== REDACTED) {
        if (next === original) next = REDACTED;
        // A long text quoted inside another (a reason that repeats the note) goes too.
        else if (original.length >= 20 && next.includes(original)) next = next.split(original).join(REDACTED);
      }
      return next;
    });
    const eventId = appendEvent(db, {
      at: options.now.toISOString(), actorId: options.actorId, caseId, entity: table, entityId: rowId, type: 'redacted', field: column,
      to: `${eventsChanged} ${eventsChanged === 1 ? 'hændelse' : 'hændelser'} ændret`, reason: options.reason,
    });
    return { table, column, rowId, replaced: inRow.replaced, eventsChanged, eventId };
  });
}

function redactText(db: Db, text: string, options: RedactOptions): RedactResult {
  const digits = new Set(cprSpans(text).map((s) => s.digits));
  if (digits.size === 0) throw refusal('text', 'privacy.notCpr');
  return withRedactionWindow(db, () => {
    let replaced = 0;
    for (const [table, columns] of Object.entries(REDACTABLE_COLUMNS)) {
      if (table === 'events' || !tableExists(db, table)) continue;
      for (const column of columns) {
        // Any table's column: the WHERE keeps text only.
        const rows = db.prepare<[], { id: number; value: string }>(`SELECT rowid AS id, ${quote(column)} AS value FROM ${quote(table)} WHERE typeof(${quote(column)}) = 'text' AND length(${quote(column)}) >= 10`).all();
        const update = db.prepare(`UPDATE ${quote(table)} SET ${quote(column)} = ? WHERE rowid = ?`);
        for (const r of rows) {
          const next = replaceCpr(r.value, digits);
          if (next.replaced) {
            update.run(next.text, r.id);
            replaced += next.replaced;
          }
        }
      }
    }
    const eventsChanged = rewriteEvents(db, (value) => replaceCpr(value, digits).text);
    const eventId = appendEvent(db, {
      at: options.now.toISOString(), actorId: options.actorId, entity: 'store', type: 'redacted', field: 'cpr',
      to: `${eventsChanged} ${eventsChanged === 1 ? 'hændelse' : 'hændelser'} ændret`, reason: options.reason,
    });
    return { table: null, column: null, rowId: null, replaced, eventsChanged, eventId };
  });
}

function hasColumn(db: Db, table: string, column: string): boolean {
  return (db.prepare('SELECT 1 FROM pragma_table_info(?) WHERE name = ?').get(table, column) ?? null) !== null;
}

function tableExists(db: Db, table: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
}

// ---- Erasing a citizen ----

/** Free text about a citizen's cases, by table: what an erasure replaces. */
const CASE_FREE_TEXT: Readonly<Record<string, readonly string[]>> = {
  cases: ['notes', 'blocked_reason'],
  assessments: ['note'],
  flow_blocks: ['reason'],
  recommendations: ['target_group', 'vum_summary', 'citizen_wishes', 'internal_alternatives', 'expected_progression'],
  committee_agenda_items: ['note'],
  committee_decisions: ['conditions', 'changes'],
};

/** Event fields whose old and new values are free text (the rest are ids, dates, codes and amounts). */
const FREE_TEXT_EVENT_FIELDS = new Set(['notes', 'blocked', 'blocked_reason', 'blockedReason', 'note', 'citizen_initials', 'initials']);

export function citizenRetentionYears(db: Db): number {
  const raw = workspaceSetting(db, 'citizen_retention_years');
  const years = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(years) && years >= 0 ? years : DEFAULT_CITIZEN_RETENTION_YEARS;
}

export interface EraseOptions {
  actorId: number | null;
  reason: string;
  now: Date;
  today: IsoDate;
}

function yearsBefore(day: IsoDate, years: number): IsoDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y - years, m - 1, d));
  return date.toISOString().slice(0, 10) as IsoDate;
}

/**
 * After the retention period: the citizen's reference becomes SLETTET-<id>, their initials –, and
 * every free text of their cases [fjernet], in the tables and the event log. Refused while a case is
 * open or was closed less than `citizen_retention_years` (default 5) ago.
 */
export function eraseCitizen(db: Db, citizenRef: string, options: EraseOptions): ErasureResult {
  const citizen = db.prepare<[string], Pick<CitizensRow, 'id' | 'ref' | 'initials'>>('SELECT id, ref, initials FROM citizens WHERE ref = ?').get(citizenRef);
  if (!citizen) throw ApiFailure.of('not_found', 'privacy.citizenNotFound', { ref: citizenRef }, { fields: [fieldError('citizenRef', 'general.notFound')] });
  const years = citizenRetentionYears(db);
  const cutoff = yearsBefore(options.today, years);
  const cases = db.prepare<[number], Pick<CasesRow, 'id' | 'case_number'> & Pick<BoardColumnsRow, 'kind'> & { entered: string }>(
    `SELECT c.id, c.case_number, b.kind, substr(c.column_entered_at, 1, 10) AS entered
     FROM cases c JOIN board_columns b ON b.id = c.column_id WHERE c.citizen_id = ? ORDER BY c.case_number`,
  ).all(citizen.id);
  const open = cases.filter((c) => c.kind !== 'done');
  if (open.length) {
    const cases = open.map((c) => c.case_number).join(', ');
    throw open.length === 1 ? refusal('citizenRef', 'privacy.openCase', { cases, years }) : refusal('citizenRef', 'privacy.openCases', { count: open.length, cases, years });
  }
  const recent = cases.filter((c) => c.entered > cutoff);
  if (recent.length) {
    const last = recent.map((c) => c.entered).sort().at(-1)!;
    const allowedFrom = yearsBefore(last, -years);
    throw refusal('citizenRef', 'privacy.recentlyClosed', { cases: recent.map((c) => c.case_number).join(', '), closed: last, years, allowedFrom });
  }
  const newRef = `SLETTET-${citizen.id}`;
  const caseIds = cases.map((c) => c.id);
  return withRedactionWindow(db, () => {
    db.prepare('UPDATE citizens SET ref = ?, initials = ? WHERE id = ?').run(newRef, ERASED_INITIALS, citizen.id);
    let fieldsCleared = 0;
    const marks = caseIds.map(() => '?').join(', ');
    if (caseIds.length) {
      for (const [table, columns] of Object.entries(CASE_FREE_TEXT)) {
        if (!tableExists(db, table)) continue;
        const link = table === 'cases' ? 'id' : 'case_id';
        for (const column of columns) {
          fieldsCleared += db.prepare(`UPDATE ${quote(table)} SET ${quote(column)} = ? WHERE ${link} IN (${marks}) AND ${quote(column)} IS NOT NULL AND ${quote(column)} <> ?`)
            .run(REDACTED, ...caseIds, REDACTED).changes;
        }
      }
    }
    let eventsChanged = caseIds.length
      ? rewriteEvents(db, (value, column, row) => {
        if (column === 'reason') return REDACTED;
        if ((column === 'from_value' || column === 'to_value') && row.field !== null && FREE_TEXT_EVENT_FIELDS.has(row.field)) return REDACTED;
        return value;
      }, `case_id IN (${marks})`, caseIds)
      : 0;
    // The reference may stand anywhere (an import's reason, a lookup); it is distinctive enough to replace everywhere.
    eventsChanged += rewriteEvents(
      db, (value) => value.split(citizen.ref).join(newRef),
      "instr(coalesce(field, '') || ' ' || coalesce(from_value, '') || ' ' || coalesce(to_value, '') || ' ' || coalesce(reason, ''), ?) > 0", [citizen.ref],
    );
    db.prepare('UPDATE access_log SET citizen_ref = ? WHERE citizen_id = ? OR citizen_ref = ?').run(newRef, citizen.id, citizen.ref);
    const eventId = appendEvent(db, {
      at: options.now.toISOString(), actorId: options.actorId, entity: 'citizen', entityId: citizen.id, type: 'erased', field: 'citizen',
      to: `${newRef}: ${cases.length} sager, ${fieldsCleared} felter, ${eventsChanged} hændelser`, reason: options.reason,
    });
    return { citizenId: citizen.id, newRef, cases: cases.length, fieldsCleared, eventsChanged, eventId };
  });
}
