// The audit log on the demo department's store: every entry's event in Danish words and its
// values as names (a sprint's name, a column's team and name), not the stored ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryAudit } from '../../db/export';
import { EVENT_TYPE_WORDS } from '../../shared/eventTypes';
import { openDemoStore, type DemoStore } from '../support/demoStore';

let demo: DemoStore;
beforeAll(() => {
  demo = openDemoStore('flowtavle-audit-words-', '2026-11-23');
});
afterAll(() => demo.close());

describe('the audit log in words', () => {
  it('names every event type the demo wrote in Danish', () => {
    const page = queryAudit(demo.db, { limit: 5_000 });
    expect(page.types.length).toBeGreaterThan(10);
    for (const type of page.types) expect(EVENT_TYPE_WORDS, type).toHaveProperty(type);
    for (const entry of page.entries) expect(entry.typeLabel).toBe(EVENT_TYPE_WORDS[entry.type]!.da);
  });

  it('shows the sprint a case was committed to by its name', () => {
    const committed = queryAudit(demo.db, { type: 'sprint_committed', limit: 1 }).entries[0]!;
    const sprint = demo.db.prepare<[string], { name: string }>('SELECT name FROM sprints WHERE id = ?').get(committed.toValue!)!;
    expect(committed.typeLabel).toBe('Lagt i sprint');
    expect(committed.toText).toBe(sprint.name);
    expect(committed.toText).not.toMatch(/^\d+$/);
  });
});
