import { defineConfig } from '@playwright/test';

// Two workers on CI's two cores: each test launches its own Chromium with the extension and spends most of
// its time waiting on it, so two at once halve the step; tests wait on conditions, not on fixed times.
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  outputDir: 'test-results',
});
