// The process boundaries of DESIGN.md, enforced: shared/ is pure; the renderer reaches the store
// only through the API client; db/ knows nothing of the hosts or the UI; no file imports itself
// back through others, not even for a type; no renderer feature imports another (they meet in
// the registry's slots).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
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

/** The file a relative specifier names (./x as x.ts, x.tsx or x/index.ts), or null for a package or a non-source file. */
function resolveImport(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(file), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (/\.(ts|tsx|mts)$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Who imports whom (value and `import type` alike) among the source files under `dirs`. */
function importGraph(dirs: readonly string[]): Map<string, string[]> {
  const files = new Set(dirs.flatMap((dir) => sourceFiles(dir)));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = importsOf(file).map((spec) => resolveImport(file, spec)).filter((t): t is string => t !== null && files.has(t));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The import circles: strongly connected components of more than one file, or a file importing itself (Tarjan). */
function importCircles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) circles.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return circles;
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

const FEATURES_DIR = join(ROOT, 'renderer', 'src', 'features');

/** The feature folder a file sits in (renderer/src/features/<name>/…), or null for the registry's own files beside them. */
function featureOf(file: string): string | null {
  const path = relative(FEATURES_DIR, file);
  if (path.startsWith('..')) return null;
  const parts = path.split(/[\\/]/);
  return parts.length > 1 ? parts[0]! : null;
}

/** Imports from one feature's folder into another's, as "file → import". */
function featureCrossings(dir: string): string[] {
  return sourceFiles(dir).flatMap((file) => {
    const own = featureOf(file);
    if (own === null) return [];
    return importsOf(file)
      .filter((spec) => spec.startsWith('.'))
      .filter((spec) => {
        const target = featureOf(resolve(dirname(file), spec));
        return target !== null && target !== own;
      })
      .map((spec) => `${relative(ROOT, file)} → ${spec}`);
  });
}

describe('renderer features', () => {
  it('no feature imports another feature: they fill and read the slots of features/types.ts instead', () => {
    expect(featureCrossings(FEATURES_DIR)).toEqual([]);
  });

  it('finds a feature importing another (the check itself works)', () => {
    const board = join(FEATURES_DIR, 'board', 'Card.tsx');
    expect(featureOf(board)).toBe('board');
    expect(featureOf(join(FEATURES_DIR, 'registry.ts'))).toBeNull();
    expect(featureOf(join(ROOT, 'renderer', 'src', 'components', 'useLoaded.ts'))).toBeNull();
    expect(featureOf(resolve(dirname(board), '../committee/awaiting'))).toBe('committee');
    expect(featureOf(resolve(dirname(board), '../slots'))).toBeNull();
  });
});

describe('import circles', () => {
  it('has none among shared/, db/, electron/ and renderer/src, counting import type', () => {
    const graph = importGraph(['shared', 'db', 'electron', 'renderer/src'].map((dir) => join(ROOT, dir)));
    expect(graph.size).toBeGreaterThan(100);
    expect(importCircles(graph).map((circle) => circle.map((file) => relative(ROOT, file)).join(' → '))).toEqual([]);
  });

  it('finds a circle when there is one (the check itself works)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowtavle-circle-'));
    try {
      mkdirSync(join(dir, 'methods'));
      writeFileSync(join(dir, 'methods', 'a.ts'), "import type { B } from './b';\nexport interface A { b: B }\n");
      writeFileSync(join(dir, 'methods', 'b.ts'), "import {\n  c,\n} from '../c';\nexport interface B { n: number }\nexport const b = c;\n");
      writeFileSync(join(dir, 'c.ts'), "export { type A } from './methods/a';\nexport const c = 1;\n");
      writeFileSync(join(dir, 'index.ts'), "import { c } from './c';\nimport { self } from './index';\nexport const self = c;\n");
      writeFileSync(join(dir, 'free.ts'), "import { c } from './c';\nimport { z } from 'zod';\nexport const free = [c, z];\n");
      const graph = importGraph([dir]);
      const found = importCircles(graph).map((circle) => circle.map((file) => relative(dir, file)));
      expect(found).toEqual(expect.arrayContaining([['c.ts', 'methods/a.ts', 'methods/b.ts'], ['index.ts']]));
      expect(found).toHaveLength(2);
      // Without the type-only edge from c.ts, the three files no longer form a circle.
      writeFileSync(join(dir, 'c.ts'), 'export const c = 1;\n');
      expect(importCircles(importGraph([dir])).map((circle) => circle.map((file) => relative(dir, file)))).toEqual([['index.ts']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
