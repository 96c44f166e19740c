// The service that implements the API contract on a store. Every host (Electron IPC, the HTTP
// host, the CLI, the tests) goes through createService, so validation and transactions are one.
import type { ChangeNotice } from '../../shared/api/client';
import { createDispatcher, type Dispatch, type Handlers } from '../../shared/api/dispatch';
import type { Db } from '../connection';
import { boardHandlers } from './board';
import { committeeHandlers } from './committee';
import { createContext, type ClockOptions, type ServiceContext } from './context';
import { dataHandlers } from './data';
import { economyHandlers } from './economy';
import { flowHandlers } from './flow';
import { flowAnalyticsHandlers } from './flowAnalytics';
import { plansHandlers } from './plans';
import { pullListHandlers } from './pullList';
import { wallHandlers } from './wall';
import { workspaceHandlers } from './workspace';

export interface Service {
  db: Db;
  context: ServiceContext;
  handlers: Handlers;
  dispatch: Dispatch;
  /** Listens to committed writes; returns the unsubscribe function. */
  subscribe(listener: (change: ChangeNotice) => void): () => void;
}

export interface ServiceOptions extends ClockOptions {
  onInternalError?: (error: unknown, method: string) => void;
}

export function createService(db: Db, options: ServiceOptions = {}): Service {
  const context = createContext(db, options);
  const handlers: Handlers = {
    ...workspaceHandlers(context),
    ...boardHandlers(context),
    ...pullListHandlers(context),
    ...economyHandlers(context),
    ...flowHandlers(context),
    ...flowAnalyticsHandlers(context),
    ...dataHandlers(context),
    ...wallHandlers(context),
    ...plansHandlers(context),
    ...committeeHandlers(context),
  };
  const listeners = new Set<(change: ChangeNotice) => void>();
  let seq = 0;
  const dispatch = createDispatcher(handlers, {
    runWrite: (work) => db.transaction(work).immediate(),
    onChange: (method) => {
      const notice = { seq: ++seq, method, at: context.now().toISOString() };
      for (const listener of listeners) listener(notice);
    },
    onInternalError: options.onInternalError ?? ((error, method) => console.error(`[flowtavle] ${method} failed:`, error)),
  });
  return {
    db,
    context,
    handlers,
    dispatch,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
