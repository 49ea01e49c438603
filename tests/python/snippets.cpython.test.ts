/**
 * Every Python snippet in data/ parses, and every runnable one runs on each CPython this machine has (3.11 as
 * python3, 3.12 and 3.13 through pyenv) under -X dev -W error, printing the snippet's verified output for that
 * version. The cases come from the compiled knowledge (data/generated/), so listing them runs no Python.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { knowledge } from '@/utils/knowledge/all';
import type { Snippet } from '@/utils/knowledge-types';
import { parseAll } from '../../scripts/lib/python';
import {
  cpythonMatrix,
  expectedOutput,
  normaliseOutput,
  runOnCPython,
  versionAtLeast,
  withoutSlowCallbackNotes,
} from './cpython';

const snippets: { name: string; snippet: Snippet }[] = [...knowledge.questions, ...knowledge.practice].flatMap((item) =>
  item.snippets.map((snippet, n) => ({ name: `${item.id}#${n + 1}`, snippet })),
);

describe('python snippets parse', () => {
  // One python3 parses them all, when the tests run (not when they are listed).
  let parseErrors: (string | null)[] = [];
  beforeAll(() => {
    parseErrors = parseAll(snippets.map((s) => s.snippet.code));
  });
  it.each(snippets.map((s, i) => [s.name, i] as const))('%s', (_name, i) => {
    expect(parseErrors[i]).toBeNull();
  });
});

// One block per interpreter, all concurrent: the versions share the machine's interpreter slots.
for (const python of cpythonMatrix()) {
  const runnable = snippets.filter(
    (s) => s.snippet.runnable && (!s.snippet.minPython || versionAtLeast(python.version, s.snippet.minPython)),
  );
  describe.skipIf(!python.path).concurrent(`python snippets run on CPython ${python.version} (${python.note})`, () => {
    it.each(runnable.map((s) => [s.name, s.snippet] as const))('%s', async (_name, snippet) => {
      const result = await runOnCPython(snippet.code, python.path!);
      expect(result.timedOut, 'timed out').toBe(false);
      expect(withoutSlowCallbackNotes(result.stderr)).toBe('');
      expect(result.code).toBe(0);
      const expected = expectedOutput(snippet, python.version);
      if (expected !== undefined) expect(normaliseOutput(result.stdout)).toBe(normaliseOutput(expected));
    });
  });
}

/**
 * Starting a pool's worker processes blocks whichever thread does it; a snippet that lets its first
 * run_in_executor start them stalls its own event loop (and logs a slow callback under -X dev, which the
 * check above forgives on a loaded machine). This prelude makes that a failure whatever the machine's load.
 */
const NO_PROCESS_START_IN_THE_LOOP = `import multiprocessing.process as _mp_process
_start = _mp_process.BaseProcess.start
def _start_off_the_loop(self):
    import asyncio
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return _start(self)
    raise RuntimeError("a worker process was started on the running event loop's thread; start the pool first")
_mp_process.BaseProcess.start = _start_off_the_loop
`;

for (const python of cpythonMatrix()) {
  const pools = snippets.filter(
    (s) =>
      s.snippet.runnable &&
      s.snippet.why === 'processes' &&
      (!s.snippet.minPython || versionAtLeast(python.version, s.snippet.minPython)),
  );
  describe
    .skipIf(!python.path)
    .concurrent(`process pools start before the loop runs, on CPython ${python.version}`, () => {
      it.each(pools.map((s) => [s.name, s.snippet] as const))('%s', async (_name, snippet) => {
        const result = await runOnCPython(NO_PROCESS_START_IN_THE_LOOP + snippet.code, python.path!);
        expect(result.stderr).not.toMatch(/started on the running event loop's thread/);
        expect(result.code).toBe(0);
      });
    });
}
