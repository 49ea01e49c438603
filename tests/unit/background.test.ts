/** The background boundary and per-tab state, against WXT's fake browser (storage.session included). */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Runtime } from 'webextension-polyfill';
import { forgetTab, handleMessage, type BackgroundServices } from '@/utils/background/router';
import { onTabNavigated, problemKey } from '@/utils/background/navigation';
import { parseMessage } from '@/utils/messages';
import { getTabState } from '@/utils/tab-state';
import type { PageView } from '@/utils/page-view';

const RELATED = {
  site: 'leetcode',
  generic: false,
  url: 'https://leetcode.com/problems/print-in-order/',
  slug: 'print-in-order',
  title: 'Print in Order',
  text: 'Three threads call first, second and third in any order; make sure they print in order using events.',
  tags: ['Concurrency'],
  difficulty: 'Easy',
  code: 'class Foo:\n    async def first(self):\n        pass\n',
  language: 'python3',
} as const;

const UNRELATED = {
  ...RELATED,
  url: 'https://leetcode.com/problems/two-sum/',
  slug: 'two-sum',
  title: 'Two Sum',
  text: 'Given an array of integers and a target, return indices of the two numbers that add up to the target.',
  tags: ['Array', 'Hash Table'],
  code: '',
};

function services(): BackgroundServices & { badges: Map<number, number | null> } {
  const badges = new Map<number, number | null>();
  return {
    badges,
    now: () => 1_700_000_000_000,
    addCards: vi.fn(async (ids: string[]) => ids.length),
    setTabBadge: vi.fn(async (tabId: number, count: number | null) => void badges.set(tabId, count)),
    openPanel: vi.fn(async () => true),
  };
}

const fromTab = (id: number): Runtime.MessageSender => ({
  tab: { id, windowId: 1, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
});

beforeEach(() => {
  fakeBrowser.reset();
});

describe('message validation', () => {
  it('accepts each well-formed message type', () => {
    expect(parseMessage({ type: 'page/report', snapshot: RELATED })?.type).toBe('page/report');
    expect(parseMessage({ type: 'page/code', code: 'x = 1' })?.type).toBe('page/code');
    expect(parseMessage({ type: 'page/clear' })?.type).toBe('page/clear');
    expect(parseMessage({ type: 'cards/add', ids: ['gather-basics'], source: 'problem' })?.type).toBe('cards/add');
    expect(parseMessage({ type: 'panel/open', view: 'review' })?.type).toBe('panel/open');
    expect(parseMessage({ type: 'tab/get', tabId: 4 })?.type).toBe('tab/get');
  });

  it.each([
    ['not an object', 'page/report'],
    ['null', null],
    ['an unknown type', { type: 'page/steal' }],
    ['a missing snapshot', { type: 'page/report' }],
    ['an extra field', { type: 'page/clear', extra: 1 }],
    ['an unknown site', { type: 'page/report', snapshot: { ...RELATED, site: 'example' } }],
    ['a javascript: URL', { type: 'page/report', snapshot: { ...RELATED, url: 'javascript:alert(1)' } }],
    ['text over the cap', { type: 'page/report', snapshot: { ...RELATED, text: 'x'.repeat(20_001) } }],
    ['code over 1 MB', { type: 'page/code', code: 'x'.repeat(1_100_000) }],
    ['a card id with markup', { type: 'cards/add', ids: ['<img src=x>'], source: 'manual' }],
    ['no card ids', { type: 'cards/add', ids: [], source: 'manual' }],
    ['a negative tab id', { type: 'tab/get', tabId: -1 }],
  ])('rejects %s', (_what, raw) => {
    expect(parseMessage(raw)).toBeNull();
  });

  it('logs and drops a malformed message without answering or throwing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(handleMessage({ type: 'nope' }, fromTab(1), services())).toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
  });
});

describe('per-tab state', () => {
  it('records a related problem, shows its match count, and answers tab/get', async () => {
    const s = services();
    const view = (await handleMessage({ type: 'page/report', snapshot: RELATED }, fromTab(7), s)) as PageView;
    expect(view.relevant).toBe(true);
    expect(view.practice?.id).toBe('print-in-order');
    expect(view.cards.length).toBeGreaterThan(0);
    const state = await getTabState(7);
    expect(state?.problem.title).toBe('Print in Order');
    expect(s.badges.get(7)).toBe(view.cards.length);
    expect(await handleMessage({ type: 'tab/get', tabId: 7 }, {}, s)).toEqual(state);
  });

  it('replaces the state when the tab reports another problem, and drops it for an unrelated one', async () => {
    const s = services();
    await handleMessage({ type: 'page/report', snapshot: RELATED }, fromTab(3), s);
    await handleMessage(
      {
        type: 'page/report',
        snapshot: {
          ...RELATED,
          slug: 'building-h2o',
          title: 'Building H2O',
          url: 'https://leetcode.com/problems/building-h2o/',
        },
      },
      fromTab(3),
      s,
    );
    expect((await getTabState(3))?.problem.slug).toBe('building-h2o');
    await handleMessage({ type: 'page/report', snapshot: UNRELATED }, fromTab(3), s);
    expect(await getTabState(3)).toBeNull();
    expect(s.badges.get(3)).toBeNull();
  });

  it('keeps the state across sub-tabs of the same problem and forgets it on navigation elsewhere', async () => {
    const s = services();
    await handleMessage({ type: 'page/report', snapshot: RELATED }, fromTab(5), s);
    await onTabNavigated(5, 'https://leetcode.com/problems/print-in-order/solutions/', s);
    expect(await getTabState(5)).not.toBeNull();
    await onTabNavigated(5, 'https://leetcode.com/problemset/', s);
    expect(await getTabState(5)).toBeNull();
  });

  it('drops the state when the tab closes or the page says it left the problem', async () => {
    const s = services();
    await handleMessage({ type: 'page/report', snapshot: RELATED }, fromTab(8), s);
    await forgetTab(8, s);
    expect(await getTabState(8)).toBeNull();
    await handleMessage({ type: 'page/report', snapshot: RELATED }, fromTab(9), s);
    await handleMessage({ type: 'page/clear' }, fromTab(9), s);
    expect(await getTabState(9)).toBeNull();
  });

  it('survives a service-worker restart: a fresh set of services reads what the old one stored', async () => {
    await handleMessage({ type: 'page/report', snapshot: RELATED }, fromTab(11), services());
    // A restarted worker keeps nothing in memory; storage.session is all it has.
    const restarted = services();
    const state = await handleMessage({ type: 'tab/get', tabId: 11 }, {}, restarted);
    expect(state).toMatchObject({ tabId: 11, problem: { slug: 'print-in-order' } });
  });

  it('lints the code of a related page and updates findings as the user types', async () => {
    const s = services();
    await handleMessage({ type: 'page/report', snapshot: RELATED }, fromTab(12), s);
    const findings = await handleMessage(
      { type: 'page/code', code: 'import time\nasync def f():\n    time.sleep(1)\n' },
      fromTab(12),
      s,
    );
    expect(findings).toMatchObject([{ rule: 'blocking-sleep', line: 3 }]);
    expect((await getTabState(12))?.view.findings).toHaveLength(1);
  });

  it('names problems by site and slug', () => {
    expect(problemKey('https://leetcode.com/problems/two-sum/description/')).toBe('leetcode:two-sum');
    expect(problemKey('https://leetcode.com/problemset/')).toBeNull();
    expect(problemKey('not a url')).toBeNull();
  });
});
