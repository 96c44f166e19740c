import { lazy } from 'react';
import type { Feature } from '../types';
import { BackupBanner } from './BackupBanner';
import { da, en } from './translations';

export const privacyFeature: Feature = {
  views: [
    { id: 'indsigt', labelKey: 'privacy:navInsight', component: lazy(() => import('./InsightView')), order: 97, requires: 'getAccessLog' },
    { id: 'databeskyttelse', labelKey: 'privacy:navProtection', component: lazy(() => import('./ProtectionView')), order: 98, requires: 'redactValue' },
  ],
  banner: BackupBanner,
  translations: { namespace: 'privacy', da, en },
};
