import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardStore } from './boardStore';

/** Why a card went back, or what just happened; stays long enough to be read from a distance. */
export function Notice() {
  const { t } = useTranslation('board');
  const notice = useBoardStore((s) => s.notice);
  const dismiss = useBoardStore((s) => s.dismissNotice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(dismiss, notice.kind === 'error' ? 12_000 : 5_000);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  return (
    <div className="board-notice-region" role={notice?.kind === 'error' ? 'alert' : 'status'}>
      {notice && (
        <div className={`board-notice ${notice.kind}`}>
          <span>{notice.text}</span>
          <button type="button" onClick={dismiss} aria-label={t('notices.dismiss')}>×</button>
        </div>
      )}
    </div>
  );
}
