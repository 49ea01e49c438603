import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';

// Two workers on CI's two cores: each test launches its own Chromium with the extension and spends most of
// its time waiting on it, so two at once halve the step; tests wait on conditions, not on fixed times.
// The timeouts are safety nets for a hang, sized for a two-core machine shared with other busy processes
// (an accessibility scan alone has taken over a minute there); a passing test never waits for them.
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: Math.min(2, availableParallelism()),
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  outputDir: 'test-results',
});
