// One vocabulary, two languages: every refusal of the store and the hosts is said through the
// message catalogue, and every catalogue message renders whole in Danish and in English.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES, renderMessage, type MessageKey } from '../../shared/messages';

const root = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

const files = [...sources('db'), ...sources('electron')].map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));

function linesMatching(pattern: RegExp): string[] {
  return files.flatMap(({ path, text }) =>
    text.split('\n').flatMap((line, i) => (pattern.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('refusals through the catalogue', () => {
  it('leaves no ApiFailure built from a literal text in db/ and electron/', () => {
    expect(linesMatching(/new ApiFailure\(\s*'\w+',\s*['`"]/)).toEqual([]);
    // A refusal whose text is written on the next line of a multi-line call.
    const multiLine = files.flatMap(({ path, text }) =>
      [...text.matchAll(/new ApiFailure\(\s*\n\s*'\w+',\s*\n\s*['`"]/g)].map((m) => `${path}: ${m[0].replace(/\s+/g, ' ')}`),
    );
    expect(multiLine).toEqual([]);
  });

  it('finds the refusals said by key, so the scan cannot pass on an empty tree', () => {
    const keyed = files.reduce((n, { text }) => n + [...text.matchAll(/ApiFailure\.of\(/g)].length, 0);
    expect(keyed).toBeGreaterThanOrEqual(130);
    const keys = files.flatMap(({ text }) => [...text.matchAll(/ApiFailure\.of\(\s*'\w+',\s*'([\w.]+)'/g)].map((m) => m[1]!));
    expect(keys.filter((k) => !Object.hasOwn(MESSAGES, k))).toEqual([]);
  });

  it('leaves no Danish literal as the message of a host’s error answer', () => {
    expect(linesMatching(/error: \{[^}]*message: ['`"][A-ZÆØÅ]/)).toEqual([]);
    expect(linesMatching(/\bfail\(res, '\w+', '[^']*[ æøåÆØÅ]/)).toEqual([]);
    // The field messages of a refusal too.
    expect(linesMatching(/\{ field: [^}]*message: ['`"][A-ZÆØÅ]/)).toEqual([]);
  });
});

/** Values of the right kind for each slot name, so every message can be rendered whole. */
function sampleParams(text: string): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [, name] of text.matchAll(/\{(\w+)\}/g)) {
    params[name!] = /count|limit|minimum|maximum|years|factor|max|divisor|catalogue/i.test(name!) ? 3 : /date|start|end|limit|closed|allowedFrom/i.test(name!) ? '2026-12-01' : 'X';
  }
  return params;
}

describe('the catalogue renders whole', () => {
  it('says every key in Danish and English with no slot left, no ISO date and no raw key', () => {
    const keys = Object.keys(MESSAGES) as MessageKey[];
    expect(keys.length).toBeGreaterThan(250);
    for (const key of keys) {
      const params = sampleParams(MESSAGES[key].da);
      for (const locale of ['da', 'en'] as const) {
        const text = renderMessage(key, params, locale);
        expect(text, `${key} (${locale})`).not.toMatch(/\{\w+\}/);
        expect(text, `${key} (${locale})`).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
        expect(text, `${key} (${locale})`).not.toContain(key);
      }
      expect(MESSAGES[key].en, key).not.toBe(MESSAGES[key].da);
    }
  });

  it('writes dates in the language’s own format', () => {
    expect(renderMessage('economy.alreadyEnds', { date: '2026-12-01' }, 'da')).toBe('Bevillingen ophører allerede 01.12.2026.');
    expect(renderMessage('economy.alreadyEnds', { date: '2026-12-01' }, 'en')).toBe('The grant already ends on 01/12/2026.');
  });
});
