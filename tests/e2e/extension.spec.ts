/** The whole extension in Debian's Chromium: content script → background → popup and side panel → Dexie. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  expect,
  FIXTURES,
  openExtensionPage,
  overlay,
  overlayHost,
  pageSettled,
  recordReports,
  test,
  waitForReport,
} from './fixtures';

const RELATED = 'https://leetcode.com/problems/print-in-order/';

/** Whether any loader answers in `page`'s tab (a page our match patterns leave out has none). */
async function loaderAnswers(worker: import('@playwright/test').Worker, page: import('@playwright/test').Page) {
  await page.bringToFront();
  return worker.evaluate(async () => {
    type Api = { tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(t: number, m: object): Promise<unknown> } };
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    return api.tabs.sendMessage(tab!.id!, { type: 'page/settled' }).then(
      () => true,
      () => false,
    );
  });
}
const UNRELATED = 'https://leetcode.com/problems/two-sum/';

test.beforeEach(async ({ routes }) => {
  await routes({
    [RELATED]: 'sites/leetcode-print-in-order.html',
    [UNRELATED]: 'sites/leetcode-two-sum.html',
    'https://leetcode.com/problemset/': 'sites/leetcode-print-in-order.html',
  });
});

test('the content script runs on a LeetCode problem page and reports it; popup and side panel show its title', async ({
  context,
  extensionId,
}) => {
  const problem = await context.newPage();
  await problem.goto(RELATED);
  await overlay(problem).badgeVisible();

  const popup = await openExtensionPage(context, extensionId, 'popup.html');
  await problem.bringToFront();
  await popup.reload();
  await expect(popup.getByTestId('detection')).toContainText('Print in Order');

  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await problem.bringToFront();
  await panel.reload();
  await expect(panel.getByTestId('detection')).toContainText('Print in Order');
  // One step from the problem to its practice version in the workbench.
  await panel.getByRole('button', { name: /^Solve it here \(\d+ tests\)$/ }).click();
  await expect(panel).toHaveURL(/#\/practice\/print-in-order$/);
});

test('the content script does not run on other LeetCode pages', async ({ context, worker }) => {
  await recordReports(worker);
  // The same problem markup at a problem URL first: the loader runs and reports there...
  const problem = await context.newPage();
  await problem.goto(RELATED);
  await waitForReport(worker, problem);
  // ...but on the problem-set listing, served that same markup, only the match patterns keep it out: no
  // loader runs there to give a "done" signal. A loader started in the meantime on the first page would
  // answer, so the listing page is asked after a page that does run one has answered (same load order).
  const page = await context.newPage();
  await page.goto('https://leetcode.com/problemset/');
  await page.waitForLoadState('load');
  const control = await context.newPage();
  await control.goto(RELATED);
  expect(await pageSettled(worker, control)).toBe('shown');
  expect(await loaderAnswers(worker, page)).toBe(false);
  await expect(overlayHost(page)).toHaveCount(0);
  const reports = await worker.evaluate(() => (globalThis as unknown as { __reports: number[] }).__reports.length);
  expect(reports).toBe(2);
});

test('an unrelated problem gets no overlay and the popup says so', async ({ context, extensionId, worker }) => {
  const problem = await context.newPage();
  await problem.goto(UNRELATED);
  expect(await pageSettled(worker, problem)).toBe('not-relevant');
  await expect(overlayHost(problem)).toHaveCount(0);
  const popup = await openExtensionPage(context, extensionId, 'popup.html');
  await problem.bringToFront();
  await popup.reload();
  await expect(popup.getByTestId('no-detection')).toBeVisible();
});

test('save for later in the side panel is listed in the popup', async ({ context, extensionId }) => {
  const problem = await context.newPage();
  await problem.goto(RELATED);
  await overlay(problem).badgeVisible();
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await problem.bringToFront();
  await panel.reload();
  await panel.getByRole('button', { name: 'Save for later' }).click();
  await expect(panel.getByRole('button', { name: 'Remove from saved' })).toBeVisible();

  const popup = await openExtensionPage(context, extensionId, 'popup.html');
  await expect(popup.getByTestId('saved-list')).toContainText('Print in Order');
});

test('no request from the extension leaves the machine', async ({ context, extensionId, requests }) => {
  const problem = await context.newPage();
  await problem.goto(RELATED);
  await overlay(problem).badgeVisible();
  for (const path of ['popup.html', 'sidepanel.html', 'options.html']) {
    const page = await openExtensionPage(context, extensionId, path);
    await page.waitForLoadState('networkidle');
  }
  // The saved page's own stylesheet and scripts are the page's requests, named in its HTML; anything else
  // (a fetch from the content script, the background or an extension page) would show up here.
  const fixture = readFileSync(join(FIXTURES, 'sites/leetcode-print-in-order.html'), 'utf8');
  const namedByPage = (url: string) =>
    fixture.includes(new URL(url).pathname) && new URL(url).origin === new URL(RELATED).origin;
  const allowed = (url: string) =>
    url.startsWith('chrome-extension://') || url === RELATED || url.startsWith('data:') || namedByPage(url);
  expect(requests.filter((url) => !allowed(url))).toEqual([]);
});
