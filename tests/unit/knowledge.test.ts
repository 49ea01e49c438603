/** The knowledge base as shipped: valid, complete, and its compiler strict about what it accepts. */
import { describe, expect, it } from 'vitest';
import { compileDataDir } from '../../scripts/lib/read-data';
import { compileKnowledge, highlightPython } from '../../scripts/lib/compile-knowledge';
import { knowledge as bundled } from '@/utils/knowledge/all';
import { linesFromMarks } from '@/utils/highlight';
import type { Block, Inline } from '@/utils/knowledge-types';

const { knowledge, errors } = compileDataDir();

const CONCEPTS = `- id: gather\n  name: gather\n  definition: Runs things.\n- id: exceptions\n  name: Exceptions\n  definition: Errors.\n`;
const card = (front: string, body = 'Some text.\n\n```python run\nprint(1)\n```\n\n```output\n1\n```\n') =>
  `---\nid: sample-card\nquestion: Why?\nshort: Because.\nconcepts: [gather]\ndifficulty: easy\nlevel: 1\nkeywords: [a, b]\n${front}---\n${body}`;
const compileOne = (text: string, path = 'questions/sample-card.md') =>
  compileKnowledge(CONCEPTS, [{ path, text }]).errors;

describe('the bundled knowledge base', () => {
  it('compiles without a single error', () => {
    expect(errors).toEqual([]);
  });

  it('has at least 80 question cards and 12 practice problems', () => {
    expect(knowledge.questions.length).toBeGreaterThanOrEqual(80);
    expect(knowledge.practice.length).toBeGreaterThanOrEqual(12);
  });

  it('is what the extension bundles (data/generated is up to date)', () => {
    expect(bundled).toEqual(knowledge);
  });

  it('uses every concept of the vocabulary at least once', () => {
    const used = new Set([...knowledge.questions, ...knowledge.practice].flatMap((i) => i.concepts));
    const unused = knowledge.concepts.map((c) => c.id).filter((id) => !used.has(id));
    expect(unused).toEqual([]);
  });

  it('has three progressive hints, a runnable solution and known-problem links in every practice problem', () => {
    for (const p of knowledge.practice) {
      expect(p.hints, p.id).toHaveLength(3);
      expect(new Set(p.hints).size, p.id).toBe(3);
      expect(
        p.snippets.some((s) => s.runnable && s.output !== undefined),
        p.id,
      ).toBe(true);
    }
    const matched = knowledge.practice.flatMap((p) => p.matches);
    for (const slug of [
      'leetcode:print-in-order',
      'leetcode:building-h2o',
      'leetcode:the-dining-philosophers',
      'leetcode:promise-pool',
    ])
      expect(matched).toContain(slug);
  });

  it('covers the topics interviews ask about', () => {
    const ids = new Set(knowledge.questions.map((q) => q.id));
    for (const id of [
      'event-loop-scheduler',
      'calling-coroutine-function',
      'coroutines-vs-threads',
      'sequential-awaits-do-not-overlap',
      'gather-does-not-cancel-on-error',
      'task-group-vs-gather',
      'exception-group-except-star',
      'to-thread',
      'run-in-executor-pools',
      'asyncio-threading-multiprocessing-gil',
      'await-only-in-async-def',
      'shield',
      'wait-for-timeout',
      'asyncio-timeout-context',
      'queue-maxsize-backpressure',
      'task-references',
      'never-awaited-warning',
      'contextvars-in-tasks',
      'call-soon-threadsafe',
      'streams-drain',
      'asyncio-subprocess',
      'graceful-shutdown',
      'testing-async-code',
      'uvloop',
      'eager-task-factory-312',
      'python-311-changes',
      'python-312-changes',
      'python-313-changes',
      'python-314-changes',
      'free-threading-vs-asyncio',
      'inspect-stuck-program',
      'server-close-wait-closed',
      'streams-write-buffer-watermarks',
      'fake-clock-testing',
      'stop-task-group-early',
    ])
      expect(ids, id).toContain(id);
  });

  it('keeps every short answer under 400 characters', () => {
    for (const q of knowledge.questions) expect(q.short.length, q.id).toBeLessThan(400);
  });

  it('names other items by links, never by their raw ids in prose', () => {
    const ids = [...knowledge.questions, ...knowledge.practice, ...(knowledge.quizzes ?? [])]
      .map((i) => i.id)
      .filter((id) => id.includes('-'));
    const raw = new RegExp(`(?<![\\w-])(?:${ids.join('|')})(?![\\w-])`);
    const texts = (nodes: readonly Inline[]): string[] =>
      nodes.flatMap((n) => (n.k === 'text' ? [n.t] : n.k === 'code' ? [] : texts(n.c)));
    const prose = (blocks: readonly Block[]) =>
      blocks.flatMap((b) => (b.k === 'p' ? texts(b.c) : b.k === 'snippet' ? [] : b.items.flatMap(texts)));
    const found = [
      ...knowledge.questions.flatMap((q) =>
        [...prose(q.body), q.short, ...q.pitfalls, ...Object.values(q.versions)].map((t) => [q.id, t] as const),
      ),
      ...knowledge.practice.flatMap((p) =>
        [...prose([...p.statement, ...p.interface, ...p.solution, ...p.testing]), ...p.hints].map(
          (t) => [p.id, t] as const,
        ),
      ),
      ...(knowledge.quizzes ?? []).flatMap((q) => q.choices.map((c) => [q.id, c.explanation] as const)),
    ].flatMap(([id, text]) => {
      const match = raw.exec(text);
      return match ? [`${id}: ${match[0]}`] : [];
    });
    expect(found).toEqual([]);
  });

  it('pairs every parse-only third-party snippet with a runnable standard-library twin', () => {
    for (const item of [...knowledge.questions, ...knowledge.practice]) {
      const thirdParty = item.snippets.filter(
        (s) =>
          !s.runnable && /^\s*(import|from)\s+(aiohttp|aiofiles|uvloop|trio|httpx|requests|pytest)\b/m.test(s.code),
      );
      if (thirdParty.length)
        expect(
          item.snippets.some((s) => s.runnable),
          item.id,
        ).toBe(true);
    }
  });
});

describe('the compiler', () => {
  it('accepts a well-formed card', () => {
    expect(compileOne(card(''))).toEqual([]);
  });

  // card(): lines 1-8 are the fixed front matter, `front` starts on line 9, the body on the line after its ---.
  it.each([
    ['raw HTML', card('', '<b>bold</b> text\n\n```python run\nprint(1)\n```\n'), 10],
    ['a heading', card('', '# Title\n\ntext\n\n```python run\nprint(1)\n```\n'), 10],
    ['an http link', card('', '[x](http://example.com)\n\n```python run\nprint(1)\n```\n'), 10],
    ['an unknown snippet flag', card('', 'text\n\n```python fast\nprint(1)\n```\n'), 12],
    ['a snippet neither run nor parse', card('', 'text\n\n```python\nprint(1)\n```\n'), 12],
    ['an output after a parse snippet', card('', 'text\n\n```python parse\nprint(1)\n```\n\n```output\n1\n```\n'), 16],
    ['a javascript block', card('', 'text\n\n```js\nx()\n```\n'), 12],
    ['an unknown concept', card('').replace('concepts: [gather]', 'concepts: [gather, telepathy]'), 5],
    ['an unknown related card', card('related: [nowhere]\n'), 9],
    ['an unknown front-matter field', card('colour: blue\n'), 9],
    ['a missing short answer (the front matter)', card('').replace('short: Because.\n', ''), 2],
    ['a bad difficulty', card('').replace('difficulty: easy', 'difficulty: trivial'), 6],
    ['no snippet (the body)', card('', 'Only prose.\n'), 10],
    ['invalid YAML', card('pitfalls: [unclosed\nversions: {}\n'), 10],
  ])('rejects %s with a message naming the file and line', (_what, text, line) => {
    const errs = compileOne(text);
    expect(errs.length).toBeGreaterThan(0);
    expect(errs[0]).toMatch(new RegExp(`^questions/sample-card\\.md:${line}: `));
  });

  it('names the line in a practice problem and in concepts.yaml', () => {
    const practice = `---\nid: p\ntitle: P\nconcepts: [gather]\ndifficulty: easy\nkeywords: [a, b]\nhints: [a, b, c]\n---\n\n## Statement\n\nText.\n\n### Deeper\n`;
    expect(compileKnowledge(CONCEPTS, [{ path: 'practice/p.md', text: practice }]).errors[0]).toMatch(
      /^practice\/p\.md:14: unexpected heading "Deeper"/,
    );
    const duplicate = `${CONCEPTS}- id: gather\n  name: Again\n  definition: Twice.\n`;
    expect(compileKnowledge(duplicate, []).errors).toEqual(['concepts.yaml:7: duplicate concept id "gather"']);
  });

  it('reports a broken card once, not again in each card that links to it', () => {
    const broken = card('').replace('difficulty: easy', 'difficulty: trivial');
    const linking = card('related: [sample-card]\n').replace('id: sample-card', 'id: other-card');
    const { errors } = compileKnowledge(CONCEPTS, [
      { path: 'questions/sample-card.md', text: broken },
      { path: 'questions/other-card.md', text: linking },
    ]);
    expect(errors).toEqual([expect.stringMatching(/^questions\/sample-card\.md:6: difficulty: /)]);
  });

  it('turns [text](card:<id>) into a link to that item, resolved to the view that shows it', () => {
    const body =
      'See [a card](card:other-card), [a problem](card:p) and [a quiz](card:quiz-one).\n\n```python run\nprint(1)\n```\n';
    const other = card('').replace('id: sample-card', 'id: other-card');
    const problem = `---\nid: p\ntitle: P\nconcepts: [gather]\ndifficulty: easy\nkeywords: [a, b]\nhints: [a, b, c]\n---\n\n## Statement\n\nText.\n\n## Interface\n\nText.\n\n## Starter\n\n\`\`\`python\nx = 1\n\`\`\`\n\n## Solution\n\nText.\n\n\`\`\`python run\nprint(1)\n\`\`\`\n\n## How to test\n\nText.\n\n## Tests\n\n\`\`\`python\ndef test_x(solution):\n    pass\n\`\`\`\n`;
    const choice = (text: string, correct = false) =>
      `  - text: |-\n      ${text}\n${correct ? '    correct: true\n' : ''}    explanation: A reason that takes a sentence to give.\n`;
    const quiz = `---\nid: quiz-one\nprompt: What does this print?\nconcepts: [gather]\ndifficulty: easy\nlevel: 1\nkeywords: [a, b]\nchoices:\n${choice('1', true)}${choice('2')}${choice('3')}---\n\n\`\`\`python run\nprint(1)\n\`\`\`\n\n\`\`\`output\n1\n\`\`\`\n`;
    const { knowledge, errors } = compileKnowledge(CONCEPTS, [
      { path: 'questions/sample-card.md', text: card('', body) },
      { path: 'questions/other-card.md', text: other },
      { path: 'practice/p.md', text: problem },
      { path: 'quizzes/quiz-one.md', text: quiz },
    ]);
    expect(errors).toEqual([]);
    const text = (t: string) => [{ k: 'text', t }];
    expect(knowledge.questions.find((q) => q.id === 'sample-card')!.body[0]).toEqual({
      k: 'p',
      c: [
        { k: 'text', t: 'See ' },
        { k: 'ref', to: 'question', id: 'other-card', c: text('a card') },
        { k: 'text', t: ', ' },
        { k: 'ref', to: 'practice', id: 'p', c: text('a problem') },
        { k: 'text', t: ' and ' },
        { k: 'ref', to: 'quiz', id: 'quiz-one', c: text('a quiz') },
        { k: 'text', t: '.' },
      ],
    });
  });

  it.each([
    ['to no item', 'card:nowhere', /^questions\/sample-card\.md:10: link to "nowhere", which is no item$/],
    ['to itself', 'card:sample-card', /^questions\/sample-card\.md:10: an item cannot link to itself$/],
    ['with a malformed id', 'card:Not_An_Id', /^questions\/sample-card\.md:10: card links name an item id/],
  ])('rejects a card link %s', (_what, href, message) => {
    expect(compileOne(card('', `See [that](${href}).\n\n\`\`\`python run\nprint(1)\n\`\`\`\n`))).toEqual([
      expect.stringMatching(message),
    ]);
  });

  it('rejects an id that differs from the file name', () => {
    expect(compileOne(card(''), 'questions/other-name.md')[0]).toMatch(/must equal the file name/);
  });

  it('stores highlighting as marks that rebuild exactly the highlighted lines of every snippet', () => {
    for (const item of [...knowledge.questions, ...knowledge.practice])
      for (const snippet of item.snippets)
        expect(linesFromMarks(snippet.code, snippet.marks)).toEqual(highlightPython(snippet.code));
  });

  it('highlights Python into lines of tokens that join back to the source', () => {
    const code = 'async def main():\n    await asyncio.sleep(1)  # pause\n';
    const lines = highlightPython(code);
    expect(lines.map((l) => l.map((t) => t.t).join('')).join('\n')).toBe(code);
    expect(lines[0]).toContainEqual({ t: 'async', c: 'keyword' });
    expect(lines[1]!.some((t) => t.c === 'comment')).toBe(true);
  });
});
