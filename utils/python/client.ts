/**
 * The page's handle on its Python worker: starts it on the first run (never before), runs one thing at a
 * time, enforces the time limit by terminating the worker (the only way to stop a `while True:` loop),
 * and gives the memory back after a few idle minutes. The transport is injected, so the command-line
 * tools drive the same client over a Node child process.
 */
import type { FromWorker, OutputStream, RunOutcome, TestReport, ToWorker } from './protocol';
import { parseFromWorker } from './protocol';
import { OUTPUT_LIMIT } from './limits';

export const DEFAULT_TIME_LIMIT_MS = 10_000;
export const IDLE_SHUTDOWN_MS = 5 * 60_000;
/**
 * How long the interpreter may take to start (a cold start is about 11 s here, and several times that on a
 * busy machine). A load that never settles (a refused WebAssembly compile can leave Pyodide waiting for
 * ever) then ends with a message instead of "Starting Python…" for good.
 */
export const START_LIMIT_MS = 120_000;

/** A started worker, whatever carries the messages. */
export interface WorkerPort {
  post(message: ToWorker): void;
  /** Every message, unchecked; the client validates it. */
  onMessage(listener: (raw: unknown) => void): void;
  /** The worker died or could not start. */
  onError(listener: (message: string) => void): void;
  terminate(): void;
}

export type RuntimeStatus =
  | { kind: 'cold' }
  | { kind: 'loading'; since: number }
  | { kind: 'ready'; loadMs: number }
  | { kind: 'failed'; message: string };

export interface RunOptions {
  timeLimitMs?: number;
  onOutput?(stream: OutputStream, text: string): void;
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
  report: TestReport | null;
}

interface Pending {
  id: number;
  started: number | null;
  timeLimitMs: number;
  stdout: string;
  stderr: string;
  truncated: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  options: RunOptions;
  resolve(result: TestRunResult): void;
}

export class PythonClient {
  #port: WorkerPort | null = null;
  #status: RuntimeStatus = { kind: 'cold' };
  #pending: Pending | null = null;
  #queued: ToWorker | null = null;
  #nextId = 1;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #startTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #listeners = new Set<(status: RuntimeStatus) => void>();

  constructor(
    private readonly createPort: () => WorkerPort,
    private readonly idleMs = IDLE_SHUTDOWN_MS,
    private readonly startLimitMs = START_LIMIT_MS,
  ) {}

  get status(): RuntimeStatus {
    return this.#status;
  }

  get busy(): boolean {
    return this.#pending !== null;
  }

  /** Calls `listener` on every status change; returns the unsubscribe function. */
  subscribe(listener: (status: RuntimeStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  run(code: string, options: RunOptions = {}): Promise<RunResult> {
    return this.#start((id) => ({ type: 'run', id, code }), options);
  }

  test(solution: string, tests: string, options: RunOptions = {}): Promise<TestRunResult> {
    return this.#start((id) => ({ type: 'test', id, solution, tests }), options);
  }

  /** Stops the current run by terminating the worker; the next run starts a fresh one. */
  stop(): void {
    this.#finishPending({ stopped: true, error: 'Stopped.' });
    this.#shutdown();
  }

  dispose(): void {
    this.stop();
    this.#listeners.clear();
  }

  #setStatus(status: RuntimeStatus) {
    this.#status = status;
    for (const listener of this.#listeners) listener(status);
  }

  #start(make: (id: number) => ToWorker, options: RunOptions): Promise<TestRunResult> {
    if (this.#pending) this.stop();
    clearTimeout(this.#idleTimer);
    const id = this.#nextId++;
    const message = make(id);
    return new Promise((resolve) => {
      this.#pending = {
        id,
        started: null,
        timeLimitMs: options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
        stdout: '',
        stderr: '',
        truncated: false,
        timer: undefined,
        options,
        resolve,
      };
      const port = this.#ensurePort();
      if (this.#status.kind === 'ready') this.#send(port, message);
      else this.#queued = message;
    });
  }

  #send(port: WorkerPort, message: ToWorker) {
    const pending = this.#pending;
    if (!pending || pending.id !== message.id) return;
    pending.started = performance.now();
    // The limit counts the user's code only, not the interpreter's start-up.
    pending.timer = setTimeout(() => {
      this.#finishPending({
        timedOut: true,
        error: `Stopped after ${pending.timeLimitMs / 1000} s: the time limit. A loop that never awaits or ends keeps running until it is stopped.`,
      });
      this.#shutdown();
    }, pending.timeLimitMs);
    port.post(message);
  }

  #ensurePort(): WorkerPort {
    if (this.#port) return this.#port;
    const since = performance.now();
    this.#setStatus({ kind: 'loading', since: Date.now() });
    const port = this.createPort();
    this.#port = port;
    port.onMessage((raw) => {
      if (this.#port !== port) return;
      const message = parseFromWorker(raw);
      if (message) this.#receive(port, message, since);
    });
    port.onError((text) => {
      if (this.#port !== port) return;
      this.#fail(text);
    });
    this.#startTimer = setTimeout(() => {
      if (this.#port !== port) return;
      this.#fail(
        `it did not finish loading within ${this.startLimitMs / 1000} s. Run again to retry; if it keeps happening, restart the browser.`,
      );
    }, this.startLimitMs);
    return port;
  }

  #receive(port: WorkerPort, message: FromWorker, since: number) {
    const pending = this.#pending;
    switch (message.type) {
      case 'ready': {
        clearTimeout(this.#startTimer);
        this.#setStatus({ kind: 'ready', loadMs: performance.now() - since });
        const queued = this.#queued;
        this.#queued = null;
        if (queued) this.#send(port, queued);
        return;
      }
      case 'failed':
        this.#fail(message.message);
        return;
      case 'output':
        if (!pending || pending.id !== message.id) return;
        pending[message.stream] += message.text;
        // Known here too, for a run that is stopped before it can report.
        pending.truncated ||= pending.stdout.length + pending.stderr.length > OUTPUT_LIMIT;
        pending.options.onOutput?.(message.stream, message.text);
        return;
      case 'done':
      case 'tested':
        if (!pending || pending.id !== message.id) return;
        this.#finishPending({
          ...message.outcome,
          report: message.type === 'tested' ? message.report : null,
        });
        this.#scheduleIdleShutdown();
        return;
    }
  }

  #fail(text: string) {
    this.#finishPending({ unavailable: true, error: `Python could not start: ${text}` });
    this.#shutdown();
    this.#setStatus({ kind: 'failed', message: text });
  }

  #finishPending(result: Partial<TestRunResult>) {
    const pending = this.#pending;
    if (!pending) return;
    this.#pending = null;
    this.#queued = null;
    clearTimeout(pending.timer);
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
  }

  #scheduleIdleShutdown() {
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => this.#shutdown(), this.idleMs);
  }

  #shutdown() {
    clearTimeout(this.#idleTimer);
    clearTimeout(this.#startTimer);
    const port = this.#port;
    this.#port = null;
    this.#queued = null;
    port?.terminate();
    if (this.#status.kind !== 'failed') this.#setStatus({ kind: 'cold' });
  }
}
