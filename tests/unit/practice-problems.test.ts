/** Every practice problem can be checked: an interface, a starter, a suite, and wrong solutions to reject. */
import { describe, expect, it } from 'vitest';
import { knowledge } from '@/utils/knowledge/all';
import { wrongSolutions } from '../support/practice-cases';

const problems = knowledge.practice;

describe('practice problems are checkable', () => {
  it('there are 21 problems, each with an interface, a starter file and a test suite', () => {
    expect(problems.length).toBe(21);
    for (const p of problems) {
      expect(p.interface.length, p.id).toBeGreaterThan(0);
      expect(p.starter, p.id).toMatch(/\S/);
      expect(p.tests, p.id).toMatch(/def test_/);
    }
  });

  it.each(problems.map((p) => [p.id]))('%s has at least two wrong solutions, each naming its mistake', (id) => {
    const wrong = wrongSolutions(id);
    expect(wrong.length).toBeGreaterThanOrEqual(2);
    for (const w of wrong) expect(w.code.split('\n')[0], `${id}/${w.name}`).toMatch(/^# Mistake\b.*\S/);
  });
});
