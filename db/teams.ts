// Creating a team with the default board, for imports and for leaders setting up a new team.
import { COLUMN_TEMPLATE } from './demo/profiles';
import type { Db } from './connection';
import { appendEvent } from './events';

export interface NewTeam {
  name: string;
  /** Sizes the default WIP limits (per caseworker in the template); at least 1 is assumed. */
  caseworkers?: number;
  actorId: number | null;
  at: string;
  reason?: string;
}

/** Inserts the team and its default columns (COLUMN_TEMPLATE) and logs it; returns the team id. */
export function createTeam(db: Db, team: NewTeam): number {
  const name = team.name.trim().replace(/\s+/g, ' ');
  if (name === '') throw new RangeError('a team needs a name');
  const order = db.prepare<[], { n: number }>('SELECT COALESCE(MAX(sort_order), 0) + 1 AS n FROM teams').get()!.n;
  const id = Number(db.prepare('INSERT INTO teams (name, sort_order) VALUES (?, ?)').run(name, order).lastInsertRowid);
  const insertColumn = db.prepare('INSERT INTO board_columns (team_id, name, position, kind, wip_limit) VALUES (?, ?, ?, ?, ?)');
  const caseworkers = Math.max(1, team.caseworkers ?? 1);
  COLUMN_TEMPLATE.forEach((column, index) => {
    const limit = column.wipPerCaseworker === null ? null : Math.ceil(column.wipPerCaseworker * caseworkers);
    insertColumn.run(id, column.name, index + 1, column.kind, limit);
  });
  appendEvent(db, {
    at: team.at, actorId: team.actorId, entity: 'team', entityId: id, type: 'created', field: 'name', to: name, reason: team.reason ?? null,
  });
  return id;
}
