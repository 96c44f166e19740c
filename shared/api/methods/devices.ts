// Paired wall screens: a TV asks to be paired (POST /auth/pair shows a code), a leader approves the
// code for one team's standup view, and the device's session then reaches only the redacted wall
// methods of that team (the 'wall' role, team-bound). The contract spreads these in.
import type { MessageKey, MessageParams } from '../../messages';
import { z } from 'zod';
import { LEADERS, id, method } from '../define';
import { shortText } from '../schemas';

export type WallDeviceStatus = 'approved' | 'expired' | 'revoked';

export interface WallDevice {
  id: number;
  /** `expired` is an approved device past its expiry date: it is refused like a revoked one. */
  status: WallDeviceStatus;
  teamId: number;
  teamName: string;
  label: string;
  pairedAt: string;
  pairedByName: string | null;
  expiresAt: string;
  /** The last request the device made (its session is touched at most once a minute). */
  lastSeenAt: string | null;
  /** The address the TV asked to be paired from. */
  address: string;
  revokedAt: string | null;
  revokedByName: string | null;
}

/**
 * A wrong or stale code is an answer, not an error: the failure is counted in the store (the
 * transaction commits), and after too many the leader is locked out for a while.
 */
export type ApproveDeviceResult =
  | { ok: true; device: WallDevice }
  | { ok: false; reason: 'bad_code' | 'locked'; message: string; key?: MessageKey; params?: MessageParams; lockedUntil?: string };

export const devicesMethods = {
  approveDevice: method<ApproveDeviceResult>()(
    z.object({ code: z.string().trim().min(4).max(20), teamId: id, label: shortText(80) }).strict(),
    {
      write: true,
      access: { roles: LEADERS, team: { from: 'team', field: 'teamId' } },
      summary:
        "Pairs the wall screen showing this code with a team's standup view (a leader for their own team, the department head for any); wrong codes are counted and lock out after five.",
    },
  ),
  listDevices: method<WallDevice[]>()(z.object({ teamId: id.optional() }).strict(), {
    write: false,
    access: { roles: [...LEADERS, 'administrator'], team: { from: 'team', field: 'teamId' } },
    summary: "Paired wall screens, newest first: a team's (a leader gives their team), or the whole department's (department head, administrator).",
  }),
  revokeDevice: method<WallDevice>()(z.object({ deviceId: id }).strict(), {
    write: true,
    access: { roles: [...LEADERS, 'administrator'], team: { from: 'device', field: 'deviceId' } },
    summary: "Revokes a paired wall screen: its session ends and its open change stream closes at once; the TV goes back to its pairing screen.",
  }),
};
