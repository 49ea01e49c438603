/** `#/deck`: every card in the deck, searchable and filtered by state and topic; unsuspend, reset, remove with Undo. */
import { useId, useMemo, useState } from 'preact/hooks';
import { CodeText, plainText } from '@/components/CodeText';
import { Toast } from '@/components/Toast';
import { ACTION_DONE, applyCardAction, undoCardAction, type DeckAction } from '@/components/hooks/card-actions';
import { useClock, useDb } from '@/components/hooks/use-db';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { useSettings } from '@/components/hooks/use-settings';
import { useToast } from '@/components/hooks/use-toast';
import type { CardRecord } from '@/utils/db';
import { knowledge, questionById } from '@/utils/knowledge';
import { conceptNames } from './names';

export type DeckState = 'new' | 'learning' | 'review' | 'relearning' | 'suspended' | 'buried';

const STATE_LABELS: Readonly<Record<DeckState, string>> = {
  new: 'New',
  learning: 'Learning',
  review: 'Review',
  relearning: 'Relearning',
  suspended: 'Suspended',
  buried: 'Buried until tomorrow',
};
const BY_FSRS_STATE = ['new', 'learning', 'review', 'relearning'] as const;

/** One state per card, the one that decides whether it comes up: suspended, then buried, then its FSRS state. */
export function deckState(card: CardRecord, now: number): DeckState {
  if (card.suspended) return 'suspended';
  if (card.buriedUntil > now) return 'buried';
  return BY_FSRS_STATE[card.state];
}

export interface DeckViewProps {
  query: string;
  onQuery: (query: string) => void;
  onOpenQuestion: (id: string) => void;
  onBrowse: () => void;
}

export function DeckView({ query, onQuery, onOpenQuestion, onBrowse }: DeckViewProps) {
  const db = useDb();
  const now = useClock();
  const { settings } = useSettings();
  const cards = useLiveQuery(() => db.cards.orderBy('position').toArray(), []);
  const [state, setState] = useState<DeckState | ''>('');
  const [topic, setTopic] = useState('');
  const { toast, show, dismiss } = useToast();
  const headingId = useId();
  const searchId = useId();

  const rows = useMemo(() => {
    if (cards.status !== 'ready') return [];
    const words = plainText(query).toLowerCase().split(/\s+/).filter(Boolean);
    const at = now();
    return cards.value.flatMap((card) => {
      const question = questionById.get(card.id);
      const title = question?.question ?? card.id;
      const cardState = deckState(card, at);
      if (state && cardState !== state) return [];
      if (topic && !question?.concepts.includes(topic)) return [];
      const haystack = `${plainText(title)} ${question?.short ?? ''}`.toLowerCase();
      if (!words.every((w) => haystack.includes(w))) return [];
      return [{ card, title, state: cardState, topic: question?.concepts[0] }];
    });
  }, [cards, query, state, topic, now]);

  const act = async (card: CardRecord, action: DeckAction) => {
    const undo = await applyCardAction(db, card.id, action, now(), settings.srs.dayStartHour);
    if (undo) show(ACTION_DONE[action], () => undoCardAction(db, undo));
  };

  const total = cards.status === 'ready' ? cards.value.length : 0;
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
              <select value={state} onChange={(e) => setState(e.currentTarget.value as DeckState)}>
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
                {knowledge.concepts.map((c) => (
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
          <ul class="aw-deck-list">
            {rows.map((row) => (
              <li key={row.card.id} class="aw-deck-row" data-testid="deck-row">
                <button type="button" class="aw-qlink" onClick={() => onOpenQuestion(row.card.id)}>
                  <CodeText text={row.title} />
                </button>
                <div class="aw-deck-meta">
                  <span class={`aw-chip aw-state-${row.state}`}>{STATE_LABELS[row.state]}</span>
                  {row.topic && <span class="aw-muted">{conceptNames.get(row.topic) ?? row.topic}</span>}
                </div>
                <div class="aw-deck-actions" role="group" aria-label={`Actions for ${plainText(row.title)}`}>
                  {row.card.suspended ? (
                    <button
                      type="button"
                      class="aw-button aw-secondary aw-small"
                      onClick={() => void act(row.card, 'unsuspend')}
                    >
                      Unsuspend
                    </button>
                  ) : (
                    <button
                      type="button"
                      class="aw-button aw-secondary aw-small"
                      onClick={() => void act(row.card, 'suspend')}
                    >
                      Suspend
                    </button>
                  )}
                  <button
                    type="button"
                    class="aw-button aw-secondary aw-small"
                    disabled={row.state === 'new' && row.card.reps === 0}
                    onClick={() => void act(row.card, 'reset')}
                  >
                    Reset
                  </button>
                  <button
                    type="button"
                    class="aw-button aw-secondary aw-small"
                    onClick={() => void act(row.card, 'remove')}
                  >
                    Remove
                  </button>
                </div>
              </li>
            ))}
          </ul>
          {rows.length === 0 && <p class="aw-empty">No card matches. Clear the filters or try other words.</p>}
        </>
      )}
      {toast && (
        <Toast
          key={toast.id}
          message={toast.message}
          onUndo={
            toast.undo
              ? () => {
                  dismiss();
                  void toast.undo?.();
                }
              : undefined
          }
          onDismiss={dismiss}
        />
      )}
    </section>
  );
}
