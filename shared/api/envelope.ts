// Results cross every process line as envelopes: an exception thrown through ipcMain.handle
// or an HTTP response would otherwise arrive as a bare message (Signal Desktop does the same).
import type { Locale } from '../format';
import { isMessageKey, renderMessage, type MessageKey, type MessageParams } from '../messages';

export const API_ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'conflict',
  'wip_limit',
  'unauthenticated',
  'forbidden',
  'locked',
  'actor_required',
  'disk_full',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** What a client needs to say a message in its own language (shared/messages). */
export interface Said {
  key?: MessageKey;
  params?: MessageParams;
}

export interface FieldError extends Said {
  /** Dotted path of the offending field in the input, e.g. "toColumnId" or "grants.0.takst". */
  field: string;
  /** In Danish; a client with `key` renders it in its own language instead. */
  message: string;
}

export interface ApiError extends Said {
  code: ApiErrorCode;
  /** A message a user can read, in Danish; a client with `key` renders it in its own language instead. */
  message: string;
  fields?: FieldError[];
  /** Extra facts the UI can act on (e.g. the WIP limit that would be exceeded). */
  details?: Record<string, unknown>;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by service code; the dispatcher turns it into an error envelope. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: FieldError[],
    readonly details?: Record<string, unknown>,
    readonly said: Said = {},
  ) {
    super(message);
    this.name = 'ApiFailure';
  }

  /** A refusal said through the message catalogue, so every client can render it in its language. */
  static of(code: ApiErrorCode, key: MessageKey, params?: MessageParams, extra: { fields?: FieldError[]; details?: Record<string, unknown> } = {}): ApiFailure {
    const { message, ...said } = saying(key, params);
    return new ApiFailure(code, message, extra.fields, extra.details, said);
  }

  toError(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...this.said,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

/** A catalogue message in Danish, with the key and parameters a client renders it from in its own language. */
export function saying(key: MessageKey, params?: MessageParams): Said & { message: string } {
  return { message: renderMessage(key, params), key, ...(params ? { params } : {}) };
}

/** A field error said through the message catalogue. */
export function fieldError(field: string, key: MessageKey, params?: MessageParams): FieldError {
  return { field, ...saying(key, params) };
}

/** An error in the client's language: rendered from its key where it has one, else as sent. */
export function localiseError(error: ApiError, locale: Locale): ApiError {
  const say = (said: Said, fallback: string) => (said.key && isMessageKey(said.key) ? renderMessage(said.key, said.params, locale) : fallback);
  const fields = error.fields?.map((f) => ({ ...f, message: say(f, f.message) }));
  // The summary of invalid input lists its field messages: in the client's language too.
  const message = error.key === 'input.invalid' && fields
    ? renderMessage('input.invalid', { problems: fields.map((f) => f.message).join(' ') }, locale)
    : say(error, error.message);
  return { ...error, message, ...(fields ? { fields } : {}) };
}

/** The result of a call, or an ApiFailure carrying the error, for callers that prefer throwing. */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  const { code, message, fields, details, key, params } = envelope.error;
  throw new ApiFailure(code, message, fields, details, { ...(key ? { key } : {}), ...(params ? { params } : {}) });
}
