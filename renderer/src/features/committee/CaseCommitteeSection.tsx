// The committee part of the card detail: a proposal awaiting the committee with the reasons it
// is there and the meeting that takes it, the versioned recommendation (indstilling) the
// caseworker writes, and the committee's decisions on the case.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseCommittee, RecommendationFields, RecommendationVersion } from '../../../../shared/api/methods/committee';
import { formatDate, formatDateTime, formatKroner, formatParagraph } from '../../../../shared/format';
import { VUM_THEMES, VUM_THEME_LABELS } from '../../../../shared/progression';
import { api } from '../../api/client';
import { DateField } from '../../components/DateField';
import { useLoaded } from '../../components/useLoaded';
import type { GrantSectionProps } from '../types';
import './committee.css';

export default function CaseCommitteeSection({ caseId }: GrantSectionProps) {
  const { t, i18n } = useTranslation('committee');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const state = useLoaded<CaseCommittee>(() => api.getCaseCommittee({ caseId }), String(caseId));
  const headingId = useId();
  const s = state.data;
  if (!s) return state.error ? <p className="field-error" role="alert">{state.error}</p> : null;
  const awaiting = s.proposals.filter((p) => p.status === 'awaiting');
  return (
    <section data-feature="committee" className="detail-section cm-case" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('section.title')}</h3>
      {awaiting.map((p) => (
        <div key={p.id} className="cm-awaiting" data-testid="awaiting-proposal">
          <p><span className="badge awaiting-committee">{t('card.awaiting')}</span>{' '}
            <strong>{formatParagraph(p.paragraph)} {p.service}</strong>, {p.takstUnit === 'hour' ? `${p.quantity} t/uge` : `${p.quantity} ×`} à {formatKroner(p.takst, locale)} – {formatKroner(p.yearlyCost, locale)} om året ({p.provider})
          </p>
          {s.awaitingEffect && p.id === awaiting[0]?.id && (
            <p data-testid="awaiting-effect">
              {t('item.effect')}: {t('item.effectText', {
                effect: `${s.awaitingEffect.forecastEffect > 0 ? '+' : ''}${formatKroner(s.awaitingEffect.forecastEffect, locale)}`, year: s.awaitingEffect.year,
                before: formatKroner(s.awaitingEffect.bottomLineBefore, locale), after: formatKroner(s.awaitingEffect.bottomLineAfter, locale),
              })}
            </p>
          )}
          <ul className="cm-breaches">{p.breaches.map((b) => <li key={b}>{b}</li>)}</ul>
          <p className="muted">{s.meeting ? t('section.meeting', { date: formatDate(s.meeting.date, locale) }) : t('section.noMeeting')}</p>
          <button type="button" onClick={() => void api.withdrawProposal({ proposalId: p.id }).then(() => state.reload())}>{t('section.withdraw')}</button>
        </div>
      ))}
      {<RecommendationForm caseId={caseId} versions={s.recommendations} assessment={s.assessment} onSaved={state.reload} />}
      {s.decisions.length > 0 && (
        <>
          <h4>{t('section.decisions')}</h4>
          <ul className="cm-decisions">
            {s.decisions.map((d) => (
              <li key={d.id}>
                <strong>{formatDate(d.meetingDate, locale)}: {t(`outcomes.${d.outcome}`)}</strong>
                {d.changes && <> – {d.changes}</>}
                {d.conditions && <> – {t('decide.conditionsShown', { conditions: d.conditions })}</>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const FIELDS = ['targetGroup', 'vumSummary', 'citizenWishes', 'internalAlternatives', 'expectedProgression'] as const;

function draftOf(v: RecommendationVersion | undefined): Record<(typeof FIELDS)[number] | 'followUpDate', string> {
  return {
    targetGroup: v?.targetGroup ?? '', vumSummary: v?.vumSummary ?? '', citizenWishes: v?.citizenWishes ?? '',
    internalAlternatives: v?.internalAlternatives ?? '', expectedProgression: v?.expectedProgression ?? '', followUpDate: v?.followUpDate ?? '',
  };
}

function RecommendationForm({ caseId, versions, assessment, onSaved }: {
  caseId: number; versions: RecommendationVersion[]; assessment: CaseCommittee['assessment']; onSaved(): void;
}) {
  const { t, i18n } = useTranslation('committee');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const current = versions[0];
  const [draft, setDraft] = useState(() => draftOf(current));
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  // A reload that brings the same version back must not wipe what is being typed.
  useEffect(() => setDraft(draftOf(current)), [current?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const recommendation: RecommendationFields = {
      targetGroup: draft.targetGroup.trim() || null, vumSummary: draft.vumSummary.trim() || null, citizenWishes: draft.citizenWishes.trim() || null,
      internalAlternatives: draft.internalAlternatives.trim() || null, expectedProgression: draft.expectedProgression.trim() || null,
      followUpDate: draft.followUpDate || null,
    };
    const r = await api.saveRecommendation({ caseId, recommendation });
    if (!r.ok) setError(r.error.message);
    else {
      setError(null);
      setMessage(t('rec.saved', { version: r.value.version }));
      onSaved();
    }
  };
  return (
    <details className="cm-rec" open={open || current !== undefined} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>
        {t('rec.title')}
        {current && <span className="muted"> – {t('rec.current', { version: current.version, by: current.writtenBy ?? '', at: formatDateTime(current.writtenAt, locale) })}</span>}
      </summary>
      {assessment && <VumScores assessment={assessment} />}
      <form onSubmit={(e) => void submit(e)} className="cm-rec-form">
        {FIELDS.map((f) => (
          <label key={f} className="field">
            {t(`rec.${f}`)}
            <textarea rows={2} value={draft[f]} maxLength={4000} onChange={(e) => setDraft((d) => ({ ...d, [f]: e.target.value }))} />
          </label>
        ))}
        <label className="field">
          {t('rec.followUpDate')}
          <DateField value={draft.followUpDate} onChange={(v) => setDraft((d) => ({ ...d, followUpDate: v }))} />
        </label>
        {error && <p className="field-error" role="alert">{error}</p>}
        <div className="form-actions">
          <button type="submit" className="primary">{t('rec.save')}</button>
          {message && <span className="field-ok" role="status">{message}</span>}
        </div>
      </form>
      {versions.length > 1 && (
        <details className="cm-history">
          <summary>{t('rec.history', { count: versions.length - 1 })}</summary>
          <ol>
            {versions.slice(1).map((v) => (
              <li key={v.id}>
                <strong>{t('rec.current', { version: v.version, by: v.writtenBy ?? '', at: formatDateTime(v.writtenAt, locale) })}</strong>
                <dl>
                  {FIELDS.filter((f) => v[f]).map((f) => <div key={f}><dt>{t(`rec.${f}`)}</dt><dd>{v[f]}</dd></div>)}
                  {v.followUpDate && <div><dt>{t('rec.followUpDate')}</dt><dd>{formatDate(v.followUpDate, locale)}</dd></div>}
                </dl>
              </li>
            ))}
          </ol>
        </details>
      )}
    </details>
  );
}

export function VumScores({ assessment }: { assessment: NonNullable<CaseCommittee['assessment']> }) {
  const { t, i18n } = useTranslation('committee');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const themes = VUM_THEMES.filter((th) => assessment.scores[th] !== undefined);
  if (themes.length === 0) return null;
  return (
    <div className="cm-vum">
      <h5>{t('item.vum', { date: formatDate(assessment.assessedOn, locale) })}</h5>
      <ul>
        {themes.map((th) => (
          <li key={th}>
            {VUM_THEME_LABELS[th]}: <strong>{assessment.scores[th]}</strong>
            {assessment.expectedScores?.[th] !== undefined && <span className="muted"> ({t('item.expected', { score: assessment.expectedScores[th] })})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
