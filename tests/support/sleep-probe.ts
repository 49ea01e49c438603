/**
 * A program that says how the runtime's time.sleep waits (parked on shared memory, or spinning a core) and
 * whether it lasted as long as asked: run under Node, in Chromium and in Firefox, each with its own answer.
 */
export const SLEEP_PROBE = [
  'import sys, time',
  'print("parked" if sys.modules["awaitwise_runner"]._park is not None else "spinning")',
  'start = time.monotonic()',
  'time.sleep(0.12)',
  'print(time.monotonic() - start >= 0.12)',
].join('\n');

export const sleepProbeOutput = (waits: 'parked' | 'spinning') => `${waits}\nTrue\n`;
