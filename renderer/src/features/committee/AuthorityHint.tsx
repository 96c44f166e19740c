// Beside the grant editor's "what if": tells the caseworker before saving that the draft is above
// their grant authority and will go to the visitation committee instead of becoming active.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthorityCheck } from '../../../../shared/api/methods/committee';
import { api } from '../../api/client';
import type { GrantDraftNoteProps } from '../types';
import './awaiting.css';

export default function AuthorityHint({ caseId, grantId, fields }: GrantDraftNoteProps) {
  const { t } = useTranslation('committee');
  const [check, setCheck] = useState<AuthorityCheck | null>(null);
  useEffect(() => {
    if (!fields) {
      setCheck(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void api.checkGrantAuthority({ caseId, ...(grantId !== undefined ? { grantId } : {}), grant: fields }).then((r) => {
        if (current && r.ok) setCheck(r.value);
      });
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [caseId, grantId, fields]);
  if (!check || check.within) return null;
  return (
    <div className="authority-hint span-2" role="status" data-testid="authority-hint">
      <strong>{t('hint.title')}</strong>
      <ul>{check.breaches.map((b) => <li key={b}>{b}</li>)}</ul>
    </div>
  );
}
