import { browser } from 'wxt/browser';
import { handleMessage, forgetTab } from '@/utils/background/router';
import { onTabNavigated, onTabLoading } from '@/utils/background/navigation';
import { createBackgroundServices } from '@/utils/background/services';
import { openPanelNow, setPanelRequest } from '@/utils/panel';
import { startSync } from '@/utils/sync';

// Listeners are registered synchronously so a restarted service worker receives the event that woke it.
export default defineBackground(() => {
  const services = createBackgroundServices();
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender, services));
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId, services));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) void onTabNavigated(tabId, change.url, services);
    else if (change.status === 'loading') void onTabLoading(tabId, services);
  });
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== 'open-side-panel') return;
    void openPanelNow({ tabId: tab?.id, windowId: tab?.windowId });
    void setPanelRequest({ view: 'page' });
  });
  services.watchDueCount();
  // The welcome page, once: on install, never on update or browser update.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  startSync();
});
