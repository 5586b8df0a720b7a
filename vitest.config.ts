import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Real files on disk and jsdom make some tests slow on two cores; none is a timed test.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
})
