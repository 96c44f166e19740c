// db/schema.generated.ts is generated from the migrated schema; this keeps it from drifting
// when a migration adds, renames or drops a column.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSchemaTypes } from '../../scripts/schema-types';

describe('the generated row types', () => {
  it('are up to date with db/migrations (run `npm run schema:types`)', () => {
    const committed = readFileSync(new URL('../../db/schema.generated.ts', import.meta.url), 'utf8');
    expect(committed).toBe(renderSchemaTypes());
  });

  it('say NOT NULL, the rowid key and CHECK (… IN …) the way SQLite enforces them', () => {
    const text = renderSchemaTypes();
    const cases = /export interface CasesRow \{([^}]*)\}/.exec(text)?.[1] ?? '';
    expect(cases).toContain('  id: number;');
    expect(cases).toContain('  assignee_id: number | null;');
    expect(cases).toContain("  kind: 'application' | 'follow_up' | 'complaint' | 'task';");
    expect(cases).toContain('  blocked: 0 | 1;');
    // A TEXT PRIMARY KEY without NOT NULL accepts NULL in a rowid table.
    expect(text).toMatch(/export interface WorkspaceRow \{\n {2}key: string \| null;\n {2}value: string;\n\}/);
  });
});
