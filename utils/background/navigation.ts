import { browser } from 'wxt/browser';
import { siteForUrl } from '@/utils/sites/registry';
import { getTabState } from '@/utils/tab-state';
import { problemKeyOf } from '@/utils/page-view';
import { forgetNow, type BackgroundServices } from './router';
import { inTabOrder } from './tab-queue';

/** Problem identity of a URL: the site plus its slug, or null for any other page. */
export function problemKey(url: string): string | null {
  const site = siteForUrl(url);
  return site ? problemKeyOf({ site: site.id, slug: site.slug(new URL(url)) }) : null;
}

/**
 * A tab navigated (or started loading): keep its state across sub-tab changes of the same problem
 * (LeetCode's /description/ → /solutions/), forget it for anything else. The content script reports the
 * new problem itself. Runs in the tab's order with page reports, and compares against the tab's URL *now*
 * (the event's URL may be older than a report that already arrived); without the "tabs" permission a page
 * outside our problem pages has no readable URL, and that alone says the tab left its problem.
 */
export function onTabNavigated(
  tabId: number,
  eventUrl: string | undefined,
  services: Pick<BackgroundServices, 'setTabBadge' | 'dropFindings'>,
): Promise<void> {
  return inTabOrder(tabId, async () => {
    const state = await getTabState(tabId);
    if (!state) return;
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    const url = tab ? tab.url : eventUrl;
    const before = problemKey(state.problem.url);
    if (!url || before === null || before !== problemKey(url)) await forgetNow(tabId, services);
  });
}
