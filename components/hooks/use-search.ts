import { useEffect, useMemo, useState } from 'preact/hooks';
import type { SearchHit, SearchIndex } from '@/utils/search';

let loading: Promise<SearchIndex> | undefined;

/**
 * The knowledge base (and the search library) are most of the extension's weight, so pages that do not
 * need them to draw (the popup) load them after their first paint; the index is built once per page.
 */
export function loadSearchIndex(): Promise<SearchIndex> {
  loading ??= import('./search-index').then(({ buildSearchIndex }) => buildSearchIndex());
  return loading;
}

/** The search index, or null for the few milliseconds until it has loaded. */
export function useSearchIndex(): SearchIndex | null {
  const [index, setIndex] = useState<SearchIndex | null>(null);
  useEffect(() => {
    let alive = true;
    void loadSearchIndex().then((loaded) => alive && setIndex(loaded));
    return () => {
      alive = false;
    };
  }, []);
  return index;
}

export function useSearch(query: string, limit = 8): { hits: SearchHit[]; ready: boolean } {
  const index = useSearchIndex();
  const hits = useMemo(() => (index ? index.search(query, limit) : []), [index, query, limit]);
  return { hits, ready: index !== null };
}
