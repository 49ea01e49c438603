/**
 * Full-text search over questions and practice problems with MiniSearch: field boosts, prefix and fuzzy
 * matching out of the box, and small enough (~7 KB gzip) to ship to the popup. On top of it, a short list of
 * the phrasings people actually type ("run in parallel", "fire and forget") expands the query.
 */
import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import type { Block, Difficulty, Inline, Knowledge } from '@/utils/knowledge-types';
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
  /** Concept ids, the main one first: a query that names it puts the item first (see `rerank`). */
  conceptIds: readonly string[];
  /** 1 fundamentals … 3 advanced; practice problems count as working knowledge. */
  level: number;
  difficulty: Difficulty;
}

/** Phrase → terms that the knowledge base uses for the same idea. Checked against the lower-cased query. */
const SYNONYMS: [RegExp, string][] = [
  [/\bparallel|simultaneous|at the same time|concurrent(ly)?\b/, 'gather concurrently create_task'],
  // Not "throttle": that limits calls over time (its own cards), not how many run at once.
  [/\blimit|at most \d|max(imum)? (number|concurrent)|bound(ed)? concurrency|cap\b/, 'semaphore limit concurrency'],
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
      conceptIds: q.concepts,
      level: q.level,
      difficulty: q.difficulty,
    })),
    ...kb.practice.map((p) => ({
      id: p.id,
      kind: 'practice' as const,
      title: p.title,
      keywords: p.keywords.join(' '),
      summary: p.hints[0],
      concepts: conceptText(p.concepts),
      body: blockText(p.statement),
      conceptIds: p.concepts,
      level: 2,
      difficulty: p.difficulty,
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
      conceptIds: z.concepts,
      level: z.level,
      difficulty: z.difficulty,
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

/** Within one edit (insert, delete or replace one letter) of each other. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** How a concept is typed: its id and its name without separators ("taskgroup", "gather", "ascompleted"). */
export function conceptKeys(concepts: readonly { id: string; name: string }[]): Map<string, string[]> {
  const squash = (text: string) =>
    text
      .toLowerCase()
      .replace(/^asyncio\./, '')
      .replace(/[^\p{L}\p{N}]+/gu, '');
  return new Map(concepts.map((c) => [c.id, [...new Set([squash(c.id), squash(c.name)])]]));
}

/**
 * The concepts a topic search names, when every word of it names one: a word (or two words run together,
 * "task group") that is a concept's key, the start of one ("semaphor", "cancel"), or one typo away from it when
 * the word is not in the index ("evnt"). A question in prose ("what if I forget await") is not a topic
 * search: empty, and its words rank it as they are.
 */
export function namedConcepts(
  words: readonly string[],
  keys: ReadonlyMap<string, readonly string[]>,
  vocabulary: ReadonlySet<string>,
): Set<string> {
  const names = (w: string, key: string) =>
    w === key ||
    (w.length >= 4 && key.startsWith(w) && w.length * 2 >= key.length) ||
    (w.length >= 4 && !vocabulary.has(w) && oneEditApart(w, key));
  const conceptsOf = (w: string) =>
    [...keys].filter(([, forms]) => forms.some((key) => names(w, key))).map(([id]) => id);
  const named = new Set<string>();
  const covered = words.map(() => false);
  words.forEach((word, i) => {
    const single = conceptsOf(word);
    const pair = i + 1 < words.length ? conceptsOf(word + words[i + 1]) : [];
    for (const id of [...single, ...pair]) named.add(id);
    if (single.length) covered[i] = true;
    if (pair.length) covered[i] = covered[i + 1] = true;
  });
  return covered.every(Boolean) ? named : new Set();
}

/** Results scoring at least this share of the best one may be reordered by the concepts the query names. */
const CONCEPT_GATE = 0.5;
const KIND_ORDER = { question: 0, practice: 1, quiz: 2 } as const;
const DIFFICULTY_ORDER = { easy: 0, medium: 1, hard: 2 } as const;

/**
 * When the query names concepts, the close results (CONCEPT_GATE) are ordered by them: items whose main concept
 * is named first, then (when it names several) those with more of them, questions before problems and quizzes,
 * fundamentals before advanced, and by score. "semaphor" finds the Semaphore card first, not a card that only
 * mentions semaphores more often.
 */
function rerank(results: readonly SearchResult[], named: ReadonlySet<string>): SearchResult[] {
  const top = results[0]?.score ?? 0;
  if (named.size === 0 || top === 0) return [...results];
  const close = results.filter((r) => r.score >= top * CONCEPT_GATE);
  const rest = results.slice(close.length);
  const key = (r: SearchResult) => {
    const ids = (r.conceptIds ?? []) as readonly string[];
    return [
      named.has(ids[0] ?? '') ? 0 : 1,
      // Between two named concepts ("taskgroup cancel"), the items that have both come first.
      named.size > 1 ? -ids.filter((id) => named.has(id)).length : 0,
      KIND_ORDER[r.kind as SearchHit['kind']],
      r.level as number,
      DIFFICULTY_ORDER[r.difficulty as Difficulty],
    ];
  };
  const ranked = close
    .map((r) => ({ r, k: key(r) }))
    .sort((a, b) => {
      for (let i = 0; i < a.k.length; i++) if (a.k[i] !== b.k[i]) return a.k[i]! - b.k[i]!;
      return b.r.score - a.r.score;
    })
    .map(({ r }) => r);
  return [...ranked, ...rest];
}

export interface CreateSearchIndexOptions {
  /** The concept vocabulary, so a query that names a concept ranks that concept's own items first. */
  concepts?: readonly { id: string; name: string }[];
}

export function createSearchIndex(docs: SearchDoc[], options: CreateSearchIndexOptions = {}): SearchIndex {
  const keys = conceptKeys(options.concepts ?? []);
  const index = new MiniSearch<SearchDoc>({
    fields: ['title', 'keywords', 'summary', 'concepts', 'body'],
    storeFields: ['kind', 'title', 'conceptIds', 'level', 'difficulty'],
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
  const wordsOf = (text: string) =>
    tokenize(text)
      .filter((w) => !STOP_WORDS.has(w))
      .map((w) => untranspose(w, vocabulary));
  /**
   * The user's own words get typo tolerance (one edit, from five letters, or from four for a word the index
   * does not know: "evnt") and prefix matching on the word being typed; the synonym expansion is our
   * vocabulary, so it matches exactly. Fuzzy and prefix matching on every expanded term is what made large
   * indexes slow.
   */
  const buildQuery = (text: string, words: readonly string[]): Query => {
    const own: Query = {
      queries: [words.join(' ') || text],
      prefix: (_term, i, terms) => i === terms.length - 1 && terms[i]!.length > 2,
      fuzzy: (term) => (term.length >= 5 || (term.length === 4 && !vocabulary.has(term)) ? 1 : false),
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
      const words = wordsOf(trimmed);
      const results = index.search(buildQuery(trimmed, words));
      const named = namedConcepts(words, keys, vocabulary);
      return rerank(results, named).slice(0, limit).map(toHit);
    },
    suggest(query, limit = 5) {
      return index
        .autoSuggest(query.trim())
        .slice(0, limit)
        .map((s) => s.suggestion);
    },
  };
}

/** The index over a knowledge base, with its concept vocabulary: what the extension and the CLI search. */
export function searchIndexFor(kb: Knowledge): SearchIndex {
  return createSearchIndex(searchDocuments(kb), { concepts: kb.concepts });
}
