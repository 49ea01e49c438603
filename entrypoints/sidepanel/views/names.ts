/** Display names the views look ids up in. */
import { conceptById, questionById } from '@/utils/knowledge';

export const conceptNames: ReadonlyMap<string, string> = new Map([...conceptById].map(([id, c]) => [id, c.name]));
export const questionTitles: ReadonlyMap<string, string> = new Map(
  [...questionById].map(([id, q]) => [id, q.question]),
);
