import type { SiteAdapter } from './types';
import { siteById } from './registry';
import { buildSnapshot, genericTitle, genericTitleElement, mainText, safeExtract } from './generic';
import {
  declaredTheme,
  difficultyFrom,
  documentTitle,
  findObject,
  first,
  htmlToText,
  isRecord,
  jsonFromScript,
  readableText,
  shortText,
  stringField,
  tagTexts,
  uniqueTags,
} from './dom';
import { visibleEditorText } from '@/utils/editor-bridge';

/** Older problems carry a timestamp-like id in the slug (…-1587115620); the name is what's stable. */
const SLUG_ID_SUFFIX = /-\d{9,}$/;
const TITLE_SUFFIX = /\s*\|\s*(Practice\s*\|\s*)?GeeksforGeeks\s*$/i;

// CSS-module class names keep their readable prefix across builds; only the hash after "__" changes.
const STATEMENT_SELECTORS = ['[class*="problems_problem_content"]', '.problem-statement', '.problemQuestion'];
const TITLE_SELECTORS = [
  '[class*="problems_header_content__title"] h3',
  '[class*="problems_header_content__title"]',
  '.problem-tab__name',
  '.problem-title',
];
const DIFFICULTY_SELECTORS = [
  '[class*="problems_header_description"]',
  '.problem-tab__difficulty',
  '[class*="difficulty"]',
];
const TAG_SELECTOR = '[class*="problems_tag_container"] a, .problem-tags a, a[href*="explore?category"]';

const slugOf = (url: URL): string => siteById('geeksforgeeks').slug(url);

/** The problem record in __NEXT_DATA__, if it is this page's (client navigation leaves it stale). */
function nextDataProblem(doc: Document, slug: string) {
  const data = jsonFromScript(doc, 'script#__NEXT_DATA__');
  const problem = findObject(data, (o) => typeof o.problem_name === 'string' && typeof o.problem_question === 'string');
  if (!problem) return undefined;
  const ownSlug = stringField(problem, 'slug').toLowerCase().replace(SLUG_ID_SUFFIX, '');
  if (ownSlug && ownSlug !== slug) return undefined;
  const tagGroups = isRecord(problem.tags) ? Object.values(problem.tags) : [];
  return {
    title: stringField(problem, 'problem_name'),
    statement: stringField(problem, 'problem_question'),
    difficulty: stringField(problem, 'difficulty'),
    tags: uniqueTags(tagGroups.flatMap((group) => (Array.isArray(group) ? group : []))),
  };
}

export const geeksforgeeks: SiteAdapter = {
  ...siteById('geeksforgeeks'),
  titleElement: (doc) => first(doc, TITLE_SELECTORS) ?? genericTitleElement(doc),
  themeIsDark: declaredTheme,
  extract(doc, url) {
    const slug = slugOf(url);
    return safeExtract('geeksforgeeks', doc, url, slug, () => {
      const problem = nextDataProblem(doc, slug);
      const domText = readableText(first(doc, STATEMENT_SELECTORS));
      const jsonText = problem?.statement ? htmlToText(problem.statement, doc) : '';
      const title =
        shortText(first(doc, TITLE_SELECTORS)) ||
        problem?.title ||
        documentTitle(doc, TITLE_SUFFIX) ||
        genericTitle(doc);
      // The header glues "Difficulty: Easy" to "Accuracy: …" in adjacent spans; the value sits in its own <strong>.
      const difficulty =
        difficultyFrom(
          shortText(
            first(
              doc,
              DIFFICULTY_SELECTORS.map((s) => `${s} strong`),
            ),
            40,
          ),
        ) ??
        difficultyFrom(shortText(first(doc, DIFFICULTY_SELECTORS), 40)) ??
        difficultyFrom(problem?.difficulty ?? '');
      const tags = tagTexts(doc, TAG_SELECTOR);
      return buildSnapshot('geeksforgeeks', url, slug, {
        title,
        text: domText || jsonText || mainText(doc),
        tags: tags.length > 0 ? tags : (problem?.tags ?? []),
        difficulty,
        code: visibleEditorText(doc),
        generic: !domText && !jsonText,
      });
    });
  },
};
