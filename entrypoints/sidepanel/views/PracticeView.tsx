/**
 * `#/practice/<id>`: one practice problem with its workbench. The user's file is a draft like any edited
 * snippet's (saved as they type, reset with undo), runs go through the same runner and run state, and each
 * "Run tests" with a verified report is recorded as an attempt (the first all-green one as the solve).
 */
import { useEffect } from 'preact/hooks';
import { PracticeDetail } from '@/components/PracticeDetail';
import { PracticeWorkbench } from '@/components/PracticeWorkbench';
import { useDb } from '@/components/hooks/use-db';
import { useDraft } from '@/components/hooks/use-draft';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { useRun } from '@/components/hooks/use-run';
import { useSnippetRunner } from '@/components/hooks/use-snippet-runner';
import { useKnowledgeItem } from '@/components/hooks/use-knowledge-item';
import { practiceDraftKey, practiceProgress, recordAttempt } from '@/utils/practice/progress';
import type { PracticeProblem } from '@/utils/knowledge-types';
import { PRACTICE_TIME_LIMIT_MS } from '@/utils/python/limits';
import { conceptNames } from './names';

export interface PracticeViewProps {
  id: string;
  onCopy: (code: string) => Promise<void>;
}

export function PracticeView({ id, onCopy }: PracticeViewProps) {
  const loaded = useKnowledgeItem('practice', id);
  if (loaded.status === 'loading')
    return (
      <p class="aw-muted" aria-busy="true">
        Loading the problem…
      </p>
    );
  if (!loaded.item) return <p class="aw-error-box">That practice problem no longer exists.</p>;
  return <LoadedPractice problem={loaded.item} onCopy={onCopy} />;
}

/** The draft's original is the problem's starter, so the draft waits for the problem's own chunk. */
function LoadedPractice({ problem, onCopy }: { problem: PracticeProblem; onCopy: PracticeViewProps['onCopy'] }) {
  const id = problem.id;
  const db = useDb();
  const runner = useSnippetRunner();
  const draft = useDraft(runner, practiceDraftKey(id), problem.starter ?? '');
  // Test suites get the practice limit: each test has its own 5 s inside it.
  const run = useRun({
    ...runner,
    test: (s, t, o) => runner.test(s, t, { ...o, timeLimitMs: PRACTICE_TIME_LIMIT_MS }),
  });
  const progress = useLiveQuery(() => practiceProgress(db, id), [id]);
  const { warm } = runner;
  useEffect(() => warm(), [warm]);

  const tests = problem.tests;
  const code = draft.code ?? problem.starter ?? '';

  const runTests = async () => {
    if (!tests) return;
    const result = await run.tests(code, tests);
    // Only a report that came back complete through the run's own channel counts (the client checks).
    if (result.report && !result.report.error) await recordAttempt(db, id, result.report);
  };
  const reset = () => {
    draft.reset();
    run.clear();
  };
  const record = progress.status === 'ready' ? progress.value : null;

  return (
    <PracticeDetail
      key={problem.id}
      problem={problem}
      conceptNames={conceptNames}
      onCopy={onCopy}
      runner={runner}
      workbench={
        tests && draft.loaded ? (
          <PracticeWorkbench
            code={code}
            onCode={draft.edit}
            run={run.state}
            status={runner.status}
            onRunTests={() => void runTests()}
            onRunFile={() => void run.script(code)}
            onStop={run.stop}
            onReset={reset}
            onUndoReset={draft.undo}
            attempts={record?.attempts ?? 0}
            solvedAt={record?.solvedAt ?? null}
            lint={runner.lint}
            cardHref={runner.cardHref}
          />
        ) : undefined
      }
    />
  );
}
