import type { SiteAdapter } from './types';
import { SITE_MATCHES } from './matches';
import { buildSnapshot, genericTitle, genericTitleElement, mainText, safeExtract } from './generic';
import {
  declaredTheme,
  difficultyFrom,
  documentTitle,
  first,
  headingWithText,
  readableText,
  shortText,
  tagTexts,
} from './dom';
import { visibleEditorText } from '@/utils/editor-bridge';

const HOSTS = new Set(['www.hackerrank.com']);
/** /challenges/<slug>/… and contest copies at /contests/<contest>/challenges/<slug>/…. */
const PROBLEM_PATH = /^\/(?:contests\/[\w-]+\/)?challenges\/([\w-]+)(?:\/|$)/i;

const STATEMENT_SELECTORS = [
  '.challenge-body-html',
  '.challenge_problem_statement',
  '[class*="challenge-body"]',
  '.problem-statement',
];
const TITLE_SELECTORS = [
  '.challenge-page-label-wrapper h1',
  'h1.page-label',
  '.ui-icon-label.page-label',
  'h1.hr_header-title',
  '.challenge-view h1',
];
const DIFFICULTY_SELECTORS = ['.difficulty-block', '[class*="difficulty"]'];
/** Breadcrumb steps that are navigation, not topics. */
const NOT_TOPICS = new Set(['prepare', 'dashboard', 'contests', 'home', 'certify', 'compete']);

function slugOf(url: URL): string {
  return PROBLEM_PATH.exec(url.pathname)?.[1]?.toLowerCase() ?? '';
}

export const hackerrank: SiteAdapter = {
  id: 'hackerrank',
  name: 'HackerRank',
  ...SITE_MATCHES.hackerrank,
  testUrls: [
    { url: 'https://www.hackerrank.com/challenges/solve-me-first/problem', problem: true, slug: 'solve-me-first' },
    {
      url: 'https://www.hackerrank.com/challenges/py-hello-world/problem?isFullScreen=true',
      problem: true,
      slug: 'py-hello-world',
    },
    {
      url: 'https://www.hackerrank.com/challenges/minimum-average-waiting-time/problem',
      problem: true,
      slug: 'minimum-average-waiting-time',
    },
    {
      url: 'https://www.hackerrank.com/challenges/queue-using-two-stacks/submissions',
      problem: true,
      slug: 'queue-using-two-stacks',
    },
    { url: 'https://www.hackerrank.com/contests/projecteuler/challenges/euler001', problem: true, slug: 'euler001' },
    {
      url: 'https://www.hackerrank.com/contests/projecteuler/challenges/euler001/problem',
      problem: true,
      slug: 'euler001',
    },
    { url: 'https://www.hackerrank.com/domains/python', problem: false },
    { url: 'https://www.hackerrank.com/dashboard', problem: false },
    { url: 'https://www.hackerrank.com/contests/projecteuler/challenges', problem: false },
    { url: 'https://www.hackerrank.com/interview/interview-preparation-kit', problem: false },
  ],
  isProblemUrl: (url) => HOSTS.has(url.hostname) && PROBLEM_PATH.test(url.pathname),
  slug: slugOf,
  titleElement(doc) {
    return (
      first(doc, TITLE_SELECTORS) ??
      headingWithText(doc, documentTitle(doc, /\s*\|\s*HackerRank\s*$/i)) ??
      genericTitleElement(doc)
    );
  },
  themeIsDark: declaredTheme,
  extract(doc, url) {
    const slug = slugOf(url);
    return safeExtract('hackerrank', doc, url, slug, () => {
      const statement = readableText(first(doc, STATEMENT_SELECTORS));
      const title =
        shortText(first(doc, TITLE_SELECTORS)) || documentTitle(doc, /\s*\|\s*HackerRank\s*$/i) || genericTitle(doc);
      const tags = tagTexts(doc, '.breadcrumb-item, .ui-breadcrumb a, [class*="breadcrumb"] a').filter(
        (tag) => !NOT_TOPICS.has(tag.toLowerCase()) && tag.toLowerCase() !== title.toLowerCase(),
      );
      const language = shortText(
        first(doc, [
          '.select-language [class*="single-value"]',
          '.select-language [class*="singleValue"]',
          '.select-language',
        ]),
        40,
      );
      return buildSnapshot('hackerrank', url, slug, {
        title,
        text: statement || mainText(doc),
        tags,
        difficulty: difficultyFrom(shortText(first(doc, DIFFICULTY_SELECTORS), 60)),
        code: visibleEditorText(doc),
        language: language || undefined,
        generic: !statement,
      });
    });
  },
};
