/** A Timeline behind a "Show the timeline" button, for lists of runs such as a practice suite's tests. */
import { useState } from 'preact/hooks';
import type { PackedTrace } from '@/utils/trace/packed';
import { Timeline } from './Timeline';

export interface TimelineToggleProps {
  trace: PackedTrace;
  /** Names the timeline, e.g. `Timeline of the test "..."`. */
  label: string;
  onLine?: (line: number | null) => void;
  /** Opened from the start (a test that failed on concurrency). */
  open?: boolean;
}

export function TimelineToggle({ trace, label, onLine, open = false }: TimelineToggleProps) {
  const [shown, setShown] = useState(open);
  return (
    <div class="aw-tl-toggle">
      <button type="button" class="aw-link-button" aria-expanded={shown} onClick={() => setShown(!shown)}>
        {shown ? 'Hide the timeline' : 'Show the timeline'}
      </button>
      {shown && <Timeline trace={trace} label={label} onLine={onLine} />}
    </div>
  );
}
