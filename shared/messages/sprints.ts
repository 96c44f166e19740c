// What sprints say when a change is refused.
import type { MessageText } from './types';

export const sprintMessages = {
  'sprints.closed': { da: '{name} er afsluttet og kan ikke ændres.', en: '{name} is closed and cannot be changed.' },
  'sprints.closedField': { da: 'Sprinten er afsluttet.', en: 'The sprint is closed.' },
  'sprints.overlap': {
    da: 'Perioden overlapper {name} ({start} – {end}). Et team har én sprint ad gangen.',
    en: 'The period overlaps {name} ({start} – {end}). A team has one sprint at a time.',
  },
  'sprints.overlapField': { da: 'Overlapper {name}.', en: 'Overlaps {name}.' },
  'sprints.caseOtherTeam': { da: 'Sag {caseNumber} hører til et andet team end sprinten.', en: 'Case {caseNumber} belongs to another team than the sprint.' },
  'sprints.caseNotInSprint': { da: 'Sagen er ikke med i sprinten.', en: 'The case is not in the sprint.' },
  'sprints.caseNotInSprintField': { da: 'Ikke med i sprinten.', en: 'Not in the sprint.' },
  'sprints.carryOverTarget': {
    da: 'Ufærdige sager kan kun gå videre til en senere, åben sprint i samme team.',
    en: 'Unfinished cases can only carry over to a later, open sprint in the same team.',
  },
  'sprints.carryOverTargetField': { da: 'Vælg en senere sprint i teamet.', en: 'Choose a later sprint in the team.' },
} as const satisfies Record<string, MessageText>;
