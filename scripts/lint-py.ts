/**
 * Lints a Python file for asyncio mistakes.
 *
 *   npm run -s lint-py -- --json <file.py>     JSON array of { line, col, rule, ref, message } on stdout
 *   npm run -s lint-py -- --json -             read the code from stdin
 *   npm run -s lint-py -- <file.py>            one human-readable line per finding
 *   --repl                                     accept top-level await (asyncio REPL, notebooks)
 *
 * Exit 0 whenever the file was linted, findings or not; 2 for a missing or unreadable file or bad usage.
 * Lines and columns are 1-based.
 */
import { readFileSync } from 'node:fs';
import { lintPython, type LintFinding } from '../utils/lint';

const USAGE = 'usage: lint-py [--json] [--repl] <file.py | ->';

function fail(message: string): never {
  process.stderr.write(`lint-py: ${message}\n`);
  process.exit(2);
}

function readSource(path: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? String(error));
    return fail(`cannot read ${path === '-' ? 'standard input' : path}: ${reason}`);
  }
}

/** The stable JSON shape of the command-line contract; `ref` is null where no ruff rule matches. */
function toJson(finding: LintFinding) {
  return {
    line: finding.line,
    col: finding.col,
    rule: finding.rule,
    ref: finding.ref ?? null,
    message: finding.message,
  };
}

// Piping into `head` closes stdout early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const args = process.argv.slice(2);
const flags = new Set(args.filter((arg) => arg.startsWith('--')));
const files = args.filter((arg) => !arg.startsWith('--'));
const unknown = [...flags].filter((flag) => flag !== '--json' && flag !== '--repl');
if (unknown.length > 0) fail(`unknown option ${unknown.join(', ')}\n${USAGE}`);
if (files.length !== 1) fail(USAGE);

const path = files[0]!;
const findings = lintPython(readSource(path), {
  allowTopLevelAwait: flags.has('--repl'),
});
if (flags.has('--json')) {
  process.stdout.write(`${JSON.stringify(findings.map(toJson), null, 2)}\n`);
} else {
  const name = path === '-' ? '<stdin>' : path;
  const lines = findings.map(
    (f) => `${name}:${f.line}:${f.col}: ${f.severity} ${f.rule}${f.ref ? ` [${f.ref}]` : ''} ${f.message}\n`,
  );
  process.stdout.write(lines.join(''));
}
