/**
 * A mock interview as a pure reducer: setup (how many questions, minutes each, a practice problem or not),
 * each step (answer, then the model answer with key points to tick and a self-rating), then the summary.
 * The hook (components/hooks/use-interview.ts) plans the questions, writes the ratings and the finished
 * interview, and dispatches here.
 */
import type { GradeValue, InterviewAnswerRecord } from '@/utils/db';
import { DEFAULT_MINUTES, DEFAULT_QUESTIONS, type InterviewStep } from './plan';

export interface InterviewSetup {
  count: number;
  minutes: number;
  withPractice: boolean;
}

export interface RunningInterview {
  steps: InterviewStep[];
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

export type InterviewPhase =
  { kind: 'setup' } | { kind: 'running'; run: RunningInterview } | { kind: 'done'; answers: InterviewAnswerRecord[] };

export interface InterviewState {
  setup: InterviewSetup;
  phase: InterviewPhase;
  /** Why the last action did not go as asked. */
  notice: string | undefined;
}

export const initialInterview: InterviewState = {
  setup: { count: DEFAULT_QUESTIONS, minutes: DEFAULT_MINUTES, withPractice: false },
  phase: { kind: 'setup' },
  notice: undefined,
};

export type InterviewEvent =
  | { type: 'configure'; setup: Partial<InterviewSetup> }
  | { type: 'started'; steps: InterviewStep[]; at: number }
  | { type: 'draft'; draft: string }
  | { type: 'submit'; at: number }
  | { type: 'tick'; point: number; on: boolean }
  /** The step was rated (and, for a question, the card with it); `notice` says why the card was not. */
  | { type: 'rated'; rating: GradeValue; pointsTotal: number; at: number; notice?: string }
  | { type: 'stop' }
  | { type: 'failed'; message: string };

/** The answer a rating records for the step on screen. */
export function answerOf(run: RunningInterview, rating: GradeValue, pointsTotal: number): InterviewAnswerRecord {
  const step = run.steps[run.index]!;
  return {
    cardId: step.id,
    kind: step.kind,
    topic: step.topic,
    ms: Math.round(run.answerMs),
    pointsCovered: run.ticked.size,
    pointsTotal,
    rating,
    answer: run.draft,
  };
}

const withRun = (state: InterviewState, change: (run: RunningInterview) => RunningInterview): InterviewState =>
  state.phase.kind === 'running' ? { ...state, phase: { kind: 'running', run: change(state.phase.run) } } : state;

export function interviewReducer(state: InterviewState, event: InterviewEvent): InterviewState {
  switch (event.type) {
    case 'configure':
      return { ...state, setup: { ...state.setup, ...event.setup } };
    case 'started':
      return {
        ...state,
        notice: undefined,
        phase: {
          kind: 'running',
          run: {
            steps: event.steps,
            index: 0,
            stage: 'answer',
            startedAt: event.at,
            stepStartedAt: event.at,
            answerMs: 0,
            draft: '',
            ticked: new Set(),
            answers: [],
            limitMs: state.setup.minutes * 60_000,
          },
        },
      };
    case 'draft':
      return withRun(state, (run) => (run.stage === 'answer' ? { ...run, draft: event.draft } : run));
    case 'submit':
      return withRun(state, (run) =>
        run.stage === 'answer' ? { ...run, stage: 'review', answerMs: event.at - run.stepStartedAt } : run,
      );
    case 'tick':
      return withRun(state, (run) => {
        const ticked = new Set(run.ticked);
        if (event.on) ticked.add(event.point);
        else ticked.delete(event.point);
        return { ...run, ticked };
      });
    case 'rated': {
      if (state.phase.kind !== 'running' || state.phase.run.stage !== 'review') return state;
      const { run } = state.phase;
      const answers = [...run.answers, answerOf(run, event.rating, event.pointsTotal)];
      const notice = event.notice;
      if (run.index + 1 >= run.steps.length) return { ...state, notice, phase: { kind: 'done', answers } };
      return {
        ...state,
        notice,
        phase: {
          kind: 'running',
          run: {
            ...run,
            answers,
            index: run.index + 1,
            stage: 'answer',
            stepStartedAt: event.at,
            draft: '',
            ticked: new Set(),
          },
        },
      };
    }
    case 'stop':
      return { ...state, phase: { kind: 'setup' } };
    case 'failed':
      return { ...state, notice: event.message };
  }
}
