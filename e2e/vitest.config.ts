import { defineConfig } from 'vitest/config';

/** Browser journeys: a real server on a fresh embedded database, driven in Debian's Chromium. */
export default defineConfig({
  test: {
    include: ['e2e/journeys/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
