/** What the side panel is for, one stop per view, each opening that view on a real item ("Try it"). */
import type { PanelRequest } from '@/utils/panel';

export interface TourStop {
  title: string;
  text: string;
  /** The link's words: what the user will be doing. */
  action: string;
  request: PanelRequest;
}

export const TOUR: readonly TourStop[] = [
  {
    title: 'Practice workbench',
    text: 'Write solution.py for an asyncio version of a classic problem and run its tests; each test says what went wrong.',
    action: 'Solve “Print in order”',
    request: { view: 'practice', id: 'print-in-order' },
  },
  {
    title: 'Predict the output',
    text: 'Short programs with a twist: pick what they print, then read why.',
    action: 'Answer a gather quiz',
    request: { view: 'quiz', id: 'quiz-gather-result-order' },
  },
  {
    title: 'Mock interview',
    text: 'A timed round of questions, with a practice problem if you like; rate yourself against the model answers.',
    action: 'Start a mock interview',
    request: { view: 'interview' },
  },
  {
    title: 'Flashcard review',
    text: 'Spaced repetition of the questions you keep, from the keyboard: Space shows the answer, 1–4 rate it.',
    action: 'Review flashcards',
    request: { view: 'review' },
  },
  {
    title: 'Event-loop timeline',
    text: 'Run an answer’s snippet in real CPython (every one the browser can run); under its output, a timeline shows which task ran, waited and woke up.',
    action: 'Run a gather snippet',
    request: { view: 'question', id: 'gather-basics' },
  },
];
