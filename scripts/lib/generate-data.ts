/**
 * The one compile path for data/: the WXT knowledge module (build, dev, vitest, prepare) and
 * `scripts/build-data.ts` all call generateData(). It writes data/generated/: detect-index.json (the
 * background's compact detection index), the sharded knowledge base the extension pages load
 * (scripts/lib/knowledge-shards.ts) and knowledge.json (the whole of it, for the command-line tools).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { DetectIndex } from '../../utils/detect/compact';
import type { Knowledge } from '../../utils/knowledge-types';
import { compileDataDir, ITEM_FOLDERS } from './read-data';
import { knowledgeShards } from './knowledge-shards';

/** What detection and the page view need: concept names, card titles, practice matches and hints. */
export function compactIndex(kb: Knowledge | DetectIndex): DetectIndex {
  return {
    concepts: kb.concepts.map(({ id, name }) => ({ id, name })),
    questions: kb.questions.map(({ id, question, short, concepts, level, difficulty }) => ({
      id,
      question,
      short,
      concepts,
      level,
      difficulty,
    })),
    practice: kb.practice.map((p) => ({
      id: p.id,
      title: p.title,
      concepts: p.concepts,
      matches: p.matches,
      cards: p.cards,
      hints: p.hints,
      tests: typeof p.tests === 'string' ? countTests(p.tests) : p.tests,
    })),
  };
}

/** The suite's tests as the harness finds them: module-level functions named test_* (utils/python/harness.py). */
export function countTests(suite: string): number {
  return suite.match(/^(?:async[ \t]+)?def[ \t]+test_\w*[ \t]*\(/gm)?.length ?? 0;
}

export type GenerateResult =
  { ok: true; summary: string; written: string[] } | { ok: false; errors: string[]; kept: boolean };

/**
 * Compiles `dataDir` and writes its generated/ folder. On any error nothing is written, so the last good
 * output stays in place (the dev server keeps running on it; `kept` says whether there is one). A file is
 * rewritten only when its content changes, so an unchanged compile triggers no rebuild or reload.
 */
export function generateData(dataDir: string): GenerateResult {
  const out = join(dataDir, 'generated');
  const { knowledge, errors } = compileDataDir(dataDir);
  if (errors.length) return { ok: false, errors, kept: existsSync(join(out, 'knowledge.json')) };
  mkdirSync(out, { recursive: true });
  const json = JSON.stringify(knowledge);
  // The index first: in dev only its change needs WXT's watcher (to rebuild the background), and that
  // watcher handles only the first file of a burst; the pages get knowledge.json through Vite's HMR.
  const shards = knowledgeShards(knowledge);
  const written = [
    writeIfChanged(join(out, 'detect-index.json'), JSON.stringify(compactIndex(knowledge))),
    writeIfChanged(join(out, 'knowledge.json'), json),
    ...shards.map((shard) => {
      const file = join(out, shard.path);
      mkdirSync(dirname(file), { recursive: true });
      return writeIfChanged(file, shard.text);
    }),
  ].filter((f): f is string => f !== undefined);
  removeStaleItems(out, new Set(shards.map((shard) => join(out, shard.path))));
  const summary =
    `${knowledge.questions.length} questions, ${knowledge.practice.length} practice problems, ` +
    `${knowledge.quizzes?.length ?? 0} quizzes, ${knowledge.concepts.length} concepts → ` +
    `data/generated/knowledge.json (${(json.length / 1024).toFixed(0)} KiB)`;
  return { ok: true, summary, written };
}

/** An item removed from data/ leaves no module behind (tsc and the build would still see it). */
function removeStaleItems(out: string, keep: ReadonlySet<string>): void {
  const items = join(out, 'items');
  if (!existsSync(items)) return;
  for (const kind of readdirSync(items)) {
    for (const name of readdirSync(join(items, kind))) {
      const file = join(items, kind, name);
      if (!keep.has(file)) rmSync(file);
    }
  }
}

/** One error a line, each starting `data/<file>:<line>:` so a terminal or editor can open the spot. */
export function formatErrors(errors: readonly string[]): string {
  return `data/ has ${errors.length} problem(s):\n${errors.map((e) => `  data/${e}`).join('\n')}`;
}

/** Writes through a temporary file and a rename, so a build or test reading at that moment never sees half a file. */
function writeIfChanged(file: string, text: string): string | undefined {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return undefined;
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
  return file;
}

/** The code that turns data/ into data/generated/: a change here changes the output too. */
export const COMPILER_SOURCES = [
  'scripts/build-data.ts',
  'scripts/lib/generate-data.ts',
  'scripts/lib/read-data.ts',
  'scripts/lib/compile-knowledge.ts',
  'scripts/lib/knowledge-shards.ts',
  'scripts/lib/item-source.ts',
  'utils/highlight.ts',
] as const;

const projectPath = (file: string, root: string) =>
  (isAbsolute(file) ? relative(root, file) : file).split(sep).join('/');

/** What compileDataDir reads: the vocabulary and the Markdown items directly in their three folders. */
const isDataSource = (path: string) =>
  path === 'data/concepts.yaml' ||
  ITEM_FOLDERS.some(
    (folder) => path.startsWith(`data/${folder}/`) && /^[^/]+\.md$/.test(path.slice(folder.length + 6)),
  );

/**
 * Whether a changed file (absolute, or relative to `root`) can change the generated data: a data source or
 * one of the compiler's own files. Never data/generated/ itself, which would loop.
 */
export function shouldRecompile(file: string, root: string): boolean {
  const path = projectPath(file, root);
  return isDataSource(path) || (COMPILER_SOURCES as readonly string[]).includes(path);
}

/**
 * Files WXT's dev watcher must not see: the data sources (the module watches them itself) and our
 * temporary files. WXT 0.21 handles only the first change of a burst (a leading-edge debounce that also
 * drops changes while one is being handled, core/create-server.ts), so a card save or a .tmp reaching it
 * first would hide the detect-index.json change that has to rebuild the background.
 */
export function hiddenFromDevServer(file: string, root: string): boolean {
  const path = projectPath(file, root);
  return isDataSource(path) || /^data\/generated\/.+\.tmp$/.test(path);
}
