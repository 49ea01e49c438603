/** One flashcard under review: the question, then on reveal the short answer, the rating buttons and the full answer one click away. */
import { useEffect, useId, useRef } from 'preact/hooks';
import type { CardStateValue } from '@/utils/db';
import type { QuestionCard } from '@/utils/knowledge-types';
import type { CardAction } from '@/utils/srs/card-actions';
import { GRADE_LABELS, LEECH_LAPSES, Rating, type Grade, type IntervalPreview } from '@/utils/srs/scheduler';
import { CardMenu } from './CardMenu';
import { RichText } from './RichText';
import { CodeText } from './CodeText';

const STATE_LABELS: Readonly<Record<CardStateValue, string>> = {
  0: 'New',
  1: 'Learning',
  2: 'Review',
  3: 'Relearning',
};

export interface ReviewCardProps {
  cardId: string;
  /** Undefined when the card's question is no longer in the bundled knowledge base. */
  question: QuestionCard | undefined;
  state: CardStateValue;
  leech: boolean;
  revealed: boolean;
  /** What each rating would schedule, Again first; shown once revealed. */
  previews: readonly IntervalPreview[];
  busy?: boolean;
  /** Move focus to the question when the card appears, unless the user is typing somewhere else. */
  takeFocus?: boolean;
  onReveal: () => void;
  onRate: (grade: Grade) => void;
  onAction: (action: CardAction) => void;
  onOpenQuestion?: (id: string) => void;
  onCopy?: (code: string) => void | Promise<void>;
}

/** The element that had focus was removed (the reveal or a rating button): focus fell back to the page. */
const focusWasLost = () => document.activeElement === null || document.activeElement === document.body;
/** Where focus stays when a card appears: typing, a dialog, or the tab list (whose arrow keys must keep working). */
const KEEP_FOCUS =
  'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="dialog"], [role="tablist"]';
/** Focus is somewhere the card may take it from: lost, or outside the card and not where it must stay. */
const mayTakeFocus = (card: Element | null) => {
  const active = document.activeElement;
  if (focusWasLost()) return true;
  return !!card && !card.contains(active) && !active?.closest(KEEP_FOCUS);
};

export function ReviewCard(props: ReviewCardProps) {
  const { cardId, question, state, leech, revealed, previews, busy = false, takeFocus = false } = props;
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const answerRef = useRef<HTMLDivElement>(null);
  const cardRef = useRef<HTMLElement>(null);

  // Only when this card appears: the container gives each card version its own instance.
  const takeFocusOnMount = useRef(takeFocus);
  useEffect(() => {
    if (takeFocusOnMount.current && mayTakeFocus(cardRef.current)) headingRef.current?.focus();
  }, []);
  useEffect(() => {
    if (revealed && focusWasLost()) answerRef.current?.focus();
  }, [revealed]);

  return (
    <article ref={cardRef} class="aw-review-card" aria-labelledby={headingId} aria-busy={busy}>
      <div class="aw-review-meta">
        <span class="aw-chip">{STATE_LABELS[state]}</span>
        {leech && (
          <span class="aw-chip aw-leech" title={`Forgotten ${LEECH_LAPSES} or more times`}>
            Leech
          </span>
        )}
        <CardMenu disabled={busy} onAction={props.onAction} />
      </div>
      <h3 id={headingId} ref={headingRef} tabIndex={-1} class="aw-review-question">
        {question ? <CodeText text={question.question} /> : `Card “${cardId}”`}
      </h3>
      {leech && (
        <p class="aw-review-leech-note">
          You have forgotten this card {LEECH_LAPSES} or more times. Read the full answer closely, or reset or suspend
          it from Card actions.
        </p>
      )}
      {!question ? (
        <p class="aw-error-box">
          This card's question is not in this version of Awaitwise. Remove it from Card actions, or suspend it to keep
          its history.
        </p>
      ) : revealed ? (
        <>
          <div ref={answerRef} tabIndex={-1} class="aw-review-answer" role="region" aria-label="Answer">
            <p class="aw-review-short">
              <CodeText text={question.short} />
            </p>
            <details class="aw-review-full">
              <summary>Full answer{question.snippets.length > 0 ? ' and code' : ''}</summary>
              <RichText blocks={question.body} snippets={question.snippets} onCopy={props.onCopy} />
            </details>
            {props.onOpenQuestion && (
              <button type="button" class="aw-link-button" onClick={() => props.onOpenQuestion?.(question.id)}>
                Open in the question view
              </button>
            )}
          </div>
          <div class="aw-rating" role="group" aria-label="How well did you remember it?">
            {previews.map(({ rating, label }) => (
              <button
                key={rating}
                type="button"
                class={`aw-rate aw-rate-${rating}`}
                aria-keyshortcuts={rating === Rating.Good ? '3 Space Enter' : String(rating)}
                disabled={busy}
                onClick={() => props.onRate(rating)}
              >
                <kbd aria-hidden="true">{rating}</kbd>
                {`${GRADE_LABELS[rating]} · ${label}`}
              </button>
            ))}
          </div>
        </>
      ) : (
        <button
          type="button"
          class="aw-button aw-review-reveal"
          aria-keyshortcuts="Space Enter"
          disabled={busy}
          onClick={props.onReveal}
        >
          Show answer
        </button>
      )}
      <p class="aw-review-keys aw-muted">
        {revealed ? (
          <>
            <kbd>Space</kbd> Good · <kbd>1</kbd>–<kbd>4</kbd> rate · <kbd>U</kbd> undo
          </>
        ) : (
          <>
            <kbd>Space</kbd> show answer · <kbd>U</kbd> undo
          </>
        )}
      </p>
    </article>
  );
}
