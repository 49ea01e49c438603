import type { SiteAdapter } from './types';
import { siteById } from './registry';
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

const slugOf = (url: URL): string => siteById('hackerrank').slug(url);

export const hackerrank: SiteAdapter = {
  ...siteById('hackerrank'),
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
