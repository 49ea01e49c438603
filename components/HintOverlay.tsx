import type { LintFinding } from '@/utils/lint';
import { BADGE_TITLE, badgeLabel, badgeName } from '@/utils/badge-label';
import type { PageFindings } from '@/utils/page-findings';
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
  /** What the linter found in the page's editor; null until it has run. */
  findings: PageFindings | null;
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
  /** Opens the practice problem in the side panel's workbench. */
  onSolveHere: (practiceId: string) => void;
  onAddCards: () => void;
  onHide: () => void;
  onSelectFinding: (finding: LintFinding) => void;
}

/** "Solve it here (5 tests)". */
export const solveHereLabel = (tests: number): string => `Solve it here (${tests} ${tests === 1 ? 'test' : 'tests'})`;

/**
 * The in-page badge and its popover. Everything it shows is plain text from our own data or the linter.
 * The badge's words are drawn by CSS from its attributes (utils/loader/badge.css), as the loader draws
 * them, so the page's window.find() does not find them; the popover's text exists only while it is open.
 */
export function HintOverlay(props: HintOverlayProps) {
  const { view, theme, open, floating, revealed, findings } = props;
  const topCards = cardsToAdd(view.cards);
  const findingCount = findings ? Math.max(findings.total, findings.findings.length) : 0;
  const label = badgeLabel(view);
  return (
    <div class={`aw-theme aw-overlay${floating ? ' aw-floating' : ''}`} data-theme={theme}>
      <button
        type="button"
        class="aw-badge"
        aria-expanded={open}
        aria-controls={open ? 'aw-popover' : undefined}
        aria-label={badgeName(label, findingCount)}
        data-label={label}
        onClick={props.onToggle}
        title={BADGE_TITLE}
      >
        <span class="aw-badge-mark" aria-hidden="true" />
        {findingCount > 0 && <span class="aw-badge-count" aria-hidden="true" data-count={findingCount} />}
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
                doneAction={
                  <button type="button" class="aw-button" onClick={() => props.onSolveHere(view.practice!.id)}>
                    {solveHereLabel(view.practice.tests)}
                  </button>
                }
              />
            </div>
          )}
          {findings && findings.findings.length > 0 && (
            <div class="aw-block">
              <h3>In your code</h3>
              <FindingList findings={findings.findings} total={findings.total} onSelect={props.onSelectFinding} />
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
            <button type="button" class="aw-link-button" onClick={props.onHide}>
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
