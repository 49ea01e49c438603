/**
 * `#/interview`: a timed mock interview. Setup (how many questions, minutes each, a practice problem or not),
 * then each step (answer, model answer with key points, self-rating into FSRS), then the summary, which is
 * stored in the interviews table for Stats. Everything works from the keyboard.
 */
import { useEffect, useId, useLayoutEffect, useRef } from 'preact/hooks';
import { InterviewStep } from '@/components/InterviewStep';
import { InterviewSummary } from '@/components/InterviewSummary';
import { useClock, useDb } from '@/components/hooks/use-db';
import { useInterview } from '@/components/hooks/use-interview';
import { useSettings } from '@/components/hooks/use-settings';
import { useTick } from '@/components/hooks/use-tick';
// Every item at once: an interview draws from all of them (this view is a chunk of its own).
import { conceptById, fundamentalsFirst, knowledge, practiceById, questionById } from '@/utils/knowledge/all';
import type { InterviewStep as Step } from '@/utils/interview/plan';
import { practicePoints, questionPoints } from '@/utils/interview/points';
import { GRADES } from '@/utils/srs/scheduler';
import '@/components/styles/review.css';
import '@/components/styles/quiz.css';

export interface InterviewViewProps {
  onCopy?: (code: string) => void | Promise<void>;
}

const TEXT_ENTRY = 'input[type="text"], input[type="search"], textarea, select, [contenteditable="true"]';
const topicName = (id: string) => conceptById.get(id)?.name ?? id;

function stepContent(step: Step) {
  if (step.kind === 'question') {
    const q = questionById.get(step.id)!;
    return {
      title: q.question,
      model: { blocks: q.body, snippets: q.snippets },
      points: questionPoints(q),
    };
  }
  const p = practiceById.get(step.id)!;
  return {
    title: p.title,
    statement: { blocks: p.statement, snippets: p.snippets },
    model: { blocks: p.solution, snippets: p.snippets },
    points: practicePoints(p),
  };
}

export function InterviewView({ onCopy }: InterviewViewProps) {
  const db = useDb();
  const now = useClock();
  const { settings } = useSettings();
  const model = useInterview({ db, knowledge, knowledgeOrder: fundamentalsFirst, settings: settings.srs, now });
  const { phase, setup, busy, notice } = model;
  const headingId = useId();
  const rootRef = useRef<HTMLElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  useTick(1000);

  // 1–4 rate once the model answer is shown (not while typing in a box).
  const live = useRef(model);
  live.current = model;
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const root = rootRef.current;
      if (!root || root.closest('[hidden], [inert]') || event.defaultPrevented) return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(TEXT_ENTRY)) return;
      const current = live.current;
      const p = current.phase;
      if (p.kind !== 'running' || p.run.stage !== 'review') return;
      const grade = GRADES.find((g) => String(g) === event.key);
      if (grade === undefined) return;
      event.preventDefault();
      void current.rate(grade, stepContent(p.run.steps[p.run.index]!).points.length);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    if (phase.kind === 'setup') startRef.current?.focus();
  }, [phase.kind]);

  let body;
  if (phase.kind === 'setup') {
    body = (
      <form
        class="aw-interview-setup aw-review-card"
        onSubmit={(e) => {
          e.preventDefault();
          void model.start();
        }}
      >
        <p>
          A timed run-through: questions from your due and unseen cards, across topics. Answer each as you would aloud,
          then compare with the model answer, tick the key points you made and rate yourself; the rating goes into your
          flashcards.
        </p>
        <label>
          Questions
          <select value={setup.count} onChange={(e) => model.configure({ count: Number(e.currentTarget.value) })}>
            {[2, 3, 4, 5, 6, 8].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          Minutes per question
          <select value={setup.minutes} onChange={(e) => model.configure({ minutes: Number(e.currentTarget.value) })}>
            {[2, 3, 5, 8].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={setup.withPractice}
            onChange={(e) => model.configure({ withPractice: e.currentTarget.checked })}
          />
          End with a practice problem
        </label>
        <div class="aw-row">
          <button ref={startRef} type="submit" class="aw-button" disabled={busy}>
            Start the interview
          </button>
        </div>
      </form>
    );
  } else if (phase.kind === 'running') {
    const { run } = phase;
    const step = run.steps[run.index]!;
    const content = stepContent(step);
    const questions = run.steps.filter((s) => s.kind === 'question').length;
    body = (
      <InterviewStep
        key={`${run.index}`}
        label={step.kind === 'practice' ? 'Practice problem' : `Question ${run.index + 1} of ${questions}`}
        title={content.title}
        statement={content.statement}
        stage={run.stage}
        draft={run.draft}
        elapsedMs={run.stage === 'answer' ? now() - run.stepStartedAt : run.answerMs}
        limitMs={run.limitMs}
        model={content.model}
        points={content.points}
        ticked={run.ticked}
        busy={busy}
        onDraft={model.draft}
        onSubmit={model.submit}
        onTick={model.tick}
        onRate={(grade) => void model.rate(grade, content.points.length)}
        onCopy={onCopy}
      />
    );
  } else {
    body = (
      <InterviewSummary
        answers={phase.answers}
        titleOf={(a) =>
          (a.kind === 'practice' ? practiceById.get(a.cardId)?.title : questionById.get(a.cardId)?.question) ?? a.cardId
        }
        topicName={topicName}
        onAgain={model.stop}
      />
    );
  }

  return (
    <section ref={rootRef} class="aw-interview aw-review" aria-labelledby={headingId}>
      <header class="aw-review-bar">
        <h2 id={headingId}>Mock interview</h2>
        {phase.kind === 'running' && (
          <button type="button" class="aw-button aw-secondary aw-small" onClick={model.stop} disabled={busy}>
            Stop
          </button>
        )}
      </header>
      {notice && <p class="aw-review-notice">{notice}</p>}
      {body}
    </section>
  );
}
