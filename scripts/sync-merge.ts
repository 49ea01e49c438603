/**
 * `npm run -s sync-merge -- --json A.json B.json` (stable contract): prints the merge of two synced states as
 * JSON. `npm run -s sync-merge -- --json --sample SEED` prints a state drawn from a seeded, realistic history.
 * A file may hold a state (see "Sync" in the README) or a dump of storage.sync's items (`aw:` keys). Bad input
 * exits with code 2 and a message on stderr.
 */
import { readFileSync } from 'node:fs';
import { mergeStates } from '@/utils/sync/merge';
import { parseState } from '@/utils/sync/check';
import type { SyncState } from '@/utils/sync/shape';
import { fromItems, PREFIX } from '@/utils/sync/shard';
import { sampleState } from './lib/sync-simulate';

const USAGE =
  'usage: npm run -s sync-merge -- --json A.json B.json\n       npm run -s sync-merge -- --json --sample SEED';

function fail(message: string): never {
  console.error(`sync-merge: ${message}\n${USAGE}`);
  process.exit(2);
}

function readState(file: string): SyncState {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    fail(`${file} is not JSON: ${(error as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(`${file}: expected a JSON object`);
  const keys = Object.keys(raw);
  if (keys.length > 0 && keys.every((k) => k.startsWith(PREFIX))) {
    // No clock rule here (the output must not depend on when the command runs); every other rule applies.
    const { state, ignored } = fromItems(raw as Record<string, unknown>);
    const first = ignored[0];
    if (first) fail(`${file}: ${first.what}: ${first.why}`);
    return state;
  }
  const parsed = parseState(raw);
  if (!parsed.ok) fail(`${file} is not a synced state: ${parsed.message}`);
  return parsed.state;
}

function main(argv: string[]): void {
  const files: string[] = [];
  let sample: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') continue;
    else if (arg === '--sample') sample = argv[++i] ?? fail('--sample needs a seed');
    else if (arg.startsWith('--sample=')) sample = arg.slice('--sample='.length);
    else if (arg.startsWith('--')) fail(`unknown option ${arg}`);
    else files.push(arg);
  }
  let state: SyncState;
  if (sample !== undefined) {
    if (files.length) fail('give either --sample SEED or two files');
    const seed = Number(sample);
    if (!Number.isSafeInteger(seed)) fail(`the seed must be an integer, got "${sample}"`);
    state = sampleState(seed);
  } else {
    if (files.length !== 2) fail(`give two files to merge (got ${files.length})`);
    state = mergeStates(readState(files[0]!), readState(files[1]!));
  }
  process.stdout.write(`${JSON.stringify(state, null, 2)}\n`);
}

main(process.argv.slice(2));
