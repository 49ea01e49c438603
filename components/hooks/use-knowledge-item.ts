import { useEffect, useState } from 'preact/hooks';
import { loadedItem, loadPractice, loadQuestion, loadQuiz } from '@/utils/knowledge';
import type { KnowledgeItem } from '@/utils/knowledge-types';

export type ItemResult<T> = { status: 'loading' } | { status: 'ready'; item: T | undefined };

const LOADERS = { question: loadQuestion, practice: loadPractice, quiz: loadQuiz };

/**
 * One knowledge item, loaded when a view shows it (each item is a chunk of its own); at once when it was
 * loaded before. `ready` with no item: the id names nothing the knowledge base has (an old link).
 */
export function useKnowledgeItem<K extends KnowledgeItem['kind']>(
  kind: K,
  id: string | undefined,
): ItemResult<Extract<KnowledgeItem, { kind: K }>> {
  // The id whose load has finished (with or without an item): a new id is "loading" until its own load ends.
  const [settled, setSettled] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (id === undefined || loadedItem(kind, id)) return;
    let alive = true;
    void LOADERS[kind](id).then(() => alive && setSettled(id));
    return () => {
      alive = false;
    };
  }, [kind, id]);
  if (id === undefined) return { status: 'ready', item: undefined };
  const item = loadedItem(kind, id);
  if (item || settled === id) return { status: 'ready', item };
  return { status: 'loading' };
}
