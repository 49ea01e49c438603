/**
 * The extension's engine in this Node process (not a child), with the event-loop tracer switchable: for the
 * tools that compare a run with and without tracing (the timeline's bench, the output-identity test).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadPyodide, type PyodideInterface } from 'pyodide';
import { startEngine, type Engine } from '../../utils/python/engine';
import type { FromWorker } from '../../utils/python/protocol';

export interface LocalEngine {
  py: PyodideInterface;
  engine: Engine;
  /** With `false`, runs record nothing: the runner gets a recorder that only has an empty result. */
  setTracing: (on: boolean) => void;
}

export async function localEngine(post: (message: FromWorker) => void): Promise<LocalEngine> {
  const root = join(import.meta.dirname, '..', '..');
  const source = (name: string) => readFileSync(join(root, 'utils/python', name), 'utf8');
  const py = await loadPyodide({
    indexURL: `${dirname(createRequire(import.meta.url).resolve('pyodide/pyodide.mjs'))}/`,
  });
  const engine = startEngine(
    py,
    { runner: source('runner.py'), harness: source('harness.py'), tracer: source('tracer.py') },
    post,
  );
  py.runPython(`
import awaitwise_tracer

SHIPPED = awaitwise_tracer.record

class Untraced:
    """What the runner needs of a recorder, recording nothing."""
    def __init__(self, user_file):
        self.recording = awaitwise_tracer.Recording(user_file, ())
    def __enter__(self):
        return self.recording
    def __exit__(self, *exc):
        return False
`);
  return {
    py,
    engine,
    setTracing: (on) => {
      py.runPython(`awaitwise_tracer.record = ${on ? 'SHIPPED' : 'Untraced'}`);
    },
  };
}
