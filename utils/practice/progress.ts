/** Practice progress in Dexie: one attempt per "Run tests", and per problem the attempts and first solve. */
import type { AwaitwiseDb, PracticeProgressRecord } from '@/utils/db';
import type { TestReport } from '@/utils/python/protocol';

export const practiceDraftKey = (problemId: string) => `practice:${problemId}`;

/** Records one test run; the first all-green run marks the problem solved, and later ones keep that date. */
export async function recordAttempt(
  db: AwaitwiseDb,
  problemId: string,
  report: TestReport,
  now = Date.now(),
): Promise<PracticeProgressRecord> {
  return db.transaction('rw', db.practiceAttempts, db.practiceProgress, async () => {
    const passed = report.passed && report.tests.length > 0;
    await db.practiceAttempts.add({
      problemId,
      at: now,
      passed: passed ? 1 : 0,
      testsPassed: report.tests.filter((t) => t.passed).length,
      testsTotal: report.tests.length,
    });
    const before = await db.practiceProgress.get(problemId);
    const next: PracticeProgressRecord = {
      problemId,
      attempts: (before?.attempts ?? 0) + 1,
      solvedAt: before?.solvedAt ?? (passed ? now : null),
      lastAttemptAt: now,
    };
    await db.practiceProgress.put(next);
    return next;
  });
}

/** One problem's attempts and first solve, or null before its first test run. */
export async function practiceProgress(db: AwaitwiseDb, problemId: string): Promise<PracticeProgressRecord | null> {
  return (await db.practiceProgress.get(problemId)) ?? null;
}

/** Ids of every solved problem. */
export async function solvedProblemIds(db: AwaitwiseDb): Promise<Set<string>> {
  const rows = await db.practiceProgress.filter((p) => p.solvedAt !== null).toArray();
  return new Set(rows.map((r) => r.problemId));
}

/** Per main topic (a problem's first concept), how many of its problems are solved; topics in first-seen order. */
export function solvedPerTopic(
  problems: readonly { id: string; concepts: readonly string[] }[],
  solved: ReadonlySet<string>,
): { topic: string; solved: number; total: number }[] {
  const rows = new Map<string, { topic: string; solved: number; total: number }>();
  for (const p of problems) {
    const topic = p.concepts[0] ?? '';
    const row = rows.get(topic) ?? { topic, solved: 0, total: 0 };
    row.total += 1;
    if (solved.has(p.id)) row.solved += 1;
    rows.set(topic, row);
  }
  return [...rows.values()];
}
