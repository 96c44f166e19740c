// "Forbind til en Flowtavle-server": the desktop app's choice between the local store on this
// computer and a team store hosted elsewhere. Main checks the address (GET /auth/status), remembers
// it and loads that host's own page in the window; the person then signs in on the host. Only the
// app's own page in Electron has the desktop bridge, so this screen exists only there.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../stores/session';
import './connect.css';

type Reply<T> = { ok: true; value: T } | { ok: false; message: string };

/** What electron/preload/preload.ts exposes as window.flowtavleDesktop. */
export interface DesktopConnectionBridge {
  connection(): Promise<Reply<{ host: string | null; lastHost: string | null }>>;
  connect(address: string): Promise<Reply<{ host: string; departmentName: string }>>;
  useLocal(): Promise<Reply<null>>;
}

declare global {
  interface Window {
    flowtavleDesktop?: DesktopConnectionBridge;
  }
}

export const CONNECT_ROUTE = 'forbind';

export const canChooseConnection = typeof window !== 'undefined' && window.flowtavleDesktop !== undefined;

/** A problem handed over by main when the connected host could not be shown (`#/forbind?fejl=…`). */
function problemFromHash(): string | null {
  const query = location.hash.split('?')[1];
  return query ? new URLSearchParams(query).get('fejl') : null;
}

function hostLabel(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}

export default function Connect() {
  const { t } = useTranslation();
  const navigate = useSession((s) => s.navigate);
  const signedIn = useSession((s) => s.actor !== null);
  const [current, setCurrent] = useState<{ host: string | null; lastHost: string | null } | null>(null);
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string | null>(problemFromHash());
  const [busy, setBusy] = useState<'connect' | 'local' | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const bridge = window.flowtavleDesktop;

  useEffect(() => {
    if (!bridge) return;
    void bridge.connection().then((reply) => {
      if (!reply.ok) return setError(reply.message);
      setCurrent(reply.value);
      setAddress((typed) => typed || reply.value.host || reply.value.lastHost || '');
    });
    input.current?.focus();
  }, [bridge]);

  if (!bridge) {
    return (
      <main data-feature="identity" className="identity">
        <div className="identity-panel connect-panel">
          <h1>{t('connect.title')}</h1>
          <p className="identity-intro">{t('connect.desktopOnly')}</p>
        </div>
      </main>
    );
  }

  async function connect(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!address.trim()) {
      setError(t('connect.missing'));
      input.current?.focus();
      return;
    }
    setBusy('connect');
    const reply = await bridge!.connect(address.trim());
    setBusy(null);
    if (!reply.ok) {
      setError(reply.message);
      input.current?.focus();
      return;
    }
    // Main now replaces this window with the host's own page.
    setOpening(reply.value.departmentName);
  }

  async function openLocalStore() {
    setError(null);
    setBusy('local');
    const reply = await bridge!.useLocal();
    setBusy(null);
    if (!reply.ok) setError(reply.message);
  }

  const remote = current?.host ?? null;
  return (
    <main data-feature="identity" className="identity" aria-labelledby="connect-title">
      <div className="identity-panel connect-panel">
        <p className="identity-department"><span className="brand-mark" aria-hidden="true">▦</span> Flowtavle</p>
        <h1 id="connect-title">{t('connect.title')}</h1>
        <p className="identity-intro">{t('connect.intro')}</p>
        <p className="connect-now" data-testid="connection-now">
          {remote ? t('connect.nowRemote', { host: hostLabel(remote) }) : t('connect.nowLocal')}
        </p>
        <form className="sign-in-form" onSubmit={(e) => void connect(e)} noValidate>
          <label className="field">
            <span>{t('connect.address')}</span>
            <input ref={input} type="url" inputMode="url" autoComplete="url" spellCheck={false} placeholder="https://flowtavle.kommune.dk"
              value={address} onChange={(e) => setAddress(e.target.value)} aria-describedby="connect-help" />
          </label>
          <p className="sign-in-help" id="connect-help">{t('connect.help')}</p>
          <div role="alert" className="sign-in-error">{error}</div>
          {opening !== null && <p className="connect-opening" role="status">{t('connect.opening', { department: opening })}</p>}
          <div className="sign-in-actions">
            <button type="submit" className="primary" disabled={busy !== null || opening !== null}>
              {busy === 'connect' ? t('connect.checking') : t('connect.submit')}
            </button>
            {remote && (
              <button type="button" onClick={() => void openLocalStore()} disabled={busy !== null}>{t('connect.useLocal')}</button>
            )}
            {/* With a host chosen, the way back is Forbind or the local store, not this page's own store. */}
            {!remote && (
              <button type="button" className="sign-in-switch" onClick={() => navigate('board')}>
                {t(signedIn ? 'connect.backToBoard' : 'connect.backToSignIn')}
              </button>
            )}
          </div>
        </form>
        <section className="connect-explain" aria-labelledby="connect-explain-title">
          <h2 id="connect-explain-title">{t('connect.explainTitle')}</h2>
          <ul>
            <li>{t('connect.explainServer')}</li>
            <li>{t('connect.explainLocal')}</li>
            <li>{t('connect.explainRemember')}</li>
          </ul>
        </section>
      </div>
    </main>
  );
}

/** The sign-in screen's way here, shown only where a connection can be chosen (the desktop app). */
export function ConnectLink() {
  const { t } = useTranslation();
  const navigate = useSession((s) => s.navigate);
  if (!canChooseConnection) return null;
  return (
    <p className="connect-link">
      <a href={`#/${CONNECT_ROUTE}`} onClick={(e) => { e.preventDefault(); navigate(CONNECT_ROUTE); }}>{t('connect.link')}</a>
    </p>
  );
}
