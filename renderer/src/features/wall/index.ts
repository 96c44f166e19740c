import { lazy } from 'react';
import type { Feature } from '../types';
import { da, en } from './translations';

export const wallFeature: Feature = {
  views: [
    { id: 'standup', labelKey: 'wall:nav', component: lazy(() => import('./StandupView')), order: 80, standalone: true },
    { id: 'lan', labelKey: 'wall:lanNav', component: lazy(() => import('./LanView')), order: 95 },
  ],
  translations: { namespace: 'wall', da, en },
};
