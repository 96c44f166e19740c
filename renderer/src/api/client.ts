// The renderer's one way to the store: IPC inside Electron, HTTP in a browser. Both are the
// contract's generated client. Who is calling is known to the host from the signed-in session
// (a cookie here, the window's session in Electron main); the renderer never names an actor.
import { createClient, type AuthResponse, type ChangeNotice, type PreloadBridge, type Transport } from '../../../shared/api/client';
import { localiseError, type Envelope } from '../../../shared/api/envelope';
import { renderMessage } from '../../../shared/messages';

declare global {
  interface Window {
    flowtavle?: PreloadBridge;
  }
}

let onUnauthenticated: () => void = () => {};
/** Told when the host answers that the session is gone (signed out elsewhere, idle, revoked). */
export function whenUnauthenticated(listener: () => void): void {
  onUnauthenticated = listener;
}

const OFFLINE: Envelope<unknown> = { ok: false, error: { code: 'internal', message: renderMessage('general.offline'), key: 'general.offline' } };

/** The UI's language as i18n set it on the document (read here so the client needs no i18n import). */
function uiLocale(): 'da' | 'en' {
  return typeof document !== 'undefined' && document.documentElement.lang === 'en' ? 'en' : 'da';
}

/** Errors from the host come as catalogue keys: say them in the language the user chose. */
const inUiLanguage = (transport: Transport): Transport => async (method, input) => {
  const envelope = await transport(method, input);
  return envelope.ok ? envelope : { ok: false, error: localiseError(envelope.error, uiLocale()) };
};

const httpTransport: Transport = async (method, input) => {
  try {
    const res = await fetch(`./api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
    const envelope = (await res.json()) as Envelope<unknown>;
    if (res.status === 401) onUnauthenticated();
    return envelope;
  } catch {
    return OFFLINE;
  }
};

const ipcTransport: Transport = async (method, input) => {
  const envelope = await window.flowtavle!.call(method, input);
  if (!envelope.ok && envelope.error.code === 'unauthenticated') onUnauthenticated();
  return envelope;
};

export const inElectron = typeof window !== 'undefined' && window.flowtavle !== undefined;

export const api = createClient(inUiLanguage(inElectron ? ipcTransport : httpTransport));

/** A sign-in action: GET /auth/status, POST /auth/<action> (or the same through Electron main). */
export async function authRequest(action: string, body?: unknown): Promise<AuthResponse> {
  const response = await rawAuthRequest(action, body);
  const envelope = response.body as Envelope<unknown> | null;
  // Sign-in refusals come with catalogue keys too: say them in the chosen language.
  return envelope && typeof envelope === 'object' && envelope.ok === false && envelope.error
    ? { ...response, body: { ok: false, error: localiseError(envelope.error, uiLocale()) } }
    : response;
}

async function rawAuthRequest(action: string, body?: unknown): Promise<AuthResponse> {
  if (inElectron) return window.flowtavle!.auth(action, body ?? {});
  try {
    const res = await fetch(`./auth/${action}`, action === 'status'
      ? { method: 'GET', headers: { Accept: 'application/json' } }
      : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? {}) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
  } catch {
    return { status: 0, body: OFFLINE };
  }
}

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
        onChange({ seq: -1, method: 'reconnected', at: new Date().toISOString(), scope: 'store', caseIds: [], teamIds: [] });
      }
    });
    source.addEventListener('change', (e) => onChange(JSON.parse((e as MessageEvent<string>).data) as ChangeNotice));
    source.addEventListener('error', () => {
      if (!offlineSince) {
        offlineSince = new Date();
        onStatus({ online: false, since: offlineSince });
      }
      if (source?.readyState === EventSource.CLOSED && !closed) {
        // The host closes the stream when the session ends: find out whether we are still signed in.
        void authRequest('status').then((res) => {
          const value = (res.body as { value?: { signedIn?: boolean } } | null)?.value;
          if (res.status === 200 && value && !value.signedIn) onUnauthenticated();
        });
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
