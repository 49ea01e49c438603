import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { plainText } from '@/components/CodeText';
import { DeckView, deckState } from '@/entrypoints/sidepanel/views/DeckView';
import { ReviewView } from '@/entrypoints/sidepanel/views/ReviewView';
import { openDb, type AwaitwiseDb } from '@/utils/db';
import { fundamentalsFirst, questionById } from '@/utils/knowledge/all';
import { addCards } from '@/utils/srs/repository';
import { rate } from '@/utils/srs/review';
import { Rating } from '@/utils/srs/scheduler';
import { DEFAULT_SRS_SETTINGS } from '@/utils/srs/settings';
import { DEFAULT_SETTINGS, saveSettings } from '@/utils/settings';
import { WithDb } from './with-db';

const DAY = 86_400_000;
const T0 = new Date(2025, 2, 10, 15, 0).getTime();
const opened: AwaitwiseDb[] = [];
function freshDb(): AwaitwiseDb {
  const db = openDb(`test-deck-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  cleanup();
  await saveSettings(DEFAULT_SETTINGS);
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
});
const title = (id: string) => plainText(questionById.get(id)!.question);
const noop = () => undefined;

describe('Review: focus and card actions', () => {
  it('moves focus into the card when Review opens, so Space works at once', async () => {
    const db = freshDb();
    await addCards(db, fundamentalsFirst.slice(0, 2), 'manual', T0 - DAY, fundamentalsFirst);
    render(
      <div>
        <button type="button">Review tab</button>
        <WithDb db={db} now={() => T0}>
          <ReviewView />
        </WithDb>
      </div>,
    );
    screen.getByRole('button', { name: 'Review tab' }).focus();
    const heading = await screen.findByRole('heading', { level: 3, name: title(fundamentalsFirst[0]!) });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    fireEvent.keyDown(document.activeElement!, { key: ' ' });
    await screen.findByRole('group', { name: 'How well did you remember it?' });
  });

  it('suspends from Card actions with a toast whose Undo brings the card back', async () => {
    const db = freshDb();
    const [first, second] = fundamentalsFirst;
    await addCards(db, [first!, second!], 'manual', T0 - DAY, fundamentalsFirst);
    render(
      <WithDb db={db} now={() => T0}>
        <ReviewView />
      </WithDb>,
    );
    await screen.findByRole('heading', { level: 3, name: title(first!) });
    fireEvent.click(screen.getByRole('button', { name: 'Suspend' }));
    await screen.findByRole('heading', { level: 3, name: title(second!) });
    const toast = await screen.findByRole('status');
    expect(toast.textContent).toContain('Card suspended');
    expect((await db.cards.get(first!))?.suspended).toBe(1);
    fireEvent.click(within(toast).getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await db.cards.get(first!))?.suspended).toBe(0));
    await screen.findByRole('heading', { level: 3, name: title(first!) });
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('U undoes a card action while its toast shows (removal brings back the history too)', async () => {
    const db = freshDb();
    const [first, second] = fundamentalsFirst;
    await addCards(db, [first!, second!], 'manual', T0 - 2 * DAY, fundamentalsFirst);
    const card = (await db.cards.get(first!))!;
    await rate(db, first!, Rating.Good, T0 - 2 * DAY, DEFAULT_SRS_SETTINGS, { expected: card });
    await db.cards.update(first!, { due: T0 - DAY });
    render(
      <WithDb db={db} now={() => T0}>
        <ReviewView />
      </WithDb>,
    );
    await screen.findByRole('heading', { level: 3, name: title(first!) });
    fireEvent.click(screen.getByText('Card actions'));
    fireEvent.click(screen.getByRole('button', { name: 'Remove…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove card' }));
    await waitFor(async () => expect(await db.cards.get(first!)).toBeUndefined());
    expect(await db.reviewLogs.count()).toBe(0);
    fireEvent.keyDown(document.body, { key: 'u' });
    await waitFor(async () => expect(await db.cards.get(first!)).toBeDefined());
    expect(await db.reviewLogs.count()).toBe(1);
  });
});

describe('Deck view', () => {
  it('lists the deck, filters by state and text, unsuspends, and undoes a removal', async () => {
    const db = freshDb();
    const ids = fundamentalsFirst.slice(0, 4);
    await addCards(db, ids, 'manual', T0 - DAY, fundamentalsFirst);
    await db.cards.update(ids[1]!, { suspended: 1 });
    let query = '';
    const view = () => (
      <WithDb db={db} now={() => T0}>
        <DeckView
          query={query}
          onQuery={(q) => {
            query = q;
            rerender(view());
          }}
          onOpenQuestion={noop}
          onBrowse={noop}
        />
      </WithDb>
    );
    const { rerender } = render(view());
    await waitFor(() => expect(screen.getAllByTestId('deck-row')).toHaveLength(4));
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'suspended' } });
    const rows = screen.getAllByTestId('deck-row');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toContain(title(ids[1]!));
    fireEvent.click(within(rows[0]!).getByRole('button', { name: 'Unsuspend' }));
    await waitFor(async () => expect((await db.cards.get(ids[1]!))?.suspended).toBe(0));
    expect(screen.getByRole('status').textContent).toContain('unsuspended');
    await waitFor(() => expect(screen.queryAllByTestId('deck-row')).toHaveLength(0));

    fireEvent.change(screen.getByLabelText('State'), { target: { value: '' } });
    const words = title(ids[2]!).split(/\s+/).slice(0, 4).join(' ');
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: words } });
    await waitFor(() => expect(screen.getAllByTestId('deck-row').length).toBeGreaterThanOrEqual(1));
    const row = screen.getAllByTestId('deck-row').find((r) => r.textContent?.includes(title(ids[2]!)))!;
    fireEvent.click(within(row).getByRole('button', { name: 'Remove' }));
    await waitFor(async () => expect(await db.cards.get(ids[2]!)).toBeUndefined());
    fireEvent.click(within(screen.getByRole('status')).getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await db.cards.get(ids[2]!)).toBeDefined());
  });

  it('names one state per card: suspended, then buried, then the scheduler state', async () => {
    const db = freshDb();
    await addCards(db, ['a'], 'manual', T0);
    const card = (await db.cards.get('a'))!;
    expect(deckState(card, T0)).toBe('new');
    expect(deckState({ ...card, buriedUntil: T0 + 1 }, T0)).toBe('buried');
    expect(deckState({ ...card, buriedUntil: T0 + 1, suspended: 1 }, T0)).toBe('suspended');
    expect(deckState({ ...card, state: 2 }, T0)).toBe('review');
  });
});

describe('Review: study more new cards today', () => {
  it('offers more new cards once the daily limit is reached, and brings them in', async () => {
    const db = freshDb();
    const ids = fundamentalsFirst.slice(0, 3);
    await addCards(db, ids, 'manual', T0 - DAY, fundamentalsFirst);
    await saveSettings({ ...DEFAULT_SETTINGS, srs: { ...DEFAULT_SRS_SETTINGS, newPerDay: 1 } });
    render(
      <WithDb db={db} now={() => T0}>
        <ReviewView />
      </WithDb>,
    );
    await screen.findByRole('heading', { level: 3, name: title(ids[0]!) });
    fireEvent.keyDown(document.body, { key: ' ' });
    fireEvent.keyDown(document.body, { key: '4' });
    const more = await screen.findByRole('button', { name: /^Study 1 more new card today$/ });
    expect(screen.getByText(/You reviewed/).textContent).toMatch(/rated it Easy/);
    fireEvent.click(more);
    await screen.findByRole('heading', { level: 3, name: title(ids[1]!) });
  });
});

describe('Stats: progress today and mastery by topic', () => {
  it('counts learned questions per topic out of every question', async () => {
    const { masteryByTopic } = await import('@/entrypoints/sidepanel/views/TodayPanel');
    const none = masteryByTopic(new Set());
    expect(none.overall).toEqual({ topic: '', learned: 0, total: questionById.size });
    const first = fundamentalsFirst[0]!;
    const some = masteryByTopic(new Set([first]));
    expect(some.overall.learned).toBe(1);
    const topic = questionById.get(first)!.concepts[0];
    expect(some.topics.find((t) => t.topic === topic)?.learned).toBe(1);
  });

  it('shows reviews today and "N of M" learned on Stats', async () => {
    const { StatsView } = await import('@/entrypoints/sidepanel/views/StatsView');
    const db = freshDb();
    await addCards(db, ['a'], 'manual', T0 - DAY);
    const card = (await db.cards.get('a'))!;
    await rate(db, 'a', Rating.Good, T0, DEFAULT_SRS_SETTINGS, { expected: card, elapsedMs: 5000 });
    render(
      <WithDb db={db} now={() => T0}>
        <StatsView />
      </WithDb>,
    );
    await screen.findByText('Statistics');
    await waitFor(() => expect(document.body.textContent).toMatch(/review|Could not/), { timeout: 5000 });
    expect((await screen.findByTestId('reviews-today', {}, { timeout: 5000 })).textContent).toBe('1 review');
    expect(screen.getByTestId('learned').textContent).toBe(`0 of ${questionById.size}`);
    expect(screen.getByText('19 to go.')).toBeTruthy();
  });
});
