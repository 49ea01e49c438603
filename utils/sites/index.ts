/** The adapters, in the registry's order (adapterFor(): the first adapter claiming a URL wins). */

import type { PageSnapshot } from '@/utils/page-snapshot';
import type { SiteAdapter } from './types';
import { SITE_IDS, type SiteId } from './registry';
import { genericTitle, mainText } from './generic';
import { first } from './dom';
import { leetcode } from './leetcode';
import { hackerrank } from './hackerrank';
import { codewars } from './codewars';
import { geeksforgeeks } from './geeksforgeeks';
import { exercism } from './exercism';
import { neetcode } from './neetcode';

/** Keyed by id so that a site added to the registry without an adapter fails to compile. */
const ADAPTERS: Readonly<Record<SiteId, SiteAdapter>> = {
  leetcode,
  hackerrank,
  codewars,
  geeksforgeeks,
  exercism,
  neetcode,
};

export const SITE_ADAPTERS: readonly SiteAdapter[] = SITE_IDS.map((id) => ADAPTERS[id]);

/** The adapter whose problem pages include `url`, if any. */
export function adapterFor(url: URL): SiteAdapter | undefined {
  return SITE_ADAPTERS.find((adapter) => adapter.isProblemUrl(url));
}

/** A saved page's own address, from its canonical link or og:url (for reading saved pages offline). */
export function savedPageUrl(doc: Document): URL | undefined {
  const href =
    first(doc, ['link[rel="canonical"]'])?.getAttribute('href') ??
    first(doc, ['meta[property="og:url"]'])?.getAttribute('content');
  try {
    return href ? new URL(href) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a page: through its site's adapter when one claims the URL, else as plain main text (which
 * detection can still score, without a site or slug).
 */
export function readPage(
  doc: Document,
  url: URL,
): PageSnapshot | { url: string; title: string; text: string; tags: string[]; code: string } {
  const adapter = adapterFor(url);
  if (adapter) return adapter.extract(doc, url);
  return { url: url.href, title: genericTitle(doc), text: mainText(doc), tags: [], code: '' };
}

export { contentScriptMatches, contentScriptExcludeMatches, SITES, siteForUrl } from './registry';
export { genericExtract } from './generic';
export type { SiteAdapter } from './types';
