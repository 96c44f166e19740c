// The typed client. A transport moves one call across a process line; the client gives every
// method of the contract a typed function, so no method is written out by hand.
import type { InputOf, MethodName, ResultOf } from './contract';
import { METHOD_NAMES } from './contract';
import type { Envelope } from './envelope';

export type Transport = (method: MethodName, input: unknown) => Promise<Envelope<unknown>>;

export type ApiClient = { [K in MethodName]: (input: InputOf<K>) => Promise<Envelope<ResultOf<K>>> };

export function createClient(transport: Transport): ApiClient {
  const client = {} as Record<MethodName, (input: unknown) => Promise<Envelope<unknown>>>;
  for (const name of METHOD_NAMES) client[name] = (input) => transport(name, input);
  return client as ApiClient;
}

/** The answer of a sign-in action (status, sign-in, sign-out, …), as the HTTP host gives it. */
export interface AuthResponse {
  status: number;
  body: unknown;
}

/** What Electron's preload exposes on window.flowtavle. The session lives in main, never here. */
export interface PreloadBridge {
  call(method: MethodName, input: unknown): Promise<Envelope<unknown>>;
  /** A sign-in action (electron/auth/actions.ts), answered by main for this window. */
  auth(action: string, body: unknown): Promise<AuthResponse>;
  /** Subscribes to committed changes; returns the unsubscribe function. */
  onChange(listener: (change: ChangeNotice) => void): () => void;
}

export interface ChangeNotice {
  /** Counts the store's committed writes; a client that sees a gap has missed one (-1: reconnected). */
  seq: number;
  method: string;
  at: string;
  /** 'cases': the write changed only the cards in caseIds; 'store': anything may have changed. */
  scope: 'cases' | 'store';
  /** The cases the write touched (empty for 'store'). Ids only: a client fetches what it may see. */
  caseIds: number[];
  /** The teams those cases belong to after the write. */
  teamIds: number[];
}
