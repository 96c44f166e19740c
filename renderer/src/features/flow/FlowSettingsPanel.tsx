// Flow settings: the service-level expectation per column in working days (and whether time there
// counts as work), set by the team's leaders; the calendar's closed days and the list of blocker
// categories, which are the department's and set by the department head.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarOptions } from '../../../../shared/calendar';
import type { BlockerCategory } from '../../../../shared/flowAnalytics';
import { formatDate, type Locale } from '../../../../shared/format';
import { api } from '../../api/client';
import { useLoaded } from '../../components/useLoaded';
import { useCan } from '../../stores/permissions';
import { NumberField } from '../../components/NumberField';
import { checkForm } from '../../components/formCheck';

export function FlowSettingsPanel({ teamId }: { teamId: number }) {
  const { t, i18n } = useTranslation('flow');
  const canEdit = useCan('setColumnFlowSettings', teamId);
  const canEditCalendar = useCan('setCalendarSettings');
  const canEditCategories = useCan('saveBlockerCategory');
  const locale: Locale = i18n.language === 'en' ? 'en' : 'da';
  const settings = useLoaded(() => api.getFlowSettings({ teamId }), `flow-settings ${teamId}`);
  const categories = useLoaded(() => api.listBlockerCategories({}), 'blocker-categories');
  const [levels, setLevels] = useState<Record<number, { max: number | null; work: '' | 'yes' | 'no' }>>({});
  const levelsTable = useRef<HTMLTableElement>(null);
  const [calendar, setCalendar] = useState<CalendarOptions | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!settings.data) return;
    setLevels(Object.fromEntries(settings.data.columns.map((c) => [c.id, { max: c.maxWorkingDays, work: c.countsAsWork === null ? '' : c.countsAsWork ? 'yes' : 'no' }])));
    setCalendar(settings.data.calendar);
  }, [settings.data]);

  const s = settings.data;
  if (!s || !calendar) return null;
  const done = (ok: boolean, msg?: string) => {
    if (ok) { setMessage(t('analytics.settings.saved')); setError(null); settings.reload(); } else { setError(msg ?? ''); setMessage(null); }
  };

  async function saveLevels() {
    if (levelsTable.current && !checkForm(levelsTable.current)) return;
    for (const c of s!.columns) {
      const l = levels[c.id];
      if (!l) continue;
      const max = l.max;
      const work = l.work === '' ? null : l.work === 'yes';
      if (max === c.maxWorkingDays && work === c.countsAsWork) continue;
      const result = await api.setColumnFlowSettings({ columnId: c.id, maxWorkingDays: max, countsAsWork: work });
      if (!result.ok) return done(false, result.error.message);
    }
    done(true);
  }

  async function saveCalendar(next: CalendarOptions) {
    setCalendar(next);
    const result = await api.setCalendarSettings(next);
    done(result.ok, result.ok ? undefined : result.error.message);
  }

  const years = [...new Set(s.closedDays.map((d) => d.date.slice(0, 4)))].join('–');
  return (
    <section className="flow-card wide analytics-section" aria-labelledby="flow-settings-title" data-section="settings">
      <h2 id="flow-settings-title">{t('analytics.settings.title')}</h2>
      {!canEdit && !canEditCalendar && <p className="flow-note">{t('analytics.settings.readOnly')}</p>}
      {message && <p role="status" className="flow-note">{message}</p>}
      {error && <p role="alert" className="flow-error">{error}</p>}
      <div className="analytics-three">
        <div>
          <h3>{t('analytics.settings.levelsTitle')}</h3>
          <p className="flow-card-help">{t('analytics.settings.levelsHelp')}</p>
          <table className="flow-table" data-testid="service-levels" ref={levelsTable}>
            <thead><tr><th scope="col">{t('analytics.settings.column')}</th><th scope="col" className="num">{t('analytics.settings.maxDays')}</th><th scope="col">{t('analytics.settings.work')}</th></tr></thead>
            <tbody>
              {s.columns.filter((c) => c.kind !== 'done').map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  <td className="num">
                    <NumberField min={1} max={260} decimals={0} className="analytics-number" aria-label={`${t('analytics.settings.maxDays')}: ${c.name}`} disabled={!canEdit}
                      value={levels[c.id]?.max ?? null} onChange={(v) => setLevels({ ...levels, [c.id]: { ...levels[c.id]!, max: v } })} />
                  </td>
                  <td>
                    <select aria-label={`${t('analytics.settings.work')}: ${c.name}`} disabled={!canEdit} value={levels[c.id]?.work ?? ''}
                      onChange={(e) => setLevels({ ...levels, [c.id]: { ...levels[c.id]!, work: e.target.value as '' | 'yes' | 'no' } })}>
                      <option value="">{t('analytics.settings.byKind')} ({c.kind === 'active' ? t('analytics.settings.yes') : t('analytics.settings.no')})</option>
                      <option value="yes">{t('analytics.settings.yes')}</option>
                      <option value="no">{t('analytics.settings.no')}</option>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {canEdit && <button type="button" className="primary" style={{ marginTop: 8 }} data-testid="save-service-levels" onClick={() => void saveLevels()}>{t('analytics.settings.save')}</button>}
        </div>
        <div>
          <h3>{t('analytics.settings.calendarTitle')}</h3>
          <p className="flow-card-help">{t('analytics.settings.calendarHelp')}</p>
          {!canEditCalendar && canEdit && <p className="flow-note">{t('analytics.settings.departmentOnly')}</p>}
          {(['christmasEveClosed', 'newYearsEveClosed', 'constitutionDayClosed'] as const).map((key) => (
            <label key={key} className="analytics-check" style={{ display: 'flex' }}>
              <input type="checkbox" checked={calendar[key]} disabled={!canEditCalendar} onChange={(e) => void saveCalendar({ ...calendar, [key]: e.target.checked })} />
              {t(`analytics.settings.${key === 'christmasEveClosed' ? 'christmasEve' : key === 'newYearsEveClosed' ? 'newYearsEve' : 'constitutionDay'}`)}
            </label>
          ))}
          <details className="flow-details">
            <summary>{t('analytics.settings.closedDays', { years })}</summary>
            <ul className="analytics-days">{s.closedDays.map((d) => <li key={`${d.date}${d.name}`}>{formatDate(d.date, locale)} {d.name}</li>)}</ul>
          </details>
        </div>
        <div>
          <h3>{t('analytics.settings.categoriesTitle')}</h3>
          <p className="flow-card-help">{t('analytics.settings.categoriesHelp')}</p>
          {!canEditCategories && canEdit && <p className="flow-note">{t('analytics.settings.departmentOnly')}</p>}
          {categories.data && <CategoryList categories={categories.data} canEdit={canEditCategories} onSaved={() => { categories.reload(); done(true); }} onError={(m) => done(false, m)} />}
        </div>
      </div>
    </section>
  );
}

function CategoryList({ categories, canEdit, onSaved, onError }: { categories: BlockerCategory[]; canEdit: boolean; onSaved(): void; onError(message: string): void }) {
  const { t } = useTranslation('flow');
  const [draft, setDraft] = useState({ name: '', keywords: '' });
  async function save(c: { id?: number; name: string; keywords: string; active: boolean }) {
    const result = await api.saveBlockerCategory({
      ...(c.id === undefined ? {} : { id: c.id }), name: c.name.trim(), active: c.active,
      keywords: c.keywords.split(',').map((k) => k.trim()).filter(Boolean),
    });
    if (result.ok) onSaved();
    else onError(result.error.message);
  }
  return (
    <>
      <ul className="analytics-categories">
        {categories.map((c) => (
          <li key={c.id} className={c.active ? undefined : 'inactive'}>
            <label className="analytics-check">
              <input type="checkbox" checked={c.active} disabled={!canEdit} aria-label={`${t('analytics.settings.active')}: ${c.name}`}
                onChange={(e) => void save({ id: c.id, name: c.name, keywords: c.keywords.join(','), active: e.target.checked })} />
              <strong>{c.name}</strong>
            </label>
            {c.keywords.length > 0 && <span className="analytics-muted"> {c.keywords.join(', ')}</span>}
          </li>
        ))}
      </ul>
      {canEdit && (
        <form className="analytics-save" onSubmit={(e) => { e.preventDefault(); if (draft.name.trim()) void save({ ...draft, active: true }).then(() => setDraft({ name: '', keywords: '' })); }}>
          <label>{t('analytics.settings.name')}<input value={draft.name} maxLength={80} placeholder={t('analytics.settings.newName')} onChange={(e) => setDraft({ ...draft, name: e.target.value })} /></label>
          <label>{t('analytics.settings.keywords')}<input value={draft.keywords} onChange={(e) => setDraft({ ...draft, keywords: e.target.value })} /></label>
          <button type="submit" disabled={draft.name.trim() === ''}>{t('analytics.settings.add')}</button>
        </form>
      )}
    </>
  );
}
