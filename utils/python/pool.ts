/**
 * Keeps a started interpreter ready for the next run: every run (and every test suite) gets an interpreter
 * no code has run in, which is thrown away after it, and a spare is started as soon as one is taken, so
 * Run, Stop and Run again do not wait for Python to load. Interpreters start from a snapshot of a ready one
 * when there is one; the first full start makes it, the store keeps it, and one that cannot be used is
 * dropped and made again.
 */
import { parseFromEngine, type FromEngine, type SnapshotData, type StartRequest, type ToEngine } from './protocol';

/** One started interpreter, whatever carries its messages (a Worker and its port, a child process). */
export interface Interpreter {
  post: (message: ToEngine) => void;
  /** Every message, unchecked; the pool validates it. */
  onMessage: (listener: (raw: unknown) => void) => void;
  /** It died or could not start. */
  onError: (listener: (message: string) => void) => void;
  terminate: () => void;
}

export type StartInterpreter = (request: StartRequest) => Interpreter;

/** Where snapshots live between sessions: the extension's own IndexedDB, or memory under Node. */
export interface SnapshotStore {
  load: () => Promise<{ data: SnapshotData; digest: string } | null>;
  save: (data: SnapshotData, digest: string) => Promise<void>;
  discard: () => Promise<void>;
  /** The form to hand to later interpreters (a Blob in the browser: passed without copying). */
  keep: (bytes: Uint8Array) => SnapshotData;
}

export type PoolStatus =
  | { kind: 'cold' }
  | { kind: 'starting'; since: number; restart: boolean }
  | { kind: 'ready' }
  | { kind: 'failed'; message: string };

/** A started interpreter and where its messages go. */
export class Slot {
  readonly ready: Promise<void>;
  restored = false;
  #listener: ((message: FromEngine) => void) | null = null;
  #fail: ((message: string) => void) | null = null;

  constructor(
    readonly interpreter: Interpreter,
    pool: { onStartMessage(slot: Slot, message: FromEngine): void },
    startLimitMs: number,
  ) {
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`it did not finish loading within ${startLimitMs / 1000} s`)),
        startLimitMs,
      );
      const settle = (error: Error | null) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      interpreter.onMessage((raw) => {
        const message = parseFromEngine(raw);
        if (!message) return;
        if (this.#listener) return this.#listener(message);
        if (message.type === 'ready') {
          this.restored = message.restored;
          settle(null);
        } else if (message.type === 'failed') settle(new Error(message.message));
        else pool.onStartMessage(this, message);
      });
      interpreter.onError((text) => {
        if (this.#fail) this.#fail(text);
        else settle(new Error(text));
      });
    });
    // A start that failed is reported by whoever waits on it; an unwatched spare must not be an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  /** Hands the slot's messages and failure to its run. */
  attach(listener: (message: FromEngine) => void, fail: (message: string) => void): void {
    this.#listener = listener;
    this.#fail = fail;
  }
}

export class InterpreterPool {
  #snapshot: { data: SnapshotData; digest: string | null } | null | undefined;
  #loading: Promise<void> | null = null;
  /** The next run's interpreter: started (or starting) as soon as the previous one was taken. */
  #spare: { slot: Promise<Slot> } | null = null;
  #status: PoolStatus = { kind: 'cold' };
  #restart = false;

  constructor(
    private readonly start: StartInterpreter,
    private readonly store: SnapshotStore,
    private readonly onStatus: (status: PoolStatus) => void,
    private readonly startLimitMs: number,
  ) {}

  get status(): PoolStatus {
    return this.#status;
  }

  #setStatus(status: PoolStatus) {
    this.#status = status;
    this.onStatus(status);
  }

  #loadSnapshot(): Promise<void> {
    this.#loading ??= this.store.load().then(
      (stored) => {
        this.#snapshot = stored;
      },
      () => {
        this.#snapshot = null;
      },
    );
    return this.#loading;
  }

  /** Starts a spare if there is none. */
  warm(): void {
    if (this.#spare) return;
    const entry: { slot: Promise<Slot> } = { slot: this.#loadSnapshot().then(() => this.#startSlot(entry)) };
    this.#spare = entry;
    this.#setStatus({ kind: 'starting', since: Date.now(), restart: this.#restart });
    // An interpreter that could not even be created (no worker here): said by the status, and by take().
    entry.slot.catch((error: unknown) => {
      if (this.#spare !== entry) return;
      this.#spare = null;
      this.#setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    });
  }

  #startSlot(entry: { slot: Promise<Slot> }): Slot {
    const snapshot = this.#snapshot;
    const request: StartRequest = {
      type: 'start',
      snapshot: snapshot?.data ?? null,
      digest: snapshot?.digest ?? null,
      makeSnapshot: !snapshot,
    };
    const slot = new Slot(this.start(request), this, this.startLimitMs);
    void slot.ready.then(
      () => {
        // Checked once against the stored digest; the same bytes need no second look.
        if (snapshot && slot.restored) snapshot.digest = null;
        if (this.#spare !== entry) return;
        this.#restart = false;
        this.#setStatus({ kind: 'ready' });
      },
      (error: unknown) => {
        slot.interpreter.terminate();
        if (this.#spare !== entry) return;
        this.#spare = null;
        this.#setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return slot;
  }

  /** Messages a starting interpreter sends before it is ready. */
  onStartMessage(_slot: Slot, message: FromEngine): void {
    if (message.type === 'snapshot') {
      const data = this.store.keep(message.bytes);
      this.#snapshot = { data, digest: null };
      void this.store.save(data, message.digest).catch(() => undefined);
    } else if (message.type === 'snapshot-rejected') {
      // The interpreter goes on with a full start and makes a new one.
      this.#snapshot = null;
      void this.store.discard().catch(() => undefined);
    }
  }

  /** A ready interpreter for one run, and a new spare starting; rejects when it cannot start. */
  async take(): Promise<Slot> {
    this.warm();
    const entry = this.#spare;
    if (!entry) throw new Error('no interpreter could be started');
    try {
      const slot = await entry.slot;
      await slot.ready;
      return slot;
    } finally {
      if (this.#spare === entry) {
        this.#spare = null;
        this.warm();
      }
    }
  }

  /** An interpreter taken for a run that was stopped before it began: still unused, so it can wait for the next. */
  giveBack(slot: Slot): void {
    if (this.#spare) return slot.interpreter.terminate();
    this.#spare = { slot: Promise.resolve(slot) };
    this.#setStatus({ kind: 'ready' });
  }

  /** The next interpreter starts as a restart (after a Stop or a time-out); the status says so. */
  restarting(): void {
    this.#restart = true;
    if (this.#status.kind === 'starting') this.#setStatus({ ...this.#status, restart: true });
    this.warm();
  }

  /** Ends the spare (after a few idle minutes): the memory goes back, the snapshot stays. */
  shutdown(): void {
    const entry = this.#spare;
    this.#spare = null;
    void entry?.slot.then(
      (slot) => slot.interpreter.terminate(),
      () => undefined,
    );
    if (this.#status.kind !== 'failed') this.#setStatus({ kind: 'cold' });
  }
}
