/**
 * Answering a predict-the-output quiz: which key picks which choice, and what rating a pick suggests for
 * the flashcard scheduler. Pure, so the review mode's rules are tested without rendering.
 */
import type { QuizChoice } from '@/utils/knowledge-types';
import { Rating, type Grade } from '@/utils/srs/scheduler';
import { seededRandom, shuffled } from '@/utils/interview/random';

/** A right answer within this time counts as Good; slower is Hard (the user was working it out). */
export const QUICK_ANSWER_MS = 20_000;

/** A wrong pick is Again; a right one is Good when quick, Hard when slow. */
export function suggestedRating(correct: boolean, elapsedMs: number): Grade {
  if (!correct) return Rating.Again;
  return elapsedMs < QUICK_ANSWER_MS ? Rating.Good : Rating.Hard;
}

/** Letters shown next to the choices. */
export const CHOICE_LETTERS = ['A', 'B', 'C', 'D'] as const;

/**
 * The choice a key picks: A–D (either case), and 1–4 too unless `lettersOnly` (Review, where the digits rate
 * as in Anki); null when the key picks nothing.
 */
export function choiceForKey(key: string, count: number, lettersOnly = false): number | null {
  let index = -1;
  if (!lettersOnly && /^[1-4]$/.test(key)) index = Number(key) - 1;
  else if (/^[a-dA-D]$/.test(key)) index = key.toUpperCase().charCodeAt(0) - 65;
  return index >= 0 && index < count ? index : null;
}

/** The state of one quiz on screen. */
export interface QuizState {
  /** Index of the picked choice; null until the user answers. */
  picked: number | null;
  /** Time from showing the quiz to the pick. */
  elapsedMs: number;
  /** The rating the pick suggests (Space or Enter records it in Review). */
  suggested: Grade | null;
}

export const initialQuizState: QuizState = { picked: null, elapsedMs: 0, suggested: null };

export function pick(state: QuizState, choices: readonly QuizChoice[], index: number, elapsedMs: number): QuizState {
  if (state.picked !== null || !choices[index]) return state;
  return { picked: index, elapsedMs, suggested: suggestedRating(choices[index].correct, elapsedMs) };
}

/**
 * In practice: pick, then Next. In Review, two steps with keys of their own, so the Anki habit of rating
 * with the digits cannot pick by mistake: pick with a letter, then record a rating with 1–4 (or the suggested
 * one with Space or Enter).
 */
export type QuizKeyAction =
  { kind: 'pick'; index: number } | { kind: 'record'; grade: Grade } | { kind: 'next' } | null;

/** What a key does in a quiz. Modifier keys and auto-repeat are left to the browser. */
export function quizKeyAction(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'repeat'>,
  state: QuizState,
  choiceCount: number,
  rates: boolean,
): QuizKeyAction {
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return null;
  if (state.picked === null) {
    const index = choiceForKey(event.key, choiceCount, rates);
    return index === null ? null : { kind: 'pick', index };
  }
  if (!rates) return event.key === 'Enter' ? { kind: 'next' } : null;
  if (/^[1-4]$/.test(event.key)) return { kind: 'record', grade: Number(event.key) as Grade };
  if ((event.key === ' ' || event.key === 'Enter') && state.suggested !== null)
    return { kind: 'record', grade: state.suggested };
  return null;
}

/**
 * The order choices are shown in: a shuffle seeded by the quiz id, so it is stable for a quiz (the letters
 * mean the same thing every time) but the correct one is not always where the author wrote it.
 */
export function choiceOrder(id: string, count: number): number[] {
  let hash = 2166136261;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 16777619);
  return shuffled(
    Array.from({ length: count }, (_, i) => i),
    seededRandom(hash >>> 0),
  );
}
