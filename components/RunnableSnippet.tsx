/**
 * A knowledge-base snippet the user can run and edit. Run executes it in the page's Python worker and shows
 * what it prints beside the verified output; Try it opens an editable copy (kept across sessions) with
 * Reset. A snippet that cannot run in the browser says why, next to the output verified on CPython,
 * instead of offering a Run button that could not work. Props only: the page passes the runner.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Snippet } from '@/utils/knowledge-types';
import { browserGapText } from '@/utils/knowledge/runtimes';
import type { LintFinding } from '@/utils/lint';
import type { RunResult, RuntimeStatus } from '@/utils/python/client';
import type { OutputStream } from '@/utils/python/protocol';
import { CodeBlock } from './CodeBlock';
import { CodeEditor } from './CodeEditor';
import { appendChunk, RunOutput, type OutputChunk } from './RunOutput';
import { Timeline } from './timeline/Timeline';

export interface SnippetRunner {
  status: RuntimeStatus;
  run: (code: string, onOutput: (stream: OutputStream, text: string) => void) => Promise<RunResult>;
  stop: () => void;
  loadDraft: (key: string) => Promise<string | undefined>;
  saveDraft: (key: string, code: string) => Promise<void>;
  clearDraft: (key: string) => Promise<void>;
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

type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; chunks: OutputChunk[]; code: string }
  | { kind: 'done'; chunks: OutputChunk[]; result: RunResult; code: string };

export function RunnableSnippet({
  snippet,
  draftKey,
  runner,
  onCopy,
  timelineHint,
  runLabel = 'Run',
}: RunnableSnippetProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [state, setState] = useState<RunState>({ kind: 'idle' });
  /** The line the timeline points at, highlighted in the code. */
  const [line, setLine] = useState<number | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const runnable = snippet.runsIn.includes('browser');

  // An edit saved earlier reopens the editor with it.
  const { loadDraft } = runner;
  useEffect(() => {
    let live = true;
    if (runnable)
      loadDraft(draftKey)
        .then((saved) => {
          if (live && saved !== undefined && saved !== snippet.code) setDraft(saved);
        })
        .catch((error: unknown) => console.warn('[awaitwise] could not read the saved copy', draftKey, error));
    return () => {
      live = false;
    };
  }, [draftKey, runnable, loadDraft, snippet.code]);

  if (!runnable)
    return (
      <div class="aw-runnable">
        <CodeBlock snippet={snippet} onCopy={onCopy} />
        {snippet.why && <p class="aw-runs-where">{browserGapText[snippet.why]}</p>}
      </div>
    );

  const running = state.kind === 'running';
  const run = async (code: string) => {
    const chunks: OutputChunk[] = [];
    setState({ kind: 'running', chunks, code });
    const result = await runner.run(code, (stream, text) => {
      appendChunk(chunks, stream, text);
      setState({ kind: 'running', chunks: [...chunks], code });
    });
    setState({ kind: 'done', chunks: [...chunks], result, code });
  };
  const edit = (code: string) => {
    setDraft(code);
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => void runner.saveDraft(draftKey, code), 300);
  };
  const reset = () => {
    clearTimeout(saveTimer.current);
    setDraft(null);
    setState({ kind: 'idle' });
    void runner.clearDraft(draftKey);
  };
  const current = draft ?? snippet.code;
  const loading = running && runner.status.kind === 'loading';

  return (
    <div class="aw-runnable">
      {draft === null ? (
        <CodeBlock
          snippet={snippet}
          onCopy={onCopy}
          highlightLine={state.kind === 'done' && state.code === snippet.code ? line : null}
          onSeeTimeline={running ? undefined : () => void run(snippet.code)}
        />
      ) : (
        <div class="aw-code aw-code-editing">
          <div class="aw-code-bar">
            <span class="aw-code-tags">Your copy · Ctrl+Enter runs · Esc then Tab leaves the editor</span>
          </div>
          <CodeEditor
            value={draft}
            onChange={edit}
            onRun={() => !running && void run(draft)}
            lint={runner.lint}
            cardHref={runner.cardHref}
            label="Edit the snippet (Python)"
            highlightLine={state.kind === 'done' && state.code === draft ? line : null}
          />
        </div>
      )}
      <div class="aw-run-bar" role="group" aria-label="Run this code">
        {running ? (
          <button type="button" class="aw-button aw-small" onClick={() => runner.stop()}>
            Stop
          </button>
        ) : (
          <button type="button" class="aw-button aw-small" onClick={() => void run(current)}>
            {draft === null ? runLabel : 'Run my copy'}
          </button>
        )}
        {draft === null ? (
          <button type="button" class="aw-button aw-secondary aw-small" onClick={() => setDraft(snippet.code)}>
            Try it
          </button>
        ) : (
          <button type="button" class="aw-button aw-secondary aw-small" onClick={reset}>
            Reset to the original
          </button>
        )}
      </div>
      {state.kind !== 'idle' && (
        <RunOutput
          chunks={state.chunks}
          result={state.kind === 'done' ? state.result : null}
          loadingSince={loading && runner.status.kind === 'loading' ? runner.status.since : null}
          expected={state.code === snippet.code ? snippet.output : undefined}
        />
      )}
      {state.kind === 'done' && state.result.trace && (
        <Timeline
          trace={state.result.trace}
          onLine={setLine}
          lookFor={state.code === snippet.code ? timelineHint : undefined}
        />
      )}
    </div>
  );
}
