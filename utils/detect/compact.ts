/**
 * What detection and the page view need from the knowledge base, and nothing else: concept names, card ids
 * with their question and short answer, and the practice problems' matches, hints and test count. The
 * background loads only this (a few KB) instead of the whole knowledge base with its answers and snippets.
 * It is written at build time by scripts/lib/generate-data.ts.
 */
import type { Concept, PracticeProblem, QuestionCard } from '@/utils/knowledge-types';

/** What detect() itself reads (the whole knowledge base has it too, so the CLI and tests can pass either). */
export interface DetectSource {
  concepts: Pick<Concept, 'id' | 'name'>[];
  questions: Pick<QuestionCard, 'id' | 'question' | 'short' | 'concepts' | 'level' | 'difficulty'>[];
  practice: Pick<PracticeProblem, 'id' | 'title' | 'concepts' | 'matches' | 'cards' | 'hints'>[];
}

export interface DetectIndex extends DetectSource {
  practice: (DetectSource['practice'][number] & {
    /** How many tests the workbench runs (its `test_*` functions). */
    tests: number;
  })[];
}

const DIFFICULTY_RANK = { easy: 0, medium: 1, hard: 2 } as const;

/**
 * Question ids fundamentals first (level, then difficulty, then file order): the order new flashcards come
 * in. The one definition of that order; the background and the extension pages both call it.
 */
export function fundamentalsOrder(
  questions: readonly Pick<QuestionCard, 'id' | 'level' | 'difficulty'>[],
): string[] {
  return questions
    .map((q, i) => ({ q, i }))
    .sort(
      (a, b) => a.q.level - b.q.level || DIFFICULTY_RANK[a.q.difficulty] - DIFFICULTY_RANK[b.q.difficulty] || a.i - b.i,
    )
    .map(({ q }) => q.id);
}
