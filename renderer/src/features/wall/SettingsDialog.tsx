// The team's wall settings: which views rotate, how long each stays, the standup timer, privacy.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS, WALL_VIEWS, type WallSettings, type WallViewId } from '../../../../shared/wall';
import { api } from '../../api/client';
import { NumberField } from '../../components/NumberField';
import { checkForm, useFieldErrors } from '../../components/formCheck';
import { useDialogFocus } from '../../components/useDialogFocus';

const SETTINGS_FIELDS = ['views', 'intervalSeconds', 'timerMinutes'] as const;

interface Props {
  settings: WallSettings;
  teamName: string;
  available: readonly WallViewId[];
  onClose(): void;
  onSaved(settings: WallSettings): void;
}

export function SettingsDialog({ settings, teamName, available, onClose, onSaved }: Props) {
  const { t } = useTranslation('wall');
  const [views, setViews] = useState<WallViewId[]>(settings.views.filter((v) => available.includes(v)));
  const [interval, setIntervalSeconds] = useState<number | null>(settings.intervalSeconds);
  const [timer, setTimer] = useState<number | null>(settings.timerMinutes);
  const [privacy, setPrivacy] = useState(settings.privacy);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (view: WallViewId) =>
    setViews((current) => (current.includes(view) ? current.filter((v) => v !== view) : WALL_VIEWS.filter((v) => v === view || current.includes(v))));

  const fields = useFieldErrors(SETTINGS_FIELDS);
  // Focus into the dialog, Tab kept inside, Escape closes, and back to the Indstillinger button.
  const dialogRef = useRef<HTMLFormElement>(null);
  useDialogFocus(dialogRef, onClose);

  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    fields.clear();
    setError(null);
    if (!checkForm(e.currentTarget) || interval === null || timer === null) return;
    setBusy(true);
    const result = await api.saveWallSettings({ teamId: settings.teamId, views, intervalSeconds: interval, timerMinutes: timer, privacy });
    setBusy(false);
    if (result.ok) onSaved(result.value);
    else setError(fields.take(result.error));
  }

  return (
    <div className="wall-dialog-backdrop">
      <form
        className="wall-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="wall-settings-title"
        noValidate
        onSubmit={(e) => void save(e)}
        ref={dialogRef}
      >
        <h2 id="wall-settings-title">{t('settings.title', { team: teamName })}</h2>
        <fieldset>
          <legend>{t('settings.views')}</legend>
          {WALL_VIEWS.map((view) => (
            <label key={view} className="wall-check">
              <input type="checkbox" checked={views.includes(view)} disabled={!available.includes(view)} onChange={() => toggle(view)} />
              <span>
                {t(`views.${view}`)}
                {!available.includes(view) && <em> – {t('settings.notAvailable')}</em>}
              </span>
            </label>
          ))}
        </fieldset>
        <label className="wall-field">
          <span>{t('settings.interval')}</span>
          <NumberField required min={MIN_INTERVAL_SECONDS} max={MAX_INTERVAL_SECONDS} decimals={0} value={interval} onChange={setIntervalSeconds} error={fields.of('intervalSeconds')} />
        </label>
        <label className="wall-field">
          <span>{t('settings.timer')}</span>
          <NumberField required min={1} max={120} decimals={0} value={timer} onChange={setTimer} error={fields.of('timerMinutes')} />
        </label>
        <label className="wall-check">
          <input type="checkbox" checked={privacy} onChange={(e) => setPrivacy(e.target.checked)} />
          <span>{t('settings.privacy')}</span>
        </label>
        <p className="wall-hint">{t('settings.privacyLocked')}</p>
        {error && <p className="wall-dialog-error" role="alert">{error}</p>}
        <div className="wall-dialog-buttons">
          <button type="submit" disabled={busy || views.length === 0}>{t('settings.save')}</button>
          <button type="button" onClick={onClose}>{t('settings.cancel')}</button>
        </div>
      </form>
    </div>
  );
}
