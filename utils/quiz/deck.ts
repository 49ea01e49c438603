/** Quizzes in lists and the deck: the order they come in, and which one follows another. */
import type { QuizItem } from '@/utils/knowledge-types';

const DIFFICULTY_RANK = { easy: 0, medium: 1, hard: 2 } as const;

/** Quiz ids fundamentals first (level, then difficulty, then file order): the order they join the deck in. */
export function quizOrder(quizzes: readonly Pick<QuizItem, 'id' | 'level' | 'difficulty'>[]): string[] {
  return quizzes
    .map((quiz, index) => ({ quiz, index }))
    .sort(
      (a, b) =>
        a.quiz.level - b.quiz.level ||
        DIFFICULTY_RANK[a.quiz.difficulty] - DIFFICULTY_RANK[b.quiz.difficulty] ||
        a.index - b.index,
    )
    .map(({ quiz }) => quiz.id);
}

/** The quiz after `id` in that order, wrapping round; undefined when there is no other quiz. */
export function nextQuizId(order: readonly string[], id: string): string | undefined {
  if (order.length < 2) return undefined;
  const at = order.indexOf(id);
  return order[(at + 1) % order.length];
}
