/** "This page" as the user sees it: the active tab's problem, its matches, the practice problem and findings. */
import type { PageFindings } from '@/utils/page-findings';
import type { PracticeProblem } from '@/utils/knowledge-types';
import type { TabState } from '@/utils/page-view';
import { CardSummaryList } from './CardSummaryList';
import { ConceptChips } from './ConceptChips';
import { FindingList } from './FindingList';
import { solveHereLabel } from './HintOverlay';
import { PracticeDetail } from './PracticeDetail';
import { siteName } from './ThisTabSummary';

export interface PageMatchesProps {
  state: TabState | null;
  loading: boolean;
  /** The site's name when the active tab is on a site turned off in Options. */
  siteOff: string | null;
  /** What the overlay's linter found in the page's code (null before it has run). */
  findings: PageFindings | null;
  /** The user hid the badge on this problem. */
  badgeHidden: boolean;
  practice: PracticeProblem | undefined;
  conceptNames: ReadonlyMap<string, string>;
  saved: boolean | null;
  /** How many questions "Add these" adds, and how many of them are already in the deck (null: loading). */
  addCount: number;
  alreadyInDeck: number | null;
  addState: 'idle' | 'adding' | 'done' | 'failed';
  addedCount: number;
  onToggleSaved: () => void;
  onAddCards: () => void;
  onShowBadge: () => void;
  onOpenQuestion: (id: string) => void;
  onOpenPractice: (id: string) => void;
  onBrowse: () => void;
  onCopy: (code: string) => Promise<void>;
}

function addLabel({ addState, addedCount, addCount, alreadyInDeck }: PageMatchesProps): string {
  if (addState === 'done') return addedCount ? `Added ${addedCount} to your flashcards` : 'Already in your flashcards';
  if (alreadyInDeck !== null && alreadyInDeck >= addCount)
    return addCount === 1 ? 'It is in your flashcards' : `All ${addCount} are in your flashcards`;
  if (alreadyInDeck) return `Add the other ${addCount - alreadyInDeck} to my flashcards`;
  return addCount === 1 ? 'Add it to my flashcards' : `Add these ${addCount} to my flashcards`;
}

export function PageMatches(props: PageMatchesProps) {
  const { state } = props;
  if (props.loading)
    return (
      <p class="aw-muted" aria-busy="true">
        Checking the active tab…
      </p>
    );
  if (!state) {
    if (props.siteOff)
      return (
        <div class="aw-empty" data-testid="site-off">
          <p>Hints are turned off for {props.siteOff}.</p>
          <p>
            Turn the site back on in{' '}
            <a href="/options.html" target="_blank" class="aw-link-button">
              Options
            </a>
            , or{' '}
            <button type="button" class="aw-link-button" onClick={props.onBrowse}>
              browse all questions
            </button>
            .
          </p>
        </div>
      );
    return (
      <div class="aw-empty" data-testid="no-detection">
        <p>No asyncio problem on the active tab.</p>
        <p>
          Open a concurrency problem on a supported site and this view follows it, or{' '}
          <button type="button" class="aw-link-button" onClick={props.onBrowse}>
            browse all questions
          </button>
          .
        </p>
      </div>
    );
  }
  const { problem, view } = state;
  const allIn = props.alreadyInDeck !== null && props.alreadyInDeck >= props.addCount;
  return (
    <div data-testid="detection">
      <section class="aw-section" aria-labelledby="problem-title">
        <h2 id="problem-title" class="aw-problem-title">
          {problem.title || problem.slug}
        </h2>
        <p class="aw-meta">
          {siteName(problem.site)}
          {problem.difficulty ? ` · ${problem.difficulty}` : ''}
        </p>
        <ConceptChips concepts={view.concepts} label="Concepts detected" />
        {view.practice && (
          // One step from the problem to its asyncio version in the workbench.
          <p>
            <button
              type="button"
              class="aw-button"
              data-testid="solve-here"
              onClick={() => props.onOpenPractice(view.practice!.id)}
            >
              {solveHereLabel(view.practice.tests)}
            </button>
          </p>
        )}
        {props.badgeHidden && (
          <p class="aw-note" data-testid="badge-hidden">
            You hid the badge on this problem.{' '}
            <button type="button" class="aw-link-button" onClick={props.onShowBadge}>
              Show the badge here again
            </button>
          </p>
        )}
        <div class="aw-row">
          {props.saved ? (
            <button type="button" class="aw-button aw-secondary" onClick={props.onToggleSaved}>
              Remove from saved
            </button>
          ) : (
            <button
              type="button"
              class="aw-button aw-secondary"
              disabled={props.saved === null}
              onClick={props.onToggleSaved}
            >
              Save for later
            </button>
          )}
          <button
            type="button"
            class="aw-button aw-secondary"
            disabled={props.addState === 'adding' || props.addState === 'done' || props.addCount === 0 || allIn}
            onClick={props.onAddCards}
          >
            {addLabel(props)}
          </button>
        </div>
        {props.addState === 'failed' && <p class="aw-error-box">Could not add the flashcards. Please try again.</p>}
      </section>
      {props.findings && props.findings.findings.length > 0 && (
        <section class="aw-section" aria-labelledby="findings">
          <h2 id="findings">In your code</h2>
          {props.findings.source === 'page' && (
            // Not the editor's own text: the lines the page rendered, which the page itself could have forged.
            <p class="aw-note" data-testid="code-unverified">
              Read from the page: the code as the page showed it, not verified as your editor's.
            </p>
          )}
          <FindingList
            findings={props.findings.findings}
            total={props.findings.total}
            onOpenCard={props.onOpenQuestion}
          />
        </section>
      )}
      {props.practice && (
        <section class="aw-section">
          <PracticeDetail
            key={props.practice.id}
            problem={props.practice}
            conceptNames={props.conceptNames}
            onCopy={props.onCopy}
          />
        </section>
      )}
      <section class="aw-section" aria-labelledby="matches">
        <h2 id="matches">Matching interview questions</h2>
        <CardSummaryList cards={view.cards} onOpen={props.onOpenQuestion} />
      </section>
    </div>
  );
}
