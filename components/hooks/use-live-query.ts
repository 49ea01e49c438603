import { liveQuery } from 'dexie';
import { useEffect, useRef, useState } from 'preact/hooks';

export type LiveResult<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: Error };

/** Counts the renders at which `deps` changed (compared as React compares dependency lists). */
function useChangeCount(deps: readonly unknown[]): number {
  const seen = useRef({ deps, count: 0 });
  const before = seen.current.deps;
  if (deps.length !== before.length || deps.some((dep, i) => !Object.is(dep, before[i])))
    seen.current = { deps, count: seen.current.count + 1 };
  return seen.current.count;
}

/**
 * Subscribes to a Dexie liveQuery: the result updates whenever another view (popup, side panel, background)
 * writes to the tables it read. Re-subscribes when `deps` change; between changes, a re-run (after a write)
 * uses the latest `query`.
 */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[]): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>({ status: 'loading' });
  const latest = useRef(query);
  latest.current = query;
  const changes = useChangeCount(deps);
  useEffect(() => {
    const subscription = liveQuery(() => latest.current()).subscribe({
      next: (value) => setResult({ status: 'ready', value }),
      error: (error: unknown) =>
        setResult({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    });
    return () => subscription.unsubscribe();
  }, [changes]);
  return result;
}
