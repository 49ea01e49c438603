/**
 * Sync in the real extension: the state Options shows, the switch, "Sync now", and a change that "another
 * device" writes to chrome.storage.sync reaching an open side panel without a reload. Also shoots the Options
 * sync section at 320 px and wide, light and dark.
 */
import type { Page, Worker } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { test, expect, openExtensionPage, screenshotPath } from './fixtures';
import { emptyState } from '../../scripts/lib/sync-simulate';
import type { CardEntry, SyncState } from '../../utils/sync/shape';
import { toItems } from '../../utils/sync/shard';
import { dayKey } from '../../utils/srs/day';

const NOW = Date.now();
const entry = (patch: Partial<CardEntry>): CardEntry => ({
  lastReview: NOW - 3_600_000,
  reps: 3,
  rAt: NOW - 3_600_000,
  due: NOW + 86_400_000,
  stability: 4.2,
  difficulty: 5.1,
  elapsedDays: 1,
  scheduledDays: 4,
  learningSteps: 0,
  lapses: 0,
  state: 2,
  leech: 0,
  suspended: 0,
  buriedUntil: 0,
  fAt: 0,
  add: NOW - 86_400_000 * 3,
  source: 'manual',
  ...patch,
});

/** What another device would have written: two reviewed cards, one of them suspended. */
function otherDevice(): SyncState {
  const state = emptyState();
  state.cards['as-completed-order'] = entry({});
  state.cards['async-deadlocks'] = entry({ suspended: 1, fAt: NOW - 60_000 });
  state.days['laptop'] = { [dayKey(NOW, 4)]: 2 };
  return state;
}

async function writeSync(worker: Worker, items: Record<string, unknown>) {
  await worker.evaluate(async (value) => {
    const api = (globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }).chrome;
    await api.storage.sync.set(value);
  }, items);
}

/** STATUS_KEY of utils/sync/prefs.ts (which imports the extension's browser API, so not from here). */
const STATUS_KEY = 'syncStatus';

/** Waits for the background to stop syncing: its stop() resets the stored status after dropping the engine. */
async function syncStopped(worker: Worker) {
  await expect
    .poll(() =>
      worker.evaluate(async (key) => {
        const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<object> } } } })
          .chrome;
        const stored = (await api.storage.local.get(key)) as Record<string, { lastSyncedAt?: unknown } | undefined>;
        return stored[key]?.lastSyncedAt ?? null;
      }, STATUS_KEY),
    )
    .toBeNull();
}

/**
 * Writes another device's items and resolves once the background has been told: a listener added now runs
 * after the background's own (added at start-up) for the same change.
 */
async function writeSyncSeen(worker: Worker, items: Record<string, unknown>) {
  await worker.evaluate(async (value) => {
    type Listener = (changes: object, area: string) => void;
    const api = (
      globalThis as unknown as {
        chrome: {
          storage: {
            sync: { set(v: object): Promise<void> };
            onChanged: { addListener(l: Listener): void; removeListener(l: Listener): void };
          };
        };
      }
    ).chrome;
    await new Promise<void>((resolve, reject) => {
      const seen: Listener = (_changes, area) => {
        if (area !== 'sync') return;
        api.storage.onChanged.removeListener(seen);
        resolve();
      };
      api.storage.onChanged.addListener(seen);
      api.storage.sync.set(value).catch(reject);
    });
  }, items);
}

const syncSection = (page: Page) => page.getByRole('region', { name: 'Sync' });
const stateRow = (page: Page, label: string) =>
  page.locator('.aw-state-table tr', { has: page.getByRole('rowheader', { name: label }) }).locator('td');

test('Options shows the sync state, the switch turns it off and on, Sync now syncs', async ({
  context,
  extensionId,
}) => {
  const options = await openExtensionPage(context, extensionId, 'options.html');
  const section = syncSection(options);
  const toggle = section.getByRole('switch', { name: /Sync my progress/ });
  await expect(toggle).toBeChecked();
  await expect(section.getByRole('status')).toContainText(/On, last synced (just now|\d+ minutes? ago)/);
  await section.getByRole('button', { name: 'Sync now' }).click();
  await expect(section.getByRole('status')).toContainText('On, last synced just now');

  await toggle.uncheck();
  await expect(section.getByRole('status')).toContainText('Off: your progress stays in this browser only.');
  await expect(section.getByRole('button', { name: 'Sync now' })).toBeDisabled();
  await toggle.check();
  await expect(section.getByRole('status')).toContainText(/On, (last synced|syncing)/);
  await expect(section.getByRole('status')).toContainText('On, last synced just now');
});

test('a change written to storage.sync by another device shows in the open side panel without a reload', async ({
  context,
  extensionId,
  worker,
}) => {
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await panel.getByRole('tab', { name: 'Stats' }).click();
  await expect(panel.locator('.aw-state-table tfoot td')).toHaveText('0');

  await writeSync(worker, toItems(otherDevice()).items);
  await expect(panel.locator('.aw-state-table tfoot td')).toHaveText('2');
  await expect(stateRow(panel, 'Suspended')).toHaveText('1');
  await expect(stateRow(panel, 'Review')).toHaveText('1');
  // The laptop's two reviews today count for the streak here, though their logs stay on the laptop.
  await expect(panel.locator('dt', { hasText: 'Streak' }).locator('+ dd')).toHaveText('1 day');

  // The other device unsuspends: the flag change wins because it is later.
  const next = otherDevice();
  next.cards['async-deadlocks'] = { ...next.cards['async-deadlocks']!, suspended: 0, fAt: Date.now() };
  await writeSync(worker, toItems(next).items);
  await expect(stateRow(panel, 'Suspended')).toHaveText('0');
  await expect(stateRow(panel, 'Review')).toHaveText('2');
});

test("with sync off, another device's change is not applied here", async ({ context, extensionId, worker }) => {
  const options = await openExtensionPage(context, extensionId, 'options.html');
  const section = syncSection(options);
  await expect(section.getByRole('status')).toContainText('On, last synced');
  await section.getByRole('switch').uncheck();
  await expect(section.getByRole('status')).toContainText('Off');
  // The switch shows the choice at once; the background's own "stopped" is what the absence check waits for:
  // with the engine gone, nothing is left that could apply a remote change later.
  await syncStopped(worker);
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await panel.getByRole('tab', { name: 'Stats' }).click();
  await expect(panel.locator('.aw-state-table tfoot td')).toHaveText('0');
  await writeSyncSeen(worker, toItems(otherDevice()).items);
  await expect(panel.locator('.aw-state-table tfoot td')).toHaveText('0');
  // Turning it back on merges what arrived meanwhile.
  await options.bringToFront();
  await section.getByRole('switch').check();
  await expect(panel.locator('.aw-state-table tfoot td')).toHaveText('2');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots of the Options sync section (${scheme})`, async ({ context, extensionId, worker }) => {
    const options = await openExtensionPage(context, extensionId, 'options.html');
    await options.emulateMedia({ colorScheme: scheme });
    const section = syncSection(options);
    await writeSync(worker, toItems(otherDevice()).items);
    await expect(section.getByRole('status')).toContainText('On, last synced');
    await expect(section.getByRole('status')).toContainText('2 cards synced');
    mkdirSync('test-results/sync', { recursive: true });
    await options.setViewportSize({ width: 1100, height: 900 });
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: screenshotPath(`options-sync-${scheme}`) });
    await options.setViewportSize({ width: 320, height: 900 });
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: `test-results/sync/options-sync-320-${scheme}.png` });
    const { violations } = await new AxeBuilder({ page: options }).include('.aw-sync').analyze();
    expect(violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
