/** The background reads the detection index through a schema, not a cast. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDetectIndex } from '@/utils/detect/index-schema';

const built = JSON.parse(readFileSync('data/generated/detect-index.json', 'utf8')) as unknown;

describe('the detection index', () => {
  it('the index the build writes passes the schema unchanged', () => {
    expect(parseDetectIndex(built)).toEqual(built);
  });

  it('anything else fails loudly instead of misdetecting', () => {
    const index = parseDetectIndex(built);
    const firstPractice = index.practice[0]!;
    expect(() => parseDetectIndex(null)).toThrow();
    expect(() => parseDetectIndex({ ...index, practice: [{ ...firstPractice, matches: 'asyncio' }] })).toThrow();
    expect(() => parseDetectIndex({ ...index, practice: [{ ...firstPractice, hints: ['only one'] }] })).toThrow();
    expect(() => parseDetectIndex({ ...index, questions: [{ ...index.questions[0]!, level: 4 }] })).toThrow();
  });
});
