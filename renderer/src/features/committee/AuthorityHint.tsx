// Beside the grant editor's "what if": tells the caseworker before saving that the draft is above
// their grant authority and will go to the visitation committee instead of becoming active.
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useDraftAnswer } from '../../components/useDraftAnswer';
import type { GrantDraftNoteProps } from '../types';
import './awaiting.css';

export default function AuthorityHint({ caseId, grantId, fields }: GrantDraftNoteProps) {
  const { t } = useTranslation('committee');
  const { answer: check } = useDraftAnswer(
    fields ? () => api.checkGrantAuthority({ caseId, ...(grantId !== undefined ? { grantId } : {}), grant: fields }) : null,
    JSON.stringify([caseId, grantId, fields]),
  );
  if (!check || check.within) return null;
  return (
    <div data-feature="committee" className="authority-hint span-2" role="status" data-testid="authority-hint">
      <strong>{t('hint.title')}</strong>
      <ul>{check.breaches.map((b) => <li key={b}>{b}</li>)}</ul>
    </div>
  );
}
