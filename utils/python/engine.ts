/**
 * The Python side of a worker, shared by the extension's Web Worker and the Node child process behind the
 * command-line tools and CI, so both run user code the same way: runner.py's CPython behaviour, the
 * output cap, the sandbox, and one run at a time.
 */
/// <reference types="emscripten" />
// Pyodide's FS type is emscripten's global FS namespace, which `types: ["node"]` in tsconfig leaves out.
import type { PyodideInterface } from 'pyodide';
import type { PyCallable } from 'pyodide/ffi';
import { lockDown } from './lockdown';
import { OUTPUT_LIMIT, TRUNCATED_NOTICE } from './limits';
import type { FromWorker, OutputStream, RunOutcome, TestReport, ToWorker } from './protocol';
import { TestReportSchema } from './protocol';
import { PackedTraceSchema, type PackedTrace } from '../trace/packed';
import * as v from 'valibot';

/** runner.run's reply, as JSON: [exit status, traceback or null, the event loop's trace]. */
const RunResultSchema = v.pipe(
  v.string(),
  v.parseJson(),
  v.tuple([v.pipe(v.number(), v.integer()), v.nullable(v.string()), PackedTraceSchema]),
);
/** json.dumps of the harness's report. */
const TestReplySchema = v.pipe(v.string(), v.parseJson(), TestReportSchema);

export interface EngineSources {
  /** utils/python/runner.py */
  runner: string;
  /** utils/python/harness.py */
  harness: string;
  /** utils/python/tracer.py: records the event loop for the timeline */
  tracer: string;
}

export interface Engine {
  /** Synchronous: runner.py's event loop runs to completion inside the call. */
  handle: (message: ToWorker) => void;
}

/** A function of a Python module; pyimport's result is `any`, so what it holds is checked here. */
function pyFunction(py: PyodideInterface, module: string, name: string): PyCallable {
  const mod: unknown = py.pyimport(module);
  const fn: unknown = mod instanceof py.ffi.PyProxy ? Reflect.get(mod, name) : undefined;
  if (!(fn instanceof py.ffi.PyCallable)) throw new Error(`Python: ${module}.${name} is not a function`);
  return fn;
}

/** Writes the project's Python modules into the interpreter's file system and imports them. */
function installModules(
  py: PyodideInterface,
  sources: EngineSources,
): { run: PyCallable; runTests: PyCallable; record: PyCallable } {
  const dir = '/home/pyodide/awaitwise';
  py.FS.mkdirTree(dir);
  py.FS.writeFile(`${dir}/awaitwise_tracer.py`, sources.tracer);
  py.FS.writeFile(`${dir}/awaitwise_harness.py`, sources.harness);
  py.FS.writeFile(`${dir}/awaitwise_runner.py`, sources.runner);
  py.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(dir)})`);
  return {
    run: pyFunction(py, 'awaitwise_runner', 'run'),
    runTests: pyFunction(py, 'awaitwise_harness', 'run_tests'),
    record: pyFunction(py, 'awaitwise_tracer', 'record'),
  };
}

export function startEngine(py: PyodideInterface, sources: EngineSources, post: (m: FromWorker) => void): Engine {
  const { run, runTests, record } = installModules(py, sources);
  const reset = pyFunction(py, 'awaitwise_runner', '_reset_interpreter');
  const dumps = pyFunction(py, 'json', 'dumps');
  lockDown();

  let current: { id: number; written: number; truncated: boolean } | null = null;
  const decoder = { stdout: new TextDecoder(), stderr: new TextDecoder() };
  const writer = (stream: OutputStream) => ({
    write(buffer: Uint8Array): number {
      const run = current;
      if (!run || run.truncated) return buffer.length;
      let text = decoder[stream].decode(buffer, { stream: true });
      if (run.written + text.length > OUTPUT_LIMIT) {
        text = text.slice(0, Math.max(0, OUTPUT_LIMIT - run.written)) + TRUNCATED_NOTICE;
        run.truncated = true;
      }
      run.written += text.length;
      if (text) post({ type: 'output', id: run.id, stream, text });
      return buffer.length;
    },
  });
  py.setStdout(writer('stdout'));
  py.setStderr(writer('stderr'));
  py.setStdin({ error: true });

  const outcome = (
    started: number,
    exitCode: number | null,
    error: string | null,
    trace?: PackedTrace,
  ): RunOutcome => ({
    exitCode,
    error,
    truncated: current?.truncated ?? false,
    ms: performance.now() - started,
    ...(trace && { trace }),
  });

  return {
    handle(message) {
      current = { id: message.id, written: 0, truncated: false };
      const started = performance.now();
      try {
        if (message.type === 'run') {
          // A plain call: runner.py's event loop runs to completion inside it, as `python main.py` would.
          const [exitCode, error, trace] = v.parse(RunResultSchema, run(message.code));
          post({ type: 'done', id: message.id, outcome: outcome(started, exitCode, error, trace) });
        } else {
          reset();
          // With the timeline's recorder, each async test's verdict carries its trace.
          const result: unknown = runTests.callKwargs(message.solution, message.tests, { record });
          const report: TestReport = v.parse(TestReplySchema, dumps(result));
          if (result instanceof py.ffi.PyProxy) result.destroy();
          post({ type: 'tested', id: message.id, outcome: outcome(started, report.passed ? 0 : 1, null), report });
        }
      } catch (error) {
        // Only a fault of the runtime itself gets here: runner.py catches everything the user's code raises.
        const text = error instanceof Error ? error.message : String(error);
        post({ type: 'done', id: message.id, outcome: outcome(started, null, text) });
      } finally {
        current = null;
      }
    },
  };
}
