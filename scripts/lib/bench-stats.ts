/** Summary statistics and timing loops for the benchmark: plain arithmetic, no library. */

export type Unit = 'ms' | 'bytes' | 'count';

/** One figure as it appears in the JSON output: every statistic in the figure's unit. */
export interface Summary {
  median: number;
  p10: number;
  p90: number;
  min: number;
  max: number;
  n: number;
}

/** Linear interpolation between the closest ranks (the same definition as numpy's default). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below]!;
  const high = sorted[above]!;
  return low + (high - low) * (position - below);
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('summarize: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    p10: quantile(sorted, 0.1),
    p90: quantile(sorted, 0.9),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    n: sorted.length,
  };
}

/** A figure that does not vary between runs (a file size). */
export const exact = (value: number): Summary => summarize([value]);

/**
 * Times `fn` once per sample after `warmup` untimed calls. Each sample is one call: the figures asked for are
 * per operation, and a batch average would hide the slow calls the spread is meant to show.
 */
export function timeSync(fn: () => unknown, samples: number, warmup = Math.ceil(samples / 5)): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times;
}

export async function timeAsync(fn: () => Promise<unknown>, samples: number, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * Times every input `rounds` times, round-robin, so a slow moment of a busy machine spreads over all inputs
 * instead of landing on one. Returns all the per-call times (inputs × rounds).
 */
export function timeEach<T>(
  inputs: readonly T[],
  fn: (input: T) => unknown,
  rounds: number,
  warmupRounds = 2,
): number[] {
  for (let r = 0; r < warmupRounds; r++) for (const input of inputs) fn(input);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const start = performance.now();
      fn(input);
      times.push(performance.now() - start);
    }
  }
  return times;
}
