// Leaders' page: budgets per team and year (optionally per paragraph) with their history, the
// takst catalogue with dated price changes, and the takst categories.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueEntry } from '../../../../shared/api/methods/economy';
import { formatDate, formatDateTime, formatKroner, formatNumber, formatParagraph } from '../../../../shared/format';
import { api } from '../../api/client';
import { can, useCan } from '../../stores/permissions';
import { useSession } from '../../stores/session';
import { useLoaded } from '../../components/useLoaded';
import './economy.css';
import { DateField } from '../../components/DateField';
import { num, ScrollTable } from '../../components/TableHead';
import { NumberField } from '../../components/NumberField';
import { checkForm, useFieldErrors } from '../../components/formCheck';

const BUDGET_FIELDS = ['teamId', 'year', 'amount', 'paragraph'] as const;
const PRICE_FIELDS = ['takst', 'validFrom'] as const;

export default function EconomySettingsView() {
  const { t } = useTranslation('economy');
  const canSetPrices = useCan('setTakstPrice');
  return (
    <div data-feature="economy" className="economy-view">
      <header className="economy-header"><h1>{t('settings.title')}</h1></header>
      {!canSetPrices && <p className="field-help">{t('settings.leadersOnly')}</p>}
      <Budgets />
      <Catalogue />
    </div>
  );
}

function Budgets() {
  const { t, i18n } = useTranslation('economy');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const actor = useSession((s) => s.actor);
  // A leader sets their own team's budget; the visitationschef any team's.
  const teams = useSession((s) => s.teams).filter((x) => can(actor, 'setBudget', x.id));
  const sessionTeam = useSession((s) => s.teamId);
  const today = useSession((s) => s.workspace?.today ?? '2026-01-01');
  const [teamId, setTeamId] = useState<number>(teams.find((x) => x.id === sessionTeam)?.id ?? teams[0]?.id ?? 1);
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState<number | null>(thisYear);
  const [amount, setAmount] = useState<number | null>(null);
  const [paragraph, setParagraph] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const fields = useFieldErrors(BUDGET_FIELDS);
  const shownYear = year ?? thisYear;
  const overview = useLoaded(() => api.getBudget({ teamId, year: shownYear }), `${teamId} ${shownYear}`, { keepPrevious: true });

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    fields.clear();
    setMessage(null);
    if (!checkForm(e.currentTarget) || amount === null || year === null) return;
    const result = await api.setBudget({ teamId, year, amount, ...(paragraph.trim() ? { paragraph: paragraph.trim() } : {}) });
    if (!result.ok) {
      const rest = fields.take(result.error);
      if (rest) setMessage({ ok: false, text: rest });
    } else {
      setMessage({ ok: true, text: t('settings.budgetSaved') });
      setAmount(null);
      overview.reload();
    }
  };

  const o = overview.data;
  return (
    <section className="economy-card" aria-labelledby="budgets-title">
      <h2 id="budgets-title">{t('settings.budgets')}</h2>
      <form className="inline-form" noValidate onSubmit={(e) => void submit(e)}>
        <label className="field">
          {t('common.team')}
          <select value={teamId} onChange={(e) => setTeamId(Number(e.target.value))}>
            {teams.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
          </select>
        </label>
        <label className="field">
          {t('settings.year')}
          <NumberField required min={2000} max={2100} decimals={0} grouping={false} value={year} onChange={setYear} error={fields.of('year')} />
        </label>
        <label className="field">
          {t('settings.paragraphOptional')}
          <input type="text" value={paragraph} maxLength={12} placeholder="85" onChange={(e) => setParagraph(e.target.value)}
            aria-invalid={fields.of('paragraph') ? true : undefined} />
          {fields.of('paragraph') && <span className="field-error">{fields.of('paragraph')}</span>}
        </label>
        <label className="field">
          {t('settings.amount')}
          <NumberField required min={0} decimals={2} shownDecimals={2} value={amount} onChange={setAmount} error={fields.of('amount')} />
        </label>
        <div className="form-actions">
          <button type="submit" className="primary">{t('settings.setBudget')}</button>
          {message && <span className={message.ok ? 'field-ok' : 'field-error'} role={message.ok ? 'status' : 'alert'}>{message.text}</span>}
        </div>
      </form>
      {overview.error && <p className="field-error" role="alert">{overview.error}</p>}
      {o && (
        <>
          <p className="budget-current">{o.amount === null ? t('settings.noBudget', { year: o.year }) : t('settings.current', { year: o.year, amount: formatKroner(o.amount, locale) })}</p>
          {o.paragraphs.length > 0 && (
            <>
              <h3>{t('settings.perParagraph')}</h3>
              <ul className="plain-list">
                {o.paragraphs.map((p) => <li key={p.paragraph}>{formatParagraph(p.paragraph)}: {formatKroner(p.amount, locale)}</li>)}
              </ul>
            </>
          )}
          {o.history.length > 0 && (
            <>
              <h3>{t('settings.history')}</h3>
              <ul className="plain-list history-list">
                {o.history.map((h) => (
                  <li key={h.id}>
                    {t('settings.historyEntry', {
                      when: formatDateTime(h.setAt, locale),
                      what: `${h.year} ${h.paragraph ? formatParagraph(h.paragraph) : t('settings.wholeTeam')}`,
                      amount: formatKroner(h.amount, locale),
                      previous: h.previous === null ? '–' : formatKroner(h.previous, locale),
                      who: h.setBy ?? t('settings.admin'),
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

function Catalogue() {
  const { t, i18n } = useTranslation('economy');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const catalogue = useLoaded(() => api.getTakstCatalogue({}), 'catalogue');
  const canSetPrices = useCan('setTakstPrice');
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const needle = filter.trim().toLocaleLowerCase('da');
  const entries = (catalogue.data?.entries ?? []).filter((e) => !needle || `${e.paragraph} ${e.service} ${e.provider}`.toLocaleLowerCase('da').includes(needle));
  return (
    <>
      <section className="economy-card" aria-labelledby="categories-title">
        <h2 id="categories-title">{t('settings.categories')}</h2>
        <ul className="plain-list">
          {catalogue.data?.categories.map((c) => (
            <li key={c.id}>
              <strong>{c.label}</strong>:{' '}
              {c.maxHours === null ? t('settings.categoryOpen', { min: formatNumber(c.minHours, 0, locale) }) : t('settings.categoryRange', { min: formatNumber(c.minHours, 0, locale), max: formatNumber(c.maxHours, 2, locale) })}
              {' · '}{t('settings.followUps', { developing: c.followUpMonthsDeveloping, maintaining: c.followUpMonthsMaintaining })}
            </li>
          ))}
        </ul>
      </section>
      <section className="economy-card" aria-labelledby="catalogue-title">
        <h2 id="catalogue-title">{t('settings.catalogue')}</h2>
        <p className="field-help">{t('settings.catalogueIntro')}</p>
        <label className="field inline">
          {t('settings.filter')}
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
        {catalogue.error && <p className="field-error" role="alert">{catalogue.error}</p>}
        <ScrollTable wrapClassName="table-wrap" className="economy-table compact catalogue-table" columns={[t('grants.paragraph'), t('grants.service'), t('grants.provider'), t('grants.providerType'), num(t('settings.price')), t('settings.validFrom'), t('settings.previous'), { label: t('settings.changePrice'), hidden: true }]}>
          {entries.map((e) => {
            const key = `${e.serviceId}:${e.providerId}`;
            return (
              <tr key={key}>
                <td>{formatParagraph(e.paragraph)}</td>
                <td>{e.service}</td>
                <td>{e.provider}</td>
                <td>{t(`providerTypes.${e.providerType}`)}</td>
                <td className="num">{e.takst === null ? '–' : `${formatNumber(e.takst, 2, locale)}`} <span className="field-help">{t(`unitsPer.${e.unit}`)}</span></td>
                <td>{formatDate(e.validFrom, locale)}</td>
                <td className="field-help">{e.history.filter((h) => h.validFrom !== e.validFrom).slice(0, 2).map((h) => `${formatDate(h.validFrom, locale)}: ${formatNumber(h.takst, 2, locale)}`).join(' · ')}</td>
                <td>
                  {editing === key
                    ? <PriceForm entry={e} onDone={() => { setEditing(null); catalogue.reload(); }} />
                    : canSetPrices && <button type="button" onClick={() => setEditing(key)} aria-label={`${t('settings.changePrice')}: ${e.service}, ${e.provider}`}>{t('settings.changePrice')}</button>}
                </td>
              </tr>
            );
          })}
        </ScrollTable>
      </section>
    </>
  );
}

function PriceForm({ entry, onDone }: { entry: CatalogueEntry; onDone(): void }) {
  const { t } = useTranslation('economy');
  const today = useSession((s) => s.workspace?.today ?? '');
  const [takst, setTakst] = useState<number | null>(entry.takst);
  const [validFrom, setValidFrom] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const fields = useFieldErrors(PRICE_FIELDS);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    fields.clear();
    setError(null);
    if (!checkForm(e.currentTarget) || takst === null) return;
    const result = await api.setTakstPrice({ serviceId: entry.serviceId, providerId: entry.providerId, takst, validFrom });
    if (!result.ok) setError(fields.take(result.error));
    else onDone();
  };
  return (
    <form className="price-form" noValidate onSubmit={(e) => void submit(e)}>
      <label className="field">
        {t('settings.newPrice')}
        <NumberField required min={0} decimals={2} shownDecimals={2} value={takst} onChange={setTakst} error={fields.of('takst')} />
      </label>
      <label className="field">
        {t('settings.validFrom')}
        <DateField value={validFrom} required onChange={setValidFrom} aria-invalid={fields.of('validFrom') ? true : undefined} />
        {fields.of('validFrom') && <span className="field-error">{fields.of('validFrom')}</span>}
      </label>
      <div className="form-actions">
        <button type="button" onClick={onDone}>{t('grants.cancel')}</button>
        <button type="submit" className="primary">{t('app.save', { ns: 'translation' })}</button>
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
    </form>
  );
}
