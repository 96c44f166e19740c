// What the pull list and the team's priorities say when a change is refused.
import type { MessageText } from './types';

export const pullListMessages = {
  'pullList.priorityLabelTaken': { da: 'Teamet har allerede en prioritet, der hedder "{label}".', en: 'The team already has a priority called "{label}".' },
  'pullList.nameTaken': { da: 'Navnet er brugt.', en: 'The name is taken.' },
  'pullList.priorityNotInTeam': { da: 'Prioriteten findes ikke på teamet.', en: 'The priority does not exist in the team.' },
  'pullList.notInTeam': {
    da: 'Du er ikke medlem af et team og kan derfor ikke tage sager fra en pull-liste.',
    en: 'You are not a member of a team and so cannot take cases from a pull list.',
  },
  'pullList.noActiveColumn': { da: 'Teamets tavle har ingen aktiv kolonne at tage sagen ind i.', en: 'The team’s board has no active column to take the case into.' },
  'pullList.notOnList': { da: 'Sagen står ikke på pull-listen og kan derfor ikke fastgøres.', en: 'The case is not on the pull list and so cannot be pinned.' },
  'pullList.notOnListField': { da: 'Ikke på pull-listen.', en: 'Not on the pull list.' },
} as const satisfies Record<string, MessageText>;
