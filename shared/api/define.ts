import { z } from 'zod';

/** Who is calling. Writes are refused without an actor so the event log always knows who did it. */
export interface CallContext {
  actorId: number | null;
  /** LAN viewers without the team PIN may only read. */
  readOnly?: boolean;
}

export interface MethodDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /** Writes run in one transaction, need an actor and notify listeners of the change. */
  write: boolean;
  /** One sentence for docs/api.md (generated from the contract). */
  summary?: string;
  /** A phantom: carries the result type, never set at run time. */
  readonly result?: O;
}

/** `method<Result>()(inputSchema, { write })`: the result type is given, the input type inferred. */
export function method<O>() {
  return <I extends z.ZodType>(input: I, options: { write: boolean; summary?: string }): MethodDef<I, O> => ({
    input,
    write: options.write,
    ...(options.summary ? { summary: options.summary } : {}),
  });
}

export const noInput = z.object({}).strict();
export const id = z.number().int().positive();
