// Lists and reports out of the store: the case list, the grants and the audit log, with Danish
// headers, as rows for CSV (shared/importExport.ts) or XLSX (exceljs).
import { writeFileSync } from 'node:fs';
import type { AuditEntry, AuditPage, ExportTable, ExportTableName } from '../shared/api/methods/data';
import { yearlyCost } from '../shared/economics';
import { costInYearOere, splitOere } from '../shared/grantHistory';
import { toKroner, toOere } from '../shared/money';
import { localToday, yearOf } from '../shared/dates';
import type { IsoDate } from '../shared/domain';
import { auditFieldLabel } from '../shared/auditFields';
import { eventTypeLabel } from '../shared/eventTypes';
import { formatParagraph } from '../shared/format';
import { toCsv, xlsxCellValue, type ExportColumn, type ExportRow } from '../shared/importExport';
import type { Db } from './connection';
import type { BoardColumnsRow, CasesRow, CitizensRow, EventsRow, GrantsRow, OrNull, PeopleRow, TeamsRow } from './schema';

export interface AuditFilter {
  actorId?: number;
  from?: string;
  to?: string;
  caseNumber?: string;
  type?: string;
  limit?: number;
  offset?: number;
}

const KIND_LABEL: Record<string, string> = { application: 'Ansøgning', follow_up: 'Opfølgning', complaint: 'Klage', task: 'Opgave' };
const UNIT_LABEL: Record<string, string> = { hour: 'time', day: 'dag', week: 'uge', month: 'måned', year: 'år' };
// How a person signed in (the signed_in event's value), in words.
const SIGN_IN_METHOD_LABEL: Record<string, string> = { password: 'Adgangskode', oidc: 'Single sign-on', desktop: 'Skrivebordsprogram' };
const CLASS_LABEL: Record<string, string> = { urgent: 'Akut', fixed_date: 'Fast dato', standard: 'Standard', can_wait: 'Kan vente' };

/** Ids in from/to become names: columns, teams, people. */
function readableValue(field: string | null, value: string | null, names: { column: Map<string, string>; team: Map<string, string>; person: Map<string, string>; sprint: Map<string, string> }): string | null {
  if (value === null) return null;
  if (field === 'column') return names.column.get(value) ?? value;
  if (field === 'team') return names.team.get(value) ?? value;
  if (field === 'assignee') return names.person.get(value) ?? value;
  if (field === 'sprint') return names.sprint.get(value) ?? value;
  if (field === 'decision') return value === 'approved' ? 'Bevilget' : value === 'rejected' ? 'Afslået' : value;
  if (field === 'method') return SIGN_IN_METHOD_LABEL[value] ?? value;
  return value;
}

/** The audit log: every event, newest first, filtered by person, period (local dates, inclusive), case and type. */
export function queryAudit(db: Db, filter: AuditFilter): AuditPage {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.actorId !== undefined) {
    where.push('e.actor_id = ?');
    params.push(filter.actorId);
  }
  // Timestamps are UTC; a day filter compares with the whole day, generous by the time zone offset.
  if (filter.from) {
    where.push('e.at >= ?');
    params.push(new Date(`${filter.from}T00:00:00`).toISOString());
  }
  if (filter.to) {
    where.push('e.at < ?');
    params.push(new Date(new Date(`${filter.to}T00:00:00`).getTime() + 86_400_000).toISOString());
  }
  if (filter.caseNumber) {
    where.push('e.case_id IN (SELECT id FROM cases WHERE case_number = ?)');
    params.push(filter.caseNumber);
  }
  if (filter.type) {
    where.push('e.type = ?');
    params.push(filter.type);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db.prepare<(string | number)[], { n: number }>(`SELECT COUNT(*) AS n FROM events e ${clause}`).get(...params)!.n;
  const rows = db.prepare<(string | number)[], EventsRow & OrNull<{ actor_name: PeopleRow['name']; case_number: CasesRow['case_number'] }>>(
    `SELECT e.id, e.at, e.actor_id, p.name AS actor_name, e.case_id, c.case_number, e.entity, e.entity_id, e.type, e.field,
            e.from_value, e.to_value, e.reason
     FROM events e LEFT JOIN people p ON p.id = e.actor_id LEFT JOIN cases c ON c.id = e.case_id
     ${clause} ORDER BY e.at DESC, e.id DESC LIMIT ? OFFSET ?`,
  ).all(...params, filter.limit ?? 200, filter.offset ?? 0);
  const pairs = (sql: string) => new Map(db.prepare<[], { id: number; name: string }>(sql).all().map((r) => [String(r.id), r.name]));
  const names = {
    column: pairs(`SELECT b.id, t.name || ': ' || b.name AS name FROM board_columns b JOIN teams t ON t.id = b.team_id`),
    team: pairs('SELECT id, name FROM teams'),
    person: pairs('SELECT id, name FROM people'),
    sprint: pairs('SELECT id, name FROM sprints'),
  };
  const entries: AuditEntry[] = rows.map((r) => ({
    id: r.id, at: r.at, actorId: r.actor_id, actorName: r.actor_name, caseId: r.case_id, caseNumber: r.case_number, entity: r.entity,
    entityId: r.entity_id, type: r.type, field: r.field, fromValue: r.from_value, toValue: r.to_value, reason: r.reason,
    typeLabel: eventTypeLabel(r.type),
    fromText: readableValue(r.field, r.from_value, names),
    toText: readableValue(r.field, r.to_value, names),
  }));
  const types = db.prepare<[], Pick<EventsRow, 'type'>>('SELECT DISTINCT type FROM events ORDER BY type').all().map((t) => t.type);
  return { total, entries, types };
}

/** "23.11.2026 10:00" in the host's local time, for exports read by people. */
function localStamp(iso: string): string {
  const t = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(t.getDate())}.${pad(t.getMonth() + 1)}.${t.getFullYear()} ${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

const ENTITY_LABELS: Record<string, string> = {
  case: 'Sag', grant: 'Bevilling', team: 'Team', person: 'Medarbejder', import: 'Import', import_profile: 'Kolonnetilknytning',
  store: 'Database', workspace: 'Indstilling',
};

export const AUDIT_COLUMNS: ExportColumn[] = [
  { key: 'at', header: 'Tidspunkt' },
  { key: 'actor', header: 'Hvem' },
  { key: 'caseNumber', header: 'Sagsnummer' },
  { key: 'entity', header: 'Hvad' },
  { key: 'type', header: 'Hændelse' },
  { key: 'field', header: 'Felt' },
  { key: 'from', header: 'Fra' },
  { key: 'to', header: 'Til' },
  { key: 'reason', header: 'Begrundelse' },
];

export function auditRows(entries: readonly AuditEntry[]): ExportRow[] {
  return entries.map((e) => ({
    at: localStamp(e.at), actor: e.actorName ?? 'System', caseNumber: e.caseNumber, entity: ENTITY_LABELS[e.entity] ?? e.entity,
    type: e.typeLabel, field: auditFieldLabel(e.field), from: e.fromText, to: e.toText, reason: e.reason,
  }));
}

export function exportTable(db: Db, table: ExportTableName, options: { teamId?: number; filter?: AuditFilter; today?: IsoDate } = {}): ExportTable {
  const team = options.teamId;
  const today = options.today ?? localToday();
  const year = yearOf(today);
  if (table === 'audit') {
    const page = queryAudit(db, { ...options.filter, limit: 1_000_000, offset: 0 });
    return { title: 'Revisionslog', columns: AUDIT_COLUMNS, rows: auditRows(page.entries) };
  }
  if (table === 'cases') {
    const rows = db.prepare<
      number[],
      Pick<CasesRow, 'case_number' | 'kind' | 'paragraph' | 'class_of_service' | 'received_date' | 'legal_deadline' | 'blocked' | 'blocked_reason' | 'column_entered_at'>
        & Pick<CitizensRow, 'ref' | 'initials'>
        & { team: TeamsRow['name']; assignee: PeopleRow['name'] | null; column_name: BoardColumnsRow['name'] }
    >(
      `SELECT c.case_number, z.ref, z.initials, t.name AS team, p.name AS assignee, c.kind, c.paragraph, b.name AS column_name,
              c.class_of_service, c.received_date, c.legal_deadline, c.blocked, c.blocked_reason, c.column_entered_at
       FROM cases c JOIN citizens z ON z.id = c.citizen_id JOIN teams t ON t.id = c.team_id
       JOIN board_columns b ON b.id = c.column_id LEFT JOIN people p ON p.id = c.assignee_id
       ${team !== undefined ? 'WHERE c.team_id = ?' : ''} ORDER BY t.sort_order, c.case_number`,
    ).all(...(team !== undefined ? [team] : []));
    return {
      title: 'Sager',
      columns: [
        { key: 'case_number', header: 'Sagsnummer' }, { key: 'ref', header: 'Borgerreference' }, { key: 'initials', header: 'Initialer' },
        { key: 'team', header: 'Team' }, { key: 'assignee', header: 'Sagsbehandler' }, { key: 'kind', header: 'Sagstype' },
        { key: 'paragraph', header: 'Paragraf' }, { key: 'column_name', header: 'Kolonne' }, { key: 'class', header: 'Serviceklasse' },
        { key: 'received_date', header: 'Modtaget' }, { key: 'legal_deadline', header: 'Frist' }, { key: 'blocked', header: 'Blokeret' },
        { key: 'blocked_reason', header: 'Blokeringsårsag' }, { key: 'column_entered_at', header: 'I kolonnen siden' },
      ],
      rows: rows.map((r) => ({
        ...r, kind: KIND_LABEL[r.kind] ?? r.kind, paragraph: formatParagraph(r.paragraph),
        class: CLASS_LABEL[r.class_of_service] ?? r.class_of_service, blocked: r.blocked === 1,
      })),
    };
  }
  const rows = db.prepare<
    number[],
    Pick<GrantsRow, 'paragraph' | 'service' | 'provider' | 'provider_type' | 'takst' | 'takst_unit' | 'quantity' | 'start_date' | 'end_date' | 'next_follow_up'>
      & Pick<CasesRow, 'case_number'> & { team: TeamsRow['name']; caseworker: PeopleRow['name'] | null }
  >(
    `SELECT c.case_number, t.name AS team, p.name AS caseworker, g.paragraph, g.service, g.provider, g.provider_type, g.takst, g.takst_unit, g.quantity,
            g.start_date, g.end_date, g.next_follow_up
     FROM grants g JOIN cases c ON c.id = g.case_id JOIN teams t ON t.id = c.team_id LEFT JOIN people p ON p.id = c.assignee_id
     ${team !== undefined ? 'WHERE c.team_id = ?' : ''} ORDER BY t.sort_order, c.case_number, g.start_date`,
  ).all(...(team !== undefined ? [team] : []));
  return {
    title: 'Bevillinger',
    columns: [
      { key: 'case_number', header: 'Sagsnummer' }, { key: 'team', header: 'Team' }, { key: 'caseworker', header: 'Sagsbehandler' },
      { key: 'paragraph', header: 'Paragraf' }, { key: 'service', header: 'Ydelse' }, { key: 'provider', header: 'Leverandør' }, { key: 'provider_type', header: 'Leverandørtype' },
      { key: 'takst', header: 'Takst (kr.)' }, { key: 'unit', header: 'Takstenhed' }, { key: 'quantity', header: 'Omfang' },
      { key: 'yearly', header: 'Årlig udgift (kr.)' }, { key: 'start_date', header: 'Start' }, { key: 'end_date', header: 'Slut' },
      { key: 'next_follow_up', header: 'Næste opfølgning' },
      { key: 'spent', header: `Forbrugt ${year} (kr.)` }, { key: 'forecast', header: `Prognose ${year} (kr.)` },
    ],
    rows: rows.map((r) => ({
      ...r, paragraph: formatParagraph(r.paragraph), provider_type: r.provider_type === 'internal' ? 'Intern' : 'Ekstern',
      unit: UNIT_LABEL[r.takst_unit] ?? r.takst_unit,
      yearly: Math.round(yearlyCost({ takst: r.takst, takstUnit: r.takst_unit, quantity: r.quantity }) * 100) / 100,
      // This year's spent (1 January to today) and forecast, in whole øre like the bottom line.
      ...(() => {
        const basis = { takstOere: toOere(r.takst), takstUnit: r.takst_unit, quantity: r.quantity, startDate: r.start_date, endDate: r.end_date };
        const split = splitOere(basis, today);
        return { spent: toKroner(split.spent), forecast: toKroner(costInYearOere(basis, year)) };
      })(),
    })),
  };
}

export function writeCsvFile(path: string, table: ExportTable): void {
  writeFileSync(path, toCsv(table.columns, table.rows), 'utf8');
}

/** One worksheet with a bold, frozen header row and Danish number and date formats. */
export async function xlsxBuffer(table: ExportTable): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Flowtavle';
  const sheet = workbook.addWorksheet(table.title.slice(0, 31) || 'Eksport', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({ header: c.header, key: c.key, width: Math.max(10, Math.min(45, c.header.length + 4)) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(Object.fromEntries(table.columns.map((c) => [c.key, xlsxCellValue(row[c.key])])));
  }
  table.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    const sample = table.rows.find((r) => r[c.key] !== null && r[c.key] !== undefined)?.[c.key];
    if (typeof sample === 'number') column.numFmt = Number.isInteger(sample) ? '#,##0' : '#,##0.00';
    else if (typeof sample === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(sample)) column.numFmt = 'dd.mm.yyyy';
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function writeXlsxFile(path: string, table: ExportTable): Promise<void> {
  writeFileSync(path, await xlsxBuffer(table));
}
