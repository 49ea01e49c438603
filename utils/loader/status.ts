/**
 * The loader's "done" signal: an extension page (or a test) asks the tab's loader whether it has finished
 * with the page, and gets the answer once it has: the decision it applied (badge shown, or why not). The
 * popup uses it to say "Checking this tab…" rather than "nothing here" while a page is still being read.
 */
import { browser } from 'wxt/browser';

export const PAGE_SETTLED = 'page/settled';

/** What the loader did with the page it is on. */
export const PAGE_STATUSES = ['shown', 'hidden', 'site-off', 'not-relevant', 'not-a-problem', 'failed'] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

export function isSettledRequest(message: unknown): boolean {
  return typeof message === 'object' && message !== null && 'type' in message && message.type === PAGE_SETTLED;
}

const isStatus = (value: unknown): value is PageStatus => PAGE_STATUSES.some((s) => s === value);

/**
 * Asks the loader in a tab's top frame; resolves when it has settled. Null when no loader runs there (not
 * a problem page of ours, or the page has not loaded it yet).
 */
export async function askPageStatus(tabId: number): Promise<PageStatus | null> {
  try {
    const reply: unknown = await browser.tabs.sendMessage(tabId, { type: PAGE_SETTLED }, { frameId: 0 });
    return isStatus(reply) ? reply : null;
  } catch {
    return null;
  }
}
