import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto'],
    environment: 'happy-dom',
    mockReset: true,
    restoreMocks: true,
    testTimeout: 30_000,
    // Python snippets run concurrently; three at a time keeps a two-core CI machine responsive. Two files at
    // once (vitest's default is one on two cores): most of a Python test is spent waiting on a child process.
    maxConcurrency: 3,
    maxWorkers: 2,
  },
});
