import type { TabState } from '@/utils/page-view';
// The registry holds no page-reading code, so the popup and side panel can import it.
import { SITE_IDS, SITE_NAMES } from '@/utils/sites/registry';
import { CardSummaryList } from './CardSummaryList';
import { ConceptChips } from './ConceptChips';

const NAMES: Readonly<Record<string, string>> = SITE_NAMES;
/** "LeetCode, HackerRank, … or NeetCode". */
const ALL_SITES = SITE_IDS.map((id) => SITE_NAMES[id])
  .join(', ')
  .replace(/, ([^,]*)$/, ' or $1');

/** The site's display name from the registry; an unknown id (an old stored record) shows as itself. */
export function siteName(site: string): string {
  return NAMES[site] ?? site;
}

export interface ThisTabSummaryProps {
  state: TabState | null;
  loading: boolean;
  /** How many matching questions to list. */
  limit: number;
  /** The site's name when the tab is on a supported site that is turned off in Options. */
  siteOff?: string | null;
  onOpenQuestion: (id: string) => void;
}

/** What was detected on the tab, or a plain statement that nothing was. */
export function ThisTabSummary({ state, loading, limit, siteOff, onOpenQuestion }: ThisTabSummaryProps) {
  if (loading)
    return (
      <p class="aw-muted" aria-busy="true">
        Checking this tab…
      </p>
    );
  if (!state && siteOff) {
    return (
      <p class="aw-empty" data-testid="site-off">
        Hints are turned off for {siteOff}. Turn the site back on in Options to see them here.
      </p>
    );
  }
  if (!state) {
    return (
      <p class="aw-empty" data-testid="no-detection">
        No asyncio problem on this page. Open a concurrency problem on {ALL_SITES}, or search above.
      </p>
    );
  }
  const { problem, view } = state;
  return (
    <div data-testid="detection">
      <p class="aw-problem-title">{problem.title || problem.slug}</p>
      <p class="aw-meta">
        {siteName(problem.site)}
        {problem.difficulty ? ` · ${problem.difficulty}` : ''}
        {problem.generic ? ' · read with the generic reader' : ''}
      </p>
      <ConceptChips concepts={view.concepts} label="Concepts detected" />
      {view.cards.length > 0 ? (
        <CardSummaryList
          cards={view.cards.slice(0, limit)}
          onOpen={onOpenQuestion}
          openLabel="Full answer in the side panel"
        />
      ) : (
        <p class="aw-muted">No matching questions yet.</p>
      )}
    </div>
  );
}
