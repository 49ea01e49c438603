/** The command-line contracts other tools rely on: JSON only on stdout, exit 0, the documented shapes. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (script: string, ...args: string[]): unknown =>
  JSON.parse(
    execFileSync('npx', ['tsx', `scripts/${script}.ts`, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );

describe('command-line contracts', () => {
  it('cards --json prints every item with id, kind, question, answer, snippets, topics, hints', () => {
    const items = run('cards', '--json') as Record<string, unknown>[];
    expect(items.filter((i) => i.kind === 'question').length).toBeGreaterThanOrEqual(60);
    expect(items.filter((i) => i.kind === 'practice').length).toBeGreaterThanOrEqual(12);
    for (const item of items) {
      expect(Object.keys(item)).toEqual(
        expect.arrayContaining(['id', 'kind', 'question', 'answer', 'snippets', 'topics', 'hints']),
      );
      for (const s of item.snippets as { code: unknown; runnable: unknown }[]) {
        expect(typeof s.code).toBe('string');
        expect(typeof s.runnable).toBe('boolean');
      }
    }
    expect((items.find((i) => i.kind === 'practice')!.hints as string[]).length).toBe(3);
  }, 60_000);

  it('search --json prints at least five results, best first', () => {
    const hits = run('search', '--json', 'limit concurrency') as { id: string; question: string; score: number }[];
    expect(hits.length).toBeGreaterThanOrEqual(5);
    expect(hits[0]!.id).toBe('semaphore-limit-concurrency');
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
  }, 60_000);

  it('detect --json reads a saved page with its URL and prints the detection', () => {
    const result = run(
      'detect',
      '--json',
      'tests/fixtures/sites/leetcode-print-in-order.html',
      '--url',
      'https://leetcode.com/problems/print-in-order/',
    ) as Record<string, unknown>;
    expect(Object.keys(result).sort()).toEqual(['cardIds', 'concepts', 'relevant', 'score']);
    expect(result.relevant).toBe(true);
    const unrelated = run(
      'detect',
      '--json',
      'tests/fixtures/sites/leetcode-two-sum.html',
      '--url',
      'https://leetcode.com/problems/two-sum/',
    ) as Record<string, unknown>;
    expect(unrelated.relevant).toBe(false);
  }, 60_000);
});
