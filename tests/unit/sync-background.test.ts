/**
 * startSync() as the background runs it, over WXT's fake browser: with the switch off it touches neither
 * storage.sync nor the database; on, the first sync merges what storage.sync holds and a later write there
 * (another device) reaches the database through storage.onChanged; a forged item leaves the background working.
 */
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_NAME, openDb } from '@/utils/db';
import { addCards } from '@/utils/srs/repository';
import { startSync } from '@/utils/sync';
import { sampleState } from '../../scripts/lib/sync-simulate';
import { toItems } from '@/utils/sync/shard';
import type { SyncStatus } from '@/utils/sync/prefs';
import type { Runtime } from 'webextension-polyfill';
import { handleMessage, type BackgroundServices } from '@/utils/background/router';
import { knowledge } from '@/utils/knowledge/all';
import type { PageDecision } from '@/utils/messages';
import { isProblemHidden } from '@/utils/hidden';
import { loadSettings } from '@/utils/settings';
import { compactIndex } from '../../scripts/lib/generate-data';
import { PRINT_IN_ORDER_SNAPSHOT } from '../support/page-snapshots';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => Promise<boolean>, ms = 5000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await wait(50);
  }
  throw new Error('timed out');
}

beforeEach(async () => {
  fakeBrowser.reset();
  await Dexie.delete(DB_NAME);
});
afterEach(async () => {
  fakeBrowser.reset();
  await Dexie.delete(DB_NAME);
});

describe('startSync', () => {
  it('with sync off, changes nothing: no storage.sync write, no database change, no status', async () => {
    await fakeBrowser.storage.local.set({ syncPrefs: { enabled: false, device: 'here' } });
    const db = openDb();
    await addCards(db, ['gather-basics'], 'manual', 1_700_000_000_000);
    const cardsBefore = await db.cards.toArray();
    const remote = toItems(sampleState(3)).items;
    await fakeBrowser.storage.sync.set(remote);
    startSync();
    await wait(300);
    // Another device writes while sync is off here; so does this device's user.
    await fakeBrowser.storage.sync.set({ 'aw:c00': {} });
    await addCards(db, ['async-deadlocks'], 'manual', 1_700_000_001_000);
    await wait(800);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({ ...remote, 'aw:c00': {} });
    expect((await db.cards.toArray()).map((c) => c.id).sort()).toEqual(
      ['async-deadlocks', ...cardsBefore.map((c) => c.id)].sort(),
    );
    expect(await db.syncShadow.count()).toBe(0);
    expect(await db.remoteDays.count()).toBe(0);
    const local = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(local).sort()).toEqual(['syncPrefs']);
    db.close();
  });

  it('with sync on, merges storage.sync on start and follows later remote writes', async () => {
    const db = openDb();
    await addCards(db, ['gather-basics'], 'manual', 1_700_000_000_000);
    const remote = sampleState(11);
    const remoteIds = Object.keys(remote.cards);
    await fakeBrowser.storage.sync.set(toItems(remote).items);
    startSync();

    await until(async () => (await db.cards.count()) === remoteIds.length + 1);
    // Merged, not replaced: the local card is kept and now in storage.sync too.
    await until(async () => JSON.stringify(await fakeBrowser.storage.sync.get(null)).includes('gather-basics'));
    const status = (await fakeBrowser.storage.local.get('syncStatus')).syncStatus as { phase: string };
    expect(status.phase).toBe('ok');
    // "Another device" reviews a card: the change arrives through onChanged.
    const next = structuredClone(remote);
    const id = remoteIds[0]!;
    next.cards[id] = { ...next.cards[id]!, reps: 99, lastReview: 1_900_000_000_000, rAt: 1_900_000_000_000 };
    await fakeBrowser.storage.sync.set(toItems(next).items);
    await until(async () => (await db.cards.get(id))?.reps === 99);
    db.close();
  });
});

describe('another device writes a forged settings path', () => {
  it('the background keeps answering page reports and validating, and the item is rewritten clean', async () => {
    const db = openDb();
    await addCards(db, ['gather-basics'], 'manual', 1_790_000_000_000);
    // As storage.sync delivers JSON: the key "__proto__.polluted" is an own property like any other.
    await fakeBrowser.storage.sync.set(
      JSON.parse(
        '{"aw:v":1,"aw:s":{"__proto__.polluted":["1","yes"],"constructor.prototype":["1",{"x":1}]}}',
      ) as Record<string, unknown>,
    );
    startSync();
    // The first sync's report, whatever it says.
    await until(async () => {
      const status = (await fakeBrowser.storage.local.get('syncStatus')).syncStatus as SyncStatus | undefined;
      return status !== undefined && status.phase !== 'idle' && status.phase !== 'syncing';
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const status = (await fakeBrowser.storage.local.get('syncStatus')).syncStatus as SyncStatus;
    expect(status.message).toBeUndefined();
    expect(status.phase).toBe('ok');
    expect(status.ignored?.count).toBe(2);
    expect(status.ignored?.examples[0]).toMatch(/setting "__proto__\.polluted": not a setting/);
    const items = await fakeBrowser.storage.sync.get('aw:s');
    expect(Object.keys(items['aw:s'] as object)).not.toContain('__proto__.polluted');

    const decision = (await handleMessage(
      { type: 'page/report', snapshot: RELATED },
      fromTab(3),
      services(),
    )) as PageDecision;
    expect(decision.show).toBe(true);
    expect(decision.show && decision.view.cards.length).toBeGreaterThan(0);
    db.close();
  });
});

const RELATED = PRINT_IN_ORDER_SNAPSHOT;

const fromTab = (id: number): Runtime.MessageSender => ({
  tab: { id, windowId: 1, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
  url: RELATED.url,
});

/** The page decision's services with the real settings and hidden-badge reads (what sync writes). */
const services = (): BackgroundServices => ({
  index: async () => compactIndex(knowledge),
  now: () => Date.now(),
  siteEnabled: async (site) => (await loadSettings()).sites[site],
  isHidden: isProblemHidden,
  setHidden: async () => undefined,
  addCards: async (ids) => ids.length,
  setTabBadge: async () => undefined,
  dropFindings: async () => undefined,
  openPanel: async () => true,
  loadOverlay: async () => true,
  readEditor: async () => null,
  practiceSolvedAt: async () => null,
});
