/**
 * The benchmark's Node half: detect, search, the linter, and the study queue on fake-indexeddb.
 * Imported only after the build step, because '@/utils/knowledge' reads the freshly generated data.
 */
// Must come first: Dexie looks for indexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detect, type DetectInput } from '@/utils/detect';
import { knowledge } from '@/utils/knowledge/all';
import { lintPython, lintSteps } from '@/utils/lint';
import { generateLintBenchmarkSource } from './bench-source';
import { createSearchIndex, searchDocuments, type SearchIndex } from '@/utils/search';
import { attempt, type Row } from './bench-report';
import { runSrsBench, SRS_DECK, srsRows } from './bench-srs';
import { summarize, timeEach, timeSync } from './bench-stats';
import { syntheticSearchDocuments } from './bench-synthetic';

const SYNTHETIC_CARDS = 10_000;
const SYNTHETIC_LABEL = `${SYNTHETIC_CARDS.toLocaleString('en')} synthetic cards`;
const LINT_LINES = 300;

export interface NodeBenchOptions {
  root: string;
  /** Repetitions: rounds over every input for the fast measures, samples for the slow ones. */
  rounds: number;
  log: (message: string) => void;
}

function readJsonArray<T>(path: string, check: (item: unknown) => boolean): T[] {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every(check)) {
    throw new Error(`${path}: expected a non-empty array of the documented shape`);
  }
  return parsed as T[];
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

export async function runNodeBench({ root, rounds, log }: NodeBenchOptions): Promise<Row[]> {
  const env = `Node ${process.version}`;
  const rows: Row[] = [];

  log('node: detect');
  rows.push(
    ...(await attempt(
      [{ id: 'detect', measure: 'detect, per page snapshot', unit: 'ms', budget: 1, environment: env }],
      () => {
        const corpus = readJsonArray<DetectInput>(
          join(root, 'tests/fixtures/detect-corpus.json'),
          (x) => isObject(x) && typeof x.title === 'string',
        );
        const times = timeEach(corpus, (snapshot) => detect(snapshot, knowledge), rounds);
        return [
          {
            id: 'detect',
            measure: `detect, per page snapshot (${corpus.length} snapshots)`,
            unit: 'ms',
            summary: summarize(times),
            budget: 1,
            environment: env,
          },
        ];
      },
    )),
  );

  log('node: search on the bundled data');
  const queries = readJsonArray<{ q: string }>(
    join(root, 'tests/fixtures/search-queries.json'),
    (x) => isObject(x) && typeof x.q === 'string',
  ).map((x) => x.q);
  const realDocs = searchDocuments(knowledge);
  rows.push(
    ...(await attempt(
      [
        { id: 'search.bundled', measure: 'search, per query, bundled data', unit: 'ms', budget: 1, environment: env },
        { id: 'search.bundled.index', measure: 'search index build, bundled data', unit: 'ms', environment: env },
      ],
      () => {
        const build = timeSync(() => createSearchIndex(realDocs), rounds, 3);
        const index = createSearchIndex(realDocs);
        const times = timeEach(queries, (q) => index.search(q), rounds);
        return [
          {
            id: 'search.bundled',
            measure: `search, per query, bundled data (${realDocs.length} docs, ${queries.length} queries)`,
            unit: 'ms',
            summary: summarize(times),
            budget: 1,
            environment: env,
          },
          {
            id: 'search.bundled.index',
            measure: 'search index build, bundled data',
            unit: 'ms',
            summary: summarize(build),
            environment: env,
          },
        ];
      },
    )),
  );

  log(`node: search on ${SYNTHETIC_LABEL}`);
  rows.push(
    ...(await attempt(
      [
        {
          id: 'search.synthetic',
          measure: `search, per query, ${SYNTHETIC_LABEL}`,
          unit: 'ms',
          budget: 20,
          environment: env,
        },
        {
          id: 'search.synthetic.index',
          measure: `search index build, ${SYNTHETIC_LABEL}`,
          unit: 'ms',
          environment: env,
        },
      ],
      () => {
        const docs = syntheticSearchDocuments(realDocs, SYNTHETIC_CARDS);
        // A build takes seconds: no warm-up, and the last index built is the one queried.
        const latest: SearchIndex[] = [];
        const build = timeSync(() => (latest[0] = createSearchIndex(docs)), 3, 0);
        const index = latest[0]!;
        for (const q of queries.slice(0, 5)) index.search(q);
        const times = timeEach(queries, (q) => index.search(q), 2, 0);
        return [
          {
            id: 'search.synthetic',
            measure: `search, per query, ${SYNTHETIC_LABEL}`,
            unit: 'ms',
            summary: summarize(times),
            budget: 20,
            environment: env,
          },
          {
            id: 'search.synthetic.index',
            measure: `search index build, ${SYNTHETIC_LABEL}`,
            unit: 'ms',
            summary: summarize(build),
            environment: env,
          },
        ];
      },
    )),
  );

  log(`node: linter on a ${LINT_LINES}-line file`);
  rows.push(
    ...(await attempt(
      [{ id: 'lint', measure: `linter, ${LINT_LINES}-line file`, unit: 'ms', environment: env }],
      () => {
        const source = generateLintBenchmarkSource(LINT_LINES);
        const lines = source.split('\n').length;
        const times = timeSync(() => lintPython(source), rounds, 10);
        // The overlay lints in idle slices between steps: the longest step bounds a slice. Each step's time is
        // its median over the rounds, so a step the OS happened to interrupt does not count as a long one.
        const perStep: number[][] = [];
        for (let r = 0; r < rounds; r++) {
          const steps = lintSteps(source);
          for (let i = 0; ; i++) {
            const start = performance.now();
            const step = steps.next();
            (perStep[i] ??= []).push(performance.now() - start);
            if (step.done) break;
          }
        }
        const stepMedians = perStep.map((times) => [...times].sort((a, b) => a - b)[times.length >> 1] ?? 0);
        const longest = [Math.max(...stepMedians)];
        return [
          {
            id: 'lint',
            measure: `linter, ${lines}-line file`,
            unit: 'ms',
            summary: summarize(times),
            environment: env,
          },
          {
            id: 'lint.step',
            measure: `  its longest step, median over the rounds (the overlay runs steps in idle slices of ≤ 5 ms)`,
            unit: 'ms',
            summary: summarize(longest),
            environment: env,
            budget: 5,
          },
        ];
      },
    )),
  );

  log(`node: due queue and rate-to-next on fake-indexeddb (${SRS_DECK.cards} cards, ${SRS_DECK.logs} logs)`);
  rows.push(
    ...(await srsRows('fake-indexeddb', `${env}, fake-indexeddb`, 'node', () =>
      runSrsBench({ ...SRS_DECK, samples: Math.max(5, Math.ceil(rounds / 3)) }),
    )),
  );
  return rows;
}
