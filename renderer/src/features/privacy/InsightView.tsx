// Indsigt: the lookup log's extract for one citizen, for an insight request (art. 15). Dates in
// Danish, roles and teams always, employee names only when ticked; printable as it stands.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessLogExtract } from '../../../../shared/api/methods/privacy';
import { formatDate, formatDateTime } from '../../../../shared/format';
import { api } from '../../api/client';
import './privacy.css';
import { DateField } from '../../components/DateField';
import { TableHead } from '../../components/TableHead';

type Locale = 'da' | 'en';

export default function InsightView() {
  const { t, i18n } = useTranslation('privacy');
  const locale: Locale = i18n.language === 'en' ? 'en' : 'da';
  const [citizenRef, setCitizenRef] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [withNames, setWithNames] = useState(false);
  const [extract, setExtract] = useState<AccessLogExtract | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  async function show(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setLoading(true);
    const res = await api.getAccessLog({ citizenRef: citizenRef.trim(), ...(from ? { from } : {}), ...(to ? { to } : {}), withEmployees: withNames });
    setLoading(false);
    if (res.ok) setExtract(res.value);
    else {
      setExtract(null);
      setError(res.error.message);
    }
  }

  const time = (at: string) => formatDateTime(at, locale).slice(-5);
  const day = (at: string) => formatDateTime(at, locale).slice(0, 10);

  return (
    <div data-feature="privacy" className="privacy-view">
      <h1>{t('insight.title')}</h1>
      <p className="privacy-intro">{t('insight.intro')}</p>
      <form className="privacy-panel privacy-form no-print" onSubmit={(e) => void show(e)}>
        <label className="privacy-field">
          <span>{t('insight.citizen')}</span>
          <input value={citizenRef} onChange={(e) => setCitizenRef(e.target.value)} required maxLength={60} aria-describedby="insight-citizen-help" autoComplete="off" />
          <small id="insight-citizen-help">{t('insight.citizenHelp')}</small>
        </label>
        <label className="privacy-field">
          <span>{t('insight.from')}</span>
          <DateField value={from} onChange={setFrom} />
        </label>
        <label className="privacy-field">
          <span>{t('insight.to')}</span>
          <DateField value={to} onChange={setTo} />
        </label>
        <label className="privacy-check">
          <input type="checkbox" checked={withNames} onChange={(e) => setWithNames(e.target.checked)} />
          <span>{t('insight.withNames')}</span>
        </label>
        <button type="submit" className="primary" disabled={loading || citizenRef.trim() === ''}>{loading ? t('insight.loading') : t('insight.show')}</button>
      </form>
      {error && <div className="privacy-message error" role="alert">{error}</div>}
      {extract && (
        <section className="privacy-panel privacy-extract" aria-labelledby="insight-heading">
          <div className="privacy-extract-head">
            <h2 id="insight-heading">{t('insight.heading', { ref: extract.citizenRef })}</h2>
            <button type="button" className="no-print" onClick={() => window.print()}>{t('insight.print')}</button>
          </div>
          <p className="privacy-meta">
            {t('insight.period', { from: formatDate(extract.from, locale), to: formatDate(extract.to, locale), months: extract.retentionMonths })}{' '}
            <strong>{t('insight.count', { count: extract.entries.length })}</strong>
          </p>
          {extract.entries.length === 0 ? (
            <p>{t('insight.none')}</p>
          ) : (
            <table className="privacy-table">
              <TableHead columns={[t('insight.columns.date'), t('insight.columns.time'), t('insight.columns.purpose'), t('insight.columns.role'), t('insight.columns.team'), extract.withEmployees && t('insight.columns.person')]} />
              <tbody>
                {extract.entries.map((e, i) => (
                  <tr key={`${e.at}-${i}`}>
                    <td className="nowrap">{day(e.at)}</td>
                    <td className="nowrap">{time(e.at)}</td>
                    <td>{e.purpose}</td>
                    <td>{e.role ? t(`roles.${e.role}`) : t('insight.commandLine')}</td>
                    <td>{e.teamName ?? '–'}</td>
                    {extract.withEmployees && <td>{e.personName ?? '–'}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="privacy-printed print-only">{t('insight.printedAt', { at: formatDateTime(new Date().toISOString(), locale) })}</p>
        </section>
      )}
    </div>
  );
}
