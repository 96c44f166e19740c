import { lazy } from 'react';
import type { Feature } from '../types';
import { da, en } from './translations';

export const wallFeature: Feature = {
  views: [
    { id: 'standup', labelKey: 'wall:nav', component: lazy(() => import('./StandupView')), order: 80, standalone: true },
    { id: 'devices', labelKey: 'wall:devicesNav', component: lazy(() => import('./DevicesView')), order: 95, requires: 'listDevices' },
  ],
  translations: { namespace: 'wall', da, en },
};
