/** Shapes of the compiled knowledge base (data/ compiled by scripts/build-data.ts). */

export type Difficulty = 'easy' | 'medium' | 'hard';

/** One highlighted token: `c` is a highlight.js class without the `hljs-` prefix, absent for plain text. */
export interface Token {
  t: string;
  c?: string;
}

/** A coloured run of a snippet's text: start offset, length, and the highlight class. */
export type HighlightMark = [number, number, string];

/** Where a snippet can run: the machine's CPython, and the in-browser Python (Pyodide in a worker). */
export type Runtime = 'cpython' | 'browser';

/** Why a snippet cannot run in the browser; the text shown for each is in utils/knowledge/runtimes.ts. */
export type BrowserGap = 'threads' | 'processes' | 'subprocess' | 'sockets' | 'signals' | 'packages' | 'event-loop';

export interface Snippet {
  code: string;
  /** Highlighting computed at build time, so no highlighter ships to the browser (see utils/highlight.ts). */
  marks: HighlightMark[];
  /** Run by CI (`run`), or only parsed (`parse`: third-party packages). */
  runnable: boolean;
  bad: boolean;
  minPython?: string;
  /** Verified standard output on every version from minPython (or 3.11) on, unless `outputs` overrides it. */
  output?: string;
  /** Output from a version on, where it differs: `{"3.13": "..."}` applies to 3.13 and newer. */
  outputs?: Record<string, string>;
  /** Where it runs; `browser` only for runnable snippets that behave in Pyodide as on CPython. */
  runsIn: Runtime[];
  /** Set when `browser` is missing from runsIn. */
  why?: BrowserGap;
}

/** Safe Markdown subset, compiled at build time to a tree that is rendered as elements, never as HTML. */
export type Inline =
  | { k: 'text'; t: string }
  | { k: 'code'; t: string }
  | { k: 'strong'; c: Inline[] }
  | { k: 'em'; c: Inline[] }
  | { k: 'link'; href: string; c: Inline[] }
  /** A link to another item of the knowledge base, written `[text](card:<id>)`; `to` says which view opens it. */
  | { k: 'ref'; to: ItemKind; id: string; c: Inline[] };

/** The three kinds of item a `ref` can point at. */
export type ItemKind = 'question' | 'practice' | 'quiz';
export type Block = { k: 'p'; c: Inline[] } | { k: 'ul' | 'ol'; items: Inline[][] } | { k: 'snippet'; i: number };

export interface Concept {
  id: string;
  name: string;
  definition: string;
}

export interface QuestionCard {
  id: string;
  kind: 'question';
  question: string;
  short: string;
  body: Block[];
  snippets: Snippet[];
  concepts: string[];
  difficulty: Difficulty;
  level: 1 | 2 | 3;
  keywords: string[];
  related: string[];
  pitfalls: string[];
  versions: Record<string, string>;
  /** One sentence on what to look for in the timeline of this card's snippets, when run. */
  timeline?: string;
}

export interface PracticeProblem {
  id: string;
  kind: 'practice';
  title: string;
  concepts: string[];
  difficulty: Difficulty;
  /** `site:slug` of known problems this practises. */
  matches: string[];
  keywords: string[];
  cards: string[];
  hints: [string, string, string];
  statement: Block[];
  /** Exact module-level names and signatures the tests use. */
  interface: Block[];
  /** The file the user starts from in the workbench. */
  starter: string;
  /** The Python test suite (see utils/python/harness.py for how it is run). */
  tests: string;
  solution: Block[];
  testing: Block[];
  snippets: Snippet[];
}

/** One answer offered by a quiz item; exactly one per item is correct. */
export interface QuizChoice {
  /** For the correct choice: exactly what the snippet prints (trailing white space ignored). */
  text: string;
  correct: boolean;
  /** Shown after answering; for a wrong choice it names the misconception that produces it. */
  explanation: string;
}

/** "Predict the output": a runnable snippet and 3–4 candidate outputs. A card in the same id space as questions. */
export interface QuizItem {
  id: string;
  kind: 'quiz';
  prompt: string;
  concepts: string[];
  difficulty: Difficulty;
  level: 1 | 2 | 3;
  keywords: string[];
  choices: QuizChoice[];
  /** The one snippet (with its verified output); an array so snippet tooling treats it like other items. */
  snippets: [Snippet];
}

export interface Knowledge {
  concepts: Concept[];
  questions: QuestionCard[];
  practice: PracticeProblem[];
  /** Predict-the-output items (data/quizzes/); optional so hand-built test knowledge bases need not list them. */
  quizzes?: QuizItem[];
}

/**
 * What lists and names need of every item, without bodies, snippets or test suites: the part of the
 * knowledge base the extension pages load before anything else (data/generated/catalogue.ts). A view that
 * shows an item loads that item alone (utils/knowledge).
 */
export interface Catalogue {
  concepts: Pick<Concept, 'id' | 'name'>[];
  questions: Pick<QuestionCard, 'id' | 'kind' | 'question' | 'concepts' | 'difficulty' | 'level'>[];
  practice: Pick<PracticeProblem, 'id' | 'kind' | 'title' | 'concepts' | 'difficulty'>[];
  quizzes: Pick<QuizItem, 'id' | 'kind' | 'concepts' | 'difficulty' | 'level' | 'keywords'>[];
}

export type KnowledgeItem = QuestionCard | PracticeProblem | QuizItem;
