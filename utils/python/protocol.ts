/**
 * Messages between a page and its Python worker. The worker runs user code, so the page checks every
 * message it receives against `FromWorkerSchema` before acting on it.
 */
import * as v from 'valibot';
import { PackedTraceSchema } from '../trace/packed';

/** What a run ended with; stdout and stderr arrive separately, as they are written. */
export const RunOutcomeSchema = v.strictObject({
  /** The exit status, as `python main.py` would give it; null when the run never finished. */
  exitCode: v.nullable(v.pipe(v.number(), v.integer())),
  /** The traceback (cut to the user's own code) of an uncaught exception. */
  error: v.nullable(v.string()),
  /** True when output passed OUTPUT_LIMIT and the rest was dropped. */
  truncated: v.boolean(),
  ms: v.number(),
  /** What the event loop did (the timeline); absent when the run never reached the user's code. */
  trace: v.optional(PackedTraceSchema),
});
export type RunOutcome = v.InferOutput<typeof RunOutcomeSchema>;

/** One practice test's verdict, as utils/python/harness.py reports it. */
export const TestVerdictSchema = v.strictObject({
  name: v.string(),
  passed: v.boolean(),
  message: v.string(),
  /** The event loop's work during an async test (the timeline). */
  trace: v.optional(PackedTraceSchema),
  /** An async test failed on what its tasks did (an assertion, a hang): its timeline shows why. */
  concurrency: v.optional(v.boolean()),
});
export type TestVerdict = v.InferOutput<typeof TestVerdictSchema>;

export const TestReportSchema = v.strictObject({
  passed: v.boolean(),
  tests: v.array(TestVerdictSchema),
  /** Set when no test could run: the solution does not compile or fails on import, or the suite is broken. */
  error: v.nullable(v.string()),
});
export type TestReport = v.InferOutput<typeof TestReportSchema>;

export type OutputStream = 'stdout' | 'stderr';

export const ToWorkerSchema = v.variant('type', [
  v.strictObject({ type: v.literal('run'), id: v.number(), code: v.string() }),
  v.strictObject({ type: v.literal('test'), id: v.number(), solution: v.string(), tests: v.string() }),
]);
export type ToWorker = v.InferOutput<typeof ToWorkerSchema>;

export function parseToWorker(raw: unknown): ToWorker | null {
  const result = v.safeParse(ToWorkerSchema, raw);
  return result.success ? result.output : null;
}

export const FromWorkerSchema = v.variant('type', [
  /** The interpreter is loaded; `ms` is how long that took. */
  v.strictObject({ type: v.literal('ready'), ms: v.number() }),
  v.strictObject({
    type: v.literal('output'),
    id: v.number(),
    stream: v.picklist(['stdout', 'stderr']),
    text: v.string(),
  }),
  v.strictObject({ type: v.literal('done'), id: v.number(), outcome: RunOutcomeSchema }),
  v.strictObject({ type: v.literal('tested'), id: v.number(), outcome: RunOutcomeSchema, report: TestReportSchema }),
  /** The interpreter could not start (missing files, no WebAssembly stack switching, ...). */
  v.strictObject({ type: v.literal('failed'), message: v.string() }),
]);
export type FromWorker = v.InferOutput<typeof FromWorkerSchema>;

export function parseFromWorker(raw: unknown): FromWorker | null {
  const result = v.safeParse(FromWorkerSchema, raw);
  return result.success ? result.output : null;
}
