/**
 * Per-tab page state, kept in storage.session so it survives the service worker being stopped and
 * restarted, and is gone when the browser closes. The background writes it; extension pages read it and
 * `.watch()` it themselves (content scripts cannot: storage.session is for trusted contexts only, which is
 * what keeps one tab's problem URL from another tab's content script).
 */
import { storage } from 'wxt/utils/storage';
import type { TabState } from '@/utils/page-view';

/** The typed storage item of one tab. */
export function tabStateItem(tabId: number) {
  return storage.defineItem<TabState>(`session:tab:${tabId}`);
}

export function getTabState(tabId: number): Promise<TabState | null> {
  return tabStateItem(tabId).getValue();
}

export async function setTabState(state: TabState): Promise<void> {
  await tabStateItem(state.tabId).setValue(state);
}

export async function dropTabState(tabId: number): Promise<void> {
  await tabStateItem(tabId).removeValue();
}

/** Calls back with the tab's new state (or null) whenever the background changes it. */
export function watchTabState(tabId: number, onChange: (state: TabState | null) => void): () => void {
  return tabStateItem(tabId).watch((next) => onChange(next));
}
