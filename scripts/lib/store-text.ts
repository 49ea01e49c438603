/**
 * The text half of `npm run store`: the Chrome Web Store and AMO listing text in .output/store/, PRIVACY.md from
 * the privacy text the extension shows, and the generated blocks of store/REVIEWER-NOTES.md from the build.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVACY_TITLE, privacyMarkdown } from '../../components/privacy-text';
import {
  DATA_USAGE,
  description,
  HOST_PERMISSIONS_WHY,
  NAME,
  PERMISSIONS,
  remoteCode,
  SINGLE_PURPOSE,
  SUMMARY,
  documentedPermissions,
  type Counts,
  type StoreBrowser,
} from '../../store/listing';
import { EXTENSION_PAGES_CSP } from '../../wxt.config';
import { currentNotes, generatedBlocks } from './reviewer-notes';
import { NOTES_PATH, notesFacts, PACKAGES } from './store-policy';

/** Chrome's limit for the summary; AMO allows 250. */
export const SUMMARY_LIMIT = 132;

export function knowledgeCounts(file = 'data/generated/knowledge.json'): Counts {
  const knowledge = JSON.parse(readFileSync(file, 'utf8')) as {
    questions: unknown[];
    quizzes?: unknown[];
    practice: unknown[];
  };
  return {
    questions: knowledge.questions.length,
    quizzes: knowledge.quizzes?.length ?? 0,
    practice: knowledge.practice.length,
  };
}

/** One store's listing as labelled fields, in the order its dashboard asks for them. */
export function listingText(browser: StoreBrowser, counts: Counts, screenshots: readonly string[]): string {
  if (SUMMARY.length > SUMMARY_LIMIT) throw new Error(`summary is ${SUMMARY.length} characters (max ${SUMMARY_LIMIT})`);
  const justifications = documentedPermissions(browser).map((name) => `${name}: ${PERMISSIONS[name]!.why}`);
  const fields: [string, string][] = [
    ['Name', NAME],
    [browser === 'chrome' ? 'Summary (132 characters at most)' : 'Summary', SUMMARY],
    ['Description', description(counts, browser)],
    ['Category', browser === 'chrome' ? 'Education' : 'Other (tags: education, programming)'],
    ['Single purpose', SINGLE_PURPOSE],
    ['Permission justifications', justifications.join('\n')],
    ['Host permission justification', HOST_PERMISSIONS_WHY],
    ['Remote code', remoteCode(EXTENSION_PAGES_CSP)],
    ['Data usage', DATA_USAGE],
    [
      browser === 'chrome' ? 'Privacy policy (PRIVACY.md; publish it at a public URL)' : 'Privacy policy',
      privacyMarkdown(),
    ],
    ['Screenshots (1280×800)', screenshots.join('\n')],
    ['Small promo tile (440×280)', 'small-tile-440x280.png'],
    ['Marquee promo tile (1400×560)', 'marquee-1400x560.png'],
    ['Icon (128×128)', 'icon-128.png'],
  ];
  if (browser === 'firefox')
    fields.push(['Notes to reviewer', `${readFileSync(NOTES_PATH, 'utf8')}\n(Sources archive: npm run zip:firefox)`]);
  return fields.map(([label, value]) => `## ${label}\n\n${value}\n`).join('\n');
}

/** PRIVACY.md, the reviewer notes' generated blocks, and the two listings. */
export async function writeStoreText(
  out: string,
  screenshots: { chrome: string[]; firefox: string[] },
): Promise<string[]> {
  const written: string[] = [];
  writeFileSync('PRIVACY.md', privacyMarkdown());
  written.push(`PRIVACY.md (${PRIVACY_TITLE})`);

  const notes = readFileSync(NOTES_PATH, 'utf8');
  const facts = notesFacts(PACKAGES.firefox);
  const chromeFacts = notesFacts(PACKAGES.chrome);
  const blocks = generatedBlocks(facts);
  if (generatedBlocks(chromeFacts).checksums !== blocks.checksums)
    throw new Error('The Chrome and Firefox packages ship different Pyodide files; the notes can state only one set.');
  writeFileSync(NOTES_PATH, await currentNotes(notes, blocks, NOTES_PATH));
  written.push(NOTES_PATH);

  mkdirSync(out, { recursive: true });
  const counts = knowledgeCounts();
  for (const browser of ['chrome', 'firefox'] as const) {
    const file = join(out, browser === 'chrome' ? 'chrome-web-store.md' : 'addons-mozilla-org.md');
    writeFileSync(file, listingText(browser, counts, screenshots[browser]));
    written.push(file);
  }
  return written;
}
