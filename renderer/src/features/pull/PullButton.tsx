// "Tag næste sag": one action, and a plain answer — what you got, or why nothing fits.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PullResult } from '../../../../shared/api/methods/pullList';
import { api } from '../../api/client';

export function PullButton({ onPulled, disabled }: { onPulled?: (result: PullResult) => void; disabled?: boolean }) {
  const { t } = useTranslation('pull');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'info' | 'error'; lines: string[] } | null>(null);

  const pull = async () => {
    setBusy(true);
    setMessage(null);
    const result = await api.pullNext({});
    setBusy(false);
    if (!result.ok) {
      setMessage({ tone: 'error', lines: [result.error.message] });
      return;
    }
    const r = result.value;
    if (r.pulled) {
      const lines = [t('pull.pulled', { caseNumber: r.item.caseNumber, kind: t(`kinds.${r.item.kind}`).toLowerCase(), column: r.columnName })];
      if (r.columnOverLimit) lines.push(t('pull.overLimit', { column: r.columnName }));
      setMessage({ tone: 'ok', lines });
    } else {
      setMessage({ tone: 'info', lines: [r.message] });
    }
    onPulled?.(r);
  };

  return (
    <div className="pull-action">
      <button type="button" className="primary pull-button" onClick={() => void pull()} disabled={busy || disabled} aria-busy={busy}>
        {busy ? t('pull.busy') : t('pull.button')}
      </button>
      <div className="pull-message" role="status" aria-live="polite">
        {message && message.lines.map((line) => (
          <p key={line} className={`pull-note tone-${message.tone}`}>{line}</p>
        ))}
      </div>
    </div>
  );
}
