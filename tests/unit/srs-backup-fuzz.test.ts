/**
 * At least 250 malformed backups, generated with a seeded generator from a valid export: each must be refused
 * with a message naming the problem, and leave the database exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwaitwiseDb } from '@/utils/db';
import { MAX_BACKUP_CHARS, importBackupText, type Backup, type ImportMode } from '@/utils/srs/backup';
import { seededRandom } from '@/utils/interview/random';
import { KNOWN, NOW, dump, studiedExport, type Editable } from './srs-studied-deck';
import { throwawayDbs } from './srs-throwaway-db';

const freshDb = throwawayDbs(afterAll);

let source: AwaitwiseDb;
let valid: Backup;
let validText: string;

beforeAll(async () => {
  source = freshDb();
  ({ text: validText, backup: valid } = await studiedExport(source));
});

interface Case {
  name: string;
  text: string;
  /** The error must match: it names the place (or kind) of the problem. */
  expect: RegExp;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const at = (path: string, detail = '.+') => new RegExp(`^${escapeRe(path)}: ${detail}`);

const NOT_NUMBERS: unknown[] = ['12', null, true, [], {}];
const time = [...NOT_NUMBERS, 1.5, -1, 0, 1e20];
const count = [...NOT_NUMBERS, -1, 0.5, 1e12];
const SNAPSHOT_BAD: Record<string, unknown[]> = {
  due: time,
  stability: [...NOT_NUMBERS, -0.5, 40_000],
  difficulty: [...NOT_NUMBERS, -1, 11],
  elapsed_days: count,
  scheduled_days: count,
  learning_steps: count,
  reps: count,
  lapses: count,
  state: [4, -1, 1.5, 'Review', null],
  last_review: ['2024-01-01', 5, true, 1.5, {}],
  leech: [2, true, '1', null],
};
const CARD_BAD: Record<string, unknown[]> = {
  id: [7, null, '', 'x'.repeat(201), []],
  ...SNAPSHOT_BAD,
  addedAt: time,
  suspended: [2, false, null, '0'],
  buriedUntil: [-1, 1.5, '0', null, 5],
  position: [1.5, '3', null, 1e12],
  source: ['web', '', 3, null],
};
const LOG_BAD: Record<string, unknown[]> = {
  id: [0, -1, 1.5, '1', null],
  cardId: [null, 3, '', 'x'.repeat(201)],
  rating: [0, 5, 'Good', null, 2.5],
  reviewedAt: time,
  dayKey: ['2024-02-30', '2024-5-7', 20240507, null, '', '2023-02-29'],
  elapsedMs: [-1, 1.5, '100', null, 86_400_001],
  before: [null, 'x', [], 5],
  after: [null, 'x', [], 5],
};
const SAVED_BAD: Record<string, unknown[]> = {
  url: ['not a url', '', null, 5, `https://e.com/${'x'.repeat(2048)}`],
  site: ['github', null, 3, ''],
  slug: [null, 4, 'x'.repeat(301)],
  title: [null, 4, 'x'.repeat(1001)],
  savedAt: time,
};
const TOP_BAD: Record<string, unknown[]> = {
  exportedAt: [
    'yesterday',
    12345,
    null,
    '2024-13-01T00:00:00.000Z',
    '2024-02-30T10:00:00.000Z',
    '1999-12-31T23:59:59.000Z',
  ],
  cards: [null, {}, 'cards', 3],
  reviewLogs: [null, {}, 'logs', 3],
  saved: [null, {}, 'saved', 3],
};

function generateMalformed(seed: number): Case[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const index = (items: readonly unknown[]) => Math.floor(random() * items.length);
  const cases: Case[] = [];
  const texts = new Set<string>();
  const add = (c: Case) => {
    // Random picks can repeat a mutation; keep each input once.
    if (!texts.has(c.text)) cases.push(c);
    texts.add(c.text);
  };
  const mutate = (name: string, expect: RegExp, change: (b: Editable) => void) => {
    const copy = structuredClone(valid) as Editable;
    change(copy);
    add({ name, text: JSON.stringify(copy, null, 2), expect });
  };

  // Not JSON at all.
  for (const text of [
    '',
    ' ',
    'undefined',
    'NaN',
    '{',
    '[1, 2',
    "{'format': 1}",
    '{"a": 1,}',
    'awaitwise-backup',
    '\u0000',
    '<html></html>',
    '{"format": "awaitwise-backup" "version": 1}',
  ]) {
    add({ name: `not JSON ${JSON.stringify(text)}`, text, expect: /^Not a JSON file/ });
  }
  for (let i = 0; i < 40; i++) {
    const end = Math.floor(random() * (validText.length - 1));
    add({ name: `truncated at ${end}`, text: validText.slice(0, end), expect: /^Not a JSON file/ });
  }
  for (const text of ['null', '[]', '42', '"backup"', 'true', JSON.stringify([valid])]) {
    add({ name: `top level ${text.slice(0, 20)}`, text, expect: /^Not an Awaitwise backup/ });
  }

  // Wrong format or version.
  for (const format of [undefined, 'anki', 'Awaitwise-Backup', 1, null]) {
    mutate(`format ${String(format)}`, at('format'), (b) => (b.format = format));
  }
  for (const version of [undefined, 0, 2, '1', null, 1.5, [1]]) {
    mutate(
      `version ${JSON.stringify(version)}`,
      at('version', 'unsupported backup version'),
      (b) => (b.version = version),
    );
  }

  // Wrong types and out-of-range values, field by field.
  for (const [key, values] of Object.entries(TOP_BAD)) {
    for (const value of values) mutate(`${key} = ${JSON.stringify(value)}`, at(key), (b) => (b[key] = value));
  }
  for (const [key, values] of Object.entries(CARD_BAD)) {
    for (const value of values) {
      const i = index(valid.cards);
      mutate(
        `cards[${i}].${key} = ${JSON.stringify(value)?.slice(0, 30)}`,
        at(`cards[${i}].${key}`),
        (b) => (b.cards[i]![key] = value),
      );
    }
  }
  for (const [key, values] of Object.entries(LOG_BAD)) {
    for (const value of values) {
      const i = index(valid.reviewLogs);
      mutate(
        `reviewLogs[${i}].${key} = ${JSON.stringify(value)?.slice(0, 30)}`,
        at(`reviewLogs[${i}].${key}`),
        (b) => (b.reviewLogs[i]![key] = value),
      );
    }
  }
  for (const side of ['before', 'after'] as const) {
    for (const [key, values] of Object.entries(SNAPSHOT_BAD)) {
      for (const value of values) {
        const i = index(valid.reviewLogs);
        const path = `reviewLogs[${i}].${side}.${key}`;
        mutate(`${path} = ${JSON.stringify(value)}`, at(path), (b) => (b.reviewLogs[i]![side][key] = value));
      }
    }
  }
  for (const [key, values] of Object.entries(SAVED_BAD)) {
    for (const value of values) {
      const i = index(valid.saved);
      mutate(
        `saved[${i}].${key} = ${JSON.stringify(value)?.slice(0, 30)}`,
        at(`saved[${i}].${key}`),
        (b) => (b.saved[i]![key] = value),
      );
    }
  }
  // JSON numbers that parse to Infinity.
  add({ name: 'due 1e400', text: validText.replace(/"due":\d+/, '"due":1e400'), expect: at('cards[0].due') });
  add({
    name: 'stability -1e999',
    text: validText.replace(/"stability":[\d.e-]+/, '"stability":-1e999'),
    expect: at('cards[0].stability'),
  });

  // Missing and unexpected fields.
  for (const key of ['exportedAt', 'cards', 'reviewLogs', 'saved'])
    mutate(`no ${key}`, at(key, 'missing'), (b) => delete b[key]);
  for (const key of Object.keys(CARD_BAD)) {
    const i = index(valid.cards);
    mutate(`cards[${i}] without ${key}`, at(`cards[${i}].${key}`, 'missing'), (b) => delete b.cards[i]![key]);
  }
  for (const key of Object.keys(LOG_BAD).filter((k) => k !== 'elapsedMs')) {
    const i = index(valid.reviewLogs);
    mutate(
      `reviewLogs[${i}] without ${key}`,
      at(`reviewLogs[${i}].${key}`, 'missing'),
      (b) => delete b.reviewLogs[i]![key],
    );
  }
  for (const key of Object.keys(SNAPSHOT_BAD)) {
    const i = index(valid.reviewLogs);
    mutate(
      `reviewLogs[${i}].before without ${key}`,
      at(`reviewLogs[${i}].before.${key}`, 'missing'),
      (b) => delete b.reviewLogs[i]!.before[key],
    );
  }
  for (const key of Object.keys(SAVED_BAD)) {
    const i = index(valid.saved);
    mutate(`saved[${i}] without ${key}`, at(`saved[${i}].${key}`, 'missing'), (b) => delete b.saved[i]![key]);
  }
  mutate('extra top-level field', at('notes', 'unexpected field'), (b) => (b.notes = 'hi'));
  for (const list of ['cards', 'reviewLogs', 'saved'] as const) {
    const i = index(valid[list]);
    mutate(
      `${list}[${i}] extra field`,
      at(`${list}[${i}].__proto_x`, 'unexpected field'),
      (b) => (b[list][i]!.__proto_x = 1),
    );
    mutate(
      `${list}[${i}] is not an object`,
      at(`${list}[${i}]`, 'expected an object'),
      (b) => ((b[list] as unknown[])[i] = pick(['x', 1, null, []])),
    );
  }

  // Duplicates, unknown ids, dangling logs.
  for (let n = 0; n < 4; n++) {
    const i = index(valid.cards);
    mutate(`duplicate card ${i}`, at(`cards[${valid.cards.length}].id`, 'duplicate card'), (b) =>
      b.cards.push(structuredClone(b.cards[i]!)),
    );
    const j = index(valid.reviewLogs);
    mutate(`duplicate log id ${j}`, at(`reviewLogs[${valid.reviewLogs.length}].id`, 'duplicate log id'), (b) =>
      b.reviewLogs.push({ ...structuredClone(b.reviewLogs[j]!), rating: 1 }),
    );
  }
  const s = index(valid.saved);
  mutate('duplicate saved url', at(`saved[${valid.saved.length}].url`, 'duplicate'), (b) =>
    b.saved.push({ ...b.saved[s]!, title: 'again' }),
  );
  // Ids of the wrong shape are refused (well-formed unknown ids are skipped and set aside: srs-backup.test.ts).
  for (const unknown of ['EVENT-LOOP-SCHEDULER', 'event-loop-scheduler ']) {
    const i = index(valid.cards);
    mutate(`malformed card id ${unknown}`, at(`cards[${i}].id`, 'not a card id'), (b) => (b.cards[i]!.id = unknown));
  }
  // Saved problems are shown as links: anything but an https problem page of a supported site is refused.
  for (const url of [
    'javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'file:///etc/passwd',
    'chrome://settings',
    'http://leetcode.com/problems/two-sum/',
    'https://evil.example/problems/two-sum/',
    'https://leetcode.com/problemset/',
  ]) {
    const i = index(valid.saved);
    mutate(`saved url ${url}`, at(`saved[${i}].url`), (b) => (b.saved[i]!.url = url));
  }
  for (let n = 0; n < 4; n++) {
    const i = index(valid.reviewLogs);
    mutate(
      `log ${i} for a card not in the file`,
      at(`reviewLogs[${i}].cardId`, 'card "lock-in-asyncio" is not in the file'),
      (b) => (b.reviewLogs[i]!.cardId = 'lock-in-asyncio'),
    );
  }
  const logged = valid.reviewLogs[0]!.cardId;
  mutate('card with logs removed', at('reviewLogs[0].cardId', 'card .* is not in the file'), (b) => {
    b.cards = b.cards.filter((c) => c.id !== logged);
  });

  // Impossible dates.
  for (let n = 0; n < 3; n++) {
    const i = index(valid.reviewLogs);
    mutate(
      `log ${i} after the export`,
      at(`reviewLogs[${i}].reviewedAt`, 'impossible date'),
      (b) => (b.reviewLogs[i]!.reviewedAt = NOW + 1 + n),
    );
  }
  mutate('due in 2400', at('cards[1].due', 'impossible date'), (b) => (b.cards[1]!.due = Date.UTC(2400, 0, 1)));
  mutate(
    'last review in 1999',
    at('cards[2].last_review', 'impossible date'),
    (b) => (b.cards[2]!.last_review = Date.UTC(1999, 0, 1)),
  );

  // Huge.
  add({
    name: 'over 20 MB of padding',
    text: validText + ' '.repeat(MAX_BACKUP_CHARS),
    expect: /^The file is too large/,
  });
  add({
    name: 'over the size cap, of anything',
    text: 'x'.repeat(MAX_BACKUP_CHARS + 1),
    expect: /^The file is too large/,
  });
  mutate(
    'a 1 MB title',
    at('saved[0].title', 'expected at most 1000 characters'),
    (b) => (b.saved[0]!.title = 'x'.repeat(1 << 20)),
  );
  mutate(
    'a huge card id',
    at('cards[0].id', 'expected at most 200 characters'),
    (b) => (b.cards[0]!.id = 'x'.repeat(100_000)),
  );

  return cases;
}

describe('malformed backups', () => {
  const cases = () => generateMalformed(20240401);

  it('generates at least 250 distinct malformed inputs', () => {
    const generated = cases();
    expect(generated.length).toBeGreaterThanOrEqual(250);
    expect(new Set(generated.map((c) => c.text)).size).toBe(generated.length);
  });

  it('each gets a clear message naming the problem, and leaves the database unchanged', async () => {
    const before = await dump(source);
    const modes: ImportMode[] = ['replace', 'merge'];
    const failures: string[] = [];
    for (const [n, c] of cases().entries()) {
      const result = await importBackupText(source, c.text, KNOWN, modes[n % 2]!);
      if (result.ok) failures.push(`${c.name}: accepted`);
      else if (!c.expect.test(result.error) || result.error.length > 300) failures.push(`${c.name}: "${result.error}"`);
      if ((await dump(source)) !== before) {
        failures.push(`${c.name}: changed the database`);
        break;
      }
    }
    expect(failures).toEqual([]);
  });
});
