/**
 * Ships the Python runtime: copies the Pyodide package's own files into the extension under pyodide/, so
 * the worker loads CPython from the extension and nothing is fetched from anywhere else at run time.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineWxtModule } from 'wxt/modules';

/** What loadPyodide reads: the loader, the Emscripten module, the wasm binary, the stdlib and the lock file. */
export const PYODIDE_FILES = [
  'pyodide.mjs',
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
] as const;

export default defineWxtModule({
  name: 'awaitwise:pyodide',
  setup(wxt) {
    const dir = dirname(createRequire(import.meta.url).resolve('pyodide/pyodide.mjs'));
    wxt.hook('build:publicAssets', (_wxt, assets) => {
      for (const file of PYODIDE_FILES) assets.push({ absoluteSrc: join(dir, file), relativeDest: `pyodide/${file}` });
    });
  },
});
