/**
 * Predict-the-output quizzes: their format is strict and the review mode rates picks as promised. That each
 * correct choice is what Python prints is checked in tests/python/quiz-outputs.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { knowledge } from '@/utils/knowledge/all';
import { normaliseOutput } from '../../scripts/lib/python';
import { compileKnowledge } from '../../scripts/lib/compile-knowledge';
import {
  choiceForKey,
  choiceOrder,
  initialQuizState,
  pick,
  quizKeyAction,
  QUICK_ANSWER_MS,
  suggestedRating,
} from '@/utils/quiz/answer';
import { nextQuizId, quizOrder } from '@/utils/quiz/deck';
import { Rating } from '@/utils/srs/scheduler';

const quizzes = knowledge.quizzes ?? [];

describe('the bundled quizzes', () => {
  // That data/ compiles without an error, and that the bundle is that compile: knowledge.test.ts.
  it('number at least 40 and cover every topic the issue lists', () => {
    expect(quizzes.length).toBeGreaterThanOrEqual(40);
    const concepts = new Set(quizzes.flatMap((q) => q.concepts));
    for (const topic of [
      'task',
      'gather',
      'task-group',
      'cancellation',
      'timeout',
      'shield',
      'lock',
      'event',
      'queue',
      'blocking-call',
      'exception-group',
      'async-iterator',
      'contextvars',
    ])
      expect(concepts, topic).toContain(topic);
  });

  it('each have 3–4 choices, exactly one correct, every one explained, no two alike', () => {
    for (const quiz of quizzes) {
      expect(quiz.choices.length, quiz.id).toBeGreaterThanOrEqual(3);
      expect(quiz.choices.length, quiz.id).toBeLessThanOrEqual(4);
      expect(
        quiz.choices.filter((c) => c.correct),
        quiz.id,
      ).toHaveLength(1);
      for (const c of quiz.choices) expect(c.explanation.trim().length, quiz.id).toBeGreaterThan(20);
      expect(new Set(quiz.choices.map((c) => normaliseOutput(c.text))).size, quiz.id).toBe(quiz.choices.length);
    }
  });

  it('never share an id with a question card or practice problem', () => {
    const taken = new Set([...knowledge.questions, ...knowledge.practice].map((i) => i.id));
    for (const quiz of quizzes) expect(taken.has(quiz.id), quiz.id).toBe(false);
  });
});

const CONCEPTS = `- id: task\n  name: Task\n  definition: A scheduled coroutine.\n`;
const quizSource = (choices: string, body = '```python run\nprint("a")\nprint("b")\n```\n\n```output\na\nb\n```\n') =>
  `---\nid: quiz-sample\nprompt: What does this print?\nconcepts: [task]\ndifficulty: easy\nlevel: 1\nkeywords: [x, y]\nchoices:\n${choices}---\n\n${body}`;
const choice = (text: string, correct = false) =>
  `  - text: |-\n${text
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n')}\n${correct ? '    correct: true\n' : ''}    explanation: Because of a reason worth a sentence.\n`;
const compileQuiz = (text: string) => compileKnowledge(CONCEPTS, [{ path: 'quizzes/quiz-sample.md', text }]).errors;

describe('the quiz compiler', () => {
  it('accepts a well-formed quiz', () => {
    expect(compileQuiz(quizSource(choice('a\nb', true) + choice('b\na') + choice('a')))).toEqual([]);
  });

  it("rejects a correct choice whose text is not the snippet's output", () => {
    const errors = compileQuiz(quizSource(choice('b\na', true) + choice('a\nb') + choice('a')));
    // The correct choice is the first item under `choices:` (line 8 of quizSource), so on line 9.
    expect(errors).toEqual([`quizzes/quiz-sample.md:9: the correct choice's text differs from the snippet's output`]);
  });

  it('rejects no correct choice, two correct choices, too few or too many choices', () => {
    expect(compileQuiz(quizSource(choice('a\nb') + choice('b\na') + choice('a')))[0]).toMatch(/exactly one/);
    expect(compileQuiz(quizSource(choice('a\nb', true) + choice('b\na', true) + choice('a')))[0]).toMatch(
      /exactly one/,
    );
    expect(compileQuiz(quizSource(choice('a\nb', true) + choice('b\na')))[0]).toMatch(/3 or 4 choices/);
    expect(
      compileQuiz(quizSource(choice('a\nb', true) + choice('b') + choice('a') + choice('c') + choice('d')))[0],
    ).toMatch(/3 or 4 choices/);
  });

  it('rejects a missing output block, extra prose, a parse-only snippet and an id without the quiz- prefix', () => {
    const three = choice('a\nb', true) + choice('b\na') + choice('a');
    expect(compileQuiz(quizSource(three, '```python run\nprint("a")\n```\n'))[0]).toMatch(/output/);
    expect(
      compileQuiz(quizSource(three, 'Some words.\n\n```python run\nprint(1)\n```\n\n```output\n1\n```\n'))[0],
    ).toMatch(/nothing else/);
    expect(compileQuiz(quizSource(three, '```python parse\nprint(1)\n```\n'))[0]).toMatch(/run/);
    const renamed = quizSource(three).replace('id: quiz-sample', 'id: sample');
    expect(compileKnowledge(CONCEPTS, [{ path: 'quizzes/sample.md', text: renamed }]).errors[0]).toMatch(/quiz-/);
  });
});

describe('answering a quiz in review', () => {
  const choices = [
    { text: 'x', correct: false, explanation: 'e' },
    { text: 'y', correct: true, explanation: 'e' },
    { text: 'z', correct: false, explanation: 'e' },
  ];
  const key = (k: string, extra: Partial<KeyboardEvent> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    repeat: false,
    ...extra,
  });

  it('rates a wrong pick Again, a quick right pick Good and a slow right pick Hard', () => {
    expect(suggestedRating(false, 1_000)).toBe(Rating.Again);
    expect(suggestedRating(true, QUICK_ANSWER_MS - 1)).toBe(Rating.Good);
    expect(suggestedRating(true, QUICK_ANSWER_MS)).toBe(Rating.Hard);
    expect(suggestedRating(false, 60_000)).toBe(Rating.Again);
  });

  it('picks with 1–4 and A–D (either case), only among the choices there are; in Review with letters only', () => {
    expect(choiceForKey('1', 3)).toBe(0);
    expect(choiceForKey('c', 3)).toBe(2);
    expect(choiceForKey('B', 3)).toBe(1);
    expect(choiceForKey('4', 3)).toBeNull();
    expect(choiceForKey('d', 3)).toBeNull();
    expect(choiceForKey('e', 4)).toBeNull();
    expect(choiceForKey('Enter', 4)).toBeNull();
    expect(choiceForKey('1', 3, true)).toBeNull();
    expect(choiceForKey('a', 3, true)).toBe(0);
  });

  it('picks once; in Review the digits only rate, after the pick, and Space or Enter record the suggestion', () => {
    const wrong = pick(initialQuizState, choices, 0, 3_000);
    expect(wrong.suggested).toBe(Rating.Again);
    expect(pick(wrong, choices, 1, 4_000)).toBe(wrong);
    const right = pick(initialQuizState, choices, 1, 3_000);
    expect(right.suggested).toBe(Rating.Good);

    expect(quizKeyAction(key('Enter'), initialQuizState, 3, true)).toBeNull();
    expect(quizKeyAction(key('b'), initialQuizState, 3, true)).toEqual({ kind: 'pick', index: 1 });
    // The Anki habit: a digit before the pick must not pick in Review.
    expect(quizKeyAction(key('2'), initialQuizState, 3, true)).toBeNull();
    expect(quizKeyAction(key('2'), initialQuizState, 3, false)).toEqual({ kind: 'pick', index: 1 });
    expect(quizKeyAction(key('2'), right, 3, true)).toEqual({ kind: 'record', grade: Rating.Hard });
    expect(quizKeyAction(key(' '), right, 3, true)).toEqual({ kind: 'record', grade: Rating.Good });
    expect(quizKeyAction(key('Enter'), wrong, 3, true)).toEqual({ kind: 'record', grade: Rating.Again });
    expect(quizKeyAction(key('2'), right, 3, false)).toBeNull();
    expect(quizKeyAction(key('b'), right, 3, true)).toBeNull();
    expect(quizKeyAction(key('Enter'), right, 3, false)).toEqual({ kind: 'next' });
    expect(quizKeyAction(key('1', { ctrlKey: true }), initialQuizState, 3, false)).toBeNull();
    expect(quizKeyAction(key('a', { repeat: true }), initialQuizState, 3, true)).toBeNull();
  });

  it('shows choices in a stable shuffle, so the correct one is not always where it was written', () => {
    const positions = new Set<number>();
    for (const quiz of quizzes) {
      const order = choiceOrder(quiz.id, quiz.choices.length);
      expect([...order].sort(), quiz.id).toEqual(quiz.choices.map((_, i) => i));
      expect(choiceOrder(quiz.id, quiz.choices.length)).toEqual(order);
      positions.add(order.findIndex((i) => quiz.choices[i]!.correct));
    }
    expect(positions.size).toBeGreaterThanOrEqual(3);
  });

  it('orders quizzes fundamentals first and cycles to the next one', () => {
    const order = quizOrder(quizzes);
    expect(new Set(order).size).toBe(quizzes.length);
    const levels = order.map((id) => quizzes.find((q) => q.id === id)!.level);
    expect([...levels].sort()).toEqual(levels);
    expect(nextQuizId(order, order[0]!)).toBe(order[1]);
    expect(nextQuizId(order, order[order.length - 1]!)).toBe(order[0]);
    expect(nextQuizId(['only'], 'only')).toBeUndefined();
  });
});
