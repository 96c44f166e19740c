import { lazy } from 'react';
import type { Feature } from '../types';

export const boardFeature: Feature = {
  views: [{ id: 'board', labelKey: 'nav.board', component: lazy(() => import('./BoardView')), order: 10 }],
};
