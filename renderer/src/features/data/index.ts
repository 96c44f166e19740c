import { lazy } from 'react';
import type { Feature } from '../types';
import { da, en } from './translations';

export const dataFeature: Feature = {
  views: [{ id: 'data', labelKey: 'data:nav', component: lazy(() => import('./DataView')), order: 80, requires: 'exportTable' }],
  translations: { namespace: 'data', da, en },
};
