/**
 * The extension's engine in this Node process (not a worker thread), with the event-loop tracer switchable:
 * for the tools that compare a run with and without tracing (the timeline's bench, the output-identity
 * test). As in the extension, each run gets a fresh interpreter restored from a snapshot of a ready one,
 * which holds the tracer with the project's other modules.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadPyodide, type PyodideInterface } from 'pyodide';
import { createModuleOf, plainBytes, sizedFor } from '../../utils/python/boot';
import { installModules, makeSnapshot, startEngine, type Engine } from '../../utils/python/engine';
import type { FromEngine } from '../../utils/python/protocol';

export interface Fresh {
  py: PyodideInterface;
  /** Takes one run, as in the extension. */
  engine: Engine;
}

/** With `traced` false, the runner gets a recorder that records nothing (only an empty result). */
export type FreshInterpreter = (traced: boolean, post: (message: FromEngine) => void) => Promise<Fresh>;

const UNTRACED = `
import awaitwise_tracer

class _Untraced:
    """What the runner needs of a recorder, recording nothing."""
    def __init__(self, user_file, hidden_files=()):
        self.recording = awaitwise_tracer.Recording(user_file, ())
    def __enter__(self):
        return self.recording
    def __exit__(self, *exc):
        return False

awaitwise_tracer.record = _Untraced
del _Untraced
`;

export async function localInterpreters(): Promise<FreshInterpreter> {
  const root = join(import.meta.dirname, '..', '..');
  const source = (name: string) => readFileSync(join(root, 'utils/python', name), 'utf8');
  const indexURL = `${dirname(createRequire(import.meta.url).resolve('pyodide/pyodide.mjs'))}/`;
  const full = await loadPyodide({ indexURL });
  installModules(full, {
    runner: source('runner.py'),
    guard: source('guard.py'),
    harness: source('harness.py'),
    tracer: source('tracer.py'),
  });
  const snapshot = plainBytes(makeSnapshot(full));
  const create = createModuleOf(await import('pyodide/pyodide.asm.mjs'));
  return async (traced, post) => {
    const py = await loadPyodide({
      indexURL,
      _loadSnapshot: snapshot,
      createPyodideModule: sizedFor(create, snapshot.length),
    });
    if (!traced) py.runPython(UNTRACED);
    return { py, engine: startEngine(py, post) };
  };
}
