/** The side panel's addresses: deep links, reload, Back, and "open in side panel" requests. */
import { expect, openExtensionPage, test } from './fixtures';

test('every view has an address: open one directly, reload keeps it, Back walks the history', async ({
  context,
  extensionId,
}) => {
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html#/question/gather-basics');
  await expect(panel.getByRole('heading', { level: 2 })).toContainText(/gather/i);
  await panel.reload();
  await expect(panel.getByRole('heading', { level: 2 })).toContainText(/gather/i);

  await panel.getByRole('tab', { name: 'Stats' }).click();
  await expect(panel).toHaveURL(/#\/stats$/);
  await expect(panel.getByRole('heading', { name: 'Statistics' })).toBeVisible();
  await panel.getByRole('tab', { name: 'Browse' }).click();
  await panel.getByRole('searchbox').fill('semaphore');
  await expect(panel).toHaveURL(/#\/browse\?q=semaphore$/);
  await panel.locator('.aw-qlink').first().click();
  await expect(panel).toHaveURL(/#\/question\//);

  await panel.goBack();
  await expect(panel).toHaveURL(/#\/browse\?q=semaphore$/);
  await expect(panel.getByRole('searchbox')).toHaveValue('semaphore');
  await panel.goBack();
  await expect(panel.getByRole('heading', { name: 'Statistics' })).toBeVisible();
  await expect(panel.getByRole('tab', { name: 'Stats' })).toHaveAttribute('aria-selected', 'true');
  await panel.goBack();
  await expect(panel.getByRole('heading', { level: 2 })).toContainText(/gather/i);

  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html#/practice/print-in-order`);
  await expect(panel.getByRole('heading', { level: 2 }).first()).toContainText('Practice');
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html#/no/such/view`);
  await expect(panel.getByRole('tab', { name: 'This page' })).toHaveAttribute('aria-selected', 'true');
});

test('an "open in side panel" request navigates the open panel to its route', async ({ context, extensionId }) => {
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html#/stats');
  await expect(panel.getByRole('heading', { name: 'Statistics' })).toBeVisible();
  await panel.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { session: { set(v: object): Promise<void> } } } }
    ).chrome.storage.session.set({ 'panel:request': { view: 'browse', query: 'cancel', at: Date.now() } }),
  );
  await expect(panel).toHaveURL(/#\/browse\?q=cancel$/);
  await expect(panel.getByRole('searchbox')).toHaveValue('cancel');
});

test('a link into another view moves focus into it; a tab chosen from the keyboard keeps focus in the tab list', async ({
  context,
  extensionId,
}) => {
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html#/browse?q=semaphore');
  await panel.locator('.aw-qlink').first().click();
  await expect(panel).toHaveURL(/#\/question\//);
  await expect(panel.getByRole('heading', { level: 2 }).first()).toBeFocused();

  // The ARIA tabs pattern: Enter shows the view and focus stays on its tab, so the arrow keys still move along.
  await panel.getByRole('tab', { name: 'Stats' }).focus();
  await panel.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { name: 'Statistics' })).toBeVisible();
  await expect(panel.getByRole('tab', { name: 'Stats' })).toBeFocused();
  await panel.keyboard.press('ArrowLeft');
  await expect(panel.getByRole('tab', { name: 'Stats' })).toHaveAttribute('aria-selected', 'false');
  await expect(panel.locator('[role="tab"][aria-selected="true"]')).toBeFocused();
});
