// Forms are noValidate (no browser bubbles, which speak the operating system's language); this is
// the check they run instead before they send anything, and the home of the server's field errors.
import { useCallback, useState } from 'react';
import type { ApiError } from '../../../shared/api/envelope';

/**
 * True when every field of the form (or of a part of the page that saves like one) is valid.
 * Otherwise each invalid field is told (its `invalid` event, on which NumberField and DateField
 * show their message), focus goes to the first, and false.
 */
export function checkForm(root: HTMLElement): boolean {
  const invalid = Array.from(root.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea'))
    .filter((el) => !el.checkValidity());
  invalid[0]?.focus();
  return invalid.length === 0;
}

/**
 * The server's field errors shown at their fields: `take` keeps the messages of the fields the form
 * has (the field path after an optional prefix such as "grant.") and gives back the message for the
 * rest, for the form's own error line; `of` is the message for one field.
 */
export function useFieldErrors<F extends string>(known: readonly F[], prefix = '') {
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const take = useCallback((error: ApiError): string | null => {
    const at: Partial<Record<F, string>> = {};
    const elsewhere: string[] = [];
    for (const f of error.fields ?? []) {
      const name = (f.field.startsWith(prefix) ? f.field.slice(prefix.length) : f.field) as F;
      if (known.includes(name)) at[name] = f.message;
      else elsewhere.push(f.message);
    }
    setErrors(at);
    if (Object.keys(at).length > 0 && elsewhere.length === 0) return null;
    return elsewhere.length ? elsewhere.join('; ') : error.message;
  }, [known, prefix]);
  const clear = useCallback(() => setErrors({}), []);
  return { of: (field: F): string | undefined => errors[field], take, clear };
}
