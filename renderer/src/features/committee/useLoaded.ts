// Loads one API result for a view and reloads it whenever a change is committed anywhere.
import { useEffect, useRef, useState } from 'react';
import type { Envelope } from '../../../../shared/api/envelope';
import { useLive } from '../../stores/live';

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
  const ticket = useRef(0);
  const loader = useRef(load);
  loader.current = load;
  const lastKey = useRef(key);
  useEffect(() => {
    if (lastKey.current !== key) {
      lastKey.current = key;
      setData(null);
    }
    const mine = ++ticket.current;
    const run = loader.current;
    if (!run) return;
    void run().then((envelope) => {
      if (mine !== ticket.current) return;
      if (envelope.ok) {
        setData(envelope.value);
        setError(null);
      } else setError(envelope.error.message);
    });
  }, [key, revision, nudge]);
  return { data, error, reload: () => setNudge((n) => n + 1) };
}
