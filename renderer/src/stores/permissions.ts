// What the signed-in person may do, read from the contract's access declarations: the same rule
// the dispatcher enforces on the host, so the UI never offers what the host would refuse.
import { contract, type MethodName } from '../../../shared/api/contract';
import type { Principal } from '../../../shared/api/define';
import { roleAllows, scopeRefusal } from '../../../shared/api/dispatch';
import type { AuthPerson } from '../../../shared/api/auth';
import { useSession } from './session';

function principalOf(actor: AuthPerson): Principal {
  return { kind: 'person', personId: actor.id, teamId: actor.teamId, roles: actor.roles, sessionId: null };
}

/** May `actor` call `method` for `teamId`? Without a team, only the role is checked. */
export function can(actor: AuthPerson | null, method: MethodName, teamId?: number | null): boolean {
  if (!actor) return false;
  const access = contract[method].access;
  const principal = principalOf(actor);
  if (!roleAllows(access, principal)) return false;
  if (teamId === undefined || teamId === null || access.team?.from !== 'team') return true;
  return scopeRefusal(access, principal, { [access.team.field]: teamId }, (_from, id) => id) === null;
}

export function useCan(method: MethodName, teamId?: number | null): boolean {
  const actor = useSession((s) => s.actor);
  return can(actor, method, teamId);
}
