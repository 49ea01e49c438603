/** What a run printed, as it arrives: stdout and stderr told apart, then how it ended. Props only. */
import { useEffect, useState } from 'preact/hooks';
import type { RunResult, RuntimeStatus } from '@/utils/python/client';
import type { OutputChunk } from './hooks/run-state';

/** Set while the run waits for its interpreter: when that started, and whether it replaces a stopped one. */
export type Waiting = { since: number; restart: boolean } | null;

/** What the page says while a run waits for Python, from the runtime's status. */
export function waitingFor(status: RuntimeStatus): Waiting {
  return status.kind === 'starting' ? { since: status.since, restart: status.restart } : null;
}

export interface RunOutputProps {
  chunks: readonly OutputChunk[];
  /** null while running. */
  result: RunResult | null;
  waiting: Waiting;
  /** The verified output, when the code run is the original snippet. */
  expected?: string;
}

const trimEnds = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trimEnd();

function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, []);
  return <>{((now - since) / 1000).toFixed(1)} s</>;
}

function ending(result: RunResult): { text: string; tone: 'ok' | 'bad' | 'note' } {
  if (result.unavailable) return { text: result.error ?? 'Python could not start.', tone: 'bad' };
  if (result.timedOut) return { text: result.error ?? 'Stopped at the time limit.', tone: 'bad' };
  if (result.stopped) return { text: 'Stopped.', tone: 'note' };
  const seconds = `${(result.ms / 1000).toFixed(2)} s`;
  if (result.exitCode === 0) return { text: `Finished in ${seconds}.`, tone: 'ok' };
  if (result.exitCode === null) return { text: 'Python stopped before the program finished.', tone: 'bad' };
  return { text: `Exited with status ${result.exitCode} after ${seconds}.`, tone: 'bad' };
}

export function RunOutput({ chunks, result, waiting, expected }: RunOutputProps) {
  const stdout = chunks
    .filter((c) => c.stream === 'stdout')
    .map((c) => c.text)
    .join('');
  const verdict =
    result && expected !== undefined && result.exitCode === 0
      ? trimEnds(stdout) === trimEnds(expected)
        ? 'Same as the verified output.'
        : 'Differs from the verified output above.'
      : null;
  const end = result ? ending(result) : null;
  return (
    <div class="aw-run-output" aria-live="polite" aria-busy={result === null}>
      <span class="aw-output-label">{result ? 'Your run' : 'Running…'}</span>
      {waiting && (
        <p class="aw-run-note">
          {waiting.restart ? 'Restarting Python…' : 'Starting Python…'} <Elapsed since={waiting.since} />
        </p>
      )}
      {(chunks.length > 0 || result?.error) && (
        <pre class="aw-run-text">
          {chunks.map((c, i) => (
            <span key={i} class={c.stream === 'stderr' ? 'aw-stderr' : undefined}>
              {c.text}
            </span>
          ))}
          {result?.error && !result.timedOut && !result.unavailable && !result.stopped && (
            <span class="aw-stderr">{result.error}</span>
          )}
        </pre>
      )}
      {end && (
        <p class={`aw-run-end aw-run-${end.tone}`}>
          {end.text}
          {result?.truncated ? ' The output was cut short.' : ''}
          {verdict ? ` ${verdict}` : ''}
        </p>
      )}
    </div>
  );
}
