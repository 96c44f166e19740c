// Feature stylesheets cannot leak (issue 17): each lies wholly inside one native @scope, and every
// component that imports a feature stylesheet carries the feature's data-feature on its root.
// The scope's root is the parent of the feature's element: rules inside @scope match only the
// root's descendants (an implicit `:scope ` before each selector), so rooting at the element
// itself would lose `.wall { … }` and `.plans-view .badge`. The bound (a donut) stops at the
// parent's other children and at any other feature's element inside.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const FEATURES_DIR = join(__dirname, '../../renderer/src/features');

/**
 * Stylesheets a feature supplies for marks another feature draws (a badge on the board's card, a
 * tint on the wall's card): scoped to the features that draw them, and to nothing else.
 */
const MARK_HOSTS: Record<string, string[]> = {
  'committee/awaiting.css': ['board', 'committee'],
  'flow/serviceLevels.css': ['board', 'wall'],
};

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return files(path, ext);
    return e.name.endsWith(ext) ? [path] : [];
  });
}

function stripComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, '');
}

/** The top-level blocks of a stylesheet: the prelude before each `{` and the body to its matching `}`. */
export function topLevelBlocks(css: string): { prelude: string; body: string }[] {
  const text = stripComments(css);
  const blocks: { prelude: string; body: string }[] = [];
  let start = 0;
  let depth = 0;
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') {
      if (depth === 0) open = i;
      depth++;
    } else if (c === '}') {
      depth--;
      if (depth < 0) throw new Error(`unbalanced } at ${i}`);
      if (depth === 0) {
        blocks.push({ prelude: text.slice(start, open).trim(), body: text.slice(open + 1, i) });
        start = i + 1;
      }
    }
  }
  if (depth !== 0) throw new Error('unclosed {');
  const rest = text.slice(start).trim();
  if (rest) blocks.push({ prelude: rest, body: '' });
  return blocks;
}

function scopePrelude(hosts: string[]): string {
  const parents = hosts.map((h) => `:has(> [data-feature='${h}'])`).join(', ');
  const own = hosts.map((h) => `[data-feature='${h}']`).join(', ');
  return `@scope (${parents}) to (:scope > :not(${own}), [data-feature]:not(${own}))`;
}

/** A rule outside the scope may only style the page around the features (html, body), never a class of its own. */
function isPageRule(prelude: string): boolean {
  // Commas inside :is()/:has() do not separate selectors.
  let flat = prelude;
  while (/\([^()]*\)/.test(flat)) flat = flat.replace(/\([^()]*\)/g, '');
  return flat.split(',').every((s) => /^(html|body)\b/.test(s.trim()));
}

/** Outside the scope: the page around the features, in a @media print or plain. */
function isAllowedOutside(block: { prelude: string; body: string }): boolean {
  if (block.prelude.startsWith('@media print')) {
    return topLevelBlocks(block.body).every((b) => b.prelude.startsWith('@page') || isPageRule(b.prelude));
  }
  return isPageRule(block.prelude);
}

describe('feature stylesheets', () => {
  const sheets = files(FEATURES_DIR, '.css');

  it('finds the feature stylesheets', () => {
    expect(sheets.length).toBeGreaterThanOrEqual(10);
  });

  it.each(sheets.map((p) => [relative(FEATURES_DIR, p).replaceAll('\\', '/'), p]))('%s lies wholly inside its feature\'s @scope', (name, path) => {
    const feature = name.split('/')[0]!;
    const hosts = MARK_HOSTS[name] ?? [feature];
    const blocks = topLevelBlocks(readFileSync(path, 'utf8'));
    const scopes = blocks.filter((b) => b.prelude.startsWith('@scope'));
    expect(scopes.map((b) => b.prelude.replace(/\s+/g, ' '))).toEqual([scopePrelude(hosts)]);
    const outside = blocks.filter((b) => !b.prelude.startsWith('@scope'));
    expect(outside.filter((b) => !isAllowedOutside(b)).map((b) => b.prelude)).toEqual([]);
    // At-rules that define global names cannot be scoped: they belong in renderer/src/styles.css.
    expect(scopes[0]!.body).not.toMatch(/@(keyframes|font-face|property|import|layer)\b/);
    expect(scopes[0]!.body).not.toMatch(/:root\b/);
  });

  it('rejects a rule outside the scope, a wrong root and a missing bound', () => {
    const bad = [
      `${scopePrelude(['board'])} { .a {} }\n.badge { color: grey }`,
      `${scopePrelude(['plans'])} { .a {} }`,
      `@scope (:has(> [data-feature='board'])) { .a {} }`,
      `@scope ([data-feature='board']) to ([data-feature]:not([data-feature='board'])) { .a {} }`,
      `${scopePrelude(['board'])} { .a {} }\n@media print { .app-header { display: none } }`,
    ];
    for (const css of bad) {
      const blocks = topLevelBlocks(css);
      const ok = blocks.filter((b) => b.prelude.startsWith('@scope')).map((b) => b.prelude).join() === scopePrelude(['board'])
        && blocks.filter((b) => !b.prelude.startsWith('@scope')).every(isAllowedOutside);
      expect(ok, css).toBe(false);
    }
  });
});

describe('feature root components', () => {
  const sources = files(FEATURES_DIR, '.tsx').concat(files(FEATURES_DIR, '.ts'));

  // A component that imports its feature's stylesheet draws elements those rules are for: unless
  // it renders inside another of its feature's roots, it must carry data-feature itself.
  /** Components drawn inside another root, with the feature whose root that is. */
  const NESTED: Record<string, string> = {
    // Drawn inside the board view's own root.
    'board/CardDetail.tsx': 'board',
    // Badges: drawn by the board's card, in the board's root (see MARK_HOSTS).
    'committee/awaiting.ts': 'board',
    'flow/serviceLevels.ts': 'board',
  };

  const importers = sources.filter((p) => /import '\.\/[\w-]+\.css';/.test(readFileSync(p, 'utf8')));

  it('finds the components that import feature stylesheets', () => {
    expect(importers.length).toBeGreaterThanOrEqual(20);
  });

  it.each(importers.map((p) => [relative(FEATURES_DIR, p).replaceAll('\\', '/'), p]))('%s renders a data-feature root of its own feature', (name, path) => {
    const feature = name.split('/')[0]!;
    const source = readFileSync(path, 'utf8');
    const marks = [...source.matchAll(/data-feature="([\w-]+)"/g)].map((m) => m[1]);
    if (marks.length === 0) {
      expect(NESTED[name], `${name} imports a stylesheet but renders no data-feature root`).toBeDefined();
      return;
    }
    expect(new Set(marks)).toEqual(new Set([feature]));
  });
});
