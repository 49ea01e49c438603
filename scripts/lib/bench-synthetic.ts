/**
 * A large, realistic search corpus from the real one: each synthetic document copies the field lengths of a
 * real document and fills them with words drawn from that field's words across the real knowledge base, so
 * word frequencies (and so posting-list lengths) look like a bigger version of the same deck.
 */
import type { searchDocuments } from '@/utils/search';
import { seededRandom } from '@/utils/interview/random';

export type SearchDocument = ReturnType<typeof searchDocuments>[number];

const TEXT_FIELDS = ['title', 'keywords', 'summary', 'body'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

const words = (text: string) => text.split(/\s+/).filter(Boolean);

export function syntheticSearchDocuments(real: readonly SearchDocument[], count: number, seed = 7): SearchDocument[] {
  if (real.length === 0) throw new Error('syntheticSearchDocuments: no real documents to draw words from');
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  // Every occurrence is kept, so a common word is drawn as often as it appears.
  const pools = Object.fromEntries(
    TEXT_FIELDS.map((field) => [field, real.flatMap((doc) => words(doc[field]))]),
  ) as Record<TextField, string[]>;
  const fill = (field: TextField, like: string) => {
    const pool = pools[field];
    const length = words(like).length;
    return pool.length === 0 ? '' : Array.from({ length }, () => pick(pool)).join(' ');
  };
  return Array.from({ length: count }, (_, i) => {
    const template = pick(real);
    // Concepts come from a small fixed vocabulary; reuse a real document's list as is.
    const labelled = pick(real);
    return {
      id: `synthetic-${i}`,
      kind: template.kind,
      title: fill('title', template.title),
      keywords: fill('keywords', template.keywords),
      summary: fill('summary', template.summary),
      concepts: labelled.concepts,
      conceptIds: labelled.conceptIds,
      body: fill('body', template.body),
      level: template.level,
      difficulty: template.difficulty,
    };
  });
}
