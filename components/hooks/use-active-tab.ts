import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { TabState } from '@/utils/page-view';
import { getTabState, watchTabState } from '@/utils/tab-state';

export interface ActiveTab {
  status: 'loading' | 'ready' | 'error';
  tabId?: number;
  windowId?: number;
  url?: string;
  state: TabState | null;
}

/**
 * The active tab of this window and what the background knows about it. The side panel keeps following
 * as the user switches tabs or the tab navigates; the popup only lives as long as one look.
 */
export function useActiveTab(): ActiveTab {
  const [active, setActive] = useState<ActiveTab>({ status: 'loading', state: null });
  useEffect(() => {
    let alive = true;
    let stopWatching: (() => void) | undefined;
    let windowId: number | undefined;
    const load = async () => {
      try {
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        if (!alive) return;
        if (tab?.id === undefined) {
          setActive({ status: 'ready', state: null });
          return;
        }
        const tabId = tab.id;
        windowId = tab.windowId;
        // Extension pages read storage.session themselves (content scripts cannot: no tab/get message).
        const state = await getTabState(tabId);
        if (!alive) return;
        setActive({ status: 'ready', tabId, windowId, url: tab.url, state });
        stopWatching?.();
        stopWatching = watchTabState(tabId, (next) =>
          setActive((prev) => (prev.tabId === tabId ? { ...prev, state: next } : prev)),
        );
      } catch (error) {
        console.error('[awaitwise] could not read the active tab', error);
        if (alive) setActive({ status: 'error', state: null });
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
