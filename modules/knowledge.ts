/**
 * Compiles data/ into data/generated/ whenever WXT starts (scripts/lib/generate-data.ts, the one compile
 * path): `wxt build`, `wxt zip` and `wxt prepare` fail on a bad item; the dev server and vitest (through
 * WxtVitest) print the errors and keep the last good output. In dev it also recompiles when an item,
 * data/concepts.yaml or the compiler changes; the rewritten JSON then reaches the pages through Vite's HMR
 * and the background through WXT's own watcher.
 */
import { spawn } from 'node:child_process';
import { existsSync, watch } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { defineWxtModule } from 'wxt/modules';
import { formatErrors, generateData, hiddenFromDevServer, shouldRecompile } from '../scripts/lib/generate-data';
import { ITEM_FOLDERS } from '../scripts/lib/read-data';
import { DETECT_INDEX_PATH } from '../utils/detect/index-schema';

/**
 * Runs `compile` after changes settle (`delayMs`), one run at a time; changes during a run cause exactly
 * one more run after it, so the last edit is always compiled and runs never overlap on data/generated/.
 */
export function serialRecompiles(compile: () => Promise<void>, delayMs: number): { changed(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  const start = async () => {
    timer = undefined;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await compile();
    } finally {
      running = false;
      if (again) {
        again = false;
        void start();
      }
    }
  };
  return {
    changed() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void start(), delayMs);
    },
  };
}

export default defineWxtModule({
  name: 'awaitwise:knowledge',
  setup(wxt) {
    const root = wxt.config.root;

    // The background fetches the detection index as a file of the extension's own (utils/background/services.ts),
    // so it ships beside the bundles instead of inside background.js.
    wxt.hook('build:publicAssets', (_wxt, files) => {
      files.push({ absoluteSrc: join(root, 'data/generated/detect-index.json'), relativeDest: DETECT_INDEX_PATH });
    });

    wxt.hook('ready', () => {
      const result = generateData(join(root, 'data'));
      if (result.ok) return wxt.logger.info(`data: ${result.summary}`);
      if (wxt.config.command === 'build') throw new Error(formatErrors(result.errors));
      wxt.logger.error(
        `${formatErrors(result.errors)}\n${result.kept ? 'Keeping the last good data/generated/.' : 'There is no data/generated/ yet.'}`,
      );
    });

    // The dev server imported the compiler once; a fresh process picks up edits to the compiler as well.
    const tsx = createRequire(import.meta.url).resolve('tsx/cli');
    const compileInChild = () =>
      new Promise<void>((resolve) => {
        const child = spawn(process.execPath, [tsx, 'scripts/build-data.ts'], { cwd: root, stdio: 'inherit' });
        child.on('error', (error) => {
          wxt.logger.error(`data: could not run scripts/build-data.ts: ${error.message}`);
          resolve();
        });
        child.on('exit', (code) => {
          if (code !== 0) wxt.logger.warn('data: keeping the last good data/generated/ until the file above is fixed.');
          resolve();
        });
      });

    wxt.hook('vite:devServer:extendConfig', (config) => {
      const options = (config.server ??= {}).watch ?? {};
      const ignored = options.ignored === undefined ? [] : [options.ignored].flat();
      config.server.watch = { ...options, ignored: [...ignored, (file: string) => hiddenFromDevServer(file, root)] };
    });

    let unwatch: (() => void) | undefined;
    wxt.hook('server:started', (_wxt, server) => {
      const recompiles = serialRecompiles(compileInChild, 150);
      const onChange = (file: string) => {
        if (shouldRecompile(file, root)) recompiles.changed();
      };
      // The data sources, hidden from the dev server's watcher (see hiddenFromDevServer). One watcher per
      // folder: Node 20's recursive watch on Linux loses a file once an editor saves it by rename.
      const dataWatchers = ['', ...ITEM_FOLDERS]
        .map((folder) => join(root, 'data', folder))
        .filter((dir) => existsSync(dir))
        .map((dir) =>
          watch(dir, (_event, name) => {
            if (name) onChange(join(dir, name));
          }),
        );
      // The compiler's sources, which the dev server watches anyway.
      const onServerChange = (_event: string, file: string) => onChange(file);
      server.watcher.on('all', onServerChange);
      unwatch = () => {
        for (const watcher of dataWatchers) watcher.close();
        server.watcher.off('all', onServerChange);
      };
    });
    wxt.hook('server:closed', () => {
      unwatch?.();
      unwatch = undefined;
    });
  },
});
