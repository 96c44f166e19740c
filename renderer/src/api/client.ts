// The renderer's one way to the store: IPC inside Electron, HTTP in a browser. Both are the
// contract's generated client; the actor (who is using the app) travels with every call.
import { createClient, type ChangeNotice, type PreloadBridge, type Transport } from '../../../shared/api/client';
import type { Envelope } from '../../../shared/api/envelope';

declare global {
  interface Window {
    flowtavle?: PreloadBridge;
  }
}

let actorId: number | null = null;
export function setActor(id: number | null): void {
  actorId = id;
}

const httpTransport: Transport = async (method, input) => {
  try {
    const res = await fetch(`./api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(actorId !== null ? { 'X-Flowtavle-Actor': String(actorId) } : {}) },
      body: JSON.stringify(input ?? {}),
    });
    return (await res.json()) as Envelope<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', message: 'Ingen forbindelse til Flowtavle-værten. Prøv igen om lidt.' } };
  }
};

const ipcTransport: Transport = (method, input) => window.flowtavle!.call(method, input, actorId);

export const inElectron = typeof window !== 'undefined' && window.flowtavle !== undefined;

export const api = createClient(inElectron ? ipcTransport : httpTransport);

export type ConnectionState = { online: true } | { online: false; since: Date };

/** Follows committed changes from any client. Calls `onStatus` when the connection drops or returns. */
export function subscribeChanges(onChange: (notice: ChangeNotice) => void, onStatus: (state: ConnectionState) => void): () => void {
  if (inElectron) return window.flowtavle!.onChange(onChange);
  let source: EventSource | null = null;
  let offlineSince: Date | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const connect = () => {
    source = new EventSource('./api/changes');
    source.addEventListener('open', () => {
      if (offlineSince) {
        offlineSince = null;
        onStatus({ online: true });
        // Whatever changed while we were away: ask the views to refresh.
        onChange({ seq: -1, method: 'reconnected', at: new Date().toISOString() });
      }
    });
    source.addEventListener('change', (e) => onChange(JSON.parse((e as MessageEvent<string>).data) as ChangeNotice));
    source.addEventListener('error', () => {
      if (!offlineSince) {
        offlineSince = new Date();
        onStatus({ online: false, since: offlineSince });
      }
      if (source?.readyState === EventSource.CLOSED && !closed) {
        retry = setTimeout(connect, 2_000);
      }
    });
  };
  connect();
  return () => {
    closed = true;
    clearTimeout(retry);
    source?.close();
  };
}
