// The reason dialog of the one WIP policy: a drag, a keyboard move and "Tag næste sag" that would
// go over a limit are refused by the store until the user gives a reason here; `retry` repeats
// the write with it. Used by the board and the pull list alike, so they ask the same way.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WipBreach } from '../../../shared/board';
import { useDialogFocus } from './useDialogFocus';

export interface WipReasonRequest {
  /** What asks: a move on the board or a pull from the pull list. */
  action: 'move' | 'pull';
  message: string;
  breaches: WipBreach[];
  caseNumber: string;
  retry(reason: string): Promise<boolean>;
  cancel(): void;
}

export function WipReasonDialog({ request }: { request: WipReasonRequest | null }) {
  if (!request) return null;
  return <Dialog key={request.caseNumber + request.message} request={request} />;
}

function Dialog({ request }: { request: WipReasonRequest }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dialogRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  useDialogFocus(dialogRef, () => request.cancel(), inputRef);
  useEffect(() => {
    setReason('');
    setProblem(null);
  }, [request]);

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
          <p>{t(request.action === 'pull' ? 'wipDialog.introPull' : 'wipDialog.intro', { card: request.caseNumber })}</p>
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
            <button type="button" onClick={() => request.cancel()}>{t('app.cancel')}</button>
            <button type="submit" className="primary danger" disabled={busy}>{t('wipDialog.confirm')}</button>
          </div>
        </form>
      </div>
    </div>
  );
}
