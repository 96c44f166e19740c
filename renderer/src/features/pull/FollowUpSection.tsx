// "Opfølgning" in the board's case detail (a slot): for a follow-up or revisitation item, which
// decided case it follows up (opens that case), its due date, and "Afslut opfølgning" with KL's
// four follow-up codes. After "Ændres inden for rammen" the grant's editor opens on the decided case.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_OUTCOMES, type FollowUpOutcome } from '../../../../shared/followUps';
import { formatDate, formatDateTime } from '../../../../shared/format';
import { api } from '../../api/client';
import { CaseLink } from '../../components/CaseLink';
import { useLoaded } from '../../components/useLoaded';
import { openCase } from '../../stores/caseOpener';
import { requestGrantEditor } from '../../stores/grantEditorRequest';
import { useCan } from '../../stores/permissions';
import type { CaseDetailSectionProps } from '../types';
import './pull.css';

export default function FollowUpSection({ caseId, teamId, onChanged }: Pick<CaseDetailSectionProps, 'caseId' | 'teamId' | 'onChanged'>) {
  const { t, i18n } = useTranslation('pull');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const state = useLoaded(() => api.getFollowUpItem({ caseId }), String(caseId));
  const canClose = useCan('closeFollowUp', teamId);
  const [outcome, setOutcome] = useState<FollowUpOutcome | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  const noteId = useId();
  const item = state.data?.item ?? null;
  if (!item) return null;

  async function close(e: FormEvent) {
    e.preventDefault();
    if (outcome === null) return setError(t('followUp.chooseOutcome'));
    setBusy(true);
    setError(null);
    const result = await api.closeFollowUp({ caseId, outcome, note: note.trim() === '' ? null : note });
    setBusy(false);
    if (!result.ok) return setError(result.error.fields?.[0]?.message ?? result.error.message);
    const editor = result.value.openGrantEditor;
    if (editor) {
      requestGrantEditor(editor.grantId);
      await openCase(teamId, editor.caseId);
      return;
    }
    state.reload();
    onChanged();
  }

  return (
    <section data-feature="pull" className="detail-section follow-up-section" aria-labelledby={headingId} data-testid="follow-up-section">
      <h3 id={headingId}>{t(`followUp.kind.${item.kind}`)}</h3>
      <p data-testid="follow-up-origin">
        {t(`followUp.of.${item.kind}`)} <CaseLink teamId={teamId} caseId={item.originCaseId} caseNumber={item.originCaseNumber} />
      </p>
      <p>{t('followUp.due', { date: formatDate(item.dueDate, locale) })}</p>
      {item.outcome !== null ? (
        <p data-testid="follow-up-outcome">
          {t('followUp.closed', { outcome: t(`followUp.outcomes.${item.outcome}`), date: formatDateTime(item.closedAt ?? '', locale), name: item.closedByName ?? '' })}
          {item.outcomeNote ? ` – ${item.outcomeNote}` : ''}
        </p>
      ) : canClose && (
        <form onSubmit={(e) => void close(e)} noValidate>
          <fieldset>
            <legend>{t('followUp.closeTitle')}</legend>
            {FOLLOW_UP_OUTCOMES.map((o) => (
              <label key={o} className="choice">
                <input type="radio" name={`follow-up-outcome-${caseId}`} value={o} checked={outcome === o} onChange={() => setOutcome(o)} />
                {' '}{t(`followUp.outcomes.${o}`)}
              </label>
            ))}
          </fieldset>
          <label htmlFor={noteId}>{t('followUp.note')}</label>
          <textarea id={noteId} value={note} maxLength={2000} rows={2} onChange={(e) => setNote(e.target.value)} />
          {error && <p className="field-error" role="alert">{error}</p>}
          <button type="submit" disabled={busy}>{busy ? t('followUp.closing') : t('followUp.close')}</button>
        </form>
      )}
    </section>
  );
}
