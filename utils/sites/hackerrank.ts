import { defineAdapter } from './extract';
import { documentTitle, first, headingWithText, shortText } from './dom';
import { genericTitleElement } from './generic';

const TITLE = [
  '.challenge-page-label-wrapper h1',
  'h1.page-label',
  '.ui-icon-label.page-label',
  'h1.hr_header-title',
  '.challenge-view h1',
];
const TITLE_DECORATION = /\s*\|\s*HackerRank\s*$/i;
/** Breadcrumb steps that are navigation, not topics. */
const NOT_TOPICS = new Set(['prepare', 'dashboard', 'contests', 'home', 'certify', 'compete']);

export const hackerrank = defineAdapter(
  'hackerrank',
  {
    statement: [
      '.challenge-body-html',
      '.challenge_problem_statement',
      '[class*="challenge-body"]',
      '.problem-statement',
    ],
    title: TITLE,
    titleDecoration: TITLE_DECORATION,
    difficulty: ['.difficulty-block', '[class*="difficulty"]'],
    difficultyTextCap: 60,
    // The topics are the breadcrumb's steps, which end with the challenge itself.
    tags: '.breadcrumb-item, .ui-breadcrumb a, [class*="breadcrumb"] a',
    isTopic: (tag, title) => !NOT_TOPICS.has(tag.toLowerCase()) && tag.toLowerCase() !== title.toLowerCase(),
    language: (doc) =>
      shortText(
        first(doc, [
          '.select-language [class*="single-value"]',
          '.select-language [class*="singleValue"]',
          '.select-language',
        ]),
        40,
      ),
  },
  {
    // The heading that repeats the document title, when none of the title selectors are rendered.
    titleElement: (doc) =>
      first(doc, TITLE) ?? headingWithText(doc, documentTitle(doc, TITLE_DECORATION)) ?? genericTitleElement(doc),
  },
);
