import { CardSummaryList } from '@/components/CardSummaryList';
import { ConceptChips } from '@/components/ConceptChips';
import { FindingList } from '@/components/FindingList';
import { PracticeView } from '@/components/PracticeView';
import { siteName } from '@/components/ThisTabSummary';
import { useEffect, useState } from 'preact/hooks';
import { useActiveTab } from '@/components/hooks/use-active-tab';
import { useDb } from '@/components/hooks/use-db';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { saveProblem } from '@/utils/db';
import { fundamentalsFirst, practiceById } from '@/utils/knowledge';
import type { PracticeProblem } from '@/utils/knowledge-types';
import type { TabState } from '@/utils/page-view';
import { addCards } from '@/utils/srs/repository';
import { conceptNames } from './names';

export interface ThisPageViewProps {
  onOpenQuestion(id: string): void;
  onBrowse(): void;
  onCopy(code: string): Promise<void>;
}

type AddState = ThisPageProps['addState'];

/** "This page": what was detected on the active tab, followed as the user switches tabs. */
export function ThisPageView({ onOpenQuestion, onBrowse, onCopy }: ThisPageViewProps) {
  const db = useDb();
  const tab = useActiveTab();
  const [addState, setAddState] = useState<AddState>('idle');
  const [addedCount, setAddedCount] = useState(0);
  const problemUrl = tab.state?.problem.url;
  useEffect(() => setAddState('idle'), [problemUrl]);
  const saved = useLiveQuery(
    async () => (problemUrl ? (await db.saved.get(problemUrl)) !== undefined : false),
    [problemUrl],
  );

  const addMatching = async () => {
    const ids = tab.state?.view.cards.map((c) => c.id) ?? [];
    setAddState('adding');
    try {
      const result = await addCards(db, ids, 'problem', Date.now(), fundamentalsFirst);
      setAddedCount(result.added.length);
      setAddState('done');
    } catch (error) {
      console.error('[awaitwise] adding cards failed', error);
      setAddState('failed');
    }
  };

  return (
    <ThisPage
      state={tab.state}
      loading={tab.status === 'loading'}
      practice={tab.state?.view.practice ? practiceById.get(tab.state.view.practice.id) : undefined}
      conceptNames={conceptNames}
      saved={saved.status === 'ready' ? saved.value : null}
      addState={addState}
      addedCount={addedCount}
      onSave={() => {
        const p = tab.state?.problem;
        if (p) void saveProblem(db, { url: p.url, site: p.site, slug: p.slug, title: p.title });
      }}
      onAddCards={() => void addMatching()}
      onOpenQuestion={onOpenQuestion}
      onBrowse={onBrowse}
      onCopy={onCopy}
    />
  );
}

export interface ThisPageProps {
  state: TabState | null;
  loading: boolean;
  practice: PracticeProblem | undefined;
  conceptNames: ReadonlyMap<string, string>;
  saved: boolean | null;
  addState: 'idle' | 'adding' | 'done' | 'failed';
  addedCount: number;
  onSave(): void;
  onAddCards(): void;
  onOpenQuestion(id: string): void;
  onBrowse(): void;
  onCopy(code: string): Promise<void>;
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
        <div class="aw-row">
          <button type="button" class="aw-button aw-secondary" disabled={props.saved !== false} onClick={props.onSave}>
            {props.saved ? 'Saved for later' : 'Save for later'}
          </button>
          <button
            type="button"
            class="aw-button aw-secondary"
            disabled={props.addState === 'adding' || props.addState === 'done' || view.cards.length === 0}
            onClick={props.onAddCards}
          >
            {props.addState === 'done'
              ? props.addedCount
                ? `Added ${props.addedCount} flashcards`
                : 'Already in your flashcards'
              : 'Add matching questions to flashcards'}
          </button>
        </div>
        {props.addState === 'failed' && <p class="aw-error-box">Could not add the flashcards. Please try again.</p>}
      </section>
      {view.findings.length > 0 && (
        <section class="aw-section" aria-labelledby="findings">
          <h2 id="findings">In your code</h2>
          <FindingList findings={view.findings} onOpenCard={props.onOpenQuestion} />
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
