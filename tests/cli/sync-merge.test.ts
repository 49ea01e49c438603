/** The sync-merge command-line contract: JSON on stdout, the documented shape, exit 2 with a message on bad input. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeStates } from '@/utils/sync/merge';
import { canonical, parseState, type SyncState } from '@/utils/sync/shape';
import { toItems } from '@/utils/sync/shard';
import { sampleState } from '../../scripts/lib/sync-simulate';

const run = (...args: string[]) =>
  spawnSync('npx', ['tsx', 'scripts/sync-merge.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const dir = mkdtempSync(join(tmpdir(), 'sync-cli-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('sync-merge', () => {
  it('--sample SEED prints a valid state, the same for the same seed, with lastReview and reps per card', () => {
    const a = run('--json', '--sample', '42');
    expect(a.status).toBe(0);
    const state = JSON.parse(a.stdout) as SyncState;
    expect(Object.keys(state)).toEqual(['v', 'cards', 'settings', 'saved', 'hidden', 'solved', 'days']);
    expect(Object.keys(state.cards).length).toBeGreaterThan(0);
    for (const entry of Object.values(state.cards)) {
      expect(entry.lastReview === null || typeof entry.lastReview === 'number').toBe(true);
      expect(typeof entry.reps).toBe('number');
    }
    expect(parseState(state).ok).toBe(true);
    expect(run('--json', '--sample', '42').stdout).toBe(a.stdout);
  }, 60_000);

  it('merges two files, states or item dumps, the same in either order', () => {
    const a = sampleState(1);
    const b = sampleState(2);
    const fa = file('a.json', JSON.stringify(a));
    const fb = file('b.json', JSON.stringify(toItems(b).items));
    const ab = run('--json', fa, fb);
    expect(ab.status).toBe(0);
    const merged = JSON.parse(ab.stdout) as SyncState;
    expect(canonical(merged)).toBe(canonical(mergeStates(a, b)));
    expect(canonical(JSON.parse(run('--json', fb, fa).stdout))).toBe(canonical(merged));
    // A hand-written minimal state: the later review wins.
    const x = file('x.json', JSON.stringify({ cards: { c: { lastReview: 100, reps: 2 } } }));
    const y = file(
      'y.json',
      JSON.stringify({ cards: { c: { lastReview: 200, reps: 1 }, d: { lastReview: null, reps: 0 } } }),
    );
    const xy = JSON.parse(run('--json', x, y).stdout) as SyncState;
    expect(xy.cards.c).toMatchObject({ lastReview: 200, reps: 1 });
    expect(xy.cards.d).toMatchObject({ lastReview: null, reps: 0 });
  }, 60_000);

  it('exits 2 with a clear message on bad input', () => {
    const good = file('good.json', '{}');
    const cases: [string[], RegExp][] = [
      [['--json', good, file('bad.json', '{ nope')], /bad\.json is not JSON/],
      [['--json', good, file('arr.json', '[1]')], /expected a JSON object/],
      [['--json', good, file('card.json', '{"cards":{"c":{"reps":1}}}')], /cards\.c\.lastReview/],
      [['--json', good, join(dir, 'missing.json')], /cannot read .*missing\.json/],
      [['--json', '--sample', 'x'], /seed must be an integer/],
      [['--json', good], /give two files/],
    ];
    for (const [args, message] of cases) {
      const result = run(...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
    }
  }, 90_000);
});
