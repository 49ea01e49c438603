import { PageHeader } from '@/components/PageHeader';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SearchBox } from '@/components/SearchBox';
import { ThisTabSummary, siteName } from '@/components/ThisTabSummary';
import { useActiveTab } from '@/components/hooks/use-active-tab';
import { useSearch } from '@/components/hooks/use-search';
import { useSettings } from '@/components/hooks/use-settings';
import { useTheme } from '@/components/hooks/use-theme';
import { useHiddenProblems } from '@/components/hooks/use-hidden';
import { useSyncEnabled } from '@/components/hooks/use-sync-enabled';
import { privacyTagline } from '@/components/privacy-text';
import { unhideProblem } from '@/utils/hidden';
import { problemKeyOf } from '@/utils/page-view';
import { siteForUrl } from '@/utils/sites/registry';
import { openPanelFromPage, type PanelRequest } from '@/utils/panel';

type DeckModule = typeof import('./DeckSections');

/** The flashcard parts, loaded once the popup has painted. */
function useDeckSections(): DeckModule | null {
  const [deck, setDeck] = useState<DeckModule | null>(null);
  useEffect(() => {
    let alive = true;
    void import('./DeckSections').then((module) => alive && setDeck(module));
    return () => {
      alive = false;
    };
  }, []);
  return deck;
}

export function App() {
  const { settings } = useSettings();
  const theme = useTheme(settings.theme);
  const tab = useActiveTab();
  const deck = useDeckSections();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const { hits, ready } = useSearch(query);
  const [panelRefused, setPanelRefused] = useState(false);
  const syncEnabled = useSyncEnabled();

  const openPanel = (request: PanelRequest) => {
    void openPanelFromPage(request, tab.windowId).then((ok) => {
      setPanelRefused(!ok);
      if (ok) window.close();
    });
  };
  const detected = tab.status === 'ready' && tab.state !== null;
  const hidden = useHiddenProblems();
  const problem = tab.state?.problem;
  const problemKey = problem ? problemKeyOf(problem) : null;
  const site = problem?.site ?? siteForUrl(tab.url)?.id ?? null;
  const siteOff =
    site !== null && (settings.sites[site] === false || tab.page === 'site-off') ? siteName(site) : null;

  return (
    <div class="aw-theme aw-page" data-theme={theme}>
      <PageHeader>
        <button type="button" class="aw-link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          Options
        </button>
      </PageHeader>
      <main class="aw-page-main">
        <SearchBox
          id="popup-search"
          query={query}
          hits={hits}
          ready={ready}
          activeIndex={Math.min(active, Math.max(hits.length - 1, 0))}
          onQuery={(q) => {
            setQuery(q);
            setActive(0);
          }}
          onActive={setActive}
          onPick={(hit) => openPanel({ view: hit.kind, id: hit.id })}
          autoFocus={!detected}
        />
        {!query && (
          <>
            {/* One line, above the tab's matches: what is due must not fall below the popup's fold. */}
            <section class="aw-section" aria-labelledby="due-today">
              <h2 id="due-today">Flashcards</h2>
              <div class="aw-due" aria-live="polite">
                {deck ? (
                  <deck.DueToday srs={settings.srs} onReview={() => openPanel({ view: 'review' })} />
                ) : (
                  <span class="aw-muted">Counting…</span>
                )}
              </div>
            </section>
            <section class="aw-section" aria-labelledby="this-tab">
              <h2 id="this-tab">This tab</h2>
              <ThisTabSummary
                state={tab.state}
                loading={tab.status === 'loading'}
                limit={3}
                siteOff={siteOff}
                onOpenQuestion={(id) => openPanel({ view: 'question', id })}
              />
              {problemKey && hidden?.includes(problemKey) && (
                <p class="aw-note" data-testid="badge-hidden">
                  You hid the badge on this problem.{' '}
                  <button type="button" class="aw-link-button" onClick={() => void unhideProblem(problemKey)}>
                    Show the badge here again
                  </button>
                </p>
              )}
            </section>
            <section class="aw-section" aria-labelledby="saved">
              <h2 id="saved">Saved for later</h2>
              {deck ? <deck.SavedList /> : <p class="aw-muted">Loading…</p>}
            </section>
          </>
        )}
        {panelRefused && (
          <p class="aw-error-box" role="alert">
            The browser did not open the side panel. Try the keyboard shortcut (Alt+Shift+A).
          </p>
        )}
      </main>
      <footer class="aw-page-foot">
        <button type="button" class="aw-button aw-secondary" onClick={() => openPanel({ view: 'page' })}>
          Open side panel
        </button>
        <a
          class="aw-muted aw-tagline"
          href="/options.html#sync-heading"
          target="_blank"
          rel="noreferrer"
          title="Progress syncs through your browser's own sync when it is on: see Options"
        >
          {privacyTagline(syncEnabled)}
        </a>
      </footer>
    </div>
  );
}
