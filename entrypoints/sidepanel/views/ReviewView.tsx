/** The side panel's flashcard review: queue, keyboard, undo, empty state and session summary. */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { plainText } from '@/components/CodeText';
import { ReviewCard } from '@/components/ReviewCard';
import { Toast } from '@/components/Toast';
import { ACTION_DONE } from '@/components/hooks/card-actions';
import { useToast } from '@/components/hooks/use-toast';
import { NextDue, ReviewSummary } from '@/components/ReviewSummary';
import { versionKey } from '@/components/hooks/review-session';
import { useClock, useDb } from '@/components/hooks/use-db';
import { STARTER_CARDS, useReview, type ReviewModel } from '@/components/hooks/use-review';
import { useSettings } from '@/components/hooks/use-settings';
import { fundamentalsFirst, questionById, quizById } from '@/utils/knowledge';
import { QuizCard } from '@/components/QuizCard';
import { useSnippetRunner } from '@/components/hooks/use-snippet-runner';
import { GRADES, type Grade } from '@/utils/srs/scheduler';
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

export function ReviewView({ onOpenQuestion, onBrowse, onInterview, onCopy }: ReviewViewProps) {
  const runner = useSnippetRunner();
  const db = useDb();
  const now = useClock();
  const { settings, loaded } = useSettings();
  // "Study more new cards today" raises today's new-card limit for this panel only; the setting is unchanged.
  const [extraNew, setExtraNew] = useState(0);
  const srs = useMemo(
    () => (extraNew ? { ...settings.srs, newPerDay: settings.srs.newPerDay + extraNew } : settings.srs),
    [settings.srs, extraNew],
  );
  const model = useReview({ db, settings: srs, knowledgeOrder: fundamentalsFirst, enabled: loaded, now });
  const headingId = useId();
  const rootRef = useRef<HTMLElement>(null);
  // The keydown listener is registered once and reads the latest model through this ref.
  const modelRef = useRef(model);
  modelRef.current = model;
  const started = useRef(false);
  const { toast, show, dismiss } = useToast();
  const toastRef = useRef(toast);
  toastRef.current = toast;
  const undoToast = useCallback(() => {
    const current = toastRef.current;
    if (!current?.undo) return false;
    dismiss();
    void current.undo();
    return true;
  }, [dismiss]);

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
      // U takes back the latest thing done: a card action while its toast shows, else the last rating.
      else if (shortcut.kind === 'undo') {
        if (!undoToast()) void current.undo();
      } else void current.rate(shortcut.grade);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [undoToast]);

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
        {onInterview && (
          <button type="button" class="aw-button aw-secondary aw-small" onClick={onInterview}>
            Mock interview
          </button>
        )}
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
          takeFocus
          runner={runner}
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
          // The first card takes focus when Review opens, so Space works at once (issue 15: focus stayed on
          // the tab button); later ones when the user's focus went away with the previous card.
          takeFocus
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
            void model.act(action).then((undo) => {
              if (undo) show(ACTION_DONE[action], () => model.undoAction(undo));
            });
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
          <EmptyState
            model={model}
            now={clockNow}
            onBrowse={onBrowse}
            showNextDue={session.reviewed === 0}
            onStudyMore={(n) => setExtraNew((x) => x + n)}
            studyMoreBatch={Math.max(1, Math.min(settings.srs.newPerDay || 10, 10))}
          />
        </>
      )}

      {toast && (
        <Toast
          key={toast.id}
          message={toast.message}
          onUndo={toast.undo ? () => void undoToast() : undefined}
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
