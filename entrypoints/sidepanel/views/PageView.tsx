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
import { fundamentalsFirst } from '@/utils/knowledge';
import { useKnowledgeItem } from '@/components/hooks/use-knowledge-item';
import { problemKeyOf } from '@/utils/page-view';
import { addCards } from '@/utils/srs/repository';
import { PageMatches, type PageMatchesProps } from '@/components/PageMatches';
import { conceptNames } from './names';

export interface PageViewProps {
  onOpenQuestion: (id: string) => void;
  onOpenPractice: (id: string) => void;
  onBrowse: () => void;
  onCopy: (code: string) => Promise<void>;
}

type AddState = PageMatchesProps['addState'];

/** "This page": what was detected on the active tab, followed as the user switches tabs. */
export function PageView({ onOpenQuestion, onOpenPractice, onBrowse, onCopy }: PageViewProps) {
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
  const saved = useLiveQuery(async () => (problemUrl ? isSaved(db, problemUrl) : false), [problemUrl]);
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
    <PageMatches
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
