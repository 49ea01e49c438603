/**
 * The peer comparison's arithmetic and its three forms (text table, Markdown, JSON): plain functions over
 * numbers, so they are unit-tested without a browser.
 */
import type { Unit } from './bench-stats';

/** One extension in the comparison: ours or a peer. */
export interface Candidate {
  name: string;
  ours: boolean;
  /** Where its unpacked build was loaded from. */
  dir: string;
  version: string;
}

/**
 * What one extension got for one figure: the samples of each interleaved round (a size has one round of one
 * sample), or why there is no figure.
 */
export type Measured = { rounds: number[][] } | { missing: string };

/** Issue 24's targets: at most `ratio` × the best peer, or at most `value` in the figure's unit. */
export type Target = { ratio: number } | { value: number };

export interface Figure {
  id: string;
  label: string;
  unit: Unit;
  /** By candidate name. A candidate absent here was not measured for this figure. */
  values: Record<string, Measured>;
  target?: Target;
}

const median = (xs: readonly number[]): number => {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * The figure of an interleaved run: each round's median, then the median of those. One slow round (the machine
 * busy elsewhere) moves the result less than it would move the median of all the samples pooled.
 */
export function medianOfRoundMedians(rounds: readonly (readonly number[])[]): number {
  return median(rounds.filter((r) => r.length > 0).map(median));
}

export const figureValue = (m: Measured | undefined): number | null =>
  m && 'rounds' in m && m.rounds.some((r) => r.length > 0) ? medianOfRoundMedians(m.rounds) : null;

export interface Comparison {
  /** Our figure, or null when ours was not measured. */
  ours: number | null;
  /** The lowest figure among the peers that have one (every figure here is "lower is better"). */
  best: { name: string; value: number } | null;
  /** ours / best; null when either is missing or the best peer's figure is 0. */
  ratio: number | null;
  verdict: 'met' | 'MISSED' | '—';
}

export function compare(figure: Figure, candidates: readonly Candidate[]): Comparison {
  const ourName = candidates.find((c) => c.ours)?.name;
  const ours = ourName === undefined ? null : figureValue(figure.values[ourName]);
  let best: Comparison['best'] = null;
  for (const peer of candidates.filter((c) => !c.ours)) {
    const value = figureValue(figure.values[peer.name]);
    if (value !== null && (best === null || value < best.value)) best = { name: peer.name, value };
  }
  const ratio = ours !== null && best !== null && best.value > 0 ? ours / best.value : null;
  let verdict: Comparison['verdict'] = '—';
  const target = figure.target;
  if (target && 'value' in target && ours !== null) verdict = ours <= target.value ? 'met' : 'MISSED';
  if (target && 'ratio' in target && ours !== null && best !== null) {
    verdict = ours <= target.ratio * best.value ? 'met' : 'MISSED';
  }
  return { ours, best, ratio, verdict };
}

export function formatValue(value: number, unit: Unit): string {
  if (unit === 'bytes') return `${Math.round(value / 1000).toLocaleString('en')} KB`;
  if (unit === 'count') return String(Math.round(value));
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ms`;
}

const formatTarget = (target: Target | undefined, unit: Unit): string =>
  !target ? '—' : 'ratio' in target ? `≤ ${target.ratio}×` : `≤ ${formatValue(target.value, unit)}`;

function cell(m: Measured | undefined, unit: Unit): string {
  if (!m) return '—';
  if ('missing' in m) return `— (${m.missing})`;
  const value = figureValue(m);
  return value === null ? '—' : formatValue(value, unit);
}

/** The table's rows as cells: figure, one column per candidate (peers first, ours last), ratio, target, verdict. */
export function comparisonCells(figures: readonly Figure[], candidates: readonly Candidate[]): string[][] {
  const ordered = [...candidates.filter((c) => !c.ours), ...candidates.filter((c) => c.ours)];
  const header = ['figure', ...ordered.map((c) => c.name), 'ratio to best peer', 'target', 'verdict'];
  const rows = figures.map((figure) => {
    const { ratio, verdict } = compare(figure, candidates);
    return [
      figure.label,
      ...ordered.map((c) => cell(figure.values[c.name], figure.unit)),
      ratio === null ? '—' : `${ratio.toFixed(2)}×`,
      formatTarget(figure.target, figure.unit),
      verdict,
    ];
  });
  return [header, ...rows];
}

export function comparisonText(figures: readonly Figure[], candidates: readonly Candidate[]): string {
  const table = comparisonCells(figures, candidates);
  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  const line = (r: string[]) =>
    r
      .map((text, c) => text.padEnd(widths[c]!))
      .join('  ')
      .trimEnd();
  return [line(table[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...table.slice(1).map(line)].join('\n');
}

export function comparisonMarkdown(figures: readonly Figure[], candidates: readonly Candidate[]): string {
  const [header, ...rows] = comparisonCells(figures, candidates);
  const line = (r: string[]) => `| ${r.map((text) => text.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header!), line(header!.map(() => '---')), ...rows.map(line)].join('\n');
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Every figure with each candidate's round medians, so a reader can see how much the rounds agreed. */
export function comparisonJson(
  info: Record<string, unknown>,
  figures: readonly Figure[],
  candidates: readonly Candidate[],
): string {
  return JSON.stringify({
    ...info,
    candidates,
    figures: figures.map((figure) => {
      const { ours, best, ratio, verdict } = compare(figure, candidates);
      const values = Object.fromEntries(
        candidates.map((c): [string, object | null] => {
          const m = figure.values[c.name];
          if (!m) return [c.name, null];
          if ('missing' in m) return [c.name, { median: null, missing: m.missing }];
          const value = figureValue(m);
          return [
            c.name,
            {
              median: value === null ? null : round3(value),
              roundMedians: m.rounds.map((r) => round3(median(r))),
              samples: m.rounds.reduce((n, r) => n + r.length, 0),
            },
          ];
        }),
      );
      return {
        id: figure.id,
        label: figure.label,
        unit: figure.unit,
        values,
        ours: ours === null ? null : round3(ours),
        bestPeer: best && { name: best.name, median: round3(best.value) },
        ratio: ratio === null ? null : round3(ratio),
        target: figure.target ?? null,
        verdict,
      };
    }),
  });
}

/**
 * Splits `--peers DIR…` out of the command line: every argument after `--peers` up to the next option is a
 * directory. `peers` is null when the option is absent, and [] when it names no directory.
 */
export function parsePeerArgs(args: readonly string[]): { peers: string[] | null; rest: string[] } {
  const at = args.indexOf('--peers');
  if (at === -1) return { peers: null, rest: [...args] };
  let end = at + 1;
  while (end < args.length && !args[end]!.startsWith('--')) end++;
  return { peers: args.slice(at + 1, end), rest: [...args.slice(0, at), ...args.slice(end)] };
}

/** Rotates the order each round, so no extension always runs first (or last) in a fresh browser. */
export function roundOrder<T>(items: readonly T[], round: number): T[] {
  const shift = items.length ? round % items.length : 0;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

export interface FigureSpec {
  id: string;
  label: string;
  unit: Unit;
  target?: Target;
  /** Minus the same round's median without any extension. */
  added?: boolean;
}

/** Issue 24's figures with its targets; `related` and `unrelated` name the saved pages used. */
export function figureSpecs(fixtures: { related: string; unrelated: string }): FigureSpec[] {
  const perPage = (label: 'related' | 'unrelated'): FigureSpec[] => {
    const related = label === 'related';
    return [
      {
        id: `script.${label}`,
        label: `content-script CPU time, ${label} page (${fixtures[label]})`,
        unit: 'ms',
        target: { ratio: related ? 1 : 0.8 },
      },
      {
        id: `tasks.${label}`,
        label: `main-thread task time added, ${label} page`,
        unit: 'ms',
        added: true,
        ...(related ? { target: { value: 20 } } : {}),
      },
      { id: `heap.${label}`, label: `JS heap added, ${label} page`, unit: 'bytes', added: true, target: { ratio: 1 } },
      { id: `compile.${label}`, label: `V8 compile, ${label} page`, unit: 'ms' },
      {
        id: `listeners.${label}`,
        label: `event listeners added, ${label} page`,
        unit: 'count',
        added: true,
        ...(related ? { target: { value: 10 } } : {}),
      },
    ];
  };
  return [
    ...perPage('unrelated'),
    ...perPage('related'),
    { id: 'popup.fcp', label: 'popup first contentful paint', unit: 'ms', target: { ratio: 0.8 } },
    { id: 'sidepanel.fcp', label: 'side panel first contentful paint', unit: 'ms', target: { ratio: 0.9 } },
    { id: 'worker.wake', label: 'service-worker wake → script evaluated (cold)', unit: 'ms' },
    {
      id: 'worker.evaluate',
      label: '  of which top-level evaluation (thread time)',
      unit: 'ms',
      target: { ratio: 1.5 },
    },
    { id: 'size.background', label: 'background service worker, raw', unit: 'bytes', target: { value: 120_000 } },
    { id: 'size.package', label: 'package zip (ours without pyodide/)', unit: 'bytes', target: { value: 500_000 } },
  ];
}

/** What a run collected, by figure id, then by candidate name (or BASELINE). */
export interface Collected {
  /** Samples by round. */
  samples: Map<string, Map<string, number[][]>>;
  /** Why a figure has no samples for a candidate (the last reason seen). */
  missing: Map<string, Map<string, string>>;
}

/** The name the browser without any extension goes by in `Collected`. */
export const BASELINE = 'no extension';

export function collect(into: Collected, figure: string, candidate: string, round: number, values: readonly number[]) {
  const byCandidate = into.samples.get(figure) ?? new Map<string, number[][]>();
  into.samples.set(figure, byCandidate);
  const rounds = byCandidate.get(candidate) ?? [];
  byCandidate.set(candidate, rounds);
  (rounds[round] ??= []).push(...values);
}

export function collectMissing(into: Collected, figure: string, candidate: string, reason: string) {
  const byCandidate = into.missing.get(figure) ?? new Map<string, string>();
  into.missing.set(figure, byCandidate);
  byCandidate.set(candidate, reason);
}

/**
 * The table's figures from what was collected. An "added" figure subtracts, round by round, the median of the
 * same round without any extension from each sample; a round without a baseline is left out.
 */
export function assembleFigures(
  specs: readonly FigureSpec[],
  candidates: readonly Candidate[],
  collected: Collected,
): Figure[] {
  return specs.map((spec) => {
    const baseline = collected.samples.get(spec.id)?.get(BASELINE);
    const values: Record<string, Measured> = {};
    for (const candidate of candidates) {
      const rounds = collected.samples.get(spec.id)?.get(candidate.name);
      const why = collected.missing.get(spec.id)?.get(candidate.name);
      if (!rounds?.some((r) => r.length)) {
        values[candidate.name] = { missing: why ?? 'not measured' };
      } else if (!spec.added) {
        values[candidate.name] = { rounds };
      } else if (!baseline?.some((r) => r.length)) {
        values[candidate.name] = { missing: `no baseline (${collected.missing.get(spec.id)?.get(BASELINE) ?? '?'})` };
      } else {
        values[candidate.name] = {
          rounds: rounds.map((r, i) => {
            const base = baseline[i];
            return base?.length ? r.map((x) => x - median(base)) : [];
          }),
        };
      }
    }
    return { id: spec.id, label: spec.label, unit: spec.unit, values, ...(spec.target ? { target: spec.target } : {}) };
  });
}
