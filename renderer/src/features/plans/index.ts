import { lazy } from 'react';
import type { Feature } from '../types';
import { da, en } from './translations';

export const plansFeature: Feature = {
  views: [
    { id: 'sprint', labelKey: 'plans:nav', component: lazy(() => import('./SprintView')), order: 30, requires: 'listSprints' },
    { id: 'plan', labelKey: 'plans:navPlan', component: lazy(() => import('./PlanView')), order: 60, requires: 'listPlans' },
  ],
  translations: { namespace: 'plans', da, en },
  slots: {
    caseDetailSections: [{ id: 'sprint', order: 20, component: lazy(() => import('./CommitToSprint')) }],
  },
};
