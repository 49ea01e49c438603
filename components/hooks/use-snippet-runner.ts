/**
 * Everything a view needs to run and edit code in place: the page's Python (a fresh interpreter per run,
 * one readied in the background once the view has painted), the user's saved edits (utils/drafts.ts, so
 * they survive closing the panel) and the asyncio linter for the editor.
 */
import { useMemo } from 'preact/hooks';
import type { SnippetRunner } from '@/components/RunnableSnippet';
import { clearDraft, loadDraft, saveDraft } from '@/utils/drafts';
import { lintPython } from '@/utils/lint';
import { formatRoute } from '@/utils/routes';
import { pythonClient, usePythonStatus } from './use-python';
import { useDb } from './use-db';

/** Readies an interpreter when the browser is next idle (after the view has painted). */
function warmWhenIdle(): () => void {
  const idle = requestIdleCallback(() => pythonClient().warm(), { timeout: 2_000 });
  return () => cancelIdleCallback(idle);
}

export function useSnippetRunner(): SnippetRunner {
  const db = useDb();
  const status = usePythonStatus();
  const actions = useMemo(() => {
    const client = pythonClient();
    return {
      run: client.run.bind(client),
      test: client.test.bind(client),
      stop: () => client.stop(),
      warm: warmWhenIdle,
      loadDraft: (key: string) => loadDraft(db, key),
      saveDraft: (key: string, code: string) => saveDraft(db, key, code),
      clearDraft: (key: string) => clearDraft(db, key),
      lint: lintPython,
      cardHref: (id: string) => formatRoute({ view: 'question', id }),
    };
  }, [db]);
  return useMemo(() => ({ ...actions, status }), [actions, status]);
}
