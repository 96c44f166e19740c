import { defineConfig } from 'vitest/config';

// npm run mutate: StrykerJS runs the business-rule tests once per mutant of shared/, so only the
// tests that exercise shared/ in-process (no Electron hosts, no browser) and without the demo store's
// seconds-long setup belong here. The full suite (npm test) still runs everything.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    exclude: [
      'tests/unit/electron*.test.ts',
      'tests/unit/wallElectron.test.ts',
      'tests/unit/apiDocs.test.ts',
      'tests/unit/securityDocs.test.ts',
      'tests/unit/architecture.test.ts',
    ],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
  },
});
