// The one way a view loads an API result: it reloads whenever a change is committed anywhere
// (stores/live.ts) or the question changes, and a slower answer never overwrites a newer one.
import { useEffect, useRef, useState } from 'react';
import type { Envelope } from '../../../shared/api/envelope';
import { useLive } from '../stores/live';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  reload(): void;
}

export interface LoadOptions {
  /**
   * Keep showing the answer so far while a changed key loads: for the same question with fresh
   * figures (another date in a report, the case after a save), where blanking the page would flicker;
   * also while the question is incomplete (a null load, e.g. a date being typed).
   */
  keepPrevious?: boolean;
}

/** `key` names the question: the load runs again when it changes. A null `load` shows nothing. */
export function useLoaded<T>(load: (() => Promise<Envelope<T>>) | null, key: string, options: LoadOptions = {}): Loaded<T> {
  const revision = useLive((s) => s.revision);
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [nudge, setNudge] = useState(0);
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;
  const shownKey = useRef(key);
  const keepPrevious = options.keepPrevious ?? false;
  // A question that becomes askable (sprint lanes switched on) loads even when its key stays the same.
  const askable = load !== null;
  useEffect(() => {
    const ticket = ++latest.current;
    // Another question (another sprint, plan or team): never show the old answer under it.
    if (shownKey.current !== key) {
      shownKey.current = key;
      if (!keepPrevious) {
        setData(null);
        setError(null);
      }
    }
    if (!loader.current) {
      if (!keepPrevious) setData(null);
      return;
    }
    void loader.current().then((envelope) => {
      // A slower answer to an older question must not overwrite a newer one.
      if (ticket !== latest.current) return;
      if (envelope.ok) {
        setData(envelope.value);
        setError(null);
      } else setError(envelope.error.message);
    });
  }, [key, revision, nudge, keepPrevious, askable]);
  return { data, error, reload: () => setNudge((n) => n + 1) };
}
