// Import of the case system's extract into the store: decode, parse (shared/import.ts), compare
// with the store by case number, and write everything in one transaction — or nothing when any
// row is wrong. Lookups go through maps loaded once, so 64,000 rows take seconds, not minutes.
import iconv from 'iconv-lite';
import type { ImportCounts, ImportResult, TextEncoding } from '../shared/api/methods/data';
import { addDays } from '../shared/dates';
import type { IsoDate, TakstUnit } from '../shared/domain';
import { formatParagraph } from '../shared/format';
import {
  checkExtractRows, grantKey, initialsOf, MAX_REPORTED_ERRORS, nameKey, parseCsv, sameGrant,
  type ColumnMapping, type ImportCase, type ImportError, type ImportGrant, type ImportProgress,
} from '../shared/import';
import { isXlsx } from '../shared/importSheet';
import { legalDeadlineDays } from '../shared/paragraphs';
import { SORT_GAP } from '../shared/sortKey';
import type { Db } from './connection';
import { appendEvent } from './events';
import { insertGrant, moveCaseGrants, readGrant, removeGrant, reviseGrant, type GrantWrite } from './grants';
import type { BoardColumnsRow, CasesRow, CitizensRow, GrantsRow, PeopleRow, ProcessingTimesRow, TeamsRow } from './schema';
import { createTeam } from './teams';

/** Negative: kibibytes (64 MiB). */
const IMPORT_CACHE_SIZE = -65_536;

/** Valid UTF-8 (with or without BOM) is UTF-8; anything else is read as Windows-1252 (Excel's "CSV"). */
export function decodeExtract(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16le'), encoding: 'utf-16le' };
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'win1252'), encoding: 'windows-1252' };
  }
}

export type ImportOutcome =
  | { ok: true; summary: ImportResult; dryRun: boolean }
  | { ok: false; errors: ImportError[]; totalErrors: number; encoding: TextEncoding; delimiter: string; rows: number };

export interface ImportOptions {
  mapping?: ColumnMapping;
  /** Validate and count, write nothing. */
  dryRun?: boolean;
  actorId: number | null;
  now: Date;
  today: IsoDate;
  fileName?: string;
  /** Told where the import is; the command line prints it on a terminal. */
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * A workbook's bytes reach the host only by mistake: the Data view and the command line read an
 * XLSX extract's first sheet themselves (exceljs loads asynchronously, and the host's import runs
 * inside one synchronous transaction) and send its cells as CSV.
 */
const XLSX_AT_HOST: ImportError = {
  row: 1, column: '', value: '',
  reason: 'Filen er et XLSX-regneark, og her læses kun CSV. Importér regnearket i Flowtavles datavisning eller med kommandolinjens "import FIL.xlsx", som læser det første ark, eller gem det som CSV. Intet er importeret.',
};

type StoreCase = Pick<CasesRow, 'id' | 'case_number' | 'citizen_id' | 'team_id' | 'assignee_id' | 'kind' | 'paragraph' | 'received_date' | 'legal_deadline'>;
type StoreGrant = Pick<
  GrantsRow,
  'id' | 'case_id' | 'paragraph' | 'service' | 'provider' | 'provider_type' | 'takst' | 'takst_unit' | 'quantity' | 'start_date' | 'end_date' | 'next_follow_up'
>;

const toImportGrant = (g: StoreGrant): ImportGrant => ({
  paragraph: g.paragraph, service: g.service, provider: g.provider, providerType: g.provider_type, takst: g.takst,
  takstUnit: g.takst_unit, quantity: g.quantity, startDate: g.start_date, endDate: g.end_date, nextFollowUp: g.next_follow_up,
});

const UNIT_LABEL: Record<TakstUnit, string> = { hour: 'time', day: 'dag', week: 'uge', month: 'måned', year: 'år' };
function describeGrant(g: ImportGrant): string {
  // By hand: toLocaleString is slow enough to matter on 64,000 rows.
  const [int, frac] = g.takst.toFixed(2).split('.') as [string, string];
  const takst = `${int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${frac}`;
  return `${formatParagraph(g.paragraph)} ${g.service}, ${g.provider}: ${takst} kr./${UNIT_LABEL[g.takstUnit]} × ${String(g.quantity).replace('.', ',')} fra ${g.startDate}${g.endDate ? ` til ${g.endDate}` : ''}`;
}

/** Processing weeks per paragraph as the leaders have set them (processing_times), else the catalogue's. */
function processingDays(db: Db): (paragraph: string) => number | null {
  const weeks = new Map(
    db.prepare<[], Pick<ProcessingTimesRow, 'paragraph' | 'processing_weeks'>>('SELECT paragraph, processing_weeks FROM processing_times').all()
      .map((r) => [r.paragraph, r.processing_weeks]),
  );
  return (paragraph) => {
    if (!weeks.has(paragraph)) return legalDeadlineDays(paragraph);
    const w = weeks.get(paragraph)!;
    return w === null ? null : w * 7;
  };
}

/** Decodes, validates and (unless a dry run, or any row is wrong) writes the extract in one transaction. */
export function importExtract(db: Db, bytes: Uint8Array, options: ImportOptions): ImportOutcome {
  if (isXlsx(bytes)) return { ok: false, errors: [XLSX_AT_HOST], totalErrors: 1, encoding: 'utf-8', delimiter: '', rows: 0 };
  const { text, encoding } = decodeExtract(bytes);
  const { onProgress } = options;
  const { rows, delimiter, problem } = parseCsv(text);
  const steps = checkExtractRows(rows, delimiter, problem, options.mapping);
  let step = steps.next();
  for (; !step.done; step = steps.next()) onProgress?.(step.value);
  const parsed = step.value;
  const failure = (errors: ImportError[]): ImportOutcome => ({
    ok: false, errors: errors.slice(0, MAX_REPORTED_ERRORS), totalErrors: errors.length, encoding, delimiter: parsed.delimiter, rows: parsed.rowCount,
  });
  if (parsed.errors.length) return failure(parsed.errors);

  // Nested inside the dispatcher's transaction this is a savepoint; from the CLI, the transaction itself.
  const run = db.transaction((): ImportOutcome => {
    onProgress?.({ phase: 'compare' });
    const plan = new ImportPlan(db, parsed.cases, parsed.hasGrantColumns, options);
    if (plan.errors.length) return failure(plan.errors);
    const summary: ImportResult = {
      ...plan.counts(), encoding, delimiter: parsed.delimiter, rows: parsed.rowCount, cases: parsed.cases.length,
      grants: parsed.cases.reduce((n, c) => n + c.grants.length, 0), newTeams: plan.newTeamNames(), newCaseworkers: plan.newPeopleNames(),
    };
    if (!options.dryRun) {
      onProgress?.({ phase: 'write' });
      plan.apply(summary);
    }
    return { ok: true, summary, dryRun: options.dryRun === true };
  });
  // A large import touches many index pages: a bigger page cache keeps them from spilling to the
  // WAL before the commit (measured here: up to twice as fast on 64,000 rows). Restored afterwards.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${IMPORT_CACHE_SIZE}`);
  try {
    if (db.inTransaction) return run();
    return options.dryRun ? run.deferred() : run.immediate();
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
}

type CaseChange = { field: string; from: string | number | null; to: string | number | null };

class ImportPlan {
  readonly errors: ImportError[] = [];
  private readonly teamIds = new Map<string, number>();
  private readonly firstQueue = new Map<number, number>();
  private readonly people = new Map<string, number>();
  private readonly citizens = new Map<string, { id: number; initials: string }>();
  private readonly cases = new Map<string, StoreCase>();
  private readonly grants = new Map<number, StoreGrant[]>();
  private readonly missingTeams = new Map<string, { name: string; caseworkers: Set<string> }>();
  private readonly missingPeople = new Map<string, { name: string; team: string }>();
  private readonly outcome = new Map<string, 'inserted' | 'updated' | 'unchanged'>();
  private readonly deadlineDays: (paragraph: string) => number | null;

  constructor(
    private readonly db: Db,
    private readonly incoming: ImportCase[],
    private readonly hasGrantColumns: boolean,
    private readonly options: ImportOptions,
  ) {
    this.deadlineDays = processingDays(db);
    for (const t of db.prepare<[], Pick<TeamsRow, 'id' | 'name'>>('SELECT id, name FROM teams').all()) this.teamIds.set(nameKey(t.name), t.id);
    for (const c of db.prepare<[], Pick<BoardColumnsRow, 'team_id' | 'id'>>(`SELECT team_id, id FROM board_columns WHERE kind = 'queue' ORDER BY team_id, position`).all()) {
      if (!this.firstQueue.has(c.team_id)) this.firstQueue.set(c.team_id, c.id);
    }
    // Active people first, so a namesake who has left does not receive the case.
    for (const p of db.prepare<[], Pick<PeopleRow, 'id' | 'name'>>('SELECT id, name FROM people ORDER BY active DESC, id').all()) {
      const key = nameKey(p.name);
      if (!this.people.has(key)) this.people.set(key, p.id);
    }
    for (const z of db.prepare<[], Pick<CitizensRow, 'id' | 'ref' | 'initials'>>('SELECT id, ref, initials FROM citizens').all()) {
      this.citizens.set(z.ref, { id: z.id, initials: z.initials });
    }
    for (const c of db.prepare<[], StoreCase>(
      'SELECT id, case_number, citizen_id, team_id, assignee_id, kind, paragraph, received_date, legal_deadline FROM cases',
    ).all()) this.cases.set(c.case_number, c);
    if (hasGrantColumns) {
      for (const g of db.prepare<[], StoreGrant>(
        `SELECT id, case_id, paragraph, service, provider, provider_type, takst, takst_unit, quantity, start_date, end_date, next_follow_up
         FROM grants ORDER BY id`,
      ).all()) {
        const list = this.grants.get(g.case_id);
        if (list) list.push(g);
        else this.grants.set(g.case_id, [g]);
      }
    }
    this.check();
  }

  private check(): void {
    for (const c of this.incoming) {
      const teamKey = nameKey(c.team);
      const teamId = this.teamIds.get(teamKey);
      if (teamId === undefined) {
        const t = this.missingTeams.get(teamKey) ?? { name: c.team, caseworkers: new Set<string>() };
        if (c.caseworker) t.caseworkers.add(nameKey(c.caseworker));
        this.missingTeams.set(teamKey, t);
      } else if (!this.firstQueue.has(teamId)) {
        this.errors.push({ row: c.row, column: 'team', value: c.team, reason: `${c.team} har ingen køkolonne på tavlen, så nye sager har ingen plads. Tilføj en kolonne af typen kø.` });
        continue;
      }
      if (c.caseworker && !this.people.has(nameKey(c.caseworker)) && !this.missingPeople.has(nameKey(c.caseworker))) {
        this.missingPeople.set(nameKey(c.caseworker), { name: c.caseworker, team: c.team });
      }
      const stored = this.cases.get(c.caseNumber);
      if (!stored) {
        this.outcome.set(c.caseNumber, 'inserted');
        continue;
      }
      const citizen = this.citizens.get(c.citizenRef);
      const changed =
        citizen === undefined || citizen.id !== stored.citizen_id || citizen.initials !== c.citizenInitials ||
        teamId !== stored.team_id || (c.caseworker !== null && this.people.get(nameKey(c.caseworker)) !== stored.assignee_id) ||
        c.kind !== stored.kind || c.paragraph !== stored.paragraph || c.received !== stored.received_date ||
        (this.hasGrantColumns && this.grantChanges(stored.id, c.grants).length > 0);
      this.outcome.set(c.caseNumber, changed ? 'updated' : 'unchanged');
    }
  }

  counts(): ImportCounts {
    const counts = { inserted: 0, updated: 0, unchanged: 0 };
    for (const o of this.outcome.values()) counts[o]++;
    return counts;
  }

  newTeamNames(): string[] {
    return [...this.missingTeams.values()].map((t) => t.name);
  }

  newPeopleNames(): string[] {
    return [...this.missingPeople.values()].map((p) => p.name);
  }

  private grantChanges(caseId: number, incoming: ImportGrant[]) {
    const stored = this.grants.get(caseId) ?? [];
    const byKey = new Map(stored.map((g) => [grantKey(toImportGrant(g)), g]));
    const changes: ({ kind: 'add'; grant: ImportGrant } | { kind: 'change'; id: number; from: ImportGrant; grant: ImportGrant } | { kind: 'remove'; id: number; from: ImportGrant })[] = [];
    const seen = new Set<number>();
    for (const grant of incoming) {
      const match = byKey.get(grantKey(grant));
      if (!match) changes.push({ kind: 'add', grant });
      else {
        seen.add(match.id);
        const from = toImportGrant(match);
        if (!sameGrant(from, grant)) changes.push({ kind: 'change', id: match.id, from, grant });
      }
    }
    for (const g of stored) if (!seen.has(g.id)) changes.push({ kind: 'remove', id: g.id, from: toImportGrant(g) });
    return changes;
  }

  private deadlineFor(received: IsoDate, paragraph: string): IsoDate | null {
    const days = this.deadlineDays(paragraph);
    return days === null ? null : addDays(received, days);
  }

  apply(summary: ImportResult): void {
    const { db, options } = this;
    const at = options.now.toISOString();
    const actorId = options.actorId;
    const reason = `Import${options.fileName ? ` fra ${options.fileName}` : ''}`;
    const today = options.today;

    for (const [key, team] of this.missingTeams) {
      const id = createTeam(db, { name: team.name, caseworkers: team.caseworkers.size, actorId, at, reason });
      this.teamIds.set(key, id);
      const queue = db.prepare<[number], Pick<BoardColumnsRow, 'id'>>(`SELECT id FROM board_columns WHERE team_id = ? AND kind = 'queue' ORDER BY position LIMIT 1`).get(id)!;
      this.firstQueue.set(id, queue.id);
    }
    const usedInitials = new Set(db.prepare<[], Pick<PeopleRow, 'initials'>>('SELECT initials FROM people').all().map((p) => p.initials));
    const insertPerson = db.prepare(`INSERT INTO people (name, initials, role, team_id) VALUES (?, ?, 'caseworker', ?)`);
    for (const [key, person] of this.missingPeople) {
      const base = initialsOf(person.name);
      let initials = base;
      for (let n = 2; usedInitials.has(initials); n++) initials = `${base}${n}`;
      usedInitials.add(initials);
      const teamId = this.teamIds.get(nameKey(person.team))!;
      const id = Number(insertPerson.run(person.name, initials, teamId).lastInsertRowid);
      this.people.set(key, id);
      appendEvent(db, { at, actorId, entity: 'person', entityId: id, type: 'created', field: 'name', to: person.name, reason });
    }

    const insertCitizen = db.prepare('INSERT INTO citizens (ref, initials) VALUES (?, ?)');
    const updateCitizen = db.prepare('UPDATE citizens SET initials = ? WHERE id = ?');
    const insertCase = db.prepare(
      `INSERT INTO cases (case_number, citizen_id, team_id, assignee_id, kind, paragraph, column_id, sort_key, received_date,
         legal_deadline, column_entered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const updateCase = db.prepare(
      `UPDATE cases SET citizen_id = ?, team_id = ?, assignee_id = ?, kind = ?, paragraph = ?, received_date = ?, legal_deadline = ?
       WHERE id = ?`,
    );
    const moveCase = db.prepare('UPDATE cases SET column_id = ?, sort_key = ?, column_entered_at = ? WHERE id = ?');
    const caseColumn = db.prepare<[number], Pick<CasesRow, 'column_id'>>('SELECT column_id FROM cases WHERE id = ?');
    const maxKey = db.prepare<[number], { k: CasesRow['sort_key'] | null }>('SELECT MAX(sort_key) AS k FROM cases WHERE column_id = ?');
    // Grants are written through db/grants.ts, so every imported change has its version and its
    // ledger entry. A new grant is known from its decision date when the extract has one, else
    // from the earlier of its start and the import day (a first import of a backlog must not make
    // the earlier months look empty); a change or removal is known from the import day.
    const write = (knownFrom: IsoDate, event: (grantId: number) => number, description: string, teamId: number): GrantWrite => ({ knownFrom, at, actorId, source: 'import', event, description, teamId });
    const knownFromOf = (g: ImportGrant): IsoDate => {
      if (g.decidedDate) return g.decidedDate < today ? g.decidedDate : today;
      return g.startDate < today ? g.startDate : today;
    };
    const addGrant = (caseId: number, teamId: number, g: ImportGrant) => {
      const description = describeGrant(g);
      insertGrant(db, caseId, {
        paragraph: g.paragraph, service: g.service, provider: g.provider, providerType: g.providerType, takst: g.takst, takstUnit: g.takstUnit,
        quantity: g.quantity, startDate: g.startDate, endDate: g.endDate, nextFollowUp: g.nextFollowUp, followUpMonths: null, supportGoal: null,
      }, write(knownFromOf(g), (id) => appendEvent(db, { at, actorId, caseId, entity: 'grant', entityId: id, type: 'grant_added', field: 'grant', to: description, reason }), description, teamId));
    };

    const lastKeys = new Map<number, number>();
    const nextKey = (columnId: number) => {
      let key = lastKeys.get(columnId);
      if (key === undefined) key = maxKey.get(columnId)!.k ?? 0;
      key += SORT_GAP;
      lastKeys.set(columnId, key);
      return key;
    };
    const citizenIdFor = (c: ImportCase, caseId: number | null): { id: number; change: CaseChange | null } => {
      const known = this.citizens.get(c.citizenRef);
      if (!known) {
        const id = Number(insertCitizen.run(c.citizenRef, c.citizenInitials).lastInsertRowid);
        this.citizens.set(c.citizenRef, { id, initials: c.citizenInitials });
        return { id, change: null };
      }
      if (known.initials !== c.citizenInitials) {
        updateCitizen.run(c.citizenInitials, known.id);
        const change = { field: 'citizen_initials', from: known.initials, to: c.citizenInitials };
        known.initials = c.citizenInitials;
        if (caseId !== null) return { id: known.id, change };
      }
      return { id: known.id, change: null };
    };
    const grantEvents = (caseId: number, teamId: number, changes: ReturnType<ImportPlan['grantChanges']>) => {
      for (const change of changes) {
        if (change.kind === 'add') {
          addGrant(caseId, teamId, change.grant);
        } else if (change.kind === 'change') {
          const g = change.grant;
          const stored = readGrant(db, change.id)!;
          reviseGrant(db, change.id, {
            ...stored, providerType: g.providerType, takst: g.takst, takstUnit: g.takstUnit, quantity: g.quantity, endDate: g.endDate, nextFollowUp: g.nextFollowUp,
          }, write(today, (id) => appendEvent(db, { at, actorId, caseId, entity: 'grant', entityId: id, type: 'grant_changed', field: 'grant', from: describeGrant(change.from), to: describeGrant(g), reason }), describeGrant(g), teamId));
        } else {
          removeGrant(db, change.id, write(today, (id) => appendEvent(db, { at, actorId, caseId, entity: 'grant', entityId: id, type: 'grant_removed', field: 'grant', from: describeGrant(change.from), reason }), describeGrant(change.from), teamId));
        }
      }
    };

    for (const c of this.incoming) {
      const teamId = this.teamIds.get(nameKey(c.team))!;
      const assigneeId = c.caseworker ? this.people.get(nameKey(c.caseworker))! : null;
      const stored = this.cases.get(c.caseNumber);
      if (!stored) {
        const { id: citizenId } = citizenIdFor(c, null);
        const columnId = this.firstQueue.get(teamId)!;
        const caseId = Number(insertCase.run(
          c.caseNumber, citizenId, teamId, assigneeId, c.kind, c.paragraph, columnId, nextKey(columnId), c.received,
          this.deadlineFor(c.received, c.paragraph), today,
        ).lastInsertRowid);
        appendEvent(db, { at, actorId, caseId, entity: 'case', entityId: caseId, type: 'created', field: 'column', to: columnId, reason });
        for (const g of c.grants) addGrant(caseId, teamId, g);
        continue;
      }
      if (this.outcome.get(c.caseNumber) !== 'updated') continue;
      const caseId = stored.id;
      const { id: citizenId, change: citizenChange } = citizenIdFor(c, caseId);
      const changes: CaseChange[] = citizenChange ? [citizenChange] : [];
      const newAssignee = assigneeId ?? stored.assignee_id;
      if (citizenId !== stored.citizen_id) changes.push({ field: 'citizen', from: stored.citizen_id, to: citizenId });
      if (teamId !== stored.team_id) changes.push({ field: 'team', from: stored.team_id, to: teamId });
      if (newAssignee !== stored.assignee_id) changes.push({ field: 'assignee', from: stored.assignee_id, to: newAssignee });
      if (c.kind !== stored.kind) changes.push({ field: 'kind', from: stored.kind, to: c.kind });
      if (c.paragraph !== stored.paragraph) changes.push({ field: 'paragraph', from: stored.paragraph, to: c.paragraph });
      if (c.received !== stored.received_date) changes.push({ field: 'received_date', from: stored.received_date, to: c.received });
      const deadline = c.received !== stored.received_date || c.paragraph !== stored.paragraph
        ? this.deadlineFor(c.received, c.paragraph)
        : stored.legal_deadline;
      if (deadline !== stored.legal_deadline) changes.push({ field: 'legal_deadline', from: stored.legal_deadline, to: deadline });
      updateCase.run(citizenId, teamId, newAssignee, c.kind, c.paragraph, c.received, deadline, caseId);
      for (const change of changes) {
        appendEvent(db, { at, actorId, caseId, entity: 'case', entityId: caseId, type: 'updated', field: change.field, from: change.from, to: change.to, reason });
      }
      if (teamId !== stored.team_id) {
        // The case leaves the old team's board for the new team's first queue.
        const fromColumn = caseColumn.get(caseId)!.column_id;
        const columnId = this.firstQueue.get(teamId)!;
        moveCase.run(columnId, nextKey(columnId), today, caseId);
        appendEvent(db, { at, actorId, caseId, entity: 'case', entityId: caseId, type: 'moved', field: 'column', from: fromColumn, to: columnId, reason: `${reason}: sagen er flyttet til ${c.team}` });
        // Its grants move with it: their cost leaves the old team's bottom line for the new team's.
        moveCaseGrants(db, caseId, { knownFrom: today, at, actorId, source: 'import' });
      }
      if (this.hasGrantColumns) grantEvents(caseId, teamId, this.grantChanges(caseId, c.grants));
    }
    // A re-import that changed nothing leaves no trace either: the store stays byte-for-byte the same.
    if (summary.inserted + summary.updated === 0) return;
    appendEvent(db, {
      at, actorId, entity: 'import', type: 'imported', field: 'file', from: options.fileName ?? null,
      to: JSON.stringify({ inserted: summary.inserted, updated: summary.updated, unchanged: summary.unchanged, rows: summary.rows }),
      reason,
    });
  }
}
