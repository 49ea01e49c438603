/**
 * Full-text search over questions and practice problems with MiniSearch: field boosts, prefix and fuzzy
 * matching out of the box, and small enough (~7 KB gzip) to ship to the popup. On top of it, a short list of
 * the phrasings people actually type ("run in parallel", "fire and forget") expands the query.
 */
import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import type { Block, Inline, Knowledge } from '@/utils/knowledge-types';
import { quizTitle } from '@/utils/quiz/title';

export interface SearchHit {
  id: string;
  kind: 'question' | 'practice' | 'quiz';
  title: string;
  score: number;
}

interface SearchDoc {
  id: string;
  kind: 'question' | 'practice' | 'quiz';
  title: string;
  keywords: string;
  summary: string;
  concepts: string;
  body: string;
}

/** Phrase → terms that the knowledge base uses for the same idea. Checked against the lower-cased query. */
const SYNONYMS: [RegExp, string][] = [
  [/\bparallel|simultaneous|at the same time|concurrent(ly)?\b/, 'gather concurrently create_task'],
  [
    /\blimit|throttl|at most \d|max(imum)? (number|concurrent)|bound(ed)? concurrency|cap\b/,
    'semaphore limit concurrency',
  ],
  [/\bfire[- ]and[- ]forget|background task|garbage collect|disappear/, 'task references create_task weak'],
  [/\bblock(s|ing)?\b|freez|hang|stall|unresponsive/, 'blocking event loop to_thread'],
  [/\btime ?out|too long|deadline|give up after/, 'timeout wait_for'],
  [/\bcancel|abort|stop (a|the) task/, 'cancellation cancel CancelledError'],
  [/\bthread ?pool|executor|offload|background thread/, 'run_in_executor to_thread executor'],
  [/\bcpu|compute|number crunch|heavy calculation/, 'cpu-bound process pool executor'],
  [/\bwait for (all|every)|all (of them|results)|collect results/, 'gather results'],
  [/\bfirst (one|result|to finish)|fastest|race\b/, 'wait FIRST_COMPLETED as_completed'],
  [/\berror|exception|fail|crash/, 'exception raise'],
  [
    /\bnever awaited|forg[eo]t(ting)? (to |an |the )?await|without await|missing await|runtimewarning/,
    'never awaited coroutine warning',
  ],
  [/\bqueue|pipeline|worker|producer|consumer/, 'queue producer consumer task_done join'],
  [/\bshut ?down|ctrl.?c|sigint|sigterm|exit cleanly/, 'graceful shutdown signal cancel'],
  [/\bsync(hronous)? code|from sync|normal function|non-async/, 'run_coroutine_threadsafe asyncio.run sync'],
  [/\bmutex|critical section|race condition|lost update/, 'lock race'],
  [/\bnotify|signal (another|other)|wake up/, 'event condition'],
  [/\bretry|back ?off|transient/, 'retry backoff jitter'],
  [/\bsocket|tcp|server|client connection/, 'streams open_connection start_server'],
  [/\bfaster loop|libuv|speed up (the )?loop/, 'uvloop'],
  [/\bunit test|pytest|mock/, 'testing IsolatedAsyncioTestCase'],
  [/\bnursery|trio|structured/, 'structured concurrency TaskGroup'],
  [/\bwhat'?s new|changed in|new in 3\.|version/, 'python 3.11 3.12 3.13 changes'],
  [/\bgil|global interpreter lock|multicore|multiple cores/, 'GIL multiprocessing threading'],
];

export function expandQuery(query: string): string {
  const lower = query.toLowerCase();
  const extra = SYNONYMS.filter(([pattern]) => pattern.test(lower)).map(([, terms]) => terms);
  return [query, ...extra].join(' ');
}

export function blockText(blocks: readonly Block[]): string {
  const inline = (nodes: readonly Inline[]): string =>
    nodes.map((n) => (n.k === 'text' || n.k === 'code' ? n.t : inline(n.c))).join('');
  return blocks
    .map((b) => (b.k === 'p' ? inline(b.c) : b.k === 'snippet' ? '' : b.items.map(inline).join(' ')))
    .join(' ');
}

export function searchDocuments(kb: Knowledge): SearchDoc[] {
  const names = new Map(kb.concepts.map((c) => [c.id, c.name]));
  const conceptText = (ids: readonly string[]) =>
    ids.map((id) => `${id.replace(/-/g, ' ')} ${names.get(id) ?? ''}`).join(' ');
  return [
    ...kb.questions.map((q) => ({
      id: q.id,
      kind: 'question' as const,
      title: q.question,
      keywords: q.keywords.join(' '),
      summary: q.short,
      concepts: conceptText(q.concepts),
      body: blockText(q.body),
    })),
    ...kb.practice.map((p) => ({
      id: p.id,
      kind: 'practice' as const,
      title: p.title,
      keywords: p.keywords.join(' '),
      summary: p.hints[0],
      concepts: conceptText(p.concepts),
      body: blockText(p.statement),
    })),
    // Quizzes: their code is the body (the API names a user types are in it); the prompt is the same for all.
    ...(kb.quizzes ?? []).map((z) => ({
      id: z.id,
      kind: 'quiz' as const,
      title: quizTitle(z),
      keywords: z.keywords.join(' '),
      summary: '',
      concepts: conceptText(z.concepts),
      body: z.snippets[0].code,
    })),
  ];
}

// Lives apart so that lists (Browse) name quizzes without loading the search library.
export { quizTitle };


/** Quizzes rank below a question that matches as well: someone searching usually wants the explanation first. */
const QUIZ_BOOST = 0.6;

export interface SearchIndex {
  search(query: string, limit?: number): SearchHit[];
  /** Completions for the search box, from indexed terms. */
  suggest(query: string, limit?: number): string[];
}

/** Words people add to questions that say nothing about the topic; dropped from the fuzzy part of a query. */
const STOP_WORDS = new Set(
  'a an and are as at be by can do does for from how i in is it me my of on or so the this to what when which why with you your'.split(
    ' ',
  ),
);

const tokenize = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter(Boolean);

/**
 * Two swapped letters ("gahter", "semaphroe", "cancle") are two edits for the fuzzy matcher, which allows one:
 * a word the index does not know becomes the known word it is one adjacent swap away from.
 */
export function untranspose(word: string, vocabulary: ReadonlySet<string>): string {
  if (word.length < 4 || vocabulary.has(word)) return word;
  for (let i = 0; i < word.length - 1; i++) {
    const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    if (vocabulary.has(swapped)) return swapped;
  }
  return word;
}

export function createSearchIndex(docs: SearchDoc[]): SearchIndex {
  const index = new MiniSearch<SearchDoc>({
    fields: ['title', 'keywords', 'summary', 'concepts', 'body'],
    storeFields: ['kind', 'title'],
    searchOptions: {
      boost: { title: 3, keywords: 2.5, concepts: 2, summary: 1.5, body: 1 },
      boostDocument: (_id, _term, stored) => (stored?.kind === 'quiz' ? QUIZ_BOOST : 1),
      combineWith: 'OR',
    },
  });
  index.addAll(docs);
  const vocabulary = new Set<string>();
  for (const doc of docs)
    for (const field of [doc.title, doc.keywords, doc.summary, doc.concepts, doc.body])
      for (const word of tokenize(field)) vocabulary.add(word);
  /**
   * The user's own words get typo tolerance (one edit, from five letters) and prefix matching on the word
   * being typed; the synonym expansion is our vocabulary, so it matches exactly. Fuzzy and prefix matching
   * on every expanded term is what made large indexes slow.
   */
  const buildQuery = (text: string): Query => {
    const words = tokenize(text)
      .filter((w) => !STOP_WORDS.has(w))
      .map((w) => untranspose(w, vocabulary));
    const own: Query = {
      queries: [words.join(' ') || text],
      prefix: (_term, i, terms) => i === terms.length - 1 && terms[i]!.length > 2,
      fuzzy: (term) => (term.length >= 5 ? 1 : false),
      maxFuzzy: 1,
    };
    const expansion = expandQuery(text).slice(text.length).trim();
    return expansion ? { combineWith: 'OR', queries: [own, expansion] } : own;
  };
  const toHit = (r: SearchResult): SearchHit => ({
    id: String(r.id),
    kind: r.kind as SearchHit['kind'],
    title: r.title as string,
    score: Math.round(r.score * 1000) / 1000,
  });
  return {
    search(query, limit = 10) {
      const trimmed = query.trim();
      if (!trimmed) return [];
      return index.search(buildQuery(trimmed)).slice(0, limit).map(toHit);
    },
    suggest(query, limit = 5) {
      return index
        .autoSuggest(query.trim())
        .slice(0, limit)
        .map((s) => s.suggestion);
    },
  };
}
