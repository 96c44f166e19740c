// Validation at the boundary, the access check and envelope wrapping, shared by the IPC and HTTP
// bindings. This is the one place where the contract's access declarations are enforced.
import { z } from 'zod';
import { cprInInput, cprSaid } from '../cpr';
import { DISK_FULL_MESSAGE, isDiskFull } from '../faults';
import { contract, isMethodName, type MethodName, type ParsedInputOf, type ResultOf } from './contract';
import { TEAM_BOUND_ROLES, type Access, type Lookup, type CallContext, type CallerRole, type Principal, type TeamSource } from './define';
import { ApiFailure, fieldError, saying, type ApiError, type Envelope, type FieldError } from './envelope';
import { isMessageKey, type MessageKey, type MessageParams } from '../messages';

// Zod's own Danish texts, for a message without a catalogue key (issueSaid below names them all).
z.config(z.locales.da());

export type Handlers = { [K in MethodName]: (input: ParsedInputOf<K>, ctx: CallContext) => ResultOf<K> };

/** The team a record belongs to; null when there is no such record. */
export type ResolveTeam = (from: TeamSource, id: number) => number | null;

export interface DispatchOptions {
  /** Runs a write handler inside one store transaction. */
  runWrite: <T>(work: () => T) => T;
  resolveTeam: ResolveTeam;
  /** Told after every write that committed. */
  onChange?: (method: MethodName, ctx: CallContext) => void;
  /** Told of every call refused by the access check (for the audit log). */
  onRefused?: (method: string, ctx: CallContext | null, error: ApiError) => void;
  /** Told of every answered call that showed citizens' data (the contract's `lookup`), for the lookup log. */
  onLookup?: (method: MethodName, ctx: CallContext, lookup: LookupEntry) => void;
  /** Unexpected errors are reported here (the caller only gets a generic message). */
  onInternalError?: (error: unknown, method: string) => void;
}

/** What one answered call showed: the purpose, and the cases or the list it showed. */
export interface LookupEntry {
  purpose: string;
  caseIds: number[];
  caseNumbers: string[];
  list: { teamId: number | null; count: number } | null;
}

export type Dispatch = (method: string, input: unknown, ctx: CallContext | null) => Envelope<unknown>;

const EXPECTED: Partial<Record<string, MessageKey>> = {
  number: 'input.expectedNumber',
  int: 'input.expectedNumber',
  string: 'input.expectedText',
  boolean: 'input.expectedBoolean',
  array: 'input.expectedList',
  object: 'input.expectedObject',
  null: 'input.expectedNull',
};

const asNumber = (v: number | bigint | Date | unknown): number | string =>
  typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);

/**
 * One zod issue as a catalogue key with its parameters, so every client says it in its own language;
 * a contract refinement names its key as its message (e.g. 'input.isoDate').
 */
export function issueSaid(issue: z.core.$ZodIssue, input: unknown): { key: MessageKey; params?: MessageParams } {
  if (isMessageKey(issue.message)) return { key: issue.message };
  switch (issue.code) {
    case 'invalid_type':
      if (valueAtPath(input, issue.path) === undefined) return { key: 'input.required' };
      return { key: EXPECTED[issue.expected] ?? 'input.invalidType' };
    case 'too_small': {
      const minimum = asNumber(issue.minimum);
      if (issue.origin === 'string') return { key: 'input.tooShort', params: { minimum } };
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'input.tooFewItems', params: { minimum } };
      return { key: issue.inclusive === false ? 'input.tooSmallExclusive' : 'input.tooSmall', params: { minimum } };
    }
    case 'too_big': {
      const maximum = asNumber(issue.maximum);
      if (issue.origin === 'string') return { key: 'input.tooLong', params: { maximum } };
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'input.tooManyItems', params: { maximum } };
      return { key: issue.inclusive === false ? 'input.tooBigExclusive' : 'input.tooBig', params: { maximum } };
    }
    case 'invalid_format':
      if (issue.format === 'email') return { key: 'input.invalidEmail' };
      if (issue.format === 'datetime') return { key: 'input.invalidDateTime' };
      if (issue.format === 'date') return { key: 'input.isoDate' };
      return { key: 'input.invalidFormat' };
    case 'not_multiple_of':
      return Number(issue.divisor) === 1 ? { key: 'input.notInteger' } : { key: 'input.notMultipleOf', params: { divisor: asNumber(issue.divisor) } };
    case 'invalid_value':
      return { key: 'input.invalidValue', params: { allowed: issue.values.map((v) => `"${String(v)}"`).join(', ') } };
    case 'unrecognized_keys':
      return { key: 'input.unrecognizedKeys', params: { keys: issue.keys.join(', ') } };
    default:
      return { key: 'input.invalidChoice' };
  }
}

function valueAtPath(input: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

export function fieldErrors(error: z.ZodError, input?: unknown): FieldError[] {
  return error.issues.map((issue) => {
    const { key, params } = issueSaid(issue, input);
    return fieldError(issue.path.length ? issue.path.map(String).join('.') : '(input)', key, params);
  });
}

/** The refusal of input that does not fit the contract: its field errors, one after another. */
export function invalidInput(fields: FieldError[]): ApiError {
  return { code: 'invalid_input', ...saying('input.invalid', { problems: fields.map((f) => f.message).join(' ') }), fields };
}

/** An error envelope's error, said through the message catalogue. */
export function said(code: ApiError['code'], key: MessageKey, params?: MessageParams): ApiError {
  return { code, ...saying(key, params) };
}

const FORBIDDEN = said('forbidden', 'general.forbidden');
const UNAUTHENTICATED = said('unauthenticated', 'general.unauthenticated');

/** The roles a principal acts in. */
export function rolesOf(principal: Principal): readonly CallerRole[] {
  if (principal.kind === 'person') return principal.roles;
  if (principal.kind === 'device') return ['wall'];
  return [];
}

function valueAt(input: unknown, path: string): unknown {
  let value: unknown = input;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** May this principal make this call at all (before the input is read)? */
export function roleAllows(access: Access, principal: Principal): boolean {
  if (principal.kind === 'system') return true;
  return rolesOf(principal).some((role) => access.roles.includes(role));
}

/**
 * The team and person rules of a declaration, once the input is valid: null when the call may go
 * ahead, else the refusal. A caller that qualifies through a department-wide role is not bound to a
 * team; a team-bound caller reaches only records of their own team.
 */
export function scopeRefusal(access: Access, principal: Principal, input: unknown, resolveTeam: ResolveTeam): ApiError | null {
  if (principal.kind === 'system') return null;
  if (access.notSelf && principal.kind === 'person' && valueAt(input, access.notSelf) === principal.personId) {
    return said('forbidden', 'committee.ownRights');
  }
  const allowed = rolesOf(principal).filter((role) => access.roles.includes(role));
  if (!access.team || allowed.some((role) => !TEAM_BOUND_ROLES.includes(role))) return null;
  const raw = valueAt(input, access.team.field);
  if (raw === undefined || raw === null) return FORBIDDEN;
  const ids = Array.isArray(raw) ? raw : [raw];
  for (const id of ids) {
    if (typeof id !== 'number') return FORBIDDEN;
    const team = resolveTeam(access.team.from, id);
    if (team === null) return said('not_found', 'general.notFound');
    if (team !== principal.teamId) return FORBIDDEN;
  }
  return null;
}

export function createDispatcher(handlers: Handlers, options: DispatchOptions): Dispatch {
  const refuse = (method: string, ctx: CallContext | null, error: ApiError): Envelope<unknown> => {
    options.onRefused?.(method, ctx, error);
    return { ok: false, error };
  };
  return (method, rawInput, ctx) => {
    // The name comes from the URL: only a contract name may reach the audit log (never free text).
    if (!ctx) return isMethodName(method) ? refuse(method, null, UNAUTHENTICATED) : { ok: false, error: UNAUTHENTICATED };
    if (!isMethodName(method)) {
      return { ok: false, error: said('unknown_method', 'general.unknownMethod', { method }) };
    }
    const def = contract[method];
    if (!roleAllows(def.access, ctx.principal)) return refuse(method, ctx, FORBIDDEN);
    const parsed = def.input.safeParse(rawInput === undefined || rawInput === null ? {} : rawInput);
    if (!parsed.success) {
      return { ok: false, error: invalidInput(fieldErrors(parsed.error, rawInput ?? {})) };
    }
    // The one CPR guard for every text that enters the store, whatever the method (shared/cpr.ts).
    const cpr = cprInInput(parsed.data);
    if (cpr) {
      const { key, params } = cprSaid(cpr.match);
      return { ok: false, error: { code: 'invalid_input', ...saying(key, params), fields: [fieldError(cpr.field, key, params)], details: { reason: 'cpr' } } };
    }
    const refusal = scopeRefusal(def.access, ctx.principal, parsed.data, options.resolveTeam);
    if (refusal) return refuse(method, ctx, refusal);
    const input = ctx.principal.kind === 'device' && def.access.wallInput ? { ...(parsed.data as object), ...def.access.wallInput } : parsed.data;
    if (def.write && ctx.actorId === null && ctx.principal.kind !== 'system') {
      return { ok: false, error: said('actor_required', 'general.actorRequired') };
    }
    const handler = handlers[method] as (input: unknown, ctx: CallContext) => unknown;
    try {
      const value = def.write ? options.runWrite(() => handler(input, ctx)) : handler(input, ctx);
      if (def.write) options.onChange?.(method, ctx);
      if (def.lookup && options.onLookup) {
        const lookup = def.lookup as Lookup<unknown>;
        const cases = lookup.cases?.(value, input);
        options.onLookup(method, ctx, {
          purpose: lookup.purpose,
          caseIds: cases?.caseIds ?? [],
          caseNumbers: cases?.caseNumbers ?? [],
          list: lookup.list?.(value, input) ?? null,
        });
      }
      return { ok: true, value };
    } catch (error) {
      if (error instanceof ApiFailure) return { ok: false, error: error.toError() };
      const code = (error as { code?: unknown })?.code;
      if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
        return { ok: false, error: said('conflict', 'general.conflict') };
      }
      // Something the user can act on, not "an unexpected error" (the write was rolled back).
      if (isDiskFull(error)) {
        options.onInternalError?.(error, method);
        return { ok: false, error: { code: 'disk_full', message: DISK_FULL_MESSAGE } };
      }
      options.onInternalError?.(error, method);
      return { ok: false, error: said('internal', 'general.internal') };
    }
  };
}
