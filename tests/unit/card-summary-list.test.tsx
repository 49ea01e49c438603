/** Ten cards, ten "Full answer" buttons: each one says which card it opens. */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { CardSummaryList } from '@/components/CardSummaryList';

afterEach(cleanup);

it('names each Full answer button after its card, and opens that card', () => {
  const onOpen = vi.fn();
  render(
    <CardSummaryList
      cards={[
        { id: 'a', question: 'What does `asyncio.gather` return?', short: 'A list.' },
        { id: 'b', question: 'When does a Lock help?', short: 'Around an await.' },
      ]}
      onOpen={onOpen}
    />,
  );
  const buttons = screen.getAllByRole('button', { name: /^Full answer/ });
  expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
    'Full answer: What does asyncio.gather return?',
    'Full answer: When does a Lock help?',
  ]);
  fireEvent.click(screen.getByRole('button', { name: 'Full answer: When does a Lock help?' }));
  expect(onOpen).toHaveBeenCalledWith('b');
});
