// Results cross every process line as envelopes: an exception thrown through ipcMain.handle
// or an HTTP response would otherwise arrive as a bare message (Signal Desktop does the same).

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

export interface FieldError {
  /** Dotted path of the offending field in the input, e.g. "toColumnId" or "grants.0.takst". */
  field: string;
  message: string;
}

export interface ApiError {
  code: ApiErrorCode;
  /** A message a user can read, in Danish. */
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
  ) {
    super(message);
    this.name = 'ApiFailure';
  }

  toError(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

/** The result of a call, or an ApiFailure carrying the error, for callers that prefer throwing. */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  const { code, message, fields, details } = envelope.error;
  throw new ApiFailure(code, message, fields, details);
}
