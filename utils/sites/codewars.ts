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

const TRAIN_LANGUAGE = /^\/kata\/[\w-]+\/train\/([\w+#-]+)/i;
/** "Training on Multiply | Codewars" in the train view, "Multiply | Codewars" on the overview. */
const TITLE_DECORATION = /^Training on\s+|\s*\|\s*Codewars\s*$/gi;

const DESCRIPTION_SELECTORS = [
  '#description',
  '.description-content',
  '[data-testid="description"]',
  '.markdown.prose',
];
const TITLE_SELECTORS = ['.game-title h4', '.kata-title', 'main h4'];
/** The train view has two CodeMirror editors: the solution in #code, the sample tests in #fixture. */
const EDITOR_SCOPE = '#code';

const slugOf = (url: URL): string => siteById('codewars').slug(url);

function kataTitle(doc: Document): string {
  return documentTitle(doc, TITLE_DECORATION);
}

export const codewars: SiteAdapter = {
  ...siteById('codewars'),
  editorScope: EDITOR_SCOPE,
  titleElement(doc) {
    return headingWithText(doc, kataTitle(doc)) ?? first(doc, TITLE_SELECTORS) ?? genericTitleElement(doc);
  },
  themeIsDark: declaredTheme,
  extract(doc, url) {
    const slug = slugOf(url);
    return safeExtract('codewars', doc, url, slug, () => {
      const description = readableText(first(doc, DESCRIPTION_SELECTORS));
      const title = kataTitle(doc) || shortText(first(doc, TITLE_SELECTORS)) || genericTitle(doc);
      // The rank badge ("6 kyu") has no stable hook; it is the first kyu/dan label near the title.
      const rank = [...doc.querySelectorAll('.small-hex span, [class*="rank"] span, [class*="hex"] span')]
        .map((el) => difficultyFrom(shortText(el, 20)))
        .find((label) => label?.includes('kyu') || label?.includes('dan'));
      return buildSnapshot('codewars', url, slug, {
        title,
        text: description || mainText(doc),
        tags: tagTexts(doc, '.keyword-tag, a[href*="/kata/search"][href*="tags="]'),
        difficulty: rank,
        code: visibleEditorText(doc, EDITOR_SCOPE),
        language: TRAIN_LANGUAGE.exec(url.pathname)?.[1]?.toLowerCase(),
        generic: !description,
      });
    });
  },
};
