/**
 * Runs a practice suite against a solution by driving harness.py's steps from JavaScript, so the verdicts
 * are collected here, where the solution's Python cannot reach them: the suite's tests and names are read
 * before the solution loads, guard.py's record is compared after the solution loads and after every test
 * (a solution that patched the judge, the tests or the standard library does not count), and the report is
 * built here rather than serialised by Python code the solution could have replaced.
 */
import type { PyodideInterface } from 'pyodide';
import type { PyCallable, PyProxy } from 'pyodide/ffi';
import * as v from 'valibot';
import { traceFrom } from '../trace/packed';
import type { TestReport, TestVerdict, ToEngine } from './protocol';

/** harness.py's steps, taken before any user code ran. */
export interface JudgeSteps {
  prepare: PyCallable;
  guardOn: PyCallable;
  loadSolution: PyCallable;
  runOne: PyCallable;
  describe: PyCallable;
  tampered: PyCallable;
  /** awaitwise_tracer.record: each async test's event-loop trace, for its timeline. */
  record: PyCallable;
}

/** Each test's own limit inside the suite's (the page stops the whole interpreter at PRACTICE_TIME_LIMIT_MS). */
const PER_TEST_SECONDS = 5;

const NamesSchema = v.array(v.string());

export interface Verdict {
  /** The suite's test names, read before the solution was loaded. */
  suite: string[];
  report: TestReport;
}

type Test = Extract<ToEngine, { type: 'test' }>;

export function judge(
  py: PyodideInterface,
  steps: JudgeSteps,
  message: Test,
  /** How an exception that ended the interpreter reads (os._exit, a native stack overflow). */
  ending: (thrown: unknown) => { exitCode: number | null; error: string | null },
): Verdict {
  const owned: PyProxy[] = [];
  const proxy = (value: unknown): PyProxy | null => (value instanceof py.ffi.PyProxy ? value : null);
  /** A Python tuple as an array of its items (strings and booleans converted, the rest kept as proxies). */
  const items = (value: unknown): unknown[] => {
    const tuple = proxy(value);
    if (!tuple) throw new Error('the judge returned something other than a tuple');
    owned.push(tuple);
    const converted: unknown = tuple.toJs({ depth: 1, pyproxies: owned });
    if (!Array.isArray(converted)) throw new Error('the judge returned something other than a tuple');
    return converted;
  };
  const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

  let suite: string[] = [];
  const tests: TestVerdict[] = [];
  const result = (error: string | null): Verdict => ({
    suite,
    report: { passed: !error && tests.length === suite.length && tests.every((t) => t.passed), tests, error },
  });
  try {
    const [prepareError, names, testFunctions, iface, state] = items(steps.prepare(message.tests));
    const broken = text(prepareError);
    if (broken) return result(broken);
    const namesProxy = proxy(names);
    suite = v.parse(NamesSchema, namesProxy?.toJs());
    steps.guardOn(state);

    const [module, loadError] = items(steps.loadSolution(message.solution));
    const notLoaded = text(loadError) ?? text(steps.tampered(state));
    if (notLoaded) return result(notLoaded);

    const functions = items(testFunctions);
    for (const [i, name] of suite.entries()) {
      const [passed, failure, traced, concurrency] = items(
        steps.runOne(functions[i], module, PER_TEST_SECONDS, steps.record),
      );
      const ok = passed === true;
      // The trace only draws the timeline: one the solution spoiled is left out, the verdict stands.
      const trace = traceFrom(traced);
      // The verdict is fixed above; describing a failure may run the solution's __str__, which is fine now.
      tests.push({
        name,
        passed: ok,
        message: ok ? '' : String(steps.describe(failure, module, iface)),
        ...(trace && { trace }),
        ...(concurrency === true && { concurrency: true }),
      });
      const changed = text(steps.tampered(state));
      if (changed) return result(changed);
    }
    return result(null);
  } catch (thrown) {
    const { exitCode, error } = ending(thrown);
    if (exitCode !== null && error === null) return result(`solution.py ended the interpreter (os._exit(${exitCode}))`);
    return result(error ?? 'the tests could not finish');
  } finally {
    for (const p of owned) p.destroy();
  }
}
