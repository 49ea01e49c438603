/**
 * When user code recurses deeper in C than the browser's native stack allows (a 100,000-deep `repr`, Python
 * recursion under a raised `sys.setrecursionlimit`), the WebAssembly engine throws before CPython's own
 * check fires and Pyodide declares the interpreter dead. The interpreter is thrown away after every run
 * anyway, so what is left is to say what CPython would have said: a RecursionError, with the user's frames
 * taken from the stack Pyodide dumps as it dies.
 */

/** Pyodide announces a fatal error on console.error before dumping the Python stack to stdout. */
const FATAL_NOTICE = 'Pyodide has suffered a fatal error';

export interface FatalWatch {
  /** Set once Pyodide reports a fatal error: what it writes after that is its stack dump, not program output. */
  readonly active: boolean;
  dump: string;
}

export function watchFatalErrors(target: Console = console): FatalWatch {
  const watch = { active: false, dump: '' };
  const report = target.error.bind(target);
  target.error = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith(FATAL_NOTICE)) watch.active = true;
    // The run's result says what happened; Pyodide's plea to report a bug about it would only mislead.
    if (!watch.active) report(...args);
  };
  return watch;
}

/** V8 and SpiderMonkey's words for a native stack overflow. */
function isStackOverflow(error: unknown): boolean {
  return error instanceof Error && /Maximum call stack size exceeded|too much recursion/i.test(error.message);
}

/**
 * CPython's traceback for the overflow, from Pyodide's dump ("Stack (most recent call first):" and lines
 * `  File "main.py", line 5 in f`), keeping the frames of `file` (the user's); null when `error` is not one.
 */
export function recursionTraceback(error: unknown, dump: string, source: string, file: string): string | null {
  if (!isStackOverflow(error)) return null;
  const lines = source.split('\n');
  const frames = [...dump.matchAll(/^ {2}File "([^"]+)", line (\d+) in (.+)$/gm)]
    .filter((m) => m[1] === file)
    .reverse()
    .map((m) => {
      const text = lines[Number(m[2]) - 1]?.trim();
      return `  File "${file}", line ${m[2]}, in ${m[3]}\n${text ? `    ${text}\n` : ''}`;
    });
  return `Traceback (most recent call last):\n${frames.join('')}RecursionError: maximum recursion depth exceeded\n`;
}
