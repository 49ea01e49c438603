/** The review session: its pure reducer, and Review's keys and memory as a user meets them. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ReviewView } from '@/entrypoints/sidepanel/views/ReviewView';
import { fundamentalsFirst, questionById } from '@/utils/knowledge/all';
import { plainText } from '@/components/CodeText';
import { addCards } from '@/utils/srs/repository';
import { initialSession, reviewReducer, type SessionEntry } from '@/utils/srs/review-session';
import { newCardRecord, Rating } from '@/utils/srs/scheduler';
import { throwawayDbs } from './srs-throwaway-db';
import { WithDb } from './with-db';

const DAY = 86_400_000;
const T0 = new Date(2025, 2, 10, 15, 0).getTime();
const openDb = throwawayDbs();
afterEach(() => cleanup());
const title = (id: string) => plainText(questionById.get(id)!.question);
const key = (k: string, init: KeyboardEventInit = {}) =>
  fireEvent.keyDown(document.activeElement ?? document.body, { key: k, ...init });

describe('the session reducer', () => {
  const entry: SessionEntry = { logId: 7, cardId: 'a', rating: Rating.Good, elapsedMs: 4000, undoable: true };

  it('keeps a reveal asked for before the first card, and shows that card revealed; not a quiz', () => {
    let s = reviewReducer(initialSession(T0), { type: 'reveal', key: null });
    expect(s.revealOnArrival).toBe(true);
    s = reviewReducer(s, { type: 'shown', key: 'a|0|-', quiz: false, at: T0 + 5 });
    expect(s).toMatchObject({ currentKey: 'a|0|-', revealedKey: 'a|0|-', revealOnArrival: false, shownAt: T0 + 5 });
    const quiz = reviewReducer(reviewReducer(initialSession(T0), { type: 'reveal', key: null }), {
      type: 'shown',
      key: 'q|0|-',
      quiz: true,
      at: T0,
    });
    expect(quiz.revealedKey).toBeNull();
    expect(quiz.revealOnArrival).toBe(false);
    // Back from another view: the card on screen before comes back, and Space pressed meanwhile shows its answer.
    const before = reviewReducer(initialSession(T0), { type: 'shown', key: 'a|0|-', quiz: false, at: T0 });
    const pressed = reviewReducer(before, { type: 'reveal', key: null });
    const back = reviewReducer(pressed, { type: 'shown', key: 'a|0|-', quiz: false, at: T0 + 9 });
    expect(back).toMatchObject({ revealedKey: 'a|0|-', revealOnArrival: false, shownAt: T0 });
  });

  it("records ratings, undoes them, and marks a reset card's ratings as no longer undoable", () => {
    let s = reviewReducer(initialSession(T0), { type: 'shown', key: 'a|0|-', quiz: false, at: T0 });
    s = reviewReducer(s, { type: 'reveal', key: 'a|0|-' });
    s = reviewReducer(s, { type: 'rated', key: 'a|0|-', entry, intervalLabel: '10m', becameLeech: false });
    expect(s.answered.has('a|0|-')).toBe(true);
    expect(s.announcement).toBe('Good: next review in 10m.');
    const card = newCardRecord('a', 'manual', T0, 0);
    const undone = reviewReducer(s, { type: 'undone', entry, card });
    expect(undone.entries).toEqual([]);
    expect(undone.pinned).toBe(card);
    expect(undone.answered.has('a|0|-')).toBe(false);
    const reset = reviewReducer(s, {
      type: 'acted',
      key: 'a|1|5',
      action: 'reset',
      undo: { action: 'reset', before: [{ card, logs: [] }] },
    });
    expect(reset.entries[0]!.undoable).toBe(false);
  });
});

describe('Review, from the keyboard', () => {
  it('Space shows the answer, then Space rates Good and Enter rates Good; Ctrl+Z undoes as U does', async () => {
    const db = openDb();
    const ids = fundamentalsFirst.slice(0, 3);
    await addCards(db, ids, 'manual', T0 - DAY, fundamentalsFirst);
    render(
      <WithDb db={db} now={() => T0}>
        <ReviewView />
      </WithDb>,
    );
    await screen.findByRole('heading', { level: 3, name: title(ids[0]!) });
    key(' ');
    await screen.findByRole('group', { name: 'How well did you remember it?' });
    key(' ');
    await screen.findByRole('heading', { level: 3, name: title(ids[1]!) });
    key('Enter');
    await screen.findByRole('group', { name: 'How well did you remember it?' });
    key('Enter');
    await screen.findByRole('heading', { level: 3, name: title(ids[2]!) });
    await waitFor(async () => expect((await db.reviewLogs.toArray()).map((l) => l.rating)).toEqual([3, 3]));
    key('z', { ctrlKey: true });
    await waitFor(async () => expect(await db.reviewLogs.count()).toBe(1));
    await screen.findByRole('heading', { level: 3, name: title(ids[1]!) });
    key('z', { metaKey: true });
    await waitFor(async () => expect(await db.reviewLogs.count()).toBe(0));
  });

  it('- buries and @ suspends the card on screen, each with Undo; the menu shows the keys', async () => {
    const db = openDb();
    const [a, b, c] = fundamentalsFirst;
    await addCards(db, [a!, b!, c!], 'manual', T0 - DAY, fundamentalsFirst);
    render(
      <WithDb db={db} now={() => T0}>
        <ReviewView />
      </WithDb>,
    );
    await screen.findByRole('heading', { level: 3, name: title(a!) });
    expect(screen.getByRole('button', { name: 'Suspend' }).getAttribute('aria-keyshortcuts')).toBe('@');
    expect(screen.getByRole('button', { name: 'Bury until tomorrow' }).getAttribute('aria-keyshortcuts')).toBe('-');
    key('-');
    await screen.findByRole('heading', { level: 3, name: title(b!) });
    expect((await db.cards.get(a!))!.buriedUntil).toBeGreaterThan(T0);
    expect(screen.getByRole('status').textContent).toContain('buried');
    key('@', { shiftKey: true });
    await screen.findByRole('heading', { level: 3, name: title(c!) });
    expect((await db.cards.get(b!))!.suspended).toBe(1);
    fireEvent.click(within(screen.getByRole('status')).getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await db.cards.get(b!))!.suspended).toBe(0));
  });

  it('Space pressed before the first card has loaded is not lost', async () => {
    const db = openDb();
    await addCards(db, fundamentalsFirst.slice(0, 2), 'manual', T0 - DAY, fundamentalsFirst);
    render(
      <WithDb db={db} now={() => T0}>
        <ReviewView />
      </WithDb>,
    );
    // Straight after the switch: the queue is still being read.
    expect(screen.getByText('Loading your cards…')).toBeTruthy();
    key(' ');
    await screen.findByRole('group', { name: 'How well did you remember it?' });
    expect(
      screen.getByText(questionById.get(fundamentalsFirst[0]!)!.short.replace(/`/g, ''), { exact: false }),
    ).toBeTruthy();
  });

  it('an answer shown stays shown when the user goes to another view and comes back', async () => {
    const db = openDb();
    await addCards(db, fundamentalsFirst.slice(0, 2), 'manual', T0 - DAY, fundamentalsFirst);
    const view = (showReview: boolean) => (
      <WithDb db={db} now={() => T0}>
        {showReview ? <ReviewView /> : <p>Stats</p>}
      </WithDb>
    );
    const { rerender } = render(view(true));
    await screen.findByRole('heading', { level: 3, name: title(fundamentalsFirst[0]!) });
    key(' ');
    await screen.findByRole('group', { name: 'How well did you remember it?' });
    rerender(view(false));
    expect(screen.queryByRole('group', { name: 'How well did you remember it?' })).toBeNull();
    rerender(view(true));
    await screen.findByRole('group', { name: 'How well did you remember it?' });
    expect(screen.getByRole('heading', { level: 3, name: title(fundamentalsFirst[0]!) })).toBeTruthy();
    key('3');
    await waitFor(async () => expect(await db.reviewLogs.count()).toBe(1));
  });
});
