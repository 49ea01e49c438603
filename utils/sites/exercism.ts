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
  parseJson,
  readableText,
  shortText,
  stringField,
  tagTexts,
} from './dom';
import { visibleEditorText } from '@/utils/editor-bridge';

/** /tracks/<track>/exercises/<exercise> and its tabs (edit, iterations, solutions, dig_deeper…). */
const PROBLEM_PATH = /^\/tracks\/([a-z0-9-]+)\/exercises\/([a-z0-9-]+)(?:\/|$)/i;
/** "Bank Account in Python on Exercism"; track names are one or two words ("Common Lisp"). */
const TITLE_SUFFIX = /\s+in\s+\S+(?:\s+\S+)?\s+on Exercism\s*$|\s+on Exercism\s*$/i;
const TITLE_SELECTORS = ['.c-exercise-header h1', 'header .info h1'];
/** Test files sit beside the solution in the editor's file list; they are not the learner's code. */
const TEST_FILE = /(^|[/_.-])(tests?|spec)([/_.-]|$)|_test\.|\.test\.|\.spec\./i;

function parts(url: URL): { track: string; exercise: string } {
  const match = PROBLEM_PATH.exec(url.pathname);
  return { track: match?.[1]?.toLowerCase() ?? '', exercise: match?.[2]?.toLowerCase() ?? '' };
}

/** Exercise slugs repeat across tracks (bank-account exists in many), so the slug keeps the track. */
const slugOf = (url: URL): string => siteById('exercism').slug(url);

interface EditorData {
  title: string;
  instructionsHtml: string[];
  code: string;
}

/**
 * The online editor is a React component whose props are server-rendered into data-react-data as
 * JSON: the instructions (HTML) and the learner's files.
 */
function editorData(doc: Document): EditorData | undefined {
  const host = first(doc, ['[data-react-editor][data-react-data]', '[data-react-class="Editor"][data-react-data]']);
  const data = parseJson(host?.getAttribute('data-react-data') ?? '');
  if (!isRecord(data)) return undefined;
  const instructionsHtml: string[] = [];
  const collect = (obj: Record<string, unknown>) => {
    for (const key of ['introduction', 'instructions', 'overview']) {
      const value = obj[key];
      if (typeof value === 'string') instructionsHtml.push(value);
    }
    if (Array.isArray(obj.tasks)) {
      for (const task of obj.tasks)
        if (isRecord(task)) instructionsHtml.push(stringField(task, 'title'), stringField(task, 'text'));
    }
  };
  collect(data);
  findObject(
    data,
    (obj) => {
      if (obj !== data) collect(obj);
      return false;
    },
    5_000,
  );
  const files = findObject(data, (obj) => Array.isArray(obj.files))?.files;
  const code = (Array.isArray(files) ? files : [])
    .filter((f): f is Record<string, unknown> => isRecord(f) && !TEST_FILE.test(stringField(f, 'filename')))
    .map((f) => stringField(f, 'content'))
    .join('\n\n');
  return {
    title: stringField(data, 'exercise_title', 'title'),
    instructionsHtml: instructionsHtml.filter(Boolean),
    code,
  };
}

export const exercism: SiteAdapter = {
  ...siteById('exercism'),
  titleElement: (doc) => first(doc, TITLE_SELECTORS) ?? genericTitleElement(doc),
  themeIsDark(doc) {
    // Exercism themes with theme-dark / theme-light classes on the body.
    if (doc.body?.classList.contains('theme-dark')) return true;
    if (doc.body?.classList.contains('theme-light')) return false;
    return declaredTheme(doc);
  },
  extract(doc, url) {
    const slug = slugOf(url);
    return safeExtract('exercism', doc, url, slug, () => {
      const { track } = parts(url);
      const sections = [...doc.querySelectorAll('section.introduction, section.instructions')];
      const domText = sections
        .map((s) => readableText(s))
        .join(' ')
        .trim();
      const editor = domText ? undefined : editorData(doc);
      const editorText = (editor?.instructionsHtml ?? [])
        .map((html) => htmlToText(html, doc))
        .join(' ')
        .trim();
      const title =
        shortText(first(doc, TITLE_SELECTORS)) ||
        editor?.title ||
        documentTitle(doc, TITLE_SUFFIX) ||
        genericTitle(doc);
      const header = first(doc, ['.c-exercise-header']);
      return buildSnapshot('exercism', url, slug, {
        title,
        text: domText || editorText || mainText(doc),
        tags: tagTexts(doc, `a[href^="/tracks/${track}/concepts/"]`),
        difficulty: difficultyFrom(shortText(first(header ?? doc, ['.difficulty', '[class*="difficulty"]']), 40)),
        code: visibleEditorText(doc) || editor?.code || '',
        language: track || undefined,
        generic: !domText && !editorText,
      });
    });
  },
};
