/**
 * Until the overlay is loaded, the loader only notices the first edit in the page's code editor (the
 * overlay then lints and keeps watching itself). Four passive capture listeners that do nothing for keys
 * typed anywhere else, all removed at the first edit, on stop, or when the extension goes away.
 */
import type { Lifetime } from './lifetime';

const EVENTS = ['keyup', 'input', 'paste', 'drop'] as const;
const EDITORS = '.monaco-editor, .ace_editor, .cm-editor, .CodeMirror, textarea';

export function onFirstEdit(life: Lifetime, onEdit: () => void): () => void {
  const controller = new AbortController();
  const stop = () => controller.abort();
  const handler = (event: Event) => {
    const target = event.target;
    if (!(target instanceof Element) || !target.closest(EDITORS)) return;
    stop();
    onEdit();
  };
  for (const type of EVENTS)
    document.addEventListener(type, handler, { capture: true, passive: true, signal: controller.signal });
  const unsubscribe = life.onEnd(stop);
  controller.signal.addEventListener('abort', unsubscribe, { once: true });
  return stop;
}
