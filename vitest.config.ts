import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One test file per core, up to four. Vitest's default keeps a core free, which on a
    // two-core machine runs the files one at a time; many of the longest files mostly wait on
    // the CLI or a browser they started, so two at once on two cores took the suite from 905 s
    // to 536 s.
    maxWorkers: Math.min(4, availableParallelism()),
  },
});
