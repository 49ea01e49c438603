import { useEffect, useState } from 'preact/hooks';
import { listHiddenProblems, watchHiddenProblems } from '@/utils/hidden';

/** The problems whose badge the user hid, live; null while loading. */
export function useHiddenProblems(): string[] | null {
  const [keys, setKeys] = useState<string[] | null>(null);
  useEffect(() => {
    let alive = true;
    void listHiddenProblems().then((k) => alive && setKeys(k));
    const stop = watchHiddenProblems(setKeys);
    return () => {
      alive = false;
      stop();
    };
  }, []);
  return keys;
}
