/**
 * One predict-the-output quiz: the code (its output hidden), the choices, and after a pick the verdict with
 * every choice's explanation and the verified output. In Review it is two steps with keys of their own, said
 * on a step line: pick with A–D, then record a rating with 1–4 (Space or Enter records the suggested one);
 * elsewhere it is practice without scheduling, where 1–4 pick as well.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { QuizItem } from '@/utils/knowledge-types';
import {
  choiceOrder,
  CHOICE_LETTERS,
  initialQuizState,
  pick,
  quizKeyAction,
  type QuizState,
} from '@/utils/quiz/answer';
import { GRADE_LABELS, type Grade, type IntervalPreview } from '@/utils/srs/scheduler';
import { CodeBlock } from './CodeBlock';
import { RunnableSnippet, type SnippetRunner } from './RunnableSnippet';
import './styles/quiz.css';

export interface QuizCardProps {
  quiz: QuizItem;
  /** In Review: after the pick, the rating buttons record (the suggested one marked) instead of Next. */
  rates?: boolean;
  /** A pick made earlier (Review keeps it while the user looks at another view). */
  initialState?: QuizState;
  /** What each rating would schedule (Again first), shown on the rating buttons when rating. */
  previews?: readonly IntervalPreview[];
  busy?: boolean;
  /** Handle 1–4, A–D and Enter on the document (off while another view of the panel is showing). */
  keyboard?: boolean;
  /** Move focus to the prompt when the quiz appears (so its keys work at once), unless the user is typing. */
  takeFocus?: boolean;
  /** Called once, when the user picks. */
  onPicked?: (correct: boolean, state: QuizState) => void;
  /** Next: with the rating to record (when rating), or null in practice. */
  onNext?: (rating: Grade | null) => void;
  /** Label of the Next button; "Next" by default. */
  nextLabel?: string;
  onCopy?: (code: string) => void | Promise<void>;
  /** Once answered, the snippet gets Run and Try it (edits kept as the draft `snippet:<quiz id>#1`). */
  runner?: SnippetRunner;
  /** Clock override for tests. */
  now?: () => number;
}

const TEXT_ENTRY = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';

export function QuizCard(props: QuizCardProps) {
  const { quiz, rates = false, previews = [], busy = false, keyboard = true, now = Date.now } = props;
  const [state, setState] = useState<QuizState>(props.initialState ?? initialQuizState);
  const shownAt = useRef(now());
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const verdictRef = useRef<HTMLParagraphElement>(null);
  const rootRef = useRef<HTMLElement>(null);
  const snippet = quiz.snippets[0];
  /** Display position → index in quiz.choices. */
  const order = useMemo(() => choiceOrder(quiz.id, quiz.choices.length), [quiz]);
  const answered = state.picked !== null;
  const suggested = state.suggested;

  /** Picks the choice shown at `position`. */
  const choose = (position: number) => {
    const index = order[position];
    if (answered || busy || index === undefined) return;
    const next = pick(state, quiz.choices, index, now() - shownAt.current);
    if (next === state) return;
    setState(next);
    props.onPicked?.(quiz.choices[index]!.correct, next);
  };
  const record = (grade: Grade) => {
    if (answered && !busy) props.onNext?.(grade);
  };
  const next = () => {
    if (answered && !busy) props.onNext?.(null);
  };

  // The listener is registered once, before the first paint, and reads the latest values through this ref.
  const live = useRef({ state, choose, record, next, rates, keyboard, busy });
  live.current = { state, choose, record, next, rates, keyboard, busy };
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const root = rootRef.current;
      const current = live.current;
      if (!current.keyboard || current.busy || !root || root.closest('[hidden], [inert]') || event.defaultPrevented)
        return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(TEXT_ENTRY)) return;
      // Enter and Space on a focused button activate that button; the shortcut must not act a second time.
      if ((event.key === 'Enter' || event.key === ' ') && target?.closest('button, a[href], summary')) return;
      const action = quizKeyAction(event, current.state, quiz.choices.length, current.rates);
      if (!action) return;
      event.preventDefault();
      if (action.kind === 'pick') current.choose(action.index);
      else if (action.kind === 'record') current.record(action.grade);
      else current.next();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [quiz]);

  // Focus is taken when the card appears, as asked then; a later change of the prop moves nothing.
  const takeFocusOnMount = useRef(props.takeFocus);
  useEffect(() => {
    // Not while the user is typing somewhere else (the search box, say).
    if (takeFocusOnMount.current && !document.activeElement?.closest(TEXT_ENTRY)) headingRef.current?.focus();
  }, []);
  // Only a pick made here moves focus to the verdict; one brought back from earlier leaves focus alone.
  const pickedHere = useRef(state.picked === null);
  useEffect(() => {
    if (answered && pickedHere.current) verdictRef.current?.focus();
  }, [answered]);

  const picked = state.picked === null ? undefined : quiz.choices[state.picked];
  return (
    <article ref={rootRef} class="aw-quiz" aria-labelledby={headingId} aria-busy={busy}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1} class="aw-quiz-prompt">
        {quiz.prompt}
      </h3>
      {rates && (
        <p class="aw-quiz-step" data-testid="quiz-step">
          {answered ? (
            <>
              <strong>Step 2 of 2: rate.</strong> <kbd>1</kbd>–<kbd>4</kbd> record a rating; <kbd>Space</kbd> records{' '}
              {suggested ? GRADE_LABELS[suggested] : 'the suggestion'}.
            </>
          ) : (
            <>
              <strong>Step 1 of 2: pick the output.</strong> <kbd>A</kbd>–
              <kbd>{CHOICE_LETTERS[quiz.choices.length - 1]}</kbd> pick; the digits rate only after.
            </>
          )}
        </p>
      )}
      {answered && props.runner ? (
        <RunnableSnippet
          snippet={snippet}
          draftKey={`snippet:${quiz.id}#1`}
          runner={props.runner}
          onCopy={props.onCopy}
          runLabel="Show what happened"
        />
      ) : (
        // The output stays hidden until the user has answered: it is the answer.
        <CodeBlock snippet={answered ? snippet : { ...snippet, output: undefined }} onCopy={props.onCopy} />
      )}
      {answered && picked && (
        <p
          ref={verdictRef}
          tabIndex={-1}
          role="status"
          class={`aw-quiz-verdict ${picked.correct ? 'aw-quiz-verdict-right' : 'aw-quiz-verdict-wrong'}`}
        >
          {picked.correct
            ? `Right, in ${Math.max(1, Math.round(state.elapsedMs / 1000))} s.`
            : `Not quite: the answer is ${CHOICE_LETTERS[order.findIndex((i) => quiz.choices[i]!.correct)]}.`}
        </p>
      )}
      <ol class="aw-quiz-choices" aria-label="Choices">
        {order.map((i, position) => {
          const choice = quiz.choices[i]!;
          const mark = !answered ? '' : choice.correct ? ' aw-quiz-right' : i === state.picked ? ' aw-quiz-wrong' : '';
          return (
            <li key={i} class={`aw-quiz-choice${mark}`}>
              <button
                type="button"
                class="aw-quiz-pick"
                aria-keyshortcuts={rates ? CHOICE_LETTERS[position] : `${position + 1} ${CHOICE_LETTERS[position]}`}
                aria-pressed={answered ? i === state.picked : undefined}
                aria-disabled={answered || busy}
                onClick={() => choose(position)}
              >
                <span class="aw-quiz-letter" aria-hidden="true">
                  {CHOICE_LETTERS[position]}
                </span>
                <span class="aw-visually-hidden">{`Choice ${CHOICE_LETTERS[position]}: `}</span>
                <pre class="aw-quiz-text">{choice.text}</pre>
              </button>
              {answered && (
                <p class="aw-quiz-why">
                  <strong>{choice.correct ? 'Right. ' : i === state.picked ? 'Your pick. ' : ''}</strong>
                  {choice.explanation}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {answered && picked && (
        <div class="aw-quiz-after">
          {rates && (
            <div class="aw-rating" role="group" aria-label="Record a rating (the suggested one is marked)">
              {previews.map(({ rating: grade, label }) => (
                <button
                  key={grade}
                  type="button"
                  class={`aw-rate aw-rate-${grade}${grade === suggested ? ' aw-quiz-rate-suggested' : ''}`}
                  aria-keyshortcuts={grade === suggested ? `${grade} Space Enter` : String(grade)}
                  disabled={busy}
                  onClick={() => record(grade)}
                >
                  <kbd aria-hidden="true">{grade}</kbd>
                  {`${GRADE_LABELS[grade]} · ${label}`}
                  {grade === suggested && <span class="aw-quiz-suggested"> (suggested)</span>}
                </button>
              ))}
            </div>
          )}
          {!rates && props.onNext && (
            <button
              type="button"
              class="aw-button aw-quiz-next"
              aria-keyshortcuts="Enter"
              disabled={busy}
              onClick={next}
            >
              {props.nextLabel ?? 'Next'}
            </button>
          )}
        </div>
      )}
      {!rates && (
        <p class="aw-review-keys aw-muted">
          {answered ? (
            <>
              <kbd>Enter</kbd> next
            </>
          ) : (
            <>
              <kbd>1</kbd>–<kbd>{quiz.choices.length}</kbd> or <kbd>A</kbd>–
              <kbd>{CHOICE_LETTERS[quiz.choices.length - 1]}</kbd> pick
            </>
          )}
        </p>
      )}
    </article>
  );
}
