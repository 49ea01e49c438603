/**
 * The side panel's Python worker: loads the bundled Pyodide from the extension's own files (nothing is
 * fetched from anywhere else), then runs what the panel sends through the shared engine. The engine locks
 * the worker down before user code runs; the post function is taken first, so only the engine can reply.
 */
import runner from '@/utils/python/runner.py?raw';
import harness from '@/utils/python/harness.py?raw';
import tracer from '@/utils/python/tracer.py?raw';
import { startEngine } from '@/utils/python/engine';
import { parseToWorker, type FromWorker } from '@/utils/python/protocol';
import type { loadPyodide as LoadPyodide } from 'pyodide';

const post: (message: FromWorker) => void = self.postMessage.bind(self);
const indexURL = new URL('/pyodide/', self.location.href).href;

function hasLoader(module: unknown): module is { loadPyodide: typeof LoadPyodide } {
  return typeof module === 'object' && module !== null && typeof Reflect.get(module, 'loadPyodide') === 'function';
}

async function start() {
  const started = performance.now();
  // A literal path (external in wxt.config.ts): store linters flag import() of a computed address.
  // @ts-expect-error -- a file of the built package (modules/pyodide.ts), not a module TypeScript resolves
  const module: unknown = await import(/* @vite-ignore */ '/pyodide/pyodide.mjs');
  if (!hasLoader(module)) throw new Error('the bundled pyodide.mjs has no loadPyodide');
  const py = await module.loadPyodide({ indexURL });
  const engine = startEngine(py, { runner, harness, tracer }, post);
  let queue = Promise.resolve();
  self.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = parseToWorker(event.data);
    if (message) queue = queue.then(() => engine.handle(message));
  });
  post({ type: 'ready', ms: performance.now() - started });
}

start().catch((error: unknown) => {
  const text = error instanceof Error ? error.message : String(error);
  post({
    type: 'failed',
    message: /stack switching/i.test(text)
      ? 'this browser lacks WebAssembly stack switching, which asyncio.run needs here.'
      : text,
  });
});
