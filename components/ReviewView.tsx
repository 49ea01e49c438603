/** The flashcard review screen for the popup and side panel: queue, keyboard, undo, empty state and session summary. */
import { useEffect, useId, useRef } from 'preact/hooks';
import type { AwaitwiseDb } from '@/utils/db';
import { fundamentalsFirst, questionById, quizById } from '@/utils/knowledge';
import { GRADES, type Grade } from '@/utils/srs/scheduler';
import { useDb } from './hooks/use-db';
import { versionKey } from './hooks/review-session';
import { STARTER_CARDS, useReview, type ReviewModel } from './hooks/use-review';
import { useSettings } from './hooks/use-settings';
import { QuizCard } from './QuizCard';
import { ReviewCard } from './ReviewCard';
import { NextDue, ReviewSummary } from './ReviewSummary';
import './styles/review.css';

export interface ReviewViewProps {
  /** Defaults to the extension's database; tests pass a throwaway one. */
  db?: AwaitwiseDb;
  /** Clock override for tests. */
  now?: () => number;
  /** Opens a card's question in the question view (the full answer is also shown inline). */
  onOpenQuestion?(id: string): void;
  /** Offered in the empty state, next to adding the fundamentals. */
  onBrowse?(): void;
  onCopy?(code: string): void;
}

const TEXT_ENTRY = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';
/** Space and Enter already activate these; the shortcut must not act a second time. */
const ACTIVATABLE = 'button, a[href], summary, [role="button"], [role="link"], [role="menuitem"]';

export type Shortcut = { kind: 'reveal' } | { kind: 'undo' } | { kind: 'rate'; grade: Grade };

/** What a key press does in the review, or null to leave it to the browser. */
export function shortcutFor(event: KeyboardEvent, model: Pick<ReviewModel, 'card' | 'revealed'>): Shortcut | null {
  if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return null;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest(TEXT_ENTRY)) return null;
  const { key } = event;
  if (key === ' ' || key === 'Enter') {
    if (target?.closest(ACTIVATABLE) || !model.card || model.revealed) return null;
    return { kind: 'reveal' };
  }
  if (key === 'u' || key === 'U') return { kind: 'undo' };
  const grade = GRADES.find((g) => String(g) === key);
  if (grade !== undefined && model.card && model.revealed) return { kind: 'rate', grade };
  return null;
}

export function ReviewView({ db: dbProp, now, onOpenQuestion, onBrowse, onCopy }: ReviewViewProps) {
  const defaultDb = useDb();
  const db = dbProp ?? defaultDb;
  const { settings, loaded } = useSettings();
  const model = useReview({ db, settings: settings.srs, knowledgeOrder: fundamentalsFirst, enabled: loaded, now });
  const headingId = useId();
  const rootRef = useRef<HTMLElement>(null);
  // The keydown listener is registered once and reads the latest model through this ref.
  const modelRef = useRef(model);
  modelRef.current = model;
  const started = useRef(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const root = rootRef.current;
      // Mounted but hidden (another tab of the panel is showing): the keys belong to that tab.
      if (!root || root.closest('[hidden], [inert]')) return;
      const current = modelRef.current;
      const shortcut = shortcutFor(event, current);
      if (!shortcut) return;
      // A quiz card has its own keys (pick, rating, Enter next); only undo stays here.
      if (current.card && quizById.has(current.card.id) && shortcut.kind !== 'undo') return;
      event.preventDefault();
      started.current = true;
      if (shortcut.kind === 'reveal') current.reveal();
      else if (shortcut.kind === 'undo') void current.undo();
      else void current.rate(shortcut.grade);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const { card, session, remaining } = model;
  const question = card ? questionById.get(card.id) : undefined;
  const quiz = card ? quizById.get(card.id) : undefined;
  const clockNow = model.clock();

  return (
    <section ref={rootRef} class="aw-review" aria-labelledby={headingId}>
      <header class="aw-review-bar">
        <h2 id={headingId}>Review</h2>
        {model.status === 'ready' && (
          <p class="aw-review-counts aw-muted">
            {remaining.new} new · {remaining.learning} learning · {remaining.review} review
          </p>
        )}
        <button
          type="button"
          class="aw-button aw-secondary aw-small"
          aria-keyshortcuts="U"
          disabled={!model.canUndo || model.busy}
          onClick={() => void model.undo()}
        >
          Undo
        </button>
      </header>

      {model.notice && <p class="aw-review-notice">{model.notice}</p>}

      {model.status === 'error' ? (
        <p class="aw-error-box" role="alert">
          Could not read your cards: {model.error?.message}
        </p>
      ) : model.status === 'loading' ? (
        <p class="aw-muted">Loading your cards…</p>
      ) : card && quiz ? (
        <QuizCard
          key={versionKey(card)}
          quiz={quiz}
          rates
          previews={model.previews}
          busy={model.busy}
          takeFocus={started.current}
          onPicked={() => {
            started.current = true;
            model.reveal();
          }}
          onNext={(grade) => {
            if (grade) void model.rate(grade);
          }}
          onCopy={onCopy}
        />
      ) : card ? (
        <ReviewCard
          key={versionKey(card)}
          cardId={card.id}
          question={question}
          state={card.state}
          leech={card.leech === 1}
          revealed={model.revealed}
          previews={model.previews}
          busy={model.busy}
          takeFocus={started.current}
          onReveal={() => {
            started.current = true;
            model.reveal();
          }}
          onRate={(grade) => {
            started.current = true;
            void model.rate(grade);
          }}
          onAction={(action) => {
            started.current = true;
            void model.act(action);
          }}
          onOpenQuestion={onOpenQuestion}
          onCopy={onCopy}
        />
      ) : (
        <>
          {session.reviewed > 0 && (
            <ReviewSummary
              reviewed={session.reviewed}
              byRating={session.byRating}
              timeSpentMs={session.timeSpentMs}
              nextDue={model.deck?.nextDue}
              now={clockNow}
            />
          )}
          <EmptyState model={model} now={clockNow} onBrowse={onBrowse} showNextDue={session.reviewed === 0} />
        </>
      )}

      <div class="aw-visually-hidden" aria-live="polite">
        <span>{model.announcement}</span>{' '}
        <span>
          {card ? `${quiz ? 'Quiz' : 'Question'}: ${question?.question ?? quiz?.prompt ?? card.id}` : model.status === 'ready' ? 'No cards due.' : ''}
        </span>
      </div>
    </section>
  );
}

interface EmptyStateProps {
  model: ReviewModel;
  now: number;
  showNextDue: boolean;
  onBrowse?(): void;
}

function EmptyState({ model, now, showNextDue, onBrowse }: EmptyStateProps) {
  const { deck } = model;
  if (!deck) return <p class="aw-muted">Checking your deck…</p>;
  return (
    <div class="aw-review-empty">
      {deck.size === 0 ? (
        <p>
          Your deck is empty. Start with the {Math.min(STARTER_CARDS, deck.fundamentalsLeft)} most fundamental
          questions, or browse the questions and add the ones you want.
        </p>
      ) : (
        <p>
          {deck.nextDue === null ? (
            'Nothing to review: every card in your deck is suspended.'
          ) : (
            <>
              Nothing is due right now.
              {showNextDue && (
                <>
                  {' '}
                  <NextDue nextDue={deck.nextDue} now={now} />
                </>
              )}
            </>
          )}
        </p>
      )}
      <div class="aw-review-empty-actions">
        {deck.fundamentalsLeft > 0 && (
          <button type="button" class="aw-button" disabled={model.busy} onClick={() => void model.addFundamentals()}>
            Add the fundamentals
          </button>
        )}
        {onBrowse && (
          <button type="button" class="aw-button aw-secondary" onClick={onBrowse}>
            Browse questions
          </button>
        )}
      </div>
    </div>
  );
}
