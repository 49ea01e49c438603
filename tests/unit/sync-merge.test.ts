/**
 * Properties of the merge, checked with fast-check: the algebra (commutative, associative, idempotent) over
 * random states, and over random histories of two and three devices that review, suspend, add, remove and
 * sync in random interleavings: every device ends identical and no review is lost.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { GradeValue } from '@/utils/db';
import { isRemoved, mergeStates } from '@/utils/sync/merge';
import { canonical, parseState, type CardEntry, type SyncState } from '@/utils/sync/shape';
import {
  act,
  comparableCards,
  emptyState,
  newDevice,
  sampleState,
  stateOf,
  syncDevice,
  type SimAction,
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
  { arbitrary: fc.record({ kind: fc.constant('hide' as const), key: fc.constantFrom('h1', 'h2') }), weight: 1 },
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

function runHistory(
  deviceCount: number,
  steps: { device: number; sync: boolean; action: SimAction; gap: number }[],
  withRemove: boolean,
) {
  const devices = Array.from({ length: deviceCount }, (_, i) => newDevice(`dev${i}`));
  let remote = emptyState();
  let now = Date.UTC(2026, 10, 1, 9);
  for (const s of steps) {
    now += s.gap;
    const device = devices[s.device]!;
    if (s.sync) remote = syncDevice(device, remote, now);
    else if (withRemove || s.action.kind !== 'remove') act(device, s.action, now);
  }
  // Everyone syncs twice, in turn: the first round gathers every change, the second hands them out.
  for (let round = 0; round < 2; round++) for (const d of devices) remote = syncDevice(d, remote, (now += 1000));
  return { devices, remote, now };
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
  for (const d of devices) expect(canonical(stateOf(d, now + 5000))).toBe(canonical(remote));
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
