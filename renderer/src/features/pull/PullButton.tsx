// "Tag næste sag": one action, and a plain answer — what you got, or why nothing fits.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PullResult } from '../../../../shared/api/methods/pullList';
import type { WipBreach } from '../../../../shared/board';
import { api } from '../../api/client';
import { focusAfter } from '../../components/focusAfter';
import { WipReasonDialog, type WipReasonRequest } from '../../components/WipReasonDialog';

export function PullButton({ onPulled, disabled }: { onPulled?: (result: PullResult) => void; disabled?: boolean }) {
  const { t } = useTranslation('pull');
  const [busy, setBusy] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'info' | 'error'; lines: string[] } | null>(null);
  const [wipRequest, setWipRequest] = useState<WipReasonRequest | null>(null);

  // Over a WIP limit the store refuses the pull until a reason is given: ask first, never after.
  const pull = async (reason?: string): Promise<boolean> => {
    setBusy(true);
    setMessage(null);
    const result = await api.pullNext(reason ? { reason } : {});
    setBusy(false);
    if (!result.ok) {
      const { error } = result;
      if (error.code === 'wip_limit') {
        if (reason) return false;
        const details = error.details ?? {};
        setWipRequest({
          action: 'pull',
          message: error.message,
          breaches: Array.isArray(details.breaches) ? (details.breaches as WipBreach[]) : [],
          caseNumber: typeof details.caseNumber === 'string' ? details.caseNumber : '',
          retry: async (given) => {
            const done = await pull(given);
            if (done) setWipRequest(null);
            return done;
          },
          cancel: () => setWipRequest(null),
        });
        return false;
      }
      setWipRequest(null);
      setMessage({ tone: 'error', lines: [error.message] });
      return true;
    }
    const r = result.value;
    if (r.pulled) {
      const lines = [t('pull.pulled', { caseNumber: r.card.caseNumber, kind: t(`kinds.${r.item.kind}`).toLowerCase(), column: r.columnName })];
      if (r.columnOverLimit) lines.push(t('pull.overLimit', { column: r.columnName }));
      setMessage({ tone: 'ok', lines });
    } else {
      setMessage({ tone: 'info', lines: [r.message] });
    }
    onPulled?.(r);
    // On to the pulled case where this screen shows it, else back to the button (the note is read out).
    const caseId = r.pulled ? r.card.id : null;
    focusAfter(() => (caseId !== null ? document.querySelector<HTMLElement>(`[data-case-id="${caseId}"]`) : null) ?? buttonRef.current, '#main', 0);
    return true;
  };

  return (
    <div className="pull-action">
      {/* Busy is aria-disabled, not disabled: a disabled button drops its focus to <body>. */}
      <button type="button" className="primary pull-button" ref={buttonRef} onClick={() => { if (!busy) void pull(); }}
        disabled={disabled} aria-disabled={busy || undefined} aria-busy={busy}>
        {busy ? t('pull.busy') : t('pull.button')}
      </button>
      <div className="pull-message" role="status" aria-live="polite">
        {message && message.lines.map((line) => (
          <p key={line} className={`pull-note tone-${message.tone}`}>{line}</p>
        ))}
      </div>
      <WipReasonDialog request={wipRequest} />
    </div>
  );
}
