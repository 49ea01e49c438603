import { PageHeader } from '@/components/PageHeader';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SearchBox } from '@/components/SearchBox';
import { ThisTabSummary } from '@/components/ThisTabSummary';
import { useActiveTab } from '@/components/hooks/use-active-tab';
import { useDb } from '@/components/hooks/use-db';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { useSearch } from '@/components/hooks/use-search';
import { useSettings } from '@/components/hooks/use-settings';
import { useTheme } from '@/components/hooks/use-theme';
import { useHiddenProblems } from '@/components/hooks/use-hidden';
import { useSyncEnabled } from '@/components/hooks/use-sync-enabled';
import { privacyTagline } from '@/components/privacy-text';
import { siteName } from '@/components/ThisTabSummary';
import { listSaved, removeSaved } from '@/utils/saved';
import { restoreDismissed } from '@/utils/dismissed';
import { siteOfUrl } from '@/utils/tab-site';
import { dueCountToday } from '@/utils/srs/queue';
import { openPanelFromPage, type PanelRequest } from '@/utils/panel';

export function App() {
  const { settings } = useSettings();
  const theme = useTheme(settings.theme);
  const tab = useActiveTab();
  const db = useDb();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const { hits, ready } = useSearch(query);
  const due = useLiveQuery(() => dueCountToday(db, Date.now(), settings.srs), [settings.srs]);
  const saved = useLiveQuery(() => listSaved(db), []);
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
  const problemKey = problem ? `${problem.site}:${problem.slug}` : null;
  const site = problem?.site ?? siteOfUrl(tab.url);
  const siteOff = site !== null && settings.sites[site] === false ? siteName(site) : null;

  const search = (
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
  );

  return (
    <div class="aw-theme aw-page" data-theme={theme}>
      <PageHeader>
        <button type="button" class="aw-link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          Options
        </button>
      </PageHeader>
      <main class="aw-page-main">
        {search}
        {!query && (
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
                <button type="button" class="aw-link-button" onClick={() => void restoreDismissed(problemKey)}>
                  Show the badge here again
                </button>
              </p>
            )}
          </section>
        )}
        {!query && (
          <>
            <section class="aw-section" aria-labelledby="due-today">
              <h2 id="due-today">Flashcards</h2>
              <div class="aw-due" aria-live="polite">
                {due.status === 'ready' ? (
                  <span data-testid="due-count">
                    <strong>{due.value.total}</strong> {due.value.total === 1 ? 'card' : 'cards'} due today
                  </span>
                ) : due.status === 'error' ? (
                  <span class="aw-error-box">Could not read your flashcards: {due.error.message}</span>
                ) : (
                  <span class="aw-muted">Counting…</span>
                )}
                {due.status === 'ready' && due.value.total > 0 && (
                  <button type="button" class="aw-button" onClick={() => openPanel({ view: 'review' })}>
                    Review now
                  </button>
                )}
              </div>
            </section>
            <section class="aw-section" aria-labelledby="saved">
              <h2 id="saved">Saved for later</h2>
              {saved.status === 'ready' && saved.value.length === 0 && (
                <p class="aw-muted">Nothing saved yet. Use “Save for later” in the side panel on a problem page.</p>
              )}
              {saved.status === 'ready' && saved.value.length > 0 && (
                <ul class="aw-saved" data-testid="saved-list">
                  {saved.value.slice(0, 6).map((item) => (
                    <li key={item.url}>
                      <a href={item.url} target="_blank" rel="noreferrer">
                        {item.title || item.slug}
                      </a>
                      <button
                        type="button"
                        class="aw-link-button"
                        aria-label={`Remove ${item.title || item.slug} from saved`}
                        onClick={() => void removeSaved(db, item.url)}
                      >
                        Remove
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              {saved.status === 'error' && (
                <p class="aw-error-box">Could not read saved problems: {saved.error.message}</p>
              )}
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
