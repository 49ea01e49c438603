/** The popup: turned-off sites, hidden badges, nothing to review, a search box that stays put, what is above the fold. */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, openExtensionPage, overlay, overlayHost, pageSettled, test } from './fixtures';

const RELATED = 'https://leetcode.com/problems/print-in-order/';

test.beforeEach(async ({ routes }) => {
  await routes({ [RELATED]: 'sites/leetcode-print-in-order.html' });
});

/** The popup for the problem tab (Playwright opens it as a tab; the problem is brought to the front first). */
async function popupFor(context: BrowserContext, extensionId: string, problem: Page) {
  const popup = await openExtensionPage(context, extensionId, 'popup.html');
  await problem.bringToFront();
  await popup.reload();
  return popup;
}

test('a site turned off in Options says "turned off", not "no asyncio problem"', async ({
  context,
  extensionId,
  worker,
}) => {
  const options = await openExtensionPage(context, extensionId, 'options.html');
  await options.getByRole('checkbox', { name: /LeetCode/ }).uncheck();
  const problem = await context.newPage();
  await problem.goto(RELATED);
  expect(await pageSettled(worker, problem)).toBe('site-off');
  await expect(overlayHost(problem)).toHaveCount(0);
  const popup = await popupFor(context, extensionId, problem);
  await expect(popup.getByTestId('site-off')).toContainText('turned off for LeetCode');
  await expect(popup.getByTestId('no-detection')).toHaveCount(0);
});

test('a hidden badge can be brought back from the popup, at once (no reload)', async ({
  context,
  extensionId,
  worker,
}) => {
  const problem = await context.newPage();
  await problem.goto(RELATED);
  await overlay(problem).badgeVisible();
  await overlay(problem).click('.aw-badge');
  await overlay(problem).click('button', 'Hide on this page');
  await expect.poll(() => overlay(problem).count('.aw-badge')).toBe(0);
  // Past the Undo note: reloaded, the problem is hidden.
  await problem.reload();
  expect(await pageSettled(worker, problem)).toBe('hidden');
  await expect(overlayHost(problem)).toHaveCount(0);

  const popup = await popupFor(context, extensionId, problem);
  await popup.getByTestId('badge-hidden').getByRole('button', { name: 'Show the badge here again' }).click();
  await expect(popup.getByTestId('badge-hidden')).toHaveCount(0);
  // The page's badge comes back by itself: nothing reloads the problem tab.
  await overlay(problem).badgeVisible();
  expect(await pageSettled(worker, problem)).toBe('shown');
});

test('the popup, 380 × 600: on a related tab "Flashcards" is above the fold; on an unrelated one the search it points to is above', async ({
  context,
  extensionId,
  routes,
  worker,
}) => {
  const UNRELATED = 'https://leetcode.com/problems/two-sum/';
  await routes({ [UNRELATED]: 'sites/leetcode-two-sum.html' });
  const problem = await context.newPage();
  await problem.goto(RELATED);
  expect(await pageSettled(worker, problem)).toBe('shown');
  const popup = await popupFor(context, extensionId, problem);
  await popup.setViewportSize({ width: 380, height: 600 });
  await expect(popup.getByTestId('detection')).toBeVisible();
  // Inside the popup's scrolling area without scrolling it, whatever the tab shows: above the tab's matches,
  // which are as long as the problem's questions (three, with the hidden-badge note and long titles, pushed
  // it below the fold).
  const due = popup.getByTestId('due-count');
  await expect(due).toBeVisible();
  const [dueBox, mainBox, tabBox] = [
    await due.boundingBox(),
    await popup.locator('.aw-page-main').boundingBox(),
    await popup.getByTestId('detection').boundingBox(),
  ];
  expect(dueBox!.y + dueBox!.height).toBeLessThanOrEqual(Math.min(600, mainBox!.y + mainBox!.height));
  expect(dueBox!.y + dueBox!.height).toBeLessThanOrEqual(tabBox!.y);

  const unrelated = await context.newPage();
  await unrelated.goto(UNRELATED);
  expect(await pageSettled(worker, unrelated)).toBe('not-relevant');
  const other = await popupFor(context, extensionId, unrelated);
  const empty = other.getByTestId('no-detection');
  await expect(empty).toContainText(/search above/);
  const [searchBox, emptyBox] = [await other.getByRole('combobox').boundingBox(), await empty.boundingBox()];
  expect(searchBox!.y).toBeLessThan(emptyBox!.y);
});

test('no "Review now" with nothing due; the search box is the first thing either way', async ({
  context,
  extensionId,
}) => {
  const popup = await openExtensionPage(context, extensionId, 'popup.html');
  await expect(popup.getByTestId('due-count')).toContainText('0 cards due');
  await expect(popup.getByRole('button', { name: 'Review now' })).toHaveCount(0);
  const firstSection = () => popup.locator('.aw-page-main > *').first();
  await expect(firstSection().getByRole('combobox')).toBeVisible();

  const problem = await context.newPage();
  await problem.goto(RELATED);
  await overlay(problem).badgeVisible();
  const onProblem = await popupFor(context, extensionId, problem);
  await expect(onProblem.getByTestId('detection')).toBeVisible();
  await expect(onProblem.locator('.aw-page-main > *').first().getByRole('combobox')).toBeVisible();
});

test('Browse search: Enter opens the first result, arrows walk the results, transposed letters still find it', async ({
  context,
  extensionId,
}) => {
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html#/browse');
  const box = panel.getByRole('searchbox');
  await box.fill('semaphroe');
  await expect(panel.locator('.aw-qlink').first()).toContainText(/semaphore|rate/i);
  await box.press('ArrowDown');
  await expect(panel.locator('.aw-qlink').first()).toBeFocused();
  await panel.keyboard.press('ArrowDown');
  await expect(panel.locator('.aw-qlink').nth(1)).toBeFocused();
  await panel.keyboard.press('ArrowUp');
  await panel.keyboard.press('ArrowUp');
  await expect(box).toBeFocused();
  const first = (await panel.locator('.aw-qlink').first().innerText()).split('\n')[0]!.trim();
  await box.press('Enter');
  await expect(panel).toHaveURL(/#\/question\//);
  await expect(panel.getByRole('heading', { level: 2 }).first()).toContainText(first.slice(0, 20));
});
