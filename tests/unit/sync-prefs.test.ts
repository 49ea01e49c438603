/** Sync's status in storage.local, as Options reads it: validated, a damaged value reads as none yet. */
import { beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loadPrefs, loadStatus, watchStatus, type SyncStatus } from '@/utils/sync/prefs';

beforeEach(() => fakeBrowser.reset());

const OK: SyncStatus = { phase: 'ok', lastSyncedAt: 1_700_000_000_000, cardsTotal: 9, cardsSynced: 9, bytes: 812 };

it('reads a good status and refuses a damaged one, on load and on change', async () => {
  await fakeBrowser.storage.local.set({ syncStatus: OK });
  expect(await loadStatus()).toEqual(OK);
  await fakeBrowser.storage.local.set({ syncStatus: { ...OK, phase: 'exploded' } });
  expect(await loadStatus()).toBeNull();

  const seen: (SyncStatus | null)[] = [];
  const stop = watchStatus((s) => seen.push(s));
  await fakeBrowser.storage.local.set({ syncStatus: { ...OK, bytes: 900 } });
  await fakeBrowser.storage.local.set({ syncStatus: { ...OK, cardsTotal: 'nine' } });
  await vi.waitFor(() => expect(seen).toEqual([{ ...OK, bytes: 900 }, null]));
  stop();
});

it('keeps what a sync dropped in the status, and replaces a device id that is not one', async () => {
  const dropped = { count: 2, at: 1_800_000_000_000, examples: ['card "x": due: missing'] };
  await fakeBrowser.storage.local.set({ syncStatus: { ...OK, ignored: dropped, repaired: dropped } });
  expect(await loadStatus()).toEqual({ ...OK, ignored: dropped, repaired: dropped });

  for (const device of ['__proto__', 'constructor', '<b>x</b>', 7]) {
    await fakeBrowser.storage.local.set({ syncPrefs: { enabled: true, device } });
    const prefs = await loadPrefs();
    expect(prefs.device).toMatch(/^[0-9a-f]{8}$/);
    expect(prefs.enabled).toBe(true);
  }
});
