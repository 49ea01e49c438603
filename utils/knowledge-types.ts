/** Shapes of the compiled knowledge base (data/ compiled by scripts/build-data.ts). */

export type Difficulty = 'easy' | 'medium' | 'hard';

/** One highlighted token: `c` is a highlight.js class without the `hljs-` prefix, absent for plain text. */
export interface Token {
  t: string;
  c?: string;
}

/** A coloured run of a snippet's text: start offset, length, and the highlight class. */
export type HighlightMark = [number, number, string];

export interface Snippet {
  code: string;
  /** Highlighting computed at build time, so no highlighter ships to the browser (see utils/highlight.ts). */
  marks: HighlightMark[];
  runnable: boolean;
  bad: boolean;
  minPython?: string;
  output?: string;
}

/** Safe Markdown subset, compiled at build time to a tree that is rendered as elements, never as HTML. */
export type Inline =
  | { k: 'text'; t: string }
  | { k: 'code'; t: string }
  | { k: 'strong'; c: Inline[] }
  | { k: 'em'; c: Inline[] }
  | { k: 'link'; href: string; c: Inline[] };
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
  solution: Block[];
  testing: Block[];
  snippets: Snippet[];
}

export interface Knowledge {
  concepts: Concept[];
  questions: QuestionCard[];
  practice: PracticeProblem[];
}
