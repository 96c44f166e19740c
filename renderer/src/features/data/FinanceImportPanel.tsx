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
import { DataMessage, FileField, ImportErrors, ImportIntro, useReadFile, type ChosenFile } from './importParts';

export function FinanceImportPanel() {
  const { t, i18n } = useTranslation('data');
  const locale: Locale = i18n.language === 'en' ? 'en' : 'da';
  const allowed = useCan('importFinanceBookings');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [running, setRunning] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [result, setResult] = useState<FinanceImportResult | null>(null);
  const [errors, setErrors] = useState<{ list: ImportError[]; total: number } | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const read = useReadFile(t('finance.empty'));

  async function chooseFile(list: FileList | null) {
    setMessage(null);
    setErrors(null);
    setResult(null);
    const chosen = list?.[0];
    setFile(null);
    if (!chosen) return;
    const outcome = await read(chosen);
    if ('error' in outcome) setMessage({ kind: 'error', text: outcome.error });
    else setFile(outcome.file);
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
      <ImportIntro heading={t('finance.heading')} intro={t('finance.intro')} refusal={allowed ? null : t('finance.onlyStewards')} />
      <div className="data-form-row">
        <FileField key={inputKey} onChoose={(files) => void chooseFile(files)} />
        <button type="button" className="primary data-run" disabled={!allowed || !file || running} onClick={() => void run()}>
          {running ? t('import.running') : t('finance.run')}
        </button>
      </div>
      <DataMessage message={message} />
      {result && result.teams.length > 0 && <p className="data-summary">{t('finance.teams', { names: result.teams.join(', '), rows: formatNumber(result.rows, 0, locale) })}</p>}
      {errors && errors.list.length > 0 && (
        <ImportErrors id="finance-errors-heading" heading={t('finance.errorsHeading', { count: errors.total })} errors={errors.list} total={errors.total} />
      )}
    </div>
  );
}
