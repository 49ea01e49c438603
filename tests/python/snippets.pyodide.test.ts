/**
 * Every snippet that declares the browser runs in the extension's own runtime (Pyodide, under Node through the
 * same client and engine as the side panel) and prints its verified output for that CPython version.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { knowledge } from '@/utils/knowledge/all';
import { nodePythonClient } from '../../scripts/lib/pyodide-node';
import { expectedOutput, normaliseOutput, PYODIDE_VERSION } from './cpython';

const snippets = [...knowledge.questions, ...knowledge.practice].flatMap((item) =>
  item.snippets.map((snippet, n) => ({ name: `${item.id}#${n + 1}`, snippet })),
);
const inBrowser = snippets.filter((s) => s.snippet.runsIn.includes('browser'));

describe(`python snippets run in the browser runtime (Pyodide, CPython ${PYODIDE_VERSION})`, () => {
  const client = nodePythonClient();
  afterAll(() => client.dispose());
  it('covers most runnable snippets', () => {
    expect(inBrowser.length).toBeGreaterThan(snippets.filter((s) => s.snippet.runnable).length / 2);
  });
  it.each(inBrowser.map((s) => [s.name, s.snippet] as const))('%s', async (_name, snippet) => {
    const result = await client.run(snippet.code, { timeLimitMs: 20_000 });
    expect(result.error).toBeNull();
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const expected = expectedOutput(snippet, PYODIDE_VERSION);
    if (expected !== undefined) expect(normaliseOutput(result.stdout)).toBe(normaliseOutput(expected));
  });
});
