/**
 * Everything a snippet needs to be run and edited in place: the page's Python worker, the user's saved
 * edits (Dexie `drafts`, so they survive closing the panel) and the asyncio linter for the editor.
 */
import { useMemo } from 'preact/hooks';
import type { SnippetRunner } from '@/components/RunnableSnippet';
import { lintPython } from '@/utils/lint';
import { formatRoute } from '@/utils/routes';
import { pythonClient, usePythonStatus } from './use-python';
import { useDb } from './use-db';

export function useSnippetRunner(): SnippetRunner {
  const db = useDb();
  const status = usePythonStatus();
  const client = pythonClient();
  // The draft functions keep their identity while the worker's status changes, so a snippet reloads its
  // saved copy only when it shows another snippet (a reload mid-edit would put back the older text).
  const drafts = useMemo(
    (): Pick<SnippetRunner, 'loadDraft' | 'saveDraft' | 'clearDraft'> => ({
      loadDraft: async (key) => (await db.drafts.get(key))?.code,
      saveDraft: async (key, code) => {
        await db.drafts.put({ key, code, updatedAt: Date.now() });
      },
      clearDraft: async (key) => {
        await db.drafts.delete(key);
      },
    }),
    [db],
  );
  return useMemo(
    () => ({
      status,
      run: (code, onOutput) => client.run(code, { onOutput }),
      stop: () => client.stop(),
      ...drafts,
      lint: (code) => lintPython(code),
      cardHref: (id) => formatRoute({ view: 'question', id }),
    }),
    [drafts, client, status],
  );
}
