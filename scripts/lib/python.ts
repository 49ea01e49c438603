/** Runs knowledge-base snippets with the machine's python3 (standard library only). */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PYTHON = process.env.PYTHON ?? 'python3';

export function pythonVersion(): string {
  return execFileSync(PYTHON, ['-c', 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")'], {
    encoding: 'utf8',
  }).trim();
}

/** True when `have` (e.g. "3.11") is at least `need`. */
export function versionAtLeast(have: string, need: string): boolean {
  const [ha = 0, hb = 0] = have.split('.').map(Number);
  const [na = 0, nb = 0] = need.split('.').map(Number);
  return ha > na || (ha === na && hb >= nb);
}

/** Parses every source with ast.parse in one python process; returns the error (or null) for each. */
export function parseAll(sources: string[]): (string | null)[] {
  const script = [
    'import ast, json, sys',
    'out = []',
    'for src in json.load(sys.stdin):',
    '    try:',
    '        ast.parse(src)',
    '        out.append(None)',
    '    except SyntaxError as e:',
    '        out.append(f"line {e.lineno}: {e.msg}")',
    'print(json.dumps(out))',
  ].join('\n');
  const stdout = execFileSync(PYTHON, ['-c', script], { input: JSON.stringify(sources), encoding: 'utf8' });
  return JSON.parse(stdout) as (string | null)[];
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs one snippet under `-X dev -W error`, so a never-awaited coroutine or a leaked socket fails it. */
export function runSnippet(code: string, timeoutMs = 20_000, python = PYTHON): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'awaitwise-snippet-'));
  const file = join(dir, 'snippet.py');
  writeFileSync(file, code);
  return new Promise((resolve) => {
    const child = spawn(python, ['-X', 'dev', '-W', 'error', file], {
      cwd: dir,
      env: { ...process.env, PYTHONHASHSEED: '0', PYTHONIOENCODING: 'utf-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a timeout also kills the worker processes a snippet started.
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

/** Output comparison ignores trailing white space on each line and at the end. */
export function normaliseOutput(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd();
}
