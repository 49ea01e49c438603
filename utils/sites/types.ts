import type { PageSnapshot } from '@/utils/page-snapshot';
import type { Site } from './registry';

/** One supported site: which pages are problems and how to read them. */
export interface SiteAdapter extends Omit<Site, 'slugOf'> {
  /**
   * CSS selector of the element around the solution editor, for pages with several editors (Codewars
   * shows the sample tests in a second one). Passed to requestEditorModel and visibleEditorText.
   */
  editorScope?: string;
  /** Reads the page as plain text. Never throws; a late-rendering SPA may yield an empty title. */
  extract(doc: Document, url: URL): PageSnapshot;
  /** Where the badge goes: the problem's title element, when rendered. */
  titleElement(doc: Document): Element | null;
  /** The site's own theme, or null when the page does not say. */
  themeIsDark(doc: Document): boolean | null;
}
