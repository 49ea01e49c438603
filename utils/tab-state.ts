/**
 * Per-tab page state, kept in storage.session so it survives the service worker being stopped and
 * restarted, and is gone when the browser closes. The background writes it; extension pages read it and
 * subscribe to changes.
 */
import { browser } from 'wxt/browser';
import type { TabState } from '@/utils/page-view';

const PREFIX = 'tab:';
const keyFor = (tabId: number) => `${PREFIX}${tabId}`;

export async function getTabState(tabId: number): Promise<TabState | null> {
  const key = keyFor(tabId);
  const stored = await browser.storage.session.get(key);
  return (stored[key] as TabState | undefined) ?? null;
}

export async function setTabState(state: TabState): Promise<void> {
  await browser.storage.session.set({ [keyFor(state.tabId)]: state });
}

export async function dropTabState(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyFor(tabId));
}

/** Calls back with the tab's new state (or null) whenever the background changes it. */
export function watchTabState(tabId: number, onChange: (state: TabState | null) => void): () => void {
  const key = keyFor(tabId);
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && key in changes) onChange((changes[key]!.newValue as TabState | undefined) ?? null);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
