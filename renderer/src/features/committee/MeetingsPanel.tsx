// The committee's meetings, newest first, and planning the next one (leaders).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '../../../../shared/api/methods/committee';
import { formatDate } from '../../../../shared/format';
import { api } from '../../api/client';
import { useCan } from '../../stores/permissions';
import { useSession } from '../../stores/session';
import { useLoaded } from '../../components/useLoaded';
import { DateField } from '../../components/DateField';

export function MeetingsPanel({ onOpen }: { onOpen(id: number): void }) {
  const { t, i18n } = useTranslation('committee');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const canPlan = useCan('createMeeting');
  // The meeting screen shows proposals of every team: for the committee, not for caseworkers.
  const canOpen = useCan('getMeeting');
  const meetings = useLoaded<MeetingSummary[]>(() => api.listMeetings({}), 'meetings');
  return (
    <>
      <p className="cm-intro">{t('intro')}</p>
      <section className="cm-card" aria-labelledby="cm-meetings">
        <h2 id="cm-meetings">{t('meetings.list')}</h2>
        {meetings.error && <p className="field-error" role="alert">{meetings.error}</p>}
        {meetings.data?.length === 0 && <p className="muted">{t('meetings.none')}</p>}
        <ul className="cm-meetings">
          {meetings.data?.map((m) => (
            <li key={m.id} data-meeting-id={m.id}>
              {canOpen ? (
                <button type="button" className="cm-meeting-link" onClick={() => onOpen(m.id)} aria-label={t('meetings.open', { title: m.title, date: formatDate(m.date, locale) })}>
                  <strong>{m.title} {formatDate(m.date, locale)}</strong>
                </button>
              ) : <strong>{m.title} {formatDate(m.date, locale)}</strong>}
              <span className={`cm-status cm-status-${m.status}`}>{t(`meetings.${m.status}`)}</span>
              <span>{t('meetings.agendaCount', { count: m.agendaCount })}</span>
              <span className="muted">{t('meetings.decided', { count: m.decidedCount })}</span>
              <span className="muted cm-members">{m.members.map((p) => p.name).join(', ')}</span>
            </li>
          ))}
        </ul>
      </section>
      {canPlan ? <NewMeeting onCreated={(id) => { meetings.reload(); onOpen(id); }} /> : <p className="muted">{t('meetings.leaderOnly')}</p>}
    </>
  );
}

function NewMeeting({ onCreated }: { onCreated(id: number): void }) {
  const { t } = useTranslation('committee');
  const people = useSession((s) => s.people);
  const today = useSession((s) => s.workspace?.today ?? '');
  const [date, setDate] = useState(today);
  const [title, setTitle] = useState('Visitationsudvalget');
  const [members, setMembers] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const candidates = people.filter((p) => p.role !== 'caseworker');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await api.createMeeting({ date, title, memberIds: members });
    if (!r.ok) setError(r.error.fields?.map((f) => f.message).join('; ') || r.error.message);
    else onCreated(r.value.id);
  };
  return (
    <form className="cm-card cm-form" onSubmit={(e) => void submit(e)} aria-labelledby="cm-new-meeting">
      <h2 id="cm-new-meeting">{t('meetings.new')}</h2>
      <div className="cm-row">
        <label className="field">{t('meetings.date')}<DateField value={date} required onChange={setDate} /></label>
        <label className="field cm-grow">{t('meetings.name')}<input type="text" value={title} required maxLength={200} onChange={(e) => setTitle(e.target.value)} /></label>
      </div>
      <fieldset className="cm-members-choice">
        <legend>{t('meetings.members')}</legend>
        {candidates.map((p) => (
          <label key={p.id} className="cm-check">
            <input type="checkbox" checked={members.includes(p.id)}
              onChange={(e) => setMembers((m) => (e.target.checked ? [...m, p.id] : m.filter((x) => x !== p.id)))} />
            {p.name}
          </label>
        ))}
      </fieldset>
      {error && <p className="field-error" role="alert">{error}</p>}
      <button type="submit" className="primary">{t('meetings.create')}</button>
    </form>
  );
}
