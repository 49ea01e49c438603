/**
 * A knowledge-base snippet the user can run and edit. Run executes it in a fresh Python interpreter and
 * shows what it prints beside the verified output; Try it opens an editable copy (kept across sessions);
 * Reset goes back to the original and can be undone. A snippet that cannot run in the browser says why,
 * next to the output verified on CPython, instead of offering a Run button that could not work. Props
 * only: the page passes the runner.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Snippet } from '@/utils/knowledge-types';
import { browserGapText } from '@/utils/knowledge/runtimes';
import type { LintFinding } from '@/utils/lint';
import type { RuntimeStatus } from '@/utils/python/client';
import { CodeBlock } from './CodeBlock';
import { CodeEditor } from './CodeEditor';
import { useDraft, type DraftAccess } from './hooks/use-draft';
import { useRun, type CodeRunner } from './hooks/use-run';
import { RunOutput, waitingFor } from './RunOutput';
import { Timeline } from './timeline/Timeline';

export interface SnippetRunner extends CodeRunner, DraftAccess {
  status: RuntimeStatus;
  /** Readies an interpreter once the page is idle; returns the cancel function. */
  warm: () => () => void;
  lint: (code: string) => LintFinding[];
  cardHref: (cardId: string) => string;
}

export interface RunnableSnippetProps {
  snippet: Snippet;
  /** Where the user's edited copy is stored, e.g. `snippet:gather-basics#1`. */
  draftKey: string;
  runner: SnippetRunner;
  onCopy?: (code: string) => void | Promise<void>;
  /** One sentence on what to look for in the timeline each run draws. */
  timelineHint?: string;
  /** The Run button's label ("Run" by default). */
  runLabel?: string;
}

export function RunnableSnippet({
  snippet,
  draftKey,
  runner,
  onCopy,
  timelineHint,
  runLabel = 'Run',
}: RunnableSnippetProps) {
  const runnable = snippet.runsIn.includes('browser');
  /** The line the timeline points at, highlighted in the code. */
  const [line, setLine] = useState<number | null>(null);
  const draft = useDraft(runner, draftKey, snippet.code);
  const run = useRun(runner);
  const { warm } = runner;
  useEffect(() => (runnable ? warm() : undefined), [runnable, warm]);

  if (!runnable)
    return (
      <div class="aw-runnable">
        <CodeBlock snippet={snippet} onCopy={onCopy} />
        {snippet.why && <p class="aw-runs-where">{browserGapText[snippet.why]}</p>}
      </div>
    );

  const { state } = run;
  const running = state.kind === 'running';
  const current = draft.code ?? snippet.code;
  const reset = () => {
    draft.reset();
    run.clear();
  };

  return (
    <div class="aw-runnable">
      {draft.code === null ? (
        <CodeBlock
          snippet={snippet}
          onCopy={onCopy}
          highlightLine={state.kind === 'ran' && state.code === snippet.code ? line : null}
          onSeeTimeline={running ? undefined : () => void run.script(snippet.code)}
        />
      ) : (
        <div class="aw-code aw-code-editing">
          <div class="aw-code-bar">
            <span class="aw-code-tags">Your copy · Ctrl+Enter runs · Esc then Tab leaves the editor</span>
          </div>
          <CodeEditor
            value={draft.code}
            onChange={draft.edit}
            onRun={() => !running && void run.script(current)}
            lint={runner.lint}
            cardHref={runner.cardHref}
            label="Edit the snippet (Python)"
            highlightLine={state.kind === 'ran' && state.code === draft.code ? line : null}
          />
        </div>
      )}
      <div class="aw-run-bar" role="group" aria-label="Run this code">
        {running ? (
          <button type="button" class="aw-button aw-small" onClick={run.stop}>
            Stop
          </button>
        ) : (
          <button type="button" class="aw-button aw-small" onClick={() => void run.script(current)}>
            {draft.code === null ? runLabel : 'Run my copy'}
          </button>
        )}
        {draft.code === null ? (
          <button type="button" class="aw-button aw-secondary aw-small" onClick={draft.open}>
            Try it
          </button>
        ) : (
          <button type="button" class="aw-button aw-secondary aw-small" onClick={reset}>
            Reset to the original
          </button>
        )}
        {draft.undo && (
          <span class="aw-run-undo" role="status">
            Your copy was reset.{' '}
            <button type="button" class="aw-link-button" onClick={draft.undo}>
              Undo
            </button>
          </span>
        )}
      </div>
      {state.kind !== 'idle' && state.kind !== 'tested' && (
        <RunOutput
          chunks={state.chunks}
          result={state.kind === 'ran' ? state.result : null}
          waiting={state.kind === 'running' && !state.started ? waitingFor(runner.status) : null}
          expected={state.code === snippet.code ? snippet.output : undefined}
        />
      )}
      {state.kind === 'ran' && state.result.trace && (
        <Timeline
          trace={state.result.trace}
          onLine={setLine}
          lookFor={state.code === snippet.code ? timelineHint : undefined}
        />
      )}
    </div>
  );
}
