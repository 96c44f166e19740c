// The TV's side of pairing. A screen that is neither signed in nor paired asks the host for a
// code (POST /auth/pair; the host keeps the waiting device's session in an HttpOnly cookie) and
// shows it large enough to read from across the room, then asks GET /auth/status every 2 s until a
// leader has approved it. A paired device follows the change stream itself (the app's live store
// runs for people only) and drops back here the moment its session ends.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthStatus, PairingState } from '../../../../shared/api/auth';
import type { ChangeNotice } from '../../../../shared/api/client';
import { concernsTeam } from '../../../../shared/boardSync';
import { authRequest, inElectron, type ConnectionState } from '../../api/client';
import { useSession } from '../../stores/session';
import { groupCode } from './DevicesView';
import './wall.css';

const POLL_MS = 2_000;

function clock(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'da-DK', { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

type Pairing = { kind: 'waiting'; code: string; expiresAt: string | null } | { kind: 'locked'; message: string } | { kind: 'offline' } | { kind: 'starting' };

export function PairingScreen() {
  const { t, i18n } = useTranslation('wall');
  const departmentName = useSession((s) => s.auth?.departmentName ?? 'Flowtavle');
  const navigate = useSession((s) => s.navigate);
  const [pairing, setPairing] = useState<Pairing>({ kind: 'starting' });

  useEffect(() => {
    document.documentElement.classList.add('wall-mode');
    return () => document.documentElement.classList.remove('wall-mode');
  }, []);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const approved = () => void useSession.getState().load();

    let forgotten = false;
    async function ask(): Promise<void> {
      const res = await authRequest('pair');
      if (stopped) return;
      if (res.status === 200) {
        const state = (res.body as { value: PairingState }).value;
        if (state.status === 'approved') return approved();
        if (!state.code && !forgotten) {
          // The host restarted and no longer knows the code it gave this TV (it keeps only a hash):
          // drop the waiting session and ask for a new code.
          forgotten = true;
          await authRequest('sign-out');
          return ask();
        }
        forgotten = false;
        setPairing(state.code ? { kind: 'waiting', code: state.code, expiresAt: state.expiresAt ?? null } : { kind: 'starting' });
      } else if (res.status === 429) {
        setPairing({ kind: 'locked', message: (res.body as { error?: { message?: string } }).error?.message ?? '' });
      } else setPairing({ kind: 'offline' });
      timer = setTimeout(() => void poll(), POLL_MS);
    }

    async function poll(): Promise<void> {
      const res = await authRequest('status');
      if (stopped) return;
      if (res.status !== 200) {
        setPairing((p) => (p.kind === 'waiting' ? p : { kind: 'offline' }));
        timer = setTimeout(() => void poll(), POLL_MS);
        return;
      }
      const status = (res.body as { value: AuthStatus }).value;
      if (status.device || status.person) return approved();
      const state = status.pairing;
      // No code yet, an expired one (15 minutes), or a code the host forgot on a restart: ask again.
      if (!state || state.status !== 'pending' || !state.code) return ask();
      const code = state.code;
      setPairing((p) => ({ kind: 'waiting', code, expiresAt: state.expiresAt ?? (p.kind === 'waiting' && p.code === code ? p.expiresAt : null) }));
      timer = setTimeout(() => void poll(), POLL_MS);
    }

    void ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  return (
    <main data-feature="wall" className="pairing" aria-labelledby="pairing-title">
      <p className="pairing-brand"><span className="brand-mark" aria-hidden="true">▦</span> Flowtavle · {departmentName}</p>
      <h1 id="pairing-title">{t('pairing.title')}</h1>
      {pairing.kind === 'waiting' && (
        <>
          <p className="pairing-code" data-testid="pairing-code" aria-label={t('pairing.codeLabel', { code: pairing.code.split('').join(' ') })}>
            {groupCode(pairing.code)}
          </p>
          <ol className="pairing-steps">
            <li>{t('pairing.step1')}</li>
            <li>{t('pairing.step2')}</li>
            <li>{t('pairing.step3')}</li>
          </ol>
          {pairing.expiresAt && <p className="pairing-expiry">{t('pairing.expires', { time: clock(pairing.expiresAt, i18n.language) })}</p>}
        </>
      )}
      {pairing.kind === 'starting' && <p className="pairing-wait" aria-busy="true">{t('pairing.starting')}</p>}
      {pairing.kind === 'offline' && <p className="pairing-problem" role="alert">{t('pairing.offline')}</p>}
      {pairing.kind === 'locked' && <p className="pairing-problem" role="alert">{pairing.message}</p>}
      {!inElectron && (
        <p className="pairing-person">
          {t('pairing.person')}{' '}
          <a href="#/board" onClick={(e) => { e.preventDefault(); navigate('board'); }}>{t('pairing.signIn')}</a>
        </p>
      )}
    </main>
  );
}

/**
 * The change stream of a paired device: a revision that moves on every committed change, the
 * connection for the offline banner, and whether the stream is open. When the host closes the
 * stream, the device asks whether it is still paired; if not, the session store drops it and the
 * pairing screen takes over.
 */
export function useDeviceStream(teamId: number): { revision: number; connection: ConnectionState; open: boolean } {
  const [revision, setRevision] = useState(0);
  const [connection, setConnection] = useState<ConnectionState>({ online: true });
  const [open, setOpen] = useState(false);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let wasOpen = false;

    async function stillPaired(): Promise<boolean | null> {
      const res = await authRequest('status');
      if (res.status !== 200) return null;
      return (res.body as { value: AuthStatus }).value.device !== null;
    }

    // The desktop kiosk window has no HTTP stream: Electron main sends its change notices over the bridge.
    if (inElectron) {
      setOpen(true);
      const unsubscribe = window.flowtavle!.onChange((notice) => {
        if (notice.method === 'session_ended') {
          void stillPaired().then((paired) => {
            if (!stopped && paired === false) void useSession.getState().load();
          });
          return;
        }
        if (!concernsTeam(notice, teamId)) return;
        clearTimeout(pending.current);
        pending.current = setTimeout(() => setRevision((r) => r + 1), 150);
      });
      return () => {
        stopped = true;
        clearTimeout(pending.current);
        unsubscribe();
      };
    }

    const connect = () => {
      source = new EventSource('./api/changes');
      source.addEventListener('open', () => {
        setOpen(true);
        setConnection({ online: true });
        // What changed while the stream was down.
        if (wasOpen) setRevision((r) => r + 1);
        wasOpen = true;
      });
      source.addEventListener('change', (e) => {
        if (!concernsTeam(JSON.parse((e as MessageEvent<string>).data) as ChangeNotice, teamId)) return;
        clearTimeout(pending.current);
        pending.current = setTimeout(() => setRevision((r) => r + 1), 150);
      });
      source.addEventListener('error', () => {
        setOpen(false);
        // Stop the browser's own reconnect: a revoked device must not keep knocking.
        source?.close();
        void stillPaired().then((paired) => {
          if (stopped) return;
          if (paired === false) {
            void useSession.getState().load();
            return;
          }
          if (paired === null) setConnection((c) => (c.online ? { online: false, since: new Date() } : c));
          retry = setTimeout(connect, paired ? 1_000 : 2_000);
        });
      });
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      clearTimeout(pending.current);
      source?.close();
    };
  }, [teamId]);

  return { revision, connection, open };
}
