/** The side panel's flashcard review: queue, keyboard, undo, empty state and session summary. */
import { useEffect, useId, useLayoutEffect, useRef } from 'preact/hooks';
import { CardMenu } from '@/components/CardMenu';
import { plainText } from '@/components/CodeText';
import { QuizCard } from '@/components/QuizCard';
import { ReviewCard } from '@/components/ReviewCard';
import { NextDue, ReviewSummary } from '@/components/ReviewSummary';
import { Toast } from '@/components/Toast';
import { useClock, useDb } from '@/components/hooks/use-db';
import { STARTER_CARDS, useReview, type ReviewModel } from '@/components/hooks/use-review';
import { useSettings } from '@/components/hooks/use-settings';
import { useSnippetRunner } from '@/components/hooks/use-snippet-runner';
import { useToast } from '@/components/hooks/use-toast';
import { useKnowledgeItem } from '@/components/hooks/use-knowledge-item';
import { fundamentalsFirst, loadCard, quizEntryById } from '@/utils/knowledge';
import { actionDone, type CardAction } from '@/utils/srs/card-actions';
import { shortcutFor } from '@/utils/srs/review-keys';
import { versionKey } from '@/utils/srs/review-session';
import '@/components/styles/review.css';

export interface ReviewViewProps {
  /** Opens a card's question in the question view (the full answer is also shown inline). */
  onOpenQuestion?: (id: string) => void;
  /** Offered in the empty state, next to adding the fundamentals. */
  onBrowse?: () => void;
  /** Opens the mock interview (a button in the bar). */
  onInterview?: () => void;
  onCopy?: (code: string) => void | Promise<void>;
}

const isQuiz = (id: string) => quizEntryById.has(id);

export function ReviewView({ onOpenQuestion, onBrowse, onInterview, onCopy }: ReviewViewProps) {
  const runner = useSnippetRunner();
  const db = useDb();
  const now = useClock();
  const { settings, loaded } = useSettings();
  const model = useReview({
    db,
    settings: settings.srs,
    knowledgeOrder: fundamentalsFirst,
    isQuiz,
    enabled: loaded,
    now,
  });
  const headingId = useId();
  const rootRef = useRef<HTMLElement>(null);
  const { toast, show, dismiss, takeBack } = useToast();
  const act = (action: CardAction) =>
    void model.act(action).then((undo) => {
      if (undo) show(actionDone(action), () => model.undoAction(undo));
    });
  // The keydown listener is registered once and reads the latest values through this ref.
  const live = useRef({ model, act });
  live.current = { model, act };

  // A layout effect: listening from the moment Review is on screen, so a key pressed straight after switching
  // to it is not lost to a listener added only after the next paint. A key that comes before the first card
  // does is kept by the session (see useReview's reveal).
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const root = rootRef.current;
      // Mounted but hidden (another tab of the panel is showing): the keys belong to that tab.
      if (!root || root.closest('[hidden], [inert]')) return;
      const { model: current, act: run } = live.current;
      const shortcut = shortcutFor(event, {
        cardId: current.card?.id,
        loading: current.status === 'loading',
        revealed: current.revealed,
        quiz: current.card !== undefined && isQuiz(current.card.id),
      });
      if (!shortcut) return;
      event.preventDefault();
      switch (shortcut.kind) {
        case 'reveal':
          return current.reveal();
        case 'rate':
          return void current.rate(shortcut.grade);
        case 'act':
          return run(shortcut.action);
        case 'undo':
          // Undo takes back the latest thing done: a card action while its toast shows, else the last rating.
          if (!takeBack()) void current.undo();
          return;
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [takeBack]);

  // The deck's items, fetched once Review opens (each is a chunk of its own), so the next card shows at once.
  useEffect(() => {
    void db.cards
      .toCollection()
      .primaryKeys()
      .then((ids) => Promise.all(ids.map((id) => loadCard(id))));
  }, [db]);

  const { card, session, remaining } = model;
  const cardIsQuiz = card !== undefined && isQuiz(card.id);
  const questionItem = useKnowledgeItem('question', card && !cardIsQuiz ? card.id : undefined);
  const quizItem = useKnowledgeItem('quiz', card && cardIsQuiz ? card.id : undefined);
  const itemLoading = questionItem.status === 'loading' || quizItem.status === 'loading';
  const question = questionItem.status === 'ready' ? questionItem.item : undefined;
  const quiz = quizItem.status === 'ready' ? quizItem.item : undefined;
  const clockNow = model.clock();

  return (
    <section ref={rootRef} class="aw-review" aria-labelledby={headingId}>
      <header class="aw-review-bar">
        <h2 id={headingId}>Review</h2>
        {model.status === 'ready' && (
          <p
            class="aw-review-counts"
            aria-label={`${remaining.new} new, ${remaining.learning} learning, ${remaining.review} to review`}
          >
            <span class="aw-count-new">{remaining.new} new</span> ·{' '}
            <span class="aw-count-learning">{remaining.learning} learning</span> ·{' '}
            <span class="aw-count-review">{remaining.review} review</span>
          </p>
        )}
        <div class="aw-review-bar-actions">
          <button
            type="button"
            class="aw-button aw-secondary aw-small"
            aria-keyshortcuts="U Control+Z Meta+Z"
            disabled={!model.canUndo || model.busy}
            onClick={() => void model.undo()}
          >
            Undo
          </button>
          {onInterview && (
            <button type="button" class="aw-button aw-secondary aw-small" onClick={onInterview}>
              Mock interview
            </button>
          )}
        </div>
      </header>

      {model.notice && <p class="aw-review-notice">{model.notice}</p>}

      {model.status === 'error' ? (
        <p class="aw-error-box" role="alert">
          Could not read your cards: {model.error?.message}
        </p>
      ) : model.status === 'loading' || itemLoading ? (
        <p class="aw-muted">Loading your cards…</p>
      ) : card && quiz ? (
        <div class="aw-review-quiz">
          <div class="aw-review-meta">
            <CardMenu disabled={model.busy} onAction={act} />
          </div>
          <QuizCard
            key={versionKey(card)}
            quiz={quiz}
            rates
            initialState={model.quiz ?? undefined}
            previews={model.previews}
            busy={model.busy}
            takeFocus
            runner={runner}
            onPicked={(_correct, state) => model.reveal(state)}
            onNext={(grade) => {
              if (grade) void model.rate(grade);
            }}
            onCopy={onCopy}
          />
        </div>
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
          // Each card takes focus when it appears (Space then works from wherever focus was), unless the user
          // is typing, in a dialog or moving along the tab list.
          takeFocus
          onReveal={() => model.reveal()}
          onRate={(grade) => void model.rate(grade)}
          onAction={act}
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
          <EmptyState
            model={model}
            now={clockNow}
            onBrowse={onBrowse}
            showNextDue={session.reviewed === 0}
            onStudyMore={model.studyMore}
            studyMoreBatch={Math.max(1, Math.min(settings.srs.newPerDay || 10, 10))}
          />
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

      <div class="aw-visually-hidden" aria-live="polite">
        <span>{model.announcement}</span>{' '}
        <span>
          {card
            ? quiz
              ? `Quiz: ${quiz.prompt}`
              : `Question: ${question ? plainText(question.question) : card.id}`
            : model.status === 'ready'
              ? 'No cards due.'
              : ''}
        </span>
      </div>
    </section>
  );
}

interface EmptyStateProps {
  model: ReviewModel;
  now: number;
  showNextDue: boolean;
  onBrowse?: () => void;
  onStudyMore: (count: number) => void;
  /** How many more new cards one press of "study more" brings in. */
  studyMoreBatch: number;
}

function EmptyState({ model, now, showNextDue, onBrowse, onStudyMore, studyMoreBatch }: EmptyStateProps) {
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
        {deck.newLeft > 0 && (
          <button type="button" class="aw-button" disabled={model.busy} onClick={() => onStudyMore(studyMoreBatch)}>
            Study {Math.min(studyMoreBatch, deck.newLeft)} more new{' '}
            {Math.min(studyMoreBatch, deck.newLeft) === 1 ? 'card' : 'cards'} today
          </button>
        )}
        {deck.fundamentalsLeft > 0 && (
          <button
            type="button"
            class={`aw-button${deck.newLeft > 0 ? ' aw-secondary' : ''}`}
            disabled={model.busy}
            onClick={() => void model.addFundamentals()}
          >
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
