import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/servers.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The scenarios share two servers and the machine is small: one file at a time.
    fileParallelism: false,
  },
});
