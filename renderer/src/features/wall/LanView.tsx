// LAN sharing: leaders at the host make and revoke access tokens, see the session log and set
// the team PIN; a viewer on the network sees that they are read-only and can enter the PIN.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanSession, LanToken } from '../../../../shared/api/methods/wall';
import { formatDateTime } from '../../../../shared/format';
import { api } from '../../api/client';
import { useLive } from '../../stores/live';
import { useSession } from '../../stores/session';
import './wall.css';

interface LanStatus {
  lan: boolean;
  readOnly: boolean;
  pinTeamId: number | null;
}

async function fetchStatus(): Promise<LanStatus> {
  try {
    const res = await fetch('./lan/status', { headers: { Accept: 'application/json' } });
    if (!res.ok || !String(res.headers.get('content-type')).includes('json')) return { lan: false, readOnly: false, pinTeamId: null };
    return (await res.json()) as LanStatus;
  } catch {
    // Inside Electron or on a host without LAN sharing there is no /lan/status: this is the host.
    return { lan: false, readOnly: false, pinTeamId: null };
  }
}

function PinEntry({ status, onUnlocked }: { status: LanStatus; onUnlocked(): void }) {
  const { t } = useTranslation('wall');
  const teamId = useSession((s) => s.teamId);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  async function unlock() {
    const res = await fetch('./lan/pin', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ teamId, pin }) });
    const body = (await res.json()) as { ok: boolean; message?: string };
    setPin('');
    if (body.ok) onUnlocked();
    else setMessage(body.message ?? null);
  }
  return (
    <section className="lan-section">
      <p>{t('lan.viewer')}</p>
      <p className="lan-state" role="status">{status.readOnly ? t('lan.readOnly') : t('lan.unlocked')}</p>
      {status.readOnly && (
        <form className="lan-form" onSubmit={(e) => { e.preventDefault(); void unlock(); }}>
          <label>
            <span>{t('lan.enterPin')}</span>
            <input type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value)} />
          </label>
          <button type="submit" disabled={pin.length < 4}>{t('lan.unlock')}</button>
          {message && <p role="alert" className="lan-error">{message}</p>}
        </form>
      )}
    </section>
  );
}

function LeaderAdmin() {
  const { t } = useTranslation('wall');
  const teamId = useSession((s) => s.teamId);
  const revision = useLive((s) => s.revision);
  const [tokens, setTokens] = useState<LanToken[]>([]);
  const [sessions, setSessions] = useState<LanSession[]>([]);
  const [label, setLabel] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    const [tk, ss] = await Promise.all([api.listLanTokens({}), api.listLanSessions({})]);
    if (tk.ok) setTokens(tk.value);
    if (ss.ok) setSessions(ss.value);
    if (!tk.ok) setMessage(tk.error.message);
  }, []);
  useEffect(() => {
    void load();
  }, [load, revision]);

  async function create() {
    const r = await api.createLanToken({ label });
    if (!r.ok) return setMessage(r.error.message);
    setLabel('');
    // At the host itself the page runs on loopback or in Electron, neither of which a viewer can reach.
    const reachable = location.protocol.startsWith('http') && !/^(127\.|localhost$|\[::1\]$)/.test(location.hostname);
    setCreated(`${reachable ? location.origin : 'http://<værtens-adresse>:4317'}/?token=${r.value.token}#/standup`);
    void load();
  }
  async function revoke(tokenId: number) {
    const r = await api.revokeLanToken({ tokenId });
    if (!r.ok) setMessage(r.error.message);
    void load();
  }
  async function savePin(value: string | null) {
    if (teamId === null) return;
    const r = await api.setTeamPin({ teamId, pin: value });
    setPin('');
    setMessage(r.ok ? (value ? t('lan.pinSaved') : t('lan.pinCleared')) : r.error.message);
  }

  return (
    <>
      <section className="lan-section" aria-labelledby="lan-tokens">
        <h2 id="lan-tokens">{t('lan.tokens')}</h2>
        <form className="lan-form" onSubmit={(e) => { e.preventDefault(); void create(); }}>
          <label>
            <span>{t('lan.label')}</span>
            <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={80} />
          </label>
          <button type="submit" disabled={label.trim() === ''}>{t('lan.create')}</button>
        </form>
        {created && <p className="lan-created" role="status">{t('lan.created', { url: created })}</p>}
        {tokens.length === 0 ? <p>{t('lan.none')}</p> : (
          <ul className="lan-tokens">
            {tokens.map((token) => (
              <li key={token.id}>
                <strong>{token.label}</strong> · {formatDateTime(token.createdAt)} ·{' '}
                {token.revokedAt ? t('lan.revoked', { at: formatDateTime(token.revokedAt) }) : t('lan.valid')}
                {!token.revokedAt && <button type="button" onClick={() => void revoke(token.id)}>{t('lan.revoke')}</button>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="lan-section" aria-labelledby="lan-pin">
        <h2 id="lan-pin">{t('lan.pin')}</h2>
        <p>{t('lan.pinHint')}</p>
        <form className="lan-form" onSubmit={(e) => { e.preventDefault(); void savePin(pin); }}>
          <label>
            <span>{t('lan.pin')}</span>
            <input type="password" inputMode="numeric" autoComplete="new-password" value={pin} onChange={(e) => setPin(e.target.value)} />
          </label>
          <button type="submit" disabled={pin.length < 4}>{t('lan.setPin')}</button>
          <button type="button" onClick={() => void savePin(null)}>{t('lan.clearPin')}</button>
        </form>
      </section>
      {message && <p role="status" className="lan-message">{message}</p>}
      <section className="lan-section" aria-labelledby="lan-sessions">
        <h2 id="lan-sessions">{t('lan.sessions')}</h2>
        {sessions.length === 0 ? <p>{t('lan.noSessions')}</p> : (
          <table className="lan-table">
            <thead>
              <tr>
                <th scope="col">{t('lan.columns.label')}</th>
                <th scope="col">{t('lan.columns.address')}</th>
                <th scope="col">{t('lan.columns.started')}</th>
                <th scope="col">{t('lan.columns.lastSeen')}</th>
                <th scope="col">{t('lan.columns.requests')}</th>
                <th scope="col">{t('lan.columns.pin')}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <td>{s.tokenLabel}</td>
                  <td>{s.remoteAddress}</td>
                  <td>{formatDateTime(s.startedAt)}</td>
                  <td>{formatDateTime(s.lastSeenAt)}</td>
                  <td>{s.requests}</td>
                  <td>{s.pinTeamName ? `${s.pinTeamName}, ${formatDateTime(s.pinEnteredAt!)}` : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

export default function LanView() {
  const { t } = useTranslation('wall');
  const actor = useSession((s) => s.actor);
  const [status, setStatus] = useState<LanStatus | null>(null);
  useEffect(() => {
    void fetchStatus().then(setStatus);
  }, []);
  return (
    <div className="lan-view">
      <h1>{t('lan.title')}</h1>
      <p>{t('lan.intro')}</p>
      {status?.lan && <PinEntry status={status} onUnlocked={() => void fetchStatus().then(setStatus)} />}
      {status && !status.lan && (actor?.role === 'leader' ? <LeaderAdmin /> : <p>{t('lan.leaderOnly')}</p>)}
      {status?.lan && <p>{t('lan.hostOnly')}</p>}
    </div>
  );
}
