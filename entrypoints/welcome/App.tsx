/** The first-run page, opened once when the extension is installed (never on update). */
import { PageHeader } from '@/components/PageHeader';
import { useSettings } from '@/components/hooks/use-settings';
import { useTheme } from '@/components/hooks/use-theme';

const DEMO_URL = 'https://leetcode.com/problems/print-in-order/';
const isFirefox = import.meta.env.FIREFOX;

export function App() {
  const { settings } = useSettings();
  const theme = useTheme(settings.theme);
  const panel = isFirefox ? 'sidebar' : 'side panel';
  return (
    <div class="aw-theme aw-page aw-welcome" data-theme={theme}>
      <PageHeader title="Welcome to Awaitwise" />
      <main class="aw-page-main aw-wide">
        <p class="aw-lead">
          Asyncio interview practice, right on the problem page. Three things to know, then try it on a real problem.
        </p>
        <ol class="aw-steps">
          <li>
            <h2>Try the demo problem</h2>
            <p>
              Open <a href={DEMO_URL}>LeetCode 1114, Print in Order</a>. A small badge appears next to the title: open
              it for hints one at a time, the concepts involved and the matching interview questions. On problems that
              are not about concurrency, Awaitwise adds nothing to the page.
            </p>
          </li>
          <li>
            <h2>Pin the toolbar button</h2>
            <p>
              {isFirefox
                ? 'Firefox shows the Awaitwise button in the toolbar; if it is in the overflow menu (»), drag it out.'
                : 'Open the puzzle-piece menu next to the address bar and pin Awaitwise.'}{' '}
              Its popup shows what was found on the tab, instant search and the flashcards due today.
            </p>
          </li>
          <li>
            <h2>
              Open the {panel} with <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>A</kbd>
            </h2>
            <p>
              The {panel} follows the active tab and holds the full answers, Browse, flashcard review (<kbd>Space</kbd>{' '}
              shows the answer, <kbd>1</kbd>–<kbd>4</kbd> rate, <kbd>U</kbd> undoes), your deck and your stats.{' '}
              {isFirefox
                ? 'Also in View → Sidebar → Awaitwise.'
                : 'Rebind the shortcut at chrome://extensions/shortcuts.'}
            </p>
          </li>
        </ol>
        <section class="aw-section" aria-labelledby="stored">
          <h2 id="stored">What is stored, and where</h2>
          <ul>
            <li>
              <strong>On this computer only</strong>, in the browser's extension storage: your flashcards and review
              history, saved problems and code drafts (IndexedDB); your settings and the problems where you hid the
              badge (extension local storage); what was found on each open tab (session storage, gone when the browser
              closes).
            </li>
            <li>
              <strong>Nothing leaves your computer.</strong> No account, no network requests, no tracking. The
              questions, hints and the Python runtime ship inside the extension.
            </li>
            <li>
              Back it up or move it from <a href="/options.html">Options</a> (export and import), where you can also
              turn sites off and choose the theme.
            </li>
          </ul>
        </section>
      </main>
    </div>
  );
}
