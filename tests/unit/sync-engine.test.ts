/**
 * Two simulated devices: two fake-indexeddb databases, one shared fake storage.sync with the real quotas and
 * onChanged events, each device running the real engine. They review, suspend and add in interleaved orders
 * and must end identical without losing a review; quota and write-rate errors are retried without loss.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { AwaitwiseDb, CardRecord } from '@/utils/db';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { addCards, suspend, unsuspend } from '@/utils/srs/repository';
import { rate } from '@/utils/srs/review';
import { REMOTE_DELAY_MS, SyncEngine } from '@/utils/sync/engine';
import type { SyncStatus } from '@/utils/sync/prefs';
import { itemBytes, SYNC_LIMITS, toItems } from '@/utils/sync/shard';
import { comparableCards } from '../../scripts/lib/sync-simulate';
import { FakeSyncArea, ManualTimers } from './sync-fake-area';
import { throwawayDbs } from './srs-throwaway-db';

const freshDb = throwawayDbs(afterAll);
const START = Date.UTC(2026, 10, 2, 10);

function world(limits: Record<keyof typeof SYNC_LIMITS, number> = { ...SYNC_LIMITS }) {
  const clock = { t: START, now: () => clock.t };
  const area = new FakeSyncArea(clock.now, limits);
  const device = (name: string) => {
    const db = freshDb();
    const timers = new ManualTimers(clock.now);
    const local = { settings: structuredClone<Settings>(DEFAULT_SETTINGS), hidden: [] as string[] };
    const statuses: SyncStatus[] = [];
    const engine = new SyncEngine({
      db,
      area,
      device: name,
      now: clock.now,
      loadSettings: async () => local.settings,
      saveSettings: async (s) => void (local.settings = s),
      loadHidden: async () => local.hidden,
      saveHidden: async (k) => void (local.hidden = k),
      saveStatus: async (s) => void statuses.push(s),
      timers,
    });
    area.onChanged(() => engine.schedule(REMOTE_DELAY_MS));
    return { name, db, engine, timers, local, statuses, status: () => engine.status };
  };
  return { clock, area, device };
}
type Device = ReturnType<ReturnType<typeof world>['device']>;

const IDS = [
  'as-completed-order',
  'async-deadlocks',
  'gather-vs-taskgroup',
  'semaphore-rate-limit',
  'timeouts-wait-for',
];

async function review(d: Device, id: string, rating: 1 | 2 | 3 | 4, now: number) {
  const card = await d.db.cards.get(id);
  if (!card || card.suspended) return;
  const result = await rate(d.db, id, rating, now, DEFAULT_SETTINGS.srs, {
    expected: { reps: card.reps, last_review: card.last_review },
    fuzz: false,
  });
  expect(result.ok).toBe(true);
}

/** Lets queued onChanged deliveries and timers run until nothing is left due. */
async function settle(devices: Device[], clock: { t: number }) {
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 0));
    clock.t += 1_000;
    let ran = 0;
    for (const d of devices) ran += d.timers.runDue();
    for (const d of devices)
      await d.engine.sync.call(d.engine).then(
        () => undefined,
        () => undefined,
      );
    if (ran === 0 && devices.every((d) => d.timers.size === 0)) break;
  }
}

async function logsOf(db: AwaitwiseDb) {
  return db.reviewLogs.toArray();
}

async function expectIdentical(a: Device, b: Device) {
  expect(comparableCards(await b.db.cards.toArray())).toEqual(comparableCards(await a.db.cards.toArray()));
  expect(b.local.settings).toEqual(a.local.settings);
}

/** Every review either device logged shows in both decks, and each device counts the other's reviews. */
async function expectNoReviewLost(devices: Device[]) {
  const all = (await Promise.all(devices.map((d) => logsOf(d.db)))).flat();
  for (const d of devices) {
    const cards = new Map((await d.db.cards.toArray()).map((c) => [c.id, c]));
    for (const log of all) expect(cards.get(log.cardId)!.last_review!).toBeGreaterThanOrEqual(log.reviewedAt);
    const own = (await logsOf(d.db)).length;
    const remote = (await d.db.remoteDays.toArray()).reduce((sum, r) => sum + r.count, 0);
    expect(own + remote).toBe(all.length);
  }
}

describe('two devices through one storage.sync', () => {
  it('review, suspend and add in interleaved orders, end identical and lose no review', async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            device: fc.integer({ min: 0, max: 1 }),
            op: fc.constantFrom('add', 'review', 'review', 'suspend', 'unsuspend', 'sync', 'setting'),
            id: fc.constantFrom(...IDS),
            rating: fc.constantFrom(1 as const, 3 as const, 4 as const),
            gap: fc.integer({ min: 0, max: 6 * 3_600_000 }),
          }),
          { minLength: 10, maxLength: 30 },
        ),
        async (steps) => {
          cases++;
          const { clock, device } = world();
          const devices = [device('laptop'), device('desktop')];
          for (const s of steps) {
            clock.t += s.gap;
            const d = devices[s.device]!;
            if (s.op === 'add') await addCards(d.db, [s.id], 'manual', clock.t);
            else if (s.op === 'review') await review(d, s.id, s.rating, clock.t);
            else if (s.op === 'suspend') await suspend(d.db, s.id);
            else if (s.op === 'unsuspend') await unsuspend(d.db, s.id);
            else if (s.op === 'setting')
              d.local.settings = { ...d.local.settings, theme: s.rating === 1 ? 'dark' : 'light' };
            else await d.engine.sync();
          }
          await settle(devices, clock);
          await expectIdentical(devices[0]!, devices[1]!);
          await expectNoReviewLost(devices);
          for (const d of devices) await d.engine.stop();
        },
      ),
      { numRuns: 25 },
    );
    console.log(`[sync-engine] interleavings run: ${cases}`);
  });

  it('a card added on one device appears on the other through onChanged, and the first sync merges', async () => {
    const { clock, device } = world();
    const laptop = device('laptop');
    await addCards(laptop.db, IDS.slice(0, 3), 'auto', clock.t);
    clock.t += 60_000;
    await review(laptop, IDS[0]!, 3, clock.t);
    await laptop.engine.sync();
    // A new device with its own default deck and one review of its own: merged, neither side replaced.
    const desktop = device('desktop');
    clock.t += 60_000;
    await addCards(desktop.db, IDS.slice(1, 4), 'auto', clock.t);
    await review(desktop, IDS[3]!, 4, clock.t);
    await settle([laptop, desktop], clock);
    await expectIdentical(laptop, desktop);
    const ids = (await desktop.db.cards.toArray()).map((c) => c.id).sort();
    expect(ids).toEqual(IDS.slice(0, 4).sort());
    expect((await desktop.db.cards.get(IDS[0]!))!.reps).toBe(1);
    expect((await laptop.db.cards.get(IDS[3]!))!.reps).toBe(1);
    // One write more on the laptop reaches the desktop through the change event alone.
    await addCards(laptop.db, [IDS[4]!], 'manual', (clock.t += 1000));
    await laptop.engine.sync();
    await settle([desktop], clock);
    expect(await desktop.db.cards.get(IDS[4]!)).toBeDefined();
  });

  it('turned off while a sync is reading, that sync writes nothing to storage.sync and no status after', async () => {
    const { clock, area } = world();
    const db = freshDb();
    await addCards(db, IDS.slice(0, 2), 'auto', clock.t);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const statuses: SyncStatus[] = [];
    const engine = new SyncEngine({
      db,
      area,
      device: 'laptop',
      now: clock.now,
      // The sync is caught mid-way: it has read storage.sync and waits for the settings.
      loadSettings: async () => {
        await held;
        return structuredClone<Settings>(DEFAULT_SETTINGS);
      },
      saveSettings: async () => {},
      loadHidden: async () => [],
      saveHidden: async () => {},
      saveStatus: async (s) => void statuses.push(s),
      timers: new ManualTimers(clock.now),
    });
    const running = engine.sync();
    await new Promise((r) => setTimeout(r, 0));
    const stopped = engine.stop();
    release();
    await Promise.all([running, stopped]);
    expect(area.attempts).toBe(0);
    expect(area.snapshot()).toEqual({});
    expect(statuses).toEqual([]);
    // And no later request starts one.
    engine.schedule(0);
    await engine.sync();
    expect(area.attempts).toBe(0);
  });
});

/** A deck of `n` cards, reviewed at distinct times so "most recent" is well defined; ids as long as real ones. */
async function bigDeck(db: AwaitwiseDb, n: number) {
  const ids = Array.from({ length: n }, (_, i) => `asyncio-question-${String(i).padStart(4, '0')}`);
  await addCards(db, ids, 'auto', START - 86_400_000 * 30);
  const cards = await db.cards.toArray();
  const reviewed: CardRecord[] = cards.map((c, i) => ({
    ...c,
    reps: 1 + (i % 9),
    lapses: i % 3,
    state: 2,
    stability: 1 + ((i * 7.31) % 90),
    difficulty: 1 + ((i * 3.17) % 9),
    last_review: START - 86_400_000 * 20 + i * 60_000,
    due: START + i * 3_600_000,
    scheduled_days: 1 + (i % 40),
    elapsed_days: i % 20,
  }));
  await db.cards.bulkPut(reviewed);
  return reviewed;
}

describe('quotas', () => {
  it('measures the payload for 150 and 2,000 cards and keeps every item within the limits', async () => {
    const sizes: Record<number, object> = {};
    for (const n of [150, 2000]) {
      const { clock, device, area } = world();
      const d = device(`dev${n}`);
      await bigDeck(d.db, n);
      clock.t += 1000;
      await d.engine.sync();
      const state = (await d.db.syncShadow.get('state'))!.state;
      const unlimited = toItems(state, Infinity);
      const items = area.snapshot();
      for (const [k, v] of Object.entries(items))
        expect(itemBytes(k, v)).toBeLessThanOrEqual(SYNC_LIMITS.QUOTA_BYTES_PER_ITEM);
      expect(area.bytes()).toBeLessThanOrEqual(SYNC_LIMITS.QUOTA_BYTES);
      expect(Object.keys(items).length).toBeLessThanOrEqual(SYNC_LIMITS.MAX_ITEMS);
      sizes[n] = {
        fullBytes: unlimited.bytes,
        bytesPerCard: Math.round(unlimited.bytes / n),
        writtenBytes: area.bytes(),
        items: Object.keys(items).length,
        cardsSynced: d.status().cardsSynced,
        phase: d.status().phase,
      };
      if (n === 150) expect(d.status()).toMatchObject({ phase: 'ok', cardsSynced: 150, cardsTotal: 150 });
      else {
        expect(d.status().phase).toBe('over-quota');
        expect(d.status().cardsSynced).toBeLessThan(2000);
        expect(d.status().cardsSynced).toBeGreaterThan(500);
      }
    }
    console.log(`[sync payload] ${JSON.stringify(sizes)}`);
  });

  it('beyond what fits, the most recently reviewed cards sync first', async () => {
    const { clock, device } = world();
    const big = device('big');
    const cards = await bigDeck(big.db, 2000);
    await big.engine.sync();
    const other = device('other');
    clock.t += 1000;
    await other.engine.sync();
    const got = new Set((await other.db.cards.toArray()).map((c) => c.id));
    expect(got.size).toBe(big.status().cardsSynced);
    const byRecency = [...cards].sort((a, b) => b.last_review! - a.last_review!);
    // Every card that made it is newer than every card that did not (up to per-item packing at the edge).
    const newest = byRecency.slice(0, got.size - 100).map((c) => c.id);
    const oldest = byRecency.slice(got.size + 100).map((c) => c.id);
    expect(newest.every((id) => got.has(id))).toBe(true);
    expect(oldest.some((id) => got.has(id))).toBe(false);
    // Nothing is lost on the big device: all 2,000 are still there, as they were.
    expect(await big.db.cards.count()).toBe(2000);
  });

  it('a write-rate error is retried later, and nothing is lost meanwhile', async () => {
    const { clock, device, area } = world();
    const a = device('a');
    const b = device('b');
    await addCards(a.db, IDS, 'manual', clock.t);
    await review(a, IDS[0]!, 3, (clock.t += 1000));
    area.failNext('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    await a.engine.sync();
    expect(a.status().phase).toBe('rate-limited');
    expect(a.status().retryAt).toBeGreaterThan(clock.t);
    expect(await a.db.cards.count()).toBe(IDS.length);
    expect(area.snapshot()).toEqual({});
    // Not before the retry time, then on its own.
    clock.t += 1000;
    expect(a.timers.runDue()).toBe(0);
    clock.t = a.status().retryAt!;
    expect(a.timers.runDue()).toBe(1);
    await settle([a, b], clock);
    expect(a.status().phase).toBe('ok');
    await expectIdentical(a, b);
    expect((await b.db.cards.get(IDS[0]!))!.reps).toBe(1);
  });

  it('keeps its own writes under the per-minute limit instead of hitting it', async () => {
    const { clock, device, area } = world();
    const a = device('a');
    await addCards(a.db, IDS, 'manual', clock.t);
    for (let i = 0; i < 130; i++) {
      clock.t += 100;
      await a.db.cards.update(IDS[i % IDS.length]!, { buriedUntil: clock.t + 86_400_000 });
      await a.engine.sync();
    }
    expect(area.rejected).toEqual([]);
    expect(a.status().phase).toBe('rate-limited');
    clock.t += 61_000;
    a.timers.runDue();
    await settle([a], clock);
    expect(a.status().phase).toBe('ok');
    expect(area.rejected).toEqual([]);
    const last = (await a.db.cards.toArray()).map((c) => c.buriedUntil);
    const b = device('b');
    await b.engine.sync();
    expect((await b.db.cards.toArray()).map((c) => c.buriedUntil).sort()).toEqual(last.sort());
  });

  it('a QUOTA_BYTES error makes it aim lower and retry; the device keeps all its cards', async () => {
    const { clock, device, area } = world({ ...SYNC_LIMITS, QUOTA_BYTES: 60_000 });
    const a = device('a');
    await bigDeck(a.db, 1200);
    await a.engine.sync();
    expect(a.status().phase).toBe('over-quota');
    expect(a.status().message).toMatch(/QUOTA_BYTES/);
    for (let i = 0; i < 12 && area.bytes() === 0; i++) {
      clock.t = a.timers.nextAt() ?? clock.t;
      a.timers.runDue();
      await a.engine.sync();
    }
    expect(area.bytes()).toBeGreaterThan(0);
    expect(area.bytes()).toBeLessThanOrEqual(60_000);
    expect(a.status().cardsSynced).toBeLessThan(1200);
    expect(await a.db.cards.count()).toBe(1200);
  });

  it('writes only the items that changed', async () => {
    const { clock, device, area } = world();
    const a = device('a');
    await addCards(a.db, IDS, 'manual', clock.t);
    await a.engine.sync();
    const before = area.snapshot();
    const attempts = area.attempts;
    await a.engine.sync();
    expect(area.attempts).toBe(attempts);
    await review(a, IDS[2]!, 3, (clock.t += 1000));
    let written: string[] = [];
    const set = area.set.bind(area);
    area.set = async (items) => {
      written = Object.keys(items);
      return set(items);
    };
    await a.engine.sync();
    expect(area.attempts).toBe(attempts + 1);
    // The reviewed card's item and this device's review count for the day; nothing else.
    expect(written.length).toBe(2);
    expect(written).toContain('aw:d:a');
    expect(written.filter((k) => /^aw:c\d\d$/.test(k))).toHaveLength(1);
    expect(
      Object.keys(area.snapshot())
        .filter((k) => JSON.stringify(area.snapshot()[k]) !== JSON.stringify(before[k]))
        .sort(),
    ).toEqual(written.sort());
  });
});
