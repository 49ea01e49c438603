/**
 * Reading the code editor. Monaco, Ace and CodeMirror only render the lines in view, so the full text lives
 * in the page's own objects, which only a script in the page's world can reach: the background runs
 * `readEditorInPage` there (scripting.executeScript, world MAIN) and gets its return value straight back,
 * so no message crosses the page's window and no other script on the page can answer in its place. The
 * rendered lines (`visibleEditorText`) are the isolated world's own fallback.
 */

/** Longest editor text kept; a solution is far shorter, a pasted dataset is not worth reading. */
export const EDITOR_CODE_CAP = 100_000;
const LANGUAGE_CAP = 40;

export interface EditorModel {
  code: string;
  language?: string;
}

/**
 * Where the code came from: `editor` is the editor's own model, read in the page's world by the
 * background; `page` is what the page rendered (the lines in view, or a textarea), read from the DOM.
 */
export type CodeSource = 'editor' | 'page';

export interface EditorRead extends EditorModel {
  source: CodeSource;
}

/** A language id as a short lower-case word, or undefined for anything else the page hands over. */
export function cleanLanguage(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const lang = value.trim().toLowerCase().slice(0, LANGUAGE_CAP);
  return /^[a-z0-9#+._ -]+$/.test(lang) ? lang : undefined;
}

/**
 * What `readEditorInPage` returned, checked: the page owns every object it read, so the value is
 * untrusted. Code capped, language cleaned, anything else dropped; null when there is no code.
 */
export function parseEditorModel(raw: unknown): EditorModel | null {
  if (typeof raw !== 'object' || raw === null || !('code' in raw) || typeof raw.code !== 'string') return null;
  const model: EditorModel = { code: raw.code.slice(0, EDITOR_CODE_CAP) };
  const language = cleanLanguage('language' in raw ? raw.language : undefined);
  if (language) model.language = language;
  return model;
}

/**
 * Runs in the page's main world (injected as a function by utils/background/services.ts): the full text
 * of the page's code editor, or null. It is serialised on its own, so everything it uses is declared
 * inside it. `scope` is a selector around the solution editor on pages with several (Codewars).
 * Prefers editors inside the scope, then the focused one, else the one holding the most text.
 */
export function readEditorInPage(scope: string | null): { code: string; language?: string } | null {
  interface Found {
    code: string;
    language?: string;
    focused: boolean;
    el?: Element;
  }
  const found: Found[] = [];
  const attempt = <T,>(read: () => T): T | undefined => {
    try {
      return read();
    } catch {
      return undefined;
    }
  };
  const isObject = (value: unknown): value is Record<string, unknown> =>
    (typeof value === 'object' || typeof value === 'function') && value !== null;
  // Every property of the page's objects is read through `get`, so a getter that throws is just "nothing".
  const get = (value: unknown, key: string): unknown => (isObject(value) ? attempt(() => value[key]) : undefined);
  const call = (value: unknown, key: string, ...args: unknown[]): unknown => {
    const fn = get(value, key);
    return typeof fn === 'function' ? attempt((): unknown => Reflect.apply(fn, value, args)) : undefined;
  };
  // The page can replace Element (and its instanceof), so even this check may throw.
  const asElement = (value: unknown): Element | undefined => {
    try {
      return value instanceof Element ? value : undefined;
    } catch {
      return undefined;
    }
  };
  const add = (code: unknown, language: unknown, focused: unknown, el?: unknown) => {
    if (typeof code !== 'string') return;
    found.push({
      code,
      language: typeof language === 'string' ? language : undefined,
      focused: focused === true,
      el: asElement(el),
    });
  };
  const page: unknown = globalThis;

  const monaco = get(get(page, 'monaco'), 'editor');
  const editors = call(monaco, 'getEditors');
  for (const editor of Array.isArray(editors) ? editors : []) {
    const model = call(editor, 'getModel');
    if (!isObject(model)) continue;
    add(
      call(model, 'getValue'),
      call(model, 'getLanguageId'),
      call(editor, 'hasTextFocus'),
      call(editor, 'getContainerDomNode'),
    );
  }
  if (found.length === 0) {
    // Older Monaco builds lack getEditors(); the models alone still hold the text.
    const models = call(monaco, 'getModels');
    for (const model of Array.isArray(models) ? models : []) add(call(model, 'getValue'), call(model, 'getLanguageId'), false);
  }
  const ace = get(page, 'ace');
  for (const el of document.querySelectorAll('.ace_editor')) {
    // Ace keeps the editor on el.env; ace.edit(el) returns that same editor but would create one on an
    // element that has none, so it is only the second choice.
    const editor = get(get(el, 'env'), 'editor') ?? call(ace, 'edit', el);
    const mode = get(call(get(editor, 'session'), 'getMode'), '$id');
    add(
      call(editor, 'getValue'),
      typeof mode === 'string' ? mode.replace(/^ace\/mode\//, '') : undefined,
      call(editor, 'isFocused'),
      el,
    );
  }
  for (const el of document.querySelectorAll('.cm-content')) {
    // CodeMirror 6 hangs its view description on the content element; the EditorView sits at
    // rootView.view (6.x), with older and newer spellings tried too.
    const desc = get(el, 'cmView');
    if (!isObject(desc)) continue;
    const root = get(desc, 'rootView') ?? get(desc, 'root') ?? desc;
    const view = get(root, 'view') ?? get(desc, 'view');
    add(call(get(get(view, 'state'), 'doc'), 'toString'), el.getAttribute('data-language'), get(view, 'hasFocus'), el);
  }
  for (const el of document.querySelectorAll('.CodeMirror')) {
    const cm = get(el, 'CodeMirror');
    if (!isObject(cm)) continue;
    const mode = call(cm, 'getOption', 'mode');
    const name = typeof mode === 'string' ? mode : get(mode, 'name');
    add(
      call(cm, 'getValue'),
      typeof name === 'string' ? name.replace(/^text\/x-/, '') : undefined,
      call(cm, 'hasFocus'),
      el,
    );
  }

  let root: Element | null = null;
  if (scope) root = attempt(() => document.querySelector(scope)) ?? null;
  const scoped = root ? found.filter((c) => c.el !== undefined && root.contains(c.el)) : found;
  const candidates = scoped.length > 0 ? scoped : found;
  const best = candidates.find((c) => c.focused) ?? [...candidates].sort((a, b) => b.code.length - a.code.length)[0];
  if (!best) return null;
  return best.language ? { code: best.code, language: best.language } : { code: best.code };
}

/** The element `scope` names, or the whole document when it names nothing (or is not a selector). */
function scopeRoot(doc: Document, scope: string | undefined): Document | Element {
  if (!scope) return doc;
  try {
    return doc.querySelector(scope) ?? doc;
  } catch {
    return doc;
  }
}

const NBSP = /\u00a0/g;

function lineText(el: Element): string {
  return (el.textContent ?? '').replace(NBSP, ' ').replace(/\u200b/g, '');
}

/** Monaco and Ace position their line elements absolutely and recycle them out of order. */
function byTop(lines: Element[]): Element[] {
  const top = (el: Element) => {
    const own = (el as HTMLElement).style?.top;
    const parent = el.parentElement?.style?.top;
    return Number.parseFloat(own || parent || '') || 0;
  };
  return lines
    .map((el, i) => ({ el, i, t: top(el) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.el);
}

function renderedLines(doc: Document | Element): string[][] {
  const editors: string[][] = [];
  for (const ed of doc.querySelectorAll('.monaco-editor')) {
    editors.push(byTop([...ed.querySelectorAll('.view-lines .view-line')]).map(lineText));
  }
  for (const ed of doc.querySelectorAll('.ace_editor')) {
    editors.push(byTop([...ed.querySelectorAll('.ace_text-layer .ace_line')]).map(lineText));
  }
  for (const ed of doc.querySelectorAll('.cm-editor')) {
    editors.push([...ed.querySelectorAll('.cm-content .cm-line')].map(lineText));
  }
  for (const ed of doc.querySelectorAll('.CodeMirror')) {
    editors.push([...ed.querySelectorAll('.CodeMirror-code .CodeMirror-line')].map(lineText));
  }
  return editors;
}

/** Editors keep helper textareas for input; those hold no code. */
const HELPER_TEXTAREAS =
  '.ace_text-input, .inputarea, .monaco-editor textarea, .CodeMirror textarea, .cm-editor textarea';

/**
 * Isolated-world fallback: the lines the editor has rendered (the visible part of a long file), or a
 * plain textarea's value on pages without a code editor library.
 */
export function visibleEditorText(doc: Document, scope?: string): string {
  const scoped = renderedLines(scopeRoot(doc, scope));
  const editors = scoped.some((lines) => lines.length > 0) ? scoped : renderedLines(doc);
  const rendered = editors.map((lines) => lines.join('\n').replace(/\s+$/, '')).sort((a, b) => b.length - a.length)[0];
  if (rendered) return rendered.slice(0, EDITOR_CODE_CAP);
  let best = '';
  for (const area of doc.querySelectorAll('textarea')) {
    if (area.matches(HELPER_TEXTAREAS)) continue;
    const value = area.value ?? '';
    if (value.length > best.length) best = value;
  }
  return best.slice(0, EDITOR_CODE_CAP);
}
