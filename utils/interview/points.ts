/**
 * Key points to tick after answering: derived from the card rather than written twice. A question's points
 * are the sentences of its short answer, then its pitfalls; a practice problem's are its three hints.
 */
import type { PracticeProblem, QuestionCard } from '@/utils/knowledge-types';

/** More than this and ticking becomes a chore; the short answer's sentences come first. */
export const MAX_POINTS = 6;

/**
 * Sentences of a short answer. A full stop ends a sentence only before white space and a capital, a
 * backtick or a digit, so `asyncio.gather` and "e.g. a lock" stay whole.
 */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z`0-9])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function questionPoints(card: Pick<QuestionCard, 'short' | 'pitfalls'>): string[] {
  const points = [...sentences(card.short), ...card.pitfalls.map((p) => `Pitfall to name: ${p}`)];
  return points.slice(0, MAX_POINTS);
}

export function practicePoints(problem: Pick<PracticeProblem, 'hints'>): string[] {
  return [...problem.hints];
}
