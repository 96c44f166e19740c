// The one home for grant writes (issue 16). The grant editor, the visitation committee's
// decisions, the import and the demo generator all create, change and remove grants here, in
// the caller's transaction, so no change can skip its version or its ledger entry:
// - `grants` holds each grant as it is now (what the board, the pull list and the committee read);
// - `grant_versions` holds every version with the day it is known from (shared/grantHistory.ts);
// - `grant_ledger` holds what each version did to its team's forecast of the year it became known.
// The caller writes its own event(s) through `write.event`, so each feature keeps its wording.
import type { MoverKind } from '../shared/api/methods/economy';
import type { GrantFollowUpSettings } from '../shared/api/methods/grantFields';
import { yearOf } from '../shared/dates';
import type { GrantTerms, IsoDate } from '../shared/domain';
import { describeGrant } from '../shared/economics';
import { costInYearOere, type CostBasisOere } from '../shared/grantHistory';
import { toKroner, toOere, yearlyOere } from '../shared/money';
import type { Db } from './connection';
import { statements } from './statements';
import { appendEvent } from './events';
import type { CasesRow, GrantsRow, GrantVersionsRow } from './schema';

export type GrantSource = 'app' | 'committee' | 'import' | 'demo';

/** A grant's fields as its writers give them; takst in kroner (whole øre). */
export interface GrantContent extends GrantTerms, GrantFollowUpSettings {
  nextFollowUp: IsoDate | null;
}

export interface GrantWrite {
  /** The day the change is known from (clamped so a version is never known before the one it replaces). */
  knownFrom: IsoDate;
  /** Timestamp of the write. */
  at: string;
  actorId: number | null;
  source: GrantSource;
  /** Writes the change's event(s) once the grant id is known; returns the event the ledger entry points to. */
  event?: (grantId: number) => number | null;
  /** What the ledger calls the change; derived from the change when not given. */
  kind?: MoverKind;
  /** The ledger's text for the grant, when the caller has one already (the import, for speed). */
  description?: string;
  /** The case's team, when the caller knows it already (the import, for speed). */
  teamId?: number;
}

export interface StoredGrant extends GrantContent {
  id: number;
  caseId: number;
}

type GrantRow = GrantsRow;
type VersionRow = Pick<GrantVersionsRow, 'id' | 'team_id' | 'known_from' | 'takst_oere' | 'takst_unit' | 'quantity' | 'start_date' | 'end_date'>;

const toStored = (r: GrantRow): StoredGrant => ({
  id: r.id, caseId: r.case_id, paragraph: r.paragraph, service: r.service, provider: r.provider, providerType: r.provider_type,
  takst: r.takst, takstUnit: r.takst_unit, quantity: r.quantity, startDate: r.start_date, endDate: r.end_date,
  nextFollowUp: r.next_follow_up, followUpMonths: r.follow_up_months, supportGoal: r.support_goal,
});

const basisOfVersion = (v: VersionRow): CostBasisOere => ({
  takstOere: v.takst_oere, takstUnit: v.takst_unit, quantity: v.quantity, startDate: v.start_date, endDate: v.end_date,
});
const basisOfContent = (g: GrantContent): CostBasisOere => ({
  takstOere: toOere(g.takst), takstUnit: g.takstUnit, quantity: g.quantity, startDate: g.startDate, endDate: g.endDate,
});

/** The fields that make a new version: everything that prices the grant or says what it is. */
const VERSIONED_FIELDS = ['paragraph', 'service', 'provider', 'providerType', 'takst', 'takstUnit', 'quantity', 'startDate', 'endDate'] as const;

const queries = (db: Db) => ({
  grant: db.prepare<[number], GrantRow>(
    `SELECT id, case_id, paragraph, service, provider, provider_type, takst, takst_unit, quantity, start_date, end_date,
            next_follow_up, follow_up_months, support_goal FROM grants WHERE id = ?`,
  ),
  caseTeam: db.prepare<[number], Pick<CasesRow, 'team_id'>>('SELECT team_id FROM cases WHERE id = ?'),
  caseGrants: db.prepare<[number], Pick<GrantsRow, 'id'>>('SELECT id FROM grants WHERE case_id = ? ORDER BY id'),
  current: db.prepare<[number], VersionRow>(
    `SELECT id, team_id, known_from, takst_oere, takst_unit, quantity, start_date, end_date
     FROM grant_versions WHERE grant_id = ? AND known_until IS NULL`,
  ),
  insertGrant: db.prepare(
    `INSERT INTO grants (case_id, paragraph, service, provider, provider_type, takst, takst_unit, quantity, start_date,
       end_date, next_follow_up, follow_up_months, support_goal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  updateGrant: db.prepare(
    `UPDATE grants SET paragraph = ?, service = ?, provider = ?, provider_type = ?, takst = ?, takst_unit = ?, quantity = ?,
       start_date = ?, end_date = ?, next_follow_up = ?, follow_up_months = ?, support_goal = ? WHERE id = ?`,
  ),
  deleteGrant: db.prepare('DELETE FROM grants WHERE id = ?'),
  closeVersion: db.prepare('UPDATE grant_versions SET known_until = ? WHERE id = ?'),
  insertVersion: db.prepare(
    `INSERT INTO grant_versions (grant_id, case_id, team_id, known_from, known_until, recorded_at, recorded_by, source,
       paragraph, service, provider, provider_type, takst_oere, takst_unit, quantity, start_date, end_date)
     VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  insertLedger: db.prepare(
    `INSERT INTO grant_ledger (event_id, grant_id, case_id, team_id, actor_id, on_date, kind, description, year,
       forecast_effect, yearly_before, yearly_after, version_id, effect_oere, source)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  unversioned: db.prepare<[], Pick<GrantsRow, 'id'>>(
    `SELECT g.id FROM grants g WHERE NOT EXISTS (SELECT 1 FROM grant_versions v WHERE v.grant_id = g.id) ORDER BY g.id`,
  ),
});

export function readGrant(db: Db, grantId: number): StoredGrant | null {
  const row = statements(db, queries).grant.get(grantId);
  return row ? toStored(row) : null;
}

function teamOfCase(db: Db, caseId: number): number {
  const row = statements(db, queries).caseTeam.get(caseId);
  if (!row) throw new Error(`case ${caseId} does not exist`);
  return row.team_id;
}

const canonical = (g: GrantContent): GrantContent => ({ ...g, takst: toKroner(toOere(g.takst)) });

function writeVersion(
  db: Db, grantId: number, caseId: number, teamId: number, g: GrantContent | null, previous: VersionRow | undefined, write: GrantWrite,
  kind: MoverKind, eventId: number | null, description: string, ledgerTeams?: { before: number; after: number },
): void {
  const s = statements(db, queries);
  // A version is never known before the one it replaces: the day only moves forward.
  const knownFrom = previous && previous.known_from > write.knownFrom ? previous.known_from : write.knownFrom;
  if (previous) s.closeVersion.run(knownFrom, previous.id);
  let versionId: number | null = null;
  if (g) {
    versionId = Number(s.insertVersion.run(
      grantId, caseId, teamId, knownFrom, write.at, write.actorId, write.source, g.paragraph, g.service, g.provider,
      g.providerType, toOere(g.takst), g.takstUnit, g.quantity, g.startDate, g.endDate,
    ).lastInsertRowid);
  }
  const year = yearOf(knownFrom);
  const before = previous ? basisOfVersion(previous) : null;
  const after = g ? basisOfContent(g) : null;
  const costBefore = before ? costInYearOere(before, year) : 0;
  const costAfter = after ? costInYearOere(after, year) : 0;
  const ledger = (team: number, effect: number) => s.insertLedger.run(
    eventId, grantId, caseId, team, write.actorId, knownFrom, kind, description, year, toKroner(effect),
    before ? toKroner(yearlyOere(before.takstOere, before.takstUnit, before.quantity)) : null,
    after ? toKroner(yearlyOere(after.takstOere, after.takstUnit, after.quantity)) : null,
    versionId, effect, write.source,
  );
  if (ledgerTeams && ledgerTeams.before !== ledgerTeams.after) {
    // A case moved to another team: the cost leaves one team's forecast and enters the other's.
    ledger(ledgerTeams.before, -costBefore);
    ledger(ledgerTeams.after, costAfter);
  } else {
    ledger(teamId, costAfter - costBefore);
  }
}

/** Creates a grant on a case; returns its id. */
export function insertGrant(db: Db, caseId: number, content: GrantContent, write: GrantWrite): number {
  const s = statements(db, queries);
  const g = canonical(content);
  const teamId = write.teamId ?? teamOfCase(db, caseId);
  const id = Number(s.insertGrant.run(
    caseId, g.paragraph, g.service, g.provider, g.providerType, g.takst, g.takstUnit, g.quantity, g.startDate, g.endDate,
    g.nextFollowUp, g.followUpMonths, g.supportGoal,
  ).lastInsertRowid);
  const eventId = write.event?.(id) ?? null;
  writeVersion(db, id, caseId, teamId, g, undefined, write, write.kind ?? 'new', eventId, write.description ?? describeGrant(g));
  return id;
}

/** Which versioned fields differ between the stored grant and the new content. */
export function changedFields(before: GrantContent, after: GrantContent): (typeof VERSIONED_FIELDS)[number][] {
  const a = canonical(after);
  return VERSIONED_FIELDS.filter((f) => before[f] !== a[f]);
}

/** The ledger's name for a change: a new takst, an earlier end, or another change. */
export function kindOfChange(before: GrantContent, after: GrantContent): MoverKind {
  const fields = changedFields(before, after);
  if (fields.includes('takst')) return 'takst';
  const endedEarlier = fields.length === 1 && fields[0] === 'endDate' && after.endDate !== null && (before.endDate === null || after.endDate < before.endDate);
  return endedEarlier ? 'ended' : 'changed';
}

/**
 * Changes a grant to `content`. A change of what prices or names the grant is a new version and
 * a ledger entry; a change of follow-up or support goal only updates the grant. Returns the
 * grant as it was.
 */
export function reviseGrant(db: Db, grantId: number, content: GrantContent, write: GrantWrite): StoredGrant {
  const s = statements(db, queries);
  const old = readGrant(db, grantId);
  if (!old) throw new Error(`grant ${grantId} does not exist`);
  const g = canonical(content);
  s.updateGrant.run(
    g.paragraph, g.service, g.provider, g.providerType, g.takst, g.takstUnit, g.quantity, g.startDate, g.endDate,
    g.nextFollowUp, g.followUpMonths, g.supportGoal, grantId,
  );
  const versioned = changedFields(old, g).length > 0;
  const eventId = write.event?.(grantId) ?? null;
  if (!versioned) return old;
  const previous = s.current.get(grantId);
  const teamId = write.teamId ?? teamOfCase(db, old.caseId);
  writeVersion(db, grantId, old.caseId, teamId, g, previous, write, write.kind ?? kindOfChange(old, g), eventId, write.description ?? describeGrant(g),
    previous ? { before: previous.team_id, after: teamId } : undefined);
  return old;
}

/** Removes a grant (an import's extract no longer has it): its last version ends and the ledger takes its cost out. */
export function removeGrant(db: Db, grantId: number, write: GrantWrite): StoredGrant {
  const s = statements(db, queries);
  const old = readGrant(db, grantId);
  if (!old) throw new Error(`grant ${grantId} does not exist`);
  const eventId = write.event?.(grantId) ?? null;
  const previous = s.current.get(grantId);
  s.deleteGrant.run(grantId);
  writeVersion(db, grantId, old.caseId, previous?.team_id ?? teamOfCase(db, old.caseId), null, previous, write, write.kind ?? 'ended', eventId, write.description ?? describeGrant(old));
  return old;
}

/**
 * The case has moved to another team (call after updating cases.team_id): each of its grants
 * gets a version in the new team, and the ledger moves its cost from the old team to the new.
 */
export function moveCaseGrants(db: Db, caseId: number, write: GrantWrite): void {
  const s = statements(db, queries);
  const teamId = teamOfCase(db, caseId);
  for (const { id } of s.caseGrants.all(caseId)) {
    const previous = s.current.get(id);
    if (!previous || previous.team_id === teamId) continue;
    const g = readGrant(db, id)!;
    writeVersion(db, id, caseId, teamId, g, previous, write, write.kind ?? 'changed', write.event?.(id) ?? null, describeGrant(g), { before: previous.team_id, after: teamId });
  }
}

/**
 * Gives each grant that has no version one (known from the earlier of its start and `today`),
 * without a ledger entry, as migration 012 does for a store from before it. For stores and test
 * fixtures written with plain SQL.
 */
export function adoptUnversionedGrants(db: Db, today: IsoDate, at = new Date().toISOString()): number {
  const s = statements(db, queries);
  const ids = s.unversioned.all().map((r) => r.id);
  for (const id of ids) {
    const g = readGrant(db, id)!;
    s.insertVersion.run(
      id, g.caseId, teamOfCase(db, g.caseId), g.startDate < today ? g.startDate : today, at, null, 'migration', g.paragraph, g.service,
      g.provider, g.providerType, toOere(g.takst), g.takstUnit, g.quantity, g.startDate, g.endDate,
    );
  }
  return ids.length;
}

// ---------------------------------------------------------------------------------------------
// Saving what the grant editor (and the committee's approval of it) gives: the follow-up
// schedule, one event per changed field, then the version and the ledger entry above.

export type EditedFields = Omit<GrantContent, 'nextFollowUp'>;

export interface EditWrite {
  at: string;
  today: IsoDate;
  actorId: number | null;
  source: 'app' | 'committee';
  reason?: string | null;
}

function addMonthsIso(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The first follow-up: `months` after the start, unless the grant ends before it. */
export function firstFollowUp(startDate: IsoDate, endDate: IsoDate | null, months: number | null): IsoDate | null {
  if (months === null) return null;
  const next = addMonthsIso(startDate, months);
  return endDate !== null && next > endDate ? null : next;
}

type FieldChange = [field: string, from: string | number | null, to: string | number | null];

/** The editor's fields that differ, in the order the event log lists them. */
export function editedChanges(old: StoredGrant, g: EditedFields): FieldChange[] {
  const fields: FieldChange[] = [
    ['paragraph', old.paragraph, g.paragraph],
    ['service', old.service, g.service],
    ['provider', old.provider, g.provider],
    ['providerType', old.providerType, g.providerType],
    ['takst', old.takst, toKroner(toOere(g.takst))],
    ['takstUnit', old.takstUnit, g.takstUnit],
    ['quantity', old.quantity, g.quantity],
    ['startDate', old.startDate, g.startDate],
    ['endDate', old.endDate, g.endDate],
    ['followUpMonths', old.followUpMonths, g.followUpMonths],
    ['supportGoal', old.supportGoal, g.supportGoal],
  ];
  return fields.filter(([, from, to]) => from !== to);
}

/** Creates the grant the editor (or the committee) decided, with its 'grant_created' event. */
export function createEditedGrant(db: Db, caseId: number, g: EditedFields, w: EditWrite): number {
  const description = describeGrant(g);
  return insertGrant(db, caseId, { ...g, nextFollowUp: firstFollowUp(g.startDate, g.endDate, g.followUpMonths) }, {
    knownFrom: w.today, at: w.at, actorId: w.actorId, source: w.source,
    event: (grantId) => appendEvent(db, { at: w.at, actorId: w.actorId, caseId, entity: 'grant', entityId: grantId, type: 'grant_created', field: 'grant', from: null, to: description, reason: w.reason ?? null }),
  });
}

/** Saves the editor's change of a grant: one 'grant_changed' event per field. False when nothing changed. */
export function updateEditedGrant(db: Db, grantId: number, g: EditedFields, w: EditWrite): boolean {
  const old = readGrant(db, grantId);
  if (!old) throw new Error(`grant ${grantId} does not exist`);
  const changed = editedChanges(old, g);
  if (changed.length === 0) return false;
  const scheduleChanged = changed.some(([f]) => f === 'followUpMonths' || f === 'startDate');
  const next = scheduleChanged
    ? firstFollowUp(g.startDate, g.endDate, g.followUpMonths)
    : old.nextFollowUp !== null && g.endDate !== null && old.nextFollowUp > g.endDate ? null : old.nextFollowUp;
  reviseGrant(db, grantId, { ...g, nextFollowUp: next }, {
    knownFrom: w.today, at: w.at, actorId: w.actorId, source: w.source,
    event: () => {
      let first = 0;
      for (const [field, from, to] of changed) {
        const id = appendEvent(db, { at: w.at, actorId: w.actorId, caseId: old.caseId, entity: 'grant', entityId: grantId, type: 'grant_changed', field, from, to, reason: w.reason || null });
        first ||= id;
      }
      return first || null;
    },
  });
  return true;
}

/** Ends a grant on `endDate` (a follow-up that falls after it is dropped), with its 'grant_ended' event. */
export function endEditedGrant(db: Db, grantId: number, endDate: IsoDate, w: EditWrite): void {
  const old = readGrant(db, grantId);
  if (!old) throw new Error(`grant ${grantId} does not exist`);
  const next = old.nextFollowUp !== null && old.nextFollowUp > endDate ? null : old.nextFollowUp;
  reviseGrant(db, grantId, { ...old, endDate, nextFollowUp: next }, {
    knownFrom: w.today, at: w.at, actorId: w.actorId, source: w.source, kind: 'ended',
    event: () => appendEvent(db, { at: w.at, actorId: w.actorId, caseId: old.caseId, entity: 'grant', entityId: grantId, type: 'grant_ended', field: 'endDate', from: old.endDate, to: endDate, reason: w.reason || null }),
  });
}
