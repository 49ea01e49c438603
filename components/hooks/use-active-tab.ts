import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { askPageStatus, type PageStatus } from '@/utils/loader/status';
import type { TabState } from '@/utils/page-view';
import { getTabState, watchTabState } from '@/utils/tab-state';

export interface ActiveTab {
  /** `loading` until the tab and its state are read, and while the tab's loader is still reading its page. */
  status: 'loading' | 'ready' | 'error';
  tabId?: number;
  windowId?: number;
  url?: string;
  state: TabState | null;
  /** What the tab's loader did with its page (null when no loader runs there). */
  page: PageStatus | null;
}

/**
 * The active tab of this window and what the background knows about it. The side panel keeps following
 * as the user switches tabs or the tab navigates; the popup only lives as long as one look. With nothing
 * stored for the tab, its loader is asked whether it is done: a page still being read says "checking",
 * not "nothing here".
 */
export function useActiveTab(): ActiveTab {
  const [active, setActive] = useState<ActiveTab>({ status: 'loading', state: null, page: null });
  useEffect(() => {
    let alive = true;
    let stopWatching: (() => void) | undefined;
    let windowId: number | undefined;
    let asked = 0;
    const load = async () => {
      const round = ++asked;
      try {
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        if (!alive || round !== asked) return;
        if (tab?.id === undefined) {
          setActive({ status: 'ready', state: null, page: null });
          return;
        }
        const tabId = tab.id;
        windowId = tab.windowId;
        // Extension pages read storage.session themselves (content scripts cannot: no tab/get message).
        const state = await getTabState(tabId);
        if (!alive || round !== asked) return;
        const known = { tabId, windowId, url: tab.url, state };
        setActive({ status: state ? 'ready' : 'loading', page: null, ...known });
        stopWatching?.();
        stopWatching = watchTabState(tabId, (next) =>
          setActive((prev) => (prev.tabId === tabId ? { ...prev, status: 'ready', state: next } : prev)),
        );
        if (state) return;
        const page = await askPageStatus(tabId);
        if (!alive || round !== asked) return;
        setActive((prev) => (prev.tabId === tabId ? { ...prev, status: 'ready', page } : prev));
      } catch (error) {
        console.error('[awaitwise] could not read the active tab', error);
        if (alive) setActive({ status: 'error', state: null, page: null });
      }
    };
    const onActivated = (info: { windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) void load();
    };
    const onUpdated = (tabId: number, change: { url?: string; status?: string }) => {
      if (change.url || change.status === 'complete')
        setActive((prev) => (prev.tabId === tabId ? (void load(), prev) : prev));
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    void load();
    return () => {
      alive = false;
      stopWatching?.();
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);
  return active;
}
