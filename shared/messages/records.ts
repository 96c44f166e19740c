// Refusals about records that do not exist (any longer) or were changed meanwhile, shared by the services.
import type { MessageText } from './types';

export const recordMessages = {
  'records.teamNotFound': { da: 'Teamet findes ikke.', en: 'The team does not exist.' },
  'records.caseNotFound': { da: 'Sagen findes ikke.', en: 'The case does not exist.' },
  'records.caseNumberNotFound': { da: 'Sag {caseNumber} findes ikke.', en: 'Case {caseNumber} does not exist.' },
  'records.columnNotFound': { da: 'Kolonnen findes ikke.', en: 'The column does not exist.' },
  'records.personNotFound': { da: 'Personen findes ikke.', en: 'The person does not exist.' },
  'records.employeeNotFound': { da: 'Medarbejderen findes ikke.', en: 'The employee does not exist.' },
  'records.grantNotFound': { da: 'Bevillingen findes ikke.', en: 'The grant does not exist.' },
  'records.sprintNotFound': { da: 'Sprinten findes ikke.', en: 'The sprint does not exist.' },
  'records.planNotFound': { da: 'Handleplanen findes ikke.', en: 'The action plan does not exist.' },
  'records.goalNotFound': { da: 'Målet findes ikke.', en: 'The goal does not exist.' },
  'records.actionNotFound': { da: 'Handlingen findes ikke.', en: 'The action does not exist.' },
  'records.kpiNotFound': { da: 'Nøgletallet findes ikke.', en: 'The key figure does not exist.' },
  'records.investmentNotFound': { da: 'Investeringscasen findes ikke.', en: 'The investment case does not exist.' },
  'records.priorityNotFound': { da: 'Prioriteten findes ikke.', en: 'The priority does not exist.' },
  'records.meetingNotFound': { da: 'Mødet findes ikke.', en: 'The meeting does not exist.' },
  'records.unknownPerson': { da: 'Ukendt person.', en: 'Unknown person.' },
  'records.alreadyExists': { da: 'Findes allerede.', en: 'Already exists.' },
  'records.actorGone': { da: 'Den valgte bruger findes ikke (længere). Vælg, hvem du er, igen.', en: 'The chosen user does not exist (any longer). Choose who you are again.' },
  'records.changedMeanwhile': { da: 'Sagen blev ændret samtidig. Prøv igen.', en: 'The case was changed at the same time. Try again.' },
  'records.noCaseContent': { da: 'Du har ikke adgang til sagernes indhold.', en: 'You do not have access to the contents of the cases.' },
  'records.otherTeamsCase': { da: 'Sagen hører til et andet team.', en: 'The case belongs to another team.' },
} as const satisfies Record<string, MessageText>;
