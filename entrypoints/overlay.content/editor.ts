/** The overlay's side of reading the editor: the full model through the background, rendered lines second. */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { visibleEditorText, type EditorRead } from '@/utils/editor-bridge';
import { send } from '@/utils/send';

const TYPING_DEBOUNCE_MS = 900;
const EVENTS = ['keyup', 'input', 'paste', 'drop'] as const;

/**
 * The editor's code: its own model, read in the page's world by the background (`editor`), or the lines
 * the page rendered when no known editor answered (`page`). `scope` narrows the search to the solution
 * editor where a page has several (Codewars' train view).
 */
export async function readEditorCode(scope?: string): Promise<EditorRead | null> {
  const model = await send('editor/read', scope ? { scope } : {}).catch(() => null);
  if (model?.code) return model;
  const visible = visibleEditorText(document, scope);
  return visible ? { code: visible, source: 'page' } : model;
}

/**
 * Calls back with the editor's code at once and after the user pauses typing, only when it changed.
 * Listening for key and input events (capture phase) costs nothing while the user is not typing, unlike
 * polling. The returned stop removes every listener.
 */
export function watchEditorCode(
  ctx: ContentScriptContext,
  scope: string | undefined,
  onCode: (read: EditorRead) => void,
): () => void {
  let last: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const check = async () => {
    const read = await readEditorCode(scope);
    if (stopped || ctx.isInvalid || !read || read.code === last) return;
    last = read.code;
    onCode(read);
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void check(), TYPING_DEBOUNCE_MS);
  };
  const options = { capture: true, passive: true };
  for (const type of EVENTS) document.addEventListener(type, schedule, options);
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    for (const type of EVENTS) document.removeEventListener(type, schedule, options);
  };
  const unsubscribe = ctx.onInvalidated(stop);
  void check();
  return () => {
    unsubscribe();
    stop();
  };
}

const GUTTER_SELECTORS = ['.line-numbers', '.ace_gutter-cell', '.cm-gutterElement', '.CodeMirror-linenumber'];

/**
 * Scrolls the editor to a finding's line when the editor has rendered that line's number in its gutter.
 * Editors render only what is in view, so a far-away line may not exist in the DOM; then nothing moves.
 */
export function revealEditorLine(line: number): boolean {
  for (const selector of GUTTER_SELECTORS) {
    for (const cell of document.querySelectorAll(selector)) {
      if (cell.textContent?.trim() === String(line)) {
        cell.scrollIntoView({ block: 'center', behavior: 'smooth' });
        return true;
      }
    }
  }
  return false;
}
