// A call without a session is refused as unauthenticated whatever its name, but only a name from the
// contract reaches the audit log: the name comes from the URL, so anyone on the network could
// otherwise write any text (a CPR number, a citizen's name) into the log, unauthenticated.
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../shared/api/dispatch';

describe('an unauthenticated call', () => {
  const logged: string[] = [];
  const dispatch = createDispatcher({} as Handlers, {
    runWrite: (work) => work(), resolveTeam: () => null, onRefused: (method) => logged.push(method),
  });

  it('is refused as unauthenticated and logged when the method exists', () => {
    logged.length = 0;
    expect(dispatch('listTeams', {}, null)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(logged).toEqual(['listTeams']);
  });

  it('is refused as unauthenticated but never logged under a name outside the contract', () => {
    logged.length = 0;
    expect(dispatch('010190-1234 Hans Hansen', {}, null)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(logged).toEqual([]);
  });
});
