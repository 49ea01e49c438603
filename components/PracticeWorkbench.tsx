/**
 * The practice workbench: the user's file in the editor (autosaved by the page), Run tests with each test's
 * verdict and message, Run to try the file as a script, Stop, and Reset to the starter (which can be
 * undone). Props only; the run state is the same as a runnable snippet's.
 */
import { useState } from 'preact/hooks';
import type { TestRunResult, RuntimeStatus } from '@/utils/python/client';
import type { LintFinding } from '@/utils/lint';
import { CodeEditor } from './CodeEditor';
import type { RunState } from './hooks/run-state';
import { RunOutput, waitingFor } from './RunOutput';
import { Timeline } from './timeline/Timeline';
import { TimelineToggle } from './timeline/TimelineToggle';

export interface PracticeWorkbenchProps {
  code: string;
  onCode: (code: string) => void;
  run: RunState;
  status: RuntimeStatus;
  onRunTests: () => void;
  onRunFile: () => void;
  onStop: () => void;
  onReset: () => void;
  /** Set after a reset: puts the user's file back. */
  onUndoReset: (() => void) | null;
  attempts: number;
  solvedAt: number | null;
  lint: (code: string) => LintFinding[];
  cardHref: (cardId: string) => string;
  headingLevel?: 2 | 3;
}

function TestResults({ result, onLine }: { result: TestRunResult; onLine: (line: number | null) => void }) {
  const report = result.report;
  if (!report)
    return (
      <p class="aw-error-box" role="status">
        {result.timedOut
          ? 'The tests were stopped at the time limit: something in your code never finishes.'
          : (result.error ?? 'The tests could not run.')}
      </p>
    );
  if (report.error)
    return (
      <p class="aw-error-box" role="status">
        {report.error}
      </p>
    );
  const passed = report.tests.filter((t) => t.passed).length;
  return (
    <div role="status">
      <p class={report.passed ? 'aw-solved' : 'aw-run-bad'}>
        {report.passed
          ? `All ${report.tests.length} tests passed.`
          : `${passed} of ${report.tests.length} tests passed.`}
      </p>
      <ul class="aw-test-list" aria-label="Test results">
        {report.tests.map((t) => (
          <li key={t.name} class={t.passed ? 'aw-test-pass' : 'aw-test-fail'}>
            <span class="aw-test-mark" aria-label={t.passed ? 'passed' : 'failed'}>
              {t.passed ? '✓' : '✗'}
            </span>
            <div class="aw-test-body">
              {t.name}
              {!t.passed && t.message && (
                <span class="aw-test-message">
                  {t.message}
                  {t.concurrency && ' The timeline of this test shows what each task did.'}
                </span>
              )}
              {t.trace && (
                <TimelineToggle
                  trace={t.trace}
                  label={`Timeline of the test: ${t.name}`}
                  onLine={onLine}
                  open={t.concurrency}
                />
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function PracticeWorkbench(props: PracticeWorkbenchProps) {
  const { code, onCode, run, status, attempts, solvedAt, headingLevel = 2 } = props;
  const Sub = `h${headingLevel + 1}` as 'h3';
  const busy = run.kind === 'running';
  const waiting = run.kind === 'running' && !run.started ? waitingFor(status) : null;
  /** The line a timeline points at, marked in the editor. */
  const [line, setLine] = useState<number | null>(null);
  return (
    <section class="aw-workbench" aria-label="Your solution">
      <Sub>Your solution</Sub>
      <p class="aw-meta">
        {solvedAt !== null ? (
          <span class="aw-solved">Solved on {new Date(solvedAt).toLocaleDateString()}</span>
        ) : (
          'Not solved yet'
        )}
        {attempts > 0 ? ` · ${attempts} test run${attempts === 1 ? '' : 's'}` : ''}
      </p>
      <div class="aw-code aw-code-editing">
        <div class="aw-code-bar">
          <span class="aw-code-tags">solution.py · saved as you type · Ctrl+Enter runs the tests</span>
        </div>
        <CodeEditor
          value={code}
          onChange={onCode}
          onRun={() => !busy && props.onRunTests()}
          lint={props.lint}
          cardHref={props.cardHref}
          label="Your solution (Python)"
          highlightLine={line}
        />
      </div>
      <div class="aw-run-bar" role="group" aria-label="Check your solution">
        {busy ? (
          <button type="button" class="aw-button aw-small" onClick={props.onStop}>
            Stop
          </button>
        ) : (
          <>
            <button type="button" class="aw-button aw-small" onClick={props.onRunTests}>
              Run tests
            </button>
            <button type="button" class="aw-button aw-secondary aw-small" onClick={props.onRunFile}>
              Run as a script
            </button>
          </>
        )}
        <button type="button" class="aw-button aw-secondary aw-small" onClick={props.onReset} disabled={busy}>
          Reset to the starter
        </button>
        {props.onUndoReset && (
          <span class="aw-run-undo" role="status">
            Your file was reset.{' '}
            <button type="button" class="aw-link-button" onClick={props.onUndoReset}>
              Undo
            </button>
          </span>
        )}
      </div>
      {run.kind === 'running' && run.job === 'tests' && (
        <p class="aw-run-note" role="status">
          {waiting ? (waiting.restart ? 'Restarting Python…' : 'Starting Python…') : 'Running the tests…'}
        </p>
      )}
      {run.kind === 'tested' && <TestResults result={run.result} onLine={setLine} />}
      {((run.kind === 'running' && run.job === 'script') || run.kind === 'ran') && (
        <RunOutput chunks={run.chunks} result={run.kind === 'ran' ? run.result : null} waiting={waiting} />
      )}
      {run.kind === 'ran' && run.result.trace && <Timeline trace={run.result.trace} onLine={setLine} />}
    </section>
  );
}
