import { useEffect, useState } from 'preact/hooks';
import { listDismissed, watchDismissed } from '@/utils/dismissed';

/** The problems whose badge the user hid, live; null while loading. */
export function useHiddenProblems(): string[] | null {
  const [keys, setKeys] = useState<string[] | null>(null);
  useEffect(() => {
    let alive = true;
    void listDismissed().then((k) => alive && setKeys(k));
    const stop = watchDismissed(setKeys);
    return () => {
      alive = false;
      stop();
    };
  }, []);
  return keys;
}
