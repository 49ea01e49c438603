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

const HOSTS = new Set(['www.codewars.com']);
/** /kata/<id or slug>, its /train/<language> view and its other tabs. */
const PROBLEM_PATH = /^\/kata\/([\w-]+)(?:\/|$)/i;
/** Listing and authoring pages that share the /kata/ prefix. */
const NOT_KATA = new Set(['search', 'new']);
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

function slugOf(url: URL): string {
  const id = PROBLEM_PATH.exec(url.pathname)?.[1] ?? '';
  return NOT_KATA.has(id.toLowerCase()) ? '' : id.toLowerCase();
}

function kataTitle(doc: Document): string {
  return documentTitle(doc, TITLE_DECORATION);
}

export const codewars: SiteAdapter = {
  id: 'codewars',
  name: 'Codewars',
  ...SITE_MATCHES.codewars,
  testUrls: [
    { url: 'https://www.codewars.com/kata/50654ddff44f800200000004', problem: true, slug: '50654ddff44f800200000004' },
    {
      url: 'https://www.codewars.com/kata/50654ddff44f800200000004/train/python',
      problem: true,
      slug: '50654ddff44f800200000004',
    },
    {
      url: 'https://www.codewars.com/kata/57b06f90e298a7b53d000a86/train/javascript',
      problem: true,
      slug: '57b06f90e298a7b53d000a86',
    },
    {
      url: 'https://www.codewars.com/kata/5277c8a221e209d3f6000b56/solutions/python',
      problem: true,
      slug: '5277c8a221e209d3f6000b56',
    },
    { url: 'https://www.codewars.com/kata/multiply', problem: true, slug: 'multiply' },
    { url: 'https://www.codewars.com/kata/search/python?q=async', problem: false },
    { url: 'https://www.codewars.com/kata/new/python', problem: false },
    { url: 'https://www.codewars.com/dashboard', problem: false },
    { url: 'https://www.codewars.com/users/g964', problem: false },
  ],
  editorScope: EDITOR_SCOPE,
  isProblemUrl: (url) => HOSTS.has(url.hostname) && slugOf(url) !== '',
  slug: slugOf,
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
