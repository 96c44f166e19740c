// Methods of account administration and sign-in sessions; the contract spreads them in
// (shared/api/contract.ts). A leader looks after the accounts of their own team; resetting
// passwords and ending sessions is for administrators (issue 14).
import { z } from 'zod';
import { normaliseLogin } from '../auth';
import type { Role } from '../../domain';
import { ADMINISTRATORS, id, method } from '../define';

/** A person and the state of their account; `login` is null while the person has none. */
export interface AccountSummary {
  personId: number;
  name: string;
  initials: string;
  login: string | null;
  role: Role;
  teamId: number | null;
  /** The account may sign in (false too when there is no account). */
  active: boolean;
  /** Administration (accounts, devices, backups) on top of the person's own role. */
  administrator: boolean;
  /** False until the person has chosen a password with their set-up code. */
  hasPassword: boolean;
  /** When an unused set-up code runs out; null when none is waiting. */
  setupExpiresAt: string | null;
  lastSignInAt: string | null;
}

/** The one-time code is in this answer only; the store keeps its hash. */
export interface SetupCodeIssued {
  account: AccountSummary;
  setupCode: string;
  setupExpiresAt: string;
}

export interface SignInSession {
  id: number;
  kind: 'person' | 'device';
  personId: number | null;
  name: string | null;
  login: string | null;
  deviceId: number | null;
  deviceLabel: string | null;
  /** The team of the person or the wall device. */
  teamId: number | null;
  method: 'password' | 'oidc' | 'device' | 'desktop';
  createdAt: string;
  lastSeenAt: string;
  remoteAddress: string;
  userAgent: string | null;
  /** The caller's own session. */
  current: boolean;
}

/** Letters, digits, dot, hyphen, underscore and @: initials, an e-mail address or a directory name. */
export const loginName = z
  .string()
  .trim()
  .min(2, 'input.loginTooShort')
  .max(100, 'input.loginTooLong')
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'input.loginCharacters')
  .transform(normaliseLogin);

const ACCOUNT_KEEPERS = ['leader', 'administrator'] as const;

export const accountsMethods = {
  listAccounts: method<AccountSummary[]>()(z.object({ teamId: id.optional() }).strict(), {
    write: false,
    access: { roles: ['leader', 'department_head', 'administrator'], team: { from: 'team', field: 'teamId' } },
    summary: 'People and the state of their accounts (login, active, password chosen, last sign-in), of one team or all; a leader sees their own team.',
  }),
  createAccount: method<SetupCodeIssued>()(z.object({ personId: id, login: loginName }).strict(), {
    write: true,
    access: { roles: ACCOUNT_KEEPERS, team: { from: 'person', field: 'personId' } },
    summary: 'Creates an account for a person without one and returns a one-time set-up code (valid 7 days, kept hashed) for choosing a password; a leader for their own team.',
  }),
  resetPassword: method<SetupCodeIssued & { sessionsEnded: number }>()(
    z
      .object({ login: z.string().trim().min(1).max(100).transform(normaliseLogin).optional(), personId: id.optional() })
      .strict()
      .refine((v) => (v.login === undefined) !== (v.personId === undefined), { message: 'input.loginOrPerson' }),
    {
      write: true,
      access: { roles: ADMINISTRATORS },
      summary: 'Clears an account’s password, ends all its sessions and returns a new one-time set-up code (by login or person).',
    },
  ),
  /** For the leader whose new colleague lost or let the first code run out; a chosen password is the administrator's to reset. */
  renewSetupCode: method<SetupCodeIssued>()(z.object({ personId: id }).strict(), {
    write: true,
    access: { roles: ACCOUNT_KEEPERS, team: { from: 'person', field: 'personId' } },
    summary: 'A new one-time set-up code for an account whose password has not been chosen yet (the old code stops working); a leader for their own team.',
  }),
  setAccountActive: method<AccountSummary & { sessionsEnded: number }>()(z.object({ personId: id, active: z.boolean() }).strict(), {
    write: true,
    access: { roles: ACCOUNT_KEEPERS, team: { from: 'person', field: 'personId' }, notSelf: 'personId' },
    summary: 'Disables an account (its sessions end at once) or enables it again; a leader for their own team, never an administrator’s account or the last administrator.',
  }),
  listSessions: method<SignInSession[]>()(z.object({ personId: id.optional() }).strict(), {
    write: false,
    access: { roles: ADMINISTRATORS },
    summary: 'Open sign-in sessions of people and wall devices (not ended, not idle too long), latest activity first.',
  }),
  endSession: method<{ sessionId: number; ended: true }>()(z.object({ sessionId: id }).strict(), {
    write: true,
    access: { roles: ADMINISTRATORS },
    summary: 'Ends a sign-in session; its change stream closes at once and its next call answers 401.',
  }),
};
