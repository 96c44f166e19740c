import { lazy } from 'react';
import type { Feature } from '../types';
import { awaitingCommitteeBadge } from './awaiting';
import { da, en } from './translations';

export const committeeFeature: Feature = {
  views: [{ id: 'committee', labelKey: 'committee:nav', component: lazy(() => import('./CommitteeView')), order: 50, requires: 'listMeetings' }],
  translations: { namespace: 'committee', da, en },
  slots: {
    cardBadges: [awaitingCommitteeBadge],
    // Inside the grants section: a draft above the caseworker's authority goes to the committee.
    grantDraftNotes: [{ id: 'authority-hint', order: 10, component: lazy(() => import('./AuthorityHint')) }],
    grantSections: [{ id: 'case-committee', order: 10, component: lazy(() => import('./CaseCommitteeSection')) }],
  },
};
