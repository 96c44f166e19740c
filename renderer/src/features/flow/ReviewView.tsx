import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WeeklyReview } from '../../../../shared/api/methods/flow';
import { addDays, addMonths, mondayOf } from '../../../../shared/dates';
import type { BottomLineChange } from '../../../../shared/flow';
import { formatDate, formatDateTime, formatKroner, formatMillions, formatNumber, formatParagraph, type Locale } from '../../../../shared/format';
import { api } from '../../api/client';
import { useLive } from '../../stores/live';
import { actsDepartmentWide } from '../../../../shared/api/define';
import { useSession } from '../../stores/session';
import { BlockersSection, ComplianceSection, EfficiencySection } from './analyticsSections';
import { downloadPdf } from '../../components/pdf';
import { downloadCsv } from './exporting';
import './analytics.css';
import './flow.css';

type BottomLine = { state: 'loading' } | { state: 'unavailable'; message: string } | { state: 'ready'; asOf: string; weekAgo: string; rows: BottomLineChange[] };

export default function ReviewView() {
  const { t, i18n } = useTranslation('flow');
  const locale: Locale = i18n.language === 'en' ? 'en' : 'da';
  const teamId = useSession((s) => s.teamId);
  const ownTeam = useSession((s) => (s.actor && !actsDepartmentWide(s.actor.roles) ? s.actor.teamId : null));
  const today = useSession((s) => s.workspace?.today) ?? new Date().toISOString().slice(0, 10);
  const revision = useLive((s) => s.revision);
  const thisWeek = mondayOf(today);
  const [weekStart, setWeekStart] = useState(thisWeek);
  const [review, setReview] = useState<WeeklyReview | null>(null);
  const [bottom, setBottom] = useState<BottomLine>({ state: 'loading' });
  const [error, setError] = useState<string | null>(null);
  const [kind, setKind] = useState<'decision' | 'note'>('decision');
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (teamId === null) return;
    let current = true;
    void api.getWeeklyReview({ teamId, weekStart }).then(async (result) => {
      if (!current) return;
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      setReview(result.value);
      setError(null);
      const asOf = result.value.asOf;
      const weekAgo = addDays(asOf, -7);
      // Each figure as known at the end of its day (issue 16), so the change is the week's ledger.
      // A team-bound person sees their own team's line; the department-wide roles every team's.
      const scope = ownTeam !== null ? { teamId: ownTeam } : {};
      const now = await api.getBottomLine({ asOf, ...scope });
      if (!current) return;
      if (now.ok) setBottom({ state: 'ready', asOf, weekAgo, rows: now.value.teams.map((t) => ({ teamId: t.teamId, team: t.team, now: t.bottomLine, weekAgo: t.bottomLine - t.sinceLastWeek, change: t.sinceLastWeek })) });
      else setBottom({ state: 'unavailable', message: now.error.message });
    });
    return () => {
      current = false;
    };
  }, [teamId, ownTeam, weekStart, revision]);

  const n = (v: number, d = 0) => formatNumber(v, d, locale);
  const days = (v: number | null) => (v === null ? '–' : t('days', { count: v, n: n(v) }));
  if (error && !review) return <div className="notice error" role="alert">{error}</div>;
  if (!review) return <div className="notice" aria-busy="true">{t('loading')}</div>;

  // While another week loads, the page still shows the last one: nothing may be saved to it then.
  const loadingWeek = review.weekStart !== weekStart;
  const weekLabel = t('review.week', { from: formatDate(review.weekStart, locale), to: formatDate(review.weekEnd, locale) });
  // A week's change is often well under a million: whole kroner, signed.
  const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${formatKroner(Math.abs(v), locale)}`;

  async function addNote() {
    if (!review || loadingWeek || text.trim() === '') return;
    setSaving(true);
    const result = await api.addReviewNote({ teamId: review.teamId, weekStart: review.weekStart, kind, text: text.trim() });
    setSaving(false);
    if (result.ok) {
      setText('');
      setReview({ ...review, notes: [...review.notes, result.value] });
      setError(null);
    } else setError(result.error.message);
  }

  function exportPdf() {
    if (!review) return;
    const r = review;
    const none = [t('none')];
    const orNone = (lines: string[]) => (lines.length ? lines : none);
    const bottomLines = bottom.state === 'ready'
      ? bottom.rows.map((b) => `${b.team}: ${formatMillions(b.now, locale)} (${b.change === null ? t('review.noFigure') : `${signed(b.change)} ${t('review.sinceWeekAgo')}`})`)
      : [t('review.bottomUnavailable')];
    void downloadPdf(`flowmoede ${r.team} ${r.weekStart}`, `${t('review.title')} – ${r.team}`, `${weekLabel} · ${t('review.asOf', { date: formatDate(r.asOf, locale) })}`, [
      { heading: t('review.previousNotes'), lines: orNone(r.previousNotes.map((x) => `${t(`review.kind.${x.kind}`)}: ${x.text}`)) },
      { heading: `1. ${t('review.finished')} (${r.finished.length})`, lines: [t('review.finishedCompare', { now: r.finished.length, before: r.finishedLastWeek }), ...r.finished.map((f) => `${f.caseNumber} · ${formatDate(f.finish, locale)} · ${days(f.cycleTime)}${f.assigneeName ? ` · ${f.assigneeName}` : ''}`)] },
      { heading: `2. ${t('review.blocked')} (${r.blocked.length})`, lines: orNone(r.blocked.map((b) => `${b.caseNumber} · ${b.reason ?? t('review.noReason')} · ${days(b.days)}${b.assigneeName ? ` · ${b.assigneeName}` : ''}`)) },
      { heading: `3. ${t('review.ageing')} (${r.ageingOutliers.length})`, lines: orNone(r.ageingOutliers.map((a) => `${a.caseNumber} · ${a.columnName} · ${days(a.age)}`)) },
      { heading: `4. ${t('review.deadlines')} (${r.deadlines.length})`, lines: orNone(r.deadlines.map((d) => `${d.caseNumber} · ${formatParagraph(d.paragraph)} · ${formatDate(d.legalDeadline, locale)} (${t('review.daysLeft', { n: d.daysLeft })})${d.assigneeName ? ` · ${d.assigneeName}` : ''}`)) },
      { heading: `5. ${t('review.caseload')} (${r.caseloadOutliers.length})`, lines: orNone(r.caseloadOutliers.map((c) => `${c.name}: ${t('caseload.weighted')} ${n(c.weighted, 1)} / ${t('caseload.norm')} ${c.norm ?? '–'} · ${t('caseload.cases')} ${n(c.activeCases)}`)) },
      { heading: `6. ${t('review.bottomLine')}`, lines: bottomLines },
      { heading: `7. ${t('review.notes')}`, lines: orNone(r.notes.map((x) => `${t(`review.kind.${x.kind}`)}: ${x.text}${x.createdBy ? ` (${x.createdBy})` : ''}`)) },
    ]);
  }

  return (
    <div data-feature="flow" className="flow-view" aria-busy={loadingWeek}>
      <header className="flow-head">
        <div>
          <h1>{t('review.title')} – {review.team}</h1>
          <p className="flow-sub">{t('review.intro')}</p>
        </div>
        <div className="review-week" role="group" aria-label={t('review.chooseWeek')}>
          <button type="button" onClick={() => setWeekStart(addDays(weekStart, -7))}>{t('review.previous')}</button>
          <strong aria-live="polite">{weekLabel}</strong>
          <button type="button" disabled={weekStart >= thisWeek} onClick={() => setWeekStart(addDays(weekStart, 7))}>{t('review.next')}</button>
          <button type="button" className="primary" onClick={exportPdf}>{t('export.pdf')}</button>
        </div>
      </header>
      {error && <p role="alert" className="flow-error">{error}</p>}

      {review.previousNotes.length > 0 && (
        <section className="flow-card review-notes" aria-labelledby="previous-notes" style={{ marginBottom: 16 }}>
          <h2 id="previous-notes">{t('review.previousNotes')}</h2>
          <NoteList notes={review.previousNotes} locale={locale} />
        </section>
      )}

      <div className="review-agenda">
        <Item title={t('review.finished')} count={review.finished.length}
          help={t('review.finishedCompare', { now: review.finished.length, before: review.finishedLastWeek })}
          headers={[t('csv.case'), t('csv.finish'), t('csv.cycleTime'), t('csv.caseworker')]}
          rows={review.finished.map((f) => [f.caseNumber, formatDate(f.finish, locale), days(f.cycleTime), f.assigneeName ?? '–'])}
          fileName={`afsluttet ${review.team} ${review.weekStart}`} />
        <Item title={t('review.blocked')} count={review.blocked.length} help={t('review.blockedHelp')}
          headers={[t('csv.case'), t('csv.reason'), t('csv.blockedFrom'), t('csv.blockedDays'), t('csv.caseworker')]}
          rows={review.blocked.map((b) => [b.caseNumber, b.reason ?? t('review.noReason'), formatDate(b.since, locale), days(b.days), b.assigneeName ?? '–'])}
          fileName={`blokeret ${review.team} ${review.weekStart}`} />
        <Item title={t('review.ageing')} count={review.ageingOutliers.length}
          help={review.ageingThreshold === null ? t('review.ageingNoThreshold') : t('review.ageingHelp', { days: days(review.ageingThreshold) })}
          headers={[t('csv.case'), t('csv.column'), t('csv.start'), t('csv.age'), t('csv.blocked')]}
          rows={review.ageingOutliers.map((a) => [a.caseNumber, a.columnName, formatDate(a.start, locale), days(a.age), a.blocked ? a.blockedReason ?? t('yes') : ''])}
          fileName={`aldrende ${review.team} ${review.weekStart}`} />
        <Item title={t('review.deadlines')} count={review.deadlines.length} help={t('caseload.deadlinesHelp')}
          headers={[t('csv.case'), t('csv.paragraph'), t('csv.deadline'), t('csv.daysLeft'), t('csv.caseworker')]}
          rows={review.deadlines.map((d) => [d.caseNumber, formatParagraph(d.paragraph), formatDate(d.legalDeadline, locale), n(d.daysLeft), d.assigneeName ?? t('caseload.nobody')])}
          fileName={`frister ${review.team} ${review.weekStart}`} />
        <Item title={t('review.caseload')} count={review.caseloadOutliers.length} help={t('review.caseloadHelp')}
          headers={[t('csv.caseworker'), t('caseload.weighted'), t('caseload.cases'), t('caseload.norm'), t('caseload.percent')]}
          rows={review.caseloadOutliers.map((c) => [c.name, n(c.weighted, 1), n(c.activeCases), c.norm === null ? '–' : n(c.norm), c.norm ? `${n(Math.round((c.weighted / c.norm) * 100))} %` : '–'])}
          fileName={`sagstal ${review.team} ${review.weekStart}`} />

        <section className="flow-card review-item" aria-labelledby="agenda-bottom-line">
          <h2 id="agenda-bottom-line">{t('review.bottomLine')}</h2>
          {bottom.state === 'loading' && <p aria-busy="true">{t('loading')}</p>}
          {bottom.state === 'unavailable' && (
            <p className="flow-empty" data-testid="bottom-line-unavailable">{t('review.bottomUnavailable')} {bottom.message}</p>
          )}
          {bottom.state === 'ready' && (
            <>
              <p className="flow-card-help">{t('review.bottomHelp', { now: formatDate(bottom.asOf, locale), before: formatDate(bottom.weekAgo, locale) })}</p>
              <table className="flow-table" data-testid="bottom-line-table">
                <thead><tr><th scope="col">{t('review.team')}</th><th scope="col" className="num">{t('review.bottomNow')}</th><th scope="col" className="num">{t('review.bottomBefore')}</th><th scope="col" className="num">{t('review.change')}</th></tr></thead>
                <tbody>
                  {bottom.rows.map((b) => (
                    <tr key={b.teamId} className={b.teamId === review.teamId ? 'current' : undefined}>
                      <th scope="row">{b.team}</th>
                      <td className="num">{formatMillions(b.now, locale)}</td>
                      <td className="num">{b.weekAgo === null ? '–' : formatMillions(b.weekAgo, locale)}</td>
                      <td className="num">{b.change === null ? t('review.noFigure') : signed(b.change)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>

        <section className="flow-card review-item" aria-labelledby="agenda-analytics" data-testid="review-analytics">
          <header className="flow-card-header">
            <h2 id="agenda-analytics">{t('analytics.review.title')}</h2>
            <div className="flow-card-actions"><button type="button" onClick={() => useSession.getState().navigate('flow-analytics')}>{t('analytics.review.open')}</button></div>
          </header>
          <p className="flow-card-help">{t('analytics.review.help')}</p>
          <div className="review-analytics">
            <ComplianceSection compact teamId={review.teamId} from={addDays(addMonths(review.asOf, -3), 1)} to={review.asOf} counting="calendar" group="paragraph" />
            <BlockersSection compact teamId={review.teamId} from={addDays(review.weekStart, -21)} to={review.asOf} canCategorize={false} />
            <EfficiencySection compact teamId={review.teamId} from={addDays(review.weekStart, -49)} to={review.asOf} />
          </div>
        </section>

        <section className="flow-card review-item review-notes" aria-labelledby="agenda-notes">
          <h2 id="agenda-notes">{t('review.notes')}</h2>
          <p className="flow-card-help">{t('review.notesHelp')}</p>
          {review.notes.length > 0 ? <NoteList notes={review.notes} locale={locale} /> : <p className="flow-empty">{t('review.noNotes')}</p>}
          <form className="review-note-form" onSubmit={(e) => { e.preventDefault(); void addNote(); }}>
            <div className="row" role="radiogroup" aria-label={t('review.kindLabel')}>
              {(['decision', 'note'] as const).map((k) => (
                <label key={k}><input type="radio" name="note-kind" checked={kind === k} onChange={() => setKind(k)} /> {t(`review.kind.${k}`)}</label>
              ))}
            </div>
            <label htmlFor="review-note-text" className="visually-hidden">{t('review.noteText')}</label>
            <textarea id="review-note-text" value={text} maxLength={4000} placeholder={t('review.notePlaceholder')} onChange={(e) => setText(e.target.value)} />
            <div className="row"><button type="submit" className="primary" disabled={saving || loadingWeek || text.trim() === ''}>{t('review.save')}</button></div>
          </form>
        </section>
      </div>
    </div>
  );
}

function NoteList({ notes, locale }: { notes: WeeklyReview['notes']; locale: Locale }) {
  const { t } = useTranslation('flow');
  return (
    <ul>
      {notes.map((x) => (
        <li key={x.id}>
          <span className="kind">{t(`review.kind.${x.kind}`)}:</span>{x.text}
          <span className="meta">{x.createdBy ?? ''} · {formatDateTime(x.createdAt, locale)}</span>
        </li>
      ))}
    </ul>
  );
}

function Item({ title, count, help, headers, rows, fileName }: {
  title: string; count: number; help: string; headers: string[]; rows: string[][]; fileName: string;
}) {
  const { t } = useTranslation('flow');
  const id = `agenda-${fileName.split(' ')[0]}`;
  return (
    <section className="flow-card review-item" aria-labelledby={id}>
      <header className="flow-card-header">
        <h2 id={id}>{title} <span className="review-count">({count})</span></h2>
        <div className="flow-card-actions">
          <button type="button" disabled={rows.length === 0} onClick={() => downloadCsv(fileName, headers, rows)}>{t('export.csv')}</button>
        </div>
      </header>
      <p className="flow-card-help">{help}</p>
      {rows.length === 0 ? <p className="flow-empty">{t('none')}</p> : (
        <div className="flow-table-wrap" tabIndex={0}>
          <table className="flow-table">
            <thead><tr>{headers.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
            <tbody>{rows.slice(0, 100).map((row, i) => <tr key={i}>{row.map((c, j) => <td key={j}>{c}</td>)}</tr>)}</tbody>
          </table>
          {rows.length > 100 && <p className="flow-note">{t('moreInCsv', { shown: 100, total: rows.length })}</p>}
        </div>
      )}
    </section>
  );
}
