// What the sign-in endpoints answer (electron/auth/actions.ts), shared with the renderer.
import type { Role } from '../domain';

/**
 * Logins are kept and compared in lower case, Danish letters included (SQLite's NOCASE and lower()
 * know only ASCII, so "SØP" and "søp" would otherwise be two people).
 */
export function normaliseLogin(login: string): string {
  return login.trim().toLocaleLowerCase('da-DK');
}

export interface AuthPerson {
  id: number;
  name: string;
  initials: string;
  role: Role;
  /** The person's role plus administrator when their account has it. */
  roles: readonly Role[];
  teamId: number | null;
  login: string | null;
}

export interface PairingState {
  status: 'pending' | 'approved' | 'revoked' | 'expired';
  /** The code to show on the TV while pending. */
  code?: string;
  teamId?: number;
  expiresAt?: string;
}

export interface AuthStatus {
  signedIn: boolean;
  person: AuthPerson | null;
  /** A paired wall device and the team whose standup it shows. */
  device: { teamId: number; teamName: string } | null;
  needsFirstAdministrator: boolean;
  departmentName: string;
  isDemo: boolean;
  /** Only in a demo store, where every password is `demo`: who can sign in, to pick from. */
  demoAccounts: { login: string; name: string; role: Role; teamName: string | null }[] | null;
  /** Single sign-on, when the host is configured for it. */
  oidc: { label: string } | null;
  /** A device that asked to be paired and waits (no session otherwise). */
  pairing: PairingState | null;
}
