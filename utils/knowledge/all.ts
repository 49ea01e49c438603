/**
 * The whole knowledge base at once, with maps by id: for the views that need every item (the mock interview,
 * the search index) and for the tools and tests. Extension pages import it only lazily (loadKnowledge in
 * ./index.ts), so no first paint waits for it.
 */
import { knowledge } from '@/data/generated/knowledge';
import type { Concept, PracticeProblem, QuestionCard, QuizItem } from '@/utils/knowledge-types';

export { knowledge };
export { fundamentalsFirst } from './index';

export const questionById: ReadonlyMap<string, QuestionCard> = new Map(knowledge.questions.map((q) => [q.id, q]));
export const practiceById: ReadonlyMap<string, PracticeProblem> = new Map(knowledge.practice.map((p) => [p.id, p]));
export const quizById: ReadonlyMap<string, QuizItem> = new Map((knowledge.quizzes ?? []).map((z) => [z.id, z]));
export const conceptById: ReadonlyMap<string, Concept> = new Map(knowledge.concepts.map((c) => [c.id, c]));
