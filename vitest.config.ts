import { defineConfig } from 'vitest/config';

// Three projects so each kind of test can be run alone; `npm test` runs all of them after the build.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'bundle', include: ['test/bundle/**/*.test.ts'], environment: 'node', testTimeout: 30000 } },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60000,
          hookTimeout: 60000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
