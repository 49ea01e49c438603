/** What the CPython tests share: the matrix, one slot per interpreter process, and the output rules. */
import { runSnippet, type RunResult } from '../../scripts/lib/python';
import { withSlot } from './slots';

export { cpythonMatrix, expectedOutput, PYODIDE_VERSION } from '../../scripts/lib/python-matrix';
export { normaliseOutput, versionAtLeast } from '../../scripts/lib/python';

/** A snippet under `-X dev -W error` on `python`, once a slot is free; its own 20 s limit starts then. */
export const runOnCPython = (code: string, python: string): Promise<RunResult> =>
  withSlot(() => runSnippet(code, 20_000, python));

/**
 * -X dev turns on asyncio's debug mode, which logs "Executing <Task ...> took 0.13 seconds" whenever a step
 * is slow; on a loaded two-core CI machine that says nothing about the snippet. Every other line counts.
 */
export function withoutSlowCallbackNotes(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !/^Executing <.+> took \d+\.\d+ seconds$/.test(line))
    .join('\n')
    .trim();
}
