// The team's pull list: every item with its reasons ("hvorfor står den her"), pins and the rule
// weights for the team's leader, strategic priorities and the legal processing deadlines.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessingTime, PullList, TeamCompetences } from '../../../../shared/api/methods/pullList';
import { formatDate, formatNumber, formatParagraph, type Locale } from '../../../../shared/format';
import { MAX_RULE_WEIGHT, PULL_RULES, WORK_ITEM_KINDS, type RankedItem, type RuleWeights, type WorkItemKind } from '../../../../shared/pullList';
import { api } from '../../api/client';
import { can } from '../../stores/permissions';
import { useSession } from '../../stores/session';
import { PullButton } from './PullButton';
import { useLoaded } from '../../components/useLoaded';
import './pull.css';
import { CaseLink } from '../../components/CaseLink';
import { NumberField } from '../../components/NumberField';
import { checkForm, useFieldErrors } from '../../components/formCheck';

const WEIGHT_FIELDS = PULL_RULES.map((r) => `weights.${r}` as const);
const TAG_FIELDS = ['label', 'weight', 'paragraph', 'kind'] as const;

const PAGE = 100;

export default function PullListView() {
  const { t, i18n } = useTranslation('pull');
  const { t: tApp } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'da';
  const teamId = useSession((s) => s.teamId);
  const actor = useSession((s) => s.actor);
  const list = useLoaded<PullList>(teamId === null ? null : () => api.getPullList({ teamId }), String(teamId));
  const [shown, setShown] = useState(PAGE);
  useEffect(() => setShown(PAGE), [teamId]);

  if (list.error) return <div className="notice error" role="alert">{list.error}</div>;
  const l = list.data;
  if (!l) return <div className="notice" aria-busy="true">{tApp('app.loading')}</div>;

  const mayWeigh = can(actor, 'setRuleWeights', l.team.id);
  const mayTag = can(actor, 'savePriorityTag', l.team.id);
  const mayPin = can(actor, 'setPin');
  const mayAssignCompetences = can(actor, 'setCompetences');
  const ownTeam = actor?.teamId === l.team.id;
  return (
    <div data-feature="pull" className="pull-view">
      <header className="pull-header">
        <div>
          <h1>{t('list.title', { team: l.team.name })}</h1>
          <p className="pull-sub" data-testid="pull-summary">{t('list.summary', { count: l.items.length, date: formatDate(l.today, locale) })}</p>
        </div>
        {ownTeam ? <PullButton onPulled={() => list.reload()} /> : <p className="pull-sub">{t('pull.notInTeam')}</p>}
      </header>
      <p className="pull-intro">{t('list.intro')}</p>

      <div className="pull-layout">
        <section className="pull-card pull-items" aria-labelledby="pull-items-title">
          <h2 id="pull-items-title" className="visually-hidden">{t('list.items')}</h2>
          {l.items.length === 0 ? (
            <p className="pull-empty">{t('list.empty')}</p>
          ) : (
            <ol className="pull-list" aria-labelledby="pull-items-title">
              {l.items.slice(0, shown).map((item) => (
                <Item key={item.caseId} item={item} teamId={l.team.id} locale={locale} canPin={mayPin} onChanged={list.reload} />
              ))}
            </ol>
          )}
          {l.items.length > shown && (
            <button type="button" className="pull-more" onClick={() => setShown((n) => n + PAGE)}>
              {t('list.showMore', { count: Math.min(PAGE, l.items.length - shown) })}
            </button>
          )}
        </section>

        <aside className="pull-side">
          <Weights teamId={l.team.id} weights={l.weights} isDefault={l.defaultWeights} canEdit={mayWeigh} onSaved={list.reload} />
          <Tags list={l} canEdit={mayTag} onChanged={list.reload} />
          <Competences teamId={l.team.id} canEdit={mayAssignCompetences} />
          <Deadlines canEdit={can(actor, 'setProcessingTime')} />
        </aside>
      </div>
    </div>
  );
}

function Item({ item, teamId, locale, canPin, onChanged }: { item: RankedItem; teamId: number; locale: Locale; canPin: boolean; onChanged: () => void }) {
  const { t } = useTranslation('pull');
  const [error, setError] = useState<string | null>(null);
  const pinned = item.pinnedAt !== null;
  const togglePin = async () => {
    const result = await api.setPin({ caseId: item.caseId, pinned: !pinned });
    if (!result.ok) setError(result.error.message);
    else {
      setError(null);
      onChanged();
    }
  };
  const tone = item.daysToDeadline === null ? 'none' : item.daysToDeadline < 0 ? 'red' : item.daysToDeadline <= 7 ? 'amber' : 'ok';
  return (
    <li className={`pull-item${pinned ? ' pinned' : ''}`} data-case-number={item.caseNumber} aria-label={`${item.position}. ${item.caseNumber}`}>
      <div className="pull-item-head">
        <span className="pull-position" aria-hidden="true">{item.position}</span>
        <span className="pull-case-number"><CaseLink teamId={teamId} caseId={item.caseId} caseNumber={item.caseNumber} /></span>
        <span className={`pull-kind kind-${item.kind}`}>{t(`kinds.${item.kind}`)}</span>
        <span className="pull-paragraph">{formatParagraph(item.paragraph)}</span>
        <span className="pull-citizen" title={t('list.citizen')}>{item.citizenInitials}</span>
        {item.deadline && (
          <span className={`pull-days tone-${tone}`} title={t('list.deadline')}>{formatDate(item.deadline, locale)}</span>
        )}
        {pinned && <span className="pull-flag">{t('list.pinned')}</span>}
        {item.reservedForId !== null && <span className="pull-flag reserved">{t('list.reserved')}</span>}
        <span className="pull-score">
          <span className="visually-hidden">{t('list.score')}: </span>
          {formatNumber(item.score, Number.isInteger(item.score) ? 0 : 1, locale)}
          <span aria-hidden="true"> {t('list.score').toLowerCase()}</span>
        </span>
        {canPin && (
          <button type="button" className="pull-pin" onClick={() => void togglePin()} aria-pressed={pinned}
            aria-label={`${pinned ? t('list.unpin') : t('list.pin')}: ${item.caseNumber}`}>
            {pinned ? t('list.unpin') : t('list.pin')}
          </button>
        )}
      </div>
      <ul className="pull-reasons" aria-label={t('list.why')}>
        {item.reasons.map((reason) => <li key={reason}>{reason}</li>)}
      </ul>
      {error && <p className="pull-note tone-error" role="alert">{error}</p>}
    </li>
  );
}

function Weights({ teamId, weights, isDefault, canEdit, onSaved }: {
  teamId: number; weights: RuleWeights; isDefault: boolean; canEdit: boolean; onSaved: () => void;
}) {
  const { t } = useTranslation('pull');
  const [draft, setDraft] = useState<Record<string, number | null>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const fields = useFieldErrors(WEIGHT_FIELDS);
  const key = PULL_RULES.map((r) => weights[r]).join('|');
  // key, not weights: every reload brings a new weights object, and only new values reset the draft.
  useEffect(() => setDraft({ ...weights }), [key, teamId]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    fields.clear();
    setMessage(null);
    if (!checkForm(e.currentTarget)) return;
    const next = Object.fromEntries(PULL_RULES.map((r) => [r, draft[r] ?? weights[r]])) as RuleWeights;
    const result = await api.setRuleWeights({ teamId, weights: next });
    if (!result.ok) {
      const rest = fields.take(result.error);
      if (rest) setMessage({ ok: false, text: rest });
    } else {
      setMessage({ ok: true, text: t('rulesPanel.saved') });
      onSaved();
    }
  };

  return (
    <section className="pull-card" aria-labelledby="pull-weights-title">
      <h2 id="pull-weights-title">{t('rulesPanel.title')}</h2>
      <p className="pull-help">{t('rulesPanel.intro')}</p>
      <form noValidate onSubmit={(e) => void submit(e)} className="pull-weights">
        {PULL_RULES.map((rule) => (
          <label key={rule} className="pull-weight">
            <span className="pull-weight-name">{t(`rules.${rule}`)}</span>
            <span className="pull-help">{t(`ruleHelp.${rule}`)}</span>
            {canEdit ? (
              <NumberField required min={0} max={MAX_RULE_WEIGHT} decimals={1} value={draft[rule] ?? weights[rule]}
                onChange={(v) => setDraft({ ...draft, [rule]: v })} error={fields.of(`weights.${rule}`)}
                aria-label={`${t('rulesPanel.weight')}: ${t(`rules.${rule}`)}`} />
            ) : (
              <span className="pull-weight-value">× {formatNumber(weights[rule], Number.isInteger(weights[rule]) ? 0 : 1)}</span>
            )}
          </label>
        ))}
        {isDefault && <p className="pull-help">{t('rulesPanel.defaults')}</p>}
        {canEdit && <button type="submit" className="primary">{t('rulesPanel.save')}</button>}
        {message && <p className={`pull-note tone-${message.ok ? 'ok' : 'error'}`} role={message.ok ? 'status' : 'alert'}>{message.text}</p>}
      </form>
    </section>
  );
}

function Tags({ list, canEdit, onChanged }: { list: PullList; canEdit: boolean; onChanged: () => void }) {
  const { t } = useTranslation('pull');
  const [label, setLabel] = useState('');
  const [weight, setWeight] = useState<number | null>(30);
  const [paragraph, setParagraph] = useState('');
  const [kind, setKind] = useState<WorkItemKind | ''>('');
  const [error, setError] = useState<string | null>(null);
  const paragraphs = [...new Set(list.items.map((i) => i.paragraph))].sort((a, b) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b));

  const fields = useFieldErrors(TAG_FIELDS);
  const add = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    fields.clear();
    setError(null);
    if (!checkForm(e.currentTarget) || weight === null) return;
    const result = await api.savePriorityTag({
      teamId: list.team.id, label, weight, paragraph: paragraph || null, kind: kind || null,
    });
    if (!result.ok) setError(fields.take(result.error));
    else {
      setError(null);
      setLabel('');
      onChanged();
    }
  };
  const remove = async (tagId: number) => {
    const result = await api.deletePriorityTag({ tagId });
    if (!result.ok) setError(result.error.message);
    else onChanged();
  };

  return (
    <section className="pull-card" aria-labelledby="pull-tags-title">
      <h2 id="pull-tags-title">{t('tags.title')}</h2>
      <p className="pull-help">{t('tags.intro')}</p>
      {list.tags.length === 0 ? <p className="pull-empty">{t('tags.none')}</p> : (
        <ul className="pull-tags">
          {list.tags.map((tag) => (
            <li key={tag.id}>
              <span className="pull-tag-label">{tag.label}</span>
              <span className="pull-help">
                {[tag.paragraph ? formatParagraph(tag.paragraph) : null, tag.kind ? t(`kinds.${tag.kind}`) : null].filter(Boolean).join(' · ')}
              </span>
              <span className="pull-tag-weight">+{tag.weight}</span>
              {canEdit && (
                <button type="button" onClick={() => void remove(tag.id)} aria-label={t('tags.removeLabel', { label: tag.label })}>
                  {t('tags.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form className="pull-tag-form" noValidate onSubmit={(e) => void add(e)}>
          <label className="pull-field">{t('tags.label')}
            <input value={label} onChange={(e) => setLabel(e.target.value)} aria-required maxLength={80} aria-invalid={fields.of('label') ? true : undefined} />
            {fields.of('label') && <span className="field-error">{fields.of('label')}</span>}
          </label>
          <label className="pull-field">{t('tags.weight')}
            <NumberField required min={0} max={100} decimals={0} value={weight} onChange={setWeight} error={fields.of('weight')} />
          </label>
          <label className="pull-field">{t('tags.paragraph')}
            <select value={paragraph} onChange={(e) => setParagraph(e.target.value)}>
              <option value="">{t('tags.any')}</option>
              {paragraphs.map((p) => <option key={p} value={p}>{formatParagraph(p)}</option>)}
            </select>
          </label>
          <label className="pull-field">{t('tags.kind')}
            <select value={kind} onChange={(e) => setKind(e.target.value as WorkItemKind | '')}>
              <option value="">{t('tags.any')}</option>
              {WORK_ITEM_KINDS.map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
            </select>
          </label>
          <button type="submit" className="primary">{t('tags.add')}</button>
          {error && <p className="pull-note tone-error" role="alert">{error}</p>}
        </form>
      )}
    </section>
  );
}

function Deadlines({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation('pull');
  const times = useLoaded<ProcessingTime[]>(() => api.listProcessingTimes({}), 'all');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const save = async (paragraph: string, weeks: number | null) => {
    const result = await api.setProcessingTime({ paragraph, weeks });
    if (!result.ok) setMessage({ ok: false, text: result.error.fields?.map((f) => f.message).join('; ') || result.error.message });
    else {
      setMessage({ ok: true, text: t('deadlines.saved', { paragraph: formatParagraph(paragraph), count: result.value.casesUpdated }) });
      times.reload();
    }
  };

  return (
    <section className="pull-card" aria-labelledby="pull-deadlines-title">
      <details>
        <summary><h2 id="pull-deadlines-title">{t('deadlines.title')}</h2></summary>
        <p className="pull-help">{t('deadlines.intro')}</p>
        {times.error && <p className="pull-note tone-error" role="alert">{times.error}</p>}
        <table className="pull-table pull-deadlines">
          <thead>
            <tr><th scope="col">{t('deadlines.paragraph')}</th><th scope="col">{t('deadlines.weeks')}</th><th scope="col">{t('deadlines.default')}</th></tr>
          </thead>
          <tbody>
            {(times.data ?? []).map((row) => (
              <DeadlineRow key={row.paragraph} row={row} canEdit={canEdit} onSave={save} />
            ))}
          </tbody>
        </table>
        {message && <p className={`pull-note tone-${message.ok ? 'ok' : 'error'}`} role={message.ok ? 'status' : 'alert'}>{message.text}</p>}
      </details>
    </section>
  );
}

function DeadlineRow({ row, canEdit, onSave }: { row: ProcessingTime; canEdit: boolean; onSave: (paragraph: string, weeks: number | null) => Promise<void> }) {
  const { t } = useTranslation('pull');
  const [value, setValue] = useState<number | null>(row.weeks);
  useEffect(() => setValue(row.weeks), [row.weeks]);
  const label = `${formatParagraph(row.paragraph)}${row.label ? ` ${row.label}` : ''}`;
  return (
    <tr>
      <th scope="row">
        {formatParagraph(row.paragraph)} <span className="pull-help">{row.label}</span>
        {row.updatedByName && <span className="pull-help">{t('deadlines.changedBy', { name: row.updatedByName })}</span>}
      </th>
      <td>
        {canEdit ? (
          <form className="pull-inline" noValidate onSubmit={(e) => { e.preventDefault(); if (checkForm(e.currentTarget)) void onSave(row.paragraph, value); }}>
            <NumberField min={1} max={104} decimals={0} value={value} placeholder="–" title={t('deadlines.none')} onChange={setValue}
              aria-label={`${t('deadlines.weeks')}: ${label}`} />
            <button type="submit">{t('deadlines.save')}</button>
          </form>
        ) : row.weeks === null ? t('deadlines.none') : row.weeks}
      </td>
      <td>{row.defaultWeeks === null ? t('deadlines.none') : row.defaultWeeks}</td>
    </tr>
  );
}

function Competences({ teamId, canEdit }: { teamId: number; canEdit: boolean }) {
  const { t } = useTranslation('pull');
  const data = useLoaded<TeamCompetences>(() => api.listCompetences({ teamId }), String(teamId));
  const [error, setError] = useState<string | null>(null);
  const c = data.data;

  const toggle = async (personId: number, current: string[], paragraph: string, on: boolean) => {
    const paragraphs = on ? [...current, paragraph] : current.filter((p) => p !== paragraph);
    const result = await api.setCompetences({ personId, paragraphs });
    if (!result.ok) setError(result.error.message);
    else {
      setError(null);
      data.reload();
    }
  };

  return (
    <section className="pull-card" aria-labelledby="pull-competences-title">
      <details>
        <summary><h2 id="pull-competences-title">{t('competences.title')}</h2></summary>
        <p className="pull-help">{t('competences.intro')}</p>
        {data.error && <p className="pull-note tone-error" role="alert">{data.error}</p>}
        {c && (
          <table className="pull-table pull-competence-table">
            <thead>
              <tr>
                <th scope="col">{t('competences.person')}</th>
                {c.paragraphs.map((p) => <th key={p} scope="col">{formatParagraph(p)}</th>)}
              </tr>
            </thead>
            <tbody>
              {c.people.filter((p) => p.role === 'caseworker').map((person) => (
                <tr key={person.personId}>
                  <th scope="row">{person.name}</th>
                  {c.paragraphs.map((p) => {
                    const has = person.paragraphs.includes(p);
                    return (
                      <td key={p}>
                        {canEdit ? (
                          <input type="checkbox" checked={has} onChange={(e) => void toggle(person.personId, person.paragraphs, p, e.target.checked)}
                            aria-label={t('competences.toggle', { name: person.name, paragraph: formatParagraph(p) })} />
                        ) : has ? <span aria-label={t('competences.yes')}>✓</span> : <span aria-label={t('competences.no')}>–</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {error && <p className="pull-note tone-error" role="alert">{error}</p>}
      </details>
    </section>
  );
}
