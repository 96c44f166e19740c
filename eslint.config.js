// npm run lint (and a step of npm test): keeps dead code, stale suppressions and import circles
// out of the tree once they have been cleaned up (issue 20 item 6). Not type-aware: the rules we
// care about need no type information, and the run stays fast on a 2-core machine.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // What is linted, so `eslint` with no arguments (npm run lint, npm test) means the same tree:
  // the app's code, its scripts and its tests; not the build output or the mutation sandbox.
  {
    ignores: [
      '*', '!electron/', '!shared/', '!db/', '!scripts/', '!tests/', '!renderer/', 'renderer/*', '!renderer/src/',
      '**/dist/', '**/dist-electron/', '**/node_modules/', '**/reports/', '**/.stryker-tmp*/',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      // Without the TypeScript extensions and parser, import-x cannot read a .ts dependency and
      // no-cycle passes every circle in silence.
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', {
        args: 'after-used',
        argsIgnorePattern: '^_',
        varsIgnorePattern: '^_',
        caughtErrorsIgnorePattern: '^_',
        destructuredArrayIgnorePattern: '^_',
        ignoreRestSiblings: true,
      }],
      // A circle cannot run through node_modules; not reading those trees saves most of the time.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,cjs,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    // CommonJS has no import syntax: require() is how this file loads its modules.
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
