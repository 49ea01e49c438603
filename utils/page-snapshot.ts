import type { SiteId } from '@/utils/sites/registry';

/** The sites, from the one registry (utils/sites/registry.ts). */
export { SITE_IDS, type SiteId } from '@/utils/sites/registry';

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
