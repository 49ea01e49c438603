import type { ComponentChildren } from 'preact';
import { CodeText } from './CodeText';
const LABELS = ['Nudge', 'Approach', 'Near-solution'] as const;

export interface HintStepsProps {
  hints: readonly string[];
  /** How many hints are shown (0–3). */
  revealed: number;
  onReveal: (next: number) => void;
  /** Said after the last hint: where the solution is, from where these hints are shown. */
  doneNote?: string;
  /** Shown after the last hint, below the note (the overlay's "Solve it here"). */
  doneAction?: ComponentChildren;
}

/** Progressive hints: each one is asked for explicitly, so the user decides how much help to take. */
export function HintSteps({ hints, revealed, onReveal, doneNote = 'That is every hint.', doneAction }: HintStepsProps) {
  const shown = hints.slice(0, revealed);
  return (
    <div class="aw-hints">
      <ol class="aw-hint-list">
        {shown.map((hint, i) => (
          <li key={i} class="aw-hint">
            <span class="aw-hint-label">{LABELS[i] ?? `Hint ${i + 1}`}</span>
            <span>
              <CodeText text={hint} />
            </span>
          </li>
        ))}
      </ol>
      {revealed < hints.length ? (
        <button type="button" class="aw-button" onClick={() => onReveal(revealed + 1)}>
          {revealed === 0 ? 'Show the first hint' : `Show hint ${revealed + 1}: ${LABELS[revealed] ?? ''}`}
        </button>
      ) : (
        <>
          <p class="aw-muted">{doneNote}</p>
          {doneAction}
        </>
      )}
    </div>
  );
}
