/**
 * Tracing never changes what a program prints, on every CPython of the matrix: each program in
 * tests/fixtures/trace/ run by tests/support/traced_run.py with the event-loop tracer on and off prints the
 * same stdout and stderr and exits the same way. (trace-output.pyodide.test.ts does the same in Pyodide.)
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cpythonMatrix } from './cpython';
import { withSlot } from './slots';

const DIR = 'tests/fixtures/trace';
// too-many.py is the same as many.py for this purpose, five times slower.
const PROGRAMS = readdirSync(DIR).filter((f) => f.endsWith('.py') && f !== 'too-many.py');

async function printed(python: string, mode: '--plain' | '--traced', program: string) {
  try {
    const { stdout, stderr } = await withSlot(() =>
      promisify(execFile)(python, ['tests/support/traced_run.py', mode, join(DIR, program)], {
        encoding: 'utf8',
        env: { ...process.env, PYTHONHASHSEED: '0' },
      }),
    );
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

describe('tracing never changes what a program prints (CPython)', () => {
  for (const { version, path } of cpythonMatrix()) {
    it.skipIf(path === null).concurrent.each(PROGRAMS)(`CPython ${version}: %s`, async (program) => {
      const plain = await printed(path!, '--plain', program);
      const traced = await printed(path!, '--traced', program);
      expect(traced).toEqual(plain);
      if (program === 'noisy.py') {
        // The program does write to stderr, so the comparison compares something.
        expect(plain.stderr).toMatch(/never awaited[\s\S]*Task exception was never retrieved[\s\S]*KeyError/);
      }
      if (program === 'callbacks.py') {
        // A callback that raises is reported with a traceback through asyncio's Handle._run, traced or not.
        expect(plain.stderr).toMatch(/Exception in callback boom[\s\S]*events\.py[\s\S]*callback soon failed/);
      }
      if (program === 'debug.py') {
        // asyncio's debug mode times each callback and warns about a slow one; the tracer runs them itself.
        expect(plain.stdout).toContain('main done\nasyncio warned: Executing');
      }
    });
  }
});
