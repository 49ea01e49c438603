/**
 * Messages between a page and one Python interpreter (a worker, or a child process under Node). The page
 * hands the interpreter a private channel when it starts it, and every later message goes through that
 * channel only; the interpreter runs user code, so the page checks each message against
 * `FromEngineSchema` before acting on it.
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

/** One practice test's verdict. */
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
  /**
   * Set when no test could run (the solution does not compile or fails on import, or the suite is broken),
   * or when the solution changed what the judge relies on (then the run does not count).
   */
  error: v.nullable(v.string()),
});
export type TestReport = v.InferOutput<typeof TestReportSchema>;

export type OutputStream = 'stdout' | 'stderr';

/** A snapshot's bytes as the page keeps them: a Blob from storage, or the bytes an interpreter just made. */
export type SnapshotData = Blob | Uint8Array<ArrayBuffer>;

/** The first and only message on the worker itself: how to start, and the channel for everything after. */
export interface StartRequest {
  type: 'start';
  /** A snapshot to restore, or null for a full start. */
  snapshot: Blob | Uint8Array | null;
  /** The snapshot's SHA-256 (hex) when it comes from storage, checked before it is restored. */
  digest: string | null;
  /** Make a snapshot after a full start (before any user code) and send it back. */
  makeSnapshot: boolean;
}

export const ToEngineSchema = v.variant('type', [
  v.strictObject({ type: v.literal('run'), id: v.number(), code: v.string() }),
  v.strictObject({
    type: v.literal('test'),
    id: v.number(),
    /** Chosen by the page for this run; a report without it is not this run's. */
    nonce: v.string(),
    solution: v.string(),
    tests: v.string(),
  }),
]);
export type ToEngine = v.InferOutput<typeof ToEngineSchema>;

export function parseToEngine(raw: unknown): ToEngine | null {
  const result = v.safeParse(ToEngineSchema, raw);
  return result.success ? result.output : null;
}

export const FromEngineSchema = v.variant('type', [
  /** A snapshot of the interpreter as it was before any user code, for later starts. */
  v.strictObject({ type: v.literal('snapshot'), bytes: v.instance(Uint8Array), digest: v.string(), ms: v.number() }),
  /** The snapshot it was given could not be used; it is starting in full instead (and will make a new one). */
  v.strictObject({ type: v.literal('snapshot-rejected'), message: v.string() }),
  /** The interpreter is ready for its one run; `ms` is how long the start took. */
  v.strictObject({ type: v.literal('ready'), ms: v.number(), restored: v.boolean() }),
  v.strictObject({
    type: v.literal('output'),
    id: v.number(),
    stream: v.picklist(['stdout', 'stderr']),
    text: v.string(),
  }),
  v.strictObject({ type: v.literal('done'), id: v.number(), outcome: RunOutcomeSchema }),
  v.strictObject({
    type: v.literal('tested'),
    id: v.number(),
    nonce: v.string(),
    /** The suite's test names, read before the solution was loaded. */
    suite: v.array(v.string()),
    outcome: RunOutcomeSchema,
    report: TestReportSchema,
  }),
  /** The interpreter could not start (missing files, no WebAssembly stack switching, ...). */
  v.strictObject({ type: v.literal('failed'), message: v.string() }),
]);
export type FromEngine = v.InferOutput<typeof FromEngineSchema>;

export function parseFromEngine(raw: unknown): FromEngine | null {
  const result = v.safeParse(FromEngineSchema, raw);
  return result.success ? result.output : null;
}
