import { useEffect, useState } from 'preact/hooks';

/**
 * Whether the chunk for `key` is in (`isLoaded`), starting its `load` when it is not; the component draws
 * again once the load has ended. True also when a load ended without filling the cache (an old link's id),
 * so the caller can tell "still loading" from "nothing there". Pass functions that keep their identity
 * (module-level ones): a new function starts the load again.
 */
export function useChunk<K extends string>(
  key: K | undefined,
  isLoaded: (key: K) => boolean,
  load: (key: K) => Promise<unknown>,
): boolean {
  // The key whose load has ended: a new key is not settled until its own load (or the check below) says so.
  const [settled, setSettled] = useState<K | undefined>(undefined);
  useEffect(() => {
    if (key === undefined) return;
    // A load started for an earlier visit to this key can end between the render that found nothing and this
    // effect: nobody would draw again then, so a chunk already in counts as settled here too.
    if (isLoaded(key)) {
      setSettled(key);
      return;
    }
    let alive = true;
    void load(key).then(() => alive && setSettled(key));
    return () => {
      alive = false;
    };
  }, [key, isLoaded, load]);
  return key !== undefined && (isLoaded(key) || settled === key);
}
