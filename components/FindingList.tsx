import type { LintFinding } from '@/utils/lint';
import { CodeText } from './CodeText';

export interface FindingListProps {
  findings: readonly LintFinding[];
  /** How many the linter found in all; more than `findings` when the list was capped. */
  total?: number;
  /** Called when the user picks a finding (e.g. to scroll the editor to its line). */
  onSelect?: (finding: LintFinding) => void;
  onOpenCard?: (cardId: string) => void;
}

export function FindingList({ findings, total, onSelect, onOpenCard }: FindingListProps) {
  if (findings.length === 0) return <p class="aw-muted">No asyncio problems found in your code so far.</p>;
  const more = Math.max(0, (total ?? findings.length) - findings.length);
  return (
    <>
      <ul class="aw-findings">
        {findings.map((f) => (
          <li key={`${f.line}:${f.col}:${f.rule}`} class={`aw-finding aw-${f.severity}`}>
            {onSelect ? (
              <button type="button" class="aw-line" onClick={() => onSelect(f)} aria-label={`Go to line ${f.line}`}>
                L{f.line}
              </button>
            ) : (
              <span class="aw-line">L{f.line}</span>
            )}
            <span class="aw-finding-text">
              <CodeText text={f.message} />
              {f.ref && <span class="aw-ref"> ({f.ref})</span>}
            </span>
            {onOpenCard && (
              <button type="button" class="aw-link-button" onClick={() => onOpenCard(f.card)}>
                Why?
              </button>
            )}
          </li>
        ))}
      </ul>
      {more > 0 && (
        // Capped so one huge file cannot fill the tab's storage; the cut is said, not hidden.
        <p class="aw-muted aw-findings-more">
          {more.toLocaleString('en')} more {more === 1 ? 'finding' : 'findings'} not shown: fix these first, or check
          the code in smaller parts.
        </p>
      )}
    </>
  );
}
