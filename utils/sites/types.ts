import type { PageSnapshot, SiteId } from '@/utils/page-snapshot';

/** A URL an adapter was checked against, and whether it is a problem page. */
export interface SiteTestUrl {
  url: string;
  problem: boolean;
  /** The slug the adapter must read off a problem URL. */
  slug?: string;
}

/** One supported site: which pages are problems and how to read them. */
export interface SiteAdapter {
  id: SiteId;
  name: string;
  /** WXT/Chrome match patterns covering exactly the site's problem pages. */
  matches: string[];
  /** Pages the match patterns cannot leave out on their own (listing pages under the same path). */
  excludeMatches: string[];
  /** Real URLs, including some that must not count as problem pages. */
  testUrls: SiteTestUrl[];
  /**
   * CSS selector of the element around the solution editor, for pages with several editors (Codewars
   * shows the sample tests in a second one). Passed to requestEditorModel and visibleEditorText.
   */
  editorScope?: string;
  isProblemUrl(url: URL): boolean;
  slug(url: URL): string;
  /** Reads the page as plain text. Never throws; a late-rendering SPA may yield an empty title. */
  extract(doc: Document, url: URL): PageSnapshot;
  /** Where the badge goes: the problem's title element, when rendered. */
  titleElement(doc: Document): Element | null;
  /** The site's own theme, or null when the page does not say. */
  themeIsDark(doc: Document): boolean | null;
}
