/**
 * Ships the Python runtime: copies the Pyodide files the worker loads into the extension under pyodide/, so
 * CPython comes from the extension and nothing is fetched from anywhere else at run time. On the way:
 *
 * - pyodide.mjs's default package URL (a CDN, used only when no index URL is given, which never happens
 *   here) is taken out, and the build fails if the text is not found, so an upgrade cannot bring it back
 *   unnoticed: store reviews reject packages that merely contain such URLs.
 * - pyodide-lock.json (119 kB, the list of installable packages) is not shipped: the worker installs no
 *   packages, so it gets the lock file's header (the ABI check Pyodide insists on) inlined instead.
 * - Pyodide's build id is read for the snapshot key: a snapshot only restores in the build that made it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { addViteConfig, defineWxtModule } from 'wxt/modules';

/** What the worker loads: the loader (patched), the Emscripten module, the wasm binary and the stdlib. */
export const PYODIDE_FILES = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip'] as const;

/** The CDN default in pyodide.mjs: a template literal with the version in it. */
const CDN_DEFAULT = /`https:\/\/cdn\.jsdelivr\.net\/pyodide\/v\$\{[\w$]+\}\/full\/`/g;
const BUILD_ID = /BUILD_ID:"([0-9a-f]{64})"/;

export interface PreparedRuntime {
  loader: string;
  buildId: string;
  /** The lock file with no packages: all Pyodide checks when it starts. */
  lock: string;
}

/** Reads the Pyodide package in `dir` and prepares what the extension ships; throws when it looks different. */
export function prepareRuntime(dir: string): PreparedRuntime {
  const original = readFileSync(join(dir, 'pyodide.mjs'), 'utf8');
  const found = original.match(CDN_DEFAULT)?.length ?? 0;
  if (found !== 1)
    throw new Error(
      `modules/pyodide.ts: expected pyodide.mjs to contain its CDN default URL once, found ${found}; ` +
        'check what this Pyodide version does without an index URL before changing the pattern',
    );
  const buildId = BUILD_ID.exec(original)?.[1];
  if (!buildId) throw new Error('modules/pyodide.ts: no BUILD_ID in pyodide.mjs (snapshots are keyed by it)');
  const lockFile: unknown = JSON.parse(readFileSync(join(dir, 'pyodide-lock.json'), 'utf8'));
  const info: unknown = typeof lockFile === 'object' && lockFile !== null ? Reflect.get(lockFile, 'info') : null;
  if (typeof info !== 'object' || info === null) throw new Error('modules/pyodide.ts: pyodide-lock.json has no info');
  return {
    // An empty base: Pyodide falls back to it only for packages, and this runtime installs none.
    loader: original.replace(CDN_DEFAULT, '""'),
    buildId,
    lock: JSON.stringify({ info, packages: {} }),
  };
}

export default defineWxtModule({
  name: 'awaitwise:pyodide',
  setup(wxt) {
    const dir = dirname(createRequire(import.meta.url).resolve('pyodide/pyodide.mjs'));
    const runtime = prepareRuntime(dir);
    addViteConfig(wxt, () => ({
      define: {
        'import.meta.env.AWAITWISE_PYODIDE_BUILD_ID': JSON.stringify(runtime.buildId),
        'import.meta.env.AWAITWISE_PYODIDE_LOCK': JSON.stringify(runtime.lock),
      },
    }));
    wxt.hook('build:publicAssets', (_wxt, assets) => {
      for (const file of PYODIDE_FILES) {
        const relativeDest = `pyodide/${file}`;
        if (file === 'pyodide.mjs') assets.push({ contents: runtime.loader, relativeDest });
        else assets.push({ absoluteSrc: join(dir, file), relativeDest });
      }
    });
  },
});
