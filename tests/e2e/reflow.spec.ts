/**
 * The side panel at its narrowest and zoomed: Chrome's 320 px panel at 200 % zoom leaves 160 CSS px. Every
 * view reflows to that width (nothing pushes the page sideways); code blocks wrap with their own marks.
 */
import { expect, openExtensionPage, test } from './fixtures';

const VIEWS = [
  'browse',
  'question/gather-basics',
  'quiz/quiz-gather-result-order',
  'practice/print-in-order',
  'review',
  'deck',
  'stats',
  'interview',
];

test('every side-panel view fits 160 CSS px (a 320 px panel at 200 % zoom) without sideways scrolling', async ({
  context,
  extensionId,
}) => {
  test.slow();
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html#/page');
  await panel.setViewportSize({ width: 160, height: 700 });
  await expect(panel.getByText('No asyncio problem on the active tab.')).toBeVisible();
  expect(await panel.evaluate(() => document.documentElement.scrollWidth - innerWidth), '#/page').toBe(0);
  for (const view of VIEWS) {
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html#/${view}`);
    await expect(panel.getByRole('heading', { level: 2 }).first()).toBeVisible();
    const overflow = await panel.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow, `#/${view} is wider than the panel`).toBe(0);
  }
});
