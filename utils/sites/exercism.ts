import { isRecord } from '@/utils/is-record';
import { defineAdapter } from './extract';
import { siteById } from './registry';
import {
  declaredTheme,
  difficultyFrom,
  findObject,
  first,
  htmlToText,
  parseJson,
  shortText,
  stringField,
} from './dom';

/** /tracks/<track>/exercises/<exercise>: the first group is the track. */
const PROBLEM_PATH = siteById('exercism').problemPath;
/** Test files sit beside the solution in the editor's file list; they are not the learner's code. */
const TEST_FILE = /(^|[/_.-])(tests?|spec)([/_.-]|$)|_test\.|\.test\.|\.spec\./i;

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

export const exercism = defineAdapter(
  'exercism',
  {
    statement: [],
    statementParts: 'section.introduction, section.instructions',
    title: ['.c-exercise-header h1', 'header .info h1'],
    /** "Bank Account in Python on Exercism"; track names are one or two words ("Common Lisp"). */
    titleDecoration: /\s+in\s+\S+(?:\s+\S+)?\s+on Exercism\s*$|\s+on Exercism\s*$/i,
    readDifficulty(doc) {
      const header = first(doc, ['.c-exercise-header']);
      return difficultyFrom(shortText(first(header ?? doc, ['.difficulty', '[class*="difficulty"]']), 40));
    },
    // The topics are the exercise's concepts, linked under its own track.
    tags: (url) => `a[href^="/tracks/${PROBLEM_PATH.exec(url.pathname)?.[1]?.toLowerCase() ?? ''}/concepts/"]`,
    language: (_doc, url) => PROBLEM_PATH.exec(url.pathname)?.[1]?.toLowerCase(),
    // The editor's data is only read when the exercise page's own sections are not there.
    readEmbedded(doc, { statement }) {
      const editor = statement ? undefined : editorData(doc);
      if (!editor) return undefined;
      return {
        title: editor.title,
        statement: editor.instructionsHtml
          .map((html) => htmlToText(html, doc))
          .join(' ')
          .trim(),
        code: editor.code,
      };
    },
  },
  {
    themeIsDark(doc) {
      // Exercism themes with theme-dark / theme-light classes on the body.
      if (doc.body?.classList.contains('theme-dark')) return true;
      if (doc.body?.classList.contains('theme-light')) return false;
      return declaredTheme(doc);
    },
  },
);
