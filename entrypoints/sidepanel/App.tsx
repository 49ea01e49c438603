import { PageHeader } from '@/components/PageHeader';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { BrowseView } from '@/components/BrowseView';
import { PracticeView } from '@/components/PracticeView';
import { QuestionView } from '@/components/QuestionView';
import { ReviewView } from '@/components/ReviewView';
import { StatsView } from '@/components/StatsView';
import { useActiveTab } from '@/components/hooks/use-active-tab';
import { useDb } from '@/components/hooks/use-db';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { useSearchIndex } from '@/components/hooks/use-search';
import { useSettings } from '@/components/hooks/use-settings';
import { useTheme } from '@/components/hooks/use-theme';
import { browseEntries, filterEntries } from '@/utils/browse';
import { saveProblem } from '@/utils/db';
import { conceptById, fundamentalsFirst, knowledge, practiceById, questionById } from '@/utils/knowledge';
import type { Difficulty } from '@/utils/knowledge-types';
import { watchPanelRequests, type PanelRequest } from '@/utils/panel';
import { addCards, getCard, removeCard } from '@/utils/srs/repository';
import { ThisPage } from './ThisPage';
import { QuizView } from './views/QuizView';

type Tab = 'page' | 'browse' | 'review' | 'stats';
type Detail = { kind: 'question' | 'practice' | 'quiz'; id: string } | null;

const TABS: { id: Tab; label: string }[] = [
  { id: 'page', label: 'This page' },
  { id: 'browse', label: 'Browse' },
  { id: 'review', label: 'Review' },
  { id: 'stats', label: 'Stats' },
];

const conceptNames: ReadonlyMap<string, string> = new Map([...conceptById].map(([id, c]) => [id, c.name]));
const questionTitles: ReadonlyMap<string, string> = new Map([...questionById].map(([id, q]) => [id, q.question]));
const entries = browseEntries(knowledge);

const copy = (code: string) => navigator.clipboard.writeText(code);

export function App() {
  const { settings } = useSettings();
  const theme = useTheme(settings.theme);
  const db = useDb();
  const tab = useActiveTab();
  const [current, setCurrent] = useState<Tab>('page');
  const [detail, setDetail] = useState<Detail>(null);
  const [history, setHistory] = useState<Detail[]>([]);
  const [query, setQuery] = useState('');
  const [topic, setTopic] = useState('');
  const [difficulty, setDifficulty] = useState<Difficulty | ''>('');
  const [addState, setAddState] = useState<'idle' | 'adding' | 'done' | 'failed'>('idle');
  const [addedCount, setAddedCount] = useState(0);

  const open = (next: Detail) => {
    setHistory((h) => (detail ? [...h, detail] : h));
    setDetail(next);
  };
  const back = () => {
    setDetail(history[history.length - 1] ?? null);
    setHistory((h) => h.slice(0, -1));
  };
  const switchTab = (next: Tab) => {
    setCurrent(next);
    setDetail(null);
    setHistory([]);
  };

  useEffect(
    () =>
      watchPanelRequests((request: PanelRequest) => {
        if (request.view === 'question' || request.view === 'practice' || request.view === 'quiz') {
          setDetail({ kind: request.view, id: request.id });
          setHistory([]);
        } else {
          switchTab(request.view);
          if (request.view === 'browse' && request.query) setQuery(request.query);
        }
      }),
    [],
  );

  const problemUrl = tab.state?.problem.url;
  useEffect(() => setAddState('idle'), [problemUrl]);
  const saved = useLiveQuery(
    async () => (problemUrl ? (await db.saved.get(problemUrl)) !== undefined : false),
    [problemUrl],
  );
  const detailCard = useLiveQuery(
    async () => (detail?.kind === 'question' ? ((await getCard(db, detail.id)) ?? null) : null),
    [detail?.kind, detail?.id],
  );
  const index = useSearchIndex();
  const items = useMemo(
    () => filterEntries(entries, { query: index ? query : '', topic, difficulty }, index),
    [query, topic, difficulty, index],
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

  const body = () => {
    if (detail?.kind === 'question') {
      const card = questionById.get(detail.id);
      if (!card) return <p class="aw-error-box">That question no longer exists.</p>;
      const inDeck = detailCard.status === 'ready' ? detailCard.value !== null : null;
      return (
        <QuestionView
          key={card.id}
          card={card}
          conceptNames={conceptNames}
          relatedTitles={questionTitles}
          inDeck={inDeck}
          onToggleDeck={() =>
            void (inDeck ? removeCard(db, card.id) : addCards(db, [card.id], 'manual', Date.now(), fundamentalsFirst))
          }
          onOpenQuestion={(id) => open({ kind: 'question', id })}
          onCopy={copy}
        />
      );
    }
    if (detail?.kind === 'quiz') {
      return (
        <QuizView key={detail.id} id={detail.id} onOpenQuiz={(id) => setDetail({ kind: 'quiz', id })} onCopy={copy} />
      );
    }
    if (detail?.kind === 'practice') {
      const problem = practiceById.get(detail.id);
      if (!problem) return <p class="aw-error-box">That practice problem no longer exists.</p>;
      return <PracticeView key={problem.id} problem={problem} conceptNames={conceptNames} onCopy={copy} />;
    }
    switch (current) {
      case 'page':
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
            onOpenQuestion={(id) => open({ kind: 'question', id })}
            onBrowse={() => switchTab('browse')}
            onCopy={copy}
          />
        );
      case 'browse':
        return (
          <BrowseView
            query={query}
            topic={topic}
            difficulty={difficulty}
            topics={knowledge.concepts}
            items={items}
            onQuery={setQuery}
            onTopic={setTopic}
            onDifficulty={setDifficulty}
            onOpen={(item) => open({ kind: item.kind, id: item.id })}
          />
        );
      case 'review':
        return <ReviewView onOpenQuestion={(id) => open({ kind: 'question', id })} />;
      case 'stats':
        return <StatsView />;
    }
  };

  return (
    <div class="aw-theme aw-page" data-theme={theme}>
      <PageHeader>
        <a href="/options.html" target="_blank" class="aw-link-button">
          Options
        </a>
      </PageHeader>
      <nav aria-label="Side panel views">
        <div class="aw-tabs" role="tablist">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={current === t.id && !detail}
              aria-controls="panel-main"
              class="aw-tab"
              onClick={() => switchTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
      </nav>
      <main id="panel-main" class="aw-page-main">
        <div role="tabpanel" aria-labelledby={`tab-${current}`}>
          {detail && (
            <button type="button" class="aw-link-button aw-back" onClick={back}>
              ← Back
            </button>
          )}
          {body()}
        </div>
      </main>
    </div>
  );
}
