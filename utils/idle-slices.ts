/**
 * Runs a generator's steps in the page's idle time, in slices of at most `sliceMs` (5 ms: well under the
 * 50 ms that makes a task "long"), so work such as linting the editor's code never holds the page's main
 * thread. Each step must be short; the generator yields between steps.
 */
const SLICE_MS = 5;
/** A page that is never idle still gets its slices, this long after asking. */
const IDLE_TIMEOUT_MS = 500;

export interface IdleRun<T> {
  result: Promise<T>;
  cancel: () => void;
}

export function runInIdleSlices<T>(steps: Generator<void, T>, sliceMs = SLICE_MS): IdleRun<T> {
  let cancelled = false;
  let handle: number | undefined;
  const idle = typeof requestIdleCallback === 'function';
  const request = (cb: (deadline?: IdleDeadline) => void): number =>
    idle ? requestIdleCallback(cb, { timeout: IDLE_TIMEOUT_MS }) : window.setTimeout(cb, 0);
  const result = new Promise<T>((resolve, reject) => {
    const slice = (deadline?: IdleDeadline) => {
      if (cancelled) return;
      // Within the browser's own idle estimate when it has one (at least one step runs either way).
      const budget = deadline && !deadline.didTimeout ? Math.min(sliceMs, deadline.timeRemaining()) : sliceMs;
      const end = performance.now() + budget;
      try {
        do {
          const step = steps.next();
          if (step.done) return resolve(step.value);
        } while (performance.now() < end);
      } catch (error) {
        return reject(error instanceof Error ? error : new Error(String(error)));
      }
      handle = request(slice);
    };
    handle = request(slice);
  });
  return {
    result,
    cancel() {
      cancelled = true;
      if (handle === undefined) return;
      if (idle) cancelIdleCallback(handle);
      else clearTimeout(handle);
    },
  };
}
