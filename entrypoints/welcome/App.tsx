/** The first-run page, opened once when the extension is installed (never on update). */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PageHeader } from '@/components/PageHeader';
import { PrivacyPolicy } from '@/components/PrivacyPolicy';
import { useSettings } from '@/components/hooks/use-settings';
import { useSyncEnabled } from '@/components/hooks/use-sync-enabled';
import { useTheme } from '@/components/hooks/use-theme';
import { openPanelFromPage } from '@/utils/panel';
import { formatRoute } from '@/utils/routes';
import { TOUR, type TourStop } from './tour';

const DEMO_URL = 'https://leetcode.com/problems/print-in-order/';
const isFirefox = import.meta.env.FIREFOX;

/** The panel view as a page address: where a "Try it" leads when opened in a tab (middle click, or no panel). */
export const tourHref = (stop: TourStop) => `/sidepanel.html${formatRoute(stop.request)}`;

export function App() {
  const { settings } = useSettings();
  const theme = useTheme(settings.theme);
  const syncEnabled = useSyncEnabled();
  const [windowId, setWindowId] = useState<number | undefined>(undefined);
  useEffect(() => {
    void browser.windows.getCurrent().then((w) => setWindowId(w.id));
  }, []);
  const panel = isFirefox ? 'sidebar' : 'side panel';

  const tryIt = (event: MouseEvent, stop: TourStop) => {
    // Ctrl/Cmd/Shift/middle click keep their meaning: the view opens in a tab.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    void openPanelFromPage(stop.request, windowId).then((opened) => {
      if (!opened) void browser.tabs.create({ url: new URL(tourHref(stop), location.href).href });
    });
  };

  return (
    <div class="aw-theme aw-page aw-welcome" data-theme={theme}>
      <PageHeader title="Welcome to Awaitwise" />
      <main class="aw-page-main aw-welcome-main">
        <p class="aw-lead">
          Asyncio interview practice, right where the problems are. Open{' '}
          <a href={DEMO_URL}>LeetCode 1114, Print in Order</a>: a badge next to the title gives hints one at a time, the
          concepts involved and the matching interview questions. On problems that are not about concurrency, Awaitwise
          adds nothing.
        </p>
        <p class="aw-welcome-keys">
          The {panel} holds the rest: <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>A</kbd> opens it
          {isFirefox ? ' (or View → Sidebar → Awaitwise)' : ', or the toolbar button'}.{' '}
          {isFirefox
            ? 'If the toolbar button is in the overflow menu (»), drag it out.'
            : 'Pin the button from the puzzle-piece menu next to the address bar.'}
        </p>
        <section class="aw-section" aria-labelledby="tour-heading">
          <h2 id="tour-heading">In the {panel}</h2>
          <ul class="aw-tour">
            {TOUR.map((stop) => (
              <li key={stop.title} class="aw-tour-stop">
                <h3>{stop.title}</h3>
                <p>{stop.text}</p>
                <a class="aw-button aw-secondary aw-small" href={tourHref(stop)} onClick={(e) => tryIt(e, stop)}>
                  Try it: {stop.action}
                </a>
              </li>
            ))}
          </ul>
        </section>
        <section class="aw-section aw-welcome-privacy" aria-labelledby="privacy-heading">
          <h2 id="privacy-heading">Your data</h2>
          <PrivacyPolicy syncEnabled={syncEnabled} syncHref="/options.html#sync-heading" />
        </section>
      </main>
    </div>
  );
}
