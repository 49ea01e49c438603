/**
 * Every Python snippet in data/ is parsed; every runnable one is run on each CPython this machine has
 * (3.11 as python3, 3.12 and 3.13 through pyenv) under -X dev -W error, and every one that declares the
 * browser is run in the extension's own runtime (Pyodide, CPython 3.14, under Node). On each, the output
 * must equal the snippet's verified output for that version.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { compileDataDir } from '../../scripts/lib/read-data';
import { nodePythonClient } from '../../scripts/lib/pyodide-node';
import { cpythonMatrix, expectedOutput, PYODIDE_VERSION, pyodideSelected } from '../../scripts/lib/python-matrix';
import { normaliseOutput, parseAll, runSnippet, versionAtLeast } from '../../scripts/lib/python';
import type { Snippet } from '@/utils/knowledge-types';

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
const snippets: { name: string; snippet: Snippet }[] = items.flatMap((item) =>
  item.snippets.map((snippet, n) => ({ name: `${item.id}#${n + 1}`, snippet })),
);
const parseErrors = parseAll(snippets.map((s) => s.snippet.code));

describe('python snippets parse', () => {
  it.each(snippets.map((s, i) => [s.name, i] as const))('%s', (_name, i) => {
    expect(parseErrors[i]).toBeNull();
  });
});

for (const python of cpythonMatrix()) {
  const runnable = snippets.filter(
    (s) => s.snippet.runnable && (!s.snippet.minPython || versionAtLeast(python.version, s.snippet.minPython)),
  );
  describe.skipIf(!python.path).concurrent(`python snippets run on CPython ${python.version} (${python.note})`, () => {
    it.each(runnable.map((s) => [s.name, s.snippet] as const))('%s', async (_name, snippet) => {
      const result = await runSnippet(snippet.code, 20_000, python.path!);
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
        const result = await runSnippet(NO_PROCESS_START_IN_THE_LOOP + snippet.code, 20_000, python.path!);
        expect(result.stderr).not.toMatch(/started on the running event loop's thread/);
        expect(result.code).toBe(0);
      });
    });
}

/** Skipped when AW_PYTHONS leaves the browser runtime out (stress mode on one CPython). */
const describeBrowser = pyodideSelected() ? describe : describe.skip;

describeBrowser(`python snippets run in the browser runtime (Pyodide, CPython ${PYODIDE_VERSION})`, () => {
  const client = nodePythonClient();
  afterAll(() => client.dispose());
  const inBrowser = snippets.filter((s) => s.snippet.runsIn.includes('browser'));
  it('covers most runnable snippets', () => {
    expect(inBrowser.length).toBeGreaterThan(snippets.filter((s) => s.snippet.runnable).length / 2);
  });
  it.each(inBrowser.map((s) => [s.name, s.snippet] as const))(
    '%s',
    async (_name, snippet) => {
      const result = await client.run(snippet.code, { timeLimitMs: 20_000 });
      expect(result.error).toBeNull();
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      const expected = expectedOutput(snippet, PYODIDE_VERSION);
      if (expected !== undefined) expect(normaliseOutput(result.stdout)).toBe(normaliseOutput(expected));
    },
    // The first one loads the interpreter.
    180_000,
  );
});
