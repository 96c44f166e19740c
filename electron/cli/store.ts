// How CLI commands reach a store: --db PATH, or the user's own store.
import { existsSync } from 'node:fs';
import { closeStore, type Db } from '../../db/connection';
import { createService, type Service } from '../../db/service';
import type { TeamsRow } from '../../db/schema';
import { defaultStorePath, openWorkspace } from '../../db/workspace';
import { stringOption, UsageError } from './command';

export function storePath(values: Record<string, unknown>): string {
  return stringOption(values, 'db') ?? defaultStorePath();
}

/** Opens an existing store (refusing to invent one, so a typo in --db does not create a file). */
export function withExistingStore<T>(values: Record<string, unknown>, work: (service: Service, db: Db) => T): T {
  const path = storePath(values);
  if (!existsSync(path)) throw new UsageError(`Databasen findes ikke: ${path}`);
  const { db } = openWorkspace(path);
  const service = createService(db);
  try {
    return work(service, db);
  } finally {
    service.lookups.flush();
    closeStore(db);
  }
}

/** The team a --team argument names, by id or by name (case does not matter); undefined for none given. */
export function teamIdOf(db: Db, teamArg: string | undefined): number | undefined {
  if (teamArg === undefined) return undefined;
  const teams = db.prepare<[], Pick<TeamsRow, 'id' | 'name'>>('SELECT id, name FROM teams ORDER BY sort_order, id').all();
  const team = /^\d+$/.test(teamArg)
    ? teams.find((t) => t.id === Number(teamArg))
    : teams.find((t) => t.name.toLocaleLowerCase('da') === teamArg.trim().toLocaleLowerCase('da'));
  if (!team) throw new UsageError(`Teamet "${teamArg}" findes ikke. Teams: ${teams.map((t) => `${t.id} ${t.name}`).join(', ')}.`);
  return team.id;
}
