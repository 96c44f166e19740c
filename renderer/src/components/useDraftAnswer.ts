// What the store says about a draft before it is saved (the grant's "what if", the authority
// check), asked a moment after the typing stops rather than at every key.
import { useEffect, useRef, useState } from 'react';
import type { Envelope } from '../../../shared/api/envelope';

const PAUSE_MS = 250;

export interface DraftAnswer<T> {
  answer: T | null;
  error: string | null;
}

/** `key` names the draft (its fields as text); a null `ask` (an incomplete draft) clears the answer. */
export function useDraftAnswer<T>(ask: (() => Promise<Envelope<T>>) | null, key: string): DraftAnswer<T> {
  const [answer, setAnswer] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const asker = useRef(ask);
  asker.current = ask;
  const incomplete = ask === null;
  useEffect(() => {
    if (incomplete) {
      setAnswer(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void asker.current?.().then((r) => {
        if (!current) return;
        if (r.ok) {
          setAnswer(r.value);
          setError(null);
        } else setError(r.error.message);
      });
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, incomplete]);
  return { answer, error };
}
