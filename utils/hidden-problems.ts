/**
 * Problems where the user chose "Hide on this page", for the popup's "Show the badge here again" and the
 * Options list. The content script owns the list (`dismissedProblems` in storage.local, keys `site:slug`);
 * this reads and edits the same key.
 * TODO [2027-01-15]: use the typed storage item from utils/dismissed.ts once it is on main.
 */
import { browser } from 'wxt/browser';

const KEY = 'dismissedProblems';

const clean = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export async function listDismissed(): Promise<string[]> {
  return clean((await browser.storage.local.get(KEY))[KEY]);
}

/** Shows the badge on that problem again. */
export async function restoreDismissed(problemKey: string): Promise<void> {
  const keys = await listDismissed();
  await browser.storage.local.set({ [KEY]: keys.filter((k) => k !== problemKey) });
}

export function watchDismissed(onChange: (keys: string[]) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) onChange(clean(changes[KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** `leetcode:print-in-order` → { site, slug }. */
export function parseProblemKey(key: string): { site: string; slug: string } {
  const at = key.indexOf(':');
  return at === -1 ? { site: '', slug: key } : { site: key.slice(0, at), slug: key.slice(at + 1) };
}
