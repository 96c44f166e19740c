import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // Business rules (shared/), the store on real SQLite files (db/), hosts with electron mocked.
          include: ['tests/unit/**/*.test.ts', 'tests/store/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 30_000,
          // Store tests generate the demo department in beforeAll: seconds, more on a busy CI machine.
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          // Real Chromium against `serve` on a fresh store; files run one at a time on 2 cores.
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
