// Revisitation campaigns: a leader picks grants by paragraph, provider, cost or age and sends
// them to the pull list as revisitations with the campaign's priority; progress per campaign.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignCandidateView, CampaignView } from '../../../../shared/api/methods/committee';
import type { CampaignCriteria } from '../../../../shared/committee';
import { formatDate, formatKroner, formatParagraph } from '../../../../shared/format';
import { PARAGRAPHS } from '../../../../shared/paragraphs';
import { api } from '../../api/client';
import { useCan } from '../../stores/permissions';
import { useSession } from '../../stores/session';
import { useLoaded } from '../../components/useLoaded';
import { NumberField } from '../../components/NumberField';
import { CaseLink } from '../../components/CaseLink';
import { checkForm, useFieldErrors } from '../../components/formCheck';

const CAMPAIGN_FIELDS = ['name', 'tagWeight', 'criteria.minYearlyCost', 'criteria.minAgeMonths', 'criteria.limit', 'criteria.provider'] as const;

export function CampaignsPanel() {
  const { t, i18n } = useTranslation('committee');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const teamId = useSession((s) => s.teamId);
  const canStart = useCan('createCampaign', teamId);
  const campaigns = useLoaded<CampaignView[]>(teamId === null ? null : () => api.listCampaigns({ teamId }), String(teamId));
  return (
    <>
      <section className="cm-card" aria-labelledby="cm-campaigns">
        <h2 id="cm-campaigns">{t('campaigns.title')}</h2>
        {campaigns.error && <p className="field-error" role="alert">{campaigns.error}</p>}
        {campaigns.data?.length === 0 && <p className="muted">{t('campaigns.none')}</p>}
        {campaigns.data?.map((c) => (
          <details key={c.id} className="cm-campaign" data-campaign-id={c.id}>
            <summary>
              <strong>{c.name}</strong> <span className="muted">({formatDate(c.createdAt.slice(0, 10), locale)})</span>
              <span className="cm-progress" data-testid="campaign-progress">
                {t('campaigns.progress', { revisited: c.progress.revisited, total: c.progress.total, changed: c.progress.changed, savings: formatKroner(c.progress.savingsPerYear, locale) })}
              </span>
            </summary>
            {c.tag && <p className="muted">{t('campaigns.tag', { label: c.tag.label, weight: c.tag.weight })}</p>}
            <table className="cm-table">
              <thead><tr><th scope="col">{t('campaigns.grant')}</th><th scope="col" className="num">{t('campaigns.before')}</th><th scope="col" className="num">{t('campaigns.after')}</th></tr></thead>
              <tbody>
                {c.grants.map((g) => (
                  <tr key={g.grantId}>
                    <td><CaseLink teamId={c.teamId} caseId={g.caseId} caseNumber={g.caseNumber} /> · {formatParagraph(g.paragraph)} {g.service} ({g.provider})</td>
                    <td className="num">{formatKroner(g.yearlyBefore, locale)}</td>
                    <td className="num">{g.yearlyAfter === null ? <span className="muted">{t('campaigns.notYet')}</span> : formatKroner(g.yearlyAfter, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        ))}
      </section>
      {canStart && teamId !== null ? <NewCampaign teamId={teamId} onCreated={campaigns.reload} /> : <p className="muted">{t('campaigns.leaderOnly')}</p>}
    </>
  );
}

function NewCampaign({ teamId, onCreated }: { teamId: number; onCreated(): void }) {
  const { t, i18n } = useTranslation('committee');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const [name, setName] = useState('');
  const [criteria, setCriteria] = useState<CampaignCriteria>({ paragraph: null, providerType: null, provider: null, minYearlyCost: null, minAgeMonths: null, order: 'cost_desc', limit: 20 });
  const [weight, setWeight] = useState<number | null>(40);
  const [preview, setPreview] = useState<CampaignCandidateView[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof CampaignCriteria>(key: K, value: CampaignCriteria[K]) => {
    setCriteria((c) => ({ ...c, [key]: value }));
    setPreview(null);
  };
  const fields = useFieldErrors(CAMPAIGN_FIELDS);
  const showPreview = async (form: HTMLFormElement | null) => {
    fields.clear();
    if (form && !checkForm(form)) return;
    const r = await api.previewCampaign({ teamId, criteria });
    if (r.ok) {
      setPreview(r.value);
      setError(null);
    } else setError(fields.take(r.error));
  };
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    fields.clear();
    if (!checkForm(e.currentTarget)) return;
    const r = await api.createCampaign({ teamId, name: name.trim(), criteria, tagWeight: weight ?? 0 });
    if (!r.ok) setError(fields.take(r.error));
    else {
      setError(null);
      setMessage(t('campaigns.started'));
      setPreview(null);
      setName('');
      onCreated();
    }
  };
  const total = preview?.reduce((s, g) => s + g.yearlyCost, 0) ?? 0;
  return (
    <form className="cm-card cm-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="cm-new-campaign">
      <h2 id="cm-new-campaign">{t('campaigns.new')}</h2>
      <div className="cm-row">
        <label className="field cm-grow">{t('campaigns.name')}<input type="text" value={name} aria-required maxLength={120} onChange={(e) => setName(e.target.value)} aria-invalid={fields.of('name') ? true : undefined} />{fields.of('name') && <span className="field-error">{fields.of('name')}</span>}</label>
        <label className="field">{t('campaigns.paragraph')}
          <select value={criteria.paragraph ?? ''} onChange={(e) => set('paragraph', e.target.value || null)}>
            <option value="">{t('campaigns.any')}</option>
            {PARAGRAPHS.map((p) => <option key={p.code} value={p.code}>{formatParagraph(p.code)} {p.label}</option>)}
          </select>
        </label>
        <label className="field">{t('campaigns.providerType')}
          <select value={criteria.providerType ?? ''} onChange={(e) => set('providerType', (e.target.value || null) as CampaignCriteria['providerType'])}>
            <option value="">{t('campaigns.any')}</option>
            <option value="internal">{t('economy:providerTypes.internal')}</option>
            <option value="external">{t('economy:providerTypes.external')}</option>
          </select>
        </label>
      </div>
      <div className="cm-row">
        <label className="field">{t('campaigns.provider')}<input type="text" value={criteria.provider ?? ''} maxLength={200} onChange={(e) => set('provider', e.target.value || null)} /></label>
        <label className="field">{t('campaigns.minYearlyCost')}<NumberField min={0} decimals={2} value={criteria.minYearlyCost} onChange={(v) => set('minYearlyCost', v)} error={fields.of('criteria.minYearlyCost')} /></label>
        <label className="field">{t('campaigns.minAgeMonths')}<NumberField min={0} max={600} decimals={0} value={criteria.minAgeMonths} onChange={(v) => set('minAgeMonths', v)} error={fields.of('criteria.minAgeMonths')} /></label>
        <label className="field">{t('campaigns.order')}
          <select value={criteria.order} onChange={(e) => set('order', e.target.value as CampaignCriteria['order'])}>
            <option value="cost_desc">{t('campaigns.costDesc')}</option>
            <option value="age_desc">{t('campaigns.ageDesc')}</option>
          </select>
        </label>
        <label className="field">{t('campaigns.limit')}<NumberField required min={1} max={500} decimals={0} value={criteria.limit} onChange={(v) => v !== null && set('limit', v)} error={fields.of('criteria.limit')} /></label>
        <label className="field">{t('campaigns.weight')}<NumberField required min={0} max={100} decimals={0} value={weight} onChange={setWeight} error={fields.of('tagWeight')} /></label>
      </div>
      <div className="form-actions">
        <button type="button" onClick={(e) => void showPreview(e.currentTarget.form)}>{t('campaigns.preview')}</button>
        <button type="submit" className="primary" disabled={!name.trim()}>{t('campaigns.start')}</button>
        {message && <span className="field-ok" role="status">{message}</span>}
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
      {preview && (
        <>
          <p><strong>{t('campaigns.previewCount', { count: preview.length, amount: formatKroner(total, locale) })}</strong></p>
          <table className="cm-table">
            <tbody>
              {preview.map((g) => (
                <tr key={g.grantId}><td><CaseLink teamId={teamId} caseId={g.caseId} caseNumber={g.caseNumber} /> · {formatParagraph(g.paragraph)} {g.service} ({g.provider})</td><td>{formatDate(g.startDate, locale)}</td><td className="num">{formatKroner(g.yearlyCost, locale)}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </form>
  );
}
