// The audit log names the field an event changed in words, never by its stored name (`takst_dkk`,
// `nextFollowUp`): one list for the audit screen, its export and anything else that shows events.
import { formatParagraph } from './format';

type Words = { da: string; en: string };

export const AUDIT_FIELD_LABELS: Readonly<Record<string, Words>> = {
  column: { da: 'Kolonne', en: 'Column' },
  blocked: { da: 'Blokering', en: 'Blocked' },
  decision: { da: 'Afgørelse', en: 'Decision' },
  assignee: { da: 'Rådgiver', en: 'Caseworker' },
  team: { da: 'Team', en: 'Team' },
  kind: { da: 'Sagstype', en: 'Case type' },
  paragraph: { da: 'Paragraf', en: 'Section' },
  received_date: { da: 'Modtaget', en: 'Received' },
  legal_deadline: { da: 'Frist', en: 'Deadline' },
  citizen: { da: 'Borger', en: 'Citizen' },
  citizen_initials: { da: 'Borgerens initialer', en: 'Citizen’s initials' },
  grant: { da: 'Bevilling', en: 'Grant' },
  name: { da: 'Navn', en: 'Name' },
  file: { da: 'Fil', en: 'File' },
  snapshot: { da: 'Sikkerhedskopi', en: 'Backup' },
  mapping: { da: 'Tilknytning', en: 'Mapping' },
  backup_keep_days: { da: 'Dage med sikkerhedskopier', en: 'Days of backups' },
  active: { da: 'Aktiv', en: 'Active' },
  agenda: { da: 'Dagsorden', en: 'Agenda' },
  assessment: { da: 'Vurdering', en: 'Assessment' },
  category: { da: 'Kategori', en: 'Category' },
  competences: { da: 'Kompetencer', en: 'Competences' },
  counts_as_work: { da: 'Regnes som arbejde', en: 'Counts as work' },
  cpr: { da: 'CPR-nummer', en: 'CPR number' },
  criteria: { da: 'Kriterier', en: 'Criteria' },
  date: { da: 'Dato', en: 'Date' },
  endDate: { da: 'Slutdato', en: 'End date' },
  grants: { da: 'Bevillinger', en: 'Grants' },
  id: { da: 'Nummer', en: 'Number' },
  items: { da: 'Punkter', en: 'Items' },
  label: { da: 'Betegnelse', en: 'Label' },
  login: { da: 'Brugernavn', en: 'User name' },
  max_working_days: { da: 'Højst arbejdsdage', en: 'Working days at most' },
  method: { da: 'Handling', en: 'Action' },
  nextFollowUp: { da: 'Næste opfølgning', en: 'Next follow-up' },
  outcome: { da: 'Udfald', en: 'Outcome' },
  plan: { da: 'Handleplan', en: 'Action plan' },
  position: { da: 'Placering', en: 'Position' },
  pull_list: { da: 'Pull-liste', en: 'Pull list' },
  pull_pin: { da: 'Fastgørelse på pull-listen', en: 'Pin on the pull list' },
  reason: { da: 'Begrundelse', en: 'Reason' },
  session: { da: 'Session', en: 'Session' },
  sprint: { da: 'Sprint', en: 'Sprint' },
  status: { da: 'Status', en: 'Status' },
  tag: { da: 'Prioritetsmærke', en: 'Priority tag' },
  to: { da: 'Til', en: 'To' },
  undo: { da: 'Fortryd', en: 'Undo' },
  version: { da: 'Version', en: 'Version' },
  view: { da: 'Visning', en: 'View' },
  week: { da: 'Uge', en: 'Week' },
  class_of_service: { da: 'Serviceklasse', en: 'Class of service' },
  wip_limit: { da: 'WIP-grænse', en: 'WIP limit' },
  notes: { da: 'Noter', en: 'Notes' },
  takst_dkk: { da: 'Takst', en: 'Rate' },
  takst: { da: 'Takst', en: 'Rate' },
  takstUnit: { da: 'Takstenhed', en: 'Rate unit' },
  quantity: { da: 'Omfang', en: 'Quantity' },
  service: { da: 'Ydelse', en: 'Service' },
  provider: { da: 'Leverandør', en: 'Provider' },
  providerType: { da: 'Leverandørtype', en: 'Provider type' },
  startDate: { da: 'Startdato', en: 'Start date' },
  caseworker: { da: 'Rådgiver', en: 'Caseworker' },
  leader: { da: 'Leder', en: 'Manager' },
  deadline: { da: 'Fristrisiko', en: 'Deadline risk' },
  strategic: { da: 'Strategisk prioritet', en: 'Strategic priority' },
  waiting: { da: 'Ventetid', en: 'Waiting time' },
};

/**
 * The field of an event in words: a known field by its label, a paragraph's caseload weight and a
 * paragraph's processing time by the paragraph; anything else (a free-text key such as a rate's
 * service and provider) as it was written.
 */
export function auditFieldLabel(field: string | null, locale: 'da' | 'en' = 'da'): string {
  if (field === null || field === '') return '';
  const known = AUDIT_FIELD_LABELS[field];
  if (known) return known[locale];
  // A committee decision names the grant it changed by its number, which says nothing to a reader.
  if (/^grant:\d+$/.test(field)) return AUDIT_FIELD_LABELS.grant![locale];
  const weight = /^weight:(.+)$/.exec(field);
  if (weight) return `${locale === 'da' ? 'Vægt for' : 'Weight for'} ${formatParagraph(weight[1]!)}`;
  if (/^\d{1,3}[a-z]?(\.\d{1,2})?(-\d{1,3}[a-z]?)?$/.test(field)) return formatParagraph(field);
  return field;
}
