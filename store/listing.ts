/**
 * The store listing, in one place: what `npm run store` writes for the Chrome Web Store and addons.mozilla.org,
 * and the documented permission set `npm run check:store` holds both built manifests to (a permission added in
 * wxt.config.ts without a justification here fails the check).
 */

export type StoreBrowser = 'chrome' | 'firefox';

export interface Counts {
  questions: number;
  quizzes: number;
  practice: number;
}

export const NAME = 'Awaitwise';

/** Both stores show this under the name; Chrome allows 132 characters. */
export const SUMMARY =
  'Asyncio interview practice on LeetCode and friends: hints on the problem, runnable answers, quizzes and flashcard review.';

export const SINGLE_PURPOSE =
  'Awaitwise helps people prepare for Python asyncio interviews. On asyncio and concurrency problems of six ' +
  'coding-practice sites it shows hints and the matching interview questions next to the problem; its side panel ' +
  'holds the full answers with runnable Python, practice problems checked by tests, quizzes, a mock interview and ' +
  'spaced-repetition review of the same material.';

/** Every API permission either build asks for, with the justification a reviewer reads. */
export const PERMISSIONS: Record<string, { browsers: readonly StoreBrowser[]; why: string }> = {
  storage: {
    browsers: ['chrome', 'firefox'],
    why:
      'Keeps the settings, the problems where the user hid the badge and what was found on each open problem tab ' +
      '(storage.local and storage.session). When sync is on (the default), card schedules, settings, saved, hidden ' +
      "and solved problems and daily review counts travel to the user's other devices through the browser's own " +
      'sync (storage.sync); the user can turn this off in Options.',
  },
  alarms: {
    browsers: ['chrome', 'firefox'],
    why:
      "Refreshes the toolbar badge's count of flashcards due (every 30 minutes, so it changes when a new study day " +
      'starts) and retries a sync the browser postponed (every 15 minutes): the background worker is stopped between ' +
      'events, and its own timers do not survive that.',
  },
  scripting: {
    browsers: ['chrome', 'firefox'],
    why:
      'On a problem page the per-site loader found to be about asyncio or concurrency, injects the hint popover when ' +
      'the user opens the badge, and the asyncio linter with a small function that reads the code in the page editor ' +
      'when there is code to check. It runs only on the problem pages the host permissions name.',
  },
  sidePanel: {
    browsers: ['chrome'],
    why:
      'The side panel is where the answers, practice workbench, quizzes, mock interview, review and stats live; it ' +
      'follows the active tab. (Firefox shows the same page as its sidebar, which needs no permission.)',
  },
};

export const HOST_PERMISSIONS_WHY =
  'Exactly the problem pages of the six supported sites (LeetCode, HackerRank, Codewars, GeeksforGeeks, Exercism, ' +
  "NeetCode): a small loader reads the problem's title, tags and statement there to decide whether it is about " +
  'asyncio. Nothing runs on any other page, and no page content is sent anywhere.';

/** Chrome's "Are you using remote code?" answer, with the CSP the build really sets. */
export function remoteCode(csp: string): string {
  return (
    'No remote code. Everything that runs is in the package, including the Python interpreter (Pyodide, CPython ' +
    `compiled to WebAssembly, under pyodide/). The extension pages' CSP is "${csp}": scripts only from the ` +
    "package, and 'wasm-unsafe-eval' only so that interpreter's WebAssembly can be compiled."
  );
}

/** The permission names the manifest for `browser` must list, no more, no fewer. */
export function documentedPermissions(browser: StoreBrowser): string[] {
  return Object.entries(PERMISSIONS)
    .filter(([, p]) => p.browsers.includes(browser))
    .map(([name]) => name);
}

/** The long description, with the real counts from the built knowledge base. */
export function description(counts: Counts, browser: StoreBrowser): string {
  const panel = browser === 'firefox' ? 'sidebar' : 'side panel';
  return [
    'Preparing for a Python interview that will ask about asyncio? Awaitwise puts the practice where the problems are.',
    '',
    'ON THE PROBLEM',
    'Open an asyncio or concurrency problem on LeetCode, HackerRank, Codewars, GeeksforGeeks, Exercism or NeetCode ' +
      'and a small badge appears next to its title: the concepts involved, the matching interview questions, hints ' +
      "one at a time for the classic concurrency puzzles (nudge, approach, near-solution), and an asyncio linter's " +
      "findings on the code in the page's editor (blocking calls, forgotten awaits, tasks nobody keeps). On any other " +
      'problem it adds nothing.',
    '',
    `IN THE ${panel.toUpperCase()}`,
    `• ${counts.questions} interview questions with short and full answers; their snippets run in a real CPython 3.14 ` +
      'inside the extension (all but those that need threads, processes or sockets), and "Try it" opens an editable copy with the linter underlining mistakes.',
    `• ${counts.practice} practice problems in a workbench: write solution.py, run the tests, see each verdict.`,
    `• ${counts.quizzes} predict-the-output quizzes, and a timed mock interview (questions, and a practice problem if you like).`,
    '• Spaced-repetition review (FSRS) of the questions you add, with keyboard shortcuts, undo and stats: streak, ' +
      '30-day forecast, a year heatmap and true retention.',
    '• A timeline under every Run: which task ran, awaited and woke up, in order.',
    '',
    'PRIVATE BY DESIGN',
    'No account, no server, no analytics. Your flashcards, reviews, drafts and attempts are kept in this browser. ' +
      "Card schedules, settings and saved problems sync through your browser's own sync when you are signed in " +
      '(on by default; one switch in Options turns it off). Export and import a backup file any time.',
  ].join('\n');
}

/** What the stores' privacy forms ask, answered the same way everywhere. */
export const DATA_USAGE =
  'Awaitwise collects no user data: the developer receives nothing and the extension makes no network requests. ' +
  "Progress is kept in the browser; with sync on, part of it is copied to the user's other devices by the browser's " +
  'own sync service (Chrome Sync or Firefox Sync) inside their browser account. Full policy: PRIVACY.md.';
