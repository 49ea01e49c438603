/**
 * Runs Python through Pyodide under Node: the same client and engine as the extension, with each
 * interpreter in a worker thread of its own (pyodide-thread.ts), as each is a Web Worker in the browser.
 * The first thread makes a snapshot; later ones restore it from memory, and since the compiled WebAssembly
 * is shared within the process, a fresh interpreter costs a fraction of a second.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId, Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import { plainBytes } from '../../utils/python/boot';
import { PythonClient } from '../../utils/python/client';
import type { Interpreter, SnapshotStore, StartInterpreter } from '../../utils/python/pool';
import type { SnapshotData } from '../../utils/python/protocol';

const ROOT = join(import.meta.dirname, '..', '..');
let bundled: string | null = null;

/**
 * The thread's code as one ES module (Pyodide itself stays a package import). Test files run in parallel
 * processes that all build it: each writes its own file and renames it into place, so no thread ever loads
 * one that another process is half-way through writing.
 */
function threadModule(): string {
  if (bundled) return bundled;
  const dir = join(ROOT, 'node_modules', '.cache', 'awaitwise');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, 'pyodide-thread.mjs');
  const { outputFiles } = buildSync({
    entryPoints: [join(import.meta.dirname, 'pyodide-thread.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['pyodide', 'pyodide/*'],
    logLevel: 'error',
    write: false,
  });
  const [output] = outputFiles;
  if (!output) throw new Error('esbuild gave no output for the Python thread');
  const partial = `${outfile}.${process.pid}.${threadId}.tmp`;
  writeFileSync(partial, output.contents);
  renameSync(partial, outfile);
  bundled = outfile;
  return outfile;
}

export const nodeInterpreters: StartInterpreter = (request) => {
  const worker = new Worker(threadModule(), { workerData: { root: ROOT } });
  // A Blob would be read into bytes first; the Node store keeps bytes.
  worker.postMessage({ ...request, snapshot: request.snapshot instanceof Uint8Array ? request.snapshot : null });
  let ended = false;
  const interpreter: Interpreter = {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', listener),
    onError: (listener) => {
      worker.on('error', (error) => listener(error.message));
      worker.on('exit', (code) => {
        if (!ended) listener(`the Python thread ended (exit ${code})`);
      });
    },
    terminate: () => {
      ended = true;
      void worker.terminate();
    },
  };
  return interpreter;
};

/** Snapshots in this process's memory only. */
export function memorySnapshotStore(): SnapshotStore {
  let kept: { data: SnapshotData; digest: string } | null = null;
  return {
    load: () => Promise.resolve(kept),
    save: (data, digest) => {
      kept = { data, digest };
      return Promise.resolve();
    },
    discard: () => {
      kept = null;
      return Promise.resolve();
    },
    keep: plainBytes,
  };
}

/** A client for scripts and tests; dispose() it when done, or its threads keep the process alive. */
export function nodePythonClient(): PythonClient {
  return new PythonClient({ start: nodeInterpreters, store: memorySnapshotStore() });
}
