import { useMemo } from 'preact/hooks';
import { knowledge } from '@/utils/knowledge';
import { createSearchIndex, searchDocuments, type SearchHit, type SearchIndex } from '@/utils/search';

let index: SearchIndex | undefined;

/** The index is built once per page, on first use (a few ms for the bundled data). */
export function searchIndex(): SearchIndex {
  index ??= createSearchIndex(searchDocuments(knowledge));
  return index;
}

export function useSearch(query: string, limit = 8): SearchHit[] {
  return useMemo(() => searchIndex().search(query, limit), [query, limit]);
}
