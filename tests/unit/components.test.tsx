/** Presentational components, rendered with fixed props and read the way a user reads them. */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CodeBlock } from '@/components/CodeBlock';
import { HintOverlay, type HintOverlayProps } from '@/components/HintOverlay';
import { HintSteps } from '@/components/HintSteps';
import { QuestionDetail } from '@/components/QuestionDetail';
import { SearchBox } from '@/components/SearchBox';
import { ThisTabSummary } from '@/components/ThisTabSummary';
import { questionById } from '@/utils/knowledge/all';
import type { PageFindings } from '@/utils/page-findings';
import type { PageView, TabState } from '@/utils/page-view';

afterEach(cleanup);

const VIEW: PageView = {
  relevant: true,
  score: 0.9,
  concepts: [{ id: 'event', name: 'Event' }],
  practice: {
    id: 'print-in-order',
    title: 'Print in order',
    hints: ['Nudge text', 'Approach text', 'Near text'],
    tests: 6,
  },
  cards: [
    { id: 'event-primitive', question: 'What is asyncio.Event for?', short: 'A flag to wait on.' },
    { id: 'condition-primitive', question: 'What is asyncio.Condition?', short: 'A lock plus signalling.' },
    { id: 'gather-basics', question: 'How does gather work?', short: 'Runs awaitables concurrently.' },
    { id: 'shield', question: 'What does shield do?', short: 'Protects from outer cancellation.' },
  ],
};

const FINDINGS: PageFindings = {
  url: 'https://leetcode.com/problems/print-in-order/',
  source: 'editor',
  total: 1,
  findings: [
    {
      line: 3,
      col: 5,
      endLine: 3,
      endCol: 18,
      rule: 'blocking-sleep',
      ref: 'ASYNC251',
      message: 'time.sleep blocks the loop',
      severity: 'warning',
      concept: 'blocking-call',
      card: 'time-sleep-vs-asyncio-sleep',
    },
  ],
};

function overlay(props: Partial<HintOverlayProps> = {}) {
  const handlers = {
    onToggle: vi.fn(),
    onReveal: vi.fn(),
    onOpenPanel: vi.fn(),
    onAddCards: vi.fn(),
    onHide: vi.fn(),
    onSolveHere: vi.fn(),
    onSelectFinding: vi.fn(),
  };
  render(
    <HintOverlay
      view={VIEW}
      findings={FINDINGS}
      theme="dark"
      open
      floating={false}
      revealed={1}
      addState="idle"
      addedCount={0}
      panelError={false}
      {...handlers}
      {...props}
    />,
  );
  return handlers;
}

describe('HintOverlay', () => {
  it('closed, is one badge named by how many hints and code findings, with no words as text nodes', () => {
    overlay({ open: false });
    const badge = screen.getByRole('button', { name: '3 asyncio hints, 1 code finding' });
    expect(badge.getAttribute('aria-expanded')).toBe('false');
    // The words are drawn from attributes by CSS, so the page's window.find() cannot find them.
    expect(badge.textContent).toBe('');
    expect(badge.dataset.label).toBe('3 asyncio hints');
    expect(within(badge).queryByText(/\S/)).toBeNull();
    expect(badge.querySelector('.aw-badge-count')?.getAttribute('data-count')).toBe('1');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('after the last hint, offers "Solve it here (N tests)" for the practice problem', () => {
    const h = overlay({ revealed: 3 });
    fireEvent.click(screen.getByRole('button', { name: 'Solve it here (6 tests)' }));
    expect(h.onSolveHere).toHaveBeenCalledWith('print-in-order');
    cleanup();
    overlay({ revealed: 2 });
    expect(screen.queryByRole('button', { name: /Solve it here/ })).toBeNull();
  });

  it('open, shows concepts, the revealed hints only, findings with lines, and the top three questions', () => {
    const h = overlay();
    expect(screen.getByRole('dialog', { name: 'Awaitwise hints' })).toBeTruthy();
    expect(screen.getByText('Event')).toBeTruthy();
    expect(screen.getByText('Nudge text')).toBeTruthy();
    expect(screen.queryByText('Approach text')).toBeNull();
    expect(screen.getAllByRole('listitem').filter((li) => li.classList.contains('aw-card'))).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Go to line 3' }));
    expect(h.onSelectFinding).toHaveBeenCalledWith(FINDINGS.findings[0]);
    fireEvent.click(screen.getByRole('button', { name: 'Add these to my flashcards' }));
    expect(h.onAddCards).toHaveBeenCalled();
  });

  it('a capped finding list says how many more there are, and the badge counts them all', () => {
    overlay({ findings: { ...FINDINGS, total: 1201 } });
    expect(screen.getByText(/^1,200 more findings not shown/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '3 asyncio hints, 1201 code findings' })).toBeTruthy();
    cleanup();
    overlay();
    expect(screen.queryByText(/more findings? not shown/)).toBeNull();
  });

  it('reports adding and a refused side panel in words', () => {
    overlay({ addState: 'added', addedCount: 0, panelError: true });
    expect(screen.getByRole('button', { name: 'Already in your flashcards' })).toHaveProperty('disabled', true);
    expect(screen.getByText(/did not open the side panel/)).toBeTruthy();
  });

  it('renders page-derived text as text, never as markup', () => {
    const hostile = { ...VIEW, practice: { ...VIEW.practice!, title: '<img src=x onerror=alert(1)>' } };
    const { container } = render(
      <HintOverlay
        view={hostile}
        findings={null}
        theme="light"
        open
        floating
        revealed={0}
        addState="idle"
        addedCount={0}
        panelError={false}
        onToggle={vi.fn()}
        onReveal={vi.fn()}
        onOpenPanel={vi.fn()}
        onAddCards={vi.fn()}
        onHide={vi.fn()}
        onSolveHere={vi.fn()}
        onSelectFinding={vi.fn()}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('HintSteps', () => {
  it('asks for each hint in turn and says when there are no more', () => {
    const onReveal = vi.fn();
    const { rerender } = render(<HintSteps hints={['a', 'b', 'c']} revealed={0} onReveal={onReveal} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show the first hint' }));
    expect(onReveal).toHaveBeenCalledWith(1);
    rerender(<HintSteps hints={['a', 'b', 'c']} revealed={2} onReveal={onReveal} />);
    expect(screen.getByRole('button', { name: 'Show hint 3: Near-solution' })).toBeTruthy();
    rerender(<HintSteps hints={['a', 'b', 'c']} revealed={3} onReveal={onReveal} />);
    expect(screen.getByText(/That is every hint/)).toBeTruthy();
  });
});

describe('SearchBox', () => {
  const hits = [
    { id: 'a', kind: 'question' as const, title: 'First', score: 2 },
    { id: 'b', kind: 'practice' as const, title: 'Second', score: 1 },
  ];

  it('moves the selection with the arrows, wraps, and opens with Enter', () => {
    const onActive = vi.fn();
    const onPick = vi.fn();
    render(
      <SearchBox
        id="s"
        query="x"
        hits={hits}
        ready
        activeIndex={1}
        onQuery={vi.fn()}
        onActive={onActive}
        onPick={onPick}
      />,
    );
    const box = screen.getByRole('combobox');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(onActive).toHaveBeenLastCalledWith(0);
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(onActive).toHaveBeenLastCalledWith(0);
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onPick).toHaveBeenCalledWith(hits[1]);
    expect(box.getAttribute('aria-activedescendant')).toBe('s-results-1');
    expect(screen.getByRole('option', { selected: true }).textContent).toContain('Second');
  });

  it('says when nothing matches, and when the index is still loading', () => {
    const { rerender } = render(
      <SearchBox
        id="s"
        query="zzz"
        hits={[]}
        ready
        activeIndex={0}
        onQuery={vi.fn()}
        onActive={vi.fn()}
        onPick={vi.fn()}
      />,
    );
    expect(screen.getByText(/Nothing matches/)).toBeTruthy();
    rerender(
      <SearchBox
        id="s"
        query="zzz"
        hits={[]}
        ready={false}
        activeIndex={0}
        onQuery={vi.fn()}
        onActive={vi.fn()}
        onPick={vi.fn()}
      />,
    );
    expect(screen.getByText(/Loading the questions/)).toBeTruthy();
  });

  it('clears with Escape', () => {
    const onQuery = vi.fn();
    render(
      <SearchBox
        id="s"
        query="abc"
        hits={hits}
        ready
        activeIndex={0}
        onQuery={onQuery}
        onActive={vi.fn()}
        onPick={vi.fn()}
      />,
    );
    fireEvent.keyDown(screen.getByRole('combobox'), { key: 'Escape' });
    expect(onQuery).toHaveBeenCalledWith('');
  });
});

describe('CodeBlock and QuestionDetail', () => {
  const card = questionById.get('gather-does-not-cancel-on-error')!;

  it('renders highlighted code whose text is exactly the snippet, and copies it', async () => {
    const onCopy = vi.fn(async () => undefined);
    const snippet = card.snippets[0]!;
    const { container } = render(<CodeBlock snippet={snippet} onCopy={onCopy} />);
    expect(container.querySelector('pre code')!.textContent.replace(/\n$/, '')).toBe(snippet.code);
    expect(container.querySelector('.hl-keyword')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(onCopy).toHaveBeenCalledWith(snippet.code);
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeTruthy();
  });

  it('shows the question, short answer, pitfalls, related questions and the deck toggle', () => {
    const onToggleDeck = vi.fn();
    const onOpenQuestion = vi.fn();
    render(
      <QuestionDetail
        card={card}
        conceptNames={new Map()}
        relatedTitles={new Map([[card.related[0]!, 'Related title']])}
        inDeck={false}
        onToggleDeck={onToggleDeck}
        onOpenQuestion={onOpenQuestion}
        onCopy={vi.fn()}
      />,
    );
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(card.question);
    expect(screen.getByText(card.short)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add to flashcards' }));
    expect(onToggleDeck).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Related title' }));
    expect(onOpenQuestion).toHaveBeenCalledWith(card.related[0]);
  });
});

describe('ThisTabSummary', () => {
  it('says plainly when nothing was detected', () => {
    render(<ThisTabSummary state={null} loading={false} limit={3} onOpenQuestion={vi.fn()} />);
    expect(screen.getByTestId('no-detection').textContent).toMatch(/No asyncio problem on this page/);
  });

  it('shows the problem, its site, and at most `limit` questions', () => {
    const state: TabState = {
      tabId: 1,
      frameId: 0,
      problem: {
        site: 'leetcode',
        url: 'https://leetcode.com/problems/print-in-order/',
        slug: 'print-in-order',
        title: 'Print in Order',
        difficulty: 'Easy',
        tags: [],
        generic: false,
      },
      view: VIEW,
      updatedAt: 0,
    };
    render(<ThisTabSummary state={state} loading={false} limit={2} onOpenQuestion={vi.fn()} />);
    expect(screen.getByText('Print in Order')).toBeTruthy();
    expect(screen.getByText(/LeetCode · Easy/)).toBeTruthy();
    expect(screen.getAllByText(/^What is|^How does/)).toHaveLength(2);
  });
});
