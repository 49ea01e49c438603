/**
 * Problems where the user hid the badge ("Hide on this page"), as one typed storage item. storage.local
 * (readable from content scripts, unlike storage.session), so hiding survives reloads; capped so it cannot
 * grow without bound. The popup and options read and edit it through `listDismissed` and `restoreDismissed`.
 */
import { validatedItem } from '@/utils/stored-item';

const LIMIT = 500;

/** Anything but a list of strings (another version's shape, a damaged value) keeps its strings, or is empty. */
const clean = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** Problem keys (`site:slug`), oldest first. */
export const dismissedProblems = validatedItem('local:dismissedProblems', clean);

export const listDismissed = (): Promise<string[]> => dismissedProblems.getValue();

/** Replaces the whole list (a backup's restore), keeping each key once and the newest `LIMIT`. */
export async function setDismissed(keys: readonly string[]): Promise<void> {
  const once = [...new Set(keys.toReversed())].toReversed();
  await dismissedProblems.setValue(once.slice(-LIMIT));
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
export const watchDismissed = (onChange: (keys: string[]) => void): (() => void) => dismissedProblems.watch(onChange);
