// Vægskærme: a leader pairs the TV in the meeting room with their team's standup view by typing
// the code the TV shows, and sees and revokes the team's paired screens. Who may pair for which
// team is the contract's declaration (approveDevice: a leader for their own team, the department
// head for any); the form only offers what the host would accept.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { actsDepartmentWide } from '../../../../shared/api/define';
import type { WallDevice } from '../../../../shared/api/methods/devices';
import { formatDate, formatDateTime } from '../../../../shared/format';
import { isMessageKey, renderMessage } from '../../../../shared/messages';
import { api } from '../../api/client';
import { can } from '../../stores/permissions';
import { useLive } from '../../stores/live';
import { useSession } from '../../stores/session';
import './wall.css';
import { ScrollTable } from '../../components/TableHead';

type Message = { kind: 'ok' | 'error'; text: string };

/** The code as the TV shows it, grouped in fours for reading across a room. */
export function groupCode(code: string): string {
  const clean = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return clean.replace(/(.{4})(?=.)/g, '$1 ');
}

export default function DevicesView() {
  const { t, i18n } = useTranslation('wall');
  const locale = i18n.language === 'en' ? 'en' : 'da';
  const actor = useSession((s) => s.actor);
  const teams = useSession((s) => s.teams);
  const sessionTeam = useSession((s) => s.teamId);
  const revision = useLive((s) => s.revision);
  const departmentWide = actor !== null && actsDepartmentWide(actor.roles);
  const mayApprove = can(actor, 'approveDevice');
  // A leader pairs for their own team; the department head for any team.
  const pairTeams = teams.filter((team) => departmentWide || team.id === actor?.teamId);
  const listTeam = departmentWide ? null : actor?.teamId ?? null;

  const [devices, setDevices] = useState<WallDevice[] | null>(null);
  const [code, setCode] = useState('');
  const [teamId, setTeamId] = useState<number | null>(null);
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);

  const chosenTeam = teamId ?? (pairTeams.some((team) => team.id === sessionTeam) ? sessionTeam : pairTeams[0]?.id ?? null);

  const load = useCallback(async () => {
    const e = await api.listDevices(listTeam === null ? {} : { teamId: listTeam });
    if (e.ok) setDevices(e.value);
    else setMessage({ kind: 'error', text: e.error.message });
  }, [listTeam]);
  useEffect(() => {
    void load();
  }, [load, revision]);

  async function approve(event: FormEvent) {
    event.preventDefault();
    if (chosenTeam === null) return;
    setBusy(true);
    setMessage(null);
    const e = await api.approveDevice({ code, teamId: chosenTeam, label });
    setBusy(false);
    if (!e.ok) return setMessage({ kind: 'error', text: e.error.message });
    if (!e.value.ok) {
      const { key, params, message } = e.value;
      return setMessage({ kind: 'error', text: isMessageKey(key) ? renderMessage(key, params, i18n.language === 'en' ? 'en' : 'da') : message });
    }
    setMessage({ kind: 'ok', text: t('devices.approved', { label: e.value.device.label, team: e.value.device.teamName }) });
    setCode('');
    setLabel('');
    void load();
  }

  async function revoke(device: WallDevice) {
    setConfirming(null);
    const e = await api.revokeDevice({ deviceId: device.id });
    setMessage(e.ok ? { kind: 'ok', text: t('devices.revokedMessage', { label: device.label }) } : { kind: 'error', text: e.error.message });
    void load();
  }

  const standupAddress = `${location.protocol.startsWith('http') ? location.origin : 'http://<værtens-adresse>:4317'}/#/standup`;
  const active = (devices ?? []).filter((d) => d.status === 'approved');
  const inactive = (devices ?? []).filter((d) => d.status !== 'approved');

  return (
    <div data-feature="wall" className="devices-view">
      <h1>{t('devices.title')}</h1>
      <p className="devices-intro">{t('devices.intro')}</p>

      {mayApprove && (
        <section className="devices-panel" aria-labelledby="devices-pair">
          <h2 id="devices-pair">{t('devices.pairHeading')}</h2>
          <ol className="devices-steps">
            <li>{t('devices.step1')} <code className="devices-address">{standupAddress}</code></li>
            <li>{t('devices.step2')}</li>
          </ol>
          <form className="devices-form" onSubmit={(e) => void approve(e)}>
            <label className="devices-field">
              <span>{t('devices.code')}</span>
              <input
                className="devices-code-input"
                value={groupCode(code)}
                onChange={(e) => setCode(e.target.value.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 8))}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                placeholder="ABCD EFGH"
                required
              />
            </label>
            <label className="devices-field">
              <span>{t('devices.team')}</span>
              <select value={chosenTeam ?? ''} onChange={(e) => setTeamId(Number(e.target.value))} disabled={pairTeams.length < 2}>
                {pairTeams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
              </select>
            </label>
            <label className="devices-field grow">
              <span>{t('devices.label')}</span>
              <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={80} placeholder={t('devices.labelPlaceholder')} required />
            </label>
            <button type="submit" className="primary" disabled={busy || code.length < 8 || label.trim() === '' || chosenTeam === null}>
              {t('devices.approve')}
            </button>
          </form>
        </section>
      )}

      {message && (
        <p className={`devices-message page-message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>
      )}

      <section className="devices-panel" aria-labelledby="devices-list">
        <h2 id="devices-list">{departmentWide ? t('devices.listAll') : t('devices.listTeam')}</h2>
        {devices === null ? <p aria-busy="true">{t('devices.loading')}</p> : active.length === 0 ? <p>{inactive.length ? t('devices.noneActive') : t('devices.none')}</p> : (
          <DeviceTable devices={active} locale={locale} confirming={confirming} onConfirm={setConfirming} onRevoke={(d) => void revoke(d)} />
        )}
        {inactive.length > 0 && (
          <details className="devices-history">
            <summary>{t('devices.history', { count: inactive.length })}</summary>
            <DeviceTable devices={inactive} locale={locale} confirming={null} onConfirm={() => undefined} onRevoke={() => undefined} />
          </details>
        )}
      </section>
    </div>
  );
}

function DeviceTable(props: {
  devices: WallDevice[];
  locale: 'da' | 'en';
  confirming: number | null;
  onConfirm(id: number | null): void;
  onRevoke(device: WallDevice): void;
}) {
  const { t } = useTranslation('wall');
  const { devices, locale, confirming } = props;
  return (
    <ScrollTable wrapClassName="devices-table-wrap page-table-wrap" className="devices-table page-table" columns={[t('devices.columns.label'), t('devices.columns.team'), t('devices.columns.pairedBy'), t('devices.columns.lastSeen'), t('devices.columns.expires'), t('devices.columns.status'), { label: t('devices.columns.actions'), hidden: true }]}>
      {devices.map((d) => (
        <tr key={d.id} data-device={d.id}>
          <th scope="row">{d.label}<div className="devices-sub">{d.address}</div></th>
          <td>{d.teamName}</td>
          <td>{d.pairedByName ?? t('devices.byCli')}<div className="devices-sub">{formatDateTime(d.pairedAt, locale)}</div></td>
          <td>{d.lastSeenAt ? formatDateTime(d.lastSeenAt, locale) : t('devices.never')}</td>
          <td className="nowrap">{formatDate(d.expiresAt.slice(0, 10), locale)}</td>
          <td>
            <span className={`devices-status ${d.status}`}>{t(`devices.status.${d.status}`)}</span>
            {d.status === 'revoked' && d.revokedAt && (
              <div className="devices-sub">{formatDateTime(d.revokedAt, locale)}{d.revokedByName ? ` · ${d.revokedByName}` : ''}</div>
            )}
          </td>
          <td className="devices-actions">
            {d.status === 'approved' && confirming !== d.id && (
              <button type="button" onClick={() => props.onConfirm(d.id)} aria-label={t('devices.revokeLabel', { label: d.label })}>{t('devices.revoke')}</button>
            )}
            {confirming === d.id && (
              <span className="devices-confirm">
                <button type="button" className="danger" onClick={() => props.onRevoke(d)}>{t('devices.confirmRevoke')}</button>
                <button type="button" onClick={() => props.onConfirm(null)}>{t('devices.cancel')}</button>
              </span>
            )}
          </td>
        </tr>
      ))}
    </ScrollTable>
  );
}
