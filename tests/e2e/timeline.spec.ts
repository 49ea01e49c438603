/**
 * The event-loop timeline in Chromium with the built extension: a card's Run draws one lane per task, named;
 * keyboard focus walks the slices and marks their lines in the code; a blocked stretch is announced; a
 * quiz's "Show what happened" and a practice test's timeline; axe finds nothing; and screenshots, light
 * and dark, 320 px wide and at 200 % zoom, go to screenshots/ (or SCREENSHOT_DIR) to be looked at.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, openExtensionPage, screenshotPath, test } from './fixtures';

/** A cold Pyodide start in a fresh browser on a shared 2-core machine. */
const RUN_TIMEOUT = 150_000;

const BLOCKING = `import asyncio
import time


async def ticker():
    for _ in range(6):
        await asyncio.sleep(0.05)


async def blocker():
    await asyncio.sleep(0.08)
    time.sleep(0.2)  # every lane stops here
    await asyncio.sleep(0.05)


async def main():
    await asyncio.gather(ticker(), blocker())


asyncio.run(main())
`;
const BLOCKING_LINE = 12;

const BATCHES = `import asyncio


async def run_limited(funcs, n):
    results = []
    for i in range(0, len(funcs), n):
        results.extend(await asyncio.gather(*(fn() for fn in funcs[i:i + n])))
    return results
`;

async function noAxeViolations(page: Page, selector: string) {
  const { violations } = await new AxeBuilder({ page }).include(selector).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Replaces the text of a CodeMirror editor, as typing would. */
async function typeInto(page: Page, editor: Locator, code: string) {
  await editor.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(code);
}

const laneNames = (timeline: Locator) =>
  timeline.locator('.aw-tl-lanes [role="list"]').evaluateAll((lists) => lists.map((l) => l.getAttribute('aria-label')));
const focusedSlice = (page: Page) =>
  page.evaluate(() =>
    document.activeElement?.getAttribute('aria-roledescription') === 'slice'
      ? document.activeElement.getAttribute('aria-label')
      : null,
  );

test('a card run: one lane per task, keyboard walks the slices and marks their lines, axe-clean', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(RUN_TIMEOUT + 60_000);
  const page = await openExtensionPage(context, extensionId, 'sidepanel.html#/question/gather-basics');
  const snippet = page.locator('.aw-runnable').first();
  // "See the timeline" beside the verified output runs the snippet.
  await snippet.getByRole('button', { name: 'See the timeline' }).click();
  const timeline = snippet.getByRole('region', { name: 'Timeline of this run' });
  await expect(timeline).toBeVisible({ timeout: RUN_TIMEOUT });
  await expect(snippet.locator('.aw-run-end')).toContainText('Same as the verified output');
  expect(await laneNames(timeline)).toEqual(['main', 'lookup #1', 'lookup #2', 'lookup #3']);
  await expect(timeline.getByRole('status')).toContainText(/^4 tasks in \d+ ms · at most 4 running or waiting at once/);
  await expect(timeline).toContainText('What to look for: The three lookup lanes sleep side by side');

  // Tab from the zoom buttons reaches the one slice in the tab order; arrows walk from there.
  await timeline.getByRole('button', { name: 'Zoom in' }).focus();
  await page.keyboard.press('Tab');
  expect(await focusedSlice(page)).toMatch(/^main: running .* line 8$/);
  await expect(snippet.locator('.aw-code-line-marked')).toHaveText(/async def main\(\):/);
  // Down goes to the slice of the next lane nearest in time; Home to that lane's first.
  await page.keyboard.press('ArrowDown');
  expect(await focusedSlice(page)).toMatch(/^lookup #1: /);
  await page.keyboard.press('Home');
  expect(await focusedSlice(page)).toMatch(/^lookup #1: running .* line 3$/);
  await page.keyboard.press('ArrowRight');
  expect(await focusedSlice(page)).toMatch(/^lookup #1: waiting on sleep\(0\.3\) .* line 4$/);
  await expect(snippet.locator('.aw-code-line-marked')).toHaveText(/await asyncio\.sleep\(seconds\)/);
  await expect(timeline.locator('.aw-tl-detail')).toHaveText(/^lookup #1: waiting on sleep\(0\.3\)/);
  // + zooms in around the focused slice and focus stays on it; 0 shows the whole run again.
  await page.keyboard.press('+');
  await expect(timeline.getByRole('button', { name: 'Whole run' })).toBeVisible();
  expect(await focusedSlice(page)).toMatch(/^lookup #1: waiting on sleep\(0\.3\)/);
  await page.keyboard.press('0');
  await expect(timeline.getByRole('button', { name: 'Whole run' })).toBeHidden();
  // Leaving the chart takes the mark off the code.
  await page.keyboard.press('Shift+Tab');
  await expect(snippet.locator('.aw-code-line-marked')).toHaveCount(0);

  await timeline.getByText('The timeline as a table').click();
  await expect(timeline.getByRole('table').getByRole('row')).toHaveCount(5);
  await noAxeViolations(page, '.aw-timeline');
});

test('a blocked stretch is announced; a quiz shows what happened; a practice test has its timeline', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(3 * RUN_TIMEOUT);
  const page = await openExtensionPage(context, extensionId, 'sidepanel.html#/question/time-sleep-vs-asyncio-sleep');
  const snippet = page.locator('.aw-runnable').first();
  await snippet.getByRole('button', { name: 'Try it' }).click();
  await typeInto(page, snippet.locator('.cm-content'), BLOCKING);
  await snippet.getByRole('button', { name: 'Run my copy' }).click();
  const timeline = snippet.getByRole('region', { name: 'Timeline of this run' });
  await expect(timeline.getByRole('status')).toContainText(
    new RegExp(`The loop was blocked for \\d+ ms by time\\.sleep \\(line ${BLOCKING_LINE}\\)\\.`),
    { timeout: RUN_TIMEOUT },
  );
  await expect(timeline.locator('.aw-tl-blocked')).toHaveCount(1);
  expect(await laneNames(timeline)).toEqual(['main', 'ticker', 'blocker']);
  // An edited copy is not the card's snippet: no "what to look for" about it.
  await expect(timeline).not.toContainText('What to look for');
  await noAxeViolations(page, '.aw-timeline');

  // A quiz, once answered: "Show what happened" runs it and draws its timeline.
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html#/quiz/quiz-gather-result-order`);
  await expect(page.getByRole('heading', { level: 3 })).toBeFocused();
  await page.keyboard.press('1');
  await page.getByRole('button', { name: 'Show what happened' }).click();
  await expect(page.getByRole('region', { name: 'Timeline of this run' })).toBeVisible({ timeout: RUN_TIMEOUT });

  // The workbench: a batching solution fails the sliding-window test, whose message points to its timeline.
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html#/practice/promise-pool-limit`);
  await typeInto(page, page.locator('.aw-workbench .cm-content'), BATCHES);
  await page.getByRole('button', { name: 'Run tests' }).click();
  const failed = page.locator('.aw-test-fail').filter({ hasText: 'A freed slot is refilled' });
  await expect(failed).toContainText('The timeline of this test shows what each task did.', { timeout: RUN_TIMEOUT });
  // A test that failed on what its tasks did opens its timeline at once.
  await expect(failed.getByRole('button', { name: 'Hide the timeline' })).toBeVisible();
  const testTimeline = failed.getByRole('region', { name: /^Timeline of the test: A freed slot/ });
  expect(await laneNames(testTimeline)).toEqual([
    'test_sliding_window_not_batches',
    'fn #1',
    'fn #2',
    'fn #3',
    'fn #4',
    'fn #5',
    'job_5_then_release',
  ]);
  await noAxeViolations(page, '.aw-workbench');
});

test('screenshots: light and dark, 320 px wide and at 200 % zoom', async ({ context, extensionId }) => {
  test.setTimeout(2 * RUN_TIMEOUT);
  const page = await openExtensionPage(context, extensionId, 'sidepanel.html#/question/gather-basics');
  const lanesWidth = () =>
    page
      .locator('.aw-tl-lanes')
      .first()
      .evaluate((svg) => Number(svg.getAttribute('width')));
  const shoot = async (name: string, target: Locator) => {
    for (const zoom of [1, 2])
      for (const scheme of ['light', 'dark'] as const) {
        // 200 % zoom of a 640 px panel lays out in 320 CSS px, each drawn twice as large.
        await page.setViewportSize({ width: 320 * zoom, height: 900 });
        await page.evaluate((z) => (document.documentElement.style.zoom = String(z)), zoom);
        await page.emulateMedia({ colorScheme: scheme });
        // The chart follows the panel's width (a ResizeObserver): wait for it to fit.
        await expect.poll(lanesWidth).toBeLessThanOrEqual(320);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${name} scrolls sideways at 320 px, ${zoom * 100} %`).toBeLessThanOrEqual(0);
        await target.scrollIntoViewIfNeeded();
        await target.screenshot({ path: screenshotPath(`timeline-${name}-${scheme}-${zoom * 100}`) });
      }
  };
  await page.setViewportSize({ width: 320, height: 900 });
  const snippet = page.locator('.aw-runnable').first();
  await snippet.getByRole('button', { name: 'Run', exact: true }).click();
  const timeline = snippet.getByRole('region', { name: 'Timeline of this run' });
  await expect(timeline).toBeVisible({ timeout: RUN_TIMEOUT });
  await timeline.locator('.aw-tl-lanes [tabindex="0"]').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await shoot('gather-card', snippet);

  await page.setViewportSize({ width: 320, height: 900 });
  await page.evaluate(() => (document.documentElement.style.zoom = '1'));
  await snippet.getByRole('button', { name: 'Try it' }).click();
  await typeInto(page, snippet.locator('.cm-content'), BLOCKING);
  await snippet.getByRole('button', { name: 'Run my copy' }).click();
  await expect(timeline.locator('.aw-tl-blocked')).toHaveCount(1, { timeout: RUN_TIMEOUT });
  await shoot('blocked', timeline);
});
