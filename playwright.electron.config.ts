// The `_electron` journey: Playwright launches the real Electron binary on the built app (out/).
// No browser is needed. Where no Electron binary is installed the spec skips and says why.
import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: 'test/electron-app',
  testMatch: '*.spec.ts',
  outputDir: 'test-results/electron-artifacts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/electron.json' }]],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
})
