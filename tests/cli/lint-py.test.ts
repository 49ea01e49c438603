import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPython } from '@/utils/lint';

const ROOT = join(__dirname, '../..');
const FIXTURE = 'tests/fixtures/lint/interview_solutions.py';

/** Runs the command exactly as the contract states it. */
function lintPy(args: string[], input?: string) {
  const result = spawnSync('npm', ['run', '-s', 'lint-py', '--', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

describe('npm run -s lint-py', () => {
  it('prints only a JSON array of { line, col, rule, ref, message } and exits 0', () => {
    const { status, stdout } = lintPy(['--json', FIXTURE]);
    expect(status).toBe(0);
    const printed = JSON.parse(stdout) as Record<string, unknown>[];
    const expected = lintPython(readFileSync(join(ROOT, FIXTURE), 'utf8'));
    expect(printed.length).toBe(expected.length);
    expect(printed.length).toBeGreaterThan(3);
    printed.forEach((item, i) => {
      expect(Object.keys(item)).toEqual(['line', 'col', 'rule', 'ref', 'message']);
      const f = expected[i]!;
      expect(item).toEqual({
        line: f.line,
        col: f.col,
        rule: f.rule,
        ref: f.ref ?? null,
        message: f.message,
      });
    });
  });

  it('reads standard input with -, and prints [] for clean code', () => {
    const dirty = lintPy(['--json', '-'], 'import time\nasync def f():\n    time.sleep(1)\n');
    expect(dirty.status).toBe(0);
    expect(JSON.parse(dirty.stdout)).toEqual([
      expect.objectContaining({
        line: 3,
        col: 5,
        rule: 'blocking-sleep',
        ref: 'ASYNC251',
      }),
    ]);
    const clean = lintPy(['--json', '-'], 'async def f():\n    return 1\n');
    expect([clean.status, JSON.parse(clean.stdout)]).toEqual([0, []]);
  });

  it('exits 2 with a message on stderr for a missing file', () => {
    const { status, stdout, stderr } = lintPy(['--json', 'tests/fixtures/lint/does-not-exist.py']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('cannot read tests/fixtures/lint/does-not-exist.py: no such file');
  });
});
