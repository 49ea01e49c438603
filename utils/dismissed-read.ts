/**
 * The loader's one question about hidden badges, read straight from storage.local so that the loader,
 * which runs on every problem page, does not bundle the storage library (utils/dismissed.ts is the typed
 * item the overlay, popup and options use; same key).
 */
import { browser } from 'wxt/browser';

export async function isDismissed(problemKey: string): Promise<boolean> {
  const stored: Record<string, unknown> = await browser.storage.local.get('dismissedProblems');
  const value = stored.dismissedProblems;
  return Array.isArray(value) && value.includes(problemKey);
}
