/**
 * The Python side of one interpreter, shared by the extension's Web Worker and the Node child process behind
 * the command-line tools and CI, so both run user code the same way: runner.py's CPython behaviour, the
 * output cap, the judge, and exactly one run per interpreter (the page throws the interpreter away after it).
 */
import type { PyodideInterface } from 'pyodide';
import type { PyCallable } from 'pyodide/ffi';
import * as v from 'valibot';
import { isRecord } from '@/utils/is-record';
import { OUTPUT_LIMIT, TRUNCATED_NOTICE } from './limits';
import type { FromEngine, OutputStream, RunOutcome, ToEngine } from './protocol';
import { judge, type JudgeSteps } from './judge';
import { recursionTraceback, watchFatalErrors } from './fatal';
import { traceFrom, type PackedTrace } from '../trace/packed';

export interface EngineSources {
  /** utils/python/runner.py */
  runner: string;
  /** utils/python/guard.py */
  guard: string;
  /** utils/python/harness.py */
  harness: string;
  /** utils/python/tracer.py: records the event loop for the timeline */
  tracer: string;
}

export interface Engine {
  /** Runs the interpreter's one program or test suite; anything after that is refused. */
  handle(message: ToEngine): void;
}

/** Where the project's modules are written; it leaves sys.path before any user code runs. */
const DIR = '/home/pyodide/awaitwise';
const MODULE_FILES = {
  // Before the runner, which imports it: the recorder is in the snapshot with the rest.
  awaitwise_tracer: 'tracer',
  awaitwise_runner: 'runner',
  awaitwise_guard: 'guard',
  awaitwise_harness: 'harness',
} as const satisfies Record<string, keyof EngineSources>;

/** runner.run's reply: (exit status, traceback or None, the event loop's trace as JSON or None). */
const RunResultSchema = v.tuple([v.pipe(v.number(), v.integer()), v.nullish(v.string()), v.nullish(v.string())]);

/**
 * Writes the project's Python modules into the interpreter and imports them. Done once, after a full start
 * and before the snapshot, so a restored interpreter has them already.
 */
/** A call into Emscripten's file system (typed loosely in Pyodide's declarations). */
function fs(
  py: PyodideInterface,
  method: 'mkdirTree' | 'writeFile' | 'analyzePath' | 'unlink',
  ...args: string[]
): unknown {
  const files: unknown = py.FS;
  const fn: unknown = isRecord(files) ? files[method] : undefined;
  if (typeof fn !== 'function') throw new Error(`this Pyodide's file system has no ${method}`);
  const result: unknown = Reflect.apply(fn, files, args);
  return result;
}

export function installModules(py: PyodideInterface, sources: EngineSources): void {
  fs(py, 'mkdirTree', DIR);
  for (const [module, source] of Object.entries(MODULE_FILES))
    fs(py, 'writeFile', `${DIR}/${module}.py`, sources[source]);
  py.runPython(
    `import sys\nsys.path.insert(0, ${JSON.stringify(DIR)})\n` +
      Object.keys(MODULE_FILES)
        .map((m) => `import ${m}`)
        .join('\n'),
  );
}

/**
 * The interpreter's memory as it is now, for later starts. Pyodide only snapshots an interpreter loaded with
 * `_makeSnapshot`, which routes every JavaScript global Python touches through a recording proxy so the
 * references can be found again by path. Nothing of ours holds a JavaScript object at this point (Pyodide
 * throws "Can't serialize object" if something does), so the flag is set on a plainly loaded interpreter
 * instead, which keeps that proxy out of the first run.
 */
export function makeSnapshot(py: PyodideInterface): Uint8Array {
  const api: unknown = Reflect.get(py, '_api');
  const config: unknown = isRecord(api) ? api.config : undefined;
  if (!isRecord(config)) throw new Error('this Pyodide has no snapshot support');
  config._makeSnapshot = true;
  return py.makeMemorySnapshot();
}

interface Handles {
  run: PyCallable;
  judge: JudgeSteps;
}

/**
 * Takes what the engine needs (kept for the interpreter's one run: it is thrown away after), then puts the
 * judge out of reach of user code: its modules leave sys.modules
 * and their files the file system, and Pyodide's own API object (`pyodide_js`: memory, file-system mounts,
 * sockets under Node) can no longer be imported.
 */
function takeHandles(py: PyodideInterface): Handles {
  const runner: unknown = py.pyimport('awaitwise_runner');
  const harness: unknown = py.pyimport('awaitwise_harness');
  const tracer: unknown = py.pyimport('awaitwise_tracer');
  const callable = (module: unknown, name: string): PyCallable => {
    const value: unknown = isRecord(module) || typeof module === 'function' ? Reflect.get(module, name) : undefined;
    if (!(value instanceof py.ffi.PyCallable)) throw new Error(`the project's Python module has no ${name}`);
    return value;
  };
  const handles: Handles = {
    run: callable(runner, 'run'),
    judge: {
      prepare: callable(harness, 'prepare'),
      guardOn: callable(harness, 'guard_on'),
      loadSolution: callable(harness, 'load_solution'),
      runOne: callable(harness, 'run_one'),
      describe: callable(harness, 'describe'),
      tampered: callable(harness, 'tampered'),
      record: callable(tracer, 'record'),
    },
  };
  py.runPython(
    [
      'import sys',
      'import awaitwise_runner',
      'awaitwise_runner.use_atomics_wait()',
      'del awaitwise_runner',
      `sys.path.remove(${JSON.stringify(DIR)})`,
      'for _name in ("awaitwise_harness", "awaitwise_guard", "pyodide_js"):',
      '    sys.modules.pop(_name, None)',
      'del _name',
    ].join('\n'),
  );
  // Emscripten's file system lives in JavaScript, outside the snapshot: a restored interpreter has the
  // modules imported but not their files.
  for (const module of Object.keys(MODULE_FILES)) {
    const path = `${DIR}/${module}.py`;
    const found = fs(py, 'analyzePath', path);
    if (isRecord(found) && found.exists === true) fs(py, 'unlink', path);
  }
  py.unregisterJsModule('pyodide_js');
  return handles;
}

export function startEngine(py: PyodideInterface, post: (message: FromEngine) => void): Engine {
  const handles = takeHandles(py);
  const fatal = watchFatalErrors();

  let current: { id: number; written: number; truncated: boolean } | null = null;
  let used = false;
  const decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };
  const emit = (stream: OutputStream, text: string) => {
    const run = current;
    if (!run || run.truncated || !text) return;
    if (run.written + text.length > OUTPUT_LIMIT) {
      text = text.slice(0, Math.max(0, OUTPUT_LIMIT - run.written)) + TRUNCATED_NOTICE;
      run.truncated = true;
    }
    run.written += text.length;
    post({ type: 'output', id: run.id, stream, text });
  };
  const writer = (stream: OutputStream) => ({
    write(buffer: Uint8Array): number {
      // Pyodide dumps the Python stack to stdout when the interpreter dies; that becomes the traceback.
      if (fatal.active) fatal.dump += decoders[stream].decode(buffer, { stream: true });
      else emit(stream, decoders[stream].decode(buffer, { stream: true }));
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
    trace?: PackedTrace | null,
  ): RunOutcome => {
    // A run that ended in the middle of a UTF-8 sequence shows a replacement character, as a terminal would.
    if (!fatal.active) for (const stream of ['stdout', 'stderr'] as const) emit(stream, decoders[stream].decode());
    return {
      exitCode,
      error,
      truncated: current?.truncated ?? false,
      ms: performance.now() - started,
      ...(trace && { trace }),
    };
  };

  /** How a run that threw out of Python ended: os._exit, a native stack overflow, or a runtime fault. */
  const ending = (error: unknown, source: string, file: string): { exitCode: number | null; error: string | null } => {
    // os._exit(n) ends the whole interpreter: Emscripten throws its Exit with the status.
    const exit = isRecord(error) && error.name === 'Exit' && typeof error.status === 'number' ? error.status : null;
    if (exit !== null) return { exitCode: exit, error: null };
    const recursion = recursionTraceback(error, fatal.dump, source, file);
    if (recursion) return { exitCode: 1, error: recursion };
    return {
      exitCode: null,
      error: `The Python runtime failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  };

  return {
    handle(message) {
      if (used) {
        const error = 'This interpreter has already run a program.';
        post({ type: 'done', id: message.id, outcome: { exitCode: null, error, truncated: false, ms: 0 } });
        return;
      }
      used = true;
      current = { id: message.id, written: 0, truncated: false };
      const started = performance.now();
      if (message.type === 'run') {
        let exitCode: number | null;
        let error: string | null;
        let trace: PackedTrace | null = null;
        try {
          // A plain call: runner.py's event loop runs to completion inside it, as `python main.py` would.
          const result: unknown = handles.run(message.code);
          const reply: unknown = result instanceof py.ffi.PyProxy ? result.toJs() : result;
          if (result instanceof py.ffi.PyProxy) result.destroy();
          const [status, traceback, packed] = v.parse(RunResultSchema, reply);
          exitCode = status;
          error = traceback ?? null;
          trace = traceFrom(packed);
        } catch (thrown) {
          ({ exitCode, error } = ending(thrown, message.code, 'main.py'));
        }
        post({ type: 'done', id: message.id, outcome: outcome(started, exitCode, error, trace) });
        return;
      }
      const verdict = judge(py, handles.judge, message, (thrown) => ending(thrown, message.solution, 'solution.py'));
      post({
        type: 'tested',
        id: message.id,
        nonce: message.nonce,
        suite: verdict.suite,
        outcome: outcome(started, verdict.report.passed ? 0 : 1, null),
        report: verdict.report,
      });
    },
  };
}
