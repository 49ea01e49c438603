/** Every quiz's correct choice is what CPython prints, on each version CI has (3.11 as python3, 3.12, 3.13). */
import { describe, expect, it } from 'vitest';
import { knowledge } from '@/utils/knowledge/all';
import type { QuizItem } from '@/utils/knowledge-types';
import { cpythonMatrix, normaliseOutput, runOnCPython, withoutSlowCallbackNotes } from './cpython';

const quizzes = knowledge.quizzes ?? [];
const correctText = (quiz: QuizItem) => normaliseOutput(quiz.choices.find((c) => c.correct)!.text);

describe('the quizzes', () => {
  it('are there to check', () => {
    expect(quizzes.length).toBeGreaterThanOrEqual(40);
  });
});

// One block per interpreter, all concurrent: the versions share the machine's interpreter slots.
for (const python of cpythonMatrix()) {
  describe
    .skipIf(!python.path)
    .concurrent(`every quiz's correct choice is what CPython ${python.version} prints`, () => {
      it.each(quizzes.map((q) => [q.id, q] as const))('%s', async (_id, quiz) => {
        const result = await runOnCPython(quiz.snippets[0].code, python.path!);
        expect(result.timedOut, 'timed out').toBe(false);
        expect(withoutSlowCallbackNotes(result.stderr)).toBe('');
        expect(result.code).toBe(0);
        expect(normaliseOutput(result.stdout)).toBe(correctText(quiz));
      });
    });
}
