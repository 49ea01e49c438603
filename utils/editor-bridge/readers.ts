/**
 * Reading editors: the main-world reader that asks Monaco, Ace and CodeMirror for their whole text, and
 * the isolated-world fallback that reads the lines they have rendered.
 */
import { isRecord } from '@/utils/is-record';

/** Longest editor text kept; a solution is far shorter, a pasted dataset is not worth reading. */
export const EDITOR_CODE_CAP = 100_000;
const LANGUAGE_CAP = 40;

export interface EditorModel {
  code: string;
  language?: string;
}

/** A language id as a short lower-case word, or undefined for anything else the page hands over. */
export function cleanLanguage(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const lang = value.trim().toLowerCase().slice(0, LANGUAGE_CAP);
  return /^[a-z0-9#+._ -]+$/.test(lang) ? lang : undefined;
}

// Just the parts of each editor's API that are read here; the page owns these objects, so every call
// is guarded and every result type-checked.
interface MonacoModel {
  getValue(): unknown;
  getLanguageId?(): unknown;
}
interface MonacoEditor {
  getModel(): MonacoModel | null;
  hasTextFocus?(): boolean;
  getContainerDomNode?(): Element;
}
interface MonacoNamespace {
  editor?: { getEditors?(): MonacoEditor[]; getModels?(): MonacoModel[] };
}
interface AceEditor {
  getValue(): unknown;
  isFocused?(): boolean;
  session?: { getMode?(): { $id?: unknown } };
}
interface AceNamespace {
  edit(el: Element): AceEditor;
}
interface CodeMirror5 {
  getValue(): unknown;
  hasFocus?(): boolean;
  getOption?(name: string): unknown;
}
interface CodeMirror6View {
  state?: { doc?: { toString(): string } };
  hasFocus?: boolean;
}
/** The page's window, where an editor may have left its global API (or anything else under that name). */
interface PageWindow extends Window {
  monaco?: MonacoNamespace;
  ace?: AceNamespace;
}

interface Candidate extends EditorModel {
  focused: boolean;
  /** The editor's element, for scoping; unknown for bare Monaco models. */
  el?: Element;
}

function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

const isElement = (value: unknown): value is Element => isRecord(value) && value.nodeType === 1;

function candidate(code: unknown, language: unknown, focused: unknown, el?: unknown): Candidate | null {
  if (typeof code !== 'string') return null;
  const model: Candidate = { code, focused: focused === true };
  if (isElement(el)) model.el = el;
  const lang = cleanLanguage(language);
  if (lang) model.language = lang;
  return model;
}

function monacoCandidates(monaco: MonacoNamespace | undefined): Candidate[] {
  const api = monaco?.editor;
  if (!api) return [];
  const editors = attempt(() => api.getEditors?.()) ?? [];
  const found: Candidate[] = [];
  for (const editor of Array.isArray(editors) ? editors : []) {
    const model = attempt(() => editor.getModel());
    if (!model) continue;
    const c = candidate(
      attempt(() => model.getValue()),
      attempt(() => model.getLanguageId?.()),
      attempt(() => editor.hasTextFocus?.()),
      attempt(() => editor.getContainerDomNode?.()),
    );
    if (c) found.push(c);
  }
  if (found.length > 0) return found;
  // Older Monaco builds lack getEditors(); the models alone still hold the text.
  const models = attempt(() => api.getModels?.()) ?? [];
  for (const model of Array.isArray(models) ? models : []) {
    const c = candidate(
      attempt(() => model.getValue()),
      attempt(() => model.getLanguageId?.()),
      false,
    );
    if (c) found.push(c);
  }
  return found;
}

function aceCandidates(doc: Document, ace: AceNamespace | undefined): Candidate[] {
  const found: Candidate[] = [];
  for (const el of doc.querySelectorAll('.ace_editor')) {
    // Ace keeps the editor on el.env; ace.edit(el) returns that same editor but would create one
    // on an element that has none, so it is only the second choice.
    const existing = (el as Element & { env?: { editor?: AceEditor } }).env?.editor;
    const editor = existing ?? (ace ? attempt(() => ace.edit(el)) : undefined);
    if (!editor) continue;
    const mode = attempt(() => editor.session?.getMode?.()?.$id);
    const c = candidate(
      attempt(() => editor.getValue()),
      typeof mode === 'string' ? mode.replace(/^ace\/mode\//, '') : undefined,
      attempt(() => editor.isFocused?.()),
      el,
    );
    if (c) found.push(c);
  }
  return found;
}

function codeMirror5Candidates(doc: Document): Candidate[] {
  const found: Candidate[] = [];
  for (const el of doc.querySelectorAll('.CodeMirror')) {
    const cm = (el as Element & { CodeMirror?: CodeMirror5 }).CodeMirror;
    if (!cm) continue;
    const mode = attempt(() => cm.getOption?.('mode'));
    const modeName = typeof mode === 'string' ? mode : isRecord(mode) ? mode.name : undefined;
    const c = candidate(
      attempt(() => cm.getValue()),
      typeof modeName === 'string' ? modeName.replace(/^text\/x-/, '') : undefined,
      attempt(() => cm.hasFocus?.()),
      el,
    );
    if (c) found.push(c);
  }
  return found;
}

function codeMirror6Candidates(doc: Document): Candidate[] {
  const found: Candidate[] = [];
  for (const el of doc.querySelectorAll('.cm-content')) {
    // CodeMirror 6 hangs its view description on the content element; the EditorView sits at
    // rootView.view (6.x) with older and newer spellings tried too.
    const desc = (el as Element & { cmView?: Record<string, unknown> }).cmView;
    if (!desc) continue;
    const view = attempt(() => {
      const root = (desc.rootView ?? desc.root ?? desc) as { view?: CodeMirror6View };
      return root.view ?? (desc.view as CodeMirror6View | undefined);
    });
    const c = candidate(
      attempt(() => view?.state?.doc?.toString()),
      el.getAttribute('data-language'),
      attempt(() => view?.hasFocus),
      el,
    );
    if (c) found.push(c);
  }
  return found;
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

/**
 * Prefers editors inside `root`, then the focused one, else the one holding the most text (the
 * solution rather than a test input).
 */
function pick(all: Candidate[], root: Document | Element): EditorModel | null {
  const scoped = root.nodeType === 9 ? all : all.filter((c) => c.el && root.contains(c.el));
  const candidates = scoped.length > 0 ? scoped : all;
  const best = candidates.find((c) => c.focused) ?? [...candidates].sort((a, b) => b.code.length - a.code.length)[0];
  if (!best) return null;
  const model: EditorModel = { code: best.code.slice(0, EDITOR_CODE_CAP) };
  if (best.language) model.language = best.language;
  return model;
}

/** Main world only: the full text of the page's code editor, or null when there is none. */
export function readEditorModel(win: PageWindow, scope?: string): EditorModel | null {
  const doc = win.document;
  return pick(
    [
      ...monacoCandidates(attempt(() => win.monaco)),
      ...aceCandidates(
        doc,
        attempt(() => win.ace),
      ),
      ...codeMirror6Candidates(doc),
      ...codeMirror5Candidates(doc),
    ],
    scopeRoot(doc, scope),
  );
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
