import { CardSummaryList } from '@/components/CardSummaryList';
import { ConceptChips } from '@/components/ConceptChips';
import { FindingList } from '@/components/FindingList';
import { PracticeView } from '@/components/PracticeView';
import { siteName } from '@/components/ThisTabSummary';
import { useEffect, useState } from 'preact/hooks';
import { useActiveTab } from '@/components/hooks/use-active-tab';
import { useDb } from '@/components/hooks/use-db';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { cardsToAdd } from '@/components/add-set';
import { useHiddenProblems } from '@/components/hooks/use-hidden';
import { useSettings } from '@/components/hooks/use-settings';
import { isSaved, removeSaved, saveProblem } from '@/utils/saved';
import { unhideProblem } from '@/utils/hidden';
import { siteForUrl } from '@/utils/sites/registry';
import { usePageFindings } from '@/components/hooks/use-page-findings';
import { solveHereLabel } from '@/components/HintOverlay';
import type { PageFindings } from '@/utils/page-findings';
import { fundamentalsFirst } from '@/utils/knowledge';
import { useKnowledgeItem } from '@/components/hooks/use-knowledge-item';
import type { PracticeProblem } from '@/utils/knowledge-types';
import { problemKeyOf, type TabState } from '@/utils/page-view';
import { addCards } from '@/utils/srs/repository';
import { conceptNames } from './names';

export interface ThisPageViewProps {
  onOpenQuestion: (id: string) => void;
  onOpenPractice: (id: string) => void;
  onBrowse: () => void;
  onCopy: (code: string) => Promise<void>;
}

type AddState = ThisPageProps['addState'];

/** "This page": what was detected on the active tab, followed as the user switches tabs. */
export function ThisPageView({ onOpenQuestion, onOpenPractice, onBrowse, onCopy }: ThisPageViewProps) {
  const db = useDb();
  const tab = useActiveTab();
  const { settings } = useSettings();
  const hidden = useHiddenProblems();
  const [addState, setAddState] = useState<AddState>('idle');
  const [addedCount, setAddedCount] = useState(0);
  const problemUrl = tab.state?.problem.url;
  const findings = usePageFindings(tab.tabId, problemUrl);
  const practice = useKnowledgeItem('practice', tab.state?.view.practice?.id);
  useEffect(() => setAddState('idle'), [problemUrl]);
  const saved = useLiveQuery(
    async () => (problemUrl ? isSaved(db, problemUrl) : false),
    [problemUrl],
  );
  const addIds = tab.state ? cardsToAdd(tab.state.view.cards).map((c) => c.id) : [];
  const inDeck = useLiveQuery(async () => (await db.cards.bulkGet(addIds)).filter(Boolean).length, [addIds.join(',')]);

  const addMatching = async () => {
    setAddState('adding');
    try {
      const result = await addCards(db, addIds, 'problem', Date.now(), fundamentalsFirst);
      setAddedCount(result.added.length);
      setAddState('done');
    } catch (error) {
      console.error('[awaitwise] adding cards failed', error);
      setAddState('failed');
    }
  };

  const site = tab.state?.problem.site ?? siteForUrl(tab.url)?.id ?? null;
  const problem = tab.state?.problem;
  const problemKey = problem ? problemKeyOf(problem) : null;
  return (
    <ThisPage
      state={tab.state}
      loading={tab.status === 'loading'}
      siteOff={site !== null && (settings.sites[site] === false || tab.page === 'site-off') ? siteName(site) : null}
      findings={findings}
      badgeHidden={problemKey !== null && hidden !== null && hidden.includes(problemKey)}
      practice={practice.status === 'ready' ? practice.item : undefined}
      conceptNames={conceptNames}
      saved={saved.status === 'ready' ? saved.value : null}
      addCount={addIds.length}
      alreadyInDeck={inDeck.status === 'ready' ? inDeck.value : null}
      addState={addState}
      addedCount={addedCount}
      onToggleSaved={() => {
        if (!problem) return;
        if (saved.status === 'ready' && saved.value) void removeSaved(db, problem.url);
        else void saveProblem(db, { url: problem.url, site: problem.site, slug: problem.slug, title: problem.title });
      }}
      onAddCards={() => void addMatching()}
      onShowBadge={() => problemKey && void unhideProblem(problemKey)}
      onOpenQuestion={onOpenQuestion}
      onOpenPractice={onOpenPractice}
      onBrowse={onBrowse}
      onCopy={onCopy}
    />
  );
}

export interface ThisPageProps {
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

function addLabel({ addState, addedCount, addCount, alreadyInDeck }: ThisPageProps): string {
  if (addState === 'done') return addedCount ? `Added ${addedCount} to your flashcards` : 'Already in your flashcards';
  if (alreadyInDeck !== null && alreadyInDeck >= addCount)
    return addCount === 1 ? 'It is in your flashcards' : `All ${addCount} are in your flashcards`;
  if (alreadyInDeck) return `Add the other ${addCount - alreadyInDeck} to my flashcards`;
  return addCount === 1 ? 'Add it to my flashcards' : `Add these ${addCount} to my flashcards`;
}

export function ThisPage(props: ThisPageProps) {
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
          <PracticeView
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
