/** The sync-merge command-line contract: JSON on stdout, the documented shape, exit 2 with a message on bad input. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeStates } from '@/utils/sync/merge';
import { parseState } from '@/utils/sync/check';
import { canonical, type SyncState } from '@/utils/sync/shape';
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
    // Hand-written minimal cards, as the README documents them: the later review wins.
    const t = Date.UTC(2026, 11, 1);
    const minimal = (lastReview: number | null, reps: number) => ({ lastReview, reps, due: t + 86_400_000, add: t });
    const x = file('x.json', JSON.stringify({ cards: { 'task-group-vs-gather': minimal(t + 100, 2) } }));
    const y = file(
      'y.json',
      JSON.stringify({ cards: { 'task-group-vs-gather': minimal(t + 200, 1), 'gather-basics': minimal(null, 0) } }),
    );
    const xy = JSON.parse(run('--json', x, y).stdout) as SyncState;
    expect(xy.cards['task-group-vs-gather']).toMatchObject({ lastReview: t + 200, reps: 1 });
    expect(xy.cards['gather-basics']).toMatchObject({ lastReview: null, reps: 0, due: t + 86_400_000, add: t });
  }, 60_000);

  it('exits 2 with a clear message on bad input', () => {
    const good = file('good.json', '{}');
    const cases: [string[], RegExp][] = [
      [['--json', good, file('bad.json', '{ nope')], /bad\.json is not JSON/],
      [['--json', good, file('arr.json', '[1]')], /expected a JSON object/],
      [['--json', good, file('card.json', '{"cards":{"c":{"reps":1}}}')], /card "c": lastReview: missing/],
      // The form the README documented before: a card without its times would restore as "due 1970".
      [['--json', good, file('old.json', '{"cards":{"c":{"lastReview":null,"reps":0}}}')], /card "c": due: missing/],
      [
        ['--json', good, file('proto.json', '{"aw:s":{"__proto__.polluted":["1","yes"]}}')],
        /setting "__proto__\.polluted": not a setting this version has/,
      ],
      [
        ['--json', good, file('far.json', '{"solved":{"print-in-order":1}}')],
        /impossible date \(before the first release/,
      ],
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
