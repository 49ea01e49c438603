/**
 * Keys pressed while a view's chunk is still loading are held and handed to the view once it has mounted:
 * Space straight after choosing Review must reveal the card, never be lost. Held are plain keys (a character,
 * Space or Enter) aimed at nothing that acts on them itself; the rest go on as usual.
 */
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { targetTakesKeys } from '@/utils/srs/review-keys';

export function useEarlyKeys(viewReady: boolean): void {
  const held = useRef<KeyboardEventInit[]>([]);
  const holding = useRef<((event: KeyboardEvent) => void) | null>(null);

  // Holding starts as the route changes (a layout effect, before any later key can arrive)…
  useLayoutEffect(() => {
    if (viewReady || holding.current) return;
    const hold = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key.length !== 1 && event.key !== 'Enter') return;
      if (targetTakesKeys(event.target)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      held.current.push({ key: event.key, code: event.code, shiftKey: event.shiftKey });
    };
    holding.current = hold;
    document.addEventListener('keydown', hold, true);
  }, [viewReady]);

  // …and ends once the view's own effects (its key listeners) have run, when what was held is handed on.
  useEffect(() => {
    if (!viewReady || !holding.current) return;
    document.removeEventListener('keydown', holding.current, true);
    holding.current = null;
    for (const init of held.current.splice(0)) {
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new KeyboardEvent('keydown', { ...init, bubbles: true, cancelable: true }));
    }
  }, [viewReady]);

  useEffect(
    () => () => {
      if (holding.current) document.removeEventListener('keydown', holding.current, true);
    },
    [],
  );
}
