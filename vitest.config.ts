import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Vite would pick graphql's ESM build while Pothos, loaded by Node, gets the CommonJS one;
    // two copies of graphql in one schema fail its realm check. Point both at the same file.
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // One Neo4j Community instance has one user database, so files that write to it take turns.
    fileParallelism: false,
    // Generous: a busy 2-core machine (Neo4j, the name reader and the tests share it) is slow, never stuck.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
