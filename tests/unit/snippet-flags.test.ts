/** Where snippets declare they run, and per-version outputs: the compiler's rules and the data's honesty. */
import { describe, expect, it } from 'vitest';
import { compileKnowledge } from '../../scripts/lib/compile-knowledge';
import { knowledge } from '@/utils/knowledge/all';
import { expectedOutput } from '../../scripts/lib/python-matrix';

const CONCEPTS = '- id: gather\n  name: gather\n  definition: Runs awaitables concurrently.\n';

function compileSnippet(fences: string) {
  const text = [
    '---',
    'id: sample-card',
    'question: Why?',
    'short: Because.',
    'concepts: [gather]',
    'difficulty: easy',
    'level: 1',
    'keywords: [a, b]',
    '---',
    '',
    'Some text.',
    '',
    fences,
    '',
  ].join('\n');
  return compileKnowledge(CONCEPTS, [{ path: 'questions/sample-card.md', text }]);
}

describe('snippet flags', () => {
  it('runs a plain run snippet on CPython and in the browser', () => {
    const { knowledge, errors } = compileSnippet('```python run\nprint(1)\n```\n\n```output\n1\n```');
    expect(errors).toEqual([]);
    expect(knowledge.questions[0]!.snippets[0]).toMatchObject({ runsIn: ['cpython', 'browser'], output: '1' });
    expect(knowledge.questions[0]!.snippets[0]!.why).toBeUndefined();
  });

  it('keeps a cpython-only snippet out of the browser, with the reason', () => {
    const { knowledge, errors } = compileSnippet('```python run cpython-only=threads\nprint(1)\n```');
    expect(errors).toEqual([]);
    expect(knowledge.questions[0]!.snippets[0]).toMatchObject({ runsIn: ['cpython'], why: 'threads' });
  });

  it('treats a parse-only snippet as needing packages', () => {
    const { knowledge } = compileSnippet('```python parse\nimport aiohttp\n```');
    expect(knowledge.questions[0]!.snippets[0]).toMatchObject({ runsIn: ['cpython'], why: 'packages' });
  });

  it('rejects an unknown reason', () => {
    expect(compileSnippet('```python run cpython-only=gremlins\nprint(1)\n```').errors[0]).toMatch(
      /cpython-only needs one of threads, processes/,
    );
  });

  it('reads per-version outputs and picks the newest that applies', () => {
    const { knowledge, errors } = compileSnippet(
      '```python run\nprint(1)\n```\n\n```output\nold\n```\n\n```output 3.13+\nnew\n```\n\n```output 3.14+\nnewest\n```',
    );
    expect(errors).toEqual([]);
    const snippet = knowledge.questions[0]!.snippets[0]!;
    expect(snippet.outputs).toEqual({ '3.13': 'new', '3.14': 'newest' });
    expect(expectedOutput(snippet, '3.11')).toBe('old');
    expect(expectedOutput(snippet, '3.13')).toBe('new');
    expect(expectedOutput(snippet, '3.14')).toBe('newest');
  });

  it('rejects a versioned output without the plain one before it', () => {
    expect(compileSnippet('```python run\nprint(1)\n```\n\n```output 3.13+\nnew\n```').errors[0]).toMatch(
      /must follow the plain output block/,
    );
  });
});

describe('the knowledge base', () => {
  const NEEDS_CPYTHON =
    /\b(to_thread|run_in_executor|threading\.(?:Thread|Timer)|ThreadPoolExecutor|ProcessPoolExecutor|multiprocessing|subprocess|create_subprocess_\w+|add_signal_handler|signal\.signal|socketpair|start_server|open_connection|create_server|create_datagram_endpoint|sock_recv|sock_sendall)\b/;
  it('marks every snippet that needs threads, processes, sockets or signals as CPython-only', () => {
    const offenders = [...knowledge.questions, ...knowledge.practice].flatMap((item) =>
      item.snippets
        .map((s, n) => ({ s, name: `${item.id}#${n + 1}` }))
        .filter(({ s }) => s.runsIn.includes('browser') && NEEDS_CPYTHON.test(s.code))
        .map(({ name }) => name),
    );
    expect(offenders).toEqual([]);
  });
});
