// A date field that shows and takes da-DK dates (01.12.2026) in every browser. Chromium's own
// <input type="date"> follows the operating system's locale, so on an English Windows a Danish
// caseworker saw 12/01/2026. The text is ours; the calendar button still opens the browser's
// picker. Errors are shown at the field in the chosen language, never as a browser bubble.
import { useEffect, useId, useRef, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../../shared/domain';
import { formatDate, parseDate } from '../../../shared/format';

export interface DateFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'min' | 'max' | 'defaultValue'> {
  /** ISO date, or '' for none. */
  value: IsoDate | '';
  /** Called with the ISO date once the text is a valid date within min and max, or '' when cleared. */
  onChange: (value: IsoDate | '') => void;
  min?: IsoDate | undefined;
  max?: IsoDate | undefined;
}

export function DateField({ value, onChange, min, max, required, disabled, className, id, ...rest }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const [text, setText] = useState(() => formatDate(value, locale));
  const [touched, setTouched] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const errorId = useId();

  // Follow the value when it changes from outside (a preset, a reset), not while the person types
  // a date that is not finished yet; and write the date anew when the language changes.
  useEffect(() => {
    if ((parseDate(text) ?? '') !== value) setText(formatDate(value, locale));
  }, [value]); // eslint-disable-line react-hooks/exhaustive-deps -- not on each keystroke (text)
  useEffect(() => {
    const parsed = parseDate(text);
    if (parsed) setText(formatDate(parsed, locale));
  }, [locale]); // eslint-disable-line react-hooks/exhaustive-deps -- not on each keystroke (text)

  const parsed = parseDate(text);
  const error =
    text.trim() === '' ? (required ? t('app.dateRequired') : null)
    : parsed === null ? t('app.dateInvalid')
    : min && parsed < min ? t('app.dateTooEarly', { date: formatDate(min, locale) })
    : max && parsed > max ? t('app.dateTooLate', { date: formatDate(max, locale) })
    : null;
  const shownError = touched ? error : null;
  // checkForm() (formCheck.ts) reads this; the forms are noValidate, so it is never a browser bubble.
  const [input, setInput] = useState<HTMLInputElement | null>(null);
  useEffect(() => {
    input?.setCustomValidity(error ?? '');
  }, [input, error]);

  function take(next: string) {
    setText(next);
    if (next.trim() === '') {
      onChange('');
      return;
    }
    const date = parseDate(next);
    if (date && !(min && date < min) && !(max && date > max)) onChange(date);
  }

  return (
    <span className={`date-field${className ? ` ${className}` : ''}`}>
      <input
        {...rest}
        ref={setInput}
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('app.dateFormat')}
        value={text}
        disabled={disabled}
        aria-required={required || undefined}
        aria-invalid={shownError || rest['aria-invalid'] ? true : undefined}
        aria-describedby={shownError ? errorId : rest['aria-describedby']}
        onChange={(e) => take(e.target.value)}
        onInvalid={(e) => {
          e.preventDefault();
          setTouched(true);
        }}
        onBlur={(e) => {
          // Not when leaving for a button (see NumberField): the message would move it under the pointer.
          if (!(e.relatedTarget instanceof HTMLButtonElement)) setTouched(true);
          if (parsed) setText(formatDate(parsed, locale));
          rest.onBlur?.(e);
        }}
      />
      <button
        type="button"
        className="date-field-picker"
        aria-label={t('app.datePicker')}
        title={t('app.datePicker')}
        disabled={disabled}
        onClick={() => {
          const native = picker.current;
          if (!native) return;
          native.value = parsed ?? value ?? '';
          try {
            native.showPicker();
          } catch {
            native.focus();
          }
        }}
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14"><path fill="currentColor" d="M4 0h1v2h6V0h1v2h3v14H1V2h3zm-2 5v10h12V5zm1 2h2v2H3zm3 0h2v2H6zm3 0h2v2H9zm3 0h1v2h-1zM3 10h2v2H3zm3 0h2v2H6zm3 0h2v2H9z" /></svg>
      </button>
      <input
        ref={picker}
        type="date"
        className="date-field-native"
        tabIndex={-1}
        aria-hidden="true"
        min={min}
        max={max}
        onChange={(e) => {
          const date = e.target.value;
          if (!date) return;
          setText(formatDate(date, locale));
          setTouched(true);
          onChange(date);
        }}
      />
      {shownError && <span id={errorId} className="field-error date-field-error">{shownError}</span>}
    </span>
  );
}
