/** Mock interview logic: which questions, which key points, what the summary says, and that ratings reach FSRS. */
import { describe, expect, it } from 'vitest';
import type { CardRecord, InterviewAnswerRecord } from '@/utils/db';
import { knowledge, questionById } from '@/utils/knowledge/all';
import { planInterview } from '@/utils/interview/plan';
import { practicePoints, questionPoints, sentences, MAX_POINTS } from '@/utils/interview/points';
import { rateInterviewAnswer, saveInterview } from '@/utils/interview/repository';
import { answerScore, formatClock, interviewHistory, summarise } from '@/utils/interview/summary';
import { initialInterview, interviewReducer } from '@/utils/interview/session';
import { addCards } from '@/utils/srs/repository';
import { newCardRecord, Rating } from '@/utils/srs/scheduler';
import { DEFAULT_SRS_SETTINGS } from '@/utils/srs/settings';
import { throwawayDbs } from './srs-throwaway-db';

const NOW = new Date(2026, 11, 1, 12, 0).getTime();
const DAY = 86_400_000;
const openDb = throwawayDbs();

/** A card already reviewed once, due at `due`. */
const reviewed = (id: string, due: number, extra: Partial<CardRecord> = {}): CardRecord => ({
  ...newCardRecord(id, 'manual', NOW - 10 * DAY, 0),
  state: 2,
  reps: 3,
  due,
  last_review: NOW - 5 * DAY,
  ...extra,
});

const topicOf = (id: string) => questionById.get(id)!.concepts[0]!;

describe('planning an interview', () => {
  it('is deterministic for a seed and varies with it', () => {
    const plan = (seed: number) => planInterview({ questions: knowledge.questions, cards: [], now: NOW, seed });
    expect(plan(7)).toEqual(plan(7));
    expect(plan(7)).toHaveLength(5);
    expect(plan(7).map((s) => s.id)).not.toEqual(plan(8).map((s) => s.id));
  });

  it('asks due cards first, then unseen ones, never suspended or not-yet-due ones while others are left', () => {
    const [a, b, c, d] = knowledge.questions.filter(
      (q, i, all) => all.findIndex((o) => o.concepts[0] === q.concepts[0]) === i,
    );
    const cards = [
      reviewed(a!.id, NOW - DAY),
      reviewed(b!.id, NOW - 2 * DAY),
      reviewed(c!.id, NOW + 3 * DAY),
      reviewed(d!.id, NOW - DAY, { suspended: 1 }),
    ];
    const steps = planInterview({ questions: knowledge.questions, cards, now: NOW, seed: 1, count: 5 });
    expect(
      steps
        .slice(0, 2)
        .map((s) => s.id)
        .sort(),
    ).toEqual([a!.id, b!.id].sort());
    expect(steps.slice(0, 2).every((s) => s.kind === 'question' && s.reason === 'due')).toBe(true);
    expect(steps.slice(2).every((s) => s.kind === 'question' && s.reason === 'unseen')).toBe(true);
    const ids = steps.map((s) => s.id);
    expect(ids).not.toContain(c!.id);
    expect(ids).not.toContain(d!.id);
  });

  it('spreads questions across main topics', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const steps = planInterview({ questions: knowledge.questions, cards: [], now: NOW, seed, count: 8 });
      const topics = steps.map((s) => topicOf(s.id));
      expect(new Set(topics).size, `seed ${seed}`).toBe(topics.length);
    }
  });

  it('fills up from reviewed cards when too few are due or unseen, and ends with a practice problem when asked', () => {
    const few = knowledge.questions.slice(0, 3);
    const cards = few.slice(1).map((q) => reviewed(q.id, NOW + DAY));
    const steps = planInterview({
      questions: few,
      practice: knowledge.practice,
      cards,
      now: NOW,
      seed: 3,
      count: 3,
      withPractice: true,
    });
    expect(steps.map((s) => s.kind)).toEqual(['question', 'question', 'question', 'practice']);
    expect(steps[0]).toMatchObject({ id: few[0]!.id, reason: 'unseen' });
    expect(steps.slice(1, 3).every((s) => s.kind === 'question' && s.reason === 'extra')).toBe(true);
    const problem = knowledge.practice.find((p) => p.id === steps[3]!.id)!;
    const touched = new Set(few.flatMap((q) => q.concepts));
    expect(problem.concepts.some((c) => touched.has(c))).toBe(true);
  });
});

describe('key points', () => {
  it('splits a short answer into sentences without breaking dotted names or "e.g."', () => {
    expect(
      sentences('Nothing: they keep running. Use asyncio.gather with care, e.g. with return_exceptions. `x` too.'),
    ).toEqual([
      'Nothing: they keep running.',
      'Use asyncio.gather with care, e.g. with return_exceptions.',
      '`x` too.',
    ]);
  });

  it('come from the short answer then the pitfalls, at most six, for every card; hints for practice', () => {
    for (const q of knowledge.questions) {
      const points = questionPoints(q);
      expect(points.length, q.id).toBeGreaterThanOrEqual(1);
      expect(points.length, q.id).toBeLessThanOrEqual(MAX_POINTS);
      expect(q.short.startsWith(points[0]!), q.id).toBe(true);
    }
    const card = { short: 'One. Two.', pitfalls: ['Forgetting it.'] };
    expect(questionPoints(card)).toEqual(['One.', 'Two.', 'Pitfall to name: Forgetting it.']);
    expect(practicePoints(knowledge.practice[0]!)).toEqual(knowledge.practice[0]!.hints);
  });
});

describe('the summary', () => {
  const answer = (topic: string, covered: number, total: number, rating: 1 | 2 | 3 | 4, ms = 60_000) =>
    ({
      cardId: `${topic}-card`,
      kind: 'question',
      topic,
      ms,
      pointsCovered: covered,
      pointsTotal: total,
      rating,
      answer: '',
    }) satisfies InterviewAnswerRecord;

  it('adds up time and points and names the weakest topics, weakest first', () => {
    const answers = [answer('lock', 3, 3, 4), answer('shield', 0, 2, 1, 30_000), answer('gather', 1, 2, 3)];
    const summary = summarise(answers);
    expect(summary.totalMs).toBe(150_000);
    expect(summary.pointsCovered).toBe(4);
    expect(summary.pointsTotal).toBe(7);
    expect(summary.weakest.map((t) => t.topic)).toEqual(['shield', 'gather']);
    expect(answerScore(answers[1]!)).toBe(0);
    expect(answerScore(answers[0]!)).toBe(1);
    expect(formatClock(125_000)).toBe('2:05');
  });

  it('keeps history newest first with the share of points covered', () => {
    const history = interviewHistory([
      { id: 1, startedAt: 1, finishedAt: 2, questions: [answer('lock', 1, 2, 3)] },
      { id: 2, startedAt: 5, finishedAt: 6, questions: [answer('shield', 1, 2, 2)] },
    ]);
    expect(history.count).toBe(2);
    expect(history.coverage).toBe(0.5);
    expect(history.recent.map((r) => r.id)).toEqual([2, 1]);
    expect(interviewHistory([]).coverage).toBeNull();
  });
});

describe('storing an interview and rating into FSRS', () => {
  it('rates a card in the deck, adds and rates an unseen one, and keeps the interview', async () => {
    const db = openDb();
    const [inDeck, unseen] = knowledge.questions;
    await addCards(db, [inDeck!.id], 'manual', NOW);
    const first = await rateInterviewAnswer(db, inDeck!.id, Rating.Good, NOW, DEFAULT_SRS_SETTINGS, [], 42_000);
    const second = await rateInterviewAnswer(db, unseen!.id, Rating.Again, NOW, DEFAULT_SRS_SETTINGS, []);
    expect(first.ok && first.log.rating).toBe(Rating.Good);
    expect(first.ok && first.log.elapsedMs).toBe(42_000);
    expect(second.ok && second.card.reps).toBe(1);
    expect(await db.reviewLogs.count()).toBe(2);

    await saveInterview(db, {
      startedAt: NOW,
      finishedAt: NOW + 1,
      questions: [
        {
          cardId: inDeck!.id,
          kind: 'question',
          topic: 'x',
          ms: 1,
          pointsCovered: 1,
          pointsTotal: 2,
          rating: 3,
          answer: 'a',
        },
      ],
    });
    const stored = await db.interviews.toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.questions[0]!.answer).toBe('a');
  });
});

describe('the interview reducer', () => {
  const steps = planInterview({ questions: knowledge.questions, cards: [], now: NOW, seed: 3, count: 2 });

  it('runs setup → answer → review → next step → done, freezing the answer time at submit', () => {
    let s = interviewReducer(initialInterview, { type: 'configure', setup: { count: 2, minutes: 5 } });
    expect(s.setup).toEqual({ count: 2, minutes: 5, withPractice: false });
    s = interviewReducer(s, { type: 'started', steps, at: NOW });
    expect(s.phase).toMatchObject({ kind: 'running', run: { index: 0, stage: 'answer', limitMs: 300_000 } });
    s = interviewReducer(s, { type: 'draft', draft: 'the loop' });
    s = interviewReducer(s, { type: 'submit', at: NOW + 40_000 });
    // Typing after submitting changes nothing; points can be ticked and unticked.
    s = interviewReducer(s, { type: 'draft', draft: 'changed' });
    s = interviewReducer(s, { type: 'tick', point: 0, on: true });
    s = interviewReducer(s, { type: 'tick', point: 2, on: true });
    s = interviewReducer(s, { type: 'tick', point: 2, on: false });
    s = interviewReducer(s, { type: 'rated', rating: Rating.Good, pointsTotal: 4, at: NOW + 50_000 });
    expect(s.phase).toMatchObject({
      kind: 'running',
      run: { index: 1, stage: 'answer', draft: '', stepStartedAt: NOW + 50_000 },
    });
    // Rating is only taken once the model answer is shown.
    expect(interviewReducer(s, { type: 'rated', rating: Rating.Easy, pointsTotal: 3, at: NOW })).toBe(s);
    s = interviewReducer(s, { type: 'submit', at: NOW + 60_000 });
    s = interviewReducer(s, {
      type: 'rated',
      rating: Rating.Hard,
      pointsTotal: 3,
      at: NOW + 61_000,
      notice: 'suspended',
    });
    expect(s.notice).toBe('suspended');
    expect(s.phase.kind).toBe('done');
    const answers = s.phase.kind === 'done' ? s.phase.answers : [];
    expect(answers.map((a) => [a.cardId, a.ms, a.pointsCovered, a.pointsTotal, a.rating, a.answer])).toEqual([
      [steps[0]!.id, 40_000, 1, 4, Rating.Good, 'the loop'],
      [steps[1]!.id, 10_000, 0, 3, Rating.Hard, ''],
    ]);
    expect(interviewReducer(s, { type: 'stop' }).phase).toEqual({ kind: 'setup' });
  });
});
