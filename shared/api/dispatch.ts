// Validation at the boundary and envelope wrapping, shared by the IPC and HTTP bindings.
import { z } from 'zod';
import { contract, isMethodName, type MethodName, type ParsedInputOf, type ResultOf } from './contract';
import type { CallContext } from './define';
import { ApiFailure, type Envelope, type FieldError } from './envelope';

// Field messages in Danish, the UI's first language ("Ugyldigt input: forventede tal, fik tekst").
z.config(z.locales.da());

export type Handlers = { [K in MethodName]: (input: ParsedInputOf<K>, ctx: CallContext) => ResultOf<K> };

export interface DispatchOptions {
  /** Runs a write handler inside one store transaction. */
  runWrite: <T>(work: () => T) => T;
  /** Told after every write that committed. */
  onChange?: (method: MethodName, ctx: CallContext) => void;
  /** Unexpected errors are reported here (the caller only gets a generic message). */
  onInternalError?: (error: unknown, method: string) => void;
}

export type Dispatch = (method: string, input: unknown, ctx: CallContext) => Envelope<unknown>;

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join('.') : '(input)',
    message: issue.message,
  }));
}

export function createDispatcher(handlers: Handlers, options: DispatchOptions): Dispatch {
  return (method, rawInput, ctx) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `Ukendt metode: ${method}` } };
    }
    const def = contract[method];
    const parsed = def.input.safeParse(rawInput === undefined || rawInput === null ? {} : rawInput);
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      return {
        ok: false,
        error: {
          code: 'invalid_input',
          message: `Ugyldige oplysninger: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`,
          fields,
        },
      };
    }
    if (def.write && ctx.readOnly) {
      return { ok: false, error: { code: 'read_only', message: 'Denne visning er skrivebeskyttet. Indtast teamets PIN for at ændre.' } };
    }
    if (def.write && ctx.actorId === null) {
      return { ok: false, error: { code: 'actor_required', message: 'Vælg først, hvem du er, så ændringen kan registreres.' } };
    }
    const handler = handlers[method] as (input: unknown, ctx: CallContext) => unknown;
    try {
      const value = def.write ? options.runWrite(() => handler(parsed.data, ctx)) : handler(parsed.data, ctx);
      if (def.write) options.onChange?.(method, ctx);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof ApiFailure) return { ok: false, error: error.toError() };
      const code = (error as { code?: unknown })?.code;
      if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
        return { ok: false, error: { code: 'conflict', message: 'Ændringen strider mod data i databasen og blev ikke gemt.' } };
      }
      options.onInternalError?.(error, method);
      return { ok: false, error: { code: 'internal', message: 'Der opstod en uventet fejl. Intet blev ændret.' } };
    }
  };
}
