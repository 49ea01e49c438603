/** The Python versions CI checks the knowledge base on, and the output a snippet promises on each. */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Snippet } from '../../utils/knowledge-types';
import { PYTHON, pythonVersion, versionAtLeast } from './python';

/** The CPython inside the bundled Pyodide. */
export const PYODIDE_VERSION = '3.14';

export interface Interpreter {
  version: string;
  /** null when this machine does not have it. */
  path: string | null;
  /** Where it came from, or why it is missing. */
  note: string;
}

function pyenvRoot(): string | null {
  try {
    return execFileSync('pyenv', ['root'], { encoding: 'utf8' }).trim();
  } catch {
    return process.env.PYENV_ROOT ?? null;
  }
}

/**
 * `AW_PYTHONS=3.13` narrows the CPython matrix to those versions (stress mode runs one interpreter in CI);
 * unset, all of them run.
 */
function selectedRuntimes(): Set<string> | null {
  const list = process.env.AW_PYTHONS?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return list?.length ? new Set(list) : null;
}

/**
 * python3 (3.11 here), then 3.12 and 3.13 from pyenv; a missing one is listed with the reason. Versions left
 * out by AW_PYTHONS are not listed at all.
 */
export function cpythonMatrix(): Interpreter[] {
  const selected = selectedRuntimes();
  const matrix = allCpythons().filter((m) => !selected || selected.has(m.version));
  for (const m of matrix) if (!m.path) console.log(`python tests: CPython ${m.version} ${m.note}`);
  return matrix;
}

function allCpythons(): Interpreter[] {
  const matrix: Interpreter[] = [{ version: pythonVersion(), path: PYTHON, note: PYTHON }];
  const root = pyenvRoot();
  for (const [version, full] of [
    ['3.12', '3.12.1'],
    ['3.13', '3.13.0'],
  ] as const) {
    if (matrix.some((m) => m.version === version)) continue;
    const path = root ? join(root, 'versions', full, 'bin', `python${version}`) : null;
    if (path && existsSync(path)) matrix.push({ version, path, note: `pyenv ${full}` });
    else matrix.push({ version, path: null, note: `not found${path ? ` at ${path}` : ' (no pyenv)'}, skipped` });
  }
  return matrix;
}

/** The verified output for `version`: the newest `output 3.X+` block at or below it, else the plain one. */
export function expectedOutput(snippet: Snippet, version: string): string | undefined {
  const from = Object.keys(snippet.outputs ?? {})
    .filter((v) => versionAtLeast(version, v))
    .sort((a, b) => (versionAtLeast(a, b) ? -1 : 1))[0];
  return from ? snippet.outputs![from] : snippet.output;
}
