/** What issue 15 found a new user hitting in the side panel: review by keyboard, inline code, the deck, undo. */
import { expect, openExtensionPage, test } from './fixtures';

test('Review opened with Enter on its tab takes Space at once, focus staying on the tab; the rating bar stays in view with the full answer open', async ({
  context,
  extensionId,
}) => {
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await panel.setViewportSize({ width: 360, height: 640 });
  await panel.getByRole('tab', { name: 'Review' }).click();
  await panel.getByRole('button', { name: /Add the fundamentals/i }).click();
  await panel.getByRole('tab', { name: 'Stats' }).click();
  await panel.getByRole('tab', { name: 'Review' }).focus();
  await panel.keyboard.press('Enter');
  // Focus stays on the tab (the tab list's arrow keys keep working) and the review's keys work from there.
  await expect(panel.getByRole('tab', { name: 'Review' })).toBeFocused();
  await expect(panel.locator('.aw-review-question')).toBeVisible();
  await panel.keyboard.press('Space');
  const rating = panel.locator('.aw-rating');
  await expect(rating).toBeVisible();
  await panel.locator('.aw-review-full > summary').click();
  await expect(rating).toBeInViewport();
  await panel.mouse.wheel(0, 400);
  await expect(rating).toBeInViewport();
  await panel.keyboard.press('3');
  await expect(panel.locator('.aw-review-counts')).toContainText('9 new');
});

test('inline code from data is rendered as code in the side panel', async ({ context, extensionId }) => {
  const panel = await openExtensionPage(
    context,
    extensionId,
    'sidepanel.html#/question/sequential-awaits-do-not-overlap',
  );
  const title = panel.getByRole('heading', { level: 2 });
  await expect(title.locator('code')).toHaveText('await a(); await b()');
  await expect(title).not.toContainText('`');
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html#/practice/print-in-order`);
  await panel.getByRole('button', { name: 'Show the first hint' }).click();
  await panel.getByRole('button', { name: /Show hint 2/ }).click();
  await panel.getByRole('button', { name: /Show hint 3/ }).click();
  await expect(panel.locator('.aw-hint-list')).not.toContainText('`');
});

test('the deck: Browse marks cards in the deck; suspend in the deck shows a toast whose Undo restores it', async ({
  context,
  extensionId,
}) => {
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html#/question/gather-basics');
  await panel.getByRole('button', { name: 'Add to flashcards' }).click();
  await expect(panel.getByRole('button', { name: 'Remove from flashcards' })).toBeVisible();
  await panel.getByRole('tab', { name: 'Browse' }).click();
  await panel.getByRole('searchbox').fill('gather');
  const added = panel
    .locator('.aw-qlink', { hasText: /run.*concurrently.*gather|gather/i })
    .filter({ has: panel.locator('.aw-in-deck') });
  await expect(added).toHaveCount(1);

  await panel.getByRole('tab', { name: 'Deck' }).click();
  const row = panel.getByTestId('deck-row');
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: /^Card info/ }).click();
  await row.getByRole('button', { name: /^Suspend/ }).click();
  await expect(row.locator('.aw-chip')).toHaveText('Suspended');
  await panel.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(row.locator('.aw-chip')).toHaveText('New');
  await panel.getByLabel('State').selectOption('suspended');
  await expect(row).toHaveCount(0);
});

test('320 px wide and at 200 % zoom, no view scrolls sideways', async ({ context, extensionId }) => {
  const page = await openExtensionPage(context, extensionId, 'sidepanel.html#/review');
  await page.getByRole('button', { name: /Add the fundamentals/i }).click();
  await page.keyboard.press('Space');
  // The popup is not in the list: the browser sizes it to its own fixed 380 px body, whatever the window.
  const paths = [
    'sidepanel.html#/page',
    'sidepanel.html#/browse',
    'sidepanel.html#/question/gather-basics',
    'sidepanel.html#/practice/print-in-order',
    'sidepanel.html#/review',
    'sidepanel.html#/deck',
    'sidepanel.html#/stats',
    'options.html',
    'welcome.html',
  ];
  // 200 % zoom of a 640 px wide panel leaves 320 CSS px, the same layout width as 320 px at 100 %.
  for (const width of [320, 400]) {
    await page.setViewportSize({ width, height: 700 });
    for (const path of paths) {
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(overflow.scroll, `${path} at ${width}px`).toBeLessThanOrEqual(overflow.client);
    }
  }
});
