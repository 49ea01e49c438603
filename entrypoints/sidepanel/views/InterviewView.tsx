/**
 * `#/interview`: a timed mock interview. Setup (how many questions, minutes each, a practice problem or not),
 * then each step (answer, model answer with key points, self-rating into FSRS), then the summary, which is
 * stored in the interviews table for Stats. Everything works from the keyboard.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { InterviewStep } from '@/components/InterviewStep';
import { InterviewSummary } from '@/components/InterviewSummary';
import { useClock, useDb } from '@/components/hooks/use-db';
import { useSettings } from '@/components/hooks/use-settings';
import { useTick } from '@/components/hooks/use-tick';
import type { InterviewAnswerRecord } from '@/utils/db';
import { conceptById, fundamentalsFirst, knowledge, practiceById, questionById } from '@/utils/knowledge';
import { DEFAULT_MINUTES, DEFAULT_QUESTIONS, planInterview, type InterviewStep as Step } from '@/utils/interview/plan';
import { practicePoints, questionPoints } from '@/utils/interview/points';
import { rateInterviewAnswer, saveInterview } from '@/utils/interview/repository';
import { GRADES, type Grade } from '@/utils/srs/scheduler';
import '@/components/styles/review.css';
import '@/components/styles/quiz.css';

export interface InterviewViewProps {
  onCopy?: (code: string) => void | Promise<void>;
}

interface Running {
  steps: Step[];
  index: number;
  stage: 'answer' | 'review';
  startedAt: number;
  stepStartedAt: number;
  /** Time on the step, frozen when the answer is submitted. */
  answerMs: number;
  draft: string;
  ticked: ReadonlySet<number>;
  answers: InterviewAnswerRecord[];
  limitMs: number;
}

type Phase = { kind: 'setup' } | { kind: 'running'; run: Running } | { kind: 'done'; answers: InterviewAnswerRecord[] };

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
  const [phase, setPhase] = useState<Phase>({ kind: 'setup' });
  const [count, setCount] = useState(DEFAULT_QUESTIONS);
  const [minutes, setMinutes] = useState(DEFAULT_MINUTES);
  const [withPractice, setWithPractice] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  const headingId = useId();
  const rootRef = useRef<HTMLElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  useTick(1000);

  const start = async () => {
    setBusy(true);
    try {
      const at = now();
      const steps = planInterview({
        questions: knowledge.questions,
        practice: knowledge.practice,
        cards: await db.cards.toArray(),
        now: at,
        count,
        // The start time picks the questions: a new set per interview, the same set under a fixed clock.
        seed: at,
        withPractice,
      });
      const run: Running = {
        steps,
        index: 0,
        stage: 'answer',
        startedAt: at,
        stepStartedAt: at,
        answerMs: 0,
        draft: '',
        ticked: new Set(),
        answers: [],
        limitMs: minutes * 60_000,
      };
      setNotice(undefined);
      setPhase({ kind: 'running', run });
    } catch (error) {
      setNotice(`Could not read your deck: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const update = (change: (run: Running) => Running) =>
    setPhase((p) => (p.kind === 'running' ? { kind: 'running', run: change(p.run) } : p));

  const submit = () =>
    update((run) => (run.stage === 'answer' ? { ...run, stage: 'review', answerMs: now() - run.stepStartedAt } : run));

  const rateStep = async (grade: Grade) => {
    if (phase.kind !== 'running' || phase.run.stage !== 'review' || busy) return;
    const run = phase.run;
    const step = run.steps[run.index]!;
    const points = stepContent(step).points;
    const answer: InterviewAnswerRecord = {
      cardId: step.id,
      kind: step.kind,
      topic: step.topic,
      ms: Math.round(run.answerMs),
      pointsCovered: run.ticked.size,
      pointsTotal: points.length,
      rating: grade,
      answer: run.draft,
    };
    setBusy(true);
    try {
      const at = now();
      if (step.kind === 'question') {
        const result = await rateInterviewAnswer(db, step.id, grade, at, settings.srs, fundamentalsFirst, run.answerMs);
        setNotice(result.ok ? undefined : result.message);
      }
      const answers = [...run.answers, answer];
      if (run.index + 1 < run.steps.length) {
        setPhase({
          kind: 'running',
          run: {
            ...run,
            answers,
            index: run.index + 1,
            stage: 'answer',
            stepStartedAt: at,
            draft: '',
            ticked: new Set(),
          },
        });
      } else {
        await saveInterview(db, { startedAt: run.startedAt, finishedAt: at, questions: answers });
        setPhase({ kind: 'done', answers });
      }
    } catch (error) {
      setNotice(`That did not save: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  // 1–4 rate once the model answer is shown (not while typing in a box).
  const live = useRef({ phase, rateStep });
  live.current = { phase, rateStep };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const root = rootRef.current;
      if (!root || root.closest('[hidden], [inert]') || event.defaultPrevented) return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(TEXT_ENTRY)) return;
      const { phase: p, rateStep: rateNow } = live.current;
      if (p.kind !== 'running' || p.run.stage !== 'review') return;
      const grade = GRADES.find((g) => String(g) === event.key);
      if (grade === undefined) return;
      event.preventDefault();
      void rateNow(grade);
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
          void start();
        }}
      >
        <p>
          A timed run-through: questions from your due and unseen cards, across topics. Answer each as you would aloud,
          then compare with the model answer, tick the key points you made and rate yourself; the rating goes into your
          flashcards.
        </p>
        <label>
          Questions
          <select value={count} onChange={(e) => setCount(Number(e.currentTarget.value))}>
            {[2, 3, 4, 5, 6, 8].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          Minutes per question
          <select value={minutes} onChange={(e) => setMinutes(Number(e.currentTarget.value))}>
            {[2, 3, 5, 8].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={withPractice} onChange={(e) => setWithPractice(e.currentTarget.checked)} />
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
        onDraft={(draft) => update((r) => ({ ...r, draft }))}
        onSubmit={submit}
        onTick={(i, on) =>
          update((r) => {
            const ticked = new Set(r.ticked);
            if (on) ticked.add(i);
            else ticked.delete(i);
            return { ...r, ticked };
          })
        }
        onRate={(grade) => void rateStep(grade)}
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
        onAgain={() => setPhase({ kind: 'setup' })}
      />
    );
  }

  return (
    <section ref={rootRef} class="aw-interview aw-review" aria-labelledby={headingId}>
      <header class="aw-review-bar">
        <h2 id={headingId}>Mock interview</h2>
        {phase.kind === 'running' && (
          <button
            type="button"
            class="aw-button aw-secondary aw-small"
            onClick={() => setPhase({ kind: 'setup' })}
            disabled={busy}
          >
            Stop
          </button>
        )}
      </header>
      {notice && <p class="aw-review-notice">{notice}</p>}
      {body}
    </section>
  );
}
