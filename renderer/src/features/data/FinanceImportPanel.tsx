// Import of the finance system's booked expenditure (issue 16, item 8): a CSV of year, month,
// account, team and amount, checked whole by the host and written in one transaction; a month,
// account and team already imported is replaced. The result and every row-level error in Danish.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FinanceImportResult } from '../../../../shared/api/methods/finance';
import { formatKroner, formatNumber, type Locale } from '../../../../shared/format';
import type { ImportError } from '../../../../shared/import';
import { api } from '../../api/client';
import { useCan } from '../../stores/permissions';
import { MAX_FILE_BYTES, toBase64 } from './files';

export function FinanceImportPanel() {
  const { t, i18n } = useTranslation('data');
  const locale: Locale = i18n.language === 'en' ? 'en' : 'da';
  const allowed = useCan('importFinanceBookings');
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [running, setRunning] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [result, setResult] = useState<FinanceImportResult | null>(null);
  const [errors, setErrors] = useState<{ list: ImportError[]; total: number } | null>(null);
  const [inputKey, setInputKey] = useState(0);

  async function chooseFile(list: FileList | null) {
    setMessage(null);
    setErrors(null);
    setResult(null);
    const chosen = list?.[0];
    setFile(null);
    if (!chosen) return;
    if (chosen.size > MAX_FILE_BYTES) {
      setMessage({ kind: 'error', text: t('import.tooLarge') });
      return;
    }
    try {
      const content = chosen.size === 0 ? '' : toBase64(await chosen.arrayBuffer());
      if (content === '') setMessage({ kind: 'error', text: t('import.readFailed', { message: t('finance.empty') }) });
      else setFile({ name: chosen.name, content });
    } catch (error) {
      setMessage({ kind: 'error', text: t('import.readFailed', { message: (error as Error).message }) });
    }
  }

  async function run() {
    if (!file) return;
    setRunning(true);
    setMessage(null);
    setErrors(null);
    const envelope = await api.importFinanceBookings({ fileName: file.name, contentBase64: file.content });
    setRunning(false);
    if (envelope.ok) {
      const r = envelope.value;
      setResult(r);
      const months = r.months.map((m) => `${(t('finance.months', { returnObjects: true }) as string[])[m.month - 1]} ${m.year}`).join(', ');
      setMessage({
        kind: 'ok',
        text: t('finance.done', {
          file: r.fileName, bookings: formatNumber(r.bookings, 0, locale), inserted: formatNumber(r.inserted, 0, locale),
          replaced: formatNumber(r.replaced, 0, locale), months, total: formatKroner(r.total, locale),
        }),
      });
      setFile(null);
      setInputKey((k) => k + 1);
    } else {
      setMessage({ kind: 'error', text: envelope.error.message });
      const details = envelope.error.details as { errors?: ImportError[]; totalErrors?: number } | undefined;
      if (details?.errors) setErrors({ list: details.errors, total: details.totalErrors ?? details.errors.length });
    }
  }

  return (
    <div className="data-import data-finance-import">
      <h2>{t('finance.heading')}</h2>
      <p className="data-intro">{t('finance.intro')}</p>
      {!allowed && <p className="data-note" role="note">{t('finance.onlyStewards')}</p>}
      <div className="data-form-row">
        <label className="data-field">
          <span>{t('import.file')}</span>
          <input key={inputKey} type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void chooseFile(e.target.files)} />
        </label>
        <button type="button" className="primary data-run" disabled={!allowed || !file || running} onClick={() => void run()}>
          {running ? t('import.running') : t('finance.run')}
        </button>
      </div>
      {message && <div className={`data-message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</div>}
      {result && result.teams.length > 0 && <p className="data-summary">{t('finance.teams', { names: result.teams.join(', '), rows: formatNumber(result.rows, 0, locale) })}</p>}
      {errors && errors.list.length > 0 && (
        <section className="data-errors" aria-labelledby="finance-errors-heading">
          <h3 id="finance-errors-heading">{t('finance.errorsHeading', { count: errors.total })}</h3>
          {errors.total > errors.list.length && <p>{t('import.errorsMore', { shown: errors.list.length, count: errors.total })}</p>}
          <div className="data-table-wrap">
            <table className="data-table">
              <thead><tr><th scope="col">{t('import.row')}</th><th scope="col">{t('import.column')}</th><th scope="col">{t('import.value')}</th><th scope="col">{t('import.reason')}</th></tr></thead>
              <tbody>
                {errors.list.map((e, i) => (
                  <tr key={i}><td className="num">{e.row}</td><td>{e.column}</td><td><code>{e.value}</code></td><td>{e.reason}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
