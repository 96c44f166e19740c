// What action plans (handleplaner), their goals and links say when refusing.
import type { MessageText } from './types';

export const planMessages = {
  'plans.ownerNotFound': { da: 'Den ansvarlige findes ikke.', en: 'The person responsible does not exist.' },
  'plans.goalOtherPlan': { da: 'Målet hører til en anden plan.', en: 'The goal belongs to another plan.' },
  'plans.goalOtherPlanField': { da: 'Hører til en anden plan.', en: 'Belongs to another plan.' },
  'plans.caseOtherTeam': { da: 'Sagen hører til et andet team end planen.', en: 'The case belongs to another team than the plan.' },
} as const satisfies Record<string, MessageText>;
