/**
 * Reading saved pages offline (the `detect` CLI and the site tests): the extension itself only ever reads
 * the live page its content script runs in, through the site adapters.
 */
import type { PageSnapshot } from '@/utils/page-snapshot';
import { codewars } from '@/utils/sites/codewars';
import { first } from '@/utils/sites/dom';
import { exercism } from '@/utils/sites/exercism';
import { geeksforgeeks } from '@/utils/sites/geeksforgeeks';
import { genericTitle, mainText } from '@/utils/sites/generic';
import { hackerrank } from '@/utils/sites/hackerrank';
import { leetcode } from '@/utils/sites/leetcode';
import { neetcode } from '@/utils/sites/neetcode';
import { SITE_IDS, type SiteId } from '@/utils/sites/registry';
import type { SiteAdapter } from '@/utils/sites/types';

/** Keyed by id so that a site added to the registry without an adapter fails to compile. */
const ADAPTERS: Readonly<Record<SiteId, SiteAdapter>> = {
  leetcode,
  hackerrank,
  codewars,
  geeksforgeeks,
  exercism,
  neetcode,
};

/** Every adapter, in the registry's order (adapterFor(): the first adapter claiming a URL wins). */
export const SITE_ADAPTERS: readonly SiteAdapter[] = SITE_IDS.map((id) => ADAPTERS[id]);

/** The adapter whose problem pages include `url`, if any. */
export function adapterFor(url: URL): SiteAdapter | undefined {
  return SITE_ADAPTERS.find((adapter) => adapter.isProblemUrl(url));
}

/** A saved page's own address, from its canonical link or og:url. */
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
