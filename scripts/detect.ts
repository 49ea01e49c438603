/**
 * `npm run -s detect -- --json <file> [--url <url>]` (stable contract): is a saved page (.html) or a
 * snapshot (.json with { url, title, text, tags, code }) about concurrency? With --json, prints
 * { relevant, score, concepts, cardIds } as one JSON object on stdout.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Window } from 'happy-dom';
import * as v from 'valibot';
import { compileDataDir } from './lib/read-data';
import { readPage, savedPageUrl } from './lib/saved-page';
import { detect, type DetectInput } from '@/utils/detect';
import { SITE_IDS } from '@/utils/page-snapshot';

const SnapshotFile = v.looseObject({
  url: v.optional(v.string()),
  site: v.optional(v.picklist(SITE_IDS)),
  slug: v.optional(v.string()),
  title: v.optional(v.string()),
  text: v.optional(v.string()),
  tags: v.optional(v.array(v.string())),
  code: v.optional(v.string()),
});

function usage(message: string): never {
  console.error(`${message}\nusage: npm run -s detect -- [--json] <page.html|snapshot.json> [--url <url>]`);
  process.exit(2);
}

function parseArgs(argv: string[]): { json: boolean; file: string; url?: string } {
  let json = false;
  let url: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--json') json = true;
    else if (arg === '--url') url = argv[++i] ?? usage('--url needs a value');
    else if (arg.startsWith('--url=')) url = arg.slice('--url='.length);
    else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length !== 1) usage('give exactly one file');
  return { json, file: files[0] as string, url };
}

function parseUrl(url: string): URL {
  try {
    return new URL(url);
  } catch {
    return usage(`not a URL: ${url}`);
  }
}

/** Reads a saved page the way the content script would, in an inert DOM (no scripts, no loads). */
async function readSavedPage(html: string, url: string | undefined): Promise<DetectInput> {
  const window = new Window({
    url: url ?? 'about:blank',
    settings: {
      disableJavaScriptFileLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: { disableMainFrameNavigation: true },
    },
  });
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    const pageUrl = url ? parseUrl(url) : (savedPageUrl(doc) ?? new URL('about:blank'));
    return readPage(doc, pageUrl);
  } finally {
    await window.happyDOM.close();
  }
}

function readSnapshot(text: string, url: string | undefined): DetectInput {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return usage(`not JSON: ${(error as Error).message}`);
  }
  const parsed = v.safeParse(SnapshotFile, data);
  if (!parsed.success) usage(`not a snapshot: ${v.summarize(parsed.issues)}`);
  return url ? { ...parsed.output, url } : parsed.output;
}

const args = parseArgs(process.argv.slice(2));
let content: string;
try {
  content = readFileSync(args.file, 'utf8');
} catch (error) {
  usage(`cannot read ${args.file}: ${(error as Error).message}`);
}
const input = /^\.html?$/i.test(extname(args.file))
  ? await readSavedPage(content, args.url)
  : readSnapshot(content, args.url);
const { knowledge } = compileDataDir();
const detection = detect(input, knowledge);

if (args.json) {
  const { relevant, score, concepts, cardIds } = detection;
  process.stdout.write(`${JSON.stringify({ relevant, score, concepts, cardIds })}\n`);
} else {
  console.log(`${detection.relevant ? 'relevant' : 'not relevant'} (score ${detection.score})`);
  if (detection.concepts.length > 0) console.log(`concepts: ${detection.concepts.join(', ')}`);
  if (detection.practiceId) console.log(`practice: ${detection.practiceId}`);
  if (detection.cardIds.length > 0) console.log(`cards: ${detection.cardIds.join(', ')}`);
  for (const reason of detection.reasons) console.log(`  ${reason}`);
}
