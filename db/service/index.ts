// The service that implements the API contract on a store. Every host (Electron IPC, the HTTP
// host, the CLI, the tests) goes through createService, so validation and transactions are one.
import type { ChangeNotice } from '../../shared/api/client';
import type { CallContext } from '../../shared/api/define';
import { createDispatcher, type Dispatch, type Handlers } from '../../shared/api/dispatch';
import { createAuth, type Auth } from '../auth';
import type { Db } from '../connection';
import { noticeScope } from '../../shared/boardSync';
import { appendEvent } from '../events';
import { statements } from '../statements';
import { createTeamResolver, personContextFromStore } from './access';

export { personContextFromStore };
import { privacyHandlers } from './privacy';
import { createLookupLog, type LookupLog } from '../privacy/lookupLog';
import { accountsHandlers } from './accounts';
import { boardHandlers } from './board';
import { committeeHandlers } from './committee';
import { createContext, type ClockOptions, type ServiceContext } from './context';
import { dataHandlers } from './data';
import { devicesHandlers } from './devices';
import { economyHandlers } from './economy';
import { financeHandlers } from './finance';
import { flowHandlers } from './flow';
import { flowAnalyticsHandlers } from './flowAnalytics';
import { plansHandlers } from './plans';
import { pullListHandlers } from './pullList';
import { sprintsHandlers } from './sprints';
import { wallHandlers } from './wall';
import { workspaceHandlers } from './workspace';

export interface Service {
  db: Db;
  context: ServiceContext;
  handlers: Handlers;
  dispatch: Dispatch;
  auth: Auth;
  /** The lookup log's queue; `flush()` writes it now (before reading the log, at shutdown). */
  lookups: LookupLog;
  /**
   * The context a signed-in person's session gives (roles from the store). For hosts that have
   * already authenticated the person by other means, and for tests of the store.
   */
  as(personId: number): CallContext;
  /** Listens to committed writes; returns the unsubscribe function. */
  subscribe(listener: (change: ChangeNotice) => void): () => void;
}

export interface ServiceOptions extends ClockOptions {
  onInternalError?: (error: unknown, method: string) => void;
}

const queries = (db: Db) => ({
  personExists: db.prepare('SELECT 1 FROM people WHERE id = ?'),
  lastEvent: db.prepare<[], { id: number | null }>('SELECT MAX(id) AS id FROM events'),
  eventsSince: db.prepare<[number], { caseId: number | null; entity: string }>('SELECT case_id AS caseId, entity FROM events WHERE id > ?'),
  teamsOf: db.prepare<[string], { id: number }>('SELECT DISTINCT team_id AS id FROM cases WHERE id IN (SELECT value FROM json_each(?)) ORDER BY team_id'),
});

export function createService(db: Db, options: ServiceOptions = {}): Service {
  const context = createContext(db, options);
  const auth = createAuth(db, context.now);
  const lookups = createLookupLog(db, context.now);
  const { personExists, lastEvent, eventsSince, teamsOf } = statements(db, queries);
  const handlers: Handlers = {
    ...workspaceHandlers(context),
    ...boardHandlers(context),
    ...pullListHandlers(context),
    ...economyHandlers(context),
    ...financeHandlers(context),
    ...flowHandlers(context),
    ...flowAnalyticsHandlers(context),
    ...dataHandlers(context),
    ...wallHandlers(context),
    ...devicesHandlers(context, auth),
    ...sprintsHandlers(context),
    ...plansHandlers(context),
    ...committeeHandlers(context),
    ...accountsHandlers(context, auth),
    ...privacyHandlers(context, lookups),
  };
  const listeners = new Set<(change: ChangeNotice) => void>();
  let seq = 0;
  let written: Pick<ChangeNotice, 'scope' | 'caseIds' | 'teamIds'> | null = null;
  const dispatch = createDispatcher(handlers, {
    // The write's footprint is read in its own transaction, from the events it appended (every
    // write appends them): the change notice then names the cases it touched.
    runWrite: (work) =>
      db.transaction(() => {
        const before = lastEvent.get()!.id ?? 0;
        const result = work();
        const scope = noticeScope(eventsSince.all(before));
        written = { ...scope, teamIds: scope.caseIds.length ? teamsOf.all(JSON.stringify(scope.caseIds)).map((r) => r.id) : [] };
        return result;
      }).immediate(),
    resolveTeam: createTeamResolver(db),
    onLookup: (method, ctx, entry) => lookups.record(method, ctx, entry),
    // Refused calls go to the audit log (Datatilsynet: log refused access), in a transaction of their own.
    onRefused: (method, ctx, error) => {
      if (error.code !== 'forbidden' && error.code !== 'unauthenticated') return;
      try {
        const actor = ctx?.actorId != null && personExists.get(ctx.actorId) ? ctx.actorId : null;
        appendEvent(db, {
          at: context.now().toISOString(), actorId: actor, entity: 'auth', type: 'call_refused', field: 'method', to: method,
          reason: ctx?.principal.kind === 'device' ? `vægskærm ${ctx.principal.deviceId}` : error.code,
        });
      } catch (failure) {
        // The refusal itself must reach the caller even when the log cannot be written (a full disk).
        console.error('[flowtavle] could not log a refused call:', failure);
      }
    },
    onChange: (method) => {
      const footprint = written ?? { scope: 'store' as const, caseIds: [], teamIds: [] };
      written = null;
      const notice: ChangeNotice = { seq: ++seq, method, at: context.now().toISOString(), ...footprint };
      for (const listener of listeners) listener(notice);
    },
    onInternalError: options.onInternalError ?? ((error, method) => console.error(`[flowtavle] ${method} failed:`, error)),
  });
  return {
    db,
    context,
    handlers,
    dispatch,
    auth,
    lookups,
    as: (personId) => personContextFromStore(db, personId),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
