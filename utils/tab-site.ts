/** Which supported site a tab's URL is on, from the content script's own match patterns (no adapters loaded). */
import type { SiteId } from '@/utils/page-snapshot';
import { SITE_MATCHES } from '@/utils/sites/matches';

/** A match pattern (`https://host/path*`) as a regular expression; `*` in the path matches anything. */
function patternToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

const compiled = Object.entries(SITE_MATCHES).map(([site, { matches, excludeMatches }]) => ({
  site: site as SiteId,
  matches: matches.map(patternToRegExp),
  excludes: excludeMatches.map(patternToRegExp),
}));

/** The site whose problem pages include `url`, or null (also for a missing or hidden URL). */
export function siteOfUrl(url: string | undefined): SiteId | null {
  if (!url) return null;
  for (const { site, matches, excludes } of compiled)
    if (matches.some((m) => m.test(url)) && !excludes.some((e) => e.test(url))) return site;
  return null;
}
