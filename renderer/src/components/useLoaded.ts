// Loads one API result for a view and reloads it whenever a change is committed anywhere.
import { useEffect, useRef, useState } from 'react';
import type { Envelope } from '../../../shared/api/envelope';
import { useLive } from '../stores/live';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  reload(): void;
}

export function useLoaded<T>(load: (() => Promise<Envelope<T>>) | null, key: string): Loaded<T> {
  const revision = useLive((s) => s.revision);
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [nudge, setNudge] = useState(0);
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;
  const shownKey = useRef(key);
  useEffect(() => {
    const ticket = ++latest.current;
    // Another question (another sprint, plan or team): never show the old answer under it.
    if (shownKey.current !== key) {
      shownKey.current = key;
      setData(null);
      setError(null);
    }
    if (!loader.current) {
      setData(null);
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
  }, [key, revision, nudge]);
  return { data, error, reload: () => setNudge((n) => n + 1) };
}
