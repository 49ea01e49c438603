/** Every Python snippet in data/ is parsed; every runnable one is run and its output compared. */
import { describe, expect, it } from 'vitest';
import { compileDataDir } from '../../scripts/lib/read-data';
import { normaliseOutput, parseAll, pythonVersion, runSnippet, versionAtLeast } from '../../scripts/lib/python';

const { knowledge } = compileDataDir();

/**
 * -X dev turns on asyncio's debug mode, which logs "Executing <Task ...> took 0.13 seconds" whenever a step
 * is slow; on a loaded two-core CI machine that says nothing about the snippet. Every other line counts.
 */
function withoutSlowCallbackNotes(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !/^Executing <.+> took \d+\.\d+ seconds$/.test(line))
    .join('\n')
    .trim();
}
const items = [...knowledge.questions, ...knowledge.practice];
const snippets = items.flatMap((item) => item.snippets.map((snippet, n) => ({ name: `${item.id}#${n + 1}`, snippet })));
const python = pythonVersion();
const parseErrors = parseAll(snippets.map((s) => s.snippet.code));

describe('python snippets parse', () => {
  it.each(snippets.map((s, i) => [s.name, i] as const))('%s', (_name, i) => {
    expect(parseErrors[i]).toBeNull();
  });
});

const runnable = snippets.filter(
  (s) => s.snippet.runnable && (!s.snippet.minPython || versionAtLeast(python, s.snippet.minPython)),
);

describe.concurrent('python snippets run under -X dev -W error', () => {
  it.each(runnable.map((s) => [s.name, s.snippet] as const))('%s', async (_name, snippet) => {
    const result = await runSnippet(snippet.code);
    expect(result.timedOut, 'timed out').toBe(false);
    expect(withoutSlowCallbackNotes(result.stderr)).toBe('');
    expect(result.code).toBe(0);
    if (snippet.output !== undefined) expect(normaliseOutput(result.stdout)).toBe(normaliseOutput(snippet.output));
  });
});
