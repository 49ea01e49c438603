/**
 * The fallback extractor: when a site's own markup is gone (a redesign), read the main/article text so
 * detection degrades to "generic" instead of going silent.
 */

import type { PageSnapshot, SiteId } from '@/utils/page-snapshot';
import { visibleEditorText } from '@/utils/editor-bridge';
import { CODE_CAP, TEXT_CAP, clean, first, readableText, shortText, uniqueTags } from './dom';

export interface SnapshotParts {
  title: string;
  text: string;
  tags: string[];
  difficulty?: string;
  code: string;
  language?: string;
  generic: boolean;
}

/** Assembles a snapshot with every field cleaned and capped. */
export function buildSnapshot(site: SiteId, url: URL, slug: string, parts: SnapshotParts): PageSnapshot {
  const snapshot: PageSnapshot = {
    site,
    generic: parts.generic,
    url: url.href,
    slug,
    title: clean(parts.title.replace(/^\d+\.\s+/, ''), 300),
    text: clean(parts.text, TEXT_CAP),
    tags: uniqueTags(parts.tags),
    code: parts.code.slice(0, CODE_CAP),
  };
  if (parts.difficulty) snapshot.difficulty = parts.difficulty;
  if (parts.language) snapshot.language = parts.language;
  return snapshot;
}

const MAIN_SELECTORS = ['main', 'article', '[role="main"]', '#main', '#root', '#app'];

/**
 * Text of the page's main region, or of the whole body when it has none. Before an SPA renders, the meta
 * description (which sites fill server-side with the statement's first lines) is what there is.
 */
export function mainText(doc: Document): string {
  const text = readableText(first(doc, MAIN_SELECTORS) ?? doc.body);
  if (text.length >= 200) return text;
  const meta =
    first(doc, ['meta[name="description"]', 'meta[property="og:description"]'])?.getAttribute('content') ?? '';
  return clean(`${meta} ${text}`, TEXT_CAP);
}

/** The main heading, where a badge can go when the site's own title element is unknown. */
export function genericTitleElement(doc: Document): Element | null {
  return first(doc, ['main h1', 'article h1', 'h1']);
}

/** Title from the first h1, else the document title minus a trailing " - Site" or " | Site". */
export function genericTitle(doc: Document): string {
  const heading = shortText(genericTitleElement(doc));
  if (heading) return heading;
  return clean((doc.title ?? '').replace(/\s+[-|–—]\s+[^-|–—]*$/, ''), 300);
}

export function genericExtract(site: SiteId, doc: Document, url: URL, slug: string): PageSnapshot {
  try {
    return buildSnapshot(site, url, slug, {
      title: genericTitle(doc),
      text: mainText(doc),
      tags: [],
      code: visibleEditorText(doc),
      generic: true,
    });
  } catch {
    return buildSnapshot(site, url, slug, { title: '', text: '', tags: [], code: '', generic: true });
  }
}

/**
 * Runs a site extractor so that it can never throw: any failure (a page mid-render, a selector the
 * engine rejects) falls back to the generic reading.
 */
export function safeExtract(
  site: SiteId,
  doc: Document,
  url: URL,
  slug: string,
  read: () => PageSnapshot,
): PageSnapshot {
  try {
    return read();
  } catch {
    return genericExtract(site, doc, url, slug);
  }
}
