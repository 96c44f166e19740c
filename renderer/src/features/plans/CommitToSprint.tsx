// "Sprint" in the board's case detail (a slot): which open sprint the case is committed to, and a
// control to commit it to one or take it out.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format';
import { api } from '../../api/client';
import { useLoaded } from '../../components/useLoaded';
import type { CaseDetailSectionProps } from '../types';
import './plans.css';

export default function CommitToSprint({ caseId, teamId }: Pick<CaseDetailSectionProps, 'caseId' | 'teamId'>) {
  const { t } = useTranslation('plans');
  const state = useLoaded(() => api.getCaseSprint({ caseId }), `${caseId}:${teamId}`);
  const [choice, setChoice] = useState<number | ''>('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const data = state.data;

  async function run(call: () => ReturnType<typeof api.commitToSprint>) {
    setBusy(true);
    setError(null);
    const result = await call();
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    state.reload();
  }

  if (state.error) return <p className="plans-error" role="alert">{state.error}</p>;
  if (!data) return <p aria-busy="true">{t('common.loading')}</p>;
  const selected = choice === '' ? data.openSprints.find((s) => s.id !== data.sprint?.id)?.id ?? '' : choice;
  const others = data.openSprints.filter((s) => s.id !== data.sprint?.id);
  return (
    <section data-feature="plans" className="commit-to-sprint" aria-label={t('commit.label')}>
      <p className="commit-status">
        {data.sprint
          ? t('commit.inSprint', { name: data.sprint.name, end: formatDate(data.sprint.endDate) })
          : t('commit.notInSprint')}
      </p>
      <div className="commit-controls">
        {others.length > 0 && (
          <>
            <label>
              <span className="visually-hidden">{t('commit.choose')}</span>
              <select aria-label={t('commit.choose')} value={selected} onChange={(e) => setChoice(Number(e.target.value))}>
                {others.map((s) => (
                  <option key={s.id} value={s.id}>{s.name} ({formatDate(s.startDate)} – {formatDate(s.endDate)})</option>
                ))}
              </select>
            </label>
            <button type="button" className="primary" disabled={busy || selected === ''}
              onClick={() => void run(() => api.commitToSprint({ sprintId: Number(selected), caseId }))}>
              {data.sprint ? t('commit.move') : t('commit.commit')}
            </button>
          </>
        )}
        {data.sprint && (
          <button type="button" disabled={busy} onClick={() => void run(() => api.uncommitFromSprint({ sprintId: data.sprint!.id, caseId }))}>
            {t('commit.uncommit')}
          </button>
        )}
        {data.openSprints.length === 0 && <span className="muted">{t('commit.noSprints')}</span>}
      </div>
      {error && <p className="plans-error" role="alert">{error}</p>}
    </section>
  );
}
