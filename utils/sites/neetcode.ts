import type { SiteAdapter } from './types';
import { siteById } from './registry';
import { buildSnapshot, genericTitle, genericTitleElement, mainText, safeExtract } from './generic';
import { declaredTheme, difficultyFrom, documentTitle, first, readableText, shortText, tagTexts } from './dom';
import { visibleEditorText } from '@/utils/editor-bridge';

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

const slugOf = (url: URL): string => siteById('neetcode').slug(url);

export const neetcode: SiteAdapter = {
  ...siteById('neetcode'),
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
