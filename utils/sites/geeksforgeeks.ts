import { isList, isRecord } from '@/utils/is-record';
import { defineAdapter } from './extract';
import {
  difficultyFrom,
  findObject,
  first,
  htmlToText,
  jsonFromScript,
  shortText,
  stringField,
  uniqueTags,
} from './dom';

/** Older problems carry a timestamp-like id in the slug (…-1587115620); the name is what's stable. */
const SLUG_ID_SUFFIX = /-\d{9,}$/;

// CSS-module class names keep their readable prefix across builds; only the hash after "__" changes.
const DIFFICULTY = ['[class*="problems_header_description"]', '.problem-tab__difficulty', '[class*="difficulty"]'];
const DIFFICULTY_VALUE = DIFFICULTY.map((s) => `${s} strong`);

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
    tags: uniqueTags(tagGroups.flatMap((group) => (isList(group) ? group : []))),
  };
}

export const geeksforgeeks = defineAdapter('geeksforgeeks', {
  statement: ['[class*="problems_problem_content"]', '.problem-statement', '.problemQuestion'],
  title: [
    '[class*="problems_header_content__title"] h3',
    '[class*="problems_header_content__title"]',
    '.problem-tab__name',
    '.problem-title',
  ],
  titleDecoration: /\s*\|\s*(Practice\s*\|\s*)?GeeksforGeeks\s*$/i,
  // The header glues "Difficulty: Easy" to "Accuracy: …" in adjacent spans; the value sits in its own <strong>.
  readDifficulty: (doc) => difficultyFrom(shortText(first(doc, DIFFICULTY_VALUE), 40)),
  difficulty: DIFFICULTY,
  tags: '[class*="problems_tag_container"] a, .problem-tags a, a[href*="explore?category"]',
  readEmbedded(doc, { slug }) {
    const problem = nextDataProblem(doc, slug);
    if (!problem) return undefined;
    return { ...problem, statement: problem.statement ? htmlToText(problem.statement, doc) : '' };
  },
});
