/**
 * The state of running code in a page, as a pure reducer: a script run (its output as it arrives, then how
 * it ended) or a test run (then its report), each first waiting for its interpreter. Used by every runnable
 * snippet and by the practice workbench. A run's actions carry its number, so the late end of a run that
 * was replaced (stopped by a newer one) changes nothing.
 */
import type { RunResult, TestRunResult } from '@/utils/python/client';
import type { OutputStream } from '@/utils/python/protocol';

export interface OutputChunk {
  stream: OutputStream;
  text: string;
}

export type RunState =
  | { kind: 'idle'; seq: number }
  | { kind: 'running'; seq: number; job: 'script' | 'tests'; code: string; started: boolean; chunks: OutputChunk[] }
  | { kind: 'ran'; seq: number; code: string; chunks: OutputChunk[]; result: RunResult }
  | { kind: 'tested'; seq: number; result: TestRunResult };

export type RunAction =
  | { type: 'start'; job: 'script' | 'tests'; code: string }
  | { type: 'started'; seq: number }
  | { type: 'output'; seq: number; stream: OutputStream; text: string }
  | { type: 'ran'; seq: number; result: RunResult }
  | { type: 'tested'; seq: number; result: TestRunResult }
  | { type: 'clear' };

export const IDLE: RunState = { kind: 'idle', seq: 0 };

/** Adds streamed text, joining it to the last chunk of the same stream. */
export function appendChunk(chunks: readonly OutputChunk[], stream: OutputStream, text: string): OutputChunk[] {
  const last = chunks[chunks.length - 1];
  if (last?.stream === stream) return [...chunks.slice(0, -1), { stream, text: last.text + text }];
  return [...chunks, { stream, text }];
}

export function runReducer(state: RunState, action: RunAction): RunState {
  switch (action.type) {
    case 'start':
      return { kind: 'running', seq: state.seq + 1, job: action.job, code: action.code, started: false, chunks: [] };
    case 'clear':
      return { kind: 'idle', seq: state.seq + 1 };
    default:
      if (state.kind !== 'running' || action.seq !== state.seq) return state;
  }
  switch (action.type) {
    case 'started':
      return { ...state, started: true };
    case 'output':
      return { ...state, chunks: appendChunk(state.chunks, action.stream, action.text) };
    case 'ran':
      return { kind: 'ran', seq: state.seq, code: state.code, chunks: state.chunks, result: action.result };
    case 'tested':
      return { kind: 'tested', seq: state.seq, result: action.result };
  }
}
