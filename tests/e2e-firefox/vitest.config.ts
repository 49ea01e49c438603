/** The Firefox end-to-end suite: stock Firefox ESR over WebDriver BiDi (puppeteer-core), one browser per file. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
