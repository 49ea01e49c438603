import { useEffect, useState } from 'preact/hooks';
import type { Snippet } from '@/utils/knowledge-types';
import { linesFromMarks } from '@/utils/highlight';

export interface CodeBlockProps {
  snippet: Snippet;
  /** Copies the code; the caller decides how (clipboard API in extension pages). */
  onCopy?: (code: string) => void | Promise<void>;
  /** A line (from 1) to mark, e.g. the one the timeline points at. */
  highlightLine?: number | null;
  /** Offers "See the timeline" beside the verified output. */
  onSeeTimeline?: () => void;
}

/** A snippet highlighted at build time: tokens become spans with classes, never HTML strings. */
export const COPIED_MS = 2000;

export function CodeBlock({ snippet, onCopy, highlightLine, onSeeTimeline }: CodeBlockProps) {
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  // "Copied" is a moment's confirmation, then the button is a Copy button again.
  useEffect(() => {
    if (copied === 'idle') return;
    const timer = setTimeout(() => setCopied('idle'), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copied]);
  // Never rejects: a failed copy becomes the button's "Copy failed".
  const copy = async () => {
    try {
      await onCopy?.(snippet.code);
      setCopied('done');
    } catch {
      setCopied('failed');
    }
  };
  const tags = [
    snippet.bad ? 'Wrong on purpose' : null,
    snippet.runnable ? 'Runs as is' : 'Needs packages or a newer Python',
    snippet.minPython ? `Python ${snippet.minPython}+` : null,
  ].filter(Boolean);
  return (
    <figure class={`aw-code${snippet.bad ? ' aw-code-bad' : ''}`}>
      <figcaption class="aw-code-bar">
        <span class="aw-code-tags">{tags.join(' · ')}</span>
        {onCopy && (
          <button type="button" class="aw-button aw-small" onClick={() => void copy()} aria-live="polite">
            {copied === 'done' ? 'Copied' : copied === 'failed' ? 'Copy failed' : 'Copy'}
          </button>
        )}
      </figcaption>
      {/* Long lines wrap at the panel's width, each continuation marked (theme.css): nothing scrolls sideways. */}
      <pre>
        <code>
          {linesFromMarks(snippet.code, snippet.marks).map((line, i) => (
            <span key={i} class={i + 1 === highlightLine ? 'aw-code-line aw-code-line-marked' : 'aw-code-line'}>
              {line.map((token, j) =>
                token.c ? (
                  <span key={j} class={`hl-${token.c}`}>
                    {token.t}
                  </span>
                ) : (
                  token.t
                ),
              )}
              {'\n'}
            </span>
          ))}
        </code>
      </pre>
      {snippet.output !== undefined && (
        <div class="aw-output">
          <span class="aw-output-label">Output</span>
          <pre>
            {snippet.output.split('\n').map((line, i, all) => (
              <span key={i} class="aw-code-line">
                {line}
                {i < all.length - 1 ? '\n' : ''}
              </span>
            ))}
          </pre>
          {onSeeTimeline && (
            <p class="aw-see-timeline">
              <button type="button" class="aw-link-button" onClick={onSeeTimeline}>
                See the timeline
              </button>{' '}
              of what the event loop did to print this
            </p>
          )}
        </div>
      )}
    </figure>
  );
}
