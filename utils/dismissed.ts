/**
 * Problems where the user hid the badge ("Hide on this page"), as one typed storage item. storage.local
 * (readable from content scripts, unlike storage.session), so hiding survives reloads; capped so it cannot
 * grow without bound. The popup and options read and edit it through `listDismissed` and `restoreDismissed`.
 */
import { storage } from 'wxt/utils/storage';

const LIMIT = 500;

/** Problem keys (`site:slug`), oldest first. */
export const dismissedProblems = storage.defineItem<string[]>('local:dismissedProblems', { fallback: [] });

const clean = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export async function listDismissed(): Promise<string[]> {
  return clean(await dismissedProblems.getValue());
}

export async function rememberDismissed(problemKey: string): Promise<void> {
  const keys = (await listDismissed()).filter((k) => k !== problemKey);
  keys.push(problemKey);
  await dismissedProblems.setValue(keys.slice(-LIMIT));
}

/** Shows the badge on that problem again (Undo, the popup's "Show the badge here again", Options' list). */
export async function restoreDismissed(problemKey: string): Promise<void> {
  await dismissedProblems.setValue((await listDismissed()).filter((k) => k !== problemKey));
}

/** Calls back with the list whenever any context changes it. */
export function watchDismissed(onChange: (keys: string[]) => void): () => void {
  return dismissedProblems.watch((next) => onChange(clean(next)));
}
