import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { PageHeader } from '@/components/PageHeader';
import { useChunk } from '@/components/hooks/use-chunk';
import { useEarlyKeys } from '@/components/hooks/use-early-keys';
import { useHashRoute, type Router } from '@/components/hooks/use-route';
import { useSettings } from '@/components/hooks/use-settings';
import { useTheme } from '@/components/hooks/use-theme';
import { watchPanelRequests } from '@/utils/panel';
import type { Route, RouteName } from '@/utils/routes';
/** Each view's name in the document title ("Review · Awaitwise"), for the window list and history. */
const TITLES: { [K in RouteName]: string } = {
  page: 'This page',
  browse: 'Browse',
  question: 'Question',
  practice: 'Practice',
  review: 'Review',
  stats: 'Stats',
  deck: 'Deck',
  quiz: 'Quiz',
  interview: 'Mock interview',
};

/** The views with a tab of their own, in tab order; the others (details) are reached from these. */
const TABS: readonly { view: RouteName; label: string }[] = [
  { view: 'page', label: 'This page' },
  { view: 'browse', label: 'Browse' },
  { view: 'review', label: 'Review' },
  { view: 'deck', label: 'Deck' },
  { view: 'stats', label: 'Stats' },
];

const copy = (code: string) => navigator.clipboard.writeText(code);

type ViewOf<K extends RouteName> = (props: { route: Extract<Route, { view: K }>; router: Router }) => ComponentChildren;

/**
 * What each address shows, each view a chunk of its own: the panel paints its header and tabs first, then
 * loads only the view it shows (and that view only the knowledge items it shows). Adding a route to
 * utils/routes.ts without a view here does not compile.
 */
const VIEWS: { [K in RouteName]: () => Promise<ViewOf<K>> } = {
  page: () =>
    import('./views/PageView').then(({ PageView }) => ({ router }) => (
      <PageView
        onOpenQuestion={(id) => router.navigate({ view: 'question', id })}
        onOpenPractice={(id) => router.navigate({ view: 'practice', id })}
        onBrowse={() => router.navigate({ view: 'browse' })}
        onCopy={copy}
      />
    )),
  browse: () =>
    import('./views/BrowseView').then(({ BrowseView }) => ({ route, router }) => (
      <BrowseView
        query={route.query ?? ''}
        onQuery={(query) => router.navigate({ view: 'browse', query }, { replace: true })}
        onOpen={(item) => router.navigate({ view: item.kind, id: item.id })}
      />
    )),
  question: () =>
    import('./views/QuestionView').then(({ QuestionView }) => ({ route, router }) => (
      <QuestionView
        key={route.id}
        id={route.id}
        onOpenQuestion={(id) => router.navigate({ view: 'question', id })}
        onCopy={copy}
      />
    )),
  practice: () =>
    import('./views/PracticeView').then(({ PracticeView }) => ({ route }) => (
      <PracticeView key={route.id} id={route.id} onCopy={copy} />
    )),
  review: () =>
    import('./views/ReviewView').then(({ ReviewView }) => ({ router }) => (
      <ReviewView
        onOpenQuestion={(id) => router.navigate({ view: 'question', id })}
        onBrowse={() => router.navigate({ view: 'browse' })}
        onInterview={() => router.navigate({ view: 'interview' })}
        onCopy={(code) => void copy(code)}
      />
    )),
  stats: () =>
    import('./views/StatsView').then(({ StatsView }) => ({ router }) => (
      <StatsView onInterview={() => router.navigate({ view: 'interview' })} />
    )),
  deck: () =>
    import('./views/DeckView').then(({ DeckView }) => ({ route, router }) => (
      <DeckView
        query={route.query ?? ''}
        onQuery={(query) => router.navigate({ view: 'deck', query }, { replace: true })}
        onOpenQuestion={(id) => router.navigate({ view: 'question', id })}
        onOpenQuiz={(id) => router.navigate({ view: 'quiz', id })}
        onBrowse={() => router.navigate({ view: 'browse' })}
      />
    )),
  quiz: () =>
    import('./views/QuizView').then(({ QuizView }) => ({ route, router }) => (
      <QuizView key={route.id} id={route.id} onOpenQuiz={(id) => router.navigate({ view: 'quiz', id })} onCopy={copy} />
    )),
  interview: () => import('./views/InterviewView').then(({ InterviewView }) => () => <InterviewView onCopy={copy} />),
};

/** Arrow keys, Home and End move to another tab and show it (automatic activation); Tab leaves the list. */
function moveAlongTabs(event: KeyboardEvent, navigate: Router['navigate']) {
  const focused = event.target instanceof Element ? event.target.id : '';
  const at = TABS.findIndex((t) => `tab-${t.view}` === focused);
  const last = TABS.length - 1;
  const to =
    event.key === 'ArrowRight' || event.key === 'ArrowDown'
      ? (at + 1) % TABS.length
      : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
        ? at <= 0
          ? last
          : at - 1
        : event.key === 'Home'
          ? 0
          : event.key === 'End'
            ? last
            : null;
  if (at === -1 || to === null || event.altKey || event.ctrlKey || event.metaKey) return;
  event.preventDefault();
  const view = TABS[to]!.view;
  document.getElementById(`tab-${view}`)?.focus();
  navigate({ view } as Route);
}

/** A loaded view, drawing the route it is given (always its own: the map is keyed by the route's name). */
type LoadedView = (props: { route: Route; router: Router }) => ComponentChildren;
const loadedViews = new Map<RouteName, LoadedView>();

async function loadView<K extends RouteName>(name: K): Promise<void> {
  const view = await VIEWS[name]();
  loadedViews.set(name, ({ route, router }) =>
    route.view === name ? view({ route: narrow(route, name), router }) : null,
  );
}

const isViewLoaded = (name: RouteName) => loadedViews.has(name);

function narrow<K extends RouteName>(route: Route, name: K): Extract<Route, { view: K }> {
  if (route.view !== name) throw new Error(`route ${route.view} is not ${name}`);
  return route as Extract<Route, { view: K }>;
}

/** The route's view once its chunk has loaded (at once when it was loaded before), else null. */
function useView(name: RouteName): LoadedView | null {
  useChunk(name, isViewLoaded, loadView);
  return loadedViews.get(name) ?? null;
}

export function App() {
  const { settings } = useSettings();
  const theme = useTheme(settings.theme);
  const router = useHashRoute();
  const { route, navigate } = router;
  const tabbed = TABS.some((t) => t.view === route.view);
  const View = useView(route.view);
  useEarlyKeys(View !== null);
  const mainRef = useRef<HTMLDivElement>(null);
  const firstRoute = useRef(true);

  useEffect(() => {
    document.title = `${TITLES[route.view]} · Awaitwise`;
  }, [route.view]);

  // The overlay's and popup's "open in side panel" ask for a view through session storage.
  useEffect(() => watchPanelRequests((request) => navigate(request)), [navigate]);

  // A new view takes focus (after the first), so keyboard and screen-reader users land in it; a view that
  // placed focus itself (Review's card) keeps it. Views and their items are chunks that load after the route
  // changes, so focus moves once the view has rendered and is no longer busy loading.
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    const main = mainRef.current;
    if (!main) return;
    /** true when there is nothing left to do. */
    const place = () => {
      // Focus somewhere already (the view placed it, or the tab list, whose arrow keys move along the tabs in
      // the ARIA tabs pattern): leave it there.
      const active = document.activeElement;
      if (active && active !== document.body) return true;
      if (main.querySelector('[aria-busy="true"]')) return false;
      const target = main.querySelector<HTMLElement>('[data-autofocus], h2');
      if (!target) return false;
      if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
      target.focus({ preventScroll: false });
      return true;
    };
    if (place()) return;
    const observer = new MutationObserver(() => {
      if (place()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
    return () => observer.disconnect();
  }, [route]);

  const back = () => {
    if ((history.state as { awDepth?: number } | null)?.awDepth) history.back();
    else navigate({ view: 'browse' }, { replace: true });
  };

  return (
    <div class="aw-theme aw-page" data-theme={theme}>
      <PageHeader>
        <a href="/options.html" target="_blank" class="aw-link-button">
          Options
        </a>
      </PageHeader>
      <nav aria-label="Side panel views">
        <div class="aw-tabs" role="tablist" onKeyDown={(e) => moveAlongTabs(e, navigate)}>
          {TABS.map((t) => (
            <button
              key={t.view}
              type="button"
              role="tab"
              id={`tab-${t.view}`}
              aria-selected={route.view === t.view}
              aria-controls="panel-main"
              // One Tab stop for the list: the selected tab (the first when a detail view is showing).
              tabIndex={t.view === (tabbed ? route.view : TABS[0]!.view) ? 0 : -1}
              class="aw-tab"
              onClick={() => navigate({ view: t.view } as Route)}
            >
              {t.label}
            </button>
          ))}
        </div>
      </nav>
      <main id="panel-main" class="aw-page-main">
        <div
          ref={mainRef}
          role="tabpanel"
          aria-labelledby={tabbed ? `tab-${route.view}` : undefined}
          aria-label={tabbed ? undefined : 'Details'}
        >
          {!tabbed && (
            <button type="button" class="aw-link-button aw-back" onClick={back}>
              ← Back
            </button>
          )}
          {View ? <View route={route} router={router} /> : <p class="aw-muted" aria-busy="true" />}
        </div>
      </main>
    </div>
  );
}
