/**
 * The knowledge base's snippets are correct code: the linter must stay quiet on them, except on the ones
 * written wrong on purpose (`bad`), where it should have something to say.
 */
import { describe, expect, it } from 'vitest';
import { knowledge } from '@/utils/knowledge/all';
import { lintPython } from '@/utils/lint';

const snippets = [...knowledge.questions, ...knowledge.practice].flatMap((item) =>
  item.snippets.map((snippet, n) => ({ name: `${item.id}#${n + 1}`, snippet })),
);

describe('linter on the knowledge base', () => {
  const good = snippets.filter((s) => !s.snippet.bad);
  const bad = snippets.filter((s) => s.snippet.bad);

  it.each(good.map((s) => [s.name, s.snippet.code] as const))('%s (correct code) has no findings', (_name, code) => {
    const findings = lintPython(code).map((f) => `${f.line}:${f.col} ${f.rule} ${f.message}`);
    expect(findings).toEqual([]);
  });

  // Most "bad" snippets show mistakes no linter can see (races, deadlocks, swallowed cancellation); these
  // show exactly what a rule is for.
  it.each([
    ['blocking-db-http-clients#1', 'blocking-http'],
    ['time-sleep-vs-asyncio-sleep#1', 'blocking-sleep'],
    ['what-blocks-the-loop#1', 'blocking-sleep'],
    ['debug-mode#1', 'blocking-sleep'],
    ['never-awaited-warning#1', 'never-awaited'],
    ['asyncio-run-vs-await#1', 'asyncio-run-in-coroutine'],
  ])('%s (wrong on purpose) is flagged with %s', (name, rule) => {
    const item = bad.find((s) => s.name === name);
    expect(item, name).toBeDefined();
    expect(lintPython(item!.snippet.code).map((f) => f.rule)).toContain(rule);
  });
});
