import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { DATA_COLLECTION } from './components/privacy-text';
import { loaderContentScripts } from './utils/sites/registry';

/**
 * Extension pages (and the Python worker, which inherits this) load and reach only the extension's own files:
 * `default-src 'self'` covers every kind of request (fetch, fonts, media, workers, frames), not only scripts.
 * 'wasm-unsafe-eval' lets the worker compile the bundled Pyodide; there is no 'unsafe-eval', so no eval and
 * no `new Function` anywhere. `data:` images are CodeMirror's lint underlines (inline SVG, nothing fetched),
 * and CodeMirror sets style attributes on its own elements (a style can load nothing that the rest refuses).
 */
export const EXTENSION_PAGES_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; img-src 'self' data:; " +
  "style-src 'self' 'unsafe-inline'";

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // dev mode would try to open a browser; the e2e suite and `npm start` launch Chromium themselves.
  webExt: { disabled: true },
  // `npm run zip:firefox` also writes the sources archive AMO asks for: what `npm ci && npm run build:firefox`
  // needs to rebuild the same package (store/REVIEWER-NOTES.md), without tests, bench or generated output.
  zip: {
    excludeSources: [
      'tests/**',
      'bench/**',
      'reports/**',
      'test-results/**',
      'playwright-report/**',
      'screenshots/**',
      'data/generated/**',
      'stats.html',
      '.tmp-*/**',
    ],
  },
  // The Python worker imports the bundled Pyodide as a module, so it is built as an ES module worker; it names the
  // loader by its literal path in the package (AMO's linter flags import() of a computed one), which Rollup leaves be.
  vite: () => ({
    plugins: [preact()],
    // Each extension page used to wait on about a dozen modules, many a few hundred bytes (a helper shared by
    // two views). Rollup folds a chunk under 8 kB into one that is always loaded with it, where no entry then
    // runs code it did not run before: the popup waits on 5 modules instead of 11, and paints 15-20 ms sooner.
    build: { rollupOptions: { output: { experimentalMinChunkSize: 8192 } } },
    worker: { format: 'es', rollupOptions: { external: ['/pyodide/pyodide.mjs', '/pyodide/pyodide.asm.mjs'] } },
  }),
  manifest: ({ browser }) => ({
    name: 'Awaitwise',
    description:
      'Asyncio interview hints on LeetCode and friends, full answers with runnable snippets, and offline spaced-repetition flashcards.',
    // No "tabs" and no host permissions beyond the content script's own problem-page matches: the
    // extension never needs to see other pages' URLs (see utils/background/navigation.ts). "scripting"
    // injects the overlay into a relevant problem page only; it adds no install warning of its own, and
    // WXT derives the host permissions from the runtime scripts' matches (the same problem pages).
    permissions: ['storage', 'alarms', 'scripting'],
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    action: { default_title: 'Awaitwise' },
    // The per-site loaders are plain scripts (utils/loader/define-loader.ts), so the manifest lists them itself.
    content_scripts: loaderContentScripts(),
    commands:
      browser === 'firefox'
        ? {
            _execute_sidebar_action: {
              suggested_key: { default: 'Alt+Shift+A' },
              description: 'Open the Awaitwise sidebar',
            },
          }
        : {
            'open-side-panel': {
              suggested_key: { default: 'Alt+Shift+A' },
              description: 'Open the Awaitwise side panel',
            },
          },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'awaitwise@awaitwise.dev',
              strict_min_version: '140.0',
              // What the privacy policy says, decided there (components/privacy-text.ts).
              data_collection_permissions: { required: [...DATA_COLLECTION.required] },
            },
            // Firefox for Android reads the data-collection key from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
