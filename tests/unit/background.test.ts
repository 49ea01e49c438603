/** The background boundary and per-tab state, against WXT's fake browser (storage.session included). */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Runtime } from 'webextension-polyfill';
import { forgetTab, handleMessage, type BackgroundServices } from '@/utils/background/router';
import { onTabNavigated, problemKey } from '@/utils/background/navigation';
import { compactIndex } from '../../scripts/lib/generate-data';
import { knowledge } from '@/utils/knowledge/all';
import { parseMessage, type PageDecision } from '@/utils/messages';
import { getTabState } from '@/utils/tab-state';
import type { PageView } from '@/utils/page-view';
import { PRINT_IN_ORDER_SNAPSHOT } from '../support/page-snapshots';

const RELATED = PRINT_IN_ORDER_SNAPSHOT;

const UNRELATED = {
  ...RELATED,
  url: 'https://leetcode.com/problems/two-sum/',
  slug: 'two-sum',
  title: 'Two Sum',
  text: 'Given an array of integers and a target, return indices of the two numbers that add up to the target.',
  tags: ['Array', 'Hash Table'],
  code: '',
};

let solvedProblem = '';

function services(
  options: { sitesOff?: string[]; hidden?: string[] } = {},
): BackgroundServices & { badges: Map<number, number | null>; hidden: Set<string> } {
  const badges = new Map<number, number | null>();
  const hidden = new Set(options.hidden ?? []);
  const index = compactIndex(knowledge);
  return {
    badges,
    hidden,
    index: async () => index,
    now: () => 1_700_000_000_000,
    siteEnabled: vi.fn(async (site: string) => !(options.sitesOff ?? []).includes(site)),
    isHidden: vi.fn(async (key: string) => hidden.has(key)),
    setHidden: vi.fn(async (key: string, on: boolean) => void (on ? hidden.add(key) : hidden.delete(key))),
    addCards: vi.fn(async (ids: string[]) => ids.length),
    setTabBadge: vi.fn(async (tabId: number, count: number | null) => void badges.set(tabId, count)),
    dropFindings: vi.fn(async () => undefined),
    openPanel: vi.fn(async () => true),
    loadOverlay: vi.fn(async () => true),
    readEditor: vi.fn(async () => ({ code: 'x = 1', source: 'editor' as const })),
    practiceSolvedAt: vi.fn(async (id: string) => (id === solvedProblem ? 1_700_000_000_000 : null)),
  };
}

/** The view of a decision that shows the badge (fails the test otherwise). */
function shownView(decision: unknown): PageView {
  const d = decision as PageDecision;
  if (!d.show) throw new Error(`expected the badge to show, got "${d.why}"`);
  return d.view;
}

const fromTab = (id: number): Runtime.MessageSender => ({
  tab: { id, windowId: 1, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
  url: 'https://leetcode.com/problems/print-in-order/',
});
/** An extension page (popup, side panel, options): no tab. */
const fromPage: Runtime.MessageSender = { url: 'chrome-extension://abc/popup.html' };
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  fakeBrowser.reset();
});

describe('message validation', () => {
  it('accepts each well-formed message type', () => {
    expect(parseMessage({ type: 'page/report', snapshot: RELATED })?.type).toBe('page/report');
    expect(parseMessage({ type: 'page/hide', hidden: true })?.type).toBe('page/hide');
    expect(parseMessage({ type: 'overlay/expand', part: 'popover' })?.type).toBe('overlay/expand');
    expect(parseMessage({ type: 'overlay/expand', part: 'linter' })?.type).toBe('overlay/expand');
    expect(parseMessage({ type: 'editor/read', scope: '#code' })?.type).toBe('editor/read');
    expect(parseMessage({ type: 'cards/add', ids: ['gather-basics'], source: 'problem' })?.type).toBe('cards/add');
    expect(parseMessage({ type: 'panel/open', view: 'review' })?.type).toBe('panel/open');
  });

  it.each([
    ['not an object', 'page/report'],
    ['null', null],
    ['an unknown type', { type: 'page/steal' }],
    ['a missing snapshot', { type: 'page/report' }],
    ['an extra field', { type: 'overlay/expand', part: 'popover', extra: 1 }],
    ['a part of the overlay that does not exist', { type: 'overlay/expand', part: 'editor-reader' }],
    ['overlay/load, which is gone (the background decides in page/report)', { type: 'overlay/load' }],
    ['page/findings, which is gone (the overlay stores its own)', { type: 'page/findings', findings: [], total: 0 }],
    ['a hide without its flag', { type: 'page/hide' }],
    ['a practice id with markup', { type: 'panel/open', practice: '<b>' }],
    ['an unknown site', { type: 'page/report', snapshot: { ...RELATED, site: 'example' } }],
    ['a javascript: URL', { type: 'page/report', snapshot: { ...RELATED, url: 'javascript:alert(1)' } }],
    ['text over the cap', { type: 'page/report', snapshot: { ...RELATED, text: 'x'.repeat(20_001) } }],
    ['code over the cap', { type: 'page/report', snapshot: { ...RELATED, code: 'x'.repeat(100_001) } }],
    ['a card id with markup', { type: 'cards/add', ids: ['<img src=x>'], source: 'manual' }],
    ['no card ids', { type: 'cards/add', ids: [], source: 'manual' }],
    ['tab/get, which is gone (pages read storage.session themselves)', { type: 'tab/get', tabId: 4 }],
  ])('rejects %s', (_what, raw) => {
    expect(parseMessage(raw)).toBeNull();
  });

  it('logs and drops a malformed message without answering or throwing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(handleMessage({ type: 'nope' }, fromTab(1), services())).toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
  });
});

describe('the page decision (page/report)', () => {
  it('a related problem: the badge shows with its view, the state is stored and the match count shown', async () => {
    const s = services();
    const decision = (await handleMessage({ type: 'page/report', snapshot: RELATED }, fromTab(7), s)) as PageDecision;
    expect(decision).toMatchObject({ show: true, tabId: 7 });
    const view = shownView(decision);
    expect(view.relevant).toBe(true);
    expect(view.practice?.id).toBe('print-in-order');
    expect(view.practice?.asyncioVersionOfThreads).toBe(true);
    expect(view.practice?.solved).toBeUndefined();
    expect(view.cards.length).toBeGreaterThan(0);
    const state = await getTabState(7);
    expect(state?.problem.title).toBe('Print in Order');
    expect(s.badges.get(7)).toBe(view.cards.length);
  });

  it('marks the practice problem solved once the workbench recorded a solve', async () => {
    solvedProblem = 'print-in-order';
    try {
      const view = shownView(await handleMessage({ type: 'page/report', snapshot: RELATED }, fromTab(8), services()));
      expect(view.practice?.solved).toBe(true);
      expect((await getTabState(8))?.view.practice?.solved).toBe(true);
    } finally {
      solvedProblem = '';
    }
  });

  it('an unrelated problem: nothing, and why', async () => {
    const s = services();
    expect(await handleMessage({ type: 'page/report', snapshot: UNRELATED }, fromTab(20), s)).toEqual({
      show: false,
      why: 'not-relevant',
    });
    expect(await getTabState(20)).toBeNull();
  });

  it('a site turned off: nothing, without reading the page, and the tab is forgotten', async () => {
    const s = services({ sitesOff: ['leetcode'] });
    expect(await handleMessage({ type: 'page/report', snapshot: RELATED }, fromTab(21), s)).toEqual({
      show: false,
      why: 'site-off',
    });
    expect(await getTabState(21)).toBeNull();
    expect(s.badges.get(21)).toBeNull();
  });

  it('a hidden problem: no badge, but the detection is stored so the popup can offer it back', async () => {
    const s = services({ hidden: ['leetcode:print-in-order'] });
    expect(await handleMessage({ type: 'page/report', snapshot: RELATED }, fromTab(22), s)).toEqual({
      show: false,
      why: 'hidden',
    });
    expect((await getTabState(22))?.problem.slug).toBe('print-in-order');
  });

  it('page/hide hides and shows the badge of the problem the tab reported, and only that one', async () => {
    const s = services();
    await handleMessage({ type: 'page/hide', hidden: true }, fromTab(23), s);
    expect([...s.hidden]).toEqual([]);
    await handleMessage({ type: 'page/report', snapshot: RELATED }, fromTab(23), s);
    await handleMessage({ type: 'page/hide', hidden: true }, fromTab(23), s);
    expect([...s.hidden]).toEqual(['leetcode:print-in-order']);
    expect(await handleMessage({ type: 'page/report', snapshot: RELATED }, fromTab(23), s)).toMatchObject({
      show: false,
      why: 'hidden',
    });
    await handleMessage({ type: 'page/hide', hidden: false }, fromTab(23), s);
    expect(await handleMessage({ type: 'page/report', snapshot: RELATED }, fromTab(23), s)).toMatchObject({
      show: true,
    });
  });

  it('injects the overlay only into the frame that reported a relevant problem', async () => {
    const s = services();
    const popover = { type: 'overlay/expand', part: 'popover' };
    expect(await handleMessage(popover, fromTab(24), s)).toEqual({ loaded: false });
    await handleMessage({ type: 'page/report', snapshot: RELATED }, fromTab(24), s);
    expect(await handleMessage(popover, { ...fromTab(24), frameId: 3 }, s)).toEqual({ loaded: false });
    expect(await handleMessage(popover, fromTab(24), s)).toEqual({ loaded: true });
    expect(await handleMessage({ type: 'overlay/expand', part: 'linter' }, fromTab(24), s)).toEqual({ loaded: true });
    expect(s.loadOverlay).toHaveBeenCalledTimes(2);
    expect(s.loadOverlay).toHaveBeenNthCalledWith(1, { tabId: 24, frameId: 0 }, 'popover');
    expect(s.loadOverlay).toHaveBeenNthCalledWith(2, { tabId: 24, frameId: 0 }, 'linter');
  });

  it('reads the editor in the frame that asked', async () => {
    const s = services();
    expect(await handleMessage({ type: 'editor/read', scope: '#code' }, { ...fromTab(25), frameId: 2 }, s)).toEqual({
      code: 'x = 1',
      source: 'editor',
    });
    expect(s.readEditor).toHaveBeenCalledWith({ tabId: 25, frameId: 2 }, '#code');
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

  it('drops the state and the findings when the tab closes', async () => {
    const s = services();
    await handleMessage({ type: 'page/report', snapshot: RELATED }, fromTab(8), s);
    await forgetTab(8, s);
    expect(await getTabState(8)).toBeNull();
    expect(s.dropFindings).toHaveBeenCalledWith(8);
  });

  it('survives a service-worker restart: freshly loaded modules read what the old ones stored', async () => {
    await handleMessage({ type: 'page/report', snapshot: RELATED }, fromTab(11), services());
    // A restarted worker keeps nothing in memory: load every module again, so a Map kept in one is gone.
    vi.resetModules();
    const fresh = await import('@/utils/tab-state');
    const navigation = await import('@/utils/background/navigation');
    expect(await fresh.getTabState(11)).toMatchObject({ tabId: 11, problem: { slug: 'print-in-order' } });
    // ...and the restarted worker's navigation handler still knows the tab's problem: a sub-tab keeps it.
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 11, url: `${RELATED.url}solutions/` } as never);
    await navigation.onTabNavigated(11, undefined, services());
    expect(await fresh.getTabState(11)).not.toBeNull();
  });

  it('a navigation event racing a newer report never drops the newer state (50 rounds)', async () => {
    const s = services();
    let lost = 0;
    for (let i = 0; i < 50; i++) {
      const tabId = 100 + i;
      await handleMessage({ type: 'page/report', snapshot: RELATED }, fromTab(tabId), s);
      // The SPA moves to another related problem: tabs.get already says so (slowly), the event has no URL.
      const next = {
        ...RELATED,
        slug: 'building-h2o',
        title: 'Building H2O',
        url: 'https://leetcode.com/problems/building-h2o/',
      };
      vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async () => {
        await tick();
        return { id: tabId, url: next.url } as never;
      });
      const event = onTabNavigated(tabId, undefined, s);
      const report = handleMessage({ type: 'page/report', snapshot: next }, { ...fromTab(tabId), url: next.url }, s);
      await Promise.all([event, report]);
      const state = await getTabState(tabId);
      if (state?.problem.slug !== 'building-h2o' || !(Number(s.badges.get(tabId)) > 0)) lost++;
    }
    expect(lost).toBe(0);
  });
  it('names problems by site and slug', () => {
    expect(problemKey('https://leetcode.com/problems/two-sum/description/')).toBe('leetcode:two-sum');
    expect(problemKey('https://leetcode.com/problemset/')).toBeNull();
    expect(problemKey('not a url')).toBeNull();
  });
});

describe('senders', () => {
  it('refuses page messages from extension pages, and reports about another site', async () => {
    const s = services();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(handleMessage({ type: 'page/report', snapshot: RELATED }, fromPage, s)).toBeUndefined();
    expect(handleMessage({ type: 'page/hide', hidden: true }, fromPage, s)).toBeUndefined();
    expect(handleMessage({ type: 'overlay/expand', part: 'popover' }, fromPage, s)).toBeUndefined();
    expect(handleMessage({ type: 'editor/read' }, fromPage, s)).toBeUndefined();
    expect(handleMessage({ type: 'panel/open' }, fromPage, s)).toBeUndefined();
    // Options opened in a tab has sender.tab set too: its URL says it is ours, not a content script.
    const optionsInTab = { ...fromTab(4), url: 'chrome-extension://abc/options.html' };
    expect(
      handleMessage({ type: 'overlay/expand', part: 'popover' }, optionsInTab, s, {
        pagesUrl: 'chrome-extension://abc/',
      }),
    ).toBeUndefined();
    const elsewhere = { ...fromTab(3), url: 'https://www.hackerrank.com/challenges/x/problem' };
    expect(handleMessage({ type: 'page/report', snapshot: RELATED }, elsewhere, s)).toBeUndefined();
    expect(
      handleMessage({ type: 'cards/add', ids: ['x'], source: 'manual' }, { ...fromPage, id: 'other-extension' }, s, {
        id: 'ours',
      }),
    ).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(8);
    expect(await getTabState(3)).toBeNull();
  });

  it('cards/add takes only ids the knowledge base knows', async () => {
    const s = services();
    const known = knowledge.questions[0]!.id;
    expect(await handleMessage({ type: 'cards/add', ids: ['no-such-card'], source: 'problem' }, fromTab(1), s)).toEqual(
      { added: 0 },
    );
    expect(s.addCards).not.toHaveBeenCalled();
    expect(
      await handleMessage({ type: 'cards/add', ids: ['no-such-card', known], source: 'manual' }, fromPage, s),
    ).toEqual({ added: 1 });
    expect(s.addCards).toHaveBeenCalledWith([known], 'manual');
  });
});
