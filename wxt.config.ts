import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

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
  // The Python worker imports the bundled Pyodide as a module, so it is built as an ES module worker.
  vite: () => ({ plugins: [preact()], worker: { format: 'es' } }),
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
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads the data-collection key from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
