/** What a finished mock interview adds up to, and the history Stats shows. */
import type { InterviewAnswerRecord, InterviewRecord } from '@/utils/db';

export interface TopicScore {
  topic: string;
  /** 0 (nothing covered, Again) to 1 (every point, Easy). */
  score: number;
  asked: number;
}

export interface InterviewSummary {
  totalMs: number;
  pointsCovered: number;
  pointsTotal: number;
  /** Weakest first; only topics that scored below full marks. */
  weakest: TopicScore[];
}

/** Half the points ticked, half the self-rating (Again 0 … Easy 1). */
export function answerScore(answer: Pick<InterviewAnswerRecord, 'pointsCovered' | 'pointsTotal' | 'rating'>): number {
  const points = answer.pointsTotal > 0 ? answer.pointsCovered / answer.pointsTotal : 1;
  return (points + (answer.rating - 1) / 3) / 2;
}

export function topicScores(answers: readonly InterviewAnswerRecord[]): TopicScore[] {
  const byTopic = new Map<string, number[]>();
  for (const a of answers) {
    const topic = a.topic ?? a.cardId;
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), answerScore(a)]);
  }
  return [...byTopic]
    .map(([topic, scores]) => ({
      topic,
      score: scores.reduce((s, x) => s + x, 0) / scores.length,
      asked: scores.length,
    }))
    .sort((a, b) => a.score - b.score || a.topic.localeCompare(b.topic));
}

export function summarise(answers: readonly InterviewAnswerRecord[], weakestCount = 3): InterviewSummary {
  return {
    totalMs: answers.reduce((s, a) => s + a.ms, 0),
    pointsCovered: answers.reduce((s, a) => s + a.pointsCovered, 0),
    pointsTotal: answers.reduce((s, a) => s + a.pointsTotal, 0),
    weakest: topicScores(answers)
      .filter((t) => t.score < 1)
      .slice(0, weakestCount),
  };
}

/** "2:05": minutes and seconds, for per-question times. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

export interface InterviewHistory {
  count: number;
  /** Share of key points ticked over every interview kept, or null with none. */
  coverage: number | null;
  /** Weakest topics over the last interviews. */
  weakest: TopicScore[];
  recent: InterviewRecord[];
}

export function interviewHistory(records: readonly InterviewRecord[], recentCount = 5): InterviewHistory {
  const newestFirst = [...records].sort((a, b) => b.startedAt - a.startedAt);
  const all = newestFirst.flatMap((r) => r.questions);
  const covered = all.reduce((s, a) => s + a.pointsCovered, 0);
  const total = all.reduce((s, a) => s + a.pointsTotal, 0);
  const recent = newestFirst.slice(0, recentCount);
  return {
    count: records.length,
    coverage: total > 0 ? covered / total : null,
    weakest: summarise(recent.flatMap((r) => r.questions)).weakest,
    recent,
  };
}
