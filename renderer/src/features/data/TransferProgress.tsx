// The progress of long work in the Data view (import, export, backup, restore): what is
// happening, how far (da-DK or en numbers), and Annullér while nothing has been written yet.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../../shared/format';

export interface TransferStep {
  /** What is happening, already in the user's language: "Kontrollerer rækker". */
  label: string;
  done?: number | undefined;
  total?: number | undefined;
}

export function TransferProgress(props: {
  step: TransferStep;
  onCancel?: (() => void) | undefined;
  /** Why Annullér no longer works (the write has started); the button is then disabled. */
  cannotCancel?: string | null | undefined;
  /** For work without Annullér: why it need not be cancelled. */
  note?: string | undefined;
}) {
  const { t, i18n } = useTranslation('data');
  const id = useId();
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const { label, done, total } = props.step;
  const counted = done !== undefined && total !== undefined && total > 0;
  const count = counted ? t('transfer.count', { done: formatNumber(done, 0, locale), total: formatNumber(total, 0, locale) }) : '';
  return (
    <div className="data-progress">
      <p className="data-progress-label" id={`${id}-label`}>
        {/* Only the phase is announced: the counts change too often to be read aloud. */}
        <span aria-live="polite">{label}</span>
        {counted && <span className="data-progress-count"> {count}</span>}
      </p>
      <div className="data-progress-row">
        {counted
          ? <progress aria-labelledby={`${id}-label`} max={total} value={Math.min(done, total)} />
          : <progress aria-labelledby={`${id}-label`} aria-valuetext={label} />}
        {props.onCancel && (
          <button type="button" onClick={props.onCancel} disabled={Boolean(props.cannotCancel)} aria-describedby={props.cannotCancel ? `${id}-why` : undefined}>
            {t('transfer.cancel')}
          </button>
        )}
      </div>
      {props.cannotCancel && <p className="data-progress-why" id={`${id}-why`}>{props.cannotCancel}</p>}
      {props.note && <p className="data-progress-why">{props.note}</p>}
    </div>
  );
}
