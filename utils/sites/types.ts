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
  extract: (doc: Document, url: URL) => PageSnapshot;
  /** Where the badge goes: the problem's title element, when rendered. */
  titleElement: (doc: Document) => Element | null;
  /** The site's own theme, or null when the page does not say. */
  themeIsDark: (doc: Document) => boolean | null;
}

/** What a site embeds in the page besides its markup (server-rendered JSON), as plain text. */
export interface EmbeddedReading {
  title?: string;
  statement?: string;
  /** The site's own label, read like the markup's (`difficultyLabel` applies). */
  difficulty?: string;
  tags?: string[];
  code?: string;
}

/**
 * How a site's problem page is read by the shared algorithm (extract.ts). Selector lists are in order of
 * preference; the first that matches wins. Functions are only for what markup selectors cannot say.
 */
export interface PageReading {
  /** The statement's container. */
  statement: readonly string[];
  /** Instead: every match of this selector, joined (Exercism splits introduction and instructions). */
  statementParts?: string;
  /** The problem's title element; also where the badge goes. */
  title: readonly string[];
  /** What the site adds to document.title around the problem's name ("Two Sum - LeetCode"). */
  titleDecoration: RegExp;
  /** Trust document.title before the title selectors. */
  documentTitleFirst?: boolean;
  /** Elements holding the difficulty label. */
  difficulty?: readonly string[];
  /** How much of the difficulty element's text can hold the label; 40 characters unless set. */
  difficultyTextCap?: number;
  /** The label in a difficulty text, when the site words it its own way (leetcode.cn writes 简单). */
  difficultyLabel?: (text: string) => string | undefined;
  /** Tried before `difficulty`, for labels no selector list reaches. */
  readDifficulty?: (doc: Document) => string | undefined;
  /** Selector of the topic tags (a function when it depends on the URL). */
  tags?: string | ((url: URL) => string);
  /** Drops tag-like elements that are not topics (breadcrumb steps). */
  isTopic?: (tag: string, title: string) => boolean;
  editorScope?: string;
  /** The solution's language, where the URL or a language picker says. */
  language?: (doc: Document, url: URL) => string | undefined;
  /**
   * Embedded data, read after the statement markup; its fields fill in what the markup lacks. Only
   * trusted when it describes `slug` (client-side navigation leaves the first page's data behind).
   */
  readEmbedded?: (doc: Document, page: { url: URL; slug: string; statement: string }) => EmbeddedReading | undefined;
}
