/**
 * Opening the side panel (Chrome) or sidebar (Firefox) and telling it which view to show. Browsers only
 * open it during a user gesture, so `open*` calls the API synchronously, before anything is awaited.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { validatedItem } from '@/utils/stored-item';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

/** The views another page may ask the panel for; extra keys (the request's `at`) are dropped. */
const PanelRequestSchema = v.variant('view', [
  v.object({ view: v.literal('page') }),
  v.object({ view: v.literal('review') }),
  v.object({ view: v.literal('browse'), query: v.optional(v.pipe(v.string(), v.maxLength(500))) }),
  v.object({ view: v.literal('question'), id }),
  v.object({ view: v.literal('practice'), id }),
  v.object({ view: v.literal('quiz'), id }),
  v.object({ view: v.literal('interview') }),
]);

export type PanelRequest = v.InferOutput<typeof PanelRequestSchema>;

const parseRequest = (raw: unknown): PanelRequest | null => {
  const parsed = v.safeParse(PanelRequestSchema, raw);
  return parsed.success ? parsed.output : null;
};

/**
 * The pending request in storage.session (`panel:request`). Stored with the time it was made, so asking
 * twice for the same view is still a change that `.watch()` reports.
 */
const requestItem = validatedItem<PanelRequest | null, PanelRequest & { at: number }>(
  'session:panel:request',
  parseRequest,
);

interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}
interface FirefoxSidebar {
  open(): Promise<void>;
}

function sidePanelApi(): ChromeSidePanel | undefined {
  return (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
}
/** Firefox's sidebarAction, which WXT's Chrome typings do not declare: looked up and checked at run time. */
function sidebarApi(): FirefoxSidebar | undefined {
  const api: unknown = Reflect.get(browser, 'sidebarAction');
  return isSidebar(api) ? api : undefined;
}
const isSidebar = (api: unknown): api is FirefoxSidebar =>
  typeof api === 'object' && api !== null && 'open' in api && typeof api.open === 'function';

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
  // Typed as the request, stored with its time: the item's reads drop `at` again.
  await requestItem.setValue({ ...request, at: Date.now() });
}

/** Takes the pending request (once) and follows new ones while the panel is open. */
export function watchPanelRequests(onRequest: (request: PanelRequest) => void): () => void {
  const take = (request: PanelRequest | null) => {
    // Nothing pending, or a request that does not validate (another version's view, a damaged value): ignored.
    if (!request) return;
    onRequest(request);
    void requestItem.removeValue();
  };
  void requestItem.getValue().then(take);
  return requestItem.watch(take);
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
