/**
 * Build-time compiler for data/: front matter validated with valibot, Markdown restricted to a safe subset
 * (marked's lexer, then our own tree), snippets highlighted with lowlight. Never imported by the extension:
 * the browser gets only the compiled JSON, so neither a Markdown parser nor a highlighter ships.
 */
import type { Token as MdToken, Tokens } from 'marked';
import { createLowlight } from 'lowlight';
import python from 'highlight.js/lib/languages/python';
import * as v from 'valibot';
import type { Root, RootContent } from 'hast';
import { marksFromLines } from '../../utils/highlight';
import {
  atLine,
  ItemError,
  lexBody,
  lineOfToken,
  parseYamlAt,
  splitFrontMatter,
  validate,
  type ItemSource,
} from './item-source';
import type {
  Block,
  BrowserGap,
  Concept,
  Inline,
  ItemKind,
  Knowledge,
  PracticeProblem,
  QuestionCard,
  QuizItem,
  Snippet,
  Token,
} from '../../utils/knowledge-types';

export interface SourceFile {
  /** Path relative to data/, e.g. `questions/gather-basics.md`. */
  path: string;
  text: string;
}

export interface CompileResult {
  knowledge: Knowledge;
  errors: string[];
}

const ITEM_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ID = v.pipe(v.string(), v.regex(ITEM_ID, 'must be kebab-case'));
const TEXT = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const DIFFICULTY = v.picklist(['easy', 'medium', 'hard']);

const ConceptSchema = v.strictObject({ id: ID, name: TEXT, definition: TEXT });

const QuestionFrontSchema = v.strictObject({
  id: ID,
  question: TEXT,
  short: v.pipe(TEXT, v.maxLength(400, 'short answer must stay under 400 characters')),
  concepts: v.pipe(v.array(ID), v.minLength(1)),
  difficulty: DIFFICULTY,
  level: v.picklist([1, 2, 3]),
  keywords: v.pipe(v.array(TEXT), v.minLength(2)),
  related: v.optional(v.array(ID), []),
  pitfalls: v.optional(v.array(TEXT), []),
  versions: v.optional(v.record(v.pipe(v.string(), v.regex(/^3\.\d+$/)), TEXT), {}),
  timeline: v.optional(
    v.pipe(
      TEXT,
      v.maxLength(240, 'timeline must stay under 240 characters'),
      v.regex(/^[^.!?]*(?:\.\w[^.!?]*)*[.!?]$/, 'timeline must be one sentence'),
    ),
  ),
});

const PracticeFrontSchema = v.strictObject({
  id: ID,
  title: TEXT,
  concepts: v.pipe(v.array(ID), v.minLength(1)),
  difficulty: DIFFICULTY,
  matches: v.optional(v.array(v.pipe(v.string(), v.regex(/^[a-z]+:[a-z0-9-]+$/, 'must be site:slug'))), []),
  keywords: v.pipe(v.array(TEXT), v.minLength(2)),
  cards: v.optional(v.array(ID), []),
  hints: v.tuple([TEXT, TEXT, TEXT]),
});

const QuizChoiceSchema = v.strictObject({
  // Not trimmed: the correct choice is compared with the snippet's output line by line.
  text: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  correct: v.optional(v.boolean(), false),
  explanation: v.pipe(TEXT, v.maxLength(300, 'an explanation is one or two sentences')),
});

const QuizFrontSchema = v.strictObject({
  id: v.pipe(ID, v.startsWith('quiz-', 'quiz ids start with "quiz-" so they never collide with question cards')),
  prompt: TEXT,
  concepts: v.pipe(v.array(ID), v.minLength(1)),
  difficulty: DIFFICULTY,
  level: v.picklist([1, 2, 3]),
  keywords: v.pipe(v.array(TEXT), v.minLength(2)),
  choices: v.pipe(
    v.array(QuizChoiceSchema),
    v.minLength(3, 'give 3 or 4 choices'),
    v.maxLength(4, 'give 3 or 4 choices'),
  ),
});

const lowlight = createLowlight({ python });

/** Splits highlighted output into lines of flat tokens; nested spans keep the innermost class. */
export function highlightPython(code: string): Token[][] {
  const tree: Root = lowlight.highlight('python', code);
  const lines: Token[][] = [[]];
  const walk = (nodes: RootContent[], cls: string | undefined) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        const parts = node.value.split('\n');
        parts.forEach((part, i) => {
          if (i > 0) lines.push([]);
          if (part) lines[lines.length - 1]!.push(cls ? { t: part, c: cls } : { t: part });
        });
      } else if (node.type === 'element') {
        const names = node.properties.className ?? [];
        const own = names.find((n) => n.startsWith('hljs-'))?.slice(5);
        walk(node.children, own ?? cls);
      }
    }
  };
  walk(tree.children, undefined);
  return lines;
}

function inline(tokens: MdToken[] | undefined): Inline[] {
  const out: Inline[] = [];
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'text': {
        const t = token as Tokens.Text;
        if (t.tokens?.length) out.push(...inline(t.tokens));
        else out.push({ k: 'text', t: t.text });
        break;
      }
      case 'escape':
        out.push({ k: 'text', t: (token as Tokens.Escape).text });
        break;
      case 'codespan':
        out.push({ k: 'code', t: decodeEntities((token as Tokens.Codespan).text) });
        break;
      case 'strong':
        out.push({ k: 'strong', c: inline((token as Tokens.Strong).tokens) });
        break;
      case 'em':
        out.push({ k: 'em', c: inline((token as Tokens.Em).tokens) });
        break;
      case 'br':
        out.push({ k: 'text', t: '\n' });
        break;
      case 'link': {
        const link = token as Tokens.Link;
        const item = /^card:(.*)$/.exec(link.href);
        if (item) {
          if (!ITEM_ID.test(item[1]!)) throw new ItemError(`card links name an item id: ${link.href}`);
          const text = inline(link.tokens);
          if (!text.length) throw new ItemError(`a card link needs its text: [text](${link.href})`);
          // `to` is settled by resolveRefs once every item is known; an unknown id is an error there.
          out.push({ k: 'ref', to: 'question', id: item[1]!, c: text });
          break;
        }
        if (!/^https:\/\/[^\s]+$/.test(link.href))
          throw new ItemError(`links must be https or card:<id>: ${link.href}`);
        out.push({ k: 'link', href: link.href, c: inline(link.tokens) });
        break;
      }
      default:
        throw new ItemError(`unsupported Markdown (${token.type}): ${token.raw.slice(0, 60)}`);
    }
  }
  // Adjacent text runs come from escapes and soft breaks; merging keeps the JSON small.
  return out.reduce<Inline[]>((acc, node) => {
    const last = acc[acc.length - 1];
    if (node.k === 'text' && last?.k === 'text') last.t += node.t;
    else acc.push(node);
    return acc;
  }, []);
}

/** marked keeps entities escaped in code spans; the tree holds plain text. */
function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

const BROWSER_GAPS: readonly BrowserGap[] = [
  'threads',
  'processes',
  'subprocess',
  'sockets',
  'signals',
  'packages',
  'event-loop',
];

type SnippetInfo = Omit<Snippet, 'code' | 'marks' | 'output' | 'outputs'>;

/**
 * Info string: `python run|parse [bad] [min=3.12] [cpython-only=<gap>]`. A `parse` snippet (third-party
 * packages) runs nowhere here, so it is CPython-only for `packages` unless it names another gap.
 */
function parseSnippetInfo(lang: string): SnippetInfo {
  const [language, ...flags] = lang.trim().split(/\s+/);
  if (language !== 'python') throw new ItemError(`code blocks must be python or output, got "${language}"`);
  let runnable: boolean | undefined;
  let bad = false;
  let minPython: string | undefined;
  let why: BrowserGap | undefined;
  for (const flag of flags) {
    if (flag === 'run' || flag === 'parse') {
      if (runnable !== undefined) throw new ItemError('a snippet is either run or parse, not both');
      runnable = flag === 'run';
    } else if (flag === 'bad') bad = true;
    else if (/^min=3\.\d+$/.test(flag)) minPython = flag.slice(4);
    else if (flag.startsWith('cpython-only=')) {
      const gap = flag.slice('cpython-only='.length);
      if (!(BROWSER_GAPS as readonly string[]).includes(gap))
        throw new ItemError(`cpython-only needs one of ${BROWSER_GAPS.join(', ')}; got "${gap}"`);
      why = gap as BrowserGap;
    } else throw new ItemError(`unknown snippet flag "${flag}"`);
  }
  if (runnable === undefined) throw new ItemError('every python snippet says run or parse');
  if (!runnable) why ??= 'packages';
  return {
    runnable,
    bad,
    ...(minPython ? { minPython } : {}),
    runsIn: why ? ['cpython'] : ['cpython', 'browser'],
    ...(why ? { why } : {}),
  };
}

/** Compiles a Markdown body into blocks; snippets are appended to `snippets` and referenced by index. */
function blocks(tokens: MdToken[], snippets: Snippet[]): Block[] {
  const out: Block[] = [];
  for (const token of tokens) {
    try {
      block(token, out, snippets);
    } catch (error) {
      throw atLine(error, lineOfToken(token));
    }
  }
  return out;
}

/** One top-level Markdown block into `out` (a snippet also into `snippets`). */
function block(token: MdToken, out: Block[], snippets: Snippet[]): void {
  switch (token.type) {
    case 'space':
      break;
    case 'paragraph':
      out.push({ k: 'p', c: inline((token as Tokens.Paragraph).tokens) });
      break;
    case 'list': {
      const list = token as Tokens.List;
      out.push({
        k: list.ordered ? 'ol' : 'ul',
        items: list.items.map((item) => {
          const inner = item.tokens.flatMap((t) => (t.type === 'text' || t.type === 'paragraph' ? [t] : []));
          if (inner.length !== item.tokens.filter((t) => t.type !== 'space').length)
            throw new ItemError('list items may hold only text (no nested lists or code)');
          return inner.flatMap((t) => inline((t as Tokens.Text).tokens ?? [{ ...t, type: 'text' }]));
        }),
      });
      break;
    }
    case 'code': {
      const code = token as Tokens.Code;
      const lang = code.lang ?? '';
      const outputInfo = /^output(?:\s+(3\.\d+)\+)?$/.exec(lang.trim());
      if (outputInfo) {
        const from = outputInfo[1];
        const last = snippets[snippets.length - 1];
        const prev = out[out.length - 1];
        if (!last || prev?.k !== 'snippet' || !last.runnable)
          throw new ItemError('an output block must directly follow a run snippet');
        if (!from) {
          if (last.output !== undefined || last.outputs) throw new ItemError('a snippet has one plain output block');
          last.output = code.text;
        } else {
          // `output 3.13+` overrides the plain output from that version on; it follows the plain one.
          if (last.output === undefined) throw new ItemError(`"output ${from}+" must follow the plain output block`);
          if (last.outputs?.[from] !== undefined) throw new ItemError(`two "output ${from}+" blocks`);
          last.outputs = { ...last.outputs, [from]: code.text };
        }
        break;
      }
      const info = parseSnippetInfo(lang);
      const snippet: Snippet = { code: code.text, marks: marksFromLines(highlightPython(code.text)), ...info };
      snippets.push(snippet);
      out.push({ k: 'snippet', i: snippets.length - 1 });
      break;
    }
    default:
      throw new ItemError(`unsupported Markdown block (${token.type}): ${token.raw.slice(0, 60)}`);
  }
}

function compileQuestion(path: string, text: string): QuestionCard {
  const source = splitFrontMatter(text);
  const meta = validate(QuestionFrontSchema, source.front.value, source.front);
  checkFileName(path, meta.id, source);
  const snippets: Snippet[] = [];
  const compiled = blocks(lexBody(source.body, source.bodyLine), snippets);
  if (!compiled.some((b) => b.k === 'p')) throw new ItemError('the full answer has no text', source.bodyLine);
  if (snippets.length === 0) throw new ItemError('a question card needs at least one snippet', source.bodyLine);
  if (meta.timeline !== undefined && !snippets.some((s) => s.runsIn.includes('browser')))
    throw new ItemError(
      'timeline: no snippet of this card runs in the browser, so there is no timeline to look at',
      source.front.lineOf(['timeline']),
    );
  return { kind: 'question', ...meta, body: compiled, snippets };
}

/** Trailing white space on each line and at the end does not count (as for snippet outputs). */
const normaliseOutput = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd();

/** A quiz: front matter with the choices, then one ```python run snippet and its ```output block, nothing else. */
function compileQuiz(path: string, text: string): QuizItem {
  const source = splitFrontMatter(text);
  const meta = validate(QuizFrontSchema, source.front.value, source.front);
  checkFileName(path, meta.id, source);
  const snippets: Snippet[] = [];
  const tokens = lexBody(source.body, source.bodyLine);
  const compiled = blocks(tokens, snippets);
  const snippetLine = lineOfToken(tokens.find((t) => t.type === 'code') ?? tokens[0]!) ?? source.bodyLine;
  if (compiled.length !== 1 || snippets.length !== 1)
    throw new ItemError(
      'a quiz body is one ```python run snippet and its ```output block, nothing else',
      source.bodyLine,
    );
  const snippet = snippets[0]!;
  if (!snippet.runnable || snippet.bad)
    throw new ItemError('the quiz snippet must be `run` (and not `bad`)', snippetLine);
  if (snippet.output === undefined) throw new ItemError('the quiz snippet needs its ```output block', snippetLine);
  if (snippet.outputs)
    throw new ItemError('a quiz snippet must print the same on every version (no "output 3.x+")', snippetLine);
  const correct = meta.choices.filter((c) => c.correct);
  const choicesLine = source.front.lineOf(['choices']);
  if (correct.length !== 1)
    throw new ItemError(`exactly one choice is correct: true (found ${correct.length})`, choicesLine);
  if (normaliseOutput(correct[0]!.text) !== normaliseOutput(snippet.output))
    throw new ItemError(
      "the correct choice's text differs from the snippet's output",
      source.front.lineOf(['choices', meta.choices.indexOf(correct[0]!)]),
    );
  const texts = meta.choices.map((c) => normaliseOutput(c.text));
  if (new Set(texts).size !== texts.length) throw new ItemError('two choices have the same text', choicesLine);
  return { kind: 'quiz', ...meta, snippets: [snippet] };
}

const PRACTICE_SECTIONS = ['Statement', 'Interface', 'Starter', 'Solution', 'How to test', 'Tests'] as const;
type PracticeSection = (typeof PRACTICE_SECTIONS)[number];

/** `## Starter` and `## Tests` hold one plain ```python block each: source files, not shown snippets. */
function sourceSection(name: string, section: Section): string {
  const code = section.tokens.filter((t) => t.type !== 'space');
  const only = code[0] as Tokens.Code | undefined;
  if (code.length !== 1 || only?.type !== 'code' || (only.lang ?? '').trim() !== 'python')
    throw new ItemError(`section ## ${name} must hold exactly one \`\`\`python block and nothing else`, section.line);
  return only.text;
}

interface Section {
  /** The line of its ## heading. */
  line: number | undefined;
  tokens: MdToken[];
}

function compilePractice(path: string, text: string): PracticeProblem {
  const source = splitFrontMatter(text);
  const meta = validate(PracticeFrontSchema, source.front.value, source.front);
  checkFileName(path, meta.id, source);
  const sections = new Map<PracticeSection, Section>();
  let current: Section | undefined;
  for (const token of lexBody(source.body, source.bodyLine)) {
    const line = lineOfToken(token);
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      const name = PRACTICE_SECTIONS.find((n) => n === heading.text);
      if (heading.depth !== 2 || !name)
        throw new ItemError(`unexpected heading "${heading.text}"; use ## ${PRACTICE_SECTIONS.join(', ## ')}`, line);
      if (sections.has(name)) throw new ItemError(`section "${heading.text}" appears twice`, line);
      current = { line, tokens: [] };
      sections.set(name, current);
    } else if (current) current.tokens.push(token);
    else if (token.type !== 'space') throw new ItemError('text before the first ## section', line);
  }
  for (const name of PRACTICE_SECTIONS)
    if (!sections.has(name)) throw new ItemError(`missing section ## ${name}`, source.bodyLine);
  const snippets: Snippet[] = [];
  const statement = blocks(sections.get('Statement')!.tokens, snippets);
  const iface = blocks(sections.get('Interface')!.tokens, snippets);
  const solution = blocks(sections.get('Solution')!.tokens, snippets);
  const testing = blocks(sections.get('How to test')!.tokens, snippets);
  if (!snippets.some((s) => s.runnable))
    throw new ItemError('the solution needs a runnable snippet', sections.get('Solution')!.line);
  const starter = sourceSection('Starter', sections.get('Starter')!);
  const tests = sourceSection('Tests', sections.get('Tests')!);
  return {
    kind: 'practice',
    ...meta,
    hints: meta.hints,
    statement,
    interface: iface,
    starter,
    solution,
    testing,
    tests,
    snippets,
  };
}

function checkFileName(path: string, id: string, source: ItemSource) {
  const base = path.split('/').pop()!.replace(/\.md$/, '');
  if (base !== id) throw new ItemError(`id "${id}" must equal the file name "${base}"`, source.front.lineOf(['id']));
}

/** `path` or `path:line`, how every error starts. */
const place = (path: string, line: number | undefined) => (line ? `${path}:${line}` : path);

/**
 * Where a cross-reference problem is: the `nth` line of `path` that names `value` as a whole id (so "event"
 * does not match "event-loop"). Cross-checks run on compiled items, which keep no positions.
 */
type Where = (path: string, value: string, nth?: number) => string;

/** Compiles every item, collecting all errors (each prefixed by its file and line) instead of stopping at the first. */
export function compileKnowledge(conceptsYaml: string, files: SourceFile[]): CompileResult {
  const errors: string[] = [];
  let concepts: Concept[] = [];
  try {
    const located = parseYamlAt(conceptsYaml, 1, 'concepts.yaml');
    concepts = validate(v.array(ConceptSchema), located.value, located);
  } catch (error) {
    if (!(error instanceof ItemError)) throw error;
    errors.push(`${place('concepts.yaml', error.line)}: ${error.message}`);
  }
  const questions: QuestionCard[] = [];
  const practice: PracticeProblem[] = [];
  const quizzes: QuizItem[] = [];
  const broken: string[] = [];
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    try {
      if (file.path.startsWith('questions/')) questions.push(compileQuestion(file.path, file.text));
      else if (file.path.startsWith('practice/')) practice.push(compilePractice(file.path, file.text));
      else if (file.path.startsWith('quizzes/')) quizzes.push(compileQuiz(file.path, file.text));
      else throw new ItemError('items live in questions/, practice/ or quizzes/');
    } catch (error) {
      if (!(error instanceof ItemError)) throw error;
      errors.push(`${place(file.path, error.line)}: ${error.message}`);
      broken.push(file.path);
    }
  }
  const texts = new Map([['concepts.yaml', conceptsYaml], ...files.map((f) => [f.path, f.text] as const)]);
  const where: Where = (path, value, nth = 1) => {
    const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const named = new RegExp(`(?<![a-z0-9-])${escaped}(?![a-z0-9-])`);
    const lines = (texts.get(path) ?? '').split('\n');
    let seen = 0;
    const index = lines.findIndex((line) => named.test(line) && ++seen === nth);
    return place(path, index === -1 ? undefined : index + 1);
  };
  // A card that failed to compile still exists: one bad file gives one error, not one per card linking to it.
  const brokenCards = broken.flatMap((p) => /^questions\/(.+)\.md$/.exec(p)?.[1] ?? []);
  errors.push(...crossCheck(concepts, questions, practice, where, brokenCards));
  errors.push(...crossCheckQuizzes(concepts, questions, practice, quizzes, where));
  errors.push(...resolveRefs(questions, practice, quizzes, where, broken));
  return { knowledge: { concepts, questions, practice, quizzes }, errors };
}

/** Every inline node of `blocks`, nested ones included. */
function* inlines(blocks: readonly Block[]): Generator<Inline> {
  function* walk(nodes: readonly Inline[]): Generator<Inline> {
    for (const node of nodes) {
      yield node;
      if ('c' in node) yield* walk(node.c);
    }
  }
  for (const block of blocks)
    if (block.k === 'p') yield* walk(block.c);
    else if (block.k !== 'snippet') for (const item of block.items) yield* walk(item);
}

/** Points each `[text](card:<id>)` link at the view that shows `id`; a link to no item is an error. */
function resolveRefs(
  questions: QuestionCard[],
  practice: PracticeProblem[],
  quizzes: QuizItem[],
  where: Where,
  broken: readonly string[],
): string[] {
  const kinds = new Map<string, ItemKind>([
    ...questions.map((q) => [q.id, 'question'] as const),
    ...practice.map((p) => [p.id, 'practice'] as const),
    ...quizzes.map((q) => [q.id, 'quiz'] as const),
  ]);
  // A file that failed to compile still names an item: one bad file gives one error.
  const brokenIds = new Set(broken.map((path) => path.split('/').pop()!.replace(/\.md$/, '')));
  const errors: string[] = [];
  const items = [
    ...questions.map((q) => ({ path: `questions/${q.id}.md`, id: q.id, blocks: q.body })),
    ...practice.map((p) => ({
      path: `practice/${p.id}.md`,
      id: p.id,
      blocks: [...p.statement, ...p.interface, ...p.solution, ...p.testing],
    })),
  ];
  for (const { path, id, blocks } of items)
    for (const node of inlines(blocks)) {
      if (node.k !== 'ref') continue;
      const to = kinds.get(node.id);
      if (to) node.to = to;
      else if (!brokenIds.has(node.id))
        errors.push(`${where(path, `card:${node.id}`)}: link to "${node.id}", which is no item`);
      if (node.id === id) errors.push(`${where(path, `card:${node.id}`)}: an item cannot link to itself`);
    }
  return errors;
}

function crossCheckQuizzes(
  concepts: Concept[],
  questions: QuestionCard[],
  practice: PracticeProblem[],
  quizzes: QuizItem[],
  where: Where,
): string[] {
  const errors: string[] = [];
  const conceptIds = new Set(concepts.map((c) => c.id));
  const taken = new Set([...questions.map((q) => q.id), ...practice.map((p) => p.id)]);
  for (const quiz of quizzes) {
    const path = `quizzes/${quiz.id}.md`;
    if (taken.has(quiz.id)) errors.push(`${where(path, quiz.id)}: id also used by a question card or practice problem`);
    for (const c of quiz.concepts) if (!conceptIds.has(c)) errors.push(`${where(path, c)}: unknown concept "${c}"`);
  }
  return errors;
}

function crossCheck(
  concepts: Concept[],
  questions: QuestionCard[],
  practice: PracticeProblem[],
  where: Where,
  brokenCards: readonly string[],
): string[] {
  const errors: string[] = [];
  const conceptIds = new Set(concepts.map((c) => c.id));
  const seen = new Map<string, number>();
  for (const c of concepts) {
    const count = (seen.get(c.id) ?? 0) + 1;
    seen.set(c.id, count);
    if (count > 1) errors.push(`${where('concepts.yaml', `id: ${c.id}`, count)}: duplicate concept id "${c.id}"`);
  }
  const cardIds = new Set([...questions.map((q) => q.id), ...brokenCards]);
  const practiceIds = new Set(practice.map((p) => p.id));
  for (const id of cardIds)
    if (practiceIds.has(id)) errors.push(`${where(`practice/${id}.md`, id)}: id also used by a question card`);
  for (const q of questions) {
    const path = `questions/${q.id}.md`;
    for (const c of q.concepts) if (!conceptIds.has(c)) errors.push(`${where(path, c)}: unknown concept "${c}"`);
    for (const r of q.related)
      if (!cardIds.has(r)) errors.push(`${where(path, r)}: related card "${r}" does not exist`);
      else if (r === q.id) errors.push(`${where(path, r, 2)}: a card cannot be related to itself`);
  }
  for (const p of practice) {
    const path = `practice/${p.id}.md`;
    for (const c of p.concepts) if (!conceptIds.has(c)) errors.push(`${where(path, c)}: unknown concept "${c}"`);
    for (const r of p.cards) if (!cardIds.has(r)) errors.push(`${where(path, r)}: card "${r}" does not exist`);
  }
  return errors;
}
