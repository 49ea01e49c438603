/**
 * The Node twin of the extension's Python worker (entrypoints/sidepanel/python-worker.ts): a child
 * process that loads the same Pyodide package and runs the same engine, for the command-line tools and
 * CI. Started by pyodide-node.ts with WebAssembly stack switching enabled.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { loadPyodide } from 'pyodide';
import { startEngine } from '../../utils/python/engine';
import { parseToWorker, type FromWorker } from '../../utils/python/protocol';

const root = join(import.meta.dirname, '..', '..');
const send = (message: FromWorker) => process.send?.(message);

try {
  const started = performance.now();
  const indexURL = `${dirname(createRequire(import.meta.url).resolve('pyodide/pyodide.mjs'))}/`;
  const py = await loadPyodide({ indexURL });
  const engine = startEngine(
    py,
    {
      runner: readFileSync(join(root, 'utils/python/runner.py'), 'utf8'),
      harness: readFileSync(join(root, 'utils/python/harness.py'), 'utf8'),
      tracer: readFileSync(join(root, 'utils/python/tracer.py'), 'utf8'),
    },
    send,
  );
  let queue = Promise.resolve();
  process.on('message', (raw) => {
    const message = parseToWorker(raw);
    if (message) queue = queue.then(() => engine.handle(message));
  });
  send({ type: 'ready', ms: performance.now() - started });
} catch (error) {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}
