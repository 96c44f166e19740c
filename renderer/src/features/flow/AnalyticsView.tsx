// The flow analytics view (issue 18): one toolbar (period, base date, day counting, grouping,
// sections) that a saved view restores, so the weekly review opens the same way each week.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView, SavedViewSettings } from '../../../../shared/api/methods/flowAnalytics';
import { actsDepartmentWide } from '../../../../shared/api/define';
import { addDays, addMonths, isIsoDate } from '../../../../shared/dates';
import { api } from '../../api/client';
import { useLoaded } from '../../components/useLoaded';
import { useCan } from '../../stores/permissions';
import { useSession } from '../../stores/session';
import {
  AgeingSection, BlockersSection, ComplianceSection, EfficiencySection, ForecastSection, HeatMapSection, type ComplianceGroupBy,
} from './analyticsSections';
import { FlowSettingsPanel } from './FlowSettingsPanel';
import './flow.css';
import './analytics.css';
import { DateField } from '../../components/DateField';

type Section = SavedViewSettings['sections'][number];
const SECTIONS: readonly Section[] = ['compliance', 'blockers', 'efficiency', 'ageing', 'heatmap', 'forecast'];
export const DEFAULT_SETTINGS: SavedViewSettings = { months: 3, asOf: null, counting: 'calendar', complianceGroup: 'paragraph', department: false, sections: [...SECTIONS] };

export default function AnalyticsView() {
  const { t } = useTranslation('flow');
  const teamId = useSession((s) => s.teamId);
  const teams = useSession((s) => s.teams);
  const actor = useSession((s) => s.actor);
  const today = useSession((s) => s.workspace?.today) ?? new Date().toISOString().slice(0, 10);
  const team = teams.find((x) => x.id === teamId);
  // What the host would allow, read from the contract's declarations (the host enforces the same).
  const canSaveViews = useCan('saveView', teamId);
  const canCategorize = useCan('categorizeBlocks', teamId);
  // The whole department's compliance (no team) is for department-wide roles that read compliance.
  const mayReadCompliance = useCan('getDeadlineCompliance');
  const departmentWide = actor !== null && actsDepartmentWide(actor.roles) && mayReadCompliance;

  const [settings, setSettings] = useState<SavedViewSettings>(DEFAULT_SETTINGS);
  const [viewId, setViewId] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [makeDefault, setMakeDefault] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const views = useLoaded(teamId === null ? null : () => api.listSavedViews({ teamId }), `views ${teamId}`);
  // The team's default view opens first, once per team.
  const opened = useRef<number | null>(null);
  useEffect(() => {
    if (!views.data || opened.current === teamId) return;
    opened.current = teamId;
    const first = views.data.find((v) => v.isDefault);
    if (first) open(first);
    else {
      setViewId(null);
      setSettings(DEFAULT_SETTINGS);
    }
  }, [views.data, teamId]);

  function open(view: SavedView) {
    setViewId(view.id);
    setName(view.name);
    setMakeDefault(view.isDefault);
    setSettings({ ...DEFAULT_SETTINGS, ...view.settings });
  }

  async function save(asNew: boolean) {
    if (teamId === null || name.trim() === '') return;
    setError(null);
    const result = await api.saveView({ teamId, ...(asNew || viewId === null ? {} : { id: viewId }), name: name.trim(), settings, isDefault: makeDefault });
    if (result.ok) {
      setViewId(result.value.id);
      setMessage(t('analytics.views.saved', { name: result.value.name }));
      views.reload();
    } else setError(result.error.message);
  }

  async function remove() {
    if (teamId === null || viewId === null) return;
    const result = await api.deleteView({ teamId, id: viewId });
    if (result.ok) {
      setViewId(null);
      setName('');
      views.reload();
    } else setError(result.error.message);
  }

  if (teamId === null) return <div className="notice">{t('loading')}</div>;
  const asOf = settings.asOf && isIsoDate(settings.asOf) && settings.asOf <= today ? settings.asOf : null;
  const to = asOf ?? today;
  const from = addDays(addMonths(to, -settings.months), 1);
  const on = (s: Section) => settings.sections.includes(s);
  const set = (patch: Partial<SavedViewSettings>) => setSettings({ ...settings, ...patch });

  return (
    <div data-feature="flow" className="flow-view analytics-view">
      <header className="flow-head">
        <div>
          <h1>{t('analytics.title')} – {team?.name}</h1>
          <p className="flow-sub">{t('analytics.intro')}</p>
        </div>
      </header>

      <section className="flow-card analytics-toolbar" aria-label={t('analytics.toolbar.label')}>
        <div className="analytics-controls">
          <label>
            {t('analytics.views.choose')}
            <select data-testid="saved-view" value={viewId ?? ''} onChange={(e) => {
              const v = views.data?.find((x) => x.id === Number(e.target.value));
              if (v) open(v);
              else { setViewId(null); setName(''); setSettings(DEFAULT_SETTINGS); }
            }}>
              <option value="">{t('analytics.views.none')}</option>
              {views.data?.map((v) => <option key={v.id} value={v.id}>{v.name}{v.isDefault ? ` ${t('analytics.views.defaultMark')}` : ''}</option>)}
            </select>
          </label>
          <label>
            {t('analytics.toolbar.months')}
            <select value={settings.months} onChange={(e) => set({ months: Number(e.target.value) })}>
              {[1, 3, 6, 12, 24].map((m) => <option key={m} value={m}>{t('analytics.toolbar.monthsOption', { count: m })}</option>)}
            </select>
          </label>
          <label title={t('analytics.toolbar.asOfHelp')}>
            {t('analytics.toolbar.asOf')}
            <DateField value={settings.asOf ?? ''} max={today} onChange={(v) => set({ asOf: v === '' ? null : v })} />
          </label>
          <label>
            {t('analytics.toolbar.counting')}
            <select value={settings.counting} onChange={(e) => set({ counting: e.target.value as SavedViewSettings['counting'] })}>
              <option value="calendar">{t('analytics.toolbar.calendar')}</option>
              <option value="working">{t('analytics.toolbar.working')}</option>
            </select>
          </label>
          <label>
            {t('analytics.toolbar.group')}
            <select value={settings.complianceGroup} onChange={(e) => set({ complianceGroup: e.target.value as ComplianceGroupBy })}>
              {(['paragraph', 'caseworker', 'month', 'team'] as const).map((g) => <option key={g} value={g}>{t(`analytics.toolbar.groups.${g}`)}</option>)}
            </select>
          </label>
          {departmentWide && (
            <label className="analytics-check">
              <input type="checkbox" checked={settings.department ?? false} onChange={(e) => set({ department: e.target.checked })} /> {t('analytics.department')}
            </label>
          )}
        </div>
        <fieldset className="analytics-sections">
          <legend>{t('analytics.toolbar.sections')}</legend>
          {SECTIONS.map((s) => (
            <label key={s} className="analytics-check">
              <input type="checkbox" checked={on(s)} disabled={on(s) && settings.sections.length === 1}
                onChange={(e) => set({ sections: e.target.checked ? SECTIONS.filter((x) => x === s || on(x)) : settings.sections.filter((x) => x !== s) })} />
              {t(`analytics.sectionNames.${s}`)}
            </label>
          ))}
        </fieldset>
        {canSaveViews ? (
          <form className="analytics-save" onSubmit={(e) => { e.preventDefault(); void save(false); }}>
            <label>
              {t('analytics.views.name')}
              <input data-testid="view-name" value={name} maxLength={80} placeholder={t('analytics.views.placeholder')} onChange={(e) => setName(e.target.value)} />
            </label>
            <label className="analytics-check"><input type="checkbox" checked={makeDefault} onChange={(e) => setMakeDefault(e.target.checked)} /> {t('analytics.views.makeDefault')}</label>
            <button type="submit" className="primary" disabled={name.trim() === ''}>{viewId === null ? t('analytics.views.save') : t('analytics.views.update')}</button>
            {viewId !== null && <button type="button" onClick={() => void save(true)} disabled={name.trim() === ''}>{t('analytics.views.save')}</button>}
            {viewId !== null && <button type="button" onClick={() => void remove()}>{t('analytics.views.delete')}</button>}
            {message && <span role="status">{message}</span>}
          </form>
        ) : <p className="flow-note">{t('analytics.views.leadersOnly')}</p>}
        {error && <p role="alert" className="flow-error">{error}</p>}
      </section>

      <div className="flow-grid analytics-grid">
        {on('compliance') && <ComplianceSection teamId={settings.department && departmentWide ? null : teamId} from={from} to={to} counting={settings.counting} group={settings.complianceGroup} />}
        {on('blockers') && <BlockersSection teamId={teamId} from={from} to={to} canCategorize={canCategorize} />}
        {on('efficiency') && <EfficiencySection teamId={teamId} from={from} to={to} />}
        {on('ageing') && <AgeingSection teamId={teamId} asOf={asOf} />}
        {on('heatmap') && <HeatMapSection teamId={teamId} from={from} to={to} />}
        {on('forecast') && <ForecastSection teamId={teamId} />}
        <FlowSettingsPanel teamId={teamId} />
      </div>
    </div>
  );
}
