/**
 * The supported sites, declared once: id, name, the match patterns of their problem pages, and how a URL
 * names a problem. Everything that lists sites (the manifest's content scripts and host permissions, the
 * site ids in messages, settings and backups, the background's problem keys, the adapters) derives from
 * this list. It holds no page-reading code, so the background and the main-world reader stay small.
 */

export interface SiteDefinition<Id extends string = string> {
  id: Id;
  name: string;
  /** WXT/Chrome match patterns covering exactly the site's problem pages. */
  matches: readonly string[];
  /** Pages the match patterns cannot leave out on their own (listing pages under the same path). */
  excludeMatches: readonly string[];
  hosts: readonly string[];
  /** The problem path; its first group is the slug (or the group `slugOf` reads). */
  problemPath: RegExp;
  /** The slug of a URL on one of `hosts` whose path matched; '' when it is not a problem. */
  slugOf?(match: RegExpExecArray): string;
}

export function defineSite<const Id extends string>(site: SiteDefinition<Id>) {
  return {
    ...site,
    isProblemUrl(url: URL): boolean {
      return this.slug(url) !== '';
    },
    slug(url: URL): string {
      if (!site.hosts.includes(url.hostname)) return '';
      const match = site.problemPath.exec(url.pathname);
      if (!match) return '';
      return site.slugOf ? site.slugOf(match) : (match[1]?.toLowerCase() ?? '');
    },
  };
}

/** Order matters only for siteForUrl(): the first site claiming a URL wins. */
export const SITES = [
  defineSite({
    id: 'leetcode',
    name: 'LeetCode',
    matches: ['https://leetcode.com/problems/*', 'https://leetcode.cn/problems/*'],
    excludeMatches: [],
    hosts: ['leetcode.com', 'leetcode.cn'],
    /** /problems/<slug>/ and every sub-tab under it (description, editorial, solutions, submissions). */
    problemPath: /^\/problems\/([a-z0-9-]+)(?:\/|$)/i,
  }),
  defineSite({
    id: 'hackerrank',
    name: 'HackerRank',
    matches: ['https://www.hackerrank.com/challenges/*', 'https://www.hackerrank.com/contests/*/challenges/*'],
    excludeMatches: [],
    hosts: ['www.hackerrank.com'],
    /** /challenges/<slug>/… and contest copies at /contests/<contest>/challenges/<slug>/…. */
    problemPath: /^\/(?:contests\/[\w-]+\/)?challenges\/([\w-]+)(?:\/|$)/i,
  }),
  defineSite({
    id: 'codewars',
    name: 'Codewars',
    matches: ['https://www.codewars.com/kata/*'],
    // Kata search and creation share the /kata/ prefix with the kata pages themselves.
    excludeMatches: ['https://www.codewars.com/kata/search*', 'https://www.codewars.com/kata/new*'],
    hosts: ['www.codewars.com'],
    /** /kata/<id or slug>, its /train/<language> view and its other tabs. */
    problemPath: /^\/kata\/([\w-]+)(?:\/|$)/i,
    slugOf: (match) => {
      const id = match[1]?.toLowerCase() ?? '';
      return id === 'search' || id === 'new' ? '' : id;
    },
  }),
  defineSite({
    id: 'geeksforgeeks',
    name: 'GeeksforGeeks',
    // practice.geeksforgeeks.org is the legacy host; old links and bookmarks still land there.
    matches: ['https://www.geeksforgeeks.org/problems/*', 'https://practice.geeksforgeeks.org/problems/*'],
    excludeMatches: [],
    hosts: ['www.geeksforgeeks.org', 'practice.geeksforgeeks.org'],
    /** /problems/<slug>/<n>; the trailing number picks the page variant (0 or 1). */
    problemPath: /^\/problems\/([\w-]+)(?:\/|$)/i,
    // Older problems carry a timestamp-like id in the slug (…-1587115620); the name is what's stable.
    slugOf: (match) => (match[1] ?? '').toLowerCase().replace(/-\d{9,}$/, ''),
  }),
  defineSite({
    id: 'exercism',
    name: 'Exercism',
    matches: ['https://exercism.org/tracks/*/exercises/*'],
    excludeMatches: [],
    hosts: ['exercism.org'],
    /** /tracks/<track>/exercises/<exercise> and its tabs (edit, iterations, solutions, dig_deeper…). */
    problemPath: /^\/tracks\/([a-z0-9-]+)\/exercises\/([a-z0-9-]+)(?:\/|$)/i,
    // Exercise slugs repeat across tracks (bank-account exists in many), so the slug keeps the track.
    slugOf: (match) => `${match[1]!.toLowerCase()}/${match[2]!.toLowerCase()}`,
  }),
  defineSite({
    id: 'neetcode',
    name: 'NeetCode',
    matches: ['https://neetcode.io/problems/*'],
    excludeMatches: [],
    hosts: ['neetcode.io'],
    /** /problems/<slug> and its tabs (/question, /solution, /submissions); ?list= keeps the study list. */
    problemPath: /^\/problems\/([a-z0-9-]+)(?:\/|$)/i,
  }),
] as const;

export type Site = (typeof SITES)[number];
export type SiteId = Site['id'];
export const SITE_IDS = SITES.map((s) => s.id) as readonly SiteId[] as readonly [SiteId, ...SiteId[]];
export const SITE_NAMES: Readonly<Record<SiteId, string>> = Object.fromEntries(
  SITES.map((s) => [s.id, s.name]),
) as Record<SiteId, string>;

export function siteById(id: SiteId): Site {
  return SITES.find((s) => s.id === id)!;
}

/** The site whose problem pages include `url`, if any (none for a missing, hidden or malformed URL). */
export function siteForUrl(url: URL | string | undefined): Site | undefined {
  if (url === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return undefined;
  }
  return SITES.find((site) => site.isProblemUrl(parsed));
}

/** Every site's problem-page patterns, for the manifest's content scripts and host permissions. */
export function contentScriptMatches(): string[] {
  return SITES.flatMap((site) => site.matches);
}

/** Listing pages that the patterns above would otherwise catch. */
export function contentScriptExcludeMatches(): string[] {
  return SITES.flatMap((site) => site.excludeMatches);
}

/**
 * The manifest's content scripts: each site's loader (entrypoints/<id>-loader.ts, built to <id>-loader.js)
 * on exactly its problem pages, once the page has loaded.
 */
export function loaderContentScripts() {
  return SITES.map((site) => ({
    matches: [...site.matches],
    // Firefox refuses the whole add-on over an empty exclude_matches list, so it is left out when empty.
    ...(site.excludeMatches.length ? { exclude_matches: [...site.excludeMatches] } : {}),
    run_at: 'document_idle' as const,
    js: [`${site.id}-loader.js`],
  }));
}
