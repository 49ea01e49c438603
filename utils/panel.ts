/**
 * Opening the side panel (Chrome) or sidebar (Firefox) and telling it which view to show. Browsers only
 * open it during a user gesture, so `open*` calls the API synchronously, before anything is awaited.
 */
import { browser } from 'wxt/browser';

export type PanelRequest =
  | { view: 'page' }
  | { view: 'review' }
  | { view: 'browse'; query?: string }
  | { view: 'question'; id: string }
  | { view: 'practice'; id: string }
  | { view: 'quiz'; id: string };

const REQUEST_KEY = 'panel:request';

interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}
interface FirefoxSidebar {
  open(): Promise<void>;
}

function sidePanelApi(): ChromeSidePanel | undefined {
  return (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
}
function sidebarApi(): FirefoxSidebar | undefined {
  return (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;
}

/** Starts opening the panel for a window (or tab) right now; resolves false when the browser refused. */
export function openPanelNow(target: { windowId?: number; tabId?: number }): Promise<boolean> {
  const open = sidePanelApi()
    ? sidePanelApi()!.open(target.tabId !== undefined ? { tabId: target.tabId } : { windowId: target.windowId })
    : sidebarApi()?.open();
  if (!open) return Promise.resolve(false);
  return open.then(
    () => true,
    (error: unknown) => {
      console.warn('[awaitwise] the browser did not open the side panel', error);
      return false;
    },
  );
}

export async function setPanelRequest(request: PanelRequest): Promise<void> {
  await browser.storage.session.set({ [REQUEST_KEY]: { ...request, at: Date.now() } });
}

/** Takes the pending request (once) and follows new ones while the panel is open. */
export function watchPanelRequests(onRequest: (request: PanelRequest) => void): () => void {
  void browser.storage.session.get(REQUEST_KEY).then((stored) => {
    const request = stored[REQUEST_KEY] as PanelRequest | undefined;
    if (request) {
      onRequest(request);
      void browser.storage.session.remove(REQUEST_KEY);
    }
  });
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const request = changes[REQUEST_KEY]?.newValue as PanelRequest | undefined;
    if (area === 'session' && request) {
      onRequest(request);
      void browser.storage.session.remove(REQUEST_KEY);
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * From an extension page's click handler: open the panel in `windowId` (fetched when the page loaded, since
 * it must be known synchronously here) and ask it for a view.
 */
export function openPanelFromPage(request: PanelRequest, windowId: number | undefined): Promise<boolean> {
  const opened = openPanelNow({ windowId });
  // Stored too when `open` is refused: a panel that is already open still switches view.
  return Promise.all([setPanelRequest(request), opened]).then(([, ok]) => ok);
}
