// What the grant committee (visitationsudvalget), its meetings, limits and campaigns say when refusing.
import type { MessageText } from './types';

export const committeeMessages = {
  'committee.ownRights': { da: 'Du kan ikke ændre dine egne rettigheder. Bed din leder om det.', en: 'You cannot change your own rights. Ask your manager to do it.' },
  'committee.otherTeamsCases': {
    da: 'Kun udvalgets medlemmer kan behandle andre teams sager på mødet.',
    en: 'Only the committee’s members can handle other teams’ cases at the meeting.',
  },
  'committee.limitExists': { da: 'Der er allerede en grænse for den rolle eller person og paragraf.', en: 'There is already a limit for that role or person and section.' },
  'committee.limitNotFound': { da: 'Grænsen findes ikke.', en: 'The limit does not exist.' },
  'committee.proposalNotFound': { da: 'Forslaget findes ikke.', en: 'The proposal does not exist.' },
  'committee.withdrawWho': {
    da: 'Kun den, der stillede forslaget, sagens rådgiver eller en leder kan trække det tilbage.',
    en: 'Only the person who made the proposal, the case’s caseworker or a manager can withdraw it.',
  },
  'committee.notAwaiting': { da: 'Forslaget afventer ikke længere udvalget.', en: 'The proposal is no longer awaiting the committee.' },
  'committee.meetingClosed': { da: 'Mødet er afsluttet.', en: 'The meeting is closed.' },
  'committee.alreadyOnAgenda': { da: 'Sag {caseNumber} er allerede på dagsordenen.', en: 'Case {caseNumber} is already on the agenda.' },
  'committee.alreadyOnAgendaField': { da: 'Allerede på dagsordenen.', en: 'Already on the agenda.' },
  'committee.notRevisitation': { da: 'Sagen er ikke tilføjet som revisitation.', en: 'The case has not been added as a revisitation.' },
  'committee.closedNoDecisions': { da: 'Mødet er afsluttet; afgørelser kan ikke ændres.', en: 'The meeting is closed; decisions cannot be changed.' },
  'committee.alreadyDecided': { da: 'Sag {caseNumber} er allerede afgjort på mødet.', en: 'Case {caseNumber} has already been decided at the meeting.' },
  'committee.notOnAgenda': { da: 'Sag {caseNumber} er ikke på mødets dagsorden.', en: 'Case {caseNumber} is not on the meeting’s agenda.' },
  'committee.notOnAgendaField': { da: 'Ikke på dagsordenen.', en: 'Not on the agenda.' },
  'committee.grantMissing': { da: 'Angiv bevillingen, som udvalget godkender den.', en: 'Enter the grant as the committee approves it.' },
  'committee.grantMissingField': { da: 'Mangler.', en: 'Missing.' },
  'committee.changesOnlyWithChanges': { da: 'Ændringer hører kun til "godkendt med ændringer".', en: 'Changes belong only to "approved with changes".' },
  'committee.changesOnlyWithChangesField': { da: 'Kun ved godkendt med ændringer.', en: 'Only when approved with changes.' },
  'committee.grantUnchanged': { da: 'Bevillingen er uændret; vælg "godkendt".', en: 'The grant is unchanged; choose "approved".' },
  'committee.grantUnchangedField': { da: 'Ingen ændringer.', en: 'No changes.' },
  'committee.closeMembersOnly': { da: 'Kun udvalgets medlemmer kan afslutte mødet.', en: 'Only the committee’s members can close the meeting.' },
  'committee.alreadyClosed': { da: 'Mødet er allerede afsluttet.', en: 'The meeting is already closed.' },
  'committee.campaignEmpty': { da: 'Kampagnen vælger ingen bevillinger.', en: 'The campaign selects no grants.' },
  'committee.campaignEmptyField': { da: 'Ingen bevillinger passer.', en: 'No grants match.' },
  'committee.campaignNameTaken': { da: 'Der findes allerede en kampagne med det navn på teamet.', en: 'The team already has a campaign with that name.' },
} as const satisfies Record<string, MessageText>;
