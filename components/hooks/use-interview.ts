/**
 * A mock interview's session: the pure reducer of utils/interview/session.ts, plus the writes it needs (the
 * deck to plan from, each question's rating into FSRS, the finished interview for Stats).
 */
import { useReducer, useRef, useState } from 'preact/hooks';
import type { AwaitwiseDb, GradeValue } from '@/utils/db';
import type { Knowledge } from '@/utils/knowledge-types';
import { planInterview } from '@/utils/interview/plan';
import { rateInterviewAnswer, saveInterview } from '@/utils/interview/repository';
import {
  answerOf,
  initialInterview,
  interviewReducer,
  type InterviewSetup,
  type InterviewState,
} from '@/utils/interview/session';
import { listCards } from '@/utils/srs/repository';
import type { SrsSettings } from '@/utils/srs/settings';

export interface UseInterviewOptions {
  db: AwaitwiseDb;
  knowledge: Pick<Knowledge, 'questions' | 'practice'>;
  /** Question ids fundamentals first: where a rated question not yet in the deck joins it. */
  knowledgeOrder: readonly string[];
  settings: SrsSettings;
  now: () => number;
}

export interface InterviewModel extends InterviewState {
  busy: boolean;
  configure: (setup: Partial<InterviewSetup>) => void;
  start: () => Promise<void>;
  draft: (text: string) => void;
  submit: () => void;
  tick: (point: number, on: boolean) => void;
  /** Rates the step on screen; `pointsTotal` is how many key points it had. */
  rate: (rating: GradeValue, pointsTotal: number) => Promise<void>;
  stop: () => void;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useInterview({ db, knowledge, knowledgeOrder, settings, now }: UseInterviewOptions): InterviewModel {
  const [state, dispatch] = useReducer(interviewReducer, initialInterview);
  const [busy, setBusy] = useState(false);
  // The async steps read the state as it is when they run, not as it was when the handler was made.
  const live = useRef(state);
  live.current = state;
  const busyRef = useRef(false);
  const exclusive = async (action: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    try {
      await action();
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const start = () =>
    exclusive(async () => {
      try {
        const at = now();
        const { count, withPractice } = live.current.setup;
        const steps = planInterview({
          questions: knowledge.questions,
          practice: knowledge.practice,
          cards: await listCards(db),
          now: at,
          count,
          // The start time picks the questions: a new set per interview, the same set under a fixed clock.
          seed: at,
          withPractice,
        });
        dispatch({ type: 'started', steps, at });
      } catch (error) {
        dispatch({ type: 'failed', message: `Could not read your deck: ${errorText(error)}` });
      }
    });

  const rate = (rating: GradeValue, pointsTotal: number) =>
    exclusive(async () => {
      const { phase } = live.current;
      if (phase.kind !== 'running' || phase.run.stage !== 'review') return;
      const { run } = phase;
      const step = run.steps[run.index]!;
      try {
        const at = now();
        let notice: string | undefined;
        if (step.kind === 'question') {
          const result = await rateInterviewAnswer(db, step.id, rating, at, settings, knowledgeOrder, run.answerMs);
          if (!result.ok) notice = result.message;
        }
        if (run.index + 1 >= run.steps.length) {
          const answers = [...run.answers, answerOf(run, rating, pointsTotal)];
          await saveInterview(db, { startedAt: run.startedAt, finishedAt: at, questions: answers });
        }
        dispatch({ type: 'rated', rating, pointsTotal, at, notice });
      } catch (error) {
        dispatch({ type: 'failed', message: `That did not save: ${errorText(error)}` });
      }
    });

  return {
    ...state,
    busy,
    configure: (setup) => dispatch({ type: 'configure', setup }),
    start,
    draft: (text) => dispatch({ type: 'draft', draft: text }),
    submit: () => dispatch({ type: 'submit', at: now() }),
    tick: (point, on) => dispatch({ type: 'tick', point, on }),
    rate,
    stop: () => dispatch({ type: 'stop' }),
  };
}
