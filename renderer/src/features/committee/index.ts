import { lazy } from 'react';
import type { Feature } from '../types';
import { da, en } from './translations';

export const committeeFeature: Feature = {
  views: [{ id: 'committee', labelKey: 'committee:nav', component: lazy(() => import('./CommitteeView')), order: 50, requires: 'listMeetings' }],
  translations: { namespace: 'committee', da, en },
};
