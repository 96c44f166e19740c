// Every event type the store writes has words in both languages (issue 17, item 8): the card
// history and the audit log never show a stored identifier such as budget_set.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPE_WORDS, eventTypeLabel } from '../../shared/eventTypes';
import { SPRINT_EVENTS } from '../../shared/sprints';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'migrations' ? [] : sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The literal types passed to appendEvent (also through a ternary) and to the board's log helper. */
function writtenTypes(): Set<string> {
  const types = new Set<string>();
  for (const file of [...sources(join(ROOT, 'db')), ...sources(join(ROOT, 'electron'))]) {
    const text = readFileSync(file, 'utf8');
    for (const call of text.matchAll(/appendEvent\(/g)) {
      const type = /\btype:\s*([^,\n}]+)/.exec(text.slice(call.index, call.index + 900))?.[1] ?? '';
      // A condition such as `kind === 'decision' ?` names a value, not a type.
      for (const literal of type.replace(/[!=]==\s*'[a-z_]+'/g, '').matchAll(/'([a-z_]+)'/g)) types.add(literal[1]!);
    }
    for (const call of text.matchAll(/\blog\(\s*(?:[\w.]+\s*\?\s*)?'([a-z_]+)'(?:\s*:\s*'([a-z_]+)')?/g)) {
      types.add(call[1]!);
      if (call[2]) types.add(call[2]);
    }
  }
  return types;
}

describe('the event types in words', () => {
  it('finds the types the store writes, so the scan below cannot pass by finding none', () => {
    const written = writtenTypes();
    expect(written.size).toBeGreaterThan(70);
    for (const known of ['moved', 'pulled', 'budget_set', 'assigned_over_wip_limit', 'review_note_added', 'sign_in_failed']) {
      expect(written, known).toContain(known);
    }
    expect(written).not.toContain('decision');
  });

  it('has Danish and English words for every type written, and for every sprint event', () => {
    const missing = [...writtenTypes(), ...Object.values(SPRINT_EVENTS)].filter((type) => !Object.hasOwn(EVENT_TYPE_WORDS, type));
    expect(missing).toEqual([]);
  });

  it('never shows an identifier: no underscores, a capital first letter, Danish and English different where the words differ', () => {
    for (const [type, words] of Object.entries(EVENT_TYPE_WORDS)) {
      for (const text of [words.da, words.en]) {
        expect(text, type).not.toMatch(/_/);
        expect(text[0], type).toBe(text[0]!.toUpperCase());
      }
    }
    expect(eventTypeLabel('budget_set')).toBe('Budget fastsat');
    expect(eventTypeLabel('budget_set', 'en')).toBe('Budget set');
    expect(eventTypeLabel('pulled')).toBe('Taget fra pull-listen');
    expect(eventTypeLabel('sprint_committed', 'en')).toBe('Committed to a sprint');
  });

  it('reads a type it does not know as "another event", never as the identifier', () => {
    expect(eventTypeLabel('some_future_type')).toBe('Anden hændelse');
    expect(eventTypeLabel('some_future_type', 'en')).toBe('Other event');
    expect(eventTypeLabel('toString')).toBe('Anden hændelse');
  });
});
