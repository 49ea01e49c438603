/** Hidden badges for the popup and Options: the one stored list lives in utils/dismissed.ts. */
export { listDismissed, restoreDismissed, watchDismissed } from './dismissed';

export function parseProblemKey(key: string): { site: string; slug: string } {
  const at = key.indexOf(':');
  return at === -1 ? { site: '', slug: key } : { site: key.slice(0, at), slug: key.slice(at + 1) };
}
