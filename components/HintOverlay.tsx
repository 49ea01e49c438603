import type { LintFinding } from '@/utils/lint';
import type { PageView } from '@/utils/page-view';
import { CardSummaryList } from './CardSummaryList';
import { ConceptChips } from './ConceptChips';
import { FindingList } from './FindingList';
import { HintSteps } from './HintSteps';
import { CodeText } from './CodeText';
import { cardsToAdd } from './add-set';

export type AddState = 'idle' | 'adding' | 'added' | 'failed';

export interface HintOverlayProps {
  view: PageView;
  theme: 'light' | 'dark';
  open: boolean;
  /** Pinned to a page corner because the problem title could not be found. */
  floating: boolean;
  revealed: number;
  addState: AddState;
  addedCount: number;
  panelError: boolean;
  onToggle: () => void;
  onReveal: (next: number) => void;
  onOpenPanel: () => void;
  onAddCards: () => void;
  onDismiss: () => void;
  onSelectFinding: (finding: LintFinding) => void;
}

/** The in-page badge and its popover. Everything it shows is plain text from our own data or the linter. */
export function HintOverlay(props: HintOverlayProps) {
  const { view, theme, open, floating, revealed } = props;
  const hintCount = view.practice?.hints.length ?? 0;
  const topCards = cardsToAdd(view.cards);
  const findingCount = Math.max(view.findingsTotal ?? 0, view.findings.length);
  const label = hintCount
    ? `${hintCount} asyncio hints`
    : `${topCards.length} asyncio ${topCards.length === 1 ? 'question' : 'questions'}`;
  return (
    <div class={`aw-theme aw-overlay${floating ? ' aw-floating' : ''}`} data-theme={theme}>
      <button
        type="button"
        class="aw-badge"
        aria-expanded={open}
        aria-controls="aw-popover"
        // Read as what it is: "3 asyncio hints, 2 code findings", not "aw 3 asyncio hints 2".
        aria-label={
          findingCount > 0 ? `${label}, ${findingCount} code ${findingCount === 1 ? 'finding' : 'findings'}` : label
        }
        onClick={props.onToggle}
        title="Awaitwise: asyncio hints for this problem"
      >
        <span class="aw-badge-mark" aria-hidden="true">
          aw
        </span>
        <span>{label}</span>
        {findingCount > 0 && (
          <span class="aw-badge-count" aria-label={`${findingCount} code findings`}>
            {findingCount}
          </span>
        )}
      </button>
      {open && (
        <section id="aw-popover" class="aw-popover" role="dialog" aria-label="Awaitwise hints">
          <header class="aw-popover-head">
            <h2>
              {view.practice ? (
                <>
                  Practice: <CodeText text={view.practice.title} />
                </>
              ) : (
                'Asyncio on this problem'
              )}
            </h2>
            <button type="button" class="aw-icon-button" onClick={props.onToggle} aria-label="Close hints">
              ×
            </button>
          </header>
          <ConceptChips concepts={view.concepts} label="Concepts detected" />
          {view.practice && (
            <div class="aw-block">
              <h3>Hints</h3>
              {view.practice.solved && (
                <p class="aw-note aw-solved">You solved the asyncio version of this problem in the workbench.</p>
              )}
              {view.practice.asyncioVersionOfThreads && (
                <p class="aw-note">
                  This problem is set with threads; these hints are for its asyncio version (tasks and asyncio
                  primitives instead of threading).
                </p>
              )}
              <HintSteps
                hints={view.practice.hints}
                revealed={revealed}
                onReveal={props.onReveal}
                doneNote="That is every hint. The full solution is in the side panel."
              />
            </div>
          )}
          {view.findings.length > 0 && (
            <div class="aw-block">
              <h3>In your code</h3>
              <FindingList findings={view.findings} total={view.findingsTotal} onSelect={props.onSelectFinding} />
            </div>
          )}
          {topCards.length > 0 && (
            <div class="aw-block">
              <h3>Interview questions</h3>
              <CardSummaryList cards={topCards} />
            </div>
          )}
          <footer class="aw-actions">
            <button type="button" class="aw-button" onClick={props.onOpenPanel}>
              Open in side panel
            </button>
            <button
              type="button"
              class="aw-button aw-secondary"
              onClick={props.onAddCards}
              disabled={props.addState === 'adding' || props.addState === 'added'}
            >
              {props.addState === 'added'
                ? props.addedCount > 0
                  ? `Added ${props.addedCount} to flashcards`
                  : 'Already in your flashcards'
                : 'Add these to my flashcards'}
            </button>
            <button type="button" class="aw-link-button" onClick={props.onDismiss}>
              Hide on this page
            </button>
          </footer>
          {props.addState === 'failed' && (
            <p class="aw-error-box">Could not add the cards. Try again from the side panel.</p>
          )}
          {props.panelError && (
            <p class="aw-error-box">The browser did not open the side panel. Use the toolbar button, or Alt+Shift+A.</p>
          )}
        </section>
      )}
    </div>
  );
}
