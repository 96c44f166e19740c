// The event log's types in words, Danish and English: the card history, the audit log and its
// export show these, never the stored identifier. A test scans db/ and electron/ for every type
// written and fails when one has no words here.
import { SPRINT_EVENTS } from './sprints';

export type EventLocale = 'da' | 'en';

interface Words {
  da: string;
  en: string;
}

const SPRINT_WORDS: Record<(typeof SPRINT_EVENTS)[keyof typeof SPRINT_EVENTS], Words> = {
  sprint_created: { da: 'Sprint oprettet', en: 'Sprint created' },
  sprint_committed: { da: 'Lagt i sprint', en: 'Committed to a sprint' },
  sprint_uncommitted: { da: 'Taget ud af sprint', en: 'Taken out of a sprint' },
  sprint_carried_over: { da: 'Ført videre til næste sprint', en: 'Carried over to the next sprint' },
  sprint_returned: { da: 'Sendt tilbage fra sprint', en: 'Returned from a sprint' },
  sprint_closed: { da: 'Sprint afsluttet', en: 'Sprint closed' },
};

export const EVENT_TYPE_WORDS: Readonly<Record<string, Words>> = {
  account_created: { da: 'Konto oprettet', en: 'Account created' },
  account_disabled: { da: 'Konto spærret', en: 'Account disabled' },
  account_enabled: { da: 'Konto genåbnet', en: 'Account enabled' },
  account_set_up: { da: 'Konto taget i brug', en: 'Account set up' },
  assessed: { da: 'VUM-vurdering gemt', en: 'VUM assessment saved' },
  assigned: { da: 'Tildelt', en: 'Assigned' },
  assigned_over_wip_limit: { da: 'Tildelt over WIP-grænsen', en: 'Assigned over the WIP limit' },
  authority_limit_changed: { da: 'Kompetencegrænse ændret', en: 'Authority limit changed' },
  authority_limit_created: { da: 'Kompetencegrænse oprettet', en: 'Authority limit created' },
  authority_limit_deleted: { da: 'Kompetencegrænse slettet', en: 'Authority limit deleted' },
  awaiting_committee: { da: 'Sendt til udvalget', en: 'Sent to the committee' },
  block_categorized: { da: 'Blokering kategoriseret', en: 'Block categorised' },
  blocked: { da: 'Blokeret', en: 'Blocked' },
  blocker_category_added: { da: 'Blokeringskategori tilføjet', en: 'Blocker category added' },
  blocker_category_changed: { da: 'Blokeringskategori ændret', en: 'Blocker category changed' },
  budget_set: { da: 'Budget fastsat', en: 'Budget set' },
  calendar_changed: { da: 'Kalender ændret', en: 'Calendar changed' },
  call_refused: { da: 'Handling afvist', en: 'Action refused' },
  campaign_started: { da: 'Revisitationskampagne startet', en: 'Revisitation campaign started' },
  caseload_weight_changed: { da: 'Sagstalsvægt ændret', en: 'Caseload weight changed' },
  class_changed: { da: 'Serviceklasse ændret', en: 'Class of service changed' },
  column_added: { da: 'Kolonne tilføjet', en: 'Column added' },
  column_kind_changed: { da: 'Kolonnetype ændret', en: 'Column type changed' },
  column_limit_changed: { da: 'WIP-grænse ændret', en: 'WIP limit changed' },
  column_moved: { da: 'Kolonne flyttet', en: 'Column moved' },
  column_removed: { da: 'Kolonne fjernet', en: 'Column removed' },
  column_renamed: { da: 'Kolonne omdøbt', en: 'Column renamed' },
  column_work_changed: { da: 'Kolonne regnet som arbejde eller ventetid', en: 'Column counted as work or waiting' },
  committee_decided: { da: 'Afgjort i udvalget', en: 'Decided by the committee' },
  competences_changed: { da: 'Kompetencer ændret', en: 'Competences changed' },
  created: { da: 'Oprettet', en: 'Created' },
  decided: { da: 'Afgjort', en: 'Decided' },
  deleted: { da: 'Slettet', en: 'Deleted' },
  device_approved: { da: 'Enhed godkendt', en: 'Device approved' },
  device_revoked: { da: 'Enhed frakoblet', en: 'Device revoked' },
  erased: { da: 'Borgerens oplysninger slettet', en: "Citizen's details erased" },
  first_administrator: { da: 'Første administrator oprettet', en: 'First administrator created' },
  follow_up_closed: { da: 'Opfølgning afsluttet', en: 'Follow-up closed' },
  grant_added: { da: 'Bevilling tilføjet', en: 'Grant added' },
  grant_changed: { da: 'Bevilling ændret', en: 'Grant changed' },
  grant_created: { da: 'Bevilling oprettet', en: 'Grant created' },
  grant_ended: { da: 'Bevilling afsluttet', en: 'Grant ended' },
  grant_removed: { da: 'Bevilling fjernet', en: 'Grant removed' },
  imported: { da: 'Import', en: 'Import' },
  meeting_closed: { da: 'Udvalgsmøde afsluttet', en: 'Committee meeting closed' },
  meeting_planned: { da: 'Udvalgsmøde planlagt', en: 'Committee meeting planned' },
  move_undone: { da: 'Flytning fortrudt', en: 'Move undone' },
  moved: { da: 'Flyttet', en: 'Moved' },
  moved_over_wip_limit: { da: 'Flyttet over WIP-grænsen', en: 'Moved over the WIP limit' },
  notes_changed: { da: 'Noter ændret', en: 'Notes changed' },
  pairing_failed: { da: 'Parring af skærm mislykkedes', en: 'Screen pairing failed' },
  password_changed: { da: 'Adgangskode skiftet', en: 'Password changed' },
  password_reset: { da: 'Adgangskode nulstillet', en: 'Password reset' },
  pinned: { da: 'Fastgjort på pull-listen', en: 'Pinned on the pull list' },
  plan_created: { da: 'Handleplan oprettet', en: 'Action plan created' },
  priority_tag_changed: { da: 'Prioritetsmærke ændret', en: 'Priority tag changed' },
  priority_tag_created: { da: 'Prioritetsmærke oprettet', en: 'Priority tag created' },
  priority_tag_deleted: { da: 'Prioritetsmærke slettet', en: 'Priority tag deleted' },
  processing_time_changed: { da: 'Sagsbehandlingstid ændret', en: 'Processing time changed' },
  proposal_withdrawn: { da: 'Indstilling trukket tilbage', en: 'Proposal withdrawn' },
  pull_weight_changed: { da: 'Pull-listens vægt ændret', en: 'Pull list weight changed' },
  pulled: { da: 'Taget fra pull-listen', en: 'Pulled from the pull list' },
  recommendation_saved: { da: 'Indstilling gemt', en: 'Recommendation saved' },
  redacted: { da: 'CPR-nummer fjernet', en: 'CPR number removed' },
  reordered: { da: 'Omprioriteret', en: 'Reordered' },
  restored: { da: 'Sikkerhedskopi gendannet', en: 'Backup restored' },
  review_decision_added: { da: 'Beslutning fra flowmødet', en: 'Flow review decision' },
  review_note_added: { da: 'Note fra flowmødet', en: 'Flow review note' },
  revisitation_added: { da: 'Sat til revisitation', en: 'Added for revisitation' },
  revisitation_removed: { da: 'Taget af revisitation', en: 'Removed from revisitation' },
  saved_view_added: { da: 'Gemt visning oprettet', en: 'Saved view added' },
  saved_view_changed: { da: 'Gemt visning ændret', en: 'Saved view changed' },
  saved_view_deleted: { da: 'Gemt visning slettet', en: 'Saved view deleted' },
  service_level_changed: { da: 'Serviceniveau ændret', en: 'Service level changed' },
  session_ended: { da: 'Session afsluttet', en: 'Session ended' },
  setup_code_renewed: { da: 'Ny opsætningskode', en: 'Set-up code renewed' },
  sign_in_failed: { da: 'Mislykket log ind', en: 'Failed sign-in' },
  signed_in: { da: 'Logget ind', en: 'Signed in' },
  signed_out: { da: 'Logget ud', en: 'Signed out' },
  takst_price_changed: { da: 'Takst ændret', en: 'Takst changed' },
  unblocked: { da: 'Blokering ophævet', en: 'Unblocked' },
  unpinned: { da: 'Fastgørelse ophævet', en: 'Unpinned' },
  updated: { da: 'Ændret', en: 'Changed' },
  wall_settings_changed: { da: 'Vægskærmens indstillinger ændret', en: 'Wall screen settings changed' },
  ...SPRINT_WORDS,
};

/** The type in words; a type this table does not know yet reads as "Anden hændelse", not as its id. */
export function eventTypeLabel(type: string, locale: EventLocale = 'da'): string {
  return Object.hasOwn(EVENT_TYPE_WORDS, type) ? EVENT_TYPE_WORDS[type]![locale] : locale === 'da' ? 'Anden hændelse' : 'Other event';
}
