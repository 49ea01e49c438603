/**
 * A large import (20,000 reviews; the attack run used 100,000) in the real Options page: it shows its
 * progress, keeps the buttons disabled while it runs, and ends with the summary. The longest main-thread block is measured (long-task observer and a
 * timer heartbeat) and printed, never asserted: the figure depends on the machine.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, openExtensionPage, test } from './fixtures';
import { bigBackupText } from '../unit/big-backup';

// 20,000 keeps CI quick and still needs many progress steps; AW_IMPORT_REVIEWS=100000 repeats the attack run's size.
const REVIEWS = Number(process.env.AW_IMPORT_REVIEWS ?? 20_000);
const shown = REVIEWS.toLocaleString('en');

test('a large import shows progress, keeps its buttons disabled and completes', async ({ context, extensionId }) => {
  test.setTimeout(240_000);
  const knowledge = JSON.parse(readFileSync('data/generated/knowledge.json', 'utf8')) as {
    questions: { id: string }[];
  };
  const text = bigBackupText({ cardIds: knowledge.questions.map((q) => q.id), reviews: REVIEWS, now: Date.now() });
  const file = join(mkdtempSync(join(tmpdir(), 'aw-backup-')), 'big-backup.json');
  writeFileSync(file, text);

  const page = await openExtensionPage(context, extensionId, 'options.html');
  const status = page.locator('section[aria-labelledby="backup-heading"] [role="status"]');
  await expect(page.getByRole('button', { name: 'Export progress' })).toBeEnabled();
  await page.evaluate(() => {
    const w = window as unknown as { __aw: { longTasks: number[]; maxGap: number; texts: string[]; busy: boolean[] } };
    const probe: { longTasks: number[]; maxGap: number; texts: string[]; busy: boolean[] } = (w.__aw = {
      longTasks: [],
      maxGap: 0,
      texts: [],
      busy: [],
    });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask' });
    let last = performance.now();
    const beat = () => {
      const now = performance.now();
      probe.maxGap = Math.max(probe.maxGap, now - last);
      last = now;
      setTimeout(beat, 10);
    };
    setTimeout(beat, 10);
    const box = document.querySelector('section[aria-labelledby="backup-heading"] [role="status"]')!;
    new MutationObserver(() => {
      const t = box.textContent ?? '';
      if (probe.texts.at(-1) !== t) probe.texts.push(t);
      const exportButton = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Export progress');
      probe.busy.push(Boolean(exportButton?.disabled));
    }).observe(box, { childList: true, characterData: true, subtree: true });
  });

  const started = Date.now();
  await page.locator('#import-file').setInputFiles(file);
  await expect(status).toContainText('Imported:', { timeout: 200_000 });
  const seconds = (Date.now() - started) / 1000;
  const probe = await page.evaluate(
    () =>
      (window as unknown as { __aw: { longTasks: number[]; maxGap: number; texts: string[]; busy: boolean[] } }).__aw,
  );
  const figures = {
    reviews: REVIEWS,
    megabytes: +(text.length / 1048576).toFixed(1),
    seconds,
    longestTaskMs: Math.max(0, ...probe.longTasks),
    longTasks: probe.longTasks.length,
    longTasksTotalMs: probe.longTasks.reduce((a, b) => a + b, 0),
    maxTimerGapMs: Math.round(probe.maxGap),
    statusTexts: probe.texts.length,
  };
  console.log(`[backup-import] ${JSON.stringify(figures)}`);
  test.info().annotations.push({ type: 'measured', description: JSON.stringify(figures) });

  await expect(status).toContainText(`${REVIEWS} reviews`);
  const progress = probe.texts.filter((t) => t.startsWith('Importing… ') && t.includes(` of ${shown} reviews`));
  expect(progress.length, `progress lines seen: ${probe.texts.slice(0, 5).join(' | ')}`).toBeGreaterThan(2);
  expect(probe.busy.slice(0, -1).every(Boolean), 'the buttons stay disabled while importing').toBe(true);
  await expect(page.getByRole('button', { name: 'Export progress' })).toBeEnabled();
});
