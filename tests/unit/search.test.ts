/** Search quality on our own labelled queries, worded the way people ask rather than like the cards. */
import { describe, expect, it } from 'vitest';
import queries from '../fixtures/search-queries.json';
import { knowledge } from '@/utils/knowledge/all';
import { conceptKeys, expandQuery, namedConcepts, searchIndexFor, untranspose } from '@/utils/search';

const index = searchIndexFor(knowledge);
const keys = conceptKeys(knowledge.concepts);

export function hitAt3(): { rate: number; misses: { q: string; got: string[] }[] } {
  const misses: { q: string; got: string[] }[] = [];
  for (const { q, expect: wanted } of queries) {
    const got = index.search(q, 3).map((h) => h.id);
    if (!got.some((id) => wanted.includes(id))) misses.push({ q, got });
  }
  return { rate: 1 - misses.length / queries.length, misses };
}

describe('search', () => {
  it('has a labelled query set of at least 40 queries naming real items', () => {
    expect(queries.length).toBeGreaterThanOrEqual(40);
    const ids = new Set([...knowledge.questions, ...knowledge.practice].map((i) => i.id));
    for (const { expect: wanted } of queries) for (const id of wanted) expect(ids, id).toContain(id);
  });

  it('finds a right answer in the top 3 for at least 90% of the queries', () => {
    const { rate, misses } = hitAt3();
    expect(misses.length / queries.length, JSON.stringify(misses, null, 1)).toBeLessThanOrEqual(0.1);
    expect(rate).toBeGreaterThanOrEqual(0.9);
  });

  it('returns nothing for an empty query and ranks an exact API name first', () => {
    expect(index.search('   ')).toEqual([]);
    expect(index.search('asyncio.shield')[0]?.id).toBe('shield');
  });

  it('tolerates typos and prefixes', () => {
    expect(index.search('semaphor').map((h) => h.id)).toContain('semaphore-limit-concurrency');
    expect(
      index
        .search('cancelation')
        .map((h) => h.id)
        .slice(0, 5),
    ).toContain('cancellation-basics');
  });

  it('finds words with two letters swapped (issue 15: gahter, semaphroe, cancle)', () => {
    const top3 = (q: string) => index.search(q, 3).map((h) => h.id);
    expect(top3('gahter')).toEqual(top3('gather'));
    expect(top3('semaphroe')).toContain('semaphore-limit-concurrency');
    expect(top3('cancle')).toContain('cancellation-basics');
    const vocabulary = new Set(['gather', 'cancel']);
    expect(untranspose('gahter', vocabulary)).toBe('gather');
    expect(untranspose('gather', vocabulary)).toBe('gather');
    expect(untranspose('zzzz', vocabulary)).toBe('zzzz');
  });

  it('puts first the card whose main concept the query names, fundamentals first (gahter, semaphor, taskgroup cancel)', () => {
    const ids = (q: string) => index.search(q, 10).map((h) => h.id);
    expect(ids('gahter')[0]).toBe('gather-basics');
    expect(ids('semaphor')[0]).toBe('semaphore-limit-concurrency');
    const taskGroup = ids('taskgroup cancel');
    // TaskGroup cards that are about cancelling come before the cancellation cards that say nothing of TaskGroup.
    expect(taskGroup.slice(0, 2).sort()).toEqual(['stop-task-group-early', 'task-group-vs-gather']);
    expect(taskGroup.indexOf('cancelling-uncancel')).toBeGreaterThan(taskGroup.indexOf('stop-task-group-early'));
    expect(namedConcepts(['taskgroup', 'cancel'], keys, new Set()).has('task-group')).toBe(true);
    // Throttling limits calls over time: the throttle card, not the Semaphore ones.
    expect(ids('throttle').slice(0, 2).sort()).toEqual(['throttle', 'throttle-async']);
    expect([...namedConcepts(['task', 'group'], keys, new Set())]).toContain('task-group');
  });

  it('forgives one typo in a four-letter word the index does not know ("evnt" finds Event)', () => {
    expect(index.search('evnt', 3).map((h) => h.id)).toContain('event-primitive');
    expect([...namedConcepts(['evnt'], keys, new Set())]).toEqual(['event']);
    // A known word is taken as typed: "task" does not also name "mask" or "tasks".
    expect(namedConcepts(['task'], keys, new Set(['task'])).has('task')).toBe(true);
  });

  it('puts the card about a missing await first for "what happens if I forget await"', () => {
    expect(index.search('what happens if I forget await')[0]?.id).toBe('never-awaited-warning');
  });

  it('expands common phrasings with the words the cards use', () => {
    expect(expandQuery('fire and forget')).toMatch(/task references/);
    expect(expandQuery('run these in parallel')).toMatch(/gather/);
    expect(expandQuery('hello')).toBe('hello');
  });
});
