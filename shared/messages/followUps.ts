// What closing a follow-up (opfølgning) or a revisitation says when refused.
import type { MessageText } from './types';

export const followUpMessages = {
  'followUps.notAnItem': {
    da: 'Sagen er ikke en opfølgning eller revisitation og kan ikke afsluttes som en.',
    en: 'The case is not a follow-up or revisitation and cannot be closed as one.',
  },
  'followUps.alreadyClosed.continue': { da: 'Opfølgningen er allerede afsluttet (Fortsættes).', en: 'The follow-up is already closed (Continues).' },
  'followUps.alreadyClosed.change_within_frame': {
    da: 'Opfølgningen er allerede afsluttet (Ændres inden for rammen).',
    en: 'The follow-up is already closed (Changed within the frame).',
  },
  'followUps.alreadyClosed.end': { da: 'Opfølgningen er allerede afsluttet (Afsluttes).', en: 'The follow-up is already closed (Ends).' },
  'followUps.alreadyClosed.revisit': { da: 'Opfølgningen er allerede afsluttet (Revisitation).', en: 'The follow-up is already closed (Revisitation).' },
  'followUps.alreadyClosedField': { da: 'Allerede afsluttet.', en: 'Already closed.' },
  'followUps.noDoneColumn': { da: 'Teamets tavle har ingen afsluttet-kolonne at flytte opfølgningen til.', en: 'The team’s board has no done column to move the follow-up to.' },
  'followUps.needsGrant.change_within_frame.follow_up': {
    da: '"Ændres inden for rammen" kræver en bevilling, men opfølgningen hører ikke til nogen. Vælg Fortsættes eller Revisitation.',
    en: '"Changed within the frame" requires a grant, but the follow-up belongs to none. Choose Continues or Revisitation.',
  },
  'followUps.needsGrant.change_within_frame.revisitation': {
    da: '"Ændres inden for rammen" kræver en bevilling, men revisitationen hører ikke til nogen. Vælg Fortsættes eller Revisitation.',
    en: '"Changed within the frame" requires a grant, but the revisitation belongs to none. Choose Continues or Revisitation.',
  },
  'followUps.needsGrant.end.follow_up': {
    da: '"Afsluttes" kræver en bevilling, men opfølgningen hører ikke til nogen. Vælg Fortsættes eller Revisitation.',
    en: '"Ends" requires a grant, but the follow-up belongs to none. Choose Continues or Revisitation.',
  },
  'followUps.needsGrant.end.revisitation': {
    da: '"Afsluttes" kræver en bevilling, men revisitationen hører ikke til nogen. Vælg Fortsættes eller Revisitation.',
    en: '"Ends" requires a grant, but the revisitation belongs to none. Choose Continues or Revisitation.',
  },
  'followUps.noInterval': {
    da: 'Bevillingen har intet opfølgningsinterval. Sæt det i bevillingen, før opfølgningen afsluttes.',
    en: 'The grant has no follow-up interval. Set it in the grant before the follow-up is closed.',
  },
  'followUps.grantNotStarted': { da: 'Bevillingen begynder først senere og kan ikke afsluttes i dag.', en: 'The grant only begins later and cannot be ended today.' },
  'followUps.grantAlreadyEnds': { da: 'Bevillingen ophører allerede {date}.', en: 'The grant already ends on {date}.' },
  'followUps.noColumnForRevisitation': { da: 'Teamets tavle har ingen kolonne at lægge revisitationen i.', en: 'The team’s board has no column to put the revisitation in.' },
} as const satisfies Record<string, MessageText>;
