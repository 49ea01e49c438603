/** The sites a content-script adapter exists for; `generic` is the fallback extractor's result. */
export const SITE_IDS = ['leetcode', 'hackerrank', 'codewars', 'geeksforgeeks', 'exercism', 'neetcode'] as const;
export type SiteId = (typeof SITE_IDS)[number];

/** What a site adapter reads off a problem page. Plain text only: never HTML. */
export interface PageSnapshot {
  site: SiteId;
  /** True when the site's own markup was not found and the generic main/article extractor was used. */
  generic: boolean;
  url: string;
  slug: string;
  title: string;
  /** Statement text, whitespace-collapsed, capped by the adapter. */
  text: string;
  tags: string[];
  difficulty?: string;
  /** The editor's code (full model text when the main-world reader answered, visible lines otherwise). */
  code: string;
  language?: string;
}
