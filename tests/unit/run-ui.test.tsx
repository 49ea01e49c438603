/**
 * Running code in the panel, with a scripted runner: a snippet's editable copy is reset with a way back,
 * the output says whether Python is starting or restarting while a run waits for its interpreter, and the
 * run state ignores the late end of a run that was replaced.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PracticeWorkbench } from '@/components/PracticeWorkbench';
import { RunnableSnippet, type SnippetRunner } from '@/components/RunnableSnippet';
import { useDraft } from '@/components/hooks/use-draft';
import { IDLE, runReducer } from '@/components/hooks/run-state';
import type { RunOptions, RunResult, RuntimeStatus, TestRunResult } from '@/utils/python/client';
import type { Snippet } from '@/utils/knowledge-types';

afterEach(cleanup);

const SNIPPET: Snippet = {
  code: 'print("hello")\n',
  marks: [],
  output: 'hello',
  runnable: true,
  bad: false,
  runsIn: ['cpython', 'browser'],
};

const result = (stdout: string): RunResult => ({
  exitCode: 0,
  error: null,
  ms: 5,
  truncated: false,
  stdout,
  stderr: '',
  timedOut: false,
  stopped: false,
  unavailable: false,
});

function scripted(status: RuntimeStatus) {
  const drafts = new Map<string, string>();
  const runs: { code: string; options: RunOptions; finish: (r: RunResult) => void }[] = [];
  const runner: SnippetRunner = {
    status,
    run: (code, options) => new Promise((finish) => runs.push({ code, options, finish })),
    test: () => Promise.resolve({ ...result(''), report: null } satisfies TestRunResult),
    stop: () => undefined,
    warm: () => () => undefined,
    loadDraft: (key) => Promise.resolve(drafts.get(key)),
    saveDraft: (key, code) => {
      drafts.set(key, code);
      return Promise.resolve();
    },
    clearDraft: (key) => {
      drafts.delete(key);
      return Promise.resolve();
    },
    lint: () => [],
    cardHref: (id) => `#/question/${id}`,
  };
  return { runner, drafts, runs };
}

describe('RunnableSnippet', () => {
  it('Reset to the original can be undone, and the copy comes back', async () => {
    const { runner, drafts } = scripted({ kind: 'ready' });
    drafts.set('snippet:x#1', 'print("mine")\n');
    render(<RunnableSnippet snippet={SNIPPET} draftKey="snippet:x#1" runner={runner} />);
    await screen.findByRole('button', { name: 'Run my copy' });
    fireEvent.click(screen.getByRole('button', { name: 'Reset to the original' }));
    expect(screen.getByRole('button', { name: 'Run' })).toBeTruthy();
    expect(screen.getByText(/Your copy was reset\./)).toBeTruthy();
    await act(() => Promise.resolve());
    expect(drafts.has('snippet:x#1')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.getByRole('button', { name: 'Run my copy' })).toBeTruthy();
    expect(screen.queryByText(/Your copy was reset\./)).toBeNull();
    await act(() => Promise.resolve());
    expect(drafts.get('snippet:x#1')).toBe('print("mine")\n');
  });

  it('Try it opens an editable copy of the original, stored only once it is edited', async () => {
    const { runner, drafts } = scripted({ kind: 'ready' });
    const { container } = render(<RunnableSnippet snippet={SNIPPET} draftKey="snippet:x#1" runner={runner} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Try it' }));
    expect(screen.getByRole('button', { name: 'Run my copy' })).toBeTruthy();
    expect(container.querySelector('.aw-code-editing')).not.toBeNull();
    await act(() => Promise.resolve());
    expect(drafts.has('snippet:x#1')).toBe(false);
  });

  it('says Python is restarting while a run waits for the interpreter after a Stop', async () => {
    const { runner, runs } = scripted({ kind: 'starting', since: Date.now(), restart: true });
    render(<RunnableSnippet snippet={SNIPPET} draftKey="snippet:x#1" runner={runner} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Run' }));
    expect(screen.getByText(/Restarting Python…/)).toBeTruthy();
    expect(screen.queryByText(/first run only/)).toBeNull();
    // The interpreter is ready and the code went to it: the note goes.
    await act(() => runs[0]!.options.onStarted?.());
    expect(screen.queryByText(/Restarting Python…/)).toBeNull();
    await act(() => runs[0]!.options.onOutput?.('stdout', 'hello\n'));
    await act(async () => runs[0]!.finish(result('hello\n')));
    expect(screen.getByText(/Same as the verified output/)).toBeTruthy();
  });
});

describe('PracticeWorkbench with its draft', () => {
  function Workbench({ runner }: { runner: SnippetRunner }) {
    const draft = useDraft(runner, 'practice:p', 'starter = 1\n');
    if (!draft.loaded) return null;
    return (
      <PracticeWorkbench
        code={draft.code ?? 'starter = 1\n'}
        onCode={draft.edit}
        run={IDLE}
        status={{ kind: 'ready' }}
        onRunTests={() => undefined}
        onRunFile={() => undefined}
        onStop={() => undefined}
        onReset={draft.reset}
        onUndoReset={draft.undo}
        attempts={0}
        solvedAt={null}
        lint={() => []}
        cardHref={(id) => id}
      />
    );
  }

  it('Reset to the starter can be undone (the editor showing the starter again is no edit)', async () => {
    const { runner, drafts } = scripted({ kind: 'ready' });
    drafts.set('practice:p', 'mine = 2\n');
    render(<Workbench runner={runner} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Reset to the starter' }));
    await act(() => Promise.resolve());
    expect(screen.getByText(/Your file was reset\./)).toBeTruthy();
    expect(drafts.has('practice:p')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await act(() => Promise.resolve());
    expect(drafts.get('practice:p')).toBe('mine = 2\n');
  });
});

describe('runReducer', () => {
  it('ignores the late end of a run that a newer one replaced', () => {
    const first = runReducer(IDLE, { type: 'start', job: 'script', code: 'a' });
    const second = runReducer(first, { type: 'start', job: 'script', code: 'b' });
    const late = runReducer(second, { type: 'ran', seq: first.seq, result: result('a\n') });
    expect(late).toBe(second);
    const done = runReducer(second, { type: 'ran', seq: second.seq, result: result('b\n') });
    expect(done).toMatchObject({ kind: 'ran', code: 'b' });
  });
});
