/** The knowledge module and its compile path: what triggers a recompile, when output is written or kept. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Wxt } from 'wxt';
import type { Knowledge } from '@/utils/knowledge-types';
import knowledgeModule, { serialRecompiles } from '@/modules/knowledge';
import { COMPILER_SOURCES, generateData, hiddenFromDevServer, shouldRecompile } from '../../scripts/lib/generate-data';

const ROOT = join(__dirname, '../..');
const CONCEPTS = `- id: gather\n  name: gather\n  definition: Runs things.\n`;
const CARD = `---\nid: sample-card\nquestion: Why?\nshort: Because.\nconcepts: [gather]\ndifficulty: easy\nlevel: 1\nkeywords: [a, b]\n---\nSome text.\n\n\`\`\`python run\nprint(1)\n\`\`\`\n`;
const BAD_CARD = CARD.replace('difficulty: easy', 'difficulty: trivial');

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project root with a one-card data/ folder. */
function project(card = CARD): { root: string; data: string; cardFile: string } {
  const root = mkdtempSync(join(tmpdir(), 'awaitwise-data-'));
  dirs.push(root);
  const data = join(root, 'data');
  mkdirSync(join(data, 'questions'), { recursive: true });
  writeFileSync(join(data, 'concepts.yaml'), CONCEPTS);
  const cardFile = join(data, 'questions/sample-card.md');
  writeFileSync(cardFile, card);
  return { root, data, cardFile };
}

describe('shouldRecompile', () => {
  it.each([
    ['data/questions/gather-basics.md', true],
    ['data/practice/print-in-order.md', true],
    ['data/quizzes/quiz-gather-result-order.md', true],
    ['data/concepts.yaml', true],
    ['scripts/lib/compile-knowledge.ts', true],
    ['utils/highlight.ts', true],
    // Its own output: recompiling on it would loop.
    ['data/generated/knowledge.json', false],
    ['data/generated/detect-index.json', false],
    // Not read by compileDataDir.
    ['data/README.md', false],
    ['data/questions/drafts/idea.md', false],
    ['data/questions/notes.txt', false],
    ['utils/knowledge/index.ts', false],
    ['entrypoints/popup/App.tsx', false],
  ])('%s → %s', (path, expected) => {
    expect(shouldRecompile(path, ROOT)).toBe(expected);
    expect(shouldRecompile(join(ROOT, path), ROOT)).toBe(expected);
  });

  it('lists exactly the files the compile imports (values, not types), so an edit to any of them recompiles', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const [, spec] of text.matchAll(/^import (?!type )[^;]*?from '(\.{1,2}\/[^']+)';/gm)) {
        const target = join(dirname(file), spec!);
        visit(existsSync(join(ROOT, `${target}.ts`)) ? `${target}.ts` : target);
      }
    };
    visit('scripts/build-data.ts');
    expect([...seen].sort()).toEqual([...COMPILER_SOURCES].sort());
  });
});

describe('hiddenFromDevServer', () => {
  // WXT's watcher handles only the first change of a burst: it must see detect-index.json, not the card.
  it.each([
    ['data/questions/gather-basics.md', true],
    ['data/concepts.yaml', true],
    ['data/generated/detect-index.json.1234.tmp', true],
    ['data/generated/items/question/gather-basics.ts.1234.tmp', true],
    ['data/generated/detect-index.json', false],
    ['data/generated/knowledge.json', false],
    ['scripts/lib/compile-knowledge.ts', false],
    ['utils/highlight.ts', false],
    ['entrypoints/background/index.ts', false],
  ])('%s → %s', (path, expected) => {
    expect(hiddenFromDevServer(join(ROOT, path), ROOT)).toBe(expected);
  });
});

describe('generateData', () => {
  it('writes the index, the whole and the sharded knowledge base, then rewrites nothing when nothing changed', () => {
    const { data } = project();
    const first = generateData(data);
    // The index first (see generateData).
    expect(first).toMatchObject({
      ok: true,
      written: [
        join(data, 'generated/detect-index.json'),
        join(data, 'generated/knowledge.json'),
        join(data, 'generated/items/question/sample-card.ts'),
        join(data, 'generated/catalogue.ts'),
        join(data, 'generated/summaries.ts'),
        join(data, 'generated/item-loaders.ts'),
        join(data, 'generated/knowledge.ts'),
      ],
    });
    expect(readFileSync(join(data, 'generated/item-loaders.ts'), 'utf8')).toContain(
      `"sample-card": () => import('./items/question/sample-card'),`,
    );
    const written = JSON.parse(readFileSync(join(data, 'generated/knowledge.json'), 'utf8')) as Knowledge;
    expect(written.questions[0]!.id).toBe('sample-card');
    expect(generateData(data)).toMatchObject({ ok: true, written: [] });
  });

  it('removes the module of an item that left data/', () => {
    const { data, cardFile } = project();
    generateData(data);
    const stale = join(data, 'generated/items/question/sample-card.ts');
    expect(existsSync(stale)).toBe(true);
    writeFileSync(cardFile.replace('sample-card', 'other-card'), readFileSync(cardFile, 'utf8').replace('sample-card', 'other-card'));
    rmSync(cardFile);
    expect(generateData(data)).toMatchObject({ ok: true });
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(join(data, 'generated/items/question/other-card.ts'))).toBe(true);
  });

  it('on a bad card writes nothing and keeps the last good output', () => {
    const { data, cardFile } = project();
    generateData(data);
    const good = readFileSync(join(data, 'generated/knowledge.json'), 'utf8');
    writeFileSync(cardFile, BAD_CARD);
    const result = generateData(data);
    expect(result).toMatchObject({ ok: false, kept: true });
    expect(!result.ok && result.errors).toEqual([expect.stringMatching(/^questions\/sample-card\.md:6: difficulty: /)]);
    expect(readFileSync(join(data, 'generated/knowledge.json'), 'utf8')).toBe(good);
    writeFileSync(cardFile, CARD.replace('Because.', 'Because, fixed.'));
    expect(generateData(data)).toMatchObject({ ok: true });
    expect(readFileSync(join(data, 'generated/knowledge.json'), 'utf8')).toContain('Because, fixed.');
  });

  it('says when there is no earlier output to keep', () => {
    const { data } = project(BAD_CARD);
    expect(generateData(data)).toMatchObject({ ok: false, kept: false });
    expect(existsSync(join(data, 'generated'))).toBe(false);
  });
});

describe('the knowledge module', () => {
  /** Runs the module's `ready` hook as WXT would, for `command`. */
  function ready(root: string, command: 'build' | 'serve') {
    const hooks = new Map<string, (...args: unknown[]) => unknown>();
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const wxt = {
      config: { root, command },
      logger,
      hook: (name: string, fn: (...args: unknown[]) => unknown) => hooks.set(name, fn),
    } as unknown as Wxt;
    // Our setup registers its hooks synchronously; WXT's type allows a promise, which it does not return.
    void knowledgeModule.setup!(wxt, undefined);
    return { run: () => hooks.get('ready')!(wxt), logger };
  }

  it('compiles data/ when WXT starts', () => {
    const { root, data } = project();
    ready(root, 'build').run();
    expect(existsSync(join(data, 'generated/knowledge.json'))).toBe(true);
  });

  it('fails a build on a bad card, naming the file and line', () => {
    const { root } = project(BAD_CARD);
    expect(() => ready(root, 'build').run()).toThrow(/data\/questions\/sample-card\.md:6: difficulty: /);
  });

  it('in dev (and vitest) reports a bad card and keeps the last good output', () => {
    const { root, data, cardFile } = project();
    generateData(data);
    const good = readFileSync(join(data, 'generated/knowledge.json'), 'utf8');
    writeFileSync(cardFile, BAD_CARD);
    const { run, logger } = ready(root, 'serve');
    expect(run).not.toThrow();
    expect(logger.error).toHaveBeenCalledWith(expect.stringMatching(/sample-card\.md:6:[^]*Keeping the last good/));
    expect(readFileSync(join(data, 'generated/knowledge.json'), 'utf8')).toBe(good);
  });
});

describe('serialRecompiles', () => {
  afterEach(() => vi.useRealTimers());

  it('coalesces a burst of changes into one run, and a change during a run into exactly one more', async () => {
    vi.useFakeTimers();
    let running = 0;
    let overlapped = false;
    const finishers: (() => void)[] = [];
    const compile = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          running++;
          overlapped ||= running > 1;
          finishers.push(() => {
            running--;
            resolve();
          });
        }),
    );
    const recompiles = serialRecompiles(compile, 100);
    recompiles.changed();
    recompiles.changed();
    await vi.advanceTimersByTimeAsync(99);
    expect(compile).toHaveBeenCalledTimes(0);
    recompiles.changed();
    await vi.advanceTimersByTimeAsync(100);
    expect(compile).toHaveBeenCalledTimes(1);
    // Three saves while the first compile runs: one more compile, after it.
    for (let i = 0; i < 3; i++) {
      recompiles.changed();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(compile).toHaveBeenCalledTimes(1);
    finishers.shift()!();
    await vi.advanceTimersByTimeAsync(0);
    expect(compile).toHaveBeenCalledTimes(2);
    finishers.shift()!();
    await vi.advanceTimersByTimeAsync(1000);
    expect(compile).toHaveBeenCalledTimes(2);
    expect(overlapped).toBe(false);
  });
});
