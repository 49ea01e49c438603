/** What the README says the package bundles is what the build compiles from data/. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knowledge } from '@/utils/knowledge/all';

const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8').replace(/\s+/g, ' ');

describe('the README', () => {
  it('counts the bundled question cards, quizzes and practice problems as they are', () => {
    const claim = /Everything is bundled: (\d+) question cards, (\d+) quizzes, (\d+) practice problems/.exec(readme);
    expect(claim, 'the sentence that counts what is bundled').not.toBeNull();
    const [, questions, quizzes, practice] = claim!.map(Number);
    expect({ questions, quizzes, practice }).toEqual({
      questions: knowledge.questions.length,
      quizzes: knowledge.quizzes?.length,
      practice: knowledge.practice.length,
    });
  });
});
