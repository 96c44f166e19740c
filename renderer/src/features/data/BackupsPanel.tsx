import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupOverview } from '../../../../shared/api/methods/data';
import { formatDateTime, formatNumber } from '../../../../shared/format';
import { api } from '../../api/client';
import { useCan } from '../../stores/permissions';
import { DataMessage } from './importParts';
import { TransferProgress } from './TransferProgress';

export function BackupsPanel() {
  const { t } = useTranslation('data');
  const steward = useCan('restoreBackup');
  const [overview, setOverview] = useState<BackupOverview | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [keepDays, setKeepDays] = useState('');
  const waitingFor = useRef<'snapshot' | 'restore' | null>(null);

  const load = useCallback(async () => {
    const e = await api.listBackups({});
    if (!e.ok) {
      setMessage({ kind: 'error', text: e.error.message });
      return;
    }
    setOverview(e.value);
    setKeepDays((k) => (k === '' ? String(e.value.keepDays) : k));
    const job = e.value.job;
    if (waitingFor.current && job && !job.running && job.operation === waitingFor.current) {
      waitingFor.current = null;
      if (!job.ok) setMessage({ kind: 'error', text: job.message ?? '' });
      else if (job.operation === 'restore') {
        setMessage({ kind: 'ok', text: t('backups.restored') });
        // Everything on screen came from the store before the restore.
        setTimeout(() => location.reload(), 1_500);
      } else setMessage({ kind: 'ok', text: t('backups.snapshotDone') });
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load]);

  const running = overview?.job?.running ?? false;
  useEffect(() => {
    if (!running && !waitingFor.current) return;
    const timer = setInterval(() => void load(), 600);
    return () => clearInterval(timer);
  }, [running, load]);

  async function start(operation: 'snapshot' | 'restore', file?: string) {
    setMessage(null);
    setConfirming(null);
    const e = operation === 'snapshot' ? await api.createBackup({}) : await api.restoreBackup({ file: file! });
    if (!e.ok) {
      setMessage({ kind: 'error', text: e.error.message });
      return;
    }
    waitingFor.current = operation;
    void load();
  }

  async function saveKeepDays() {
    const e = await api.setBackupKeepDays({ days: Number(keepDays) });
    if (e.ok) setMessage({ kind: 'ok', text: t('backups.keepSaved', { days: e.value.keepDays }) });
    else setMessage({ kind: 'error', text: e.error.message });
  }

  return (
    <div className="data-backups">
      <h2>{t('backups.heading')}</h2>
      {overview && <p className="data-intro">{t('backups.intro', { folder: overview.folder })}</p>}
      {!steward && <p className="data-note" role="note">{t('backups.onlyStewards')}</p>}
      <div className="data-form-row">
        <button type="button" className="primary" disabled={running || waitingFor.current !== null} onClick={() => void start('snapshot')}>
          {running ? t('backups.running') : t('backups.now')}
        </button>
        <label className="data-field inline">
          <span>{t('backups.keepDays')}</span>
          <input type="number" min={1} max={3650} value={keepDays} onChange={(e) => setKeepDays(e.target.value)} className="days" />
        </label>
        <button type="button" disabled={!steward || !/^\d+$/.test(keepDays)} onClick={() => void saveKeepDays()}>{t('backups.saveKeepDays')}</button>
      </div>
      {running && overview?.job && (
        <TransferProgress
          step={{ label: t(`transfer.backupPhases.${overview.job.phase ?? 'start'}`) }} note={t(`transfer.backupNoCancel.${overview.job.operation}`)}
        />
      )}
      <DataMessage message={message} />
      {overview && overview.snapshots.length === 0 && <p>{t('backups.none')}</p>}
      {overview && overview.snapshots.length > 0 && (
        <div className="data-table-wrap" tabIndex={0}>
          <table className="data-table">
            <thead><tr><th scope="col">{t('backups.when')}</th><th scope="col">{t('backups.reason')}</th><th scope="col" className="num">{t('backups.size')}</th><th scope="col">{t('backups.actions')}</th></tr></thead>
            <tbody>
              {overview.snapshots.map((s) => (
                <tr key={s.file}>
                  <td>{formatDateTime(s.createdAt)}</td>
                  <td>{t(`backups.reasons.${s.reason}`)}</td>
                  <td className="num">{formatNumber(s.bytes / 1_048_576, 1)} MB</td>
                  <td>
                    {confirming === s.file ? (
                      <span className="data-confirm" role="group" aria-label={t('backups.restore')}>
                        <span>{t('backups.confirm', { when: formatDateTime(s.createdAt) })}</span>
                        <button type="button" className="danger" onClick={() => void start('restore', s.file)}>{t('backups.confirmYes')}</button>
                        <button type="button" onClick={() => setConfirming(null)}>{t('backups.cancel')}</button>
                      </span>
                    ) : (
                      <button type="button" disabled={!steward || running} onClick={() => setConfirming(s.file)}
                        aria-label={`${t('backups.restore')} ${formatDateTime(s.createdAt)}`}>
                        {t('backups.restore')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
