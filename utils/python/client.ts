/**
 * The page's handle on Python: runs one thing at a time, each in an interpreter of its own from the pool
 * (so nothing a run does reaches the next), enforces the time limit by ending that interpreter (the only way
 * to stop a `while True:` loop), and checks that a test report is this run's and complete before handing
 * it on. The transport and the snapshot store are injected, so the command-line tools drive the same
 * client over Node child processes.
 */
import { OUTPUT_LIMIT } from './limits';
import { InterpreterPool, type PoolStatus, type SnapshotStore, type StartInterpreter, type Slot } from './pool';
import type { FromEngine, OutputStream, RunOutcome, TestReport, ToEngine } from './protocol';

export const DEFAULT_TIME_LIMIT_MS = 10_000;
export const IDLE_SHUTDOWN_MS = 5 * 60_000;
/**
 * How long an interpreter may take to start (a full start is seconds, several times that on a busy
 * machine). A load that never settles then ends with a message instead of "Starting Python…" for good.
 */
export const START_LIMIT_MS = 120_000;

export type RuntimeStatus = PoolStatus;

export interface RunOptions {
  timeLimitMs?: number;
  onOutput?: (stream: OutputStream, text: string) => void;
  /** The run's interpreter was ready and the code went to it (until then the page says Python is starting). */
  onStarted?: () => void;
}

/** How a run ended, with everything it printed. */
export interface RunResult extends RunOutcome {
  stdout: string;
  stderr: string;
  /** Stopped by the time limit. */
  timedOut: boolean;
  /** Stopped by the user (or a newer run). */
  stopped: boolean;
  /** The runtime could not start; `error` says why. */
  unavailable: boolean;
}

export interface TestRunResult extends RunResult {
  /** Only a report that came back through this run's channel, with its nonce and every test of the suite. */
  report: TestReport | null;
}

export interface ClientOptions {
  start: StartInterpreter;
  store: SnapshotStore;
  idleMs?: number;
  startLimitMs?: number;
  /** Per-run secret for test reports; crypto.randomUUID where there is one. */
  nonce?: () => string;
}

interface Pending {
  id: number;
  message: ToEngine;
  slot: Slot | null;
  started: number | null;
  stdout: string;
  stderr: string;
  truncated: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  options: RunOptions;
  resolve: (result: TestRunResult) => void;
}

export class PythonClient {
  readonly #pool: InterpreterPool;
  readonly #idleMs: number;
  readonly #nonce: () => string;
  #pending: Pending | null = null;
  #nextId = 1;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #listeners = new Set<(status: RuntimeStatus) => void>();

  constructor(options: ClientOptions) {
    this.#idleMs = options.idleMs ?? IDLE_SHUTDOWN_MS;
    this.#nonce = options.nonce ?? (() => crypto.randomUUID());
    this.#pool = new InterpreterPool(
      options.start,
      options.store,
      (status) => {
        for (const listener of this.#listeners) listener(status);
      },
      options.startLimitMs ?? START_LIMIT_MS,
    );
  }

  get status(): RuntimeStatus {
    return this.#pool.status;
  }

  get busy(): boolean {
    return this.#pending !== null;
  }

  /** Calls `listener` on every status change; returns the unsubscribe function. */
  subscribe(listener: (status: RuntimeStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Gets an interpreter ready before the first Run (pages call this once they have painted). */
  warm(): void {
    this.#pool.warm();
    this.#scheduleIdleShutdown();
  }

  run(code: string, options: RunOptions = {}): Promise<RunResult> {
    return this.#execute((id) => ({ type: 'run', id, code }), options);
  }

  test(solution: string, tests: string, options: RunOptions = {}): Promise<TestRunResult> {
    const nonce = this.#nonce();
    return this.#execute((id) => ({ type: 'test', id, nonce, solution, tests }), options);
  }

  /** Stops the current run by ending its interpreter; the next run gets the spare. */
  stop(): void {
    this.#finish({ stopped: true, error: 'Stopped.' });
  }

  dispose(): void {
    this.stop();
    clearTimeout(this.#idleTimer);
    this.#pool.shutdown();
    this.#listeners.clear();
  }

  #execute(make: (id: number) => ToEngine, options: RunOptions): Promise<TestRunResult> {
    if (this.#pending) this.stop();
    clearTimeout(this.#idleTimer);
    const id = this.#nextId++;
    return new Promise((resolve) => {
      const pending: Pending = {
        id,
        message: make(id),
        slot: null,
        started: null,
        stdout: '',
        stderr: '',
        truncated: false,
        timer: undefined,
        options,
        resolve,
      };
      this.#pending = pending;
      void this.#pool.take().then(
        (slot) => this.#begin(pending, slot),
        (error: unknown) => {
          if (this.#pending !== pending) return;
          const text = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
          this.#finish({ unavailable: true, error: `Python could not start: ${text}. Run again to retry.` });
        },
      );
    });
  }

  #begin(pending: Pending, slot: Slot) {
    if (this.#pending !== pending) {
      this.#pool.giveBack(slot);
      return;
    }
    pending.slot = slot;
    pending.started = performance.now();
    slot.attach(
      (message) => this.#receive(pending, message),
      (text) => {
        if (this.#pending === pending) this.#finish({ error: `The Python runtime stopped: ${text}` });
      },
    );
    const limit = pending.options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
    // The limit counts the user's code only, not the interpreter's start-up.
    pending.timer = setTimeout(() => {
      this.#finish({
        timedOut: true,
        error: `Stopped after ${limit / 1000} s: the time limit. A loop that never awaits or ends keeps running until it is stopped.`,
      });
    }, limit);
    slot.interpreter.post(pending.message);
    pending.options.onStarted?.();
  }

  #receive(pending: Pending, message: FromEngine) {
    if (this.#pending !== pending) return;
    switch (message.type) {
      case 'output':
        if (message.id !== pending.id) return;
        pending[message.stream] += message.text;
        // Known here too, for a run that is stopped before it can report.
        pending.truncated ||= pending.stdout.length + pending.stderr.length > OUTPUT_LIMIT;
        pending.options.onOutput?.(message.stream, message.text);
        return;
      case 'done':
        if (message.id !== pending.id) return;
        this.#finish({ ...message.outcome, report: null });
        return;
      case 'tested': {
        if (message.id !== pending.id) return;
        const sent = pending.message;
        const names = message.report.tests.map((t) => t.name);
        const complete = names.length === message.suite.length && names.every((name, i) => name === message.suite[i]);
        const genuine = sent.type === 'test' && message.nonce === sent.nonce;
        // A report that is not this run's, or leaves out a test of the suite (without saying why), is no report.
        const report = genuine && (complete || message.report.error) ? message.report : null;
        this.#finish({
          ...message.outcome,
          report,
          error: report ? message.outcome.error : 'The test run did not report every test.',
        });
        return;
      }
      default:
        return;
    }
  }

  #finish(result: Partial<TestRunResult>) {
    const pending = this.#pending;
    if (!pending) return;
    this.#pending = null;
    clearTimeout(pending.timer);
    // One run per interpreter: whatever the run did (or was doing) goes with it.
    pending.slot?.interpreter.terminate();
    if (result.stopped || result.timedOut) this.#pool.restarting();
    pending.resolve({
      exitCode: null,
      error: null,
      ms: pending.started === null ? 0 : performance.now() - pending.started,
      timedOut: false,
      stopped: false,
      unavailable: false,
      report: null,
      ...result,
      truncated: (result.truncated ?? false) || pending.truncated,
      stdout: pending.stdout,
      stderr: pending.stderr,
    });
    this.#scheduleIdleShutdown();
  }

  #scheduleIdleShutdown() {
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => this.#pool.shutdown(), this.#idleMs);
  }
}
