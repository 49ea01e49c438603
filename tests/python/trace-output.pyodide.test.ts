/**
 * Tracing never changes what a program prints, in the extension's engine (Pyodide under Node): each program
 * in tests/fixtures/trace/ is run twice by tests/support/trace-output-pyodide.ts, with the event-loop tracer
 * and with a recorder that records nothing, and prints the same stdout, stderr, exit status and traceback.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const DIR = 'tests/fixtures/trace';
const PROGRAMS = readdirSync(DIR).filter((f) => f.endsWith('.py') && f !== 'too-many.py');

const CALLBACK_REPORT = /Exception in callback boom[\s\S]*events\.py[\s\S]*callback soon failed[\s\S]*Exception in callback int/;

describe('tracing never changes what a program prints (Pyodide)', () => {
  it('every program prints the same traced and untraced', async () => {
    const { stdout } = await promisify(execFile)(
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
    // The runs share one interpreter, whose task counter goes on from run to run: default names differ.
    const results = JSON.parse(stdout.replace(/Task-\d+/g, 'Task-N')) as Record<
      string,
      { traced: unknown; untraced: unknown }
    >;
    expect(Object.keys(results)).toHaveLength(PROGRAMS.length);
    for (const [program, { traced, untraced }] of Object.entries(results))
      expect({ program, ...(traced as object) }).toEqual({ program, ...(untraced as object) });
    expect(results[join(DIR, 'noisy.py')]!.untraced).toMatchObject({
      stderr: expect.stringMatching(/Task exception was never retrieved/) as unknown,
      error: expect.stringContaining("KeyError: 'the end'") as unknown,
    });
    // A callback that raises is reported with a traceback through asyncio's Handle._run, traced or not.
    expect(results[join(DIR, 'callbacks.py')]!.untraced).toMatchObject({
      stderr: expect.stringMatching(CALLBACK_REPORT) as unknown,
    });
    // asyncio's debug mode times each callback and warns about a slow one; the tracer runs the callbacks itself.
    expect(results[join(DIR, 'debug.py')]!.untraced).toMatchObject({
      stdout: expect.stringContaining('main done\nasyncio warned: Executing') as unknown,
    });
  });
});
