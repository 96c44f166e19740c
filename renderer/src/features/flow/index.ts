import { lazy } from 'react';
import type { Feature } from '../types';
import { serviceLevelBadge } from './serviceLevels';
import { da, en } from './translations';

export const flowFeature: Feature = {
  views: [
    { id: 'flow', labelKey: 'flow:nav', component: lazy(() => import('./FlowView')), order: 40, requires: 'getFlowDashboard' },
    { id: 'caseload', labelKey: 'flow:navCaseload', component: lazy(() => import('./CaseloadView')), order: 41, requires: 'getCaseload' },
    { id: 'flow-review', labelKey: 'flow:navReview', component: lazy(() => import('./ReviewView')), order: 42, requires: 'getWeeklyReview' },
    { id: 'flow-analytics', labelKey: 'flow:analytics.nav', component: lazy(() => import('./AnalyticsView')), order: 43, requires: 'getDeadlineCompliance' },
  ],
  translations: { namespace: 'flow', da, en },
  slots: { cardBadges: [serviceLevelBadge] },
};
