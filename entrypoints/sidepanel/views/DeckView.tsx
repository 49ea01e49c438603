/**
 * `#/deck`: the deck browser. Typo-tolerant search (the same index as Browse), filters by state and topic,
 * columns for due date, interval, reviews and lapses with sorting by each, card info with the review history,
 * and a selection to suspend, unsuspend, reset or remove several cards at once, each with Undo.
 */
import { useId, useMemo, useState } from 'preact/hooks';
import { ACTION_LABELS, DeckTable, type DeckTableRow } from '@/components/DeckTable';
import { Toast } from '@/components/Toast';
import { useClock, useDb } from '@/components/hooks/use-db';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { useSearchIndex } from '@/components/hooks/use-search';
import { useSettings } from '@/components/hooks/use-settings';
import { useToast } from '@/components/hooks/use-toast';
import { catalogue, questionEntryById, quizEntryById } from '@/utils/knowledge';
import { quizTitle } from '@/utils/quiz/title';
import { actionDone, applyCardAction, undoCardAction, type DeckAction } from '@/utils/srs/card-actions';
import {
  DEFAULT_SORT,
  STATE_LABELS,
  deckState,
  nextSort,
  sortCards,
  type DeckSort,
  type DeckState,
} from '@/utils/srs/deck-table';
import { logsOf } from '@/utils/srs/review-log';
import { conceptNames } from './names';

export { deckState };

export interface DeckViewProps {
  query: string;
  onQuery: (query: string) => void;
  onOpenQuestion: (id: string) => void;
  onOpenQuiz?: (id: string) => void;
  onBrowse: () => void;
}

/** A card's question, or the quiz's name; the id when the card left the knowledge base. */
function describe(id: string): { title: string; concepts: readonly string[] } {
  const question = questionEntryById.get(id);
  if (question) return { title: question.question, concepts: question.concepts };
  const quiz = quizEntryById.get(id);
  if (quiz) return { title: quizTitle(quiz), concepts: quiz.concepts };
  return { title: id, concepts: [] };
}

const BULK: readonly DeckAction[] = ['suspend', 'unsuspend', 'reset', 'remove'];

export function DeckView({ query, onQuery, onOpenQuestion, onOpenQuiz, onBrowse }: DeckViewProps) {
  const db = useDb();
  const now = useClock();
  const { settings } = useSettings();
  const cards = useLiveQuery(() => db.cards.orderBy('position').toArray(), [db]);
  const index = useSearchIndex();
  const [state, setState] = useState<DeckState | ''>('');
  const [topic, setTopic] = useState('');
  const [sort, setSort] = useState<DeckSort>(DEFAULT_SORT);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [infoId, setInfoId] = useState<string | null>(null);
  const history = useLiveQuery(() => (infoId ? logsOf(db, infoId) : null), [db, infoId]);
  const { toast, show, dismiss, takeBack } = useToast();
  const headingId = useId();
  const searchId = useId();

  const searching = query.trim().length > 0 && index !== null;
  // Relevance from the same index as Browse (fuzzy, prefix, synonyms); until it has loaded, every card shows.
  const rank = useMemo(
    () => (searching && index ? new Map(index.search(query, 1000).map((hit, i) => [hit.id, i])) : undefined),
    [searching, index, query],
  );

  const at = now();
  const rows = useMemo(() => {
    if (cards.status !== 'ready') return [];
    const shown = cards.value.flatMap((card): DeckTableRow[] => {
      const { title, concepts } = describe(card.id);
      const cardState = deckState(card, at);
      if (state && cardState !== state) return [];
      if (topic && !concepts.includes(topic)) return [];
      if (rank && !rank.has(card.id)) return [];
      const main = concepts[0];
      return [{ card, title, state: cardState, topicName: main ? (conceptNames.get(main) ?? main) : undefined }];
    });
    return sortCards(shown, sort, rank);
  }, [cards, state, topic, rank, sort, at]);

  const total = cards.status === 'ready' ? cards.value.length : 0;
  // Actions apply to the selected cards on screen: a card hidden by a filter (or removed) is never acted on unseen.
  const chosen = rows.filter((row) => selected.has(row.card.id)).map((row) => row.card.id);

  const act = async (ids: readonly string[], action: DeckAction) => {
    const undo = await applyCardAction(db, ids, action, now(), settings.srs.dayStartHour);
    if (!undo) return;
    show(actionDone(action, undo.before.length), () => undoCardAction(db, undo));
  };
  const select = (ids: readonly string[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  return (
    <section class="aw-deck" aria-labelledby={headingId}>
      <h2 id={headingId}>Your deck</h2>
      {cards.status === 'error' ? (
        <p class="aw-error-box" role="alert">
          Could not read your cards: {cards.error.message}
        </p>
      ) : cards.status === 'loading' ? (
        <p class="aw-muted">Loading your cards…</p>
      ) : total === 0 ? (
        <div class="aw-empty">
          <p>Your deck is empty.</p>
          <button type="button" class="aw-button aw-secondary" onClick={onBrowse}>
            Browse questions to add
          </button>
        </div>
      ) : (
        <>
          <div class="aw-search">
            <label for={searchId} class="aw-visually-hidden">
              Search your deck
            </label>
            <input
              id={searchId}
              type="search"
              class="aw-search-input"
              placeholder="Search your deck"
              value={query}
              onInput={(e) => onQuery(e.currentTarget.value)}
            />
          </div>
          <div class="aw-filters">
            <label>
              State
              <select value={state} onChange={(e) => setState(e.currentTarget.value as DeckState | '')}>
                <option value="">Any state</option>
                {Object.entries(STATE_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Topic
              <select value={topic} onChange={(e) => setTopic(e.currentTarget.value)}>
                <option value="">All topics</option>
                {catalogue.concepts.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <p class="aw-muted" aria-live="polite">
            {rows.length === total ? `${total} cards` : `${rows.length} of ${total} cards`}
          </p>
          {chosen.length > 0 && (
            <div class="aw-deck-bulk" role="toolbar" aria-label="Selected cards">
              <span>{chosen.length} selected</span>
              {BULK.map((action) => (
                <button
                  key={action}
                  type="button"
                  class="aw-button aw-secondary aw-small"
                  onClick={() => void act(chosen, action)}
                >
                  {ACTION_LABELS[action]}
                </button>
              ))}
              <button type="button" class="aw-link-button" onClick={() => setSelected(new Set())}>
                Clear selection
              </button>
            </div>
          )}
          {rows.length > 0 ? (
            <DeckTable
              rows={rows}
              sort={sort}
              orderName={rank ? 'order of relevance' : 'deck order'}
              selected={selected}
              info={
                infoId ? { id: infoId, history: history.status === 'ready' ? (history.value ?? []) : undefined } : null
              }
              now={at}
              dayStartHour={settings.srs.dayStartHour}
              onSort={(key) => setSort((s) => nextSort(s, key))}
              onSelect={select}
              onInfo={setInfoId}
              onOpen={(id) => (quizEntryById.has(id) && onOpenQuiz ? onOpenQuiz(id) : onOpenQuestion(id))}
              onAction={(ids, action) => void act(ids, action)}
            />
          ) : (
            <p class="aw-empty">No card matches. Clear the filters or try other words.</p>
          )}
        </>
      )}
      {toast && (
        <Toast
          key={toast.id}
          message={toast.message}
          onUndo={toast.undo ? () => void takeBack() : undefined}
          onDismiss={dismiss}
        />
      )}
    </section>
  );
}
