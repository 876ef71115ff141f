import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = fileURLToPath(new URL('./src/', import.meta.url));

/**
 * Three projects:
 *  - unit: pure tests (`*.test.ts` that do not touch the database);
 *  - sqlite / postgres: every `*.db.test.ts` runs once on each dialect, each file on its own fresh database
 *    cloned from a migrated template (tests/support/global-setup.ts).
 */
export default defineConfig({
  resolve: {
    alias: [{ find: /^#src\/(.*)\.js$/, replacement: `${src}$1` }],
  },
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', 'node_modules/**', 'dist/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['src/**/*.db.test.{ts,tsx}', 'tests/integration/**/*.db.test.ts'],
          env: { TEST_DIALECT: 'sqlite' },
          globalSetup: ['tests/support/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['src/**/*.db.test.{ts,tsx}', 'tests/integration/**/*.db.test.ts'],
          env: { TEST_DIALECT: 'postgres' },
          globalSetup: ['tests/support/global-setup.ts'],
        },
      },
    ],
  },
});
