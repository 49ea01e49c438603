/** The overlay's linting in idle slices: the same findings as one call, and never more than a slice at a time. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runInIdleSlices } from '@/utils/idle-slices';
import { lintPython, lintSteps } from '@/utils/lint';

const LINT_FIXTURES = 'tests/fixtures/lint';

afterEach(() => vi.unstubAllGlobals());

describe('lintSteps', () => {
  it.each(readdirSync(LINT_FIXTURES).filter((f) => f.endsWith('.py')))('%s: the same findings as lintPython', (file) => {
    const source = readFileSync(join(LINT_FIXTURES, file), 'utf8');
    const steps = lintSteps(source);
    let count = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) count++;
    expect(step.value).toEqual(lintPython(source));
    // Parsing, the analysis and each rule are steps of their own.
    expect(count).toBeGreaterThan(5);
  });
});

describe('runInIdleSlices', () => {
  /** A clock the test moves: each step of the work below costs `stepMs`. */
  function fakeIdle() {
    let now = 0;
    const queued: (() => void)[] = [];
    vi.stubGlobal('performance', { now: () => now });
    vi.stubGlobal('requestIdleCallback', (cb: (d: IdleDeadline) => void) => {
      queued.push(() => cb({ didTimeout: false, timeRemaining: () => 50 }));
      return queued.length;
    });
    vi.stubGlobal('cancelIdleCallback', () => undefined);
    return {
      advance: (ms: number) => (now += ms),
      /** Runs the next idle callback; returns false when none is waiting. */
      runSlice: () => {
        const next = queued.shift();
        next?.();
        return next !== undefined;
      },
    };
  }

  function* work(idle: { advance: (ms: number) => number }, steps: number, stepMs: number, log: number[]) {
    for (let i = 0; i < steps; i++) {
      idle.advance(stepMs);
      log.push(i);
      yield;
    }
    return 'done';
  }

  it('runs steps until the slice (5 ms) is used, then waits for the next idle time', async () => {
    const idle = fakeIdle();
    const log: number[] = [];
    const run = runInIdleSlices(work(idle, 12, 1, log));
    const perSlice: number[] = [];
    while (idle.runSlice()) perSlice.push(log.length - perSlice.reduce((a, b) => a + b, 0));
    await expect(run.result).resolves.toBe('done');
    // 12 steps of 1 ms: 5, 5, then the last 2 and the return.
    expect(perSlice).toEqual([5, 5, 2]);
  });

  it('stops when cancelled (a new edit, or the overlay going away)', () => {
    const idle = fakeIdle();
    const log: number[] = [];
    const run = runInIdleSlices(work(idle, 20, 1, log));
    idle.runSlice();
    run.cancel();
    while (idle.runSlice());
    expect(log).toHaveLength(5);
  });
});
