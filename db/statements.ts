// The one way statements are prepared: a module names its statements in a factory, and
// `statements(db, factory)` prepares them the first time the connection asks, then hands back
// the same ones. Compiling SQL is the costly part, so every handler set, reader and helper
// built on the same store shares one set per factory however often it is built (the demo builds
// handler sets per simulated day; a host builds one service per store).
import type { Db } from './connection';

type Factory<T> = (db: Db) => T;

const prepared = new WeakMap<Db, Map<Factory<unknown>, unknown>>();

export function statements<T>(db: Db, factory: Factory<T>): T {
  let byFactory = prepared.get(db);
  if (!byFactory) prepared.set(db, (byFactory = new Map()));
  if (!byFactory.has(factory)) byFactory.set(factory, factory(db));
  return byFactory.get(factory) as T;
}
