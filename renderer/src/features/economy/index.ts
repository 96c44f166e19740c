import { lazy } from 'react';
import type { Feature } from '../types';
import { da, en } from './translations';

export const economyFeature: Feature = {
  views: [
    { id: 'bottom-line', labelKey: 'economy:nav', component: lazy(() => import('./BottomLineView')), order: 40, requires: 'getBottomLine' },
    { id: 'takst', labelKey: 'economy:navTakst', component: lazy(() => import('./TakstView')), order: 45, requires: 'getTakstResponsibility' },
    { id: 'economy-settings', labelKey: 'economy:navSettings', component: lazy(() => import('./EconomySettingsView')), order: 90, requires: 'setBudget' },
  ],
  translations: { namespace: 'economy', da, en },
  slots: {
    caseDetailSections: [{ id: 'grants', order: 10, component: lazy(() => import('./GrantsSection')) }],
  },
};
