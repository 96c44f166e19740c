// Paired wall screens in the store. The dispatcher has already checked who may call (a leader for
// their own team, the department head, an administrator for revoking); these handlers do the
// pairing itself. A wrong code is returned, not thrown, so the counted failure commits with the
// call and the lock-out holds across restarts and fresh cookies.
import type { CallContext } from '../../shared/api/define';
import type { Handlers } from '../../shared/api/dispatch';
import { ApiFailure, fieldError, saying } from '../../shared/api/envelope';
import type { ApproveDeviceResult, WallDevice, devicesMethods } from '../../shared/api/methods/devices';
import type { Auth } from '../auth';
import { appendEvent } from '../events';
import type { ServiceContext } from './context';
import { statements } from '../statements';
import type { Db } from '../connection';
import type { AccountsRow, AuthSessionsRow, DevicesRow, PeopleRow, TeamsRow } from '../schema';

type Paired = 'team_id' | 'label' | 'approved_at' | 'expires_at';
// Only paired screens are selected (status <> 'pending'), and approval sets these columns, so
// they are never NULL here though the table allows it for a screen still waiting.
type DeviceRow = Pick<DevicesRow, 'id' | 'status' | 'remote_address' | 'revoked_at'>
  & { [K in Paired]: NonNullable<DevicesRow[K]> }
  & { team_name: TeamsRow['name']; approved_by_name: PeopleRow['name'] | null; revoked_by_name: PeopleRow['name'] | null;
      last_seen_at: AuthSessionsRow['last_seen_at'] | null };

const DEVICE_SELECT = `
  SELECT d.id, d.status, d.team_id, t.name AS team_name, d.label, d.approved_at, ap.name AS approved_by_name, d.expires_at,
         d.remote_address, d.revoked_at, rp.name AS revoked_by_name,
         (SELECT MAX(s.last_seen_at) FROM auth_sessions s WHERE s.device_id = d.id) AS last_seen_at
  FROM devices d
  JOIN teams t ON t.id = d.team_id
  LEFT JOIN people ap ON ap.id = d.approved_by
  LEFT JOIN people rp ON rp.id = d.revoked_by`;

function clock(iso: string): string {
  return new Intl.DateTimeFormat('da-DK', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Copenhagen' }).format(new Date(iso));
}

const queries = (db: Db) => ({
  one: db.prepare<[number], DeviceRow>(`${DEVICE_SELECT} WHERE d.id = ? AND d.status <> 'pending'`),
  all: db.prepare<{ teamId: number | null }, DeviceRow>(`${DEVICE_SELECT} WHERE d.status <> 'pending' AND (@teamId IS NULL OR d.team_id = @teamId) ORDER BY d.approved_at DESC, d.id DESC`),
  team: db.prepare<[number], Pick<TeamsRow, 'id' | 'name'>>('SELECT id, name FROM teams WHERE id = ?'),
  login: db.prepare<[number], Pick<AccountsRow, 'login'>>('SELECT login FROM accounts WHERE person_id = ?'),
  sessionAddress: db.prepare<[number], Pick<AuthSessionsRow, 'remote_address'>>('SELECT remote_address FROM auth_sessions WHERE id = ?'),
  approve: db.prepare(
    `UPDATE devices SET status = 'approved', team_id = @teamId, label = @label, approved_at = @at, approved_by = @actor,
       expires_at = @expiresAt, pairing_code_hash = NULL
     WHERE id = @id AND status = 'pending'`,
  ),
  revoke: db.prepare(`UPDATE devices SET status = 'revoked', revoked_at = ?, revoked_by = ? WHERE id = ?`),
  openSessions: db.prepare<[number], number>('SELECT COUNT(*) FROM auth_sessions WHERE device_id = ? AND ended_at IS NULL').pluck(),
  abandon: db.prepare(`UPDATE devices SET status = 'revoked', revoked_at = ?, pairing_code_hash = NULL WHERE id = ? AND status = 'pending'`),
});

export function devicesHandlers(ctx: ServiceContext, auth: Auth): Pick<Handlers, keyof typeof devicesMethods> {
  const { db } = ctx;
  const q = statements(db, queries);

  function toDevice(r: DeviceRow): WallDevice {
    const expired = r.status === 'approved' && new Date(r.expires_at).getTime() <= ctx.now().getTime();
    return {
      id: r.id,
      status: r.status === 'revoked' ? 'revoked' : expired ? 'expired' : 'approved',
      teamId: r.team_id,
      teamName: r.team_name,
      label: r.label,
      pairedAt: r.approved_at,
      pairedByName: r.approved_by_name,
      expiresAt: r.expires_at,
      lastSeenAt: r.last_seen_at,
      address: r.remote_address,
      revokedAt: r.revoked_at,
      revokedByName: r.revoked_by_name,
    };
  }

  function device(id: number): WallDevice {
    const row = q.one.get(id);
    if (!row) throw ApiFailure.of('not_found', 'wall.deviceNotFound', undefined, { fields: [fieldError('deviceId', 'wall.deviceNotFound')] });
    return toDevice(row);
  }

  /** Who is approving, for the lock-out: the person's login and the address their session signed in from. */
  function approver(call: CallContext): { login: string | null; address: string } {
    const login = call.actorId === null ? null : (q.login.get(call.actorId)?.login ?? null);
    const sessionId = call.principal.kind === 'system' ? null : call.principal.sessionId;
    const address = sessionId === null ? null : q.sessionAddress.get(Number(sessionId))?.remote_address;
    return { login, address: address ?? (call.principal.kind === 'system' ? 'kommandolinje' : 'ukendt') };
  }

  return {
    approveDevice: ({ code, teamId, label }, call): ApproveDeviceResult => {
      const team = q.team.get(teamId);
      if (!team) throw ApiFailure.of('not_found', 'records.teamNotFound', undefined, { fields: [fieldError('teamId', 'records.teamNotFound')] });
      const found = auth.findPendingDevice(code, approver(call));
      if (!found.ok) {
        return found.reason === 'locked'
          ? {
              ok: false, reason: 'locked', ...(found.lockedUntil ? { lockedUntil: found.lockedUntil } : {}),
              ...saying('wall.pairLocked', { time: clock(found.lockedUntil ?? ctx.now().toISOString()) }),
            }
          : { ok: false, reason: 'bad_code', ...saying('wall.pairBadCode') };
      }
      const at = ctx.now().toISOString();
      // A TV that dropped its waiting session (it got a new code after a host restart) is not there to pair.
      if (q.openSessions.get(found.deviceId) === 0) {
        q.abandon.run(at, found.deviceId);
        return { ok: false, reason: 'bad_code', message: 'Skærmen med denne kode venter ikke længere. Brug den kode, skærmen viser nu.' };
      }
      const expiresAt = new Date(ctx.now().getTime() + auth.settings().deviceDays * 86_400_000).toISOString();
      q.approve.run({ id: found.deviceId, teamId, label, at, actor: call.actorId, expiresAt });
      appendEvent(db, {
        at, actorId: call.actorId, entity: 'device', entityId: found.deviceId, type: 'device_approved', field: 'team', to: team.name,
        reason: `${label}; udløber ${expiresAt.slice(0, 10)}`,
      });
      return { ok: true, device: device(found.deviceId) };
    },

    listDevices: ({ teamId }) => q.all.all({ teamId: teamId ?? null }).map(toDevice),

    revokeDevice: ({ deviceId }, call) => {
      const before = device(deviceId);
      if (before.status === 'revoked') return before;
      const at = ctx.now().toISOString();
      q.revoke.run(at, call.actorId, deviceId);
      // The HTTP host listens: the TV's change stream closes now, and its next call is refused.
      const ended = auth.endSessions({ deviceId }, 'device_revoked');
      appendEvent(db, {
        at, actorId: call.actorId, entity: 'device', entityId: deviceId, type: 'device_revoked', field: 'team', from: before.teamName,
        reason: `${before.label}; ${ended} session${ended === 1 ? '' : 'er'} afsluttet`,
      });
      return device(deviceId);
    },
  };
}
