/** The benchmark's rows, their verdicts, and the three ways they are written: text table, Markdown, JSON. */
import type { FileSize } from './bench-sizes';
import type { Summary, Unit } from './bench-stats';

export interface Row {
  /** Stable key for the JSON output and for comparing runs. */
  id: string;
  measure: string;
  unit: Unit;
  /** null when the measurement could not be taken; `note` says why. */
  summary: Summary | null;
  /** Upper bound the median must not exceed, in `unit`. */
  budget?: number;
  environment: string;
  note?: string;
}

export type Verdict = 'pass' | 'MISSED' | '—' | 'not measured';

export function verdict(row: Row): Verdict {
  if (!row.summary) return 'not measured';
  if (row.budget === undefined) return '—';
  return row.summary.median <= row.budget ? 'pass' : 'MISSED';
}

/** A planned measurement that failed: it stays in the table, with the reason. */
export function notMeasured(row: Omit<Row, 'summary' | 'note'>, error: unknown): Row {
  const message = error instanceof Error ? error.message : String(error);
  return { ...row, summary: null, note: message.split('\n')[0] };
}

/** Runs a measurement; if it throws, its planned rows are kept as "not measured" with the reason. */
export async function attempt(
  planned: Omit<Row, 'summary' | 'note'>[],
  measure: () => Row[] | Promise<Row[]>,
): Promise<Row[]> {
  try {
    return await measure();
  } catch (error) {
    return planned.map((row) => notMeasured(row, error));
  }
}

export interface RunInfo {
  date: string;
  command: string;
  node: string;
  chromium: string;
  machine: string;
}

/** The lines under a results file's title that say when, how and where it was measured. */
export function runInfoLines(info: RunInfo): string[] {
  return [
    `- Date: ${info.date}`,
    `- Command: \`${info.command}\``,
    `- Node: ${info.node}`,
    `- Chromium: ${info.chromium}`,
    `- Machine: ${info.machine}`,
  ];
}

function formatValue(value: number, unit: Unit): string {
  if (unit === 'bytes') return value < 1000 ? `${value} B` : `${(value / 1000).toFixed(1)} kB`;
  if (unit === 'count') return String(Math.round(value));
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : value >= 1 ? 2 : 3;
  return `${value.toFixed(digits)} ms`;
}

function cells(row: Row): string[] {
  const s = row.summary;
  const v = verdict(row);
  return [
    row.measure,
    s ? formatValue(s.median, row.unit) : '—',
    s && s.n > 1 ? `${formatValue(s.p10, row.unit)} – ${formatValue(s.p90, row.unit)}` : '—',
    s ? String(s.n) : '—',
    row.budget === undefined ? '—' : `≤ ${formatValue(row.budget, row.unit)}`,
    v === 'not measured' && row.note ? `not measured: ${row.note}` : v,
    row.environment,
  ];
}

const HEADER = ['measure', 'median', 'spread (p10 – p90)', 'n', 'budget', 'verdict', 'environment'];

export function textTable(rows: readonly Row[]): string {
  const table = [HEADER, ...rows.map(cells)];
  const widths = HEADER.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join('  ')
      .trimEnd();
  return [line(table[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...table.slice(1).map(line)].join('\n');
}

const escapeCell = (cell: string) => cell.replace(/\|/g, '\\|');

export function markdownTable(rows: readonly Row[]): string {
  const line = (r: string[]) => `| ${r.map(escapeCell).join(' | ')} |`;
  return [line(HEADER), line(HEADER.map(() => '---')), ...rows.map((r) => line(cells(r)))].join('\n');
}

export function missedBudgets(rows: readonly Row[]): Row[] {
  return rows.filter((r) => verdict(r) === 'MISSED');
}

/** Microsecond precision is all a millisecond timing on a shared machine can claim. */
function rounded(summary: Summary): Summary {
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    median: round(summary.median),
    p10: round(summary.p10),
    p90: round(summary.p90),
    min: round(summary.min),
    max: round(summary.max),
    n: summary.n,
  };
}

export function jsonReport(info: RunInfo, rows: readonly Row[], extra: Record<string, unknown>): string {
  return JSON.stringify({
    ...info,
    results: rows.map((r) => ({
      id: r.id,
      measure: r.measure,
      unit: r.unit,
      ...(r.summary ? rounded(r.summary) : { median: null }),
      budget: r.budget ?? null,
      verdict: verdict(r),
      environment: r.environment,
      ...(r.note ? { note: r.note } : {}),
    })),
    ...extra,
  });
}

/** How each figure is taken; printed under the table so a reader can judge the numbers. */
export const METHOD = [
  'Verdicts compare the **median** with the budget. Spread is the 10th–90th percentile of all samples (min and max are in `--json`).',
  'Sizes: every file of `.output/chrome-mv3`, gzip level 9 per file. A page’s size is its HTML plus the scripts, preloaded chunks and stylesheets it loads before rendering, following static imports; lazy `import()` chunks are not counted. The content-script budget applies to all the scripts injected into every matched problem page.',
  'Content-script main-thread time: one Chromium trace per page load (devtools.timeline + V8 CPU profiler). The scripts’ stretches are the union of their own trace events (EvaluateScript, v8.compile, v8.run, FunctionCall, which include the native work they trigger, such as forced layout) and of the CPU-profile samples with one of their frames on the stack (promise continuations after each `await`). The budgeted figure is thread CPU time: each stretch weighted by the `tdur`/`dur` ratio of the top-level task it falls in, so time the OS gave to other processes does not count; the wall-clock union is shown below it. Tracing and sampling add some overhead. Related page: until the overlay host exists plus 1.5 s; unrelated: load plus 2 s. One warm-up load, then the timed loads, each in a new tab.',
  'DOM elements added: elements in the document including shadow roots (open or closed; not user-agent ones), counted with CDP `DOM.getDocument({ pierce: true })`, with the extension minus the same page in a Chromium without it.',
  'detect: each snapshot of tests/fixtures/detect-corpus.json, round-robin, after two warm-up rounds. Search: each query of tests/fixtures/search-queries.json on `createSearchIndex(searchDocuments(knowledge))`; the synthetic corpus copies real documents’ field lengths with words drawn from the real cards (seeded).',
  'First render: `first-contentful-paint` of the extension page opened in a tab (start time = since navigation start), one warm-up then the timed opens.',
  'Due queue and rate-to-next: `seedForBench` (10,000 cards, 100,000 review logs), `dueQueue` with the default settings at a fixed afternoon; rate-to-next = `rate` the first due card Good, then `dueQueue` again for the next card. The Node rows run on fake-indexeddb (an in-memory JavaScript implementation); the Chromium rows run the same code, bundled with Vite, on the browser’s own IndexedDB in a page, which is what the extension uses.',
  'All figures are wall-clock or trace time on a shared machine: compare runs taken at a similar load average.',
];

export function resultsMarkdown(info: RunInfo, rows: readonly Row[], files: readonly FileSize[]): string {
  const missed = missedBudgets(rows);
  const notes = rows.filter((r) => r.note && r.summary).map((r) => `- ${r.measure.trim()}: ${r.note}`);
  const failed = rows.filter((r) => !r.summary).map((r) => `- ${r.measure.trim()}: ${r.note ?? 'no figure'}`);
  return [
    '# Benchmark results',
    '',
    'Written by `scripts/bench.ts` on every run (`npm run bench`); commit it with the change it measures.',
    '',
    ...runInfoLines(info),
    '',
    markdownTable(rows),
    '',
    missed.length === 0
      ? 'Budgets missed: none.'
      : `**Budgets missed (${missed.length}):** ${missed.map((r) => r.measure.trim()).join('; ')}.`,
    ...(failed.length ? ['', '**Not measured:**', ...failed] : []),
    ...(notes.length ? ['', '## Notes', '', ...notes] : []),
    '',
    '## Method',
    '',
    ...METHOD.map((m) => `- ${m}`),
    '',
    '## Output files',
    '',
    '| file | raw | gzip |',
    '| --- | --- | --- |',
    ...files.map((f) => `| ${f.path} | ${f.raw.toLocaleString('en')} B | ${f.gzip.toLocaleString('en')} B |`),
    '',
  ].join('\n');
}
