import { describe, expect, it } from 'vitest';
import { recordAttempt, solvedPerTopic, solvedProblemIds } from '@/utils/practice/progress';
import { throwawayDbs } from './srs-throwaway-db';

const freshDb = throwawayDbs();
const report = (passed: boolean[]) => ({
  passed: passed.every(Boolean),
  tests: passed.map((p, i) => ({ name: `t${i}`, passed: p, message: p ? '' : 'no' })),
  error: null,
});

describe('practice progress', () => {
  it('counts attempts, keeps the first solve date, and lists solved problems', async () => {
    const db = freshDb();
    expect(await recordAttempt(db, 'print-in-order', report([true, false]), 1000)).toEqual({
      problemId: 'print-in-order',
      attempts: 1,
      solvedAt: null,
      lastAttemptAt: 1000,
    });
    expect((await recordAttempt(db, 'print-in-order', report([true, true]), 2000)).solvedAt).toBe(2000);
    // A later failing run does not take the solve away.
    expect(await recordAttempt(db, 'print-in-order', report([false, true]), 3000)).toMatchObject({
      attempts: 3,
      solvedAt: 2000,
      lastAttemptAt: 3000,
    });
    await recordAttempt(db, 'dining-philosophers', report([false]), 4000);
    expect([...(await solvedProblemIds(db))]).toEqual(['print-in-order']);
    const attempts = await db.practiceAttempts.where('problemId').equals('print-in-order').toArray();
    expect(attempts.map((a) => [a.passed, a.testsPassed, a.testsTotal])).toEqual([
      [0, 1, 2],
      [1, 2, 2],
      [0, 1, 2],
    ]);
  });

  it('never counts an empty suite as solved', async () => {
    const db = freshDb();
    expect((await recordAttempt(db, 'x', { passed: true, tests: [], error: null }, 1)).solvedAt).toBeNull();
  });
});

describe('solved per topic', () => {
  it('counts problems by their main topic', () => {
    const problems = [
      { id: 'a', concepts: ['event', 'task'] },
      { id: 'b', concepts: ['event'] },
      { id: 'c', concepts: ['semaphore'] },
    ];
    expect(solvedPerTopic(problems, new Set(['b', 'c']))).toEqual([
      { topic: 'event', solved: 1, total: 2 },
      { topic: 'semaphore', solved: 1, total: 1 },
    ]);
  });
});
