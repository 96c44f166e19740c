// Every method called as every role: the dispatcher allows exactly what the method's access
// declaration says (roles, own team or all teams, never on oneself), computed here from the
// declaration independently of the dispatcher, and a refused write leaves every table as it was.
// Each call runs in a transaction that is rolled back, so every call sees the same store.
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { closeStore, openStore, type Db } from '../../db/connection';
import { generateDemo } from '../../db/demo/generate';
import { createService, type Service } from '../../db/service';
import { contract, METHOD_NAMES, type MethodName } from '../../shared/api/contract';
import {
  TEAM_BOUND_ROLES, systemContext, type Access, type CallContext, type CallerRole, type Principal,
} from '../../shared/api/define';
import type { Envelope } from '../../shared/api/envelope';
import { contractInputs, TODAY, type TeamRecords, type Variant } from '../support/contractInputs';

const NOW = new Date(`${TODAY}T10:00:00Z`);

let db: Db;
let service: Service;


let own: TeamRecords;
let other: TeamRecords;
let meetingId: number;
const callers = {} as Record<CallerRole, CallContext>;

/** A digest of every row of every table, the audit log's refusals left out (a refusal is logged, by design). */
function checksum(): string {
  const hash = createHash('sha256');
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
  for (const { name } of tables) {
    hash.update(name);
    const sql = name === 'events' ? `SELECT * FROM events WHERE NOT (entity = 'auth' AND type = 'call_refused')` : `SELECT * FROM "${name}"`;
    hash.update(JSON.stringify(db.prepare(sql).raw().all()));
  }
  return hash.digest('hex');
}

function value<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

const one = <T>(sql: string, ...params: unknown[]) => {
  const row = db.prepare(sql).get(...params) as T | undefined;
  if (row === undefined) throw new Error(`no row: ${sql}`);
  return row;
};

function person(role: string, teamId: number | null, name: string): number {
  return Number(db.prepare('INSERT INTO people (name, initials, role, team_id) VALUES (?, ?, ?, ?)').run(name, name.slice(0, 2).toUpperCase(), role, teamId).lastInsertRowid);
}

/** Plan, sprint, priority tags, proposal and device of a team, made through the API where there is one. */
function recordsOf(teamId: number, proposal: number): TeamRecords {
  const leader = one<{ id: number }>(`SELECT id FROM people WHERE role = 'leader' AND team_id = ? ORDER BY id LIMIT 1`, teamId).id;
  const as = systemContext(leader);
  const c = one<{ id: number; case_number: string; assignee_id: number }>(
    'SELECT c.id, c.case_number, c.assignee_id FROM cases c JOIN grant_proposals gp ON gp.case_id = c.id WHERE gp.id = ?', proposal,
  );
  const grant = one<{ id: number }>('SELECT g.id FROM grants g JOIN cases c ON c.id = g.case_id WHERE c.team_id = ? ORDER BY g.id LIMIT 1', teamId).id;
  const column = one<{ id: number }>('SELECT id FROM board_columns WHERE team_id = ? ORDER BY position LIMIT 1', teamId).id;
  const sprint = one<{ id: number }>(`SELECT id FROM sprints WHERE team_id = ? AND status = 'open' ORDER BY id LIMIT 1`, teamId).id;
  const plan = value<{ id: number }>(service.dispatch('createPlan', { teamId, title: 'Adgangsplan', periodStart: '2026-01-01', periodEnd: '2026-12-31' }, as)).id;
  const goal = value<{ id: number }>(service.dispatch('saveGoal', { planId: plan, title: 'Mål', description: null }, as)).id;
  const action = value<{ id: number }>(service.dispatch('saveAction', { goalId: goal, title: 'Handling', ownerId: null, dueDate: null, status: 'not_started', caseIds: [] }, as)).id;
  const kpi = value<{ id: number }>(service.dispatch('saveKpi', { goalId: goal, spec: { kind: 'bottom_line' }, target: 0, direction: 'higher' }, as)).id;
  const investment = value<{ id: number }>(service.dispatch('saveInvestment', {
    goalId: goal, title: 'Investering', fromParagraph: '107', toParagraph: '85',
    input: { start: '2026-01-01', years: [2026, 2028], citizensPerYear: 2, durationYears: 1, savingPerCitizenYear: 100_000, replacementCostPerCitizenYear: 20_000, runningCosts: [], implementationCosts: [] },
  }, as)).id;
  const tag = value<{ id: number }>(service.dispatch('savePriorityTag', { teamId, label: 'Adgangsprioritet', weight: 10, paragraph: '85', kind: null }, as)).id;
  const planTag = value<{ id: number }>(service.dispatch('savePlanPriority', { planId: plan, label: 'Planprioritet', weight: 10, paragraph: null, kind: 'complaint' }, as)).id;
  const device = Number(db.prepare(
    `INSERT INTO devices (status, team_id, label, requested_at, remote_address, approved_at, approved_by, expires_at)
     VALUES ('approved', ?, 'Tv', ?, '127.0.0.1', ?, ?, '2027-02-21T10:00:00.000Z')`,
  ).run(teamId, NOW.toISOString(), NOW.toISOString(), leader).lastInsertRowid);
  const block = one<{ id: number }>('SELECT id FROM flow_blocks WHERE team_id = ? ORDER BY id LIMIT 1', teamId).id;
  const view = value<{ id: number }>(service.dispatch('saveView', {
    teamId, name: 'Adgangsvisning', isDefault: false,
    settings: { months: 3, asOf: null, counting: 'calendar', complianceGroup: 'paragraph', sections: ['compliance'] },
  }, as)).id;
  return {
    team: teamId, case: c.id, caseworker: c.assignee_id, caseNumber: c.case_number, column, grant, sprint, plan, goal, action, kpi, investment,
    tag, planTag, proposal, device, block, view,
  };
}

beforeAll(() => {
  db = openStore(join(mkdtempSync(join(tmpdir(), 'flowtavle-access-')), 'flowtavle.db'));
  generateDemo(db, { seed: 1, scale: 0.2, today: TODAY });
  service = createService(db, { now: () => NOW });
  // Own team: the one with proposals awaiting the committee; give another team one too.
  const awaiting = one<{ id: number; team_id: number }>(
    `SELECT gp.id, c.team_id FROM grant_proposals gp JOIN cases c ON c.id = gp.case_id JOIN people p ON p.id = c.assignee_id
     WHERE gp.status = 'awaiting' AND p.role = 'caseworker' ORDER BY gp.id LIMIT 1`,
  );
  const otherTeam = one<{ id: number }>('SELECT id FROM teams WHERE id <> ? ORDER BY id LIMIT 1', awaiting.team_id).id;
  const otherCase = one<{ id: number; assignee_id: number }>(
    `SELECT c.id, c.assignee_id FROM cases c JOIN people p ON p.id = c.assignee_id WHERE c.team_id = ? AND p.role = 'caseworker' ORDER BY c.id LIMIT 1`, otherTeam,
  );
  const proposal = value<{ awaitingCommittee?: true; proposal: { id: number } }>(service.dispatch('createGrant', {
    caseId: otherCase.id,
    grant: {
      paragraph: '107', service: 'Midlertidigt botilbud', provider: 'Privat tilbud', providerType: 'external', takst: 3_000_000, takstUnit: 'year',
      quantity: 1, startDate: TODAY, endDate: null, followUpMonths: 6, supportGoal: 'developing',
    },
  }, systemContext(otherCase.assignee_id)));
  expect(proposal.awaitingCommittee).toBe(true);
  own = recordsOf(awaiting.team_id, awaiting.id);
  other = recordsOf(otherTeam, proposal.proposal.id);

  const leader = one<{ id: number }>(`SELECT id FROM people WHERE role = 'leader' AND team_id = ? LIMIT 1`, own.team).id;
  // Pure roles, without a second role through an account, so each column tests one role.
  const secretary = person('secretariat', own.team, 'Sara Sekretær');
  const head = person('department_head', null, 'Dorte Direktør');
  const administrator = person('administrator', null, 'Adam Administrator');
  meetingId = value<{ id: number }>(service.dispatch('createMeeting', { date: '2026-12-03', title: 'Visitationsudvalget', memberIds: [secretary, leader] }, systemContext(leader))).id;
  callers.caseworker = service.as(own.caseworker);
  callers.leader = service.as(leader);
  callers.department_head = service.as(head);
  callers.secretariat = service.as(secretary);
  callers.administrator = service.as(administrator);
  callers.wall = { actorId: null, principal: { kind: 'device', deviceId: own.device, teamId: own.team, sessionId: null } };
  for (const role of ['caseworker', 'leader', 'department_head', 'secretariat', 'administrator'] as const) {
    expect(callers[role].principal).toMatchObject({ kind: 'person', roles: [role] });
  }
});

afterAll(() => closeStore(db));

const INPUTS = contractInputs({
  meetingId: () => meetingId,
  teamName: (teamId) => one<{ name: string }>('SELECT name FROM teams WHERE id = ?', teamId).name,
});

const ROLES: readonly CallerRole[] = ['caseworker', 'leader', 'department_head', 'secretariat', 'administrator', 'wall'];

function rolesOf(principal: Principal): readonly CallerRole[] {
  return principal.kind === 'person' ? principal.roles : principal.kind === 'device' ? ['wall'] : [];
}

function field(input: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), input);
}

/** What the declaration says about this call, read here without the dispatcher's code. */
function expected(access: Access, variant: Variant, principal: Principal, input: unknown): 'allowed' | 'forbidden' {
  const permitted = rolesOf(principal).filter((role) => access.roles.includes(role));
  if (permitted.length === 0) return 'forbidden';
  if (access.notSelf && principal.kind === 'person' && field(input, access.notSelf) === principal.personId) return 'forbidden';
  if (variant.storeRule && !permitted.some((role) => variant.storeRule!.includes(role))) return 'forbidden';
  if (!access.team) return 'allowed';
  if (permitted.some((role) => !TEAM_BOUND_ROLES.includes(role))) return 'allowed';
  return variant.scope === 'own' ? 'allowed' : 'forbidden';
}

/** Runs one call and rolls everything it wrote back; for a refused write, checks it wrote nothing. */
function attempt(method: MethodName, input: unknown, ctx: CallContext | null, refusedWrite: boolean): Envelope<unknown> {
  db.exec('BEGIN');
  try {
    const before = refusedWrite ? checksum() : '';
    const envelope = service.dispatch(method, input, ctx);
    if (refusedWrite) expect(checksum(), `${method}: a refused write changed the store`).toBe(before);
    return envelope;
  } finally {
    db.exec('ROLLBACK');
  }
}

describe('access: every method as every role', () => {
  it('has valid inputs for exactly the methods of the contract, each naming its team as declared', () => {
    expect(Object.keys(INPUTS).sort()).toEqual([...METHOD_NAMES].sort());
    for (const method of METHOD_NAMES) {
      const { access, input: schema } = contract[method];
      for (const variant of INPUTS[method]) {
        for (const records of [own, other]) {
          const input = variant.input(records, 1);
          const parsed = (schema as z.ZodType).safeParse(input);
          expect(parsed.success, `${method} (${variant.name}): ${parsed.success ? '' : JSON.stringify(parsed.error.issues)}`).toBe(true);
          if (access.team) expect(field(input, access.team.field) === undefined, `${method} (${variant.name})`).toBe(variant.scope === 'department');
        }
      }
    }
  });

  for (const method of METHOD_NAMES) {
    it(`${method}`, () => {
      const { access, write } = contract[method];
      const outcomes: string[] = [];
      const wanted: string[] = [];
      for (const variant of INPUTS[method] ?? []) {
        const records = variant.scope === 'other' ? other : own;
        for (const role of ROLES) {
          const ctx = callers[role];
          const self = ctx.principal.kind === 'person' ? ctx.principal.personId : null;
          const input = variant.input(records, self);
          const want = expected(access, variant, ctx.principal, input);
          const envelope = attempt(method, input, ctx, write && want === 'forbidden');
          const code = envelope.ok ? 'ok' : envelope.error.code;
          expect(code, `${method} (${variant.name}) as ${role}: ${envelope.ok ? '' : envelope.error.message}`).not.toBe('internal');
          outcomes.push(`${variant.name} as ${role}: ${code === 'forbidden' || code === 'unauthenticated' ? 'forbidden' : 'allowed'}`);
          wanted.push(`${variant.name} as ${role}: ${want}`);
        }
      }
      expect(outcomes).toEqual(wanted);
    });
  }

  it('refuses every method without a session, before reading the input', () => {
    for (const method of METHOD_NAMES) {
      const variant = INPUTS[method][0]!;
      expect(attempt(method, variant.input(own, null), null, contract[method].write), method).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    }
  });

  it('takes the actor from the session only: no method has an input that names who acts', () => {
    const names = ['actor', 'actorId', 'asPerson', 'principal', 'callerId', 'role', 'roles'];
    for (const method of METHOD_NAMES) {
      const schema = z.toJSONSchema(contract[method].input, { unrepresentable: 'any', io: 'input' }) as { properties?: Record<string, unknown> };
      const keys = Object.keys(schema.properties ?? {});
      // listAudit filters the log by a person (whose changes to show), saveAuthorityLimit sets a role's limit: neither is the caller.
      const allowed = method === 'listAudit' ? ['actorId'] : method === 'saveAuthorityLimit' ? ['role'] : [];
      expect(keys.filter((k) => names.includes(k) && !allowed.includes(k)), method).toEqual([]);
    }
    // An actor sent anyway is an unknown field, and the write is the caller's.
    const spoofed = attempt('updateCase', { caseId: own.case, notes: 'x', actorId: callers.leader.actorId }, callers.caseworker, true);
    expect(spoofed).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    db.exec('BEGIN');
    try {
      const written = service.dispatch('updateCase', { caseId: own.case, notes: 'Skrevet af sagsbehandleren' }, callers.caseworker) as Envelope<{ eventIds: number[] }>;
      const eventId = value<{ eventIds: number[] }>(written).eventIds[0];
      expect(one<{ actor_id: number }>('SELECT actor_id FROM events WHERE id = ?', eventId).actor_id).toBe(own.caseworker);
    } finally {
      db.exec('ROLLBACK');
    }
  });

  it('logs a refused call in the audit log', () => {
    db.exec('BEGIN');
    try {
      service.dispatch('setBudget', { teamId: own.team, year: 2026, amount: 1 }, callers.caseworker);
      expect(one<{ actor_id: number; to_value: string }>(`SELECT actor_id, to_value FROM events WHERE entity = 'auth' AND type = 'call_refused' ORDER BY id DESC LIMIT 1`))
        .toEqual({ actor_id: own.caseworker, to_value: 'setBudget' });
    } finally {
      db.exec('ROLLBACK');
    }
  });

  it('gives a wall device the redacted view of its own team only', () => {
    const screen = value<{ privacy: boolean; team: { id: number } }>(attempt('getWallScreen', { teamId: own.team, privacy: false }, callers.wall, false));
    expect(screen).toMatchObject({ privacy: true, team: { id: own.team } });
    expect(attempt('listPeople', { teamId: own.team }, callers.wall, false)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('the CPR guard on every method', () => {
  const NOTATIONS = ['010190-1234', '0101901234', '01.01.90-1234', '010190/1234', '010190–1234', '01 01 90 1234', '010190_1234', '０１０１９０－１２３４'];

  /** Every string field of an input, by dotted path. */
  function stringPaths(value: unknown, path: string[] = []): string[][] {
    if (typeof value === 'string') return [path];
    if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...path, String(i)]));
    if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
    return [];
  }

  function withText(input: unknown, path: string[], text: string): unknown {
    const copy = structuredClone(input) as Record<string, unknown>;
    let at: Record<string, unknown> = copy;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
    at[path.at(-1)!] = text;
    return copy;
  }

  it('refuses the notations in every text field of every method, names the field, masks the number and changes nothing', () => {
    let checked = 0;
    let turn = 0;
    const system: CallContext = { actorId: null, principal: { kind: 'system' } };
    for (const method of METHOD_NAMES) {
      const input = INPUTS[method][0]!.input(own, null);
      for (const path of stringPaths(input)) {
        // Each field gets the next notation in turn; every notation meets every kind of field across the contract.
        const cpr = NOTATIONS[turn++ % NOTATIONS.length]!;
        const envelope = attempt(method, withText(input, path, `Noter ${cpr} fra samtalen`), system, contract[method].write);
        expect(envelope.ok, `${method}.${path.join('.')} with ${cpr}`).toBe(false);
        if (envelope.ok) continue;
        // A field that only takes fixed values (an enum, a date) refuses the text as invalid before the guard reads it.
        expect(envelope.error.code, `${method}.${path.join('.')}`).toBe('invalid_input');
        expect(JSON.stringify(envelope.error)).not.toMatch(/1234|１２３４/);
        if (envelope.error.details?.reason === 'cpr') {
          expect(envelope.error.fields?.[0]?.field).toBe(path.join('.'));
          expect(envelope.error.message).toContain('010190-XXXX');
          checked++;
        }
      }
    }
    // Free-text fields across the contract: notes, reasons, titles, labels, names…
    expect(checked).toBeGreaterThan(40);
  }, 300_000);

  it('refuses every notation in a case note over the same path as any call, and the store stays as it was', () => {
    for (const cpr of NOTATIONS) {
      const envelope = attempt('updateCase', { caseId: own.case, notes: `Borgeren ${cpr} ringede` }, service.as(own.caseworker), true);
      expect(envelope, cpr).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { reason: 'cpr' }, fields: [{ field: 'notes' }] } });
    }
  }, 120_000);

  it('lets realistic texts without a CPR number through the guard', () => {
    const texts = ['Sag 2026-000250 overgår til Team BPA', 'Ring til borgeren på 20 30 40 50', 'Takst 2.150,00 kr. pr. time fra 01.12.2026', 'Budget 1.096,0 mio. kr.', 'Afventer lægeerklæring (ref. B0100007)'];
    for (const text of texts) expect(attempt('updateCase', { caseId: own.case, notes: text }, service.as(own.caseworker), false), text).toMatchObject({ ok: true });
  });
});
