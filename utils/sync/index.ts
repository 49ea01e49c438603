/**
 * Sync in the background: `startSync()` is called once from the background's synchronous main, so the
 * listeners exist before a restarted service worker handles the event that woke it. Everything else waits for
 * the switch in storage.local: with sync off nothing here reads or writes storage.sync or the database.
 */
import { liveQuery, type Subscription } from 'dexie';
import { browser } from 'wxt/browser';
import { openDb, type AwaitwiseDb } from '@/utils/db';
import { loadSettings, saveSettings } from '@/utils/settings';
import { LOCAL_DELAY_MS, REMOTE_DELAY_MS, SyncEngine } from './engine';
import {
  HIDDEN_KEY,
  loadHidden,
  loadPrefs,
  loadStatus,
  PREFS_KEY,
  REQUEST_KEY,
  STATUS_KEY,
  type SyncStatus,
} from './prefs';
import { PREFIX } from './shard';

const ALARM = 'awaitwise-sync';

/** Local data sync carries: a change to any of it schedules a sync. */
function watchLocal(db: AwaitwiseDb, onChange: () => void): Subscription {
  let first = true;
  return liveQuery(() =>
    Promise.all([db.cards.toArray(), db.saved.toArray(), db.practiceProgress.toArray(), db.reviewLogs.count()]),
  ).subscribe({
    next: () => {
      if (first) first = false;
      else onChange();
    },
    error: (error: unknown) => console.error('[awaitwise] sync watch failed', error),
  });
}

export function startSync(): void {
  let engine: SyncEngine | null = null;
  let watch: Subscription | null = null;
  let db: AwaitwiseDb | null = null;

  const stop = async () => {
    watch?.unsubscribe();
    await engine?.stop();
    engine = null;
    watch = null;
    await browser.storage.local.set({
      [STATUS_KEY]: { phase: 'idle', lastSyncedAt: null, cardsTotal: 0, cardsSynced: 0, bytes: 0 } satisfies SyncStatus,
    });
  };

  const startNow = async () => {
    const prefs = await loadPrefs();
    if (!prefs.enabled) {
      if (engine) await stop();
      return;
    }
    if (engine) return;
    db ??= openDb();
    const started = new SyncEngine({
      db,
      area: browser.storage.sync,
      device: prefs.device,
      now: () => Date.now(),
      loadSettings,
      saveSettings,
      loadHidden,
      saveHidden: (keys) => browser.storage.local.set({ [HIDDEN_KEY]: keys }),
      saveStatus: (status) => browser.storage.local.set({ [STATUS_KEY]: status }),
      loadStatus,
    });
    engine = started;
    watch = watchLocal(db, () => started.schedule(LOCAL_DELAY_MS));
    // First sync on this device (or after a restart) merges with what storage.sync already has.
    started.schedule(0);
  };
  // One at a time: the switch can change while a start is still reading it.
  let starting = Promise.resolve();
  const start = () =>
    (starting = starting
      .then(startNow)
      .catch((error: unknown) => console.error('[awaitwise] sync failed to start', error)));

  browser.storage.onChanged.addListener((changes, area) => {
    const keys = Object.keys(changes);
    if (area === 'sync') {
      if (keys.some((k) => k.startsWith(PREFIX))) engine?.schedule(REMOTE_DELAY_MS);
    } else if (area === 'local') {
      if (keys.includes(PREFS_KEY)) void start();
      if (keys.includes(REQUEST_KEY)) void engine?.sync();
      if (keys.includes('settings') || keys.includes(HIDDEN_KEY)) engine?.schedule(LOCAL_DELAY_MS);
    }
  });
  // A worker that was stopped mid-backoff picks up again here; the engine's own timers do not survive it.
  // Not every implementation answers with a promise (WXT's fake browser does not).
  Promise.resolve(browser.alarms?.create(ALARM, { periodInMinutes: 15 })).catch((error: unknown) =>
    console.error('[awaitwise] no sync alarm', error),
  );
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) engine?.schedule(0);
  });
  void start();
}
