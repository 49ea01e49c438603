import type { SiteId } from '@/utils/page-snapshot';

/**
 * Match patterns per site, kept apart from the adapters so the main-world editor reader can import
 * them without bundling every extractor into the page.
 */
export const SITE_MATCHES: Record<SiteId, { matches: string[]; excludeMatches: string[] }> = {
  leetcode: {
    matches: ['https://leetcode.com/problems/*', 'https://leetcode.cn/problems/*'],
    excludeMatches: [],
  },
  hackerrank: {
    matches: ['https://www.hackerrank.com/challenges/*', 'https://www.hackerrank.com/contests/*/challenges/*'],
    excludeMatches: [],
  },
  codewars: {
    matches: ['https://www.codewars.com/kata/*'],
    // Kata search and creation share the /kata/ prefix with the kata pages themselves.
    excludeMatches: ['https://www.codewars.com/kata/search*', 'https://www.codewars.com/kata/new*'],
  },
  geeksforgeeks: {
    // practice.geeksforgeeks.org is the legacy host; old links and bookmarks still land there.
    matches: ['https://www.geeksforgeeks.org/problems/*', 'https://practice.geeksforgeeks.org/problems/*'],
    excludeMatches: [],
  },
  exercism: {
    matches: ['https://exercism.org/tracks/*/exercises/*'],
    excludeMatches: [],
  },
  neetcode: {
    matches: ['https://neetcode.io/problems/*'],
    excludeMatches: [],
  },
};

/** Every site's problem-page patterns, for the manifest's content scripts and host permissions. */
export function contentScriptMatches(): string[] {
  return Object.values(SITE_MATCHES).flatMap((site) => site.matches);
}

/** Listing pages that the patterns above would otherwise catch. */
export function contentScriptExcludeMatches(): string[] {
  return Object.values(SITE_MATCHES).flatMap((site) => site.excludeMatches);
}
