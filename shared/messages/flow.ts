// What flow analytics (blocker categories, saved views, column settings) says when refusing.
import type { MessageText } from './types';

export const flowMessages = {
  'flow.categoryNameTaken': { da: 'Der findes allerede en kategori med det navn.', en: 'There is already a category with that name.' },
  'flow.categoryNotFound': { da: 'Kategorien findes ikke.', en: 'The category does not exist.' },
  'flow.blockNotInTeam': { da: 'Blokeringen findes ikke i teamet.', en: 'The blocker does not exist in the team.' },
  'flow.viewNameTaken': { da: 'Der findes allerede en gemt visning med det navn.', en: 'There is already a saved view with that name.' },
  'flow.viewNotFound': { da: 'Visningen findes ikke.', en: 'The view does not exist.' },
  'flow.noCasesForCaseworker': { da: 'Rådgiveren har ingen sager i teamet.', en: 'The caseworker has no cases in the team.' },
  'flow.notInTeamField': { da: 'Findes ikke i teamet.', en: 'Not in the team.' },
} as const satisfies Record<string, MessageText>;
