/**
 * The compact detection index as the background reads it: a file of the extension's own
 * (written by scripts/lib/generate-data.ts, copied to DETECT_INDEX_PATH by modules/knowledge.ts), fetched on the first page
 * report after the worker wakes. Checked against this schema once per worker, so the background never
 * trusts a cast: a build that wrote something else fails loudly instead of misdetecting.
 */
import * as v from 'valibot';
import type { DetectIndex } from './compact';

/** Where the build puts the index in the extension (modules/knowledge.ts copies it there). */
export const DETECT_INDEX_PATH = 'data/detect-index.json';

const id = v.pipe(v.string(), v.minLength(1));
const difficulty = v.picklist(['easy', 'medium', 'hard']);

const DetectIndexSchema = v.object({
  concepts: v.array(v.object({ id, name: v.string() })),
  questions: v.array(
    v.object({
      id,
      question: v.string(),
      short: v.string(),
      concepts: v.array(v.string()),
      level: v.picklist([1, 2, 3]),
      difficulty,
    }),
  ),
  practice: v.array(
    v.object({
      id,
      title: v.string(),
      concepts: v.array(v.string()),
      matches: v.array(v.string()),
      cards: v.array(v.string()),
      hints: v.tuple([v.string(), v.string(), v.string()]),
      tests: v.pipe(v.number(), v.integer(), v.minValue(0)),
    }),
  ),
});

type Parsed = v.InferOutput<typeof DetectIndexSchema>;
// The schema and the type describe the same thing: a field added to one must be added to the other.
const sameShape: [Parsed, DetectIndex] extends [DetectIndex, Parsed] ? true : never = true;
void sameShape;

export function parseDetectIndex(raw: unknown): DetectIndex {
  return v.parse(DetectIndexSchema, raw);
}
