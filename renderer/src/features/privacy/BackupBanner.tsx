// A failed start-up or daily backup is said in the app, not only in a console: leaders and
// administrators see a banner under the header until a backup succeeds again.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupHealth } from '../../../../shared/api/methods/privacy';
import { formatDateTime } from '../../../../shared/format';
import { api } from '../../api/client';
import { useLive } from '../../stores/live';
import { useCan } from '../../stores/permissions';
import './privacy.css';

const POLL_MS = 5 * 60_000;

export function BackupBanner() {
  const { t, i18n } = useTranslation('privacy');
  const allowed = useCan('getBackupHealth');
  const revision = useLive((s) => s.revision);
  const [health, setHealth] = useState<BackupHealth | null>(null);

  useEffect(() => {
    if (!allowed) return;
    let live = true;
    const load = () => void api.getBackupHealth({}).then((e) => live && e.ok && setHealth(e.value));
    load();
    // A daily backup fails without any write the change stream would tell of.
    const timer = setInterval(load, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [allowed, revision]);

  if (!allowed || !health?.lastError) return null;
  const when = formatDateTime(health.lastError.at, i18n.language === 'en' ? 'en' : 'da');
  return (
    <div data-feature="privacy" className="privacy-banner" role="alert">
      <strong>{t('banner.backupFailed', { when })}</strong> <span>{health.lastError.message}</span> <span>{t('banner.hint')}</span>
    </div>
  );
}
