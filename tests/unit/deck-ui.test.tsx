import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { plainText } from '@/components/CodeText';
import { DeckView, deckState } from '@/entrypoints/sidepanel/views/DeckView';
import { ReviewView } from '@/entrypoints/sidepanel/views/ReviewView';
import { openDb, type AwaitwiseDb } from '@/utils/db';
import { fundamentalsFirst, knowledge, questionById } from '@/utils/knowledge/all';
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
  function renderDeck(db: AwaitwiseDb, now = T0) {
    let query = '';
    const view = () => (
      <WithDb db={db} now={() => now}>
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
  }
  const rowOf = (id: string) => screen.getAllByTestId('deck-row').find((r) => r.textContent?.includes(title(id)))!;

  it('finds cards with a typo, as Browse does ("evnt" finds the Event card)', async () => {
    const db = freshDb();
    await addCards(db, ['event-primitive', 'gather-basics', 'lock-in-asyncio'], 'manual', T0 - DAY);
    renderDeck(db);
    await waitFor(() => expect(screen.getAllByTestId('deck-row')).toHaveLength(3));
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'evnt' } });
    await waitFor(() => expect(screen.getAllByTestId('deck-row')).toHaveLength(1));
    expect(screen.getByTestId('deck-row').textContent).toContain(title('event-primitive'));
    expect(screen.getByText('1 of 3 cards')).toBeTruthy();
  });

  it('shows due, interval, reviews and lapses, and sorts by each column, both ways', async () => {
    const db = freshDb();
    const [a, b, c] = fundamentalsFirst;
    await addCards(db, [a!, b!, c!], 'manual', T0 - 30 * DAY, fundamentalsFirst);
    // a: a review card due in 3 days with a 12-day interval, 5 reviews, 1 lapse; b: due tomorrow; c: new.
    await db.cards.update(a!, { state: 2, due: T0 + 3 * DAY, scheduled_days: 12, reps: 5, lapses: 1 });
    await db.cards.update(b!, { state: 2, due: T0 + DAY, scheduled_days: 40, reps: 2, lapses: 0 });
    renderDeck(db);
    await waitFor(() => expect(screen.getAllByTestId('deck-row')).toHaveLength(3));
    const figures = (id: string) => [...rowOf(id).querySelectorAll('.aw-deck-figures td')].map((td) => td.textContent);
    const date = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
    expect(figures(a!)).toEqual([date.format(T0 + 3 * DAY), '12d', '5', '1']);
    expect(figures(b!)).toEqual(['Tomorrow', '1.3mo', '2', '0']);
    expect(figures(c!)).toEqual(['New', '—', '0', '0']);
    const order = () =>
      screen.getAllByTestId('deck-row').map((r) => fundamentalsFirst.find((id) => r.textContent?.includes(title(id))));
    expect(order()).toEqual([a, b, c]);
    const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(`^${name}`) });
    fireEvent.click(within(header('Due')).getByRole('button'));
    expect(order()).toEqual([b, a, c]);
    expect(header('Due').getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(within(header('Due')).getByRole('button'));
    expect(order()).toEqual([c, a, b]);
    expect(header('Due').getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(within(header('Interval')).getByRole('button'));
    expect(order()).toEqual([c, a, b]);
    fireEvent.click(within(header('Reviews')).getByRole('button'));
    fireEvent.click(within(header('Reviews')).getByRole('button'));
    expect(order()).toEqual([a, b, c]);
    fireEvent.click(within(header('Lapses')).getByRole('button'));
    expect(order()).toEqual([b, c, a]);
    expect(header('Due').getAttribute('aria-sort')).toBeNull();
  });

  it("opens a card's info with its review history", async () => {
    const db = freshDb();
    const [a] = fundamentalsFirst;
    await addCards(db, [a!], 'manual', T0 - 3 * DAY);
    const card = (await db.cards.get(a!))!;
    await rate(db, a!, Rating.Again, T0 - 2 * DAY, DEFAULT_SRS_SETTINGS, { expected: card, elapsedMs: 12_000 });
    const again = (await db.cards.get(a!))!;
    await rate(db, a!, Rating.Good, T0 - DAY, DEFAULT_SRS_SETTINGS, { expected: again, elapsedMs: 8_000 });
    renderDeck(db);
    await waitFor(() => expect(screen.getAllByTestId('deck-row')).toHaveLength(1));
    const toggle = screen.getByRole('button', { name: `Card info: ${title(a!)}` });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const table = await screen.findByRole('table', { name: 'Review history, oldest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelectorAll('td')[2]!.textContent)).toEqual(['Again', 'Good']);
    expect(rows.map((r) => r.querySelectorAll('td')[4]!.textContent)).toEqual(['12 s', '8 s']);
    expect(screen.getByText('20 s (10 s a review)')).toBeTruthy();
  });

  it('acts on a selection, each action with Undo; per-card buttons name their card', async () => {
    const db = freshDb();
    const ids = fundamentalsFirst.slice(0, 4);
    await addCards(db, ids, 'manual', T0 - DAY, fundamentalsFirst);
    await db.cards.update(ids[3]!, { suspended: 1 });
    renderDeck(db);
    await waitFor(() => expect(screen.getAllByTestId('deck-row')).toHaveLength(4));
    fireEvent.click(screen.getByRole('checkbox', { name: `Select “${title(ids[0]!)}”` }));
    fireEvent.click(screen.getByRole('checkbox', { name: `Select “${title(ids[1]!)}”` }));
    const bar = screen.getByRole('toolbar', { name: 'Selected cards' });
    expect(bar.textContent).toContain('2 selected');
    fireEvent.click(within(bar).getByRole('button', { name: 'Suspend' }));
    await waitFor(async () => expect((await db.cards.bulkGet(ids)).map((c) => c?.suspended)).toEqual([1, 1, 0, 1]));
    expect(screen.getByRole('status').textContent).toContain('2 cards suspended');
    fireEvent.click(within(screen.getByRole('status')).getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await db.cards.bulkGet(ids)).map((c) => c?.suspended)).toEqual([0, 0, 0, 1]));

    // Select all shown, then narrow to the suspended one and unsuspend it.
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'suspended' } });
    await waitFor(() => expect(screen.getAllByTestId('deck-row')).toHaveLength(1));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all 1 shown' }));
    fireEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: 'Unsuspend' }));
    await waitFor(async () => expect((await db.cards.get(ids[3]!))?.suspended).toBe(0));
    fireEvent.change(screen.getByLabelText('State'), { target: { value: '' } });
    // The selection acts on the cards shown: the first two, hidden by the filter a moment ago, are selected again.
    expect(screen.getByRole('toolbar').textContent).toContain('3 selected');
    fireEvent.click(screen.getByRole('button', { name: 'Clear selection' }));

    // Remove three: they leave with their history and come back with Undo.
    const card = (await db.cards.get(ids[0]!))!;
    await rate(db, ids[0]!, Rating.Good, T0 - DAY / 2, DEFAULT_SRS_SETTINGS, { expected: card });
    await waitFor(() => expect(screen.getAllByTestId('deck-row')).toHaveLength(4));
    for (const id of ids.slice(0, 3)) fireEvent.click(screen.getByRole('checkbox', { name: `Select “${title(id)}”` }));
    fireEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: 'Remove' }));
    await waitFor(async () => expect(await db.cards.count()).toBe(1));
    expect(await db.reviewLogs.count()).toBe(0);
    expect(screen.queryByRole('toolbar')).toBeNull();
    fireEvent.click(within(screen.getByRole('status')).getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await db.cards.count()).toBe(4));
    expect(await db.reviewLogs.count()).toBe(1);

    // One card's own actions, in its info, say which card they act on.
    fireEvent.click(screen.getByRole('button', { name: `Card info: ${title(ids[2]!)}` }));
    expect(screen.getByRole('group', { name: `Actions for “${title(ids[2]!)}”` })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: `Suspend “${title(ids[2]!)}”` }));
    await waitFor(async () => expect((await db.cards.get(ids[2]!))?.suspended).toBe(1));
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
  it("counts learned questions per topic, in the vocabulary's order, and folds the topics not started", async () => {
    const { masteryByTopic } = await import('@/utils/srs/stats');
    const { knowledge } = await import('@/utils/knowledge/all');
    const order = knowledge.concepts.map((c) => c.id);
    const none = masteryByTopic(knowledge.questions, order, new Set());
    expect(none.overall).toEqual({ topic: '', learned: 0, inDeck: 0, total: questionById.size });
    const firstTopics = none.topics.map((t) => t.topic);
    expect(firstTopics).toEqual([...firstTopics].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    const first = fundamentalsFirst[0]!;
    const some = masteryByTopic(knowledge.questions, order, new Set([first]), new Set([first, fundamentalsFirst[1]!]));
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
    // The day's figures come first; mastery follows the charts, with the topics not started folded away.
    const order = [...document.querySelectorAll('h3, .aw-stat dt')].map((el) => el.textContent);
    expect(order.indexOf('Today')).toBe(0);
    expect(order.indexOf('Due today')).toBeLessThan(order.indexOf('Due in the next 30 days'));
    expect(order.indexOf('Mastery by topic')).toBeGreaterThan(order.indexOf('Reviews in the past year'));
    const folded = (await screen.findByText(/topics not started yet$/)).closest('details')!;
    expect(folded.open).toBe(false);
    expect(within(folded).getAllByRole('row').length).toBe(new Set(knowledge.questions.map((q) => q.concepts[0])).size);
  });
});
