import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';

// One worker more than there are cores: each test launches its own Chromium with the extension, and with
// two workers on two cores the machine still sat idle a tenth of the time; tests wait on conditions, not
// on fixed times, so a busier machine makes them slower, not wrong.
// The timeouts are safety nets for a hang, sized for a two-core machine shared with other busy processes
// (an accessibility scan alone has taken over a minute there); a passing test never waits for them.
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: availableParallelism() + 1,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  outputDir: 'test-results',
});
