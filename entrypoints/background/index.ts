import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import { handleMessage, forgetTab } from '@/utils/background/router';
import { onTabNavigated } from '@/utils/background/navigation';
import { createBackgroundServices } from '@/utils/background/services';
import { watchDueCount } from '@/utils/background/due-count';
import { clearAllPageFindings } from '@/utils/page-findings';
import { openPanelNow, setPanelRequest } from '@/utils/panel';
import { startSync } from '@/utils/sync';

// Listeners are registered synchronously so a restarted service worker receives the event that woke it.
export default defineBackground(() => {
  const services = createBackgroundServices();
  const self = { id: browser.runtime.id, pagesUrl: browser.runtime.getURL('/') };
  // `browser` is webextension-polyfill at run time, which sends a listener's promise as the reply; WXT's Chrome
  // typings declare the listener void, so the event is read through the polyfill's own type.
  const onMessage: Runtime.Static['onMessage'] = browser.runtime.onMessage;
  onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    handleMessage(message, sender, services, self),
  );
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId, services));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A same-page navigation arrives as status "loading" with no URL; either way the tab's URL is read now.
    if (change.url || change.status === 'loading') void onTabNavigated(tabId, change.url, services);
  });
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== 'open-side-panel') return;
    void openPanelNow({ tabId: tab?.id, windowId: tab?.windowId });
    void setPanelRequest({ view: 'page' });
  });
  watchDueCount();
  // The welcome page, once: on install, never on update or browser update.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  // Tab ids start again with the browser: what the overlays found in the last session belongs to no tab now.
  browser.runtime.onStartup.addListener(() => void clearAllPageFindings());
  startSync();
});
