/** How the popup and Options name a hidden badge's problem; the stored list itself is utils/dismissed.ts. */

export function parseProblemKey(key: string): { site: string; slug: string } {
  const at = key.indexOf(':');
  return at === -1 ? { site: '', slug: key } : { site: key.slice(0, at), slug: key.slice(at + 1) };
}
