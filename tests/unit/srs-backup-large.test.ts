/**
 * A large import: progress is reported in order up to the total, and an import cut off half way through
 * writing changes nothing. The longest event-loop block is printed, never asserted (it depends on the
 * machine); `AW_LARGE_REVIEWS=100000` measures the size from the issue.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { importBackupText, type ImportProgress } from '@/utils/srs/backup';
import { exportSettings } from '@/utils/srs/backup-settings';
import { bigBackupText } from './big-backup';
import { dump } from './srs-studied-deck';
import { throwawayDbs } from './srs-throwaway-db';

const freshDb = throwawayDbs(afterAll);
const IDS = ['await-what-it-does', 'gather-basics', 'shield', 'task-group-basics'];
const NOW = Date.UTC(2025, 5, 1);
const REVIEWS = Number(process.env.AW_LARGE_REVIEWS ?? 20_000);

/** The longest wait between timer ticks while `work` runs: how long the event loop was blocked at most. */
async function longestBlock<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  let last = performance.now();
  let ms = 0;
  let running = true;
  const beat = () => {
    const now = performance.now();
    ms = Math.max(ms, now - last);
    last = now;
    if (running) setTimeout(beat, 0);
  };
  setTimeout(beat, 0);
  const result = await work();
  running = false;
  return { result, ms };
}

describe(`a ${REVIEWS}-review import`, () => {
  const text = bigBackupText({ cardIds: IDS, reviews: REVIEWS, now: NOW });

  it('reports progress in order, checking then writing, up to the total', { timeout: 300_000 }, async () => {
    const db = freshDb();
    const seen: ImportProgress[] = [];
    const started = performance.now();
    const { result, ms } = await longestBlock(() =>
      importBackupText(db, text, new Set(IDS), 'replace', { onProgress: (p) => seen.push(p) }),
    );
    console.log(
      `[large import] ${REVIEWS} reviews: longest event-loop block ${Math.round(ms)} ms, ` +
        `${Math.round(performance.now() - started)} ms in all, ${seen.length} progress reports`,
    );
    expect(result).toMatchObject({ ok: true, summary: { logsAdded: REVIEWS } });
    expect(await db.reviewLogs.count()).toBe(REVIEWS);

    expect(seen.every((p) => p.total === REVIEWS)).toBe(true);
    const order = (p: ImportProgress) => (p.phase === 'checking' ? 0 : 1) * (REVIEWS + 1) + p.done;
    for (let i = 1; i < seen.length; i++) expect(order(seen[i]!)).toBeGreaterThanOrEqual(order(seen[i - 1]!));
    const checking = seen.filter((p) => p.phase === 'checking');
    const writing = seen.filter((p) => p.phase === 'writing');
    // Several steps in each phase, not just a start and an end.
    expect(checking.length).toBeGreaterThan(2);
    expect(writing.length).toBeGreaterThan(2);
    expect(checking.at(-1)).toEqual({ phase: 'checking', done: REVIEWS, total: REVIEWS });
    expect(seen.at(-1)).toEqual({ phase: 'writing', done: REVIEWS, total: REVIEWS });
  });

  it.each(['replace', 'merge'] as const)(
    'cut off half way through writing (%s), it changes nothing, settings included',
    { timeout: 300_000 },
    async (mode) => {
      const db = freshDb();
      const small = bigBackupText({ cardIds: IDS.slice(0, 2), reviews: 50, now: NOW - 86_400_000 });
      await importBackupText(db, small, new Set(IDS), 'replace');
      await fakeBrowser.storage.local.set({ settings: { theme: 'dark' }, dismissedProblems: ['leetcode:two-sum'] });
      const before = await dump(db);
      const settingsBefore = await exportSettings();

      let written = 0;
      // An error from inside the transaction once several chunks are in: what a crash or a full disk does.
      const failLater = () => {
        if (++written === Math.floor(REVIEWS * 0.6)) throw new Error('disk full');
      };
      db.reviewLogs.hook('creating', failLater);
      const seen: ImportProgress[] = [];
      // The file's settings would change both the theme and the hidden badges, had the import finished.
      const withSettings = `${text.slice(0, -1)},"settings":{"theme":"light","hiddenBadges":["codewars:pool"]}}`;
      await expect(
        importBackupText(db, withSettings, new Set(IDS), mode, { onProgress: (p) => seen.push(p) }),
      ).rejects.toThrow('disk full');
      db.reviewLogs.hook('creating').unsubscribe(failLater);
      expect(seen.filter((p) => p.phase === 'writing' && p.done > 0).length).toBeGreaterThan(1);
      expect(await dump(db)).toBe(before);
      expect(await exportSettings()).toEqual(settingsBefore);
    },
  );
});
