// The store's row types, generated from the migrated schema (db/schema.generated.ts, `npm run
// schema:types`; tests/unit/schemaTypes.test.ts fails when it is stale after a new migration).
//
// Type a query where it is prepared, never by casting its result, so a renamed or dropped column
// stops the build:
//   db.prepare<[number], Pick<CasesRow, 'id' | 'team_id'>>('SELECT id, team_id FROM cases WHERE id = ?')
// `.get()` is then `Pick<…> | undefined` and `.all()` `Pick<…>[]`. Named parameters are one object:
//   db.prepare<{ team: number }, …>('… WHERE team_id = @team').
// A computed or aliased column adds a small explicit type beside the Pick, named as in the SQL:
//   Pick<CasesRow, 'assignee_id' | 'paragraph'> & { n: number }      (COUNT(*) AS n)
//   Pick<BoardColumnsRow, 'kind'> & { column_name: BoardColumnsRow['name'] }   (b.name AS column_name)
// A column from the nullable side of a LEFT JOIN, or an aggregate over no rows, may be NULL
// whatever the table says: wrap it in OrNull<…> or add `| null`. A row that must exist (an
// aggregate without GROUP BY, the row just inserted) is read with `.get()!`. A statement read with `.raw()` gives arrays:
// name its columns once in a const list, build the select list from it and type the rows
// RawRow<Row, typeof list>. `.pluck()` gives the first column: type the statement
// with that column's type.
export type * from './schema.generated';

/** A `.raw()` row of `keys` from `Row`: the values in select-list order. */
export type RawRow<Row, Keys extends readonly (keyof Row)[]> = { -readonly [I in keyof Keys]: Keys[I] extends keyof Row ? Row[Keys[I]] : never };

/** The columns of the nullable side of a LEFT JOIN: each may be NULL there. */
export type OrNull<T> = { [K in keyof T]: T[K] | null };
