import { Suspense, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board, CaseDetailWithProgression } from '../../../../shared/api/methods/board';
import { daysBlocked, deadlineStatus, followUpLevel } from '../../../../shared/board';
import { CLASSES_OF_SERVICE, type CaseEvent, type ClassOfService } from '../../../../shared/domain';
import { eventTypeLabel } from '../../../../shared/eventTypes';
import { formatDate, formatDateTime, formatParagraph } from '../../../../shared/format';
import { paragraphInfo } from '../../../../shared/paragraphs';
import { totalScore, VUM_THEME_LABELS, VUM_THEMES, type Assessment, type VumScores, type VumTheme } from '../../../../shared/progression';
import { api } from '../../api/client';
import { DateField } from '../../components/DateField';
import { useLoaded } from '../../components/useLoaded';
import { useSession } from '../../stores/session';
import { slots } from '../slots';
import { useBoardStore } from './boardStore';

interface Props {
  caseId: number;
  board: Board;
  today: string;
}

export default function CardDetail({ caseId, board, today }: Props) {
  const { t, i18n } = useTranslation('board');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const select = useBoardStore((s) => s.select);
  const detailRevision = useBoardStore((s) => s.detailRevision);
  // Another card keeps the panel's contents until its own case has come, as a save does.
  const { data: detail, error: loadError, reload } = useLoaded(() => api.getCase({ caseId }), `${caseId}:${detailRevision}`, { keepPrevious: true });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLElement | null>(null);

  // Focus goes to the panel's heading and back to the card when the panel closes.
  useEffect(() => {
    opener.current = document.activeElement as HTMLElement | null;
    return () => {
      const card = document.querySelector<HTMLElement>(`[data-case-id="${caseId}"]`);
      (card ?? opener.current)?.focus();
    };
  }, [caseId]);
  useEffect(() => {
    if (detail?.card.id === caseId) headingRef.current?.focus();
  }, [detail?.card.id, caseId]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Escape belongs to an open dialog or to a card being dragged before it closes the panel.
      if (e.key === 'Escape' && !document.querySelector('[role="dialog"][aria-modal="true"], .card.is-dragging')) select(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [select]);

  const column = detail ? board.columns.find((c) => c.id === detail.card.columnId) : undefined;
  const kind = column?.kind ?? 'queue';

  return (
    <aside className="card-detail" aria-labelledby="card-detail-title">
      <header className="detail-header">
        <h2 id="card-detail-title" tabIndex={-1} ref={headingRef}>
          {detail ? t('card.label', { number: detail.card.caseNumber }) : t('translation:app.loading')}
        </h2>
        <button type="button" className="close" onClick={() => select(null)} aria-label={t('detail.close')}>×</button>
      </header>
      {loadError && <p className="field-error" role="alert">{loadError}</p>}
      {detail && (
        <div className="detail-body">
          <section aria-labelledby="detail-facts">
            <h3 id="detail-facts" className="visually-hidden">{t('detail.facts')}</h3>
            <dl className="facts">
              <div><dt>{t('detail.citizen')}</dt><dd>{detail.card.citizenInitials} · {detail.citizenRef}</dd></div>
              <div><dt>{t('detail.kind')}</dt><dd>{t(`translation:kinds.${detail.card.kind}`)}</dd></div>
              <div><dt>{t('detail.paragraph')}</dt><dd>{formatParagraph(detail.card.paragraph)} {paragraphInfo(detail.card.paragraph)?.label ?? ''}</dd></div>
              <div><dt>{t('detail.column')}</dt><dd>{detail.columnName}</dd></div>
              <div><dt>{t('detail.received')}</dt><dd>{formatDate(detail.card.receivedDate, locale)}</dd></div>
              <div>
                <dt>{t('detail.deadline')}</dt>
                <dd><DeadlineText deadline={detail.card.legalDeadline} today={today} kind={kind} /></dd>
              </div>
              <div>
                <dt>{t('detail.followUp')}</dt>
                <dd>
                  {detail.card.nextFollowUp
                    ? <span className={`badge follow-${followUpLevel(detail.card.nextFollowUp, today)}`}>{formatDate(detail.card.nextFollowUp, locale)}</span>
                    : t('detail.none')}
                </dd>
              </div>
              {detail.card.blocked && (
                <div className="fact-blocked">
                  <dt>{t('detail.blocked')}</dt>
                  <dd>{t('card.blockedLong', { count: daysBlocked(detail.card, today) ?? 0, reason: detail.card.blockedReason ?? '' })}</dd>
                </div>
              )}
            </dl>
          </section>
          <EditForm detail={detail} board={board} />
          {slots().caseDetailSections.map(({ id, component: Section }) => (
            <Suspense key={id} fallback={null}>
              <Section caseId={detail.card.id} teamId={detail.card.teamId} grants={detail.grants} onChanged={reload} />
            </Suspense>
          ))}
          <Progression detail={detail} today={today} onSaved={reload} />
          <History events={detail.events} board={board} />
        </div>
      )}
    </aside>
  );
}

function DeadlineText({ deadline, today, kind }: { deadline: string | null; today: string; kind: 'queue' | 'active' | 'done' }) {
  const { t, i18n } = useTranslation('board');
  if (!deadline) return <>{t('detail.noDeadline')}</>;
  const status = deadlineStatus(deadline, today, kind);
  const date = formatDate(deadline, i18n.language === 'en' ? 'en' : 'da');
  if (status.daysLeft === null) return <>{date}</>;
  return (
    <span className={`deadline-text deadline-${status.level}`}>
      {status.overdue ? t('detail.deadlineOverdue', { date, count: -status.daysLeft }) : t('detail.deadlineIn', { date, count: status.daysLeft })}
    </span>
  );
}

function EditForm({ detail, board }: { detail: CaseDetailWithProgression; board: Board }) {
  const { t } = useTranslation('board');
  const edit = useBoardStore((s) => s.edit);
  const card = detail.card;
  const [assignee, setAssignee] = useState<string>(card.assigneeId === null ? '' : String(card.assigneeId));
  const [classOfService, setClass] = useState<ClassOfService>(card.classOfService);
  const [blocked, setBlocked] = useState(card.blocked);
  const [reason, setReason] = useState(card.blockedReason ?? '');
  const [notes, setNotes] = useState(detail.notes ?? '');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  // A change saved elsewhere (undo, another client) shows in the form.
  useEffect(() => {
    setAssignee(card.assigneeId === null ? '' : String(card.assigneeId));
    setClass(card.classOfService);
    setBlocked(card.blocked);
    setReason(card.blockedReason ?? '');
    setNotes(detail.notes ?? '');
  }, [card.assigneeId, card.classOfService, card.blocked, card.blockedReason, detail.notes]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const changes: Record<string, unknown> = {};
    const previous: Record<string, unknown> = {};
    const assigneeId = assignee === '' ? null : Number(assignee);
    if (assigneeId !== card.assigneeId) {
      changes.assigneeId = assigneeId;
      previous.assigneeId = card.assigneeId;
    }
    if (classOfService !== card.classOfService) {
      changes.classOfService = classOfService;
      previous.classOfService = card.classOfService;
    }
    if (blocked && reason.trim().length < 3) {
      setMessage({ kind: 'error', text: t('detail.needReason') });
      return;
    }
    if (blocked !== card.blocked || (blocked && reason.trim() !== card.blockedReason)) {
      Object.assign(changes, blocked ? { blocked: true, blockedReason: reason.trim() } : { blocked: false });
      Object.assign(previous, card.blocked ? { blocked: true, blockedReason: card.blockedReason } : { blocked: false });
    }
    if (notes.trim() !== (detail.notes ?? '')) {
      changes.notes = notes.trim() === '' ? null : notes.trim();
      previous.notes = detail.notes;
    }
    if (Object.keys(changes).length === 0) {
      setMessage({ kind: 'ok', text: t('detail.nothingChanged') });
      return;
    }
    setBusy(true);
    const saved = await edit(card.id, changes, previous, t('detail.edit'));
    setBusy(false);
    setMessage(saved ? { kind: 'ok', text: t('detail.saved') } : null);
  };

  return (
    <section aria-labelledby="detail-edit" className="detail-section">
      <h3 id="detail-edit">{t('detail.edit')}</h3>
      <form className="edit-form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          {t('detail.caseworker')}
          <select value={assignee} onChange={(e) => setAssignee(e.target.value)}>
            <option value="">{t('card.unassigned')}</option>
            {board.people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <label className="field">
          {t('detail.classOfService')}
          <select value={classOfService} onChange={(e) => setClass(e.target.value as ClassOfService)}>
            {CLASSES_OF_SERVICE.map((c) => <option key={c} value={c}>{t(`translation:classes.${c}`)}</option>)}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={blocked} onChange={(e) => setBlocked(e.target.checked)} />
          {t('detail.blocked')}
        </label>
        {blocked && (
          <label className="field">
            {t('detail.blockedReason')}
            <input type="text" value={reason} maxLength={500} required minLength={3} onChange={(e) => setReason(e.target.value)} />
          </label>
        )}
        <label className="field">
          {t('detail.notes')}
          <textarea value={notes} rows={3} maxLength={4000} onChange={(e) => setNotes(e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>{t('detail.save')}</button>
          {message && <span className={message.kind === 'error' ? 'field-error' : 'field-ok'} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</span>}
        </div>
      </form>
    </section>
  );
}

const THEME_LABELS_EN: Record<VumTheme, string> = {
  practical_tasks: 'Practical tasks at home',
  self_care: 'Self-care',
  mobility: 'Mobility',
  communication: 'Communication',
  community_life: 'Community life',
  social_relations: 'Social life and relations',
  health: 'Health',
};

function Progression({ detail, today, onSaved }: { detail: CaseDetailWithProgression; today: string; onSaved(): void }) {
  const { t, i18n } = useTranslation('board');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const labels = locale === 'en' ? THEME_LABELS_EN : VUM_THEME_LABELS;
  const shown: Assessment[] = detail.assessments.slice(-4);
  const latest = shown.at(-1);
  return (
    <section aria-labelledby="detail-progression" className="detail-section">
      <h3 id="detail-progression">
        {t('detail.progression')}
        {detail.assessments.length > 0 && (
          <span className={`progress-status status-${detail.progression}`}>{t(`detail.status.${detail.progression}`)}</span>
        )}
      </h3>
      <p className="field-help">{t('detail.progressionIntro')}</p>
      {shown.length === 0 ? (
        <p>{t('detail.noAssessments')}</p>
      ) : (
        <div className="table-wrap">
          <table className="vum-table">
            <thead>
              <tr>
                <th scope="col">{t('detail.theme')}</th>
                {shown.map((a) => <th scope="col" key={a.id}>{formatDate(a.assessedOn, locale)}</th>)}
                {latest?.expectedScores && <th scope="col" className="expected">{t('detail.expected', { date: formatDate(latest.expectedBy, locale) })}</th>}
              </tr>
            </thead>
            <tbody>
              {VUM_THEMES.map((theme) => (
                <tr key={theme}>
                  <th scope="row">{labels[theme]}</th>
                  {shown.map((a) => <td key={a.id}>{a.scores[theme] ?? '–'}</td>)}
                  {latest?.expectedScores && <td className="expected">{latest.expectedScores[theme] ?? '–'}</td>}
                </tr>
              ))}
              <tr className="total">
                <th scope="row">{t('detail.total')}</th>
                {shown.map((a) => <td key={a.id}>{totalScore(a.scores)}</td>)}
                {latest?.expectedScores && <td className="expected">{totalScore(latest.expectedScores)}</td>}
              </tr>
            </tbody>
          </table>
        </div>
      )}
      <NewAssessment caseId={detail.card.id} today={today} labels={labels} onSaved={onSaved} previous={latest} />
    </section>
  );
}

function NewAssessment({ caseId, today, labels, onSaved, previous }: {
  caseId: number; today: string; labels: Record<VumTheme, string>; onSaved(): void; previous: Assessment | undefined;
}) {
  const { t } = useTranslation('board');
  const [open, setOpen] = useState(false);
  const [assessedOn, setAssessedOn] = useState(today);
  const [scores, setScores] = useState<Record<string, string>>({});
  const [expected, setExpected] = useState<Record<string, string>>({});
  const [expectedBy, setExpectedBy] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const say = useBoardStore((s) => s.say);

  const toScores = (values: Record<string, string>): VumScores =>
    Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '').map(([k, v]) => [k, Number(v)]));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const s = toScores(scores);
    if (Object.keys(s).length === 0) {
      setMessage({ kind: 'error', text: t('detail.needScore') });
      return;
    }
    const x = toScores(expected);
    const result = await api.addAssessment({
      caseId, assessedOn, scores: s, expectedScores: Object.keys(x).length ? x : null, expectedBy: expectedBy || null, note: note.trim() || null,
    });
    if (!result.ok) {
      setMessage({ kind: 'error', text: result.error.message });
      return;
    }
    setMessage({ kind: 'ok', text: t('detail.assessmentSaved') });
    say('info', t('detail.assessmentSaved'));
    setScores({});
    setExpected({});
    setNote('');
    setOpen(false);
    onSaved();
  };

  if (!open) {
    return (
      <div className="form-actions">
        <button type="button" onClick={() => { setOpen(true); setMessage(null); }}>{t('detail.newAssessment')}</button>
        {message && <span className="field-ok" role="status">{message.text}</span>}
      </div>
    );
  }
  return (
    <form className="assessment-form" onSubmit={(e) => void submit(e)} aria-labelledby="new-assessment-title">
      <h4 id="new-assessment-title">{t('detail.newAssessment')}</h4>
      <label className="field inline">
        {t('detail.assessedOn')}
        <DateField value={assessedOn} max={today} required onChange={setAssessedOn} />
      </label>
      <table className="vum-table entry">
        <thead>
          <tr><th scope="col">{t('detail.theme')}</th><th scope="col">{t('detail.score')}</th><th scope="col">{t('detail.expectedScore')}</th></tr>
        </thead>
        <tbody>
          {VUM_THEMES.map((theme) => (
            <tr key={theme}>
              <th scope="row">{labels[theme]}{previous?.scores[theme] !== undefined ? <span className="prev"> ({previous.scores[theme]})</span> : null}</th>
              <td>
                <select aria-label={`${labels[theme]} – ${t('detail.score')}`} value={scores[theme] ?? ''} onChange={(e) => setScores({ ...scores, [theme]: e.target.value })}>
                  <option value="">{t('detail.notScored')}</option>
                  {[0, 1, 2, 3, 4].map((n) => <option key={n} value={n}>{n}</option>)}
                </select>
              </td>
              <td>
                <select aria-label={`${labels[theme]} – ${t('detail.expectedScore')}`} value={expected[theme] ?? ''} onChange={(e) => setExpected({ ...expected, [theme]: e.target.value })}>
                  <option value="">{t('detail.notScored')}</option>
                  {[0, 1, 2, 3, 4].map((n) => <option key={n} value={n}>{n}</option>)}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="field inline">
        {t('detail.expectedBy')}
        <DateField value={expectedBy} min={assessedOn} onChange={setExpectedBy} />
      </label>
      <label className="field">
        {t('detail.note')}
        <textarea rows={2} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="form-actions">
        <button type="button" onClick={() => setOpen(false)}>{t('translation:app.cancel')}</button>
        <button type="submit" className="primary">{t('detail.addAssessment')}</button>
        {message && <span className={message.kind === 'error' ? 'field-error' : 'field-ok'} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</span>}
      </div>
    </form>
  );
}

function History({ events, board }: { events: CaseEvent[]; board: Board }) {
  const { t, i18n } = useTranslation('board');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const people = useSession((s) => s.people);
  const columnName = (id: string | null) => (id === null ? '–' : board.columns.find((c) => String(c.id) === id)?.name ?? `#${id}`);
  const personName = (id: string | null) => (id === null ? t('card.unassigned') : people.find((p) => String(p.id) === id)?.name ?? `#${id}`);
  const describe = (e: CaseEvent): string => {
    switch (e.type) {
      case 'created':
      case 'moved':
      case 'moved_over_wip_limit':
      case 'reordered':
        return t(`events.${e.type}`, { from: columnName(e.fromValue), to: columnName(e.toValue) });
      case 'assigned':
      case 'assigned_over_wip_limit':
        return t(`events.${e.type}`, { from: personName(e.fromValue), to: personName(e.toValue) });
      case 'class_changed':
        return t('events.class_changed', { from: t(`translation:classes.${e.fromValue}`), to: t(`translation:classes.${e.toValue}`) });
      case 'blocked':
        return t('events.blocked', { to: e.toValue ?? '' });
      case 'unblocked':
      case 'notes_changed':
        return t(`events.${e.type}`);
      case 'assessed':
        return t('events.assessed', { to: formatDate(e.toValue, locale) });
      case 'decided':
        return t('events.decided', { to: e.toValue === 'approved' || e.toValue === 'rejected' ? t(`events.decisions.${e.toValue}`) : e.toValue ?? '' });
      default:
        return eventTypeLabel(e.type, locale);
    }
  };
  // The reason of a block is already in its description.
  const showReason = (e: CaseEvent) => e.reason && !(e.type === 'blocked' && e.reason === e.toValue);
  return (
    <section aria-labelledby="detail-history" className="detail-section">
      <h3 id="detail-history">{t('detail.history')}</h3>
      {events.length === 0 ? (
        <p>{t('detail.noHistory')}</p>
      ) : (
        <ol className="history">
          {events.slice(0, 100).map((e) => (
            <li key={e.id} className={`event-${e.type}`}>
              <span className="event-when">{formatDateTime(e.at, locale)}</span>
              <span className="event-what">{describe(e)}</span>
              <span className="event-who">{t('detail.by', { name: e.actorName ?? t('detail.system') })}</span>
              {showReason(e) && <span className="event-reason">{t('events.reason', { reason: e.reason })}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
