/** Per-tab state as a validated storage.session item. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { TabState } from '@/utils/page-view';
import { getTabState, setTabState, watchTabState } from '@/utils/tab-state';

beforeEach(() => fakeBrowser.reset());

/** A state with every optional field set, so a field the schema forgot shows as a difference. */
const STATE: TabState = {
  tabId: 4,
  frameId: 0,
  problem: {
    site: 'leetcode',
    url: 'https://leetcode.com/problems/print-in-order/',
    slug: 'print-in-order',
    title: 'Print in Order',
    difficulty: 'Easy',
    tags: ['Concurrency'],
    generic: false,
  },
  view: {
    relevant: true,
    score: 3,
    concepts: [{ id: 'event', name: 'asyncio.Event' }],
    practice: {
      id: 'print-in-order',
      title: 'Print in order',
      hints: ['a', 'b', 'c'],
      tests: 6,
      asyncioVersionOfThreads: true,
      solved: true,
    },
    cards: [{ id: 'event-basics', question: 'What is an Event?', short: 'A flag' }],
  },
  updatedAt: 1_700_000_000_000,
};

describe('tab state', () => {
  it('reads back exactly what was written, every field included', async () => {
    await setTabState(STATE);
    expect(await getTabState(4)).toEqual(STATE);
  });

  it('a damaged or foreign state reads as nothing known', async () => {
    await fakeBrowser.storage.session.set({ 'tab:4': { ...STATE, view: { ...STATE.view, cards: 'none' } } });
    expect(await getTabState(4)).toBeNull();
    await fakeBrowser.storage.session.set({ 'tab:4': 'hello' });
    expect(await getTabState(4)).toBeNull();
  });

  it('watch gives validated values: a damaged write reads as null', async () => {
    const seen: (TabState | null)[] = [];
    const stop = watchTabState(4, (s) => seen.push(s));
    await setTabState(STATE);
    await vi.waitFor(() => expect(seen).toEqual([STATE]));
    await fakeBrowser.storage.session.set({ 'tab:4': { ...STATE, tabId: 'four' } });
    await vi.waitFor(() => expect(seen).toEqual([STATE, null]));
    stop();
  });
});
