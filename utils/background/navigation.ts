import { browser } from 'wxt/browser';
import { adapterFor } from '@/utils/sites';
import { getTabState } from '@/utils/tab-state';
import { forgetTab, type BackgroundServices } from './router';

/** Problem identity of a URL: the site plus its slug, or null for any other page. */
export function problemKey(url: string): string | null {
  try {
    const parsed = new URL(url);
    const adapter = adapterFor(parsed);
    return adapter?.isProblemUrl(parsed) ? `${adapter.id}:${adapter.slug(parsed)}` : null;
  } catch {
    return null;
  }
}

/**
 * A tab navigated: keep its state across sub-tab changes of the same problem (LeetCode's /description/ →
 * /solutions/), forget it for anything else. The content script reports the new problem itself.
 */
export async function onTabNavigated(
  tabId: number,
  url: string,
  services: Pick<BackgroundServices, 'setTabBadge'>,
): Promise<void> {
  const state = await getTabState(tabId);
  if (!state) return;
  const before = problemKey(state.problem.url);
  if (before === null || before !== problemKey(url)) await forgetTab(tabId, services);
}

/**
 * Without the "tabs" permission, a navigation to a page outside our problem pages arrives without a URL,
 * and `tabs.get` cannot read it either: that alone says the tab left its problem.
 */
export async function onTabLoading(tabId: number, services: Pick<BackgroundServices, 'setTabBadge'>): Promise<void> {
  if (!(await getTabState(tabId))) return;
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab?.url) await forgetTab(tabId, services);
  else await onTabNavigated(tabId, tab.url, services);
}
