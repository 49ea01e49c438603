/** Every quiz that offers Run in the browser: its correct choice is what the browser's runtime prints. */
import { afterAll, describe, expect, it } from 'vitest';
import { knowledge } from '@/utils/knowledge/all';
import { nodePythonClient } from '../../scripts/lib/pyodide-node';
import { normaliseOutput, PYODIDE_VERSION } from './cpython';

const inBrowser = (knowledge.quizzes ?? []).filter((q) => q.snippets[0].runsIn.includes('browser'));

describe(`every browser quiz's correct choice is what the browser runtime (CPython ${PYODIDE_VERSION}) prints`, () => {
  const client = nodePythonClient();
  afterAll(() => client.dispose());
  it('covers most quizzes', () => {
    expect(inBrowser.length).toBeGreaterThan((knowledge.quizzes ?? []).length / 2);
  });
  it.each(inBrowser.map((q) => [q.id, q] as const))('%s', async (_id, quiz) => {
    const result = await client.run(quiz.snippets[0].code, { timeLimitMs: 20_000 });
    expect(result.error).toBeNull();
    expect(result.exitCode).toBe(0);
    expect(normaliseOutput(result.stdout)).toBe(normaliseOutput(quiz.choices.find((c) => c.correct)!.text));
  });
});
