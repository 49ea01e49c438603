/** Which supported site a tab's URL is on, from the site registry (no adapters loaded). */
import type { SiteId } from '@/utils/page-snapshot';
import { siteForUrl } from '@/utils/sites/registry';

/** The site whose problem pages include `url`, or null (also for a missing or hidden URL). */
export function siteOfUrl(url: string | undefined): SiteId | null {
  if (!url) return null;
  try {
    return siteForUrl(new URL(url))?.id ?? null;
  } catch {
    return null;
  }
}
