import { z } from 'zod';
import type { Role } from '../domain';

/** A role that may call a method: the people's roles, and the paired wall-screen device. */
export type CallerRole = Role | 'wall';
export const CALLER_ROLES: readonly CallerRole[] = ['caseworker', 'leader', 'department_head', 'secretariat', 'administrator', 'wall'];

/**
 * Roles that reach only what belongs to their own team; the others act department-wide (the
 * secretariat registers incoming cases and serves the committee for every team).
 */
export const TEAM_BOUND_ROLES: readonly CallerRole[] = ['caseworker', 'leader', 'wall'];

/** Whether these roles reach every team (the department head, the secretariat, the administrator). */
export function actsDepartmentWide(roles: readonly CallerRole[]): boolean {
  return roles.some((role) => !TEAM_BOUND_ROLES.includes(role));
}

/**
 * Who is calling, as the server knows it from the signed-in session (never from the caller):
 * a person with their roles, a paired wall device, or `system` — the command line on the store's
 * own machine, which already holds the file.
 */
export type Principal =
  | { kind: 'person'; personId: number; teamId: number | null; roles: readonly Role[]; sessionId: string | null }
  | { kind: 'device'; deviceId: number; teamId: number; sessionId: string | null }
  | { kind: 'system' };

export interface CallContext {
  /** The person behind the call, for the event log; null for devices and the command line. */
  actorId: number | null;
  principal: Principal;
}

/** The context of a call made by a person (what a session gives the dispatcher). */
export function personContext(person: { id: number; teamId: number | null; roles: readonly Role[] }, sessionId: string | null = null): CallContext {
  return { actorId: person.id, principal: { kind: 'person', personId: person.id, teamId: person.teamId, roles: person.roles, sessionId } };
}

/** The command line on the store's own machine; `actorId` names a person for the event log when given. */
export function systemContext(actorId: number | null = null): CallContext {
  return { actorId, principal: { kind: 'system' } };
}

/** The kinds of record a call's team can be read from; the store resolves an id to its team. */
export const TEAM_SOURCES = [
  'team',
  'case',
  'column',
  'grant',
  'person',
  'sprint',
  'plan',
  'planGoal',
  'planAction',
  'kpi',
  'investment',
  'priorityTag',
  'proposal',
  'device',
] as const;
export type TeamSource = (typeof TEAM_SOURCES)[number];

/**
 * Who may call a method, declared beside its input schema; the dispatcher enforces it in one
 * place for IPC and HTTP alike.
 * - `roles`: the roles allowed at all.
 * - `team`: where the call's team is read from (`field` is a dotted path in the input, to an id or
 *   an array of ids, resolved through `from`). A team-bound caller must belong to that team; when the
 *   field is absent the call is department-wide and open to department-wide roles only.
 * - `notSelf`: an input field naming a person the caller may not be (nobody sets their own grant authority).
 * - `wallInput`: values forced into the input when a wall device calls (privacy on).
 */
export interface Access {
  roles: readonly CallerRole[];
  team?: { from: TeamSource; field: string };
  notSelf?: string;
  wallInput?: Record<string, unknown>;
}

/**
 * What a call shows of citizens' data, for the lookup log (logning af opslag): the cases whose
 * citizen's data the result shows (one entry per citizen), or for a list the team and how many.
 */
export interface Lookup<O = unknown> {
  /** The screen or purpose, in Danish, as a citizen's insight extract names it. */
  purpose: string;
  // Method syntax, so a method's lookup of its own result type fits the contract's general MethodDef.
  cases?(result: O, input: unknown): { caseIds?: number[]; caseNumbers?: string[] };
  list?(result: O, input: unknown): { teamId: number | null; count: number };
}

export interface MethodDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /** Writes run in one transaction, need an actor and notify listeners of the change. */
  write: boolean;
  access: Access;
  lookup?: Lookup<O>;
  /** One sentence for docs/api.md (generated from the contract). */
  summary?: string;
  /** A phantom: carries the result type, never set at run time. */
  readonly result?: O;
}

/** `method<Result>()(inputSchema, { write, access })`: the result type is given, the input type inferred. */
export function method<O>() {
  return <I extends z.ZodType>(input: I, options: { write: boolean; access: Access; lookup?: Lookup<O>; summary?: string }): MethodDef<I, O> => ({
    input,
    write: options.write,
    access: options.access,
    ...(options.lookup ? { lookup: options.lookup } : {}),
    ...(options.summary ? { summary: options.summary } : {}),
  });
}

/** Shorthands for the declarations, so each method reads as a sentence. */
export const EVERYONE: readonly CallerRole[] = ['caseworker', 'leader', 'department_head', 'secretariat', 'administrator'];
export const CASE_READERS: readonly CallerRole[] = ['caseworker', 'leader', 'department_head', 'secretariat'];
export const LEADERS: readonly CallerRole[] = ['leader', 'department_head'];
export const ADMINISTRATORS: readonly CallerRole[] = ['administrator'];

export const noInput = z.object({}).strict();
export const id = z.number().int().positive();
