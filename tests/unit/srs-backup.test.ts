import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwaitwiseDb } from '@/utils/db';
import { saveProblem } from '@/utils/saved';
import {
  exportBackup,
  importBackupText,
  parseBackup,
  serialiseBackup,
  setAsideItem,
  type Backup,
} from '@/utils/srs/backup';
import { addCards } from '@/utils/srs/repository';
import { seedForBench } from '../../scripts/lib/bench-seed';
import { DAY, KNOWN, NOW, ORDER, T0, dump, exportText, studiedExport, type Editable } from './srs-studied-deck';
import { throwawayDbs } from './srs-throwaway-db';

const freshDb = throwawayDbs(afterAll);
const ALL_PARTS = ['sites', 'theme', 'srs', 'hiddenBadges'];

let source: AwaitwiseDb;
let valid: Backup;
let validText: string;

beforeAll(async () => {
  source = freshDb();
  ({ text: validText, backup: valid } = await studiedExport(source));
});

describe('export', () => {
  it('writes a versioned file with every record, sorted', async () => {
    expect(valid).toMatchObject({ format: 'awaitwise-backup', version: 1, exportedAt: new Date(NOW).toISOString() });
    expect(Object.keys(valid)).toEqual(['format', 'version', 'exportedAt', 'cards', 'reviewLogs', 'saved', 'settings']);
    expect(valid.cards.map((c) => c.id)).toEqual([...ORDER].sort());
    expect(valid.reviewLogs.length).toBeGreaterThan(30);
    expect(
      valid.reviewLogs.some((l) => l.elapsedMs !== undefined) &&
        valid.reviewLogs.some((l) => l.elapsedMs === undefined),
    ).toBe(true);
    expect(valid.saved).toHaveLength(3);
    const { settings, ...records } = valid;
    expect(await parseBackup(validText, KNOWN)).toEqual({
      ok: true,
      backup: records,
      setAside: { cards: [], reviewLogs: [] },
      settings: { parts: settings, skipped: [] },
    });
  });
});

describe('round trip', () => {
  it('export → import (replace) → export is identical, into an empty and into a full database', async () => {
    const empty = freshDb();
    expect(await importBackupText(empty, validText, KNOWN, 'replace')).toMatchObject({ ok: true });
    expect(await exportText(empty)).toBe(validText);
    expect(JSON.stringify(await exportBackup(empty, NOW), null, 2)).toBe(
      JSON.stringify(await exportBackup(source, NOW), null, 2),
    );

    const full = freshDb();
    await addCards(full, ['lock-in-asyncio'], 'manual', T0);
    await saveProblem(full, { url: 'https://neetcode.io/problems/x', site: 'neetcode', slug: 'x', title: 'X' }, T0);
    await importBackupText(full, validText, KNOWN, 'replace');
    expect(await exportText(full)).toBe(validText);
    expect(JSON.parse(await dump(full))).toEqual(JSON.parse(await dump(source)));
  });

  it('is identical for a large seeded history too', async () => {
    const big = freshDb();
    await seedForBench(big, { cards: 300, logs: 3000, now: NOW });
    const text = await exportText(big);
    const ids = new Set(Array.from({ length: 300 }, (_, i) => `bench-${i}`));
    const copy = freshDb();
    expect(await importBackupText(copy, text, ids, 'replace')).toEqual({
      ok: true,
      summary: {
        cardsAdded: 300,
        cardsUpdated: 0,
        logsAdded: 3000,
        savedAdded: 0,
        cardsSetAside: [],
        logsSetAside: 0,
        setAsideKept: true,
        settingsRestored: ALL_PARTS,
        settingsSkipped: [],
        settingsKept: [],
      },
    });
    expect(await exportText(copy)).toBe(text);
  });
});

describe('merge', () => {
  it('keeps the more recently reviewed card, adds missing cards, logs and saved problems once', async () => {
    const local = freshDb();
    await importBackupText(local, validText, KNOWN, 'replace');
    const remote = structuredClone(valid);
    const [newer, older] = remote.cards.filter((c) => c.last_review !== null);
    newer!.last_review = NOW - 1000;
    newer!.stability = 99;
    older!.last_review = older!.last_review! - DAY;
    older!.stability = 0.5;
    remote.cards.push({ ...remote.cards[0]!, id: 'lock-in-asyncio', position: 50 });
    const extraLog = { ...remote.reviewLogs[0]!, id: 9999, cardId: 'lock-in-asyncio', reviewedAt: NOW - 500 };
    remote.reviewLogs.push(extraLog, { ...extraLog, id: 10_000, rating: 4 });
    remote.saved.push({ url: 'https://neetcode.io/problems/y', site: 'neetcode', slug: 'y', title: 'Y', savedAt: T0 });

    const result = await importBackupText(local, serialiseBackup(remote), KNOWN, 'merge');
    expect(result).toEqual({
      ok: true,
      summary: {
        cardsAdded: 1,
        cardsUpdated: 1,
        logsAdded: 2,
        savedAdded: 1,
        cardsSetAside: [],
        logsSetAside: 0,
        setAsideKept: true,
        settingsRestored: ['hiddenBadges'],
        settingsSkipped: [],
        settingsKept: ['sites', 'theme', 'srs'],
      },
    });
    expect((await local.cards.get(newer!.id))!.stability).toBe(99);
    expect((await local.cards.get(older!.id))!.stability).toBe(valid.cards.find((c) => c.id === older!.id)!.stability);
    expect(await local.reviewLogs.count()).toBe(valid.reviewLogs.length + 2);
    expect(await local.saved.count()).toBe(4);

    // Merging the same file again adds nothing.
    expect(await importBackupText(local, serialiseBackup(remote), KNOWN, 'merge')).toEqual({
      ok: true,
      summary: {
        cardsAdded: 0,
        cardsUpdated: 0,
        logsAdded: 0,
        savedAdded: 0,
        cardsSetAside: [],
        logsSetAside: 0,
        setAsideKept: true,
        settingsRestored: ['hiddenBadges'],
        settingsSkipped: [],
        settingsKept: ['sites', 'theme', 'srs'],
      },
    });
  });
});

describe('error messages', () => {
  it('reports the first problem when there are several', async () => {
    const copy = structuredClone(valid) as Editable;
    copy.cards[3]!.due = 'x';
    copy.cards[1]!.reps = -2;
    copy.saved[0]!.site = 'nowhere';
    const result = await parseBackup(JSON.stringify(copy), KNOWN);
    expect(result).toEqual({ ok: false, error: 'cards[1].reps: expected a whole number from 0 to 1000000' });
  });

  it('names the expected type', async () => {
    const copy = structuredClone(valid) as Editable;
    copy.cards[3]!.due = 'tomorrow';
    expect(await parseBackup(JSON.stringify(copy), KNOWN)).toEqual({
      ok: false,
      error: 'cards[3].due: expected a number (milliseconds since 1970)',
    });
  });
});

describe('cards this version does not know', () => {
  it('are skipped and reported, with their history kept aside, while the rest imports', async () => {
    const copy = structuredClone(valid) as Editable;
    const gone = copy.cards[0]!.id as string;
    copy.cards[0]!.id = 'removed-by-an-update';
    for (const log of copy.reviewLogs) if (log.cardId === gone) log.cardId = 'removed-by-an-update';
    const logsOfGone = copy.reviewLogs.filter((l) => l.cardId === 'removed-by-an-update').length;
    expect(logsOfGone).toBeGreaterThan(0);
    const target = freshDb();
    const result = await importBackupText(target, JSON.stringify(copy), KNOWN, 'replace');
    expect(result).toMatchObject({
      ok: true,
      summary: {
        cardsAdded: valid.cards.length - 1,
        cardsSetAside: ['removed-by-an-update'],
        logsSetAside: logsOfGone,
        setAsideKept: true,
      },
    });
    expect(await target.cards.get('removed-by-an-update')).toBeUndefined();
    const aside = await setAsideItem.getValue();
    expect(aside.cards.map((c) => c.id)).toEqual(['removed-by-an-update']);
    expect(aside.reviewLogs).toHaveLength(logsOfGone);
  });
});
