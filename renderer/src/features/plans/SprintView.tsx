// The team's sprint: goal, committed cards (commit by case number, take out), burn-up of the
// running sprint, and the review that closes it and carries unfinished items on.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { addDays, mondayOf } from '../../../../shared/dates';
import type { CaseHit, SprintDetail, SprintSummary } from '../../../../shared/api/methods/sprints';
import { formatDate, formatNumber, formatParagraph } from '../../../../shared/format';
import { defaultSprintName } from '../../../../shared/sprints';
import { api } from '../../api/client';
import { useCan } from '../../stores/permissions';
import { useSession } from '../../stores/session';
import { useLoaded } from '../../components/useLoaded';
import './plans.css';
import { DateField } from '../../components/DateField';
import { TableHead } from '../../components/TableHead';

export default function SprintView() {
  const { t, i18n } = useTranslation('plans');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const teamId = useSession((s) => s.teamId);
  const today = useSession((s) => s.workspace?.today ?? '');
  const sprints = useLoaded(teamId === null ? null : () => api.listSprints({ teamId }), `sprints:${teamId}`);
  const [chosen, setChosen] = useState<number | null>(null);
  const list = sprints.data ?? [];
  const fallback = list.find((s) => s.status === 'open' && s.startDate <= today) ?? list.find((s) => s.status === 'open') ?? list[0];
  const sprintId = list.some((s) => s.id === chosen) ? chosen : fallback?.id ?? null;
  const detail = useLoaded(sprintId === null ? null : () => api.getSprint({ sprintId }), `sprint:${sprintId}`);
  const [creating, setCreating] = useState(false);
  // Planning and closing sprints is the team leader's; everyone commits their cases.
  const canPlan = useCan('createSprint', teamId);

  useEffect(() => setChosen(null), [teamId]);

  return (
    <div data-feature="plans" className="plans-view sprint-view">
      <header className="plans-header">
        <h1>{t('sprint.title')}</h1>
        {list.length > 0 && (
          <label className="inline-field">
            {t('sprint.choose')}
            <select aria-label={t('sprint.choose')} value={sprintId ?? ''} onChange={(e) => setChosen(Number(e.target.value))}>
              {list.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({formatDate(s.startDate, locale)} – {formatDate(s.endDate, locale)}){s.status === 'closed' ? ` – ${t('sprint.closed')}` : ''}
                </option>
              ))}
            </select>
          </label>
        )}
        {canPlan && <button type="button" onClick={() => setCreating((c) => !c)} aria-expanded={creating}>{t('sprint.new')}</button>}
      </header>
      {sprints.error && <p className="plans-error" role="alert">{sprints.error}</p>}
      {canPlan && creating && teamId !== null && (
        <NewSprint teamId={teamId} today={today} sprints={list} onCreated={(id) => { setCreating(false); setChosen(id); sprints.reload(); }} />
      )}
      {sprints.data && list.length === 0 && !creating && <p className="muted">{t('sprint.none')}</p>}
      {detail.error && <p className="plans-error" role="alert">{detail.error}</p>}
      {detail.data && teamId !== null && <SprintPanel key={detail.data.sprint.id} detail={detail.data} teamId={teamId} onChanged={() => { detail.reload(); sprints.reload(); }} />}
    </div>
  );
}

function NewSprint({ teamId, today, sprints, onCreated }: { teamId: number; today: string; sprints: SprintSummary[]; onCreated(id: number): void }) {
  const { t } = useTranslation('plans');
  // Suggest the fortnight after the last open sprint, or from next Monday.
  const lastEnd = sprints.filter((s) => s.status === 'open').map((s) => s.endDate).sort().at(-1);
  const suggestedStart = lastEnd && lastEnd >= today ? addDays(lastEnd, 1) : addDays(mondayOf(today), 7);
  const [name, setName] = useState(defaultSprintName(suggestedStart));
  const [goal, setGoal] = useState('');
  const [startDate, setStart] = useState(suggestedStart);
  const [endDate, setEnd] = useState(addDays(suggestedStart, 13));
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await api.createSprint({ teamId, name, goal, startDate, endDate });
    if (!result.ok) return setError(result.error.message);
    onCreated(result.value.id);
  }

  return (
    <form className="plans-card plans-form" onSubmit={(e) => void submit(e)} aria-label={t('sprint.new')}>
      <h2>{t('sprint.new')}</h2>
      <div className="form-row">
        <label>{t('sprint.name')}<input value={name} onChange={(e) => setName(e.target.value)} required /></label>
        <label>{t('sprint.start')}<DateField value={startDate} onChange={setStart} required /></label>
        <label>{t('sprint.end')}<DateField value={endDate} onChange={setEnd} required /></label>
      </div>
      <label className="wide">{t('sprint.goal')}<textarea value={goal} onChange={(e) => setGoal(e.target.value)} rows={2} required /></label>
      {error && <p className="plans-error" role="alert">{error}</p>}
      <button type="submit" className="primary">{t('sprint.create')}</button>
    </form>
  );
}

function SprintPanel({ detail, teamId, onChanged }: { detail: SprintDetail; teamId: number; onChanged(): void }) {
  const { t, i18n } = useTranslation('plans');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const { sprint, items, review } = detail;
  const open = sprint.status === 'open';
  const canClose = useCan('closeSprint', teamId);
  const [error, setError] = useState<string | null>(null);

  async function uncommit(caseId: number) {
    const result = await api.uncommitFromSprint({ sprintId: sprint.id, caseId });
    if (!result.ok) return setError(result.error.message);
    onChanged();
  }

  return (
    <>
      <section className="plans-card sprint-summary" aria-labelledby="sprint-name">
        <h2 id="sprint-name">
          {sprint.name} <span className={`badge badge-${detail.position}`}>{t(`sprint.position.${detail.position}`)}</span>
        </h2>
        <p className="sprint-dates">{formatDate(sprint.startDate, locale)} – {formatDate(sprint.endDate, locale)}</p>
        <p className="sprint-goal"><strong>{t('sprint.goal')}:</strong> {sprint.goal}</p>
        <dl className="figures">
          <div><dt>{t('sprint.committed')}</dt><dd data-testid="sprint-committed">{review.committed}</dd></div>
          <div><dt>{t('sprint.done')}</dt><dd data-testid="sprint-done">{review.done}</dd></div>
          <div><dt>{t('sprint.notDone')}</dt><dd>{review.notDone}</dd></div>
          {!open && (
            <div><dt>{t('sprint.goalMet')}</dt><dd>{sprint.goalMet ? t('sprint.yes') : t('sprint.no')}</dd></div>
          )}
        </dl>
        {!open && sprint.reviewNote && <p className="review-note"><strong>{t('sprint.note')}:</strong> {sprint.reviewNote}</p>}
      </section>

      {detail.burnUp.length > 0 && (
        <section className="plans-card" aria-labelledby="burnup-title">
          <h2 id="burnup-title">{t('sprint.burnUp')}</h2>
          <div className="chart" role="img" aria-label={t('sprint.burnUpAlt', {
            committed: detail.burnUp.at(-1)!.committed, done: detail.burnUp.at(-1)!.done, day: formatDate(detail.burnUp.at(-1)!.day, locale),
          })}>
            <ResponsiveContainer width="100%" height={240}>
              <LineChart data={detail.burnUp.map((p) => ({ ...p, label: formatDate(p.day, locale).slice(0, 5) }))} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
                <CartesianGrid stroke="#d5dbe3" strokeDasharray="3 3" />
                <XAxis dataKey="label" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Line type="stepAfter" dataKey="committed" name={t('sprint.committed')} stroke="#6b7a90" strokeWidth={2} dot={false} isAnimationActive={false} />
                <Line type="stepAfter" dataKey="done" name={t('sprint.done')} stroke="#1d6b3a" strokeWidth={3} dot={false} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
        </section>
      )}

      <section className="plans-card" aria-labelledby="items-title">
        <h2 id="items-title">{t('sprint.items')}</h2>
        {open && <CaseSearch teamId={teamId} sprintId={sprint.id} onCommitted={onChanged} />}
        {error && <p className="plans-error" role="alert">{error}</p>}
        {items.length === 0 ? <p className="muted">{t('sprint.noItems')}</p> : (
          <table className="plans-table sprint-items">
            <TableHead columns={[t('sprint.caseNumber'), t('sprint.kind'), t('sprint.paragraph'), t('sprint.column'), t('sprint.assignee'), t('sprint.status'), open && { label: t('sprint.actions'), hidden: true }]} />
            <tbody>
              {items.map((item) => (
                <tr key={item.caseId} data-case-number={item.caseNumber}>
                  <td>{item.caseNumber} <span className="muted">({item.citizenInitials})</span></td>
                  <td>{t(`kinds.${item.kind}`)}</td>
                  <td>{formatParagraph(item.paragraph)}</td>
                  <td>{item.columnName}</td>
                  <td>{item.assigneeName ?? '–'}</td>
                  <td>
                    <span className={`badge ${item.done ? 'badge-done' : 'badge-open'}`}>
                      {item.outcome ? t(`sprint.outcome.${item.outcome}`) : item.done ? t('sprint.isDone') : t('sprint.isOpen')}
                    </span>
                  </td>
                  {open && (
                    <td><button type="button" onClick={() => void uncommit(item.caseId)} aria-label={t('sprint.uncommitCase', { number: item.caseNumber })}>{t('sprint.uncommit')}</button></td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {open && canClose && <Review detail={detail} onClosed={onChanged} />}
    </>
  );
}

function CaseSearch({ teamId, sprintId, onCommitted }: { teamId: number; sprintId: number; onCommitted(): void }) {
  const { t } = useTranslation('plans');
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<CaseHit[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const text = query.trim();
    if (text.length < 2) return setHits([]);
    let stale = false;
    const timer = setTimeout(() => {
      void api.searchSprintCases({ teamId, query: text }).then((r) => {
        if (stale) return;
        if (r.ok) setHits(r.value);
        else setError(r.error.message);
      });
    }, 150);
    return () => { stale = true; clearTimeout(timer); };
  }, [query, teamId]);

  async function commit(caseId: number) {
    const result = await api.commitToSprint({ sprintId, caseId });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setQuery('');
    setHits([]);
    onCommitted();
  }

  return (
    <div className="case-search">
      <label>
        {t('sprint.search')}
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="2026-000123" />
      </label>
      {hits.length > 0 && (
        <ul className="hits" aria-label={t('sprint.hits')}>
          {hits.map((h) => (
            <li key={h.caseId}>
              <span>{h.caseNumber} · {formatParagraph(h.paragraph)} · {t(`kinds.${h.kind}`)} · {h.columnName}</span>
              {h.sprintId === sprintId ? <span className="muted">{t('sprint.alreadyIn')}</span> : (
                <button type="button" onClick={() => void commit(h.caseId)} aria-label={t('sprint.commitCase', { number: h.caseNumber })}>
                  {h.sprintId ? t('sprint.moveHere') : t('sprint.commit')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {query.trim().length >= 2 && hits.length === 0 && <p className="muted">{t('sprint.noHits')}</p>}
      {error && <p className="plans-error" role="alert">{error}</p>}
    </div>
  );
}

function Review({ detail, onClosed }: { detail: SprintDetail; onClosed(): void }) {
  const { t, i18n } = useTranslation('plans');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const [goalMet, setGoalMet] = useState<boolean | null>(null);
  const [note, setNote] = useState('');
  const targets = detail.carryTargets;
  const [carry, setCarry] = useState<'next_sprint' | 'pull_list'>(targets.length ? 'next_sprint' : 'pull_list');
  const [nextId, setNextId] = useState<number | ''>(targets[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const share = detail.review.doneShare;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (goalMet === null) return setError(t('review.chooseGoal'));
    const result = await api.closeSprint({
      sprintId: detail.sprint.id, goalMet, note: note.trim() || null, carryOver: carry,
      ...(carry === 'next_sprint' && (nextId !== '' || targets[0]) ? { nextSprintId: nextId === '' ? targets[0]!.id : nextId } : {}),
    });
    if (!result.ok) return setError(result.error.message);
    onClosed();
  }

  return (
    <form className="plans-card plans-form review" onSubmit={(e) => void submit(e)} aria-labelledby="review-title">
      <h2 id="review-title">{t('review.title')}</h2>
      <p>{t('review.summary', { done: detail.review.done, committed: detail.review.committed, share: share === null ? '–' : formatNumber(share * 100, 0) })}</p>
      <fieldset>
        <legend>{t('review.goalMet')}</legend>
        <label className="choice"><input type="radio" name="goal-met" checked={goalMet === true} onChange={() => setGoalMet(true)} /> {t('sprint.yes')}</label>
        <label className="choice"><input type="radio" name="goal-met" checked={goalMet === false} onChange={() => setGoalMet(false)} /> {t('sprint.no')}</label>
      </fieldset>
      <label className="wide">{t('sprint.note')}<textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} /></label>
      <fieldset>
        <legend>{t('review.carry', { count: detail.review.notDone })}</legend>
        <label className="choice">
          <input type="radio" name="carry" checked={carry === 'next_sprint'} disabled={targets.length === 0} onChange={() => setCarry('next_sprint')} />
          {' '}{t('review.toNext')}
        </label>
        {carry === 'next_sprint' && targets.length > 0 && (
          <select aria-label={t('review.nextSprint')} value={nextId} onChange={(e) => setNextId(Number(e.target.value))}>
            {targets.map((s) => <option key={s.id} value={s.id}>{s.name} ({formatDate(s.startDate, locale)} – {formatDate(s.endDate, locale)})</option>)}
          </select>
        )}
        {targets.length === 0 && <p className="muted">{t('review.noNext')}</p>}
        <label className="choice"><input type="radio" name="carry" checked={carry === 'pull_list'} onChange={() => setCarry('pull_list')} /> {t('review.toPullList')}</label>
      </fieldset>
      {error && <p className="plans-error" role="alert">{error}</p>}
      <button type="submit" className="primary">{t('review.close')}</button>
    </form>
  );
}
