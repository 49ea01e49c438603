/**
 * Properties of the merge, checked with fast-check: the algebra (commutative, associative, idempotent) over
 * random states, also once they are read back with skewed and absurd clocks; random histories of two and three
 * devices that review, suspend, add, remove and sync in random interleavings: every device ends identical and
 * no review is lost, also with clocks hours apart; with a clock years ahead or forged items in the synced
 * state, the devices still agree and stop writing.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { afterAll, describe, expect, it } from 'vitest';
import type { GradeValue } from '@/utils/db';
import { isRemoved, mergeStates } from '@/utils/sync/merge';
import { FIRST_RELEASE, MAX_TIME, MIN_TIME } from '@/utils/records/schema';
import { CardSchema } from '@/utils/srs/backup-schema';
import { checkState, MAX_AHEAD_MS, parseState } from '@/utils/sync/check';
import { canonical, type CardEntry, type SyncState } from '@/utils/sync/shape';
import {
  act,
  comparableCards,
  emptyState,
  newDevice,
  sampleState,
  stateOf,
  syncDevice,
  type SimAction,
  type SimDevice,
} from '../../scripts/lib/sync-simulate';

/** Cases run, per property: printed at the end so the closing note can quote them. */
const runs: Record<string, number> = {};
function check<T>(name: string, arb: fc.Arbitrary<T>, predicate: (value: T) => void, numRuns: number) {
  let count = 0;
  fc.assert(
    fc.property(arb, (value) => {
      count++;
      predicate(value);
    }),
    { numRuns },
  );
  runs[name] = count;
}
afterAll(() => {
  const total = Object.values(runs).reduce((a, b) => a + b, 0);
  console.log(`[sync-merge properties] ${JSON.stringify(runs)} total=${total}`);
});

const small = fc.integer({ min: 0, max: 6 });
const time = fc.oneof(small, fc.integer({ min: 1_700_000_000_000, max: 1_700_000_000_010 }));
const cardEntry: fc.Arbitrary<CardEntry> = fc
  .record({
    lastReview: fc.option(time, { nil: null }),
    reps: small,
    rAt: time,
    due: time,
    stability: fc.double({ min: 0, max: 100, noNaN: true }),
    difficulty: fc.double({ min: 1, max: 10, noNaN: true }),
    elapsedDays: small,
    scheduledDays: small,
    learningSteps: small,
    lapses: small,
    state: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
    leech: fc.constantFrom(0 as const, 1 as const),
    suspended: fc.constantFrom(0 as const, 1 as const),
    buriedUntil: time,
    fAt: time,
    add: time,
    source: fc.constantFrom('manual' as const, 'problem' as const, 'auto' as const),
    del: fc.option(time, { nil: undefined }),
  })
  .map((e) => {
    if (e.del === undefined) delete e.del;
    return e;
  });
const keys = fc.constantFrom('a', 'b', 'c', 'd');
const stamped = <T>(value: fc.Arbitrary<T>) => fc.record({ at: time, value });
const syncState: fc.Arbitrary<SyncState> = fc.record({
  v: fc.constant(1 as const),
  cards: fc.dictionary(keys, cardEntry),
  settings: fc.dictionary(
    fc.constantFrom('theme', 'srs.newPerDay', 'sites.leetcode'),
    stamped(fc.oneof(small, fc.boolean())),
  ),
  saved: fc.dictionary(
    keys,
    stamped(
      fc.option(fc.record({ site: fc.constant('leetcode'), slug: keys, title: keys, savedAt: time }), { nil: null }),
    ),
  ),
  hidden: fc.dictionary(keys, stamped(fc.boolean())),
  solved: fc.dictionary(keys, time),
  days: fc.dictionary(
    fc.constantFrom('d1', 'd2', 'd3'),
    fc.dictionary(fc.constantFrom('2026-11-01', '2026-11-02'), small),
  ),
});
const same = (a: SyncState, b: SyncState) => expect(canonical(a)).toBe(canonical(b));

describe('merge algebra', () => {
  it('is commutative', () => {
    check('commutative', fc.tuple(syncState, syncState), ([a, b]) => same(mergeStates(a, b), mergeStates(b, a)), 1000);
  });
  it('is associative', () => {
    check(
      'associative',
      fc.tuple(syncState, syncState, syncState),
      ([a, b, c]) => same(mergeStates(mergeStates(a, b), c), mergeStates(a, mergeStates(b, c))),
      1000,
    );
  });
  it('is idempotent, and merging again changes nothing', () => {
    check(
      'idempotent',
      fc.tuple(syncState, syncState),
      ([a, b]) => {
        same(mergeStates(a, a), mergeStates(a, emptyState()));
        const ab = mergeStates(a, b);
        same(mergeStates(ab, b), ab);
        same(mergeStates(ab, a), ab);
      },
      1000,
    );
  });
  it('is pure: the inputs are unchanged', () => {
    check(
      'pure',
      fc.tuple(syncState, syncState),
      ([a, b]) => {
        const before = [canonical(a), canonical(b)];
        mergeStates(a, b);
        expect([canonical(a), canonical(b)]).toEqual(before);
      },
      300,
    );
  });
  it('keeps the later review per card, and every card either side has', () => {
    check(
      'later review wins',
      fc.tuple(syncState, syncState),
      ([a, b]) => {
        const m = mergeStates(a, b);
        for (const side of [a, b]) {
          for (const [id, entry] of Object.entries(side.cards)) {
            const merged = m.cards[id]!;
            expect(merged).toBeDefined();
            expect(merged.rAt).toBeGreaterThanOrEqual(entry.rAt);
            for (const [dev, days] of Object.entries(side.days)) {
              for (const [day, n] of Object.entries(days)) expect(m.days[dev]![day]).toBeGreaterThanOrEqual(n);
            }
          }
        }
      },
      500,
    );
  });
});

const CARDS = ['c1', 'c2', 'c3', 'c4', 'c5'];
const action: fc.Arbitrary<SimAction> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('add' as const), cardId: fc.constantFrom(...CARDS) }), weight: 3 },
  {
    arbitrary: fc.record({
      kind: fc.constant('review' as const),
      cardId: fc.constantFrom(...CARDS),
      rating: fc.constantFrom<GradeValue>(1, 2, 3, 4),
    }),
    weight: 6,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('suspend' as const),
      cardId: fc.constantFrom(...CARDS),
      on: fc.boolean(),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('remove' as const), cardId: fc.constantFrom(...CARDS) }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant('setting' as const), newPerDay: fc.integer({ min: 1, max: 30 }) }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('save' as const), slug: fc.constantFrom('p1', 'p2') }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('unsave' as const), slug: fc.constantFrom('p1', 'p2') }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant('hide' as const), key: fc.constantFrom('leetcode:h1', 'neetcode:h2') }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('solve' as const), problemId: fc.constantFrom('s1', 's2') }), weight: 1 },
);

/** A step: a device acts or syncs, after some time (0 ms sometimes, so two devices review at the same instant). */
const step = (devices: number) =>
  fc.record({
    device: fc.integer({ min: 0, max: devices - 1 }),
    sync: fc.boolean(),
    action,
    gap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 36 * 3_600_000 })),
  });

const START = Date.UTC(2026, 11, 1, 9);

/** Syncs every device in turn until a whole round changes neither storage.sync nor any device; returns the rounds. */
function syncUntilQuiet(devices: SimDevice[], remote: SyncState, now: number, maxRounds: number) {
  for (let round = 1; round <= maxRounds; round++) {
    const before = canonical([remote, devices.map((d) => [d.local, d.shadow])]);
    for (const d of devices) remote = syncDevice(d, remote, (now += 1000));
    if (canonical([remote, devices.map((d) => [d.local, d.shadow])]) === before) return { remote, now, rounds: round };
  }
  throw new Error(`still writing after ${maxRounds} rounds`);
}

function runHistory(
  deviceCount: number,
  steps: { device: number; sync: boolean; action: SimAction; gap: number }[],
  withRemove: boolean,
  skews: readonly number[] = [],
  rounds = 3,
) {
  const devices = Array.from({ length: deviceCount }, (_, i) => newDevice(`dev${i}`, skews[i] ?? 0));
  let remote = emptyState();
  let now = START;
  for (const s of steps) {
    now += s.gap;
    const device = devices[s.device]!;
    if (s.sync) remote = syncDevice(device, remote, now);
    else if (withRemove || s.action.kind !== 'remove') act(device, s.action, now);
  }
  // Everyone syncs in turn until nothing changes: the first round gathers every change, the second hands them
  // out, a third is the proof that nothing moves any more (one more where a clock ran ahead: the others treat
  // its times as "now" and write that back, and it takes their times).
  const quiet = syncUntilQuiet(devices, remote, now, rounds);
  return { devices, remote: quiet.remote, now: quiet.now };
}

function expectConverged({ devices, remote, now }: ReturnType<typeof runHistory>) {
  const first = devices[0]!;
  for (const d of devices.slice(1)) {
    expect(comparableCards(d.local.cards)).toEqual(comparableCards(first.local.cards));
    expect(d.local.settings).toEqual(first.local.settings);
    expect([...d.local.saved].sort((a, b) => (a.url < b.url ? -1 : 1))).toEqual(
      [...first.local.saved].sort((a, b) => (a.url < b.url ? -1 : 1)),
    );
    expect([...d.local.hidden].sort()).toEqual([...first.local.hidden].sort());
    expect(d.local.progress.map((p) => [p.problemId, p.solvedAt]).sort()).toEqual(
      first.local.progress.map((p) => [p.problemId, p.solvedAt]).sort(),
    );
  }
  // Syncing again changes nothing: the states are a fixed point.
  for (const d of devices) expect(canonical(syncDevice(d, remote, now + 5000))).toBe(canonical(remote));
}

/** No review lost: each card shows its latest review, and the day counts add up to every review made. */
function expectNoReviewLost({ devices, remote }: ReturnType<typeof runHistory>) {
  const all = devices.flatMap((d) => d.reviews);
  for (const { cardId, at } of all) {
    const entry = remote.cards[cardId]!;
    expect(entry).toBeDefined();
    expect(entry.lastReview).not.toBeNull();
    expect(entry.lastReview!).toBeGreaterThanOrEqual(at);
    for (const d of devices)
      expect(d.local.cards.find((c) => c.id === cardId)!.last_review!).toBeGreaterThanOrEqual(at);
  }
  for (const [id, entry] of Object.entries(remote.cards)) {
    const latest = Math.max(-1, ...all.filter((r) => r.cardId === id).map((r) => r.at));
    if (latest >= 0) expect(entry.lastReview).toBe(latest);
  }
  const counted = Object.values(remote.days).reduce(
    (sum, days) => sum + Object.values(days).reduce((a, b) => a + b, 0),
    0,
  );
  expect(counted).toBe(all.length);
}

describe('random histories', () => {
  it('two devices: identical at the end, no review lost', () => {
    check(
      'history: 2 devices',
      fc.array(step(2), { maxLength: 60 }),
      (steps) => {
        const run = runHistory(2, steps, false);
        expectConverged(run);
        expectNoReviewLost(run);
      },
      300,
    );
  });
  it('three devices: identical at the end, no review lost', () => {
    check(
      'history: 3 devices',
      fc.array(step(3), { maxLength: 80 }),
      (steps) => {
        const run = runHistory(3, steps, false);
        expectConverged(run);
        expectNoReviewLost(run);
      },
      200,
    );
  });
  it('with removals too: identical at the end; a removed card stays removed unless reviewed or added later', () => {
    check(
      'history: 3 devices with removals',
      fc.array(step(3), { maxLength: 80 }),
      (steps) => {
        const run = runHistory(3, steps, true);
        expectConverged(run);
        for (const [id, entry] of Object.entries(run.remote.cards)) {
          expect(run.devices[0]!.local.cards.some((c) => c.id === id)).toBe(!isRemoved(entry));
        }
      },
      200,
    );
  });
  it('the final state does not depend on the order devices merge in', () => {
    check(
      'history: merge order',
      fc.array(step(3), { maxLength: 50 }),
      (steps) => {
        const { devices, now } = runHistory(3, steps, true);
        const states = devices.map((d) => stateOf(d, now));
        same(
          mergeStates(mergeStates(states[0]!, states[1]!), states[2]!),
          mergeStates(states[2]!, mergeStates(states[1]!, states[0]!)),
        );
      },
      200,
    );
  });
});

describe('sample states', () => {
  it('are valid, reproducible, and carry lastReview and reps per card', () => {
    check(
      'samples',
      fc.integer({ min: 0, max: 1_000_000 }),
      (seed) => {
        const state = sampleState(seed);
        expect(canonical(sampleState(seed))).toBe(canonical(state));
        const parsed = parseState(JSON.parse(JSON.stringify(state)));
        expect(parsed.ok).toBe(true);
        for (const entry of Object.values(state.cards)) {
          expect(entry.lastReview === null || Number.isInteger(entry.lastReview)).toBe(true);
          expect(Number.isInteger(entry.reps)).toBe(true);
        }
      },
      20,
    );
  });
});

const HOUR = 3_600_000;
const YEAR = 365 * 24 * HOUR;
const NOW = Date.UTC(2026, 11, 7, 12);

/** Times a device with a wrong clock, a buggy version or a forger could write, beside ordinary ones. */
const wildTime = fc.oneof(
  fc.constantFrom(0, 1, -5, 1.5, 1e300, -1e300, Number.NaN, Infinity, MAX_TIME, MAX_TIME + 1),
  fc.constantFrom(Date.UTC(1999, 11, 31), NOW + MAX_AHEAD_MS, NOW + MAX_AHEAD_MS + 1, NOW + 5 * YEAR),
  fc.integer({ min: NOW - 3 * YEAR, max: NOW + 6 * YEAR }),
);
const entriesOf = <V>(keys: readonly string[], value: fc.Arbitrary<V>) =>
  fc.array(fc.tuple(fc.constantFrom(...keys), value), { maxLength: 4 }).map((pairs) => Object.fromEntries(pairs));
/** A state as storage.sync could hold it after another device wrote it: any key, any time, some wrong types. */
const rawState = fc.record({
  v: fc.constant(1),
  cards: entriesOf(
    ['c1', 'c2', '__proto__', 'constructor', 'prototype', 'Not An Id'],
    fc.record(
      {
        lastReview: fc.option(wildTime, { nil: null }),
        reps: fc.oneof(small, fc.constantFrom(-1, 1.5, '3')),
        rAt: wildTime,
        due: wildTime,
        stability: fc.double({ min: -1, max: 40_000, noNaN: false }),
        difficulty: fc.double({ min: -1, max: 11 }),
        state: fc.constantFrom(0, 1, 2, 3, 4),
        suspended: fc.constantFrom(0, 1, true),
        buriedUntil: wildTime,
        fAt: wildTime,
        add: wildTime,
        source: fc.constantFrom('manual', 'auto', 'evil'),
        del: wildTime,
      },
      { requiredKeys: ['lastReview', 'reps'] },
    ),
  ),
  settings: entriesOf(
    ['theme', 'srs.newPerDay', 'sites.leetcode', '__proto__.polluted', 'constructor.prototype', 'sites.__proto__'],
    fc.record({ at: wildTime, value: fc.oneof(small, fc.boolean(), fc.constantFrom('dark', 'yes', 'system')) }),
  ),
  saved: entriesOf(
    ['https://leetcode.com/problems/two-sum/', 'javascript:alert(1)', 'https://codeforces.com/problem/1', '__proto__'],
    fc.record({
      at: wildTime,
      value: fc.option(
        fc.record({
          site: fc.constantFrom('leetcode', 'codeforces'),
          slug: fc.constant('two-sum'),
          title: fc.constantFrom('Two Sum', '<img src=x onerror=alert(1)>'),
          savedAt: wildTime,
        }),
        { nil: null },
      ),
    }),
  ),
  hidden: entriesOf(['leetcode:two-sum', '__proto__', 'evil:x'], fc.record({ at: wildTime, value: fc.boolean() })),
  solved: entriesOf(['print-in-order', '__proto__', 'constructor'], wildTime),
  days: entriesOf(
    ['d1', '__proto__', 'constructor'],
    entriesOf(['2026-12-01', '1970-01-01', '2026-02-30', '__proto__'], fc.oneof(small, fc.constantFrom(-1, 1.5))),
  ),
});

/** Every time in a checked state that decides a merge. */
function stampsOf(state: SyncState): number[] {
  return [
    ...Object.values(state.cards).flatMap((e) => [e.rAt, e.fAt, e.add, ...(e.del === undefined ? [] : [e.del])]),
    ...[state.settings, state.saved, state.hidden].flatMap((part) => Object.values(part).map((s) => s.at)),
    ...Object.values(state.solved),
  ];
}

describe('skewed and absurd clocks', () => {
  it('reading a state drops each bad entry alone, bounds every time, and reading again changes nothing', () => {
    check(
      'checked: bounded and stable',
      fc.tuple(rawState, fc.integer({ min: -YEAR, max: YEAR })),
      ([raw, offset]) => {
        const now = NOW + offset;
        const { state, ignored } = checkState(raw, now);
        for (const t of stampsOf(state)) {
          expect(t === 0 || (t >= MIN_TIME && t <= Math.max(now + MAX_AHEAD_MS, FIRST_RELEASE))).toBe(true);
        }
        for (const part of [state.cards, state.settings, state.saved, state.hidden, state.solved, state.days]) {
          for (const key of ['__proto__', 'constructor', 'prototype']) expect(Object.hasOwn(part, key)).toBe(false);
        }
        const again = checkState(JSON.parse(JSON.stringify(state)), now);
        expect(again.ignored).toEqual([]);
        expect(canonical(again.state)).toBe(canonical(state));
        // Each entry is either kept or named, never both, never neither.
        const kept = Object.keys(state.cards).length;
        const named = ignored.filter((i) => i.what.startsWith('card ')).length;
        expect(kept + named).toBe(Object.keys(raw.cards).length);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      },
      400,
    );
  });

  it('the merge of states read with skewed clocks is commutative, associative and idempotent', () => {
    const read = (raw: unknown) => checkState(raw, NOW).state;
    check(
      'checked: algebra',
      fc.tuple(rawState, rawState, rawState),
      ([ra, rb, rc]) => {
        const [a, b, c] = [read(ra), read(rb), read(rc)];
        same(mergeStates(a, b), mergeStates(b, a));
        same(mergeStates(mergeStates(a, b), c), mergeStates(a, mergeStates(b, c)));
        same(mergeStates(a, a), mergeStates(a, emptyState()));
        same(mergeStates(mergeStates(a, b), b), mergeStates(a, b));
      },
      400,
    );
  });

  it('devices whose clocks are hours apart end identical and lose no review', () => {
    // Within MAX_AHEAD_MS of each other: no time is treated as "now", the clocks only reorder close changes.
    const skew = fc.integer({ min: -4 * HOUR, max: 19 * HOUR });
    check(
      'history: clocks hours apart',
      fc.tuple(fc.array(step(3), { maxLength: 60 }), fc.tuple(skew, skew, skew)),
      ([steps, skews]) => {
        const run = runHistory(3, steps, false, skews);
        expectConverged(run);
        expectNoReviewLost(run);
      },
      150,
    );
  });

  it('with a clock five years ahead, the devices still agree, stop writing, and keep every time within a day', () => {
    check(
      'history: a clock years ahead',
      fc.tuple(fc.array(step(3), { maxLength: 60 }), fc.integer({ min: 2 * 24 * HOUR, max: 5 * YEAR })),
      ([steps, ahead]) => {
        const run = runHistory(3, steps, true, [ahead, 0, 0], 4);
        expectConverged(run);
        for (const t of stampsOf(run.remote)) expect(t).toBeLessThanOrEqual(run.now + MAX_AHEAD_MS);
      },
      150,
    );
  });

  it('forged items written into storage.sync are ignored, counted, and gone after the next sync', () => {
    const forged = JSON.parse(
      JSON.stringify({
        cards: { c1: { lastReview: null, reps: 0 }, c2: { lastReview: null, reps: 0, due: NOW, add: NOW, rAt: 1e300 } },
        settings: { theme: { at: NOW + 5 * YEAR, value: 'dark' } },
        saved: { 'javascript:alert(1)': { at: NOW, value: null } },
        solved: { s1: 1 },
      }),
    ) as Record<string, Record<string, unknown>>;
    // Keys JSON.stringify would not write as own properties of a literal are added as JSON does.
    Object.assign(forged, JSON.parse('{"days":{"__proto__":{"2026-12-01":5}}}'));
    Object.assign(forged.settings!, JSON.parse('{"__proto__.polluted":{"at":1,"value":"yes"}}'));
    Object.assign(forged.cards!, JSON.parse('{"__proto__":{"lastReview":null,"reps":0,"due":0,"add":0}}'));
    check(
      'history: forged items',
      fc.tuple(fc.array(step(2), { maxLength: 40 }), fc.nat(40)),
      ([steps, at]) => {
        const devices = [newDevice('dev0'), newDevice('dev1')];
        let remote = emptyState();
        let now = START;
        for (const [i, s] of steps.entries()) {
          now += s.gap;
          if (i === Math.min(at, steps.length - 1)) remote = { ...remote, ...forgedOver(remote, forged) };
          if (s.sync) remote = syncDevice(devices[s.device]!, remote, now);
          else act(devices[s.device]!, s.action, now);
        }
        remote = { ...remote, ...forgedOver(remote, forged) };
        const quiet = syncUntilQuiet(devices, remote, now, 3);
        expectConverged({ devices, ...quiet });
        expect(checkState(JSON.parse(JSON.stringify(quiet.remote)), quiet.now).ignored).toEqual([]);
        expect(devices.some((d) => d.ignored.length > 0)).toBe(true);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        // The later theme a device 5 years ahead claimed counts from when it was read, not for ever.
        expect(quiet.remote.settings.theme!.at).toBeLessThanOrEqual(quiet.now);
      },
      100,
    );
  });
});

/** `remote` with the forged parts written over it, as a buggy or hostile writer would (not typed: it is not valid). */
function forgedOver(remote: SyncState, forged: Record<string, Record<string, unknown>>): SyncState {
  const out = JSON.parse(JSON.stringify(remote)) as Record<string, Record<string, unknown>>;
  for (const [part, entries] of Object.entries(forged)) {
    out[part] ??= {};
    for (const key of Object.keys(entries)) {
      Object.defineProperty(out[part], key, {
        value: entries[key],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return out as unknown as SyncState;
}

describe("the README's example state", () => {
  it('is valid as it stands, and its minimal card makes a card a backup accepts', () => {
    const readme = readFileSync('README.md', 'utf8');
    const block = /\*\*The synced state\*\*[\s\S]*?```jsonc\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    // JSONC to JSON: comments after whitespace (not the // of a URL), then trailing commas.
    const text = block!.replace(/(^|\s)\/\/.*$/gm, '$1').replace(/,(\s*[}\]])/g, '$1');
    const parsed = parseState(JSON.parse(text));
    expect(parsed.ok ? 'valid' : parsed.message).toBe('valid');
    if (!parsed.ok) return;
    expect(Object.keys(parsed.state.cards)).toEqual(['task-group-vs-gather', 'gather-basics']);
    const device = newDevice('readme');
    syncDevice(device, parsed.state, Date.UTC(2026, 11, 7));
    for (const card of device.local.cards) expect(v.safeParse(CardSchema, card).issues).toBeUndefined();
    expect(device.ignored).toEqual([]);
  });
});
