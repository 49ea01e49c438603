/** What a run printed, as it arrives: stdout and stderr told apart, then how it ended. Props only. */
import { useEffect, useState } from 'preact/hooks';
import type { RunResult } from '@/utils/python/client';
import type { OutputStream } from '@/utils/python/protocol';

export interface OutputChunk {
  stream: OutputStream;
  text: string;
}

/** Adds streamed text to the chunk list, joining it to the last chunk of the same stream. */
export function appendChunk(chunks: OutputChunk[], stream: OutputStream, text: string): void {
  const last = chunks[chunks.length - 1];
  if (last?.stream === stream) last.text += text;
  else chunks.push({ stream, text });
}

export interface RunOutputProps {
  chunks: readonly OutputChunk[];
  /** null while running. */
  result: RunResult | null;
  /** Set while the interpreter is still starting (epoch ms). */
  loadingSince: number | null;
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
  return { text: `Exited with status ${result.exitCode ?? '?'} after ${seconds}.`, tone: 'bad' };
}

export function RunOutput({ chunks, result, loadingSince, expected }: RunOutputProps) {
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
      {loadingSince !== null && (
        <p class="aw-run-note">
          Starting Python (first run only)… <Elapsed since={loadingSince} />
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
