/** The Firefox end-to-end suite: stock Firefox ESR over WebDriver BiDi (puppeteer-core), one browser per file. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    environment: 'node',
    // Safety nets for a hang on a loaded two-core machine; a passing test never waits for them.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
