import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CardSummaryList } from '@/components/CardSummaryList';
import { FindingList } from '@/components/FindingList';
import { HintSteps } from '@/components/HintSteps';
import { CodeText, inlineCodeParts, plainText } from '@/components/CodeText';
import { QuestionDetail } from '@/components/QuestionDetail';
import { ReviewCard } from '@/components/ReviewCard';
import { knowledge, questionById } from '@/utils/knowledge/all';
import { lintPython } from '@/utils/lint';

afterEach(cleanup);

describe('inline code from data', () => {
  it('splits backtick spans and leaves unpaired backticks as text', () => {
    expect(inlineCodeParts('use `gather` then `wait`')).toEqual([
      { code: false, text: 'use ' },
      { code: true, text: 'gather' },
      { code: false, text: ' then ' },
      { code: true, text: 'wait' },
    ]);
    expect(inlineCodeParts('a ` lone backtick')).toEqual([{ code: false, text: 'a ` lone backtick' }]);
    expect(plainText('why `await a()` waits')).toBe('why await a() waits');
    const { container } = render(<CodeText text="call `asyncio.run()` once" />);
    expect(container.querySelector('code')?.textContent).toBe('asyncio.run()');
    expect(container.textContent).toBe('call asyncio.run() once');
  });

  it('renders every practice hint without raw backticks', () => {
    const hints = knowledge.practice.flatMap((p) => p.hints);
    expect(hints.filter((h) => h.includes('`')).length).toBeGreaterThan(30);
    const { container } = render(<HintSteps hints={hints} revealed={hints.length} onReveal={() => undefined} />);
    expect(container.textContent).not.toContain('`');
    expect(container.querySelectorAll('code').length).toBeGreaterThan(30);
  });

  it('renders question titles and short answers as code in the question view, lists and review card', () => {
    const card = questionById.get('sequential-awaits-do-not-overlap')!;
    expect(card.question).toContain('`');
    const views: [string, preact.JSX.Element][] = [
      [
        'h2',
        <QuestionDetail
          card={card}
          conceptNames={new Map()}
          relatedTitles={new Map()}
          inDeck={false}
          onToggleDeck={() => undefined}
          onOpenQuestion={() => undefined}
          onCopy={async () => undefined}
        />,
      ],
      ['summary', <CardSummaryList cards={[{ id: card.id, question: card.question, short: 'use `gather`' }]} />],
      [
        'h3',
        <ReviewCard
          cardId={card.id}
          question={card}
          state={0}
          leech={false}
          revealed={false}
          previews={[]}
          onReveal={() => undefined}
          onRate={() => undefined}
          onAction={() => undefined}
        />,
      ],
    ];
    for (const [selector, view] of views) {
      const { container, unmount } = render(view);
      const heading = container.querySelector(selector)!;
      expect(heading.textContent).not.toContain('`');
      expect(heading.querySelector('code')?.textContent).toBe('await a(); await b()');
      unmount();
    }
  });

  it('renders linter findings with their code spans', () => {
    const findings = lintPython('import asyncio, time\nasync def main():\n    time.sleep(1)\n');
    expect(findings.some((f) => f.message.includes('`'))).toBe(true);
    const { container } = render(<FindingList findings={findings} />);
    expect(container.textContent).not.toContain('`');
    expect(container.querySelector('.aw-finding-text code')).not.toBeNull();
  });
});
