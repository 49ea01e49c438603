/**
 * Problems where the user hid the badge ("Hide on this page"), as one typed storage item in storage.local,
 * so hiding survives reloads (and syncs: utils/sync/prefs.ts). Capped so it cannot grow without bound. The
 * background reads it for every page decision and writes it for the overlay; the popup, the side panel and
 * Options list it and show a badge again through `unhideProblem`.
 */
import { validatedItem } from '@/utils/stored-item';

const LIMIT = 500;

/** Anything but a list of strings (another version's shape, a damaged value) keeps its strings, or is empty. */
const clean = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/**
 * Problem keys (`site:slug`), oldest first. The storage key keeps the word an earlier version used, so
 * hidden badges survive the update and older synced devices still understand each other.
 */
export const hiddenProblems = validatedItem('local:dismissedProblems', clean);

export const listHiddenProblems = (): Promise<string[]> => hiddenProblems.getValue();

export async function isProblemHidden(problemKey: string): Promise<boolean> {
  return (await listHiddenProblems()).includes(problemKey);
}

/** Replaces the whole list (a backup's restore), keeping each key once and the newest `LIMIT`. */
export async function setHiddenProblems(keys: readonly string[]): Promise<void> {
  const once = [...new Set(keys.toReversed())].toReversed();
  await hiddenProblems.setValue(once.slice(-LIMIT));
}

export async function hideProblem(problemKey: string): Promise<void> {
  const keys = (await listHiddenProblems()).filter((k) => k !== problemKey);
  keys.push(problemKey);
  await hiddenProblems.setValue(keys.slice(-LIMIT));
}

/** Shows the badge on that problem again (Undo, the popup's "Show the badge here again", Options' list). */
export async function unhideProblem(problemKey: string): Promise<void> {
  await hiddenProblems.setValue((await listHiddenProblems()).filter((k) => k !== problemKey));
}

/** Calls back with the list whenever any context changes it. */
export const watchHiddenProblems = (onChange: (keys: string[]) => void): (() => void) =>
  hiddenProblems.watch(onChange);

/** A key's site and slug, for naming it in a list. */
export function parseProblemKey(key: string): { site: string; slug: string } {
  const at = key.indexOf(':');
  return at === -1 ? { site: '', slug: key } : { site: key.slice(0, at), slug: key.slice(at + 1) };
}
