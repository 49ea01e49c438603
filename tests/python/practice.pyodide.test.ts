/**
 * The practice suites in the extension's own runtime (Pyodide, through the same client and engine as the
 * workbench): every reference solution passes, every wrong solution is rejected, as on CPython.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { knowledge } from '@/utils/knowledge/all';
import { PRACTICE_TIME_LIMIT_MS } from '@/utils/python/limits';
import { referenceSolution, wrongSolutions } from '../support/practice-cases';
import { pyodideClients } from './pyodide-clients';

const clients = pyodideClients();
afterAll(() => clients.dispose());
const check = (solution: string, tests: string) =>
  clients.use((client) => client.test(solution, tests, { timeLimitMs: PRACTICE_TIME_LIMIT_MS }));
// The first check on each client loads its interpreter; a test may wait for a client first.
const SLOW = 300_000;

describe.concurrent('practice suites in the browser runtime (Pyodide)', () => {
  it.each(knowledge.practice.map((p) => [p.id, p] as const))(
    '%s: the reference passes',
    async (_id, p) => {
      const result = await check(referenceSolution(p), p.tests);
      expect(result.report?.error ?? null).toBeNull();
      expect(result.report?.tests.filter((t) => !t.passed).map((t) => `${t.name}: ${t.message}`)).toEqual([]);
      expect(result.report?.passed).toBe(true);
    },
    SLOW,
  );

  // Not under stress (scripts/stress.ts): a wrong solution fails for its mistake, not for the timing.
  if (process.env.AW_STRESS !== '1') {
    const wrong = knowledge.practice.flatMap((p) =>
      wrongSolutions(p.id).map((w) => [`${p.id}/${w.name}`, p, w.code] as const),
    );
    it.each(wrong)(
      '%s is rejected',
      async (_name, p, code) => {
        const result = await check(code, p.tests);
        expect(result.timedOut).toBe(false);
        expect(result.report?.passed).toBe(false);
      },
      SLOW,
    );
  }
});
