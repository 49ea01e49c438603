/** Runs code through the page's runner and keeps the run's state (run-state.ts) for the component. */
import { useReducer, useRef } from 'preact/hooks';
import type { RunOptions, RunResult, TestRunResult } from '@/utils/python/client';
import { IDLE, runReducer, type RunState } from './run-state';

export interface CodeRunner {
  run: (code: string, options: RunOptions) => Promise<RunResult>;
  test: (solution: string, tests: string, options: RunOptions) => Promise<TestRunResult>;
  stop: () => void;
}

export interface Run {
  state: RunState;
  script: (code: string) => Promise<RunResult>;
  tests: (solution: string, tests: string) => Promise<TestRunResult>;
  stop: () => void;
  clear: () => void;
}

export function useRun(runner: CodeRunner): Run {
  const [state, dispatch] = useReducer(runReducer, IDLE);
  // The number the next 'start' will get, known synchronously for the callbacks of the run it starts.
  const seq = useRef(state.seq);
  seq.current = Math.max(seq.current, state.seq);
  const begin = (job: 'script' | 'tests', code: string) => {
    const mine = ++seq.current;
    dispatch({ type: 'start', job, code });
    return {
      mine,
      options: {
        onStarted: () => dispatch({ type: 'started', seq: mine }),
        onOutput: (stream, text) => dispatch({ type: 'output', seq: mine, stream, text }),
      } satisfies RunOptions,
    };
  };
  return {
    state,
    async script(code) {
      const { mine, options } = begin('script', code);
      const result = await runner.run(code, options);
      dispatch({ type: 'ran', seq: mine, result });
      return result;
    },
    async tests(solution, tests) {
      const { mine, options } = begin('tests', solution);
      const result = await runner.test(solution, tests, options);
      dispatch({ type: 'tested', seq: mine, result });
      return result;
    },
    stop: () => runner.stop(),
    clear: () => {
      seq.current++;
      dispatch({ type: 'clear' });
    },
  };
}
