/**
 * Sync in the real extension: the state Options shows, the switch, "Sync now", a change that "another device"
 * writes to chrome.storage.sync reaching an open side panel without a reload, and forged items from another
 * device leaving the extension working (the overlay still appears) and named in Options. Also shoots the
 * Options sync section at 320 px and wide, light and dark, and with the notice of ignored entries.
 */
import type { Page, Worker } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { test, expect, openExtensionPage, overlay, screenshotPath } from './fixtures';
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

/**
 * Resolves once the service worker has dispatched the next storage.sync change: its own listeners were added
 * at start-up, before this one, so they have run by then. Call before the write, await after.
 */
async function nextSyncChange(worker: Worker): Promise<() => Promise<void>> {
  await worker.evaluate(() => {
    type Listener = (changes: object, area: string) => void;
    type Api = { storage: { onChanged: { addListener(l: Listener): void; removeListener(l: Listener): void } } };
    const g = globalThis as unknown as { chrome: Api; __syncChanged?: Promise<void> };
    g.__syncChanged = new Promise((resolve) => {
      const listener: Listener = (_changes, area) => {
        if (area !== 'sync') return;
        g.chrome.storage.onChanged.removeListener(listener);
        resolve();
      };
      g.chrome.storage.onChanged.addListener(listener);
    });
  });
  return () => worker.evaluate(() => (globalThis as unknown as { __syncChanged: Promise<void> }).__syncChanged);
}

/** The sync status the background last reported (storage.local), read in the service worker. */
const syncStatus = (worker: Worker) =>
  worker.evaluate(async () => {
    type Api = { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    return (await api.storage.local.get('syncStatus')).syncStatus as
      { phase: string; lastSyncedAt: number | null; ignored?: { count: number; examples: string[] } } | undefined;
  });

/** Waits for the background to stop syncing: its stop() resets the stored status after dropping the engine. */
async function syncStopped(worker: Worker) {
  await expect.poll(async () => (await syncStatus(worker))?.lastSyncedAt, { message: 'sync stopped' }).toBeNull();
}

/**
 * What another device, a buggy older version or anyone with the user's browser account could write, beside two
 * valid cards (`otherDevice`): settings paths and card ids through `__proto__`/`constructor`, a card in the
 * old minimal form, a `javascript:` link with an HTML title, a saved problem of an unsupported site, a solve
 * at 1 ms, a device id `__proto__`. As JSON text: a `__proto__` key must arrive as the browser delivers it, an
 * own property, which a structured copy into the worker would not keep.
 */
function forgedItems(): { json: string; ignored: number } {
  const items = toItems(otherDevice()).items as Record<string, Record<string, unknown>>;
  const [bucket, cards] = Object.entries(items).find(([k]) => /^aw:c\d\d$/.test(k))!;
  const card = Object.values(cards)[0];
  const t = Date.now().toString(36);
  items['aw:s'] = { ...items['aw:s'], PROTO_polluted: ['1', 'yes'], 'constructor.prototype': ['1', { polluted: 1 }] };
  items[bucket] = { ...cards, PROTO_: card, constructor: card, shield: { lastReview: null, reps: 0 } };
  items['aw:p01'] = {
    'javascript:alert(1)': [t, 'leetcode', 'x', '<img src=x onerror=alert(1)>', t],
    'https://codeforces.com/problemset/problem/1/A': [t, 'codeforces', '1A', 'Theatre', t],
  };
  items['aw:x'] = { 'print-in-order': '1' };
  items['aw:d:PROTO_'] = { '2026-12-06': 5 };
  const json = JSON.stringify(items)
    .replaceAll('"PROTO_polluted"', '"__proto__.polluted"')
    .replaceAll('PROTO_', '__proto__');
  return { json, ignored: 9 };
}

async function writeSyncJson(worker: Worker, json: string) {
  await worker.evaluate(async (text) => {
    const api = (globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }).chrome;
    await api.storage.sync.set(JSON.parse(text) as object);
  }, json);
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
  const changed = await nextSyncChange(worker);
  await writeSync(worker, toItems(otherDevice()).items);
  // The background has seen the change (and, with sync off, left it): only then is "still 0" an answer.
  await changed();
  await expect(panel.locator('.aw-state-table tfoot td')).toHaveText('0');
  expect((await syncStatus(worker))?.phase).toBe('idle');
  // Turning it back on merges what arrived meanwhile.
  await options.bringToFront();
  await section.getByRole('switch').check();
  await expect(panel.locator('.aw-state-table tfoot td')).toHaveText('2');
});

test("another device's forged items arrive while the side panel is open: the rest applies, the overlay still appears", async ({
  context,
  extensionId,
  worker,
  routes,
}) => {
  const problemUrl = 'https://leetcode.com/problems/print-in-order/';
  await routes({ [problemUrl]: 'sites/leetcode-print-in-order.html' });
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await panel.getByRole('tab', { name: 'Stats' }).click();
  await expect(panel.locator('.aw-state-table tfoot td')).toHaveText('0');
  await expect.poll(async () => (await syncStatus(worker))?.phase, { message: 'the first sync' }).toBe('ok');

  const before = (await syncStatus(worker))?.lastSyncedAt ?? 0;
  const forged = forgedItems();
  await writeSyncJson(worker, forged.json);
  // The background's report on the sync that read them, whatever it says.
  await expect
    .poll(async () => {
      const status = await syncStatus(worker);
      return status?.phase === 'error' || (status?.lastSyncedAt ?? 0) > before;
    })
    .toBe(true);

  // The background still decides what a page gets: the overlay appears on the next related problem.
  const problem = await context.newPage();
  await problem.goto(problemUrl);
  await overlay(problem).badgeVisible();
  expect(await worker.evaluate(() => Object.keys(Object.prototype))).toEqual([]);

  const status = await syncStatus(worker);
  expect(status?.phase).toBe('ok');
  expect(status?.ignored?.count).toBe(forged.ignored);
  // The valid entries beside them applied, in the panel that was open all along.
  await expect(panel.locator('.aw-state-table tfoot td')).toHaveText('2');
  await expect(stateRow(panel, 'Suspended')).toHaveText('1');
  // storage.sync no longer holds them: rewritten from this browser's valid data.
  const stored = await worker.evaluate(async () => {
    type Api = { storage: { sync: { get(k: null): Promise<object> } } };
    return JSON.stringify(await (globalThis as unknown as { chrome: Api }).chrome.storage.sync.get(null));
  });
  for (const text of ['__proto__', 'constructor', 'javascript:', 'codeforces', 'shield', 'print-in-order'])
    expect(stored).not.toContain(text);

  const options = await openExtensionPage(context, extensionId, 'options.html');
  await expect(syncSection(options).getByRole('status')).toContainText(
    `${forged.ignored} entries from another device were ignored`,
  );
  await expect(syncSection(options).getByRole('status')).toContainText('card "__proto__": not a card id');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots of the ignored-entries notice in Options (${scheme}, 320 px and 200 %)`, async ({
    context,
    extensionId,
    worker,
  }) => {
    const options = await openExtensionPage(context, extensionId, 'options.html');
    await options.emulateMedia({ colorScheme: scheme });
    const section = syncSection(options);
    await expect(section.getByRole('status')).toContainText('On, last synced');
    await writeSyncJson(worker, forgedItems().json);
    await expect(section.getByRole('status')).toContainText('entries from another device were ignored');
    // Outside test-results/, which Playwright empties at the start of every run.
    mkdirSync('screenshots/sync', { recursive: true });
    for (const [width, zoom] of [
      [1100, 1],
      [320, 1],
      [1100, 2],
    ] as const) {
      await options.setViewportSize({ width, height: 900 });
      await options.evaluate((z) => (document.documentElement.style.zoom = String(z)), zoom);
      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path: `screenshots/sync/options-sync-ignored-${width}-${zoom * 100}-${scheme}.png` });
    }
    const { violations } = await new AxeBuilder({ page: options }).include('.aw-sync').analyze();
    expect(violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

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
