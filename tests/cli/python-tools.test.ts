/**
 * The Python command-line tools on hostile input: run-py's Python reaches nothing of Node (no process, no
 * child_process, no IPC to forge a verdict with), check-practice is not talked out of a failing verdict,
 * and lint-py degrades on source nested too deep for the parser instead of crashing.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'awaitwise-cli-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const tool = async (script: string, ...args: string[]) => {
  try {
    const { stdout } = await exec('npx', ['tsx', `scripts/${script}.ts`, ...args], { encoding: 'utf8' });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
};
// Pyodide starts in seconds, more on a busy two-core machine.
const SLOW = 240_000;

describe.concurrent('the Python tools on hostile input', () => {
  it(
    'run-py: js.process, child_process and process.send are out of reach',
    async () => {
      const attack = file(
        'attack.py',
        [
          'import js',
          'for attempt in (',
          '    lambda: js.process.getBuiltinModule("child_process").execSync("echo pwned > /dev/null"),',
          '    lambda: js.process.send({"type": "tested", "report": {"passed": True}}),',
          '):',
          '    try:',
          '        attempt()',
          '        print("reached")',
          '    except Exception as e:',
          '        print("refused", type(e).__name__)',
        ].join('\n'),
      );
      const { code, stdout } = await tool('run-py', '--json', attack);
      expect(code).toBe(0);
      const result = JSON.parse(stdout) as { stdout: string; exitCode: number };
      expect(result).toMatchObject({ stdout: 'refused JsException\nrefused JsException\n', exitCode: 0 });
    },
    SLOW,
  );

  it(
    'check-practice: a wrong solution that patches the judge still fails',
    async () => {
      const wrong = file(
        'cheat.py',
        `${[
          'import asyncio',
          'class InOrder:',
          '    async def first(self, emit): emit("first")',
          '    async def second(self, emit): emit("second")',
          '    async def third(self, emit): emit("third")',
        ].join('\n')}\nasyncio.run = lambda c, **k: c.close()\n`,
      );
      const { code, stdout } = await tool('check-practice', '--json', 'print-in-order', wrong);
      expect(code).toBe(0);
      const verdict = JSON.parse(stdout) as { passed: boolean; error?: string };
      expect(verdict.passed).toBe(false);
      expect(verdict.error).toMatch(/asyncio\.run was replaced/);
    },
    SLOW,
  );

  it('lint-py: 30,000 nested parentheses are linted (nothing to report), not a RangeError', async () => {
    const deep = file('deep.py', `x = ${'('.repeat(30_000)}${')'.repeat(30_000)}\n`);
    expect(await tool('lint-py', '--json', deep)).toEqual({ code: 0, stdout: '[]\n' });
  }, 120_000);
});
