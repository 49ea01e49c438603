/**
 * `#/practice/<id>`: one practice problem with its workbench. The page owns the data: the user's file
 * (Dexie `drafts`, saved as they type), test runs in the page's Python worker, and progress (attempts and
 * the first solve) recorded after every "Run tests".
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { PracticeView } from '@/components/PracticeView';
import { PracticeWorkbench, type WorkbenchRun } from '@/components/PracticeWorkbench';
import { appendChunk, type OutputChunk } from '@/components/RunOutput';
import { useDb } from '@/components/hooks/use-db';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { pythonClient, usePythonStatus } from '@/components/hooks/use-python';
import { useSnippetRunner } from '@/components/hooks/use-snippet-runner';
import { practiceById } from '@/utils/knowledge';
import { practiceDraftKey, recordAttempt } from '@/utils/practice/progress';
import { PRACTICE_TIME_LIMIT_MS } from '@/utils/python/limits';
import { conceptNames } from './names';

export interface PracticePageProps {
  id: string;
  onCopy: (code: string) => Promise<void>;
}

export function PracticePage({ id, onCopy }: PracticePageProps) {
  const problem = practiceById.get(id);
  const db = useDb();
  const runner = useSnippetRunner();
  const status = usePythonStatus();
  const [code, setCode] = useState<string | null>(null);
  const [run, setRun] = useState<WorkbenchRun>({ kind: 'idle' });
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const progress = useLiveQuery(async () => (await db.practiceProgress.get(id)) ?? null, [id]);
  const key = practiceDraftKey(id);

  const starter = problem?.starter ?? '';
  useEffect(() => {
    let live = true;
    db.drafts
      .get(key)
      .then((draft) => {
        if (live) setCode(draft?.code ?? starter);
      })
      .catch((error: unknown) => console.warn('[awaitwise] could not read the saved practice code', key, error));
    return () => {
      live = false;
      clearTimeout(saveTimer.current);
    };
  }, [db, key, starter]);

  if (!problem) return <p class="aw-error-box">That practice problem no longer exists.</p>;
  const tests = problem.tests;

  const edit = (next: string) => {
    setCode(next);
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => void db.drafts.put({ key, code: next, updatedAt: Date.now() }), 300);
  };
  const runTests = async () => {
    if (code === null || !tests) return;
    setRun({ kind: 'testing' });
    const result = await pythonClient().test(code, tests, { timeLimitMs: PRACTICE_TIME_LIMIT_MS });
    setRun({ kind: 'tested', result });
    if (result.report && !result.report.error) await recordAttempt(db, id, result.report);
  };
  const runFile = async () => {
    if (code === null) return;
    const chunks: OutputChunk[] = [];
    setRun({ kind: 'running', chunks });
    const result = await pythonClient().run(code, {
      onOutput: (stream, text) => {
        appendChunk(chunks, stream, text);
        setRun({ kind: 'running', chunks: [...chunks] });
      },
    });
    setRun({ kind: 'ran', chunks: [...chunks], result });
  };
  const reset = () => {
    clearTimeout(saveTimer.current);
    setCode(problem.starter ?? '');
    setRun({ kind: 'idle' });
    void db.drafts.delete(key);
  };
  const record = progress.status === 'ready' ? progress.value : null;

  return (
    <PracticeView
      key={problem.id}
      problem={problem}
      conceptNames={conceptNames}
      onCopy={onCopy}
      runner={runner}
      workbench={
        tests && code !== null ? (
          <PracticeWorkbench
            code={code}
            onCode={edit}
            run={run}
            status={status}
            onRunTests={() => void runTests()}
            onRunFile={() => void runFile()}
            onStop={() => pythonClient().stop()}
            onReset={reset}
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
