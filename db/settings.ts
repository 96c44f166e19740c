// The workspace table's settings (key → text): each is read and judged by the module that owns it.
import { perConnection, type Db } from './connection';
import type { WorkspaceRow } from './schema';

const statement = perConnection((db) => db.prepare<[string], Pick<WorkspaceRow, 'value'>>('SELECT value FROM workspace WHERE key = ?'));

/** The stored text of a workspace setting; undefined when it is not set. */
export function workspaceSetting(db: Db, key: string): string | undefined {
  return statement(db).get(key)?.value;
}
