import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReviewCard, type ReviewCardProps } from '@/components/ReviewCard';
import { formatDuration, ReviewSummary } from '@/components/ReviewSummary';
import { ReviewView } from '@/entrypoints/sidepanel/views/ReviewView';
import { shortcutFor, type KeyContext } from '@/utils/srs/review-keys';
import { WithDb } from './with-db';
import { nextStudyTime, pickNext, selectCard, sessionStats, versionKey } from '@/utils/srs/review-session';
import { openDb, type AwaitwiseDb, type CardRecord } from '@/utils/db';
import { fundamentalsFirst, questionById } from '@/utils/knowledge/all';
import type { QuestionCard } from '@/utils/knowledge-types';
import { startOfNextDay } from '@/utils/srs/day';
import { addCards } from '@/utils/srs/repository';
import { newCardRecord, Rating } from '@/utils/srs/scheduler';
import { DEFAULT_SRS_SETTINGS } from '@/utils/srs/settings';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = new Date(2025, 2, 10, 15, 0).getTime();

const opened: AwaitwiseDb[] = [];
function freshDb(): AwaitwiseDb {
  const db = openDb(`test-review-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  cleanup();
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
});

const question: QuestionCard = {
  id: 'gather-basics',
  kind: 'question',
  question: 'How do you run coroutines concurrently with gather?',
  short: 'Pass them to asyncio.gather; results come back in argument order.',
  body: [
    { k: 'p', c: [{ k: 'text', t: 'gather wraps each coroutine in a task.' }] },
    { k: 'snippet', i: 0 },
  ],
  snippets: [
    {
      code: 'await asyncio.gather(a(), b())',
      marks: [],
      runnable: false,
      bad: false,
      runsIn: ['cpython'],
      why: 'packages',
    },
  ],
  concepts: [],
  difficulty: 'easy',
  level: 1,
  keywords: [],
  related: [],
  pitfalls: [],
  versions: {},
};

const previews = [
  { rating: Rating.Again, due: T0 + MIN, label: '1m' },
  { rating: Rating.Hard, due: T0 + 6 * MIN, label: '6m' },
  { rating: Rating.Good, due: T0 + 10 * MIN, label: '10m' },
  { rating: Rating.Easy, due: T0 + 3 * DAY, label: '3d' },
] as const;

function renderCard(overrides: Partial<ReviewCardProps> = {}) {
  const props: ReviewCardProps = {
    cardId: question.id,
    question,
    state: 0,
    leech: false,
    revealed: false,
    previews: [],
    onReveal: vi.fn(),
    onRate: vi.fn(),
    onAction: vi.fn(),
    ...overrides,
  };
  render(<ReviewCard {...props} />);
  return props;
}

describe('ReviewCard', () => {
  it('shows the question and a reveal button, not the answer, before reveal', () => {
    const props = renderCard();
    expect(screen.getByRole('heading', { name: question.question })).toBeTruthy();
    expect(screen.queryByText(question.short)).toBeNull();
    expect(screen.queryByRole('button', { name: /Good/ })).toBeNull();
    expect(screen.getByText('New')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show answer' }));
    expect(props.onReveal).toHaveBeenCalledTimes(1);
  });

  it('once revealed, shows the short answer, the full answer one click away, and each rating with its interval', () => {
    const props = renderCard({ revealed: true, previews: [...previews] });
    expect(screen.getByText(question.short)).toBeTruthy();
    const full = screen.getByText('Full answer and code').closest('details')!;
    expect(full.open).toBe(false);
    expect(within(full).getByText('gather wraps each coroutine in a task.')).toBeTruthy();
    expect(full.textContent).toContain('await asyncio.gather(a(), b())');

    const names = within(screen.getByRole('group', { name: /remember/ }))
      .getAllByRole('button')
      .map((b) => b.textContent?.replace(/^\d/, ''));
    expect(names).toEqual(['Again · 1m', 'Hard · 6m', 'Good · 10m', 'Easy · 3d']);
    expect(screen.getByRole('button', { name: 'Easy · 3d' }).getAttribute('aria-keyshortcuts')).toBe('4');
    fireEvent.click(screen.getByRole('button', { name: 'Good · 10m' }));
    expect(props.onRate).toHaveBeenCalledWith(Rating.Good);
    expect(screen.queryByRole('button', { name: 'Show answer' })).toBeNull();
  });

  it('offers the question view when the container can open it', () => {
    const onOpenQuestion = vi.fn();
    renderCard({ revealed: true, previews: [...previews], onOpenQuestion });
    fireEvent.click(screen.getByRole('button', { name: 'Open in the question view' }));
    expect(onOpenQuestion).toHaveBeenCalledWith('gather-basics');
  });

  it('marks a leech', () => {
    renderCard({ leech: true, state: 3 });
    expect(screen.getByText('Leech')).toBeTruthy();
    expect(screen.getByText('Relearning')).toBeTruthy();
    expect(screen.getByText(/forgotten this card 8 or more times/)).toBeTruthy();
  });

  it('suspends and buries at once, but asks before reset and remove', () => {
    const props = renderCard();
    fireEvent.click(screen.getByRole('button', { name: 'Suspend' }));
    expect(props.onAction).toHaveBeenLastCalledWith('suspend');
    fireEvent.click(screen.getByRole('button', { name: 'Bury until tomorrow' }));
    expect(props.onAction).toHaveBeenLastCalledWith('bury');

    fireEvent.click(screen.getByRole('button', { name: 'Remove…' }));
    expect(props.onAction).toHaveBeenCalledTimes(2);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reset…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reset card' }));
    expect(props.onAction).toHaveBeenLastCalledWith('reset');
    fireEvent.click(screen.getByRole('button', { name: 'Remove…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove card' }));
    expect(props.onAction).toHaveBeenLastCalledWith('remove');
    expect(props.onAction).toHaveBeenCalledTimes(4);
  });

  it('explains a card whose question is no longer bundled', () => {
    renderCard({ cardId: 'retired-card', question: undefined });
    expect(screen.getByRole('heading', { name: 'Card “retired-card”' })).toBeTruthy();
    expect(screen.getByText(/not in this version of Awaitwise/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show answer' })).toBeNull();
  });
});

describe('ReviewSummary', () => {
  it('shows the count, the answers by rating, the time spent and the next due card', () => {
    render(
      <ReviewSummary
        reviewed={7}
        byRating={{ [Rating.Again]: 1, [Rating.Hard]: 2, [Rating.Good]: 3, [Rating.Easy]: 1 }}
        timeSpentMs={7 * 30_000}
        nextDue={T0 + 3 * 3_600_000}
        now={T0}
      />,
    );
    const summary = screen.getByRole('region', { name: 'Session summary' });
    expect(summary.textContent).toContain('You reviewed 7 cards in 4 min (30 s a card).');
    const ratings = within(screen.getByRole('list', { name: 'Answers by rating' })).getAllByRole('listitem');
    expect(ratings.map((li) => li.textContent)).toEqual(['Again 1', 'Hard 2', 'Good 3', 'Easy 1']);
    expect(summary.textContent).toContain('Next card in 3h.');
  });

  it('says when nothing is scheduled', () => {
    render(
      <ReviewSummary
        reviewed={1}
        byRating={{ [Rating.Again]: 0, [Rating.Hard]: 0, [Rating.Good]: 1, [Rating.Easy]: 0 }}
        timeSpentMs={12_000}
        nextDue={null}
        now={T0}
      />,
    );
    expect(screen.getByText(/You reviewed/).textContent).toBe('You reviewed 1 card in 12 s and rated it Good.');
    // One card: no table of four ratings, three of them zero.
    expect(document.querySelector('.aw-summary-ratings')).toBeNull();
    expect(screen.getByText('No cards are scheduled.')).toBeTruthy();
  });

  it('formats durations', () => {
    expect(formatDuration(400)).toBe('0 s');
    expect(formatDuration(59_000)).toBe('59 s');
    expect(formatDuration(90_000)).toBe('2 min');
    expect(formatDuration(65 * MIN)).toBe('1 h 5 min');
    expect(formatDuration(120 * MIN)).toBe('2 h');
  });
});

describe('choosing the card to show', () => {
  const settings = DEFAULT_SRS_SETTINGS;
  const make = (id: string, extra: Partial<CardRecord> = {}): CardRecord => ({
    ...newCardRecord(id, 'manual', T0 - DAY, 0),
    ...extra,
  });

  it('skips a learning card shown early while a due card is waiting, and keeps the card on screen', () => {
    const ahead = make('ahead', { state: 1, due: T0 + 10 * MIN, reps: 1, last_review: T0 });
    const fresh = make('fresh');
    expect(pickNext([ahead, fresh], T0)?.id).toBe('fresh');
    expect(pickNext([ahead], T0)?.id).toBe('ahead');

    const other = make('other');
    const queue = [ahead, other, fresh];
    const selection = { currentKey: versionKey(fresh), pinned: null, answered: new Set<string>() };
    expect(selectCard(queue, selection, T0)?.id).toBe('fresh');
    // Answered here (or elsewhere): never shown again, even before the live query drops it.
    expect(selectCard(queue, { ...selection, answered: new Set([versionKey(fresh)]) }, T0)?.id).toBe('other');
    // Brought back by undo before the queue has it.
    const undone = make('undone');
    expect(selectCard(queue, { ...selection, pinned: undone }, T0)?.id).toBe('undone');
  });

  it('says when the next card can be studied', () => {
    const h = settings.dayStartHour;
    const tomorrow = startOfNextDay(T0, h);
    const learning = make('l', { state: 1, due: T0 + 50 * MIN, reps: 1, last_review: T0 });
    const review = make('r', { state: 2, due: T0 + 3 * DAY, reps: 3, last_review: T0 - DAY });
    const limitedNew = make('n');
    expect(nextStudyTime([learning, review], T0, settings)).toBe(T0 + 30 * MIN);
    expect(nextStudyTime([review], T0, settings)).toBe(startOfNextDay(T0 + 2 * DAY, h));
    expect(nextStudyTime([limitedNew, review], T0, settings)).toBe(tomorrow);
    expect(nextStudyTime([{ ...limitedNew, suspended: 1 }], T0, settings)).toBeNull();
  });

  it('adds up the session', () => {
    const entry = (rating: 1 | 2 | 3 | 4, elapsedMs: number, logId: number) => ({
      logId,
      cardId: `c${logId}`,
      rating,
      elapsedMs,
      undoable: true,
    });
    expect(sessionStats([entry(3, 4000, 1), entry(1, 9000, 2), entry(3, 2000, 3)])).toEqual({
      reviewed: 3,
      byRating: { [Rating.Again]: 1, [Rating.Hard]: 0, [Rating.Good]: 2, [Rating.Easy]: 0 },
      timeSpentMs: 15_000,
    });
  });

  it('maps keys as Anki does, and leaves them to text fields and focused buttons', () => {
    const input = document.createElement('input');
    const button = document.createElement('button');
    const plain = document.createElement('div');
    const selectedTab = Object.assign(document.createElement('button'), { role: 'tab' });
    selectedTab.setAttribute('aria-selected', 'true');
    const otherTab = Object.assign(document.createElement('button'), { role: 'tab' });
    otherTab.setAttribute('aria-selected', 'false');
    document.body.append(input, button, plain, selectedTab, otherTab);
    let context: KeyContext = { cardId: 'x', loading: false, revealed: false, quiz: false };
    const press = (target: Element, key: string, init: KeyboardEventInit = {}) => {
      let shortcut: ReturnType<typeof shortcutFor> = null;
      target.addEventListener('keydown', (e) => (shortcut = shortcutFor(e as KeyboardEvent, context)), { once: true });
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, ...init }));
      return shortcut;
    };
    const good = { kind: 'rate', grade: Rating.Good };
    expect(press(plain, ' ')).toEqual({ kind: 'reveal' });
    expect(press(plain, 'Enter')).toEqual({ kind: 'reveal' });
    expect(press(input, ' ')).toBeNull();
    expect(press(button, 'Enter')).toBeNull();
    expect(press(otherTab, ' ')).toBeNull();
    // Activating the tab that is already selected does nothing: Space there is the review's.
    expect(press(selectedTab, ' ')).toEqual({ kind: 'reveal' });
    expect(press(plain, '3')).toBeNull();
    context = { ...context, revealed: true };
    expect(press(plain, '3')).toEqual(good);
    expect(press(plain, ' ')).toEqual(good);
    expect(press(plain, 'Enter')).toEqual(good);
    expect(press(button, ' ')).toBeNull();
    expect(press(button, '1')).toEqual({ kind: 'rate', grade: Rating.Again });
    expect(press(input, '3')).toBeNull();
    expect(press(plain, '3', { ctrlKey: true })).toBeNull();
    expect(press(plain, 'U')).toEqual({ kind: 'undo' });
    expect(press(plain, 'z', { ctrlKey: true })).toEqual({ kind: 'undo' });
    expect(press(plain, 'z', { metaKey: true })).toEqual({ kind: 'undo' });
    expect(press(plain, 'z', { ctrlKey: true, shiftKey: true })).toBeNull();
    expect(press(input, 'z', { ctrlKey: true })).toBeNull();
    expect(press(plain, '-')).toEqual({ kind: 'act', action: 'bury' });
    expect(press(plain, '@', { shiftKey: true })).toEqual({ kind: 'act', action: 'suspend' });
    // AltGr arrives as Ctrl+Alt on Windows keyboards that type @ that way.
    expect(press(plain, '@', { ctrlKey: true, altKey: true })).toEqual({ kind: 'act', action: 'suspend' });
    // A quiz picks and rates with its own keys; undo, bury and suspend are shared.
    context = { ...context, quiz: true };
    expect(press(plain, ' ')).toBeNull();
    expect(press(plain, '3')).toBeNull();
    expect(press(plain, '-')).toEqual({ kind: 'act', action: 'bury' });
    expect(press(plain, 'u')).toEqual({ kind: 'undo' });
    // Before the first card has arrived, Space is kept for it; with nothing due it does nothing.
    context = { cardId: undefined, loading: true, revealed: false, quiz: false };
    expect(press(selectedTab, ' ')).toEqual({ kind: 'reveal' });
    expect(press(plain, '-')).toBeNull();
    context = { ...context, loading: false };
    expect(press(plain, ' ')).toBeNull();
    for (const el of [input, button, plain, selectedTab, otherTab]) el.remove();
  });
});

describe('ReviewView against a database', () => {
  const key = (k: string) => fireEvent.keyDown(document.body, { key: k });

  it('reviews three cards with the keyboard, logs each once, and undoes the last', async () => {
    const db = freshDb();
    const ids = fundamentalsFirst.slice(0, 3);
    expect(ids).toHaveLength(3);
    await addCards(db, ids, 'manual', T0 - DAY, fundamentalsFirst);
    let t = T0;
    render(
      <WithDb db={db} now={() => t}>
        <ReviewView />
      </WithDb>,
    );

    for (const id of ids) {
      const heading = await screen.findByRole('heading', { level: 3, name: questionById.get(id)!.question });
      expect(heading).toBeTruthy();
      t += 8_000;
      key(' ');
      await screen.findByText(questionById.get(id)!.short);
      expect(screen.getByRole('button', { name: /^Good · \d+m$/ })).toBeTruthy();
      key('3');
      await waitFor(async () => expect(await db.reviewLogs.where('cardId').equals(id).count()).toBe(1));
    }
    const logs = await db.reviewLogs.orderBy('id').toArray();
    expect(logs.map((l) => [l.cardId, l.rating])).toEqual(ids.map((id) => [id, Rating.Good]));
    expect(logs.map((l) => l.elapsedMs)).toEqual([8_000, 8_000, 8_000]);

    key('u');
    await waitFor(async () => expect(await db.reviewLogs.count()).toBe(2));
    const undone = ids[2]!;
    expect((await db.cards.get(undone))?.reps).toBe(0);
    await screen.findByRole('heading', { level: 3, name: questionById.get(undone)!.question });
    expect(screen.getByText('Undid Good. The card is back.')).toBeTruthy();
  });

  it('ignores the shortcuts while focus is in a text field', async () => {
    const db = freshDb();
    await addCards(db, fundamentalsFirst.slice(0, 1), 'manual', T0 - DAY);
    render(
      <div>
        <input aria-label="Search" />
        <WithDb db={db} now={() => T0}>
          <ReviewView />
        </WithDb>
      </div>,
    );
    await screen.findByRole('button', { name: 'Show answer' });
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Search' }), { key: ' ' });
    expect(screen.getByRole('button', { name: 'Show answer' })).toBeTruthy();
    key('Enter');
    await screen.findByRole('button', { name: /^Again · / });
  });

  it('when two views rate the same card at once, logs it once and both move on', async () => {
    const name = `test-review-${crypto.randomUUID()}`;
    const popupDb = openDb(name);
    const panelDb = openDb(name);
    opened.push(popupDb, panelDb);
    const ids = fundamentalsFirst.slice(0, 2);
    await addCards(panelDb, ids, 'manual', T0 - DAY, fundamentalsFirst);
    const first = questionById.get(ids[0]!)!.question;
    const second = questionById.get(ids[1]!)!.question;
    render(
      <>
        <div data-testid="popup">
          <WithDb db={popupDb} now={() => T0}>
            <ReviewView />
          </WithDb>
        </div>
        <div data-testid="panel">
          <WithDb db={panelDb} now={() => T0}>
            <ReviewView />
          </WithDb>
        </div>
      </>,
    );
    const popup = within(screen.getByTestId('popup'));
    const panel = within(screen.getByTestId('panel'));
    await popup.findByRole('heading', { level: 3, name: first });
    await panel.findByRole('heading', { level: 3, name: first });
    fireEvent.click(popup.getByRole('button', { name: 'Show answer' }));
    fireEvent.click(panel.getByRole('button', { name: 'Show answer' }));
    // Both rate the same version of the card before either write has landed.
    fireEvent.click(await popup.findByRole('button', { name: /^Good/ }));
    fireEvent.click(await panel.findByRole('button', { name: /^Good/ }));
    await popup.findByRole('heading', { level: 3, name: second });
    await panel.findByRole('heading', { level: 3, name: second });
    expect(await popupDb.reviewLogs.count()).toBe(1);
    // The view that lost the race says so, on screen and to screen readers; the other does not.
    const notices = [...document.querySelectorAll('.aw-review-notice')].map((n) => n.textContent);
    expect(notices).toEqual(['This card was already answered in another window.']);

    // A rating in one view reaches the other through the live query alone.
    fireEvent.click(popup.getByRole('button', { name: 'Show answer' }));
    fireEvent.click(await popup.findByRole('button', { name: /^Easy/ }));
    await panel.findByRole('heading', { level: 3, name: first });
    expect(await panelDb.reviewLogs.count()).toBe(2);
  });

  it('offers the fundamentals when the deck is empty, then says when the next card is due', async () => {
    const db = freshDb();
    const onBrowse = vi.fn();
    render(
      <WithDb db={db} now={() => T0}>
        <ReviewView onBrowse={onBrowse} />
      </WithDb>,
    );
    await screen.findByText(/Your deck is empty/);
    fireEvent.click(screen.getByRole('button', { name: 'Browse questions' }));
    expect(onBrowse).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Add the fundamentals' }));
    await screen.findByRole('heading', { level: 3, name: questionById.get(fundamentalsFirst[0]!)!.question });
    expect((await db.cards.toCollection().primaryKeys()).sort()).toEqual(fundamentalsFirst.slice(0, 10).sort());
    expect((await db.cards.toArray()).every((c) => c.source === 'manual')).toBe(true);

    // Bury the card on screen: the next one in fundamentals order takes its place.
    fireEvent.click(screen.getByRole('button', { name: 'Bury until tomorrow' }));
    await screen.findByRole('heading', { level: 3, name: questionById.get(fundamentalsFirst[1]!)!.question });
    await db.cards.toCollection().modify({ buriedUntil: startOfNextDay(T0, DEFAULT_SRS_SETTINGS.dayStartHour) });
    await screen.findByText(/Nothing is due right now/);
    expect(screen.getByText('13h').closest('p')?.textContent).toBe('Nothing is due right now. Next card in 13h.');
  });
});
