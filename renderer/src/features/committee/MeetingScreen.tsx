// The meeting screen: the agenda on the left, the chosen case's recommendation, proposal, effect
// on the bottom line and VUM scores on one screen on the right, and the committee's decision.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, MeetingDetail } from '../../../../shared/api/methods/committee';
import type { GrantFields } from '../../../../shared/api/methods/grantFields';
import { DECISION_OUTCOMES, type DecisionOutcome } from '../../../../shared/committee';
import { formatDate, formatDateTime, formatKroner, formatNumber, formatParagraph } from '../../../../shared/format';
import { api } from '../../api/client';
import { useCan } from '../../stores/permissions';
import { VumScores } from './CaseCommitteeSection';
import { useLoaded } from '../../components/useLoaded';
import { DateField } from '../../components/DateField';
import { CaseLink } from '../../components/CaseLink';
import { NumberField } from '../../components/NumberField';
import { checkForm, useFieldErrors } from '../../components/formCheck';
import { MAX_HOURS_PER_WEEK } from '../../../../shared/grantPlausibility';

const DECISION_FIELDS = ['grant.quantity', 'grant.takst', 'grant.provider', 'followUpDate'] as const;

export function MeetingScreen({ meetingId, onBack }: { meetingId: number; onBack(): void }) {
  const { t, i18n } = useTranslation('committee');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const mayDecide = useCan('decideCase');
  const mayClose = useCan('closeMeeting');
  const mayAdd = useCan('addRevisitation');
  const mayRemove = useCan('removeRevisitation');
  const meeting = useLoaded<MeetingDetail>(() => api.getMeeting({ meetingId }), String(meetingId));
  const [selected, setSelected] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const m = meeting.data;
  useEffect(() => {
    if (m && (selected === null || !m.agenda.some((i) => i.caseId === selected))) setSelected(m.agenda[0]?.caseId ?? null);
  }, [m, selected]);
  if (meeting.error) return <p className="field-error" role="alert">{meeting.error}</p>;
  if (!m) return <p className="muted" aria-busy="true">{t('common.loading')}</p>;
  const item = m.agenda.find((i) => i.caseId === selected) ?? null;
  const canDecide = m.status === 'planned' && mayDecide;

  const exportMinutes = async () => {
    setBusy(true);
    try {
      const { downloadMinutes } = await import('./minutes');
      downloadMinutes(m);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="cm-meeting">
      <div className="cm-meeting-head">
        <button type="button" onClick={onBack}>← {t('meeting.back')}</button>
        <h2>{t('meeting.heading', { title: m.title, date: formatDate(m.date, locale) })}</h2>
        <span className={`cm-status cm-status-${m.status}`}>{t(`meetings.${m.status}`)}</span>
        <span className="muted">{t('meeting.members', { names: m.members.map((p) => p.name).join(', ') || '–' })}</span>
        <span className="cm-total" data-testid="approved-total">{t('meeting.approvedTotal', { amount: formatKroner(m.approvedYearlyCost, locale) })}</span>
        <button type="button" onClick={() => void exportMinutes()} disabled={busy}>{t('meeting.minutes')}</button>
        {mayClose && m.status === 'planned' && (
          <button type="button" title={t('meeting.closeHelp')} onClick={() => void api.closeMeeting({ meetingId }).then(() => meeting.reload())}>{t('meeting.close')}</button>
        )}
      </div>
      <div className="cm-meeting-layout">
        <section className="cm-card cm-agenda" aria-labelledby="cm-agenda-title">
          <h3 id="cm-agenda-title">{t('meeting.agenda')}</h3>
          {m.agenda.length === 0 && <p className="muted">{t('meeting.agendaEmpty')}</p>}
          <ol>
            {m.agenda.map((i) => (
              <li key={i.caseId}>
                <button type="button" className={`cm-agenda-item${i.caseId === selected ? ' selected' : ''}`} aria-current={i.caseId === selected ? 'true' : undefined}
                  data-case-number={i.caseNumber} onClick={() => setSelected(i.caseId)}>
                  <span className="cm-agenda-line"><strong>{i.caseNumber}</strong> {formatParagraph(i.paragraph)}
                    <span className={`cm-reason cm-reason-${i.reason}`}>{t(i.reason === 'decision' ? 'meeting.reasonDecision' : 'meeting.reasonRevisitation')}</span></span>
                  <span className="cm-agenda-line muted">
                    {i.legalDeadline ? t('meeting.deadline', { date: formatDate(i.legalDeadline, locale) }) : t('meeting.noDeadline')} · {t('meeting.perYear', { amount: formatKroner(i.yearlyCost, locale) })}
                  </span>
                  {i.decision && <span className={`cm-outcome cm-outcome-${i.decision.outcome}`}>{t(`outcomes.${i.decision.outcome}`)}</span>}
                </button>
              </li>
            ))}
          </ol>
          {mayAdd && m.status === 'planned' && <AddRevisitation meetingId={meetingId} onAdded={meeting.reload} />}
        </section>
        <div className="cm-case-screen">
          {item ? <CaseOnScreen key={item.caseId} item={item} meetingId={meetingId} canDecide={canDecide} canRemove={mayRemove && m.status === 'planned'} onChanged={meeting.reload} />
            : <p className="muted">{t('meeting.choose')}</p>}
        </div>
      </div>
    </div>
  );
}

function AddRevisitation({ meetingId, onAdded }: { meetingId: number; onAdded(): void }) {
  const { t } = useTranslation('committee');
  const [caseNumber, setCaseNumber] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await api.addRevisitation({ meetingId, caseNumber: caseNumber.trim(), note: note.trim() || null });
    if (!r.ok) setError(r.error.message);
    else {
      setError(null);
      setCaseNumber('');
      setNote('');
      onAdded();
    }
  };
  return (
    <form className="cm-add" onSubmit={(e) => void submit(e)} aria-labelledby="cm-add-title">
      <h4 id="cm-add-title">{t('meeting.addRevisitation')}</h4>
      <label className="field">{t('meeting.caseNumber')}<input type="text" value={caseNumber} required maxLength={60} onChange={(e) => setCaseNumber(e.target.value)} /></label>
      <label className="field">{t('meeting.note')}<input type="text" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} /></label>
      {error && <p className="field-error" role="alert">{error}</p>}
      <button type="submit">{t('meeting.add')}</button>
    </form>
  );
}

function CaseOnScreen({ item, meetingId, canDecide, canRemove, onChanged }: {
  item: AgendaItem; meetingId: number; canDecide: boolean; canRemove: boolean; onChanged(): void;
}) {
  const { t, i18n } = useTranslation('committee');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const p = item.proposal;
  const r = item.recommendation;
  const signed = (n: number) => `${n > 0 ? '+' : ''}${formatKroner(n, locale)}`;
  return (
    <article className="cm-card cm-case-card" aria-labelledby="cm-case-title" data-testid="meeting-case">
      <h3 id="cm-case-title">{t('item.case', { number: item.caseNumber, paragraph: formatParagraph(item.paragraph), initials: item.citizenInitials, team: item.team })}</h3>
      <p className="muted">
        <CaseLink teamId={item.teamId} caseId={item.caseId} caseNumber={item.caseNumber} />{' · '}
        {item.assigneeName && t('item.caseworker', { name: item.assigneeName })}
        {' · '}{item.legalDeadline ? t('meeting.deadline', { date: formatDate(item.legalDeadline, locale) }) : t('meeting.noDeadline')}
        {item.note && <> · {item.note}</>}
      </p>
      <div className="cm-columns">
        <section>
          {p ? (
            <>
              <h4>{t('item.proposal')}</h4>
              <p className="cm-proposal" data-testid="proposal">
                <strong>{formatParagraph(p.paragraph)} {p.service}</strong><br />
                {p.takstUnit === 'hour' ? `${formatNumber(p.quantity, p.quantity % 1 ? 2 : 0)} t/uge à ${formatKroner(p.takst, locale)}` : `${formatKroner(p.takst, locale)} × ${p.quantity}`} · {p.provider}
              </p>
              <dl className="cm-facts">
                <div><dt>{t('item.yearly')}</dt><dd>{formatKroner(p.yearlyCost, locale)}</dd></div>
                {item.effect && (
                  <div><dt>{t('item.effect')}</dt><dd>{t('item.effectText', { effect: signed(item.effect.forecastEffect), year: item.effect.year, before: formatKroner(item.effect.bottomLineBefore, locale), after: formatKroner(item.effect.bottomLineAfter, locale) })}</dd></div>
                )}
              </dl>
              {p.breaches.length > 0 && (<><h5>{t('item.breaches')}</h5><ul className="cm-breaches">{p.breaches.map((b) => <li key={b}>{b}</li>)}</ul></>)}
            </>
          ) : null}
          <h4>{t('item.activeGrants')}</h4>
          {item.activeGrants.length === 0 ? <p className="muted">{t('item.noGrants')}</p> : (
            <ul className="cm-grants">
              {item.activeGrants.map((g) => (
                <li key={g.id}>{formatParagraph(g.paragraph)} {g.service} ({g.provider}) – {formatKroner(g.yearlyCost, locale)}</li>
              ))}
            </ul>
          )}
          {item.assessment && <VumScores assessment={item.assessment} />}
        </section>
        <section>
          <h4>{t('item.recommendation')}</h4>
          {r ? (
            <>
              <p className="muted small">{t('item.version', { version: r.version, by: r.writtenBy ?? '', at: formatDateTime(r.writtenAt, locale) })}</p>
              <dl className="cm-rec-view">
                {(['targetGroup', 'vumSummary', 'citizenWishes', 'internalAlternatives', 'expectedProgression'] as const).filter((f) => r[f]).map((f) => (
                  <div key={f}><dt>{t(`rec.${f}`)}</dt><dd>{r[f]}</dd></div>
                ))}
                {r.followUpDate && <div><dt>{t('rec.followUpDate')}</dt><dd>{formatDate(r.followUpDate, locale)}</dd></div>}
              </dl>
            </>
          ) : <p className="muted">{t('item.noRecommendation')}</p>}
        </section>
      </div>
      {item.decision ? (
        <section className="cm-decision" data-testid="decision">
          <h4>{t('item.decision')}</h4>
          <p><strong>{t(`outcomes.${item.decision.outcome}`)}</strong>{item.decision.decidedBy && <> – {item.decision.decidedBy}</>}</p>
          {item.decision.changes && <p>{t('decide.changes', { changes: item.decision.changes })}</p>}
          {item.decision.conditions && <p>{t('decide.conditionsShown', { conditions: item.decision.conditions })}</p>}
          {item.decision.followUpDate && <p>{t('decide.followUpShown', { date: formatDate(item.decision.followUpDate, locale) })}</p>}
        </section>
      ) : canDecide ? (
        <DecisionForm item={item} meetingId={meetingId} onDecided={onChanged} />
      ) : null}
      {canRemove && item.reason === 'revisitation' && !item.decision && (
        <button type="button" onClick={() => void api.removeRevisitation({ meetingId, caseId: item.caseId }).then(onChanged)}>{t('meeting.remove')}</button>
      )}
    </article>
  );
}

function DecisionForm({ item, meetingId, onDecided }: { item: AgendaItem; meetingId: number; onDecided(): void }) {
  const { t } = useTranslation('committee');
  const p = item.proposal;
  const outcomes = p ? DECISION_OUTCOMES : DECISION_OUTCOMES.filter((o) => o !== 'approved_with_changes');
  const [outcome, setOutcome] = useState<DecisionOutcome>('approved');
  const [quantity, setQuantity] = useState<number | null>(p ? p.quantity : null);
  const [takst, setTakst] = useState<number | null>(p ? p.takst : null);
  const [provider, setProvider] = useState(p?.provider ?? '');
  const [conditions, setConditions] = useState('');
  const [followUpDate, setFollowUpDate] = useState(item.recommendation?.followUpDate ?? '');
  const [error, setError] = useState<string | null>(null);
  const fields = useFieldErrors(DECISION_FIELDS);
  const changed = useMemo((): GrantFields | null => {
    if (!p || quantity === null || takst === null || !provider.trim()) return null;
    return {
      paragraph: p.paragraph, service: p.service, provider: provider.trim(), providerType: p.providerType, takst, takstUnit: p.takstUnit,
      quantity, startDate: p.startDate, endDate: p.endDate, followUpMonths: p.followUpMonths, supportGoal: p.supportGoal,
    };
  }, [p, quantity, takst, provider]);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    fields.clear();
    if (!checkForm(e.currentTarget)) return;
    const r = await api.decideCase({
      meetingId, caseId: item.caseId, outcome, conditions: conditions.trim() || null, followUpDate: followUpDate || null,
      ...(outcome === 'approved_with_changes' && changed ? { grant: changed } : {}),
    });
    if (!r.ok) setError(fields.take(r.error));
    else onDecided();
  };
  return (
    <form className="cm-decide" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="cm-decide-title">
      <h4 id="cm-decide-title">{t('decide.title')}</h4>
      <fieldset className="cm-outcomes">
        <legend>{t('decide.outcome')}</legend>
        {outcomes.map((o) => (
          <label key={o} className="cm-check">
            <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} />
            {t(`outcomes.${o}`)}
          </label>
        ))}
      </fieldset>
      {outcome === 'approved_with_changes' && p && (
        <div className="cm-row">
          <label className="field">{p.takstUnit === 'hour' ? t('decide.quantityHour') : t('decide.quantityOther')}
            <NumberField value={quantity} required min={0} max={p.takstUnit === 'hour' ? MAX_HOURS_PER_WEEK : undefined} decimals={2} onChange={setQuantity} error={fields.of('grant.quantity')} /></label>
          <label className="field">{t('decide.takst')}<NumberField value={takst} required min={0} decimals={2} shownDecimals={2} onChange={setTakst} error={fields.of('grant.takst')} /></label>
          <label className="field cm-grow">{t('decide.provider')}<input type="text" value={provider} aria-required maxLength={200} onChange={(e) => setProvider(e.target.value)}
            aria-invalid={fields.of('grant.provider') ? true : undefined} />{fields.of('grant.provider') && <span className="field-error">{fields.of('grant.provider')}</span>}</label>
        </div>
      )}
      <div className="cm-row">
        <label className="field cm-grow">{t('decide.conditions')}<input type="text" value={conditions} maxLength={2000} onChange={(e) => setConditions(e.target.value)} /></label>
        <label className="field">{t('decide.followUpDate')}<DateField value={followUpDate} onChange={setFollowUpDate} aria-invalid={fields.of('followUpDate') ? true : undefined} />{fields.of('followUpDate') && <span className="field-error">{fields.of('followUpDate')}</span>}</label>
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
      <button type="submit" className="primary" disabled={outcome === 'approved_with_changes' && !changed}>{t('decide.submit')}</button>
    </form>
  );
}
