import { lazy } from 'react';
import type { Feature } from '../types';
import { da, en } from './translations';

export const pullFeature: Feature = {
  views: [
    { id: 'mine', labelKey: 'pull:navMine', component: lazy(() => import('./MyCasesView')), order: 12, requires: 'getMyCases' },
    { id: 'pull-list', labelKey: 'pull:nav', component: lazy(() => import('./PullListView')), order: 14, requires: 'getPullList' },
  ],
  translations: { namespace: 'pull', da, en },
  slots: {
    // Above the grants: the item says which decided case and grant the grants below belong to.
    caseDetailSections: [{ id: 'follow-up', order: 5, component: lazy(() => import('./FollowUpSection')) }],
  },
};
