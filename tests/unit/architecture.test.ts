// The process boundaries of DESIGN.md, enforced: shared/ is pure; the renderer reaches the store
// only through the API client; db/ knows nothing of the hosts or the UI.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)) {
    found.push((m[1] ?? m[2] ?? m[3])!);
  }
  return found;
}

/** Files under `layer` that import something `forbidden` matches, as "file → import". */
function violations(layer: string, forbidden: (specifier: string, file: string) => boolean): string[] {
  return sourceFiles(join(ROOT, layer)).flatMap((file) =>
    importsOf(file)
      .filter((spec) => forbidden(spec, file))
      .map((spec) => `${relative(ROOT, file)} → ${spec}`),
  );
}

const NODE_BUILTIN = /^(node:|fs$|path$|os$|child_process$|crypto$|http$|url$|util$|worker_threads$|stream$)/;
const reachesInto = (spec: string, file: string, layers: string[]) =>
  spec.startsWith('.') && layers.some((layer) => resolve(file, '..', spec).startsWith(join(ROOT, layer) + '/') || resolve(file, '..', spec) === join(ROOT, layer));

describe('architecture boundaries', () => {
  it('keeps shared/ pure: no electron, react, node or db imports', () => {
    expect(
      violations('shared', (spec, file) =>
        /^(react|react-dom|electron|better-sqlite3|zustand|recharts|@dnd-kit)/.test(spec) ||
        NODE_BUILTIN.test(spec) ||
        reachesInto(spec, file, ['db', 'electron', 'renderer']),
      ),
    ).toEqual([]);
  });

  it('keeps the renderer away from the store and the process hosts', () => {
    expect(
      violations('renderer', (spec, file) =>
        /^(electron|better-sqlite3)$/.test(spec) || NODE_BUILTIN.test(spec) && !file.endsWith('vite.config.ts') || reachesInto(spec, file, ['db', 'electron']),
      ),
    ).toEqual([]);
  });

  it('keeps db/ free of the UI and the hosts', () => {
    expect(
      violations('db', (spec, file) => /^(react|react-dom|electron)$/.test(spec) || reachesInto(spec, file, ['electron', 'renderer'])),
    ).toEqual([]);
  });

  it('catches a forbidden import when there is one (the rule itself works)', () => {
    const fake = join(ROOT, 'shared', 'x.ts');
    expect(reachesInto('../db/connection', fake, ['db'])).toBe(true);
    expect(reachesInto('./dates', fake, ['db'])).toBe(false);
    expect(NODE_BUILTIN.test('node:fs')).toBe(true);
  });
});
