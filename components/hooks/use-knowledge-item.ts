import { useChunk } from './use-chunk';
import { loadedItem, loadPractice, loadQuestion, loadQuiz } from '@/utils/knowledge';
import type { KnowledgeItem } from '@/utils/knowledge-types';

export type ItemResult<T> = { status: 'loading' } | { status: 'ready'; item: T | undefined };

type Kind = KnowledgeItem['kind'];

const LOADERS: { [K in Kind]: (id: string) => Promise<unknown> } = {
  question: loadQuestion,
  practice: loadPractice,
  quiz: loadQuiz,
};
/** One function per kind, kept for the page's life, so useChunk starts a load only when the id changes. */
const IS_LOADED: { [K in Kind]: (id: string) => boolean } = {
  question: (id) => loadedItem('question', id) !== undefined,
  practice: (id) => loadedItem('practice', id) !== undefined,
  quiz: (id) => loadedItem('quiz', id) !== undefined,
};

/**
 * One knowledge item, loaded when a view shows it (each item is a chunk of its own); at once when it was
 * loaded before. `ready` with no item: the id names nothing the knowledge base has (an old link).
 */
export function useKnowledgeItem<K extends Kind>(
  kind: K,
  id: string | undefined,
): ItemResult<Extract<KnowledgeItem, { kind: K }>> {
  const settled = useChunk(id, IS_LOADED[kind], LOADERS[kind]);
  if (id === undefined) return { status: 'ready', item: undefined };
  return settled ? { status: 'ready', item: loadedItem(kind, id) } : { status: 'loading' };
}
