/** DOM reading shared by the site adapters. Everything here yields plain text, never markup. */
import { isList, isRecord } from '@/utils/is-record';
import { EDITOR_CODE_CAP } from '@/utils/editor-bridge';

export const TEXT_CAP = 20_000;
export const CODE_CAP = EDITOR_CODE_CAP;
const TITLE_CAP = 300;
const TAG_CAP = 60;
const MAX_TAGS = 30;
/** __NEXT_DATA__ and friends are usually < 1 MB; a bigger blob is not worth parsing on every read. */
const JSON_CAP = 4_000_000;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
/** Elements whose content is not statement text (and may be hostile markup's payload). */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'SVG',
  'IFRAME',
  'OBJECT',
  'BUTTON',
]);
/** Code editors render their lines as ordinary elements; their text is code, read separately. */
const EDITOR_CLASSES = ['monaco-editor', 'ace_editor', 'CodeMirror', 'cm-editor'];
const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'BR',
  'PRE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TR',
  'TD',
  'TH',
  'TABLE',
  'SECTION',
  'ARTICLE',
  'BLOCKQUOTE',
  'DD',
  'DT',
  'HR',
  'HEADER',
  'FOOTER',
  'MAIN',
]);

function isEditor(el: Element): boolean {
  const classes = el.classList;
  return classes !== undefined && classes.length > 0 && EDITOR_CLASSES.some((c) => classes.contains(c));
}

/** Collapses white space and cuts at `cap` without splitting a surrogate pair. */
export function clean(text: string, cap: number): string {
  let out = text.replace(/\s+/g, ' ').trim();
  if (out.length > cap) {
    out = out.slice(0, cap);
    if (/[\ud800-\udbff]$/.test(out)) out = out.slice(0, -1);
  }
  return out;
}

/**
 * The text a reader sees inside `root`: script, style and editor content skipped, blocks separated
 * by spaces (textContent would glue `<p>a</p><p>b</p>` into "ab"). Walks text nodes only, so no
 * element is cloned or touched and nothing the page wrote can run.
 */
export function readableText(root: Node | null | undefined, cap = TEXT_CAP): string {
  if (!root) return '';
  const parts: string[] = [];
  let length = 0;
  const stack: Node[] = [root];
  while (stack.length > 0 && length < cap * 1.5) {
    const node = stack.pop() as Node;
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? '';
      parts.push(value);
      length += value.length;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node !== root) continue;
    const tag = (node as Element).tagName?.toUpperCase() ?? '';
    if (node !== root && (SKIPPED_TAGS.has(tag) || isEditor(node as Element))) continue;
    if (BLOCK_TAGS.has(tag)) parts.push(' ');
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
  }
  return clean(parts.join(''), cap);
}

/**
 * Plain text of an HTML string from embedded JSON (LeetCode and GfG ship statements as HTML).
 * DOMParser documents are inert: their scripts never run and their images never load.
 */
export function htmlToText(html: string, doc: Document, cap = TEXT_CAP): string {
  const Parser = doc.defaultView?.DOMParser ?? globalThis.DOMParser;
  if (Parser) {
    try {
      const parsed = new Parser().parseFromString(html, 'text/html');
      return readableText(parsed.body, cap);
    } catch {
      // fall through to the tag stripper
    }
  }
  return clean(
    html
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&'),
    cap,
  );
}

/** First element matching any selector, in order of preference. Invalid selectors are skipped. */
export function first(doc: Document | Element, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    try {
      const el = doc.querySelector(selector);
      if (el) return el;
    } catch {
      // a selector this engine does not support
    }
  }
  return null;
}

/** Short one-line text of an element (titles, difficulty labels). */
export function shortText(el: Element | null | undefined, cap = TITLE_CAP): string {
  return el ? readableText(el, cap) : '';
}

/** Distinct tag names from the elements matching `selector`. */
export function tagTexts(root: Document | Element, selector: string): string[] {
  let els: Element[] = [];
  try {
    els = [...root.querySelectorAll(selector)];
  } catch {
    return [];
  }
  return uniqueTags(els.map((el) => readableText(el, TAG_CAP)));
}

export function uniqueTags(tags: readonly unknown[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    if (typeof raw !== 'string') continue;
    const tag = clean(raw, TAG_CAP);
    const key = tag.toLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
    if (out.length >= MAX_TAGS) break;
  }
  return out;
}

/** Parsed JSON of a `<script type="application/json">`-style element, or undefined. */
export function jsonFromScript(doc: Document, selector: string): unknown {
  const el = first(doc, [selector]);
  return parseJson(el?.textContent ?? '');
}

export function parseJson(text: string): unknown {
  if (!text || text.length > JSON_CAP) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Breadth-first search through parsed JSON for the first object `accept` takes; bounded. */
export function findObject(
  root: unknown,
  accept: (obj: Record<string, unknown>) => boolean,
  maxVisits = 50_000,
): Record<string, unknown> | undefined {
  const queue: unknown[] = [root];
  let visits = 0;
  for (let i = 0; i < queue.length && visits < maxVisits; i++, visits++) {
    const value = queue[i];
    if (isList(value)) {
      queue.push(...value);
    } else if (isRecord(value)) {
      if (accept(value)) return value;
      queue.push(...Object.values(value));
    }
  }
  return undefined;
}

export function stringField(obj: Record<string, unknown> | undefined, ...keys: string[]): string {
  for (const key of keys) {
    const value = obj?.[key];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return '';
}

/** Easy/Medium/Hard-style labels, lower-cased; undefined when the text is not one. */
export function difficultyFrom(text: string): string | undefined {
  const match = /\b(easy|medium|hard|basic|school|expert|advanced)\b|(\d\s*(?:kyu|dan))/i.exec(text);
  const label = match?.[1] ?? match?.[2];
  return label ? label.toLowerCase().replace(/\s+/, ' ') : undefined;
}

/** Document title without the site's suffix, e.g. "Two Sum - LeetCode" → "Two Sum". */
export function documentTitle(doc: Document, suffix: RegExp): string {
  return clean((doc.title ?? '').replace(suffix, ''), TITLE_CAP);
}

/** The heading that shows `title`, for placing the badge beside it. */
export function headingWithText(doc: Document, title: string): Element | null {
  if (!title) return null;
  const wanted = title.toLowerCase();
  for (const el of doc.querySelectorAll('h1, h2, h3, h4')) {
    const text = shortText(el).toLowerCase();
    if (text === wanted || text.replace(/^\d+\.\s*/, '') === wanted) return el;
  }
  return null;
}

/**
 * The theme the page itself declares, from the conventions these sites use (`dark`/`light` classes,
 * data-theme attributes, color-scheme). Null when the page says nothing.
 */
export function declaredTheme(doc: Document): boolean | null {
  for (const el of [doc.documentElement, doc.body]) {
    if (!el) continue;
    const classes = [...el.classList].map((c) => c.toLowerCase());
    if (classes.some((c) => /(^|[-_])dark($|[-_]|mode|theme)|^darkmode$/.test(c))) return true;
    if (classes.some((c) => /(^|[-_])light($|[-_]|mode|theme)/.test(c))) return false;
    for (const attr of ['data-theme', 'data-color-mode', 'data-bs-theme', 'data-mode']) {
      const value = el.getAttribute(attr)?.toLowerCase() ?? '';
      if (value.includes('dark')) return true;
      if (value.includes('light')) return false;
    }
    const scheme = el.style?.colorScheme?.toLowerCase() ?? '';
    if (scheme === 'dark') return true;
    if (scheme === 'light') return false;
  }
  return null;
}
