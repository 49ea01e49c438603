import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { SITE_IDS } from '@/utils/page-snapshot';
import { contentScriptExcludeMatches, contentScriptMatches, loaderContentScripts, SITES } from '@/utils/sites/registry';
import { SITE_ADAPTERS, adapterFor, readPage, savedPageUrl } from '../../scripts/lib/saved-page';
import { SITE_TEST_URLS } from './site-urls';

const SITES_DIR = join(__dirname, '../../utils/sites');
const FIXTURES_DIR = join(__dirname, '../fixtures/sites');
/** Files in utils/sites/ that are shared machinery rather than a site. */
const NOT_ADAPTERS = new Set(['registry.ts', 'types.ts', 'generic.ts', 'dom.ts', 'extract.ts']);

interface FixtureEntry {
  file: string;
  url: string;
  site: string;
  slug: string;
  title: string;
  phrase: string;
  absent?: string;
  tags: string[];
  difficulty?: string;
  generic: boolean;
  related: boolean;
  dark: boolean | null;
  language?: string;
  codeIncludes?: string;
  hostile?: 'script' | 'css';
  badge?: boolean;
}

const FIXTURES = JSON.parse(readFileSync(join(FIXTURES_DIR, 'fixtures.json'), 'utf8')) as FixtureEntry[];

function load(file: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(FIXTURES_DIR, file), 'utf8'), 'text/html');
}

function matchesPatterns(url: string): boolean {
  const included = contentScriptMatches().some((p) => new MatchPattern(p).includes(url));
  const excluded = contentScriptExcludeMatches().some((p) => new MatchPattern(p).includes(url));
  return included && !excluded;
}

/** Statement markup that must never survive into snapshot text (the hostile payloads are not in it). */
const MARKUP = /<\/?(?:p|div|span|code|strong|em|pre|li|ul|h\d|section)\b[^>]*>/i;

const testUrlRows = SITE_ADAPTERS.flatMap((adapter) =>
  SITE_TEST_URLS[adapter.id].map((t) => ({ id: adapter.id, adapter, ...t })),
);

describe('site adapters: test URLs', () => {
  it.each(testUrlRows)('$id: $url is a problem page: $problem', ({ adapter, url, problem, slug }) => {
    const parsed = new URL(url);
    expect(adapter.isProblemUrl(parsed)).toBe(problem);
    expect(adapterFor(parsed)?.id).toBe(problem ? adapter.id : undefined);
    if (problem) expect(adapter.slug(parsed)).toBe(slug);
  });

  it.each(testUrlRows)('$id: match patterns agree on $url', ({ url, problem }) => {
    expect(matchesPatterns(url)).toBe(problem);
  });

  it('match patterns name problem paths only, never a whole site', () => {
    const patterns = contentScriptMatches();
    expect(patterns).toContain('https://leetcode.com/problems/*');
    expect(patterns).toContain('https://leetcode.cn/problems/*');
    expect(patterns).not.toContain('https://leetcode.com/*');
    for (const pattern of patterns) {
      expect(pattern).toMatch(
        /^https:\/\/[a-z.]+\/(?:problems|challenges|contests\/\*\/challenges|kata|tracks\/\*\/exercises)\/\*$/,
      );
    }
    for (const url of [
      'https://leetcode.com/',
      'https://leetcode.com/problemset/',
      'https://www.hackerrank.com/',
      'https://exercism.org/tracks/python',
    ]) {
      expect(matchesPatterns(url)).toBe(false);
    }
  });

  it('the union of the adapters is what the manifest gets', () => {
    expect(contentScriptMatches()).toEqual(SITE_ADAPTERS.flatMap((a) => a.matches));
    expect(contentScriptExcludeMatches()).toEqual(SITE_ADAPTERS.flatMap((a) => a.excludeMatches));
    for (const adapter of SITE_ADAPTERS)
      expect(adapter.matches).toEqual(SITES.find((s) => s.id === adapter.id)!.matches);
  });
});

describe('site registry', () => {
  const adapterFiles = readdirSync(SITES_DIR).filter((f) => f.endsWith('.ts') && !NOT_ADAPTERS.has(f));

  it('has one loader entrypoint per registered site, listed in the manifest on exactly its pages', () => {
    const entries = readdirSync('entrypoints').filter((f) => f.endsWith('-loader.ts'));
    expect(entries.map((f) => f.replace(/-loader\.ts$/, '')).sort()).toEqual([...SITE_IDS].sort());
    const scripts = loaderContentScripts();
    expect(scripts).toHaveLength(SITES.length);
    for (const [i, site] of SITES.entries()) {
      // Each loader bundles its own site's adapter, and nothing else's.
      const source = readFileSync(join('entrypoints', `${site.id}-loader.ts`), 'utf8');
      expect([...source.matchAll(/@\/utils\/sites\/([a-z]+)/g)].map((m) => m[1])).toEqual([site.id]);
      const script = scripts[i]!;
      expect(script.js).toEqual([`${site.id}-loader.js`]);
      expect(script.matches).toEqual(site.matches);
      expect(script.run_at).toBe('document_idle');
      // An empty list is left out: Firefox refuses an add-on with an empty exclude_matches.
      if (site.excludeMatches.length === 0) expect(script).not.toHaveProperty('exclude_matches');
      else expect(script).toHaveProperty('exclude_matches', site.excludeMatches);
    }
  });

  it('registers every adapter file, once, in site order', () => {
    expect(adapterFiles.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...SITE_IDS].sort());
    expect(SITE_ADAPTERS.map((a) => a.id)).toEqual([...SITE_IDS]);
  });

  it.each(SITE_ADAPTERS.map((a) => [a.id, a] as const))('%s lists test URLs and fixtures', (id, adapter) => {
    expect(SITE_TEST_URLS[adapter.id].filter((t) => t.problem).length).toBeGreaterThanOrEqual(2);
    expect(SITE_TEST_URLS[adapter.id].filter((t) => !t.problem).length).toBeGreaterThanOrEqual(1);
    const fixtures = FIXTURES.filter((f) => f.file.startsWith(`${id}-`));
    expect(fixtures.length).toBeGreaterThanOrEqual(2);
    expect(fixtures.some((f) => f.related)).toBe(true);
    expect(fixtures.some((f) => !f.related)).toBe(true);
  });

  it('every fixture file is described in fixtures.json', () => {
    const files = readdirSync(FIXTURES_DIR)
      .filter((f) => f.endsWith('.html'))
      .sort();
    expect(FIXTURES.map((f) => f.file).sort()).toEqual(files);
    expect(files).toEqual(expect.arrayContaining(['hostile-script.html', 'hostile-css.html']));
  });
});

describe('extracting saved pages', () => {
  it.each(FIXTURES.map((f) => [f.file, f] as const))('%s', (_file, fx) => {
    const doc = load(fx.file);
    const url = new URL(fx.url);
    const adapter = adapterFor(url);
    expect(adapter?.id).toBe(fx.site);
    const snap = adapter!.extract(doc, url);

    expect(snap.site).toBe(fx.site);
    expect(snap.url).toBe(url.href);
    expect(snap.slug).toBe(fx.slug);
    expect(snap.title).toBe(fx.title);
    expect(snap.text).toContain(fx.phrase);
    if (fx.absent) expect(snap.text).not.toContain(fx.absent);
    expect(snap.tags).toEqual(fx.tags);
    expect(snap.difficulty).toBe(fx.difficulty);
    expect(snap.generic).toBe(fx.generic);
    if (fx.language) expect(snap.language).toBe(fx.language);
    if (fx.codeIncludes) expect(snap.code).toContain(fx.codeIncludes);
    expect(adapter!.themeIsDark(doc)).toBe(fx.dark);
    // A page still rendering (or the Exercism editor, which has no heading) has nowhere for a badge yet.
    expect(adapter!.titleElement(doc) !== null).toBe(fx.badge ?? true);
    for (const field of [snap.title, snap.text, snap.code, ...snap.tags]) expect(field).not.toMatch(MARKUP);
  });

  it('reads the editor lines in line order, not DOM order', () => {
    const snap = readPage(
      load('leetcode-print-in-order.html'),
      new URL('https://leetcode.com/problems/print-in-order/'),
    );
    expect(snap.code.split('\n').slice(0, 3)).toEqual(['class Foo:', '    def __init__(self):', '        pass']);
  });

  it('ignores __NEXT_DATA__ left over from another problem', () => {
    const snap = readPage(
      load('leetcode-task-scheduler.html'),
      new URL('https://leetcode.com/problems/task-scheduler/'),
    );
    expect(snap.title).toBe('Task Scheduler');
    expect(snap.text).not.toContain('Two Sum');
  });

  it('runs nothing from a hostile page and returns its markup as inert text', () => {
    const win = window as unknown as Record<string, unknown>;
    delete win.__awaitwisePwned;
    delete win.__fixtureOwnScript;
    const doc = load('hostile-script.html');
    const url = new URL('https://leetcode.com/problems/print-foobar-alternately/');
    const snap = readPage(doc, url);
    // The statement's live <script> is skipped; the escaped one is literal text.
    expect(snap.text).toContain("<script>window.__awaitwisePwned='statement'</script>");
    expect(snap.text).not.toContain('__fixtureOwnScript');
    expect(snap.title).toContain('<img src=x onerror=');
    expect(win.__awaitwisePwned).toBeUndefined();
    expect(win.__fixtureOwnScript).toBeUndefined();
  });

  it('reads __NEXT_DATA__ HTML without running it', () => {
    const win = window as unknown as Record<string, unknown>;
    delete win.__awaitwisePwned;
    const doc = load('hostile-script.html');
    doc.querySelector('[data-track-load="description_content"]')?.remove();
    const snap = readPage(doc, new URL('https://leetcode.com/problems/print-foobar-alternately/'));
    expect(snap.text).toBe('Two threads alternate.');
    expect(win.__awaitwisePwned).toBeUndefined();
  });

  it('reads a page whose CSS hides everything (text, not rendering)', () => {
    const snap = readPage(load('hostile-css.html'), new URL('https://leetcode.com/problems/building-h2o/'));
    expect(snap.text).toContain('groups that form water molecules');
  });
});

describe('fallbacks and limits', () => {
  it.each(SITE_ADAPTERS.map((a) => [a.id, a] as const))(
    '%s falls back to the generic reading when its markup is gone',
    (_id, adapter) => {
      const url = new URL(SITE_TEST_URLS[adapter.id].find((t) => t.problem)!.url);
      const doc = new DOMParser().parseFromString(
        '<html><head></head><body><nav>Menu</nav><main><h1>Mystery Problem</h1><p>Coordinate two workers so they take turns.</p></main></body></html>',
        'text/html',
      );
      const snap = adapter.extract(doc, url);
      expect(snap.generic).toBe(true);
      expect(snap.title).toBe('Mystery Problem');
      expect(snap.text).toContain('Coordinate two workers so they take turns.');
      expect(snap.text).not.toContain('Menu');
      expect(snap.slug).toBe(adapter.slug(url));
    },
  );

  it.each(SITE_ADAPTERS.map((a) => [a.id, a] as const))(
    '%s never throws, even on a broken document',
    (_id, adapter) => {
      const url = new URL(SITE_TEST_URLS[adapter.id].find((t) => t.problem)!.url);
      const broken = {} as Document;
      const snap = adapter.extract(broken, url);
      expect(snap).toMatchObject({ site: adapter.id, title: '', text: '', code: '', generic: true });
      expect(adapter.themeIsDark(new DOMParser().parseFromString('<p>x</p>', 'text/html'))).toBeNull();
    },
  );

  it('caps statement text and editor code', () => {
    const statement = 'word '.repeat(10_000);
    const line = 'x'.repeat(99);
    const lines = Array.from(
      { length: 1_200 },
      (_, i) => `<div class="view-line" style="top:${i * 20}px">${line}</div>`,
    ).join('');
    const doc = new DOMParser().parseFromString(
      `<div class="text-title-large">Big</div><div data-track-load="description_content"><p>${statement}</p></div><div class="monaco-editor"><div class="view-lines">${lines}</div></div>`,
      'text/html',
    );
    const snap = readPage(doc, new URL('https://leetcode.com/problems/big/'));
    expect(snap.text.length).toBeLessThanOrEqual(20_000);
    expect(snap.text.length).toBeGreaterThan(19_000);
    expect(snap.code.length).toBe(100_000);
  });

  it('finds a saved page URL from its canonical link, and reads unknown sites as plain text', () => {
    const doc = load('leetcode-print-in-order.html');
    expect(savedPageUrl(doc)?.href).toBe('https://leetcode.com/problems/print-in-order/description/');
    const other = readPage(doc, new URL('https://example.com/post'));
    expect(other).not.toHaveProperty('site');
    expect(other.text).toContain('three different threads');
  });
});
