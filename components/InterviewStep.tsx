/**
 * One step of a mock interview: the question and an answer box; once submitted, the model answer, its key
 * points to tick and the self-rating. Props only; the view owns the session.
 */
import { useEffect, useId, useRef } from 'preact/hooks';
import type { Block, Snippet } from '@/utils/knowledge-types';
import { formatClock } from '@/utils/interview/summary';
import { GRADE_LABELS, GRADES, type Grade } from '@/utils/srs/scheduler';
import { RichText } from './RichText';

export interface InterviewStepProps {
  /** "Question 2 of 5" or "Practice problem". */
  label: string;
  title: string;
  /** Statement blocks for a practice step (a question's text is its title). */
  statement?: { blocks: Block[]; snippets: Snippet[] };
  stage: 'answer' | 'review';
  draft: string;
  elapsedMs: number;
  limitMs: number;
  /** The full model answer (its key points are shown as the checklist). */
  model: { blocks: Block[]; snippets: Snippet[] };
  points: readonly string[];
  ticked: ReadonlySet<number>;
  busy?: boolean;
  onDraft: (text: string) => void;
  onSubmit: () => void;
  onTick: (index: number, on: boolean) => void;
  onRate: (grade: Grade) => void;
  onCopy?: (code: string) => void | Promise<void>;
}

export function InterviewStep(props: InterviewStepProps) {
  const { stage, elapsedMs, limitMs, points, ticked } = props;
  const answerId = useId();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const modelRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (stage === 'answer') textareaRef.current?.focus();
    else modelRef.current?.focus();
  }, [stage, props.title]);
  const over = elapsedMs > limitMs;
  return (
    <article class="aw-interview-step aw-review-card" aria-label={props.label}>
      <div class="aw-interview-bar">
        <h3 class="aw-muted">{props.label}</h3>
        <span
          class={`aw-interview-clock${over ? ' aw-over' : ''}`}
          role="timer"
          aria-label={over ? 'Over the time for this question' : 'Time on this question'}
        >
          {formatClock(elapsedMs)} / {formatClock(limitMs)}
          {over ? ' · over time' : ''}
        </span>
      </div>
      <p class="aw-interview-question">{props.title}</p>
      {props.statement && <RichText blocks={props.statement.blocks} snippets={props.statement.snippets} />}
      {stage === 'answer' ? (
        <form
          class="aw-interview-form"
          onSubmit={(e) => {
            e.preventDefault();
            props.onSubmit();
          }}
        >
          <label for={answerId}>Your answer, as you would say it</label>
          <textarea
            id={answerId}
            ref={textareaRef}
            value={props.draft}
            aria-keyshortcuts="Control+Enter Meta+Enter"
            onInput={(e) => props.onDraft(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                props.onSubmit();
              }
            }}
          />
          <div class="aw-row">
            <button type="submit" class="aw-button">
              Submit answer
            </button>
          </div>
          <p class="aw-review-keys aw-muted">
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd> (<kbd>⌘</kbd>+<kbd>Enter</kbd>) submits
          </p>
        </form>
      ) : (
        <>
          <section class="aw-review-answer" aria-label="Your answer">
            <h4 class="aw-visually-hidden">Your answer</h4>
            <p class="aw-interview-yours">{props.draft.trim() || '(no answer typed)'}</p>
          </section>
          <section class="aw-review-answer" aria-labelledby={`${answerId}-model`}>
            <h4 id={`${answerId}-model`} ref={modelRef} tabIndex={-1}>
              Model answer
            </h4>
            {/* The key points are the short answer's sentences and the pitfalls: shown once, as the checklist. */}
            <fieldset class="aw-points-set">
              <legend>Key points: tick the ones you made</legend>
              <ul class="aw-points">
                {points.map((point, i) => (
                  <li key={i}>
                    <label>
                      <input
                        type="checkbox"
                        checked={ticked.has(i)}
                        onChange={(e) => props.onTick(i, e.currentTarget.checked)}
                      />
                      <span>{point}</span>
                    </label>
                  </li>
                ))}
              </ul>
              <p class="aw-muted" aria-live="polite">
                {ticked.size} of {points.length} covered
              </p>
            </fieldset>
            <details class="aw-review-full">
              <summary>Full answer{props.model.snippets.length > 0 ? ' and code' : ''}</summary>
              <RichText blocks={props.model.blocks} snippets={props.model.snippets} onCopy={props.onCopy} />
            </details>
          </section>
          <div class="aw-rating" role="group" aria-label="How well did you answer?">
            {GRADES.map((grade) => (
              <button
                key={grade}
                type="button"
                class={`aw-rate aw-rate-${grade}`}
                aria-keyshortcuts={String(grade)}
                disabled={props.busy}
                onClick={() => props.onRate(grade)}
              >
                <kbd aria-hidden="true">{grade}</kbd>
                {GRADE_LABELS[grade]}
              </button>
            ))}
          </div>
          <p class="aw-review-keys aw-muted">
            <kbd>Tab</kbd> to a point, <kbd>Space</kbd> ticks · <kbd>1</kbd>–<kbd>4</kbd> rate and go on
          </p>
        </>
      )}
    </article>
  );
}
