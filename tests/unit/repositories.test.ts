/**
 * One home per table: shipped code writes the deck, its review history, saved problems and interviews only
 * through their repositories, and `isRecord` exists once. A write added anywhere else turns this red.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const SHIPPED = ['utils', 'components', 'entrypoints'];

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}
const files = SHIPPED.flatMap(sources).map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));

/** The file each table is written from. */
const HOME: Record<string, string> = {
  cards: 'utils/srs/repository.ts',
  reviewLogs: 'utils/srs/review-log.ts',
  saved: 'utils/saved.ts',
  interviews: 'utils/interview/repository.ts',
};
const WRITE = 'put|add|update|delete|bulkPut|bulkAdd|bulkDelete|bulkUpdate|clear|modify';

/** Where `table` is written: direct calls (`db.cards.put(`) and collection writes (`db.cards.where(…).delete()`). */
function writesOf(text: string, table: string): number {
  const direct = new RegExp(`\\.${table}\\s*\\.\\s*(${WRITE})\\(`, 'g');
  const collection = new RegExp(
    `\\.${table}\\s*\\.\\s*(where|filter|toCollection|orderBy)\\([^;]*?\\.(delete|modify)\\(`,
    'gs',
  );
  return (text.match(direct)?.length ?? 0) + (text.match(collection)?.length ?? 0);
}

describe('one repository per table', () => {
  for (const [table, home] of Object.entries(HOME)) {
    it(`writes ${table} only in ${home}`, () => {
      const writers = files.filter((f) => writesOf(f.text, table) > 0).map((f) => relative('.', f.path));
      expect(writers).toEqual([home]);
    });
  }

  it('finds a write where there is one (the check itself works)', () => {
    expect(writesOf('await db.cards.bulkPut(rows);', 'cards')).toBe(1);
    expect(writesOf("db.reviewLogs.where('cardId').anyOf(ids).delete();", 'reviewLogs')).toBe(1);
    expect(writesOf("db.cards.where('id').equals(id).first();", 'cards')).toBe(0);
    expect(writesOf('db.saved.toArray()', 'saved')).toBe(0);
  });

  for (const guard of ['isRecord', 'isList']) {
    it(`defines ${guard} once, in utils/is-record.ts`, () => {
      const definitions = files
        .filter((f) => new RegExp(`(function|const)\\s+${guard}\\b`).test(f.text))
        .map((f) => relative('.', f.path));
      expect(definitions).toEqual(['utils/is-record.ts']);
    });
  }
});
