/** Links between cards: `[text](card:<id>)` renders as a side panel address that opens in the panel. */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { RichText } from '@/components/RichText';
import { knowledge } from '@/utils/knowledge/all';
import { parseRoute } from '@/utils/routes';
import type { Block } from '@/utils/knowledge-types';

afterEach(cleanup);

describe('links to other cards', () => {
  it('open the linked question, practice problem or quiz in the panel, not in a new tab', () => {
    const blocks: Block[] = [
      {
        k: 'p',
        c: [
          { k: 'ref', to: 'question', id: 'shield', c: [{ k: 'text', t: 'shield' }] },
          { k: 'ref', to: 'practice', id: 'fetch-many-urls', c: [{ k: 'code', t: 'fetch_all' }] },
          { k: 'ref', to: 'quiz', id: 'quiz-gather-result-order', c: [{ k: 'text', t: 'the quiz' }] },
          { k: 'link', href: 'https://docs.python.org/3/', c: [{ k: 'text', t: 'docs' }] },
        ],
      },
    ];
    const { container } = render(<RichText blocks={blocks} snippets={[]} />);
    const links = [...container.querySelectorAll('a')];
    expect(links.map((a) => parseRoute(a.getAttribute('href') ?? ''))).toEqual([
      { view: 'question', id: 'shield' },
      { view: 'practice', id: 'fetch-many-urls' },
      { view: 'quiz', id: 'quiz-gather-result-order' },
      { view: 'page' },
    ]);
    expect(links.slice(0, 3).map((a) => a.target)).toEqual(['', '', '']);
    expect(links[1]!.querySelector('code')?.textContent).toBe('fetch_all');
    expect(links[3]!.target).toBe('_blank');
  });

  it('in the bundled data, every link points at an item that exists, in the view that shows it', () => {
    const views = new Map<string, string>([
      ...knowledge.questions.map((q) => [q.id, 'question'] as const),
      ...knowledge.practice.map((p) => [p.id, 'practice'] as const),
      ...(knowledge.quizzes ?? []).map((q) => [q.id, 'quiz'] as const),
    ]);
    const blocks = [
      ...knowledge.questions.flatMap((q) => q.body),
      ...knowledge.practice.flatMap((p) => [...p.statement, ...p.interface, ...p.solution, ...p.testing]),
    ];
    const { container } = render(<RichText blocks={blocks} snippets={[]} />);
    const inPanel = [...container.querySelectorAll('a[href^="#"]')].map((a) => parseRoute(a.getAttribute('href')!));
    expect(inPanel.length).toBeGreaterThan(30);
    for (const route of inPanel) {
      const id = 'id' in route ? route.id : '';
      expect(views.get(id), id).toBe(route.view);
    }
  });
});
