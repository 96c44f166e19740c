// The workspace table's settings (key → text): each is read and judged by the module that owns it.
import type { Db } from './connection';
import { statements } from './statements';
import type { WorkspaceRow } from './schema';

const queries = (db: Db) => db.prepare<[string], Pick<WorkspaceRow, 'value'>>('SELECT value FROM workspace WHERE key = ?');

/** The stored text of a workspace setting; undefined when it is not set. */
export function workspaceSetting(db: Db, key: string): string | undefined {
  return statements(db, queries).get(key)?.value;
}
