import { lazy } from 'react';
import type { Feature } from '../types';
import { da, en } from './translations';

export const boardFeature: Feature = {
  views: [{ id: 'board', labelKey: 'nav.board', component: lazy(() => import('./BoardView')), order: 10, requires: 'getBoard' }],
  translations: { namespace: 'board', da, en },
};
