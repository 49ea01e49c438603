/**
 * The knowledge base as the extension pages read it: the catalogue (every item's id, title, concepts and
 * level, a few KB) at once, and each item's full text only when a view shows it, one chunk per item. The
 * data is compiled, validated and typed at build time (scripts/lib/knowledge-shards.ts), so nothing here
 * casts or checks it again.
 */
import { catalogue } from '@/data/generated/catalogue';
import { practiceLoaders, questionLoaders, quizLoaders } from '@/data/generated/item-loaders';
import { fundamentalsOrder } from '@/utils/detect/compact';
import type {
  Catalogue,
  Knowledge,
  KnowledgeItem,
  PracticeProblem,
  QuestionCard,
  QuizItem,
} from '@/utils/knowledge-types';

export { catalogue };

export const conceptById: ReadonlyMap<string, Catalogue['concepts'][number]> = new Map(
  catalogue.concepts.map((c) => [c.id, c]),
);
export const questionEntryById: ReadonlyMap<string, Catalogue['questions'][number]> = new Map(
  catalogue.questions.map((q) => [q.id, q]),
);
export const practiceEntryById: ReadonlyMap<string, Catalogue['practice'][number]> = new Map(
  catalogue.practice.map((p) => [p.id, p]),
);
export const quizEntryById: ReadonlyMap<string, Catalogue['quizzes'][number]> = new Map(
  catalogue.quizzes.map((z) => [z.id, z]),
);

/** Question ids fundamentals first: the order new flashcards come in. */
export const fundamentalsFirst: readonly string[] = fundamentalsOrder(catalogue.questions);

type Loaders<T> = Record<string, () => Promise<{ default: T }>>;

/** Items loaded so far, so a view that shows one again (or a test) has it at once. */
const loaded = new Map<string, KnowledgeItem>();
const cacheKey = (kind: KnowledgeItem['kind'], id: string) => `${kind}:${id}`;

/** Calls the loader `id` names in `loaders`, if any; an id the catalogue does not know loads nothing. */
async function loadFrom<T extends KnowledgeItem>(
  kind: T['kind'],
  loaders: Loaders<T>,
  id: string,
): Promise<T | undefined> {
  const load = Object.hasOwn(loaders, id) ? loaders[id] : undefined;
  if (!load) return undefined;
  const item = (await load()).default;
  loaded.set(cacheKey(kind, id), item);
  return item;
}

export const loadQuestion = (id: string): Promise<QuestionCard | undefined> =>
  loadFrom<QuestionCard>('question', questionLoaders, id);
export const loadPractice = (id: string): Promise<PracticeProblem | undefined> =>
  loadFrom<PracticeProblem>('practice', practiceLoaders, id);
export const loadQuiz = (id: string): Promise<QuizItem | undefined> => loadFrom<QuizItem>('quiz', quizLoaders, id);

/** A question or quiz card by id: flashcards of either kind share one id space. */
export function loadCard(id: string): Promise<QuestionCard | QuizItem | undefined> {
  return quizEntryById.has(id) ? loadQuiz(id) : loadQuestion(id);
}

/** The item if it has been loaded already, else undefined (then load it). */
export function loadedItem<K extends KnowledgeItem['kind']>(
  kind: K,
  id: string,
): Extract<KnowledgeItem, { kind: K }> | undefined {
  const item = loaded.get(cacheKey(kind, id));
  return item && isKind(item, kind) ? item : undefined;
}

function isKind<K extends KnowledgeItem['kind']>(item: KnowledgeItem, kind: K): item is Extract<KnowledgeItem, { kind: K }> {
  return item.kind === kind;
}

/** Every item, for the views that use them all (the mock interview, search); a chunk of its own. */
export const loadKnowledge = (): Promise<Knowledge> => import('./all').then((all) => all.knowledge);
