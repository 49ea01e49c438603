/**
 * The per-site loaders run on every problem page, so they are built against the browser's own extension API
 * (`@wxt-dev/browser`: `browser` in Firefox, `chrome` in Chromium, both promise-based in MV3) instead of
 * webextension-polyfill, which is a third of a loader's code. They use only APIs that are the same in both
 * (runtime.sendMessage and onMessage with sendResponse, storage.onChanged, runtime.id). Every other script
 * and page keeps the polyfill.
 */
import type { Alias } from 'vite';
import { defineWxtModule } from 'wxt/modules';

/** A loader entrypoint: `entrypoints/<site>-loader.ts`. */
const isLoader = (inputPath: string) => /[/\\]entrypoints[/\\][a-z0-9]+-loader\.ts$/.test(inputPath);

export default defineWxtModule({
  name: 'awaitwise:loader-browser',
  setup(wxt) {
    wxt.hook('vite:build:extendConfig', (entrypoints, config) => {
      if (entrypoints.length === 0 || !entrypoints.every((e) => e.type === 'unlisted-script' && isLoader(e.inputPath)))
        return;
      const resolve = (config.resolve ??= {});
      const existing = resolve.alias ?? [];
      const list: Alias[] = Array.isArray(existing)
        ? [...(existing as Alias[])]
        : Object.entries(existing as Record<string, string>).map(([find, replacement]) => ({ find, replacement }));
      // First match wins: this one goes before the polyfill module's own alias of the same import.
      resolve.alias = [{ find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' }, ...list];
    });
  },
});
