import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/test-support/global-redis.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
