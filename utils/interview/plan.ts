/**
 * Choosing a mock interview's questions: due cards first, then ones never studied, spread across topics
 * (no main topic twice while another is left), optionally ending with one practice problem. Pure and seeded.
 */
import type { CardRecord } from '@/utils/db';
import type { PracticeProblem, QuestionCard } from '@/utils/knowledge-types';
import { seededRandom, shuffled } from './random';

export const DEFAULT_QUESTIONS = 5;
export const DEFAULT_MINUTES = 3;

/** Why a question was chosen: due for review, never studied (not in the deck or still new), or filling up. */
export type PickReason = 'due' | 'unseen' | 'extra';

export type InterviewStep =
  { kind: 'question'; id: string; topic: string; reason: PickReason } | { kind: 'practice'; id: string; topic: string };

export interface PlanOptions {
  questions: readonly QuestionCard[];
  practice?: readonly PracticeProblem[];
  /** The deck as stored; cards not in it count as unseen. */
  cards: readonly CardRecord[];
  now: number;
  count?: number;
  seed: number;
  /** Add one practice problem as the last step, on a topic the questions touched when there is one. */
  withPractice?: boolean;
}

const RANK: Readonly<Record<PickReason, number>> = { due: 0, unseen: 1, extra: 2 };

export function planInterview(options: PlanOptions): InterviewStep[] {
  const { questions, cards, now, count = DEFAULT_QUESTIONS, seed } = options;
  const random = seededRandom(seed);
  const deck = new Map(cards.map((c) => [c.id, c]));
  const reasonOf = (q: QuestionCard): PickReason | null => {
    const card = deck.get(q.id);
    if (!card || card.state === 0) return card?.suspended ? null : 'unseen';
    if (card.suspended) return null;
    return card.due <= now ? 'due' : 'extra';
  };
  const candidates = shuffled(
    questions.flatMap((q) => {
      const reason = reasonOf(q);
      return reason ? [{ q, reason }] : [];
    }),
    random,
  ).sort((a, b) => RANK[a.reason] - RANK[b.reason]);

  const chosen: { q: QuestionCard; reason: PickReason }[] = [];
  const topics = new Set<string>();
  // First pass: one per main topic, in priority order; then fill up with the rest in the same order.
  for (const c of candidates) {
    if (chosen.length >= count) break;
    if (!topics.has(c.q.concepts[0]!)) {
      chosen.push(c);
      topics.add(c.q.concepts[0]!);
    }
  }
  for (const c of candidates) {
    if (chosen.length >= count) break;
    if (!chosen.includes(c)) chosen.push(c);
  }
  const steps: InterviewStep[] = chosen.map(({ q, reason }) => ({
    kind: 'question',
    id: q.id,
    topic: q.concepts[0]!,
    reason,
  }));

  const practice = options.withPractice ? (options.practice ?? []) : [];
  if (practice.length > 0) {
    const touched = new Set(chosen.flatMap(({ q }) => q.concepts));
    const related = practice.filter((p) => p.concepts.some((c) => touched.has(c)));
    const pool = related.length > 0 ? related : practice;
    const problem = pool[Math.floor(random() * pool.length)]!;
    steps.push({ kind: 'practice', id: problem.id, topic: problem.concepts[0]! });
  }
  return steps;
}
