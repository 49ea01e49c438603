/** The quiz mode in Review and the mock interview, rendered: keys pick, rate and move on; results are stored. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReviewView } from '@/entrypoints/sidepanel/views/ReviewView';
import { WithDb } from './with-db';
import { InterviewView } from '@/entrypoints/sidepanel/views/InterviewView';
import { knowledge, quizById } from '@/utils/knowledge/all';
import { addCards } from '@/utils/srs/repository';
import { choiceOrder } from '@/utils/quiz/answer';
import { Rating } from '@/utils/srs/scheduler';
import { throwawayDbs } from './srs-throwaway-db';

const openDb = throwawayDbs();
// A quiz's code view readies Python when the browser is idle; jsdom has no idle callbacks and these
// tests are about keys, so the warm-up never comes (kept for the whole file: effects clean up after a test ends).
vi.stubGlobal('requestIdleCallback', () => 0);
vi.stubGlobal('cancelIdleCallback', () => undefined);
afterEach(() => cleanup());
const T0 = new Date(2026, 2, 10, 15, 0).getTime();
const key = (k: string, init: KeyboardEventInit = {}) =>
  fireEvent.keyDown(document.activeElement ?? document.body, { key: k, ...init });

describe('a quiz card in Review', () => {
  const quiz = quizById.get('quiz-gather-result-order')!;
  // Keys pick by the position shown, which is a stable shuffle of the authored order.
  const order = choiceOrder(quiz.id, quiz.choices.length);
  const right = order.findIndex((i) => quiz.choices[i]!.correct);
  const wrong = order.findIndex((i) => !quiz.choices[i]!.correct);

  it('a wrong pick shows the explanations, marks Again as suggested, and Enter records it', async () => {
    const db = openDb();
    await addCards(db, [quiz.id], 'manual', T0);
    let t = T0;
    render(
      <WithDb db={db} now={() => t}>
        <ReviewView />
      </WithDb>,
    );
    await screen.findByRole('heading', { level: 3, name: quiz.prompt });
    // The output is the answer: hidden until the user picks.
    expect(screen.queryByText('Output')).toBeNull();
    expect(screen.getByTestId('quiz-step').textContent).toMatch(/^Step 1 of 2: pick the output/);
    t += 5_000;
    key('abcd'[wrong]!);
    await screen.findByText(/Not quite/);
    for (const c of quiz.choices) expect(screen.getByText(c.explanation)).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Again · .*\(suggested\)$/ })).toBeTruthy();
    expect(screen.getByTestId('quiz-step').textContent).toMatch(/^Step 2 of 2: rate\./);
    key('Enter');
    await waitFor(async () => expect((await db.reviewLogs.toArray()).map((l) => l.rating)).toEqual([Rating.Again]), {
      timeout: 5_000,
    });
  });

  it('two steps with keys of their own: a digit does not pick; after a letter picks, a digit records at once', async () => {
    const db = openDb();
    await addCards(db, [quiz.id], 'manual', T0);
    let t = T0;
    render(
      <WithDb db={db} now={() => t}>
        <ReviewView />
      </WithDb>,
    );
    await screen.findByRole('heading', { level: 3, name: quiz.prompt });
    // The Anki habit, a digit first, here the wrong choice's: it picks nothing, so the letter after it counts.
    key(String(wrong + 1));
    // The quiz measures its own answer time from the real clock: a pick straight away is quick.
    key('abcd'[right]!);
    await screen.findByText(/^Right, in/);
    expect(screen.queryByText(/Not quite/)).toBeNull();
    expect(screen.getByRole('button', { name: /^Good · .*\(suggested\)$/ })).toBeTruthy();
    t += 10_000;
    key('4');
    await waitFor(async () => expect((await db.reviewLogs.toArray()).map((l) => l.rating)).toEqual([Rating.Easy]), {
      timeout: 5_000,
    });
  });
});

describe('the mock interview', () => {
  it('runs two questions from the keyboard to a stored summary, rating each card', async () => {
    const db = openDb();
    let t = T0;
    render(
      <WithDb db={db} now={() => t}>
        <InterviewView />
      </WithDb>,
    );
    fireEvent.change(screen.getByLabelText('Questions'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start the interview' }));
    for (let i = 0; i < 2; i++) {
      // Generous waits: each step writes to IndexedDB, slow on a loaded two-core machine.
      await screen.findByRole('article', { name: `Question ${i + 1} of 2` }, { timeout: 5_000 });
      const box = await screen.findByLabelText('Your answer, as you would say it');
      await waitFor(() => expect(document.activeElement).toBe(box), { timeout: 5_000 });
      fireEvent.input(box, { target: { value: `my answer ${i}` } });
      t += 30_000;
      fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
      await screen.findByRole('heading', { name: 'Model answer' }, { timeout: 5_000 });
      fireEvent.click(screen.getAllByRole('checkbox')[0]!);
      await screen.findByText(/^1 of \d+ covered$/);
      key(i === 0 ? '3' : '2');
    }
    await screen.findByRole('heading', { name: 'Interview summary' }, { timeout: 5_000 });
    const [stored] = await db.interviews.toArray();
    expect(stored!.questions.map((q) => [q.ms, q.pointsCovered, q.rating, q.answer])).toEqual([
      [30_000, 1, 3, 'my answer 0'],
      [30_000, 1, 2, 'my answer 1'],
    ]);
    expect(stored!.questions.every((q) => knowledge.questions.some((k) => k.id === q.cardId))).toBe(true);
    expect((await db.reviewLogs.toArray()).map((l) => l.rating)).toEqual([3, 2]);
  });
});
