// Databeskyttelse (administrators): the CPR scan of the store with its findings masked, redaction
// of one finding with a reason (confirmed in a dialog), and erasure of a citizen after the retention
// period. The host enforces the roles, the free-text whitelist and the retention period.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CprFinding, CprScanResult } from '../../../../shared/api/methods/privacy';
import { formatNumber } from '../../../../shared/format';
import { api } from '../../api/client';
import './privacy.css';
import { num, TableHead } from '../../components/TableHead';

type Message = { kind: 'ok' | 'error'; text: string };
type Pending = { kind: 'redact'; finding: CprFinding } | { kind: 'erase'; citizenRef: string; reason: string } | null;

function ConfirmDialog({ title, children, confirm, onConfirm, onCancel }: {
  title: string; children: React.ReactNode; confirm: string; onConfirm: () => void; onCancel: () => void;
}) {
  const { t } = useTranslation('privacy');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('textarea, input, button')?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onCancel();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);
  return (
    <div className="privacy-backdrop">
      <div className="privacy-dialog" role="dialog" aria-modal="true" aria-labelledby="privacy-dialog-title" ref={ref}>
        <h2 id="privacy-dialog-title">{title}</h2>
        {children}
        <div className="privacy-dialog-actions">
          <button type="button" onClick={onCancel}>{t('protection.cancel')}</button>
          <button type="button" className="danger" onClick={onConfirm}>{confirm}</button>
        </div>
      </div>
    </div>
  );
}

export default function ProtectionView() {
  const { t, i18n } = useTranslation('privacy');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const [scan, setScan] = useState<CprScanResult | null>(null);
  const [scanning, setScanning] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [reason, setReason] = useState('');
  const [whole, setWhole] = useState(false);
  const [citizenRef, setCitizenRef] = useState('');
  const [eraseReason, setEraseReason] = useState('');

  const tableName = (table: string) => t(`tables.${table}`, { defaultValue: table });

  async function runScan() {
    setScanning(true);
    const res = await api.scanPrivacy({});
    setScanning(false);
    if (res.ok) setScan(res.value);
    else setMessage({ kind: 'error', text: res.error.message });
  }

  async function redact(finding: CprFinding) {
    const res = await api.redactValue({ table: finding.table, column: finding.column, rowId: finding.rowId!, reason: reason.trim(), whole });
    if (!res.ok) {
      setMessage({ kind: 'error', text: res.error.message });
      return;
    }
    setPending(null);
    setReason('');
    setWhole(false);
    setMessage({ kind: 'ok', text: t('protection.redacted', { count: res.value.eventsChanged }) });
    await runScan();
  }

  async function erase(ref: string, why: string) {
    const res = await api.eraseCitizen({ citizenRef: ref, reason: why });
    setPending(null);
    if (!res.ok) {
      setMessage({ kind: 'error', text: res.error.message });
      return;
    }
    setCitizenRef('');
    setEraseReason('');
    setMessage({ kind: 'ok', text: t('protection.erased', { ref: res.value.newRef, cases: res.value.cases, fields: res.value.fieldsCleared, events: res.value.eventsChanged }) });
  }

  function askErase(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    setPending({ kind: 'erase', citizenRef: citizenRef.trim(), reason: eraseReason.trim() });
  }

  return (
    <div data-feature="privacy" className="privacy-view">
      <h1>{t('protection.title')}</h1>
      <p className="privacy-intro">{t('protection.intro')}</p>
      {message && <div className={`privacy-message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</div>}

      <section className="privacy-panel" aria-labelledby="scan-heading">
        <div className="privacy-extract-head">
          <div>
            <h2 id="scan-heading">{t('protection.scanHeading')}</h2>
            <p className="privacy-meta">{t('protection.scanIntro')}</p>
          </div>
          <button type="button" className="primary" disabled={scanning} onClick={() => { setMessage(null); void runScan(); }}>
            {scanning ? t('protection.scanning') : t('protection.scan')}
          </button>
        </div>
        {scan && (
          <>
            <p className="privacy-meta">
              {t('protection.scanned', { tables: formatNumber(scan.scannedTables, 0, locale), rows: formatNumber(scan.scannedRows, 0, locale) })}{' '}
              <strong className={scan.findings.length ? 'privacy-bad' : 'privacy-good'}>
                {scan.findings.length ? t('protection.found', { count: scan.findings.length }) : t('protection.clean')}
              </strong>
            </p>
            {scan.findings.length > 0 && (
              <table className="privacy-table">
                <TableHead columns={[t('protection.columns.where'), t('protection.columns.field'), num(t('protection.columns.row')), t('protection.columns.found'), t('protection.columns.actions')]} />
                <tbody>
                  {scan.findings.map((f) => (
                    <tr key={`${f.table}.${f.column}.${f.rowId ?? JSON.stringify(f.key)}`}>
                      <td>{tableName(f.table)}</td>
                      <td><code>{f.column}</code></td>
                      <td className="num">{f.rowId ?? JSON.stringify(f.key)}</td>
                      <td className="nowrap"><code>{f.masked}</code>{f.count > 1 && <span className="privacy-more"> {t('protection.more', { count: f.count - 1 })}</span>}</td>
                      <td>
                        {f.redactable ? (
                          <button type="button" onClick={() => { setMessage(null); setPending({ kind: 'redact', finding: f }); }}
                            aria-label={`${t('protection.redact')} ${tableName(f.table)} ${f.column} ${f.rowId}`}>
                            {t('protection.redact')}
                          </button>
                        ) : <span className="privacy-meta">{t('protection.notRedactable')}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </section>

      <section className="privacy-panel" aria-labelledby="erase-heading">
        <h2 id="erase-heading">{t('protection.eraseHeading')}</h2>
        <p className="privacy-meta">{t('protection.eraseIntro', { years: 5 })}</p>
        <form className="privacy-form" onSubmit={askErase}>
          <label className="privacy-field">
            <span>{t('protection.citizen')}</span>
            <input value={citizenRef} onChange={(e) => setCitizenRef(e.target.value)} required maxLength={60} autoComplete="off" />
          </label>
          <label className="privacy-field wide">
            <span>{t('protection.reason')}</span>
            <input value={eraseReason} onChange={(e) => setEraseReason(e.target.value)} required minLength={3} maxLength={500} aria-describedby="erase-reason-help" />
            <small id="erase-reason-help">{t('protection.reasonHelp')}</small>
          </label>
          <button type="submit" className="danger" disabled={citizenRef.trim() === '' || eraseReason.trim().length < 3}>{t('protection.erase')}</button>
        </form>
      </section>

      {pending?.kind === 'redact' && (
        <ConfirmDialog
          title={t('protection.confirmRedactTitle')}
          confirm={t('protection.confirmRedactYes')}
          onCancel={() => setPending(null)}
          onConfirm={() => void redact(pending.finding)}
        >
          <p>{t('protection.confirmRedact', { where: `${tableName(pending.finding.table)} · ${pending.finding.column}`, row: pending.finding.rowId, masked: pending.finding.masked })}</p>
          <label className="privacy-field wide">
            <span>{t('protection.reason')}</span>
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={500} aria-describedby="redact-reason-help" />
            <small id="redact-reason-help">{t('protection.reasonHelp')}</small>
          </label>
          <label className="privacy-check">
            <input type="checkbox" checked={whole} onChange={(e) => setWhole(e.target.checked)} />
            <span>{t('protection.whole')}</span>
          </label>
          {message?.kind === 'error' && <div className="privacy-message error" role="alert">{message.text}</div>}
        </ConfirmDialog>
      )}
      {pending?.kind === 'erase' && (
        <ConfirmDialog
          title={t('protection.confirmEraseTitle')}
          confirm={t('protection.confirmEraseYes')}
          onCancel={() => setPending(null)}
          onConfirm={() => void erase(pending.citizenRef, pending.reason)}
        >
          <p>{t('protection.confirmErase', { ref: pending.citizenRef })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
