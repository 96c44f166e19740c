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
  /** A phantom: carries the result type, never set at run time. */
  readonly result?: O;
}

/** `method<Result>()(inputSchema, { write })`: the result type is given, the input type inferred. */
export function method<O>() {
  return <I extends z.ZodType>(input: I, options: { write: boolean }): MethodDef<I, O> => ({
    input,
    write: options.write,
  });
}

export const noInput = z.object({}).strict();
export const id = z.number().int().positive();
