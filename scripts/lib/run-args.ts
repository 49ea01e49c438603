/** The arguments `run-py` and `trace-py` share: `[--json] FILE [--timeout-ms N]`, and the file's text. */
import { readFileSync } from 'node:fs';
import { DEFAULT_TIME_LIMIT_MS } from '../../utils/python/client';

export interface RunArgs {
  json: boolean;
  timeLimitMs: number;
  code: string;
}

export function parseRunArgs(tool: string, args: readonly string[]): RunArgs {
  const fail = (message: string): never => {
    console.error(`${tool}: ${message}`);
    console.error(`usage: npm run -s ${tool} -- [--json] FILE [--timeout-ms N]`);
    process.exit(2);
  };
  let timeLimitMs = DEFAULT_TIME_LIMIT_MS;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') continue;
    if (arg === '--timeout-ms') {
      const value = Number(args[++i]);
      if (!Number.isInteger(value) || value <= 0) fail('--timeout-ms takes a positive whole number of milliseconds');
      timeLimitMs = value;
    } else if (arg.startsWith('--')) fail(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length !== 1) fail('name exactly one Python file');
  let code = '';
  try {
    code = readFileSync(files[0]!, 'utf8');
  } catch (error) {
    fail(`cannot read ${files[0]}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return { json: args.includes('--json'), timeLimitMs, code };
}
