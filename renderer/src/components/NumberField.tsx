// A number field that shows and takes Danish numbers (2.150,00; 37,5) in every browser. Chromium's
// <input type="number"> follows the operating system's locale, so on an English Windows it showed
// 37.5 and refused "37,5", and its own bubble ("Please enter a number") spoke English in the Danish
// UI. The text is ours: it is read by shared/danishNumber.ts, refused at the field in the chosen
// language, and the form (noValidate, see formCheck.ts) is stopped while the text is not a number.
import { useEffect, useId, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { checkDanishNumber, formatDanishNumber, parseLocaleNumber, type NumberProblem, type NumberRules } from '../../../shared/danishNumber';
import type { Locale } from '../../../shared/format';

export interface NumberFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'min' | 'max' | 'defaultValue' | 'required'>, NumberRules {
  /** The number, or null for none (an empty field). */
  value: number | null;
  /** Called with the number once the text is one within the rules, or null when cleared. */
  onChange: (value: number | null) => void;
  /** Decimals to write the number with; as many as it has when left out. */
  shownDecimals?: number;
  /** False for numbers written without a thousands point, such as a year (2026, not 2.026). */
  grouping?: boolean;
  /** A message for the field from outside, such as the server's field error; shown as the field's own. */
  error?: string | null | undefined;
}

export function NumberField({ value, onChange, decimals, min, max, required, shownDecimals, grouping = true, error: outside, className, ...rest }: NumberFieldProps) {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'da';
  const show = (n: number | null) =>
    n === null ? '' : grouping ? formatDanishNumber(n, locale, shownDecimals) : String(n).replace('.', locale === 'da' ? ',' : '.');
  const [text, setText] = useState(() => show(value));
  const [touched, setTouched] = useState(false);
  const [input, setInput] = useState<HTMLInputElement | null>(null);
  const errorId = useId();
  const rules = { decimals, min, max, required };
  const checked = checkDanishNumber(text, rules, locale);
  const problem = checked.ok ? null : problemText(checked, locale, t);

  // Follow the value when it changes from outside (a reset, a preset), not while the person types;
  // and write the number anew when the language changes.
  useEffect(() => {
    if (parseLocaleNumber(text, locale) !== value) setText(show(value));
  }, [value]); // eslint-disable-line react-hooks/exhaustive-deps -- not on each keystroke (text)
  useEffect(() => {
    const other: Locale = locale === 'da' ? 'en' : 'da';
    const n = parseLocaleNumber(text, other);
    if (n !== null) setText(show(n));
  }, [locale]); // eslint-disable-line react-hooks/exhaustive-deps -- not on each keystroke (text)

  // The form's check (checkForm) reads this; with noValidate it never turns into a browser bubble.
  useEffect(() => {
    input?.setCustomValidity(problem ?? '');
  }, [input, problem]);

  const shown = (touched ? problem : null) ?? outside ?? null;
  return (
    <span className="number-field">
      <input
        {...rest}
        className={className}
        ref={setInput}
        type="text"
        inputMode={decimals === 0 ? 'numeric' : 'decimal'}
        autoComplete="off"
        value={text}
        aria-required={required || undefined}
        aria-invalid={shown || rest['aria-invalid'] ? true : undefined}
        aria-describedby={shown ? errorId : rest['aria-describedby']}
        onInvalid={(e) => {
          // checkForm() asked: show why, at the field.
          e.preventDefault();
          setTouched(true);
        }}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const c = checkDanishNumber(next, rules, locale);
          if (c.ok) onChange(c.value);
        }}
        onBlur={(e) => {
          // Not when leaving for a button: the message would push the button away under the
          // pointer and the click be lost. Submitting shows it (the invalid event), cancelling need not.
          if (!(e.relatedTarget instanceof HTMLButtonElement)) setTouched(true);
          if (checked.ok) setText(show(checked.value));
          rest.onBlur?.(e);
        }}
      />
      {shown && <span id={errorId} className="field-error number-field-error">{shown}</span>}
    </span>
  );
}

function problemText(p: NumberProblem, locale: Locale, t: (key: string, params?: Record<string, unknown>) => string): string {
  switch (p.problem) {
    case 'required': return t('numberField.required');
    case 'invalid': return t('numberField.invalid', { example: formatDanishNumber(2150.5, locale, 2) });
    case 'whole': return t('numberField.whole');
    case 'decimals': return t('numberField.decimals', { count: p.decimals });
    case 'tooSmall': return t('numberField.tooSmall', { min: formatDanishNumber(p.min, locale) });
    case 'tooLarge': return t('numberField.tooLarge', { max: formatDanishNumber(p.max, locale) });
  }
}
