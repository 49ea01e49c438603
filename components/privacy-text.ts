/**
 * The privacy policy, said once: Options and the welcome page render it (PrivacyPolicy.tsx), PRIVACY.md is its
 * Markdown (`privacyMarkdown()`, kept equal by tests/unit/privacy.test.ts), and the store listing points at it.
 * Plain sentences only, so the same text reads right as elements and as Markdown.
 */

export interface PolicySection {
  heading: string;
  items: readonly string[];
}

export const PRIVACY_TITLE = 'Awaitwise privacy policy';

export const PRIVACY_INTRO =
  'Awaitwise has no server, no account and no analytics, and it makes no network requests of its own: the ' +
  'questions, hints, quizzes and the Python interpreter are all inside the extension. The one way your progress ' +
  "leaves this computer is your browser's own sync, which is on by default and which you can turn off.";

export const PRIVACY_SECTIONS: readonly PolicySection[] = [
  {
    heading: 'What is stored on this computer',
    items: [
      "In the extension's database (IndexedDB, in your browser profile): the flashcards in your deck with their " +
        'schedules, every rating you gave (the review log), the problems you saved, your code drafts (edited ' +
        'snippets and workbench solutions), practice attempts and when you first solved each problem, finished mock ' +
        "interviews with your answers, and what sync last merged, with other devices' daily review counts.",
      "In the extension's local storage: your settings (sites, theme, flashcard settings), the problems where you " +
        'hid the badge, whether sync is on and how its last run went, and, after an import that replaced your ' +
        'progress, the progress it set aside.',
      'In session storage, cleared when the browser closes: what was found on each open problem tab (its address, ' +
        "title and tags, the matching concepts and questions, and the linter's findings).",
    ],
  },
  {
    heading: "What your browser's sync carries",
    items: [
      'While sync is on (the default) and you are signed in to the browser with extension data included in its ' +
        'sync (Chrome Sync; Firefox Sync with Add-ons selected), the browser copies these to your other signed-in ' +
        "devices: each card's schedule (due date, difficulty, stability, review and lapse counts, suspended or " +
        'buried), your settings, the addresses and titles of saved problems, the problems where you hid the badge, ' +
        'which practice problems you solved and when, and how many reviews each device made per day.',
      'When: a few seconds after you change one of them (30 seconds at most), when the browser starts, when ' +
        "another device's changes arrive, every 15 minutes, and when you press Sync now.",
      "It travels through your browser maker's sync service (Google for Chrome, Mozilla for Firefox), inside your " +
        "browser account and under that service's privacy terms. We never receive it.",
      "Turn it off in Options, under Sync. From then on Awaitwise neither reads nor writes the browser's sync " +
        'storage; what was copied before stays with your browser account.',
    ],
  },
  {
    heading: 'What never leaves this computer',
    items: [
      "The code in a problem page's editor: it is read in the page to run the asyncio linter, and is neither " +
        'stored nor sent; only the findings are kept, for the open tab.',
      'Your review log (each rating and its time), code drafts, practice attempts and mock-interview answers. Of ' +
        'these only the review log goes into a backup file, and only when you export one.',
      "Where you browse: Awaitwise runs only on the six supported sites' problem pages and cannot see other pages " +
        'or your history.',
      'Python you run: it executes inside the extension, in a worker that has no network access.',
    ],
  },
  {
    heading: 'No server, no analytics',
    items: [
      'There is no Awaitwise server or account: no analytics, no crash reports, no ads, no third-party services. ' +
        'Nothing is sold or shared, because nothing reaches us.',
    ],
  },
  {
    heading: 'Your control',
    items: [
      'Options, under Backup, exports your cards, review history, saved problems and settings to a file, and ' +
        'imports such a file again (merged with your progress or replacing it).',
      'Removing the extension deletes everything it stored in this browser.',
    ],
  },
];

/** One sentence on sync as it is in this browser right now (null: not known yet). */
export function syncStatusSentence(enabled: boolean | null): string {
  if (enabled === null) return 'Checking whether sync is on…';
  return enabled
    ? "Sync is on: card schedules, settings and saved, hidden and solved problems travel through your browser's " +
        'sync to your other devices where you are signed in to the browser. Review history and drafts stay here.'
    : "Sync is off: Awaitwise neither reads nor writes your browser's sync storage, and your progress stays in " +
        'this browser.';
}

/** The popup's footer line, a link to Options' sync switch: short enough for the popup's footer, true in either state. */
export function privacyTagline(enabled: boolean | null): string {
  if (enabled === null) return 'No tracking';
  return enabled ? 'No tracking · sync on' : 'No tracking · sync off';
}

/**
 * Firefox's built-in data consent (manifest `data_collection_permissions`): "none". Firefox's taxonomy is about
 * data an add-on collects or transmits to its developer or to third parties; Awaitwise sends nothing anywhere,
 * and storage.sync is Firefox Sync's own channel inside the user's Mozilla account (end-to-end encrypted),
 * which the user switched on in Firefox and can switch off in Options. The reasoning is in the reviewer notes.
 */
export const DATA_COLLECTION = { required: ['none'] } as const;

/** PRIVACY.md, from the same text the extension shows. */
export function privacyMarkdown(): string {
  const lines = [`# ${PRIVACY_TITLE}`, '', PRIVACY_INTRO, ''];
  for (const section of PRIVACY_SECTIONS) {
    lines.push(`## ${section.heading}`, '');
    for (const item of section.items) lines.push(`- ${item}`);
    lines.push('');
  }
  lines.push(
    'This text is also in the extension (Options, and the welcome page), where it says whether sync is on in ' +
      'that browser.',
    '',
  );
  return lines.join('\n');
}
