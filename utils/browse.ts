/** The Browse view's list: filter by topic and difficulty, and by search when a query is typed. */
import type { Catalogue, Difficulty } from '@/utils/knowledge-types';
import { quizTitle } from '@/utils/quiz/title';
import type { SearchIndex } from '@/utils/search';

export interface BrowseEntry {
  id: string;
  kind: 'question' | 'practice' | 'quiz';
  title: string;
  difficulty: Difficulty;
  /** The item's main concept (its first). */
  topic: string;
  concepts: readonly string[];
}

export function browseEntries(kb: Catalogue): BrowseEntry[] {
  const order = new Map(kb.concepts.map((c, i) => [c.id, i]));
  const rank = { easy: 0, medium: 1, hard: 2 } as const;
  const entries: BrowseEntry[] = [
    ...kb.questions.map((q) => ({
      id: q.id,
      kind: 'question' as const,
      title: q.question,
      difficulty: q.difficulty,
      topic: q.concepts[0]!,
      concepts: q.concepts,
    })),
    ...kb.practice.map((p) => ({
      id: p.id,
      kind: 'practice' as const,
      title: p.title,
      difficulty: p.difficulty,
      topic: p.concepts[0]!,
      concepts: p.concepts,
    })),
    ...(kb.quizzes ?? []).map((z) => ({
      id: z.id,
      kind: 'quiz' as const,
      title: quizTitle(z),
      difficulty: z.difficulty,
      topic: z.concepts[0]!,
      concepts: z.concepts,
    })),
  ];
  const KIND_RANK = { question: 0, practice: 1, quiz: 2 } as const;
  // Vocabulary order groups topics from fundamentals to advanced; easy items first within a topic.
  return entries.sort(
    (a, b) =>
      (order.get(a.topic) ?? 999) - (order.get(b.topic) ?? 999) ||
      rank[a.difficulty] - rank[b.difficulty] ||
      KIND_RANK[a.kind] - KIND_RANK[b.kind],
  );
}

export function filterEntries(
  entries: readonly BrowseEntry[],
  filter: { query: string; topic: string; difficulty: Difficulty | '' },
  index: SearchIndex | null,
): BrowseEntry[] {
  const matches = (e: BrowseEntry) =>
    (!filter.topic || e.concepts.includes(filter.topic)) && (!filter.difficulty || e.difficulty === filter.difficulty);
  if (!filter.query.trim() || !index) return entries.filter(matches);
  const byKey = new Map(entries.map((e) => [`${e.kind}:${e.id}`, e]));
  return index.search(filter.query, 100).flatMap((hit) => {
    const entry = byKey.get(`${hit.kind}:${hit.id}`);
    return entry && matches(entry) ? [entry] : [];
  });
}
