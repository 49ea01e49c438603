import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { PageHeader } from '@/components/PageHeader';
import { useHashRoute, type Router } from '@/components/hooks/use-route';
import { useSettings } from '@/components/hooks/use-settings';
import { useTheme } from '@/components/hooks/use-theme';
import { watchPanelRequests } from '@/utils/panel';
import type { Route, RouteName } from '@/utils/routes';
import { BrowseView } from './views/BrowseView';
import { DeckView } from './views/DeckView';
import { InterviewView } from './views/InterviewView';
import { PracticePage } from './views/PracticePage';
import { QuestionPage } from './views/QuestionPage';
import { QuizView } from './views/QuizView';
import { ReviewView } from './views/ReviewView';
import { StatsView } from './views/StatsView';
import { ThisPageView } from './views/ThisPage';

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

/** What each address shows. Adding a route to utils/routes.ts without a view here does not compile. */
const VIEWS: { [K in RouteName]: ViewOf<K> } = {
  page: ({ router }) => (
    <ThisPageView
      onOpenQuestion={(id) => router.navigate({ view: 'question', id })}
      onBrowse={() => router.navigate({ view: 'browse' })}
      onCopy={copy}
    />
  ),
  browse: ({ route, router }) => (
    <BrowseView
      query={route.query ?? ''}
      onQuery={(query) => router.navigate({ view: 'browse', query }, { replace: true })}
      onOpen={(item) => router.navigate({ view: item.kind, id: item.id })}
    />
  ),
  question: ({ route, router }) => (
    <QuestionPage
      key={route.id}
      id={route.id}
      onOpenQuestion={(id) => router.navigate({ view: 'question', id })}
      onCopy={copy}
    />
  ),
  practice: ({ route }) => <PracticePage key={route.id} id={route.id} onCopy={copy} />,
  review: ({ router }) => (
    <ReviewView
      onOpenQuestion={(id) => router.navigate({ view: 'question', id })}
      onBrowse={() => router.navigate({ view: 'browse' })}
      onInterview={() => router.navigate({ view: 'interview' })}
      onCopy={(code) => void copy(code)}
    />
  ),
  stats: ({ router }) => <StatsView onInterview={() => router.navigate({ view: 'interview' })} />,
  deck: ({ route, router }) => (
    <DeckView
      query={route.query ?? ''}
      onQuery={(query) => router.navigate({ view: 'deck', query }, { replace: true })}
      onOpenQuestion={(id) => router.navigate({ view: 'question', id })}
      onOpenQuiz={(id) => router.navigate({ view: 'quiz', id })}
      onBrowse={() => router.navigate({ view: 'browse' })}
    />
  ),
  quiz: ({ route, router }) => (
    <QuizView key={route.id} id={route.id} onOpenQuiz={(id) => router.navigate({ view: 'quiz', id })} onCopy={copy} />
  ),
  interview: () => <InterviewView onCopy={copy} />,
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

function renderView(route: Route, router: Router) {
  const view = VIEWS[route.view] as ViewOf<RouteName>;
  return view({ route, router });
}

export function App() {
  const { settings } = useSettings();
  const theme = useTheme(settings.theme);
  const router = useHashRoute();
  const { route, navigate } = router;
  const tabbed = TABS.some((t) => t.view === route.view);
  const mainRef = useRef<HTMLDivElement>(null);
  const firstRoute = useRef(true);

  useEffect(() => {
    document.title = `${TITLES[route.view]} · Awaitwise`;
  }, [route.view]);

  // The overlay's and popup's "open in side panel" ask for a view through session storage.
  useEffect(() => watchPanelRequests((request) => navigate(request)), [navigate]);

  // A new view takes focus (after the first), so keyboard and screen-reader users land in it; a view that
  // placed focus itself (Review's card) keeps it.
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    const main = mainRef.current;
    // Not from the tab list either: its arrow keys move along the tabs (the ARIA tabs pattern).
    if (!main || main.contains(document.activeElement) || document.activeElement?.closest('[role="tablist"]')) return;
    const target = main.querySelector<HTMLElement>('[data-autofocus], h2');
    if (target) {
      if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
      target.focus({ preventScroll: false });
    }
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
          {renderView(route, router)}
        </div>
      </main>
    </div>
  );
}
