import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardStore } from './boardStore';
import { useDialogFocus } from './useDialogFocus';

/** Going over a WIP limit is allowed, but never by accident: it takes a reason, which is logged. */
export function WipDialog() {
  const { t } = useTranslation('board');
  const request = useBoardStore((s) => s.wipRequest);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dialogRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  useDialogFocus(dialogRef, () => request?.cancel(), inputRef);
  useEffect(() => {
    setReason('');
    setProblem(null);
  }, [request]);
  if (!request) return null;

  const submit = async () => {
    if (reason.trim().length < 3) {
      setProblem(t('wipDialog.tooShort'));
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    const done = await request.retry(reason.trim());
    setBusy(false);
    if (!done) setProblem(t('wipDialog.tooShort'));
  };

  return (
    <div className="modal-backdrop">
      <div className="modal wip-dialog" role="dialog" aria-modal="true" aria-labelledby="wip-title" aria-describedby="wip-intro" ref={dialogRef}>
        <h2 id="wip-title"><span aria-hidden="true">⚠ </span>{t('wipDialog.title')}</h2>
        <div id="wip-intro">
          <p>{t('wipDialog.intro', { card: request.caseNumber })}</p>
          <ul className="wip-breaches">
            {request.breaches.length === 0 && <li>{request.message}</li>}
            {request.breaches.map((b) => (
              <li key={`${b.scope}-${b.name}`}>{t(b.scope === 'column' ? 'wipDialog.column' : 'wipDialog.person', { name: b.name, count: b.count, limit: b.limit })}</li>
            ))}
          </ul>
        </div>
        <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          <label className="field" htmlFor="wip-reason">{t('wipDialog.reason')}</label>
          <textarea id="wip-reason" ref={inputRef} value={reason} rows={3} maxLength={500}
            aria-invalid={problem !== null} aria-describedby="wip-reason-help"
            onChange={(e) => { setReason(e.target.value); setProblem(null); }} />
          <p id="wip-reason-help" className={problem ? 'field-error' : 'field-help'}>{problem ?? t('wipDialog.reasonHelp')}</p>
          <div className="modal-actions">
            <button type="button" onClick={() => request.cancel()}>{t('translation:app.cancel')}</button>
            <button type="submit" className="primary danger" disabled={busy}>{t('wipDialog.confirm')}</button>
          </div>
        </form>
      </div>
    </div>
  );
}
