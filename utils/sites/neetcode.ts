import type { SiteAdapter } from './types';
import { SITE_MATCHES } from './matches';
import { buildSnapshot, genericTitle, genericTitleElement, mainText, safeExtract } from './generic';
import { declaredTheme, difficultyFrom, documentTitle, first, readableText, shortText, tagTexts } from './dom';
import { visibleEditorText } from '@/utils/editor-bridge';

/** /problems/<slug> and its tabs (/question, /solution, /submissions); ?list= keeps the study list. */
const PROBLEM_PATH = /^\/problems\/([a-z0-9-]+)(?:\/|$)/i;
const TITLE_SUFFIX = /\s+-\s+NeetCode\s*$/i;

// NeetCode is an Angular app: component tags (app-article…) are stable, generated attributes are not.
const STATEMENT_SELECTORS = [
  '.my-article-component-container',
  'app-article',
  '.question-tab',
  '[class*="question-content"]',
];
const TITLE_SELECTORS = ['.question-tab h1', 'app-article h1', 'app-problem h1'];
const DIFFICULTY_SELECTORS = ['.difficulty-pill', '[class*="difficulty"]'];

function slugOf(url: URL): string {
  return PROBLEM_PATH.exec(url.pathname)?.[1]?.toLowerCase() ?? '';
}

export const neetcode: SiteAdapter = {
  id: 'neetcode',
  name: 'NeetCode',
  ...SITE_MATCHES.neetcode,
  testUrls: [
    { url: 'https://neetcode.io/problems/two-integer-sum', problem: true, slug: 'two-integer-sum' },
    {
      url: 'https://neetcode.io/problems/meeting-schedule-ii?list=neetcode150',
      problem: true,
      slug: 'meeting-schedule-ii',
    },
    { url: 'https://neetcode.io/problems/task-scheduling/question', problem: true, slug: 'task-scheduling' },
    { url: 'https://neetcode.io/practice', problem: false },
    { url: 'https://neetcode.io/roadmap', problem: false },
    { url: 'https://neetcode.io/courses/dsa-for-beginners/0', problem: false },
  ],
  isProblemUrl: (url) => url.hostname === 'neetcode.io' && PROBLEM_PATH.test(url.pathname),
  slug: slugOf,
  titleElement: (doc) => first(doc, TITLE_SELECTORS) ?? genericTitleElement(doc),
  themeIsDark: declaredTheme,
  extract(doc, url) {
    const slug = slugOf(url);
    return safeExtract('neetcode', doc, url, slug, () => {
      const statementEl = first(doc, STATEMENT_SELECTORS);
      const statement = readableText(statementEl);
      const title = shortText(first(doc, TITLE_SELECTORS)) || documentTitle(doc, TITLE_SUFFIX) || genericTitle(doc);
      return buildSnapshot('neetcode', url, slug, {
        title,
        text: statement || mainText(doc),
        tags: tagTexts(doc, '.topic-tag, .topic-tags a, .topic-tags button'),
        difficulty: difficultyFrom(shortText(first(doc, DIFFICULTY_SELECTORS), 40)),
        code: visibleEditorText(doc),
        generic: !statement,
      });
    });
  },
};
