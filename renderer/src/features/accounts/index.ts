import { lazy } from 'react';
import type { Feature } from '../types';
import { da, en } from './translations';

export const accountsFeature: Feature = {
  views: [{ id: 'accounts', labelKey: 'accounts:nav', component: lazy(() => import('./AccountsView')), order: 96, requires: 'listAccounts' }],
  translations: { namespace: 'accounts', da, en },
};
