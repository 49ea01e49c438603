/**
 * Tracing never changes what a program prints: each program in tests/fixtures/trace/ prints the same stdout,
 * stderr, exit status and traceback with the event-loop tracer on and off, on every CPython of the matrix
 * (tests/support/traced_run.py) and in the extension's engine (Pyodide under Node,
 * tests/support/trace-output-pyodide.ts). Spawns processes: a Python test, not a pure unit test.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cpythonMatrix } from '../../scripts/lib/python-matrix';

const run = promisify(execFile);
const DIR = 'tests/fixtures/trace';
// too-many.py is the same as many.py for this purpose, five times slower.
const PROGRAMS = readdirSync(DIR).filter((f) => f.endsWith('.py') && f !== 'too-many.py');
const SLOW = 240_000;

async function cpython(python: string, mode: string, program: string) {
  try {
    const { stdout, stderr } = await run(python, ['tests/support/traced_run.py', mode, join(DIR, program)], {
      encoding: 'utf8',
      env: { ...process.env, PYTHONHASHSEED: '0' },
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

describe('tracing never changes what a program prints', () => {
  for (const { version, path } of cpythonMatrix()) {
    it.skipIf(path === null).concurrent.each(PROGRAMS)(
      `CPython ${version}: %s`,
      async (program) => {
        const [plain, traced] = await Promise.all([
          cpython(path!, '--plain', program),
          cpython(path!, '--traced', program),
        ]);
        expect(traced).toEqual(plain);
        if (program === 'noisy.py') {
          // The program does print to stderr, so the comparison above compares something.
          expect(plain.stderr).toMatch(/never awaited[\s\S]*Task exception was never retrieved[\s\S]*KeyError/);
        }
      },
      SLOW,
    );
  }

  it(
    'Pyodide (the extension engine): every program',
    async () => {
      const { stdout } = await run(
        process.execPath,
        [
          '--experimental-wasm-stack-switching',
          '--import',
          'tsx',
          'tests/support/trace-output-pyodide.ts',
          ...PROGRAMS.map((p) => join(DIR, p)),
        ],
        { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      );
      // Runs share one interpreter, whose task counter goes on from run to run: default task names differ.
      const results = JSON.parse(stdout.replace(/Task-\d+/g, 'Task-N')) as Record<
        string,
        { traced: unknown; untraced: unknown }
      >;
      expect(Object.keys(results)).toHaveLength(PROGRAMS.length);
      for (const [program, { traced, untraced }] of Object.entries(results)) {
        expect({ program, ...(traced as object) }).toEqual({ program, ...(untraced as object) });
      }
      expect(results[join(DIR, 'noisy.py')]!.untraced).toMatchObject({
        stderr: expect.stringMatching(/Task exception was never retrieved/) as unknown,
        error: expect.stringContaining("KeyError: 'the end'") as unknown,
      });
    },
    SLOW,
  );
});
