import { lazy } from 'react';
import type { Feature } from '../types';
import { registerCaseOpener } from '../../stores/caseOpener';
import { openCase } from './openCase';
import { da, en } from './translations';

registerCaseOpener(openCase);

export const boardFeature: Feature = {
  views: [{ id: 'board', labelKey: 'nav.board', component: lazy(() => import('./BoardView')), order: 10, requires: 'getBoard' }],
  translations: { namespace: 'board', da, en },
};
