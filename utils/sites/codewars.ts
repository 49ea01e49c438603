import { defineAdapter } from './extract';
import { difficultyFrom, documentTitle, first, headingWithText, shortText } from './dom';
import { genericTitleElement } from './generic';

const TRAIN_LANGUAGE = /^\/kata\/[\w-]+\/train\/([\w+#-]+)/i;
const TITLE = ['.game-title h4', '.kata-title', 'main h4'];
/** "Training on Multiply | Codewars" in the train view, "Multiply | Codewars" on the overview. */
const TITLE_DECORATION = /^Training on\s+|\s*\|\s*Codewars\s*$/gi;

export const codewars = defineAdapter(
  'codewars',
  {
    statement: ['#description', '.description-content', '[data-testid="description"]', '.markdown.prose'],
    title: TITLE,
    titleDecoration: TITLE_DECORATION,
    // The document title names the kata exactly; a selector as loose as `main h4` may not.
    documentTitleFirst: true,
    // The rank badge ("6 kyu") has no stable hook; it is the first kyu/dan label near the title.
    readDifficulty: (doc) =>
      [...doc.querySelectorAll('.small-hex span, [class*="rank"] span, [class*="hex"] span')]
        .map((el) => difficultyFrom(shortText(el, 20)))
        .find((label) => label?.includes('kyu') || label?.includes('dan')),
    tags: '.keyword-tag, a[href*="/kata/search"][href*="tags="]',
    /** The train view has two CodeMirror editors: the solution in #code, the sample tests in #fixture. */
    editorScope: '#code',
    language: (_doc, url) => TRAIN_LANGUAGE.exec(url.pathname)?.[1]?.toLowerCase(),
  },
  {
    titleElement: (doc) =>
      headingWithText(doc, documentTitle(doc, TITLE_DECORATION)) ?? first(doc, TITLE) ?? genericTitleElement(doc),
  },
);
