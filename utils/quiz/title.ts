import type { QuizItem } from '@/utils/knowledge-types';

/** A quiz's name in lists: its first keyword says what it is about (every prompt reads "What does this print?"). */
export function quizTitle(quiz: Pick<QuizItem, 'keywords'>): string {
  const topic = quiz.keywords[0] ?? '';
  return `Predict the output: ${topic}`;
}
