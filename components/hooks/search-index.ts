/**
 * Builds the search index from every item: loaded only when a page first searches (the popup after its
 * first paint), with the search library and the items, so neither weighs on a page's first paint.
 */
import { knowledge } from '@/utils/knowledge/all';
import { searchIndexFor, type SearchIndex } from '@/utils/search';

export const buildSearchIndex = (): SearchIndex => searchIndexFor(knowledge);
