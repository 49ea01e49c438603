/** Detection and the overlay on every supported site, at the sites' real URLs routed to saved pages. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, FIXTURES, openExtensionPage, overlayBadge, overlayHost, tabIdOf, test } from './fixtures';

interface SiteFixture {
  file: string;
  url: string;
  site: string;
  title: string;
  related: boolean;
  hostile?: 'script' | 'css';
}

const fixtures = JSON.parse(readFileSync(join(FIXTURES, 'sites/fixtures.json'), 'utf8')) as SiteFixture[];
const pages = fixtures.filter((f) => !f.hostile);

for (const site of [...new Set(pages.map((f) => f.site))]) {
  test(`${site}: overlay on related problems, nothing on unrelated ones`, async ({ context, routes }) => {
    const mine = pages.filter((f) => f.site === site);
    expect(mine.some((f) => f.related)).toBe(true);
    expect(mine.some((f) => !f.related)).toBe(true);
    for (const fixture of mine) {
      await routes({ [fixture.url]: `sites/${fixture.file}` });
      const page = await context.newPage();
      await page.goto(fixture.url);
      if (fixture.related) {
        await expect(overlayBadge(page), fixture.file).toBeVisible();
        await expect(overlayHost(page)).toHaveCount(1);
      } else {
        // Give the content script the time a related page needs to show its badge, then check nothing was added.
        await page.waitForTimeout(1500);
        await expect(overlayHost(page), fixture.file).toHaveCount(0);
      }
      await page.close();
    }
  });
}

test('the overlay opens to concepts, one hint at a time, and the top questions', async ({ context, routes }) => {
  const url = 'https://leetcode.com/problems/print-in-order/';
  await routes({ [url]: 'sites/leetcode-print-in-order.html' });
  const page = await context.newPage();
  await page.goto(url);
  await overlayBadge(page).click();
  const overlay = overlayHost(page);
  await expect(overlay.getByRole('list', { name: 'Concepts detected' })).toBeVisible();
  await expect(overlay.locator('.aw-hint')).toHaveCount(0);
  await overlay.getByRole('button', { name: /first hint/i }).click();
  await expect(overlay.locator('.aw-hint')).toHaveCount(1);
  await overlay.getByRole('button', { name: /hint 2/i }).click();
  await expect(overlay.locator('.aw-hint')).toHaveCount(2);
  await expect(overlay.locator('.aw-card')).toHaveCount(3);
  await overlay.getByRole('button', { name: 'Add these to my flashcards' }).click();
  await expect(overlay.getByRole('button', { name: /Added 3 to flashcards/ })).toBeVisible();
  await overlay.getByRole('button', { name: 'Hide on this page' }).click();
  await expect(overlayHost(page)).toHaveCount(0);
  await page.reload();
  await page.waitForTimeout(1500);
  await expect(overlayHost(page)).toHaveCount(0);
});

test('single-page navigation between problems updates one overlay and removes it on an unrelated one', async ({
  context,
  routes,
}) => {
  const related = 'https://leetcode.com/problems/print-in-order/';
  await routes({ [related]: 'sites/leetcode-print-in-order.html' });
  const other = readFileSync(join(FIXTURES, 'sites/leetcode-two-sum.html'), 'utf8');
  const page = await context.newPage();
  await page.goto(related);
  await expect(overlayBadge(page)).toBeVisible();
  // Simulate the SPA: swap the document body for another problem's and push its URL, as LeetCode's router does.
  const navigate = async (html: string, url: string) =>
    page.evaluate(
      ([markup, path]) => {
        const doc = new DOMParser().parseFromString(markup!, 'text/html');
        document.title = doc.title;
        document.body.replaceWith(document.adoptNode(doc.body));
        history.pushState({}, '', path);
      },
      [html, url],
    );
  await navigate(other, '/problems/two-sum/');
  await expect(overlayHost(page)).toHaveCount(0);
  await navigate(
    readFileSync(join(FIXTURES, 'sites/leetcode-print-in-order.html'), 'utf8'),
    '/problems/print-in-order/',
  );
  await expect(overlayBadge(page)).toBeVisible();
  await expect(overlayHost(page)).toHaveCount(1);
});

test('a hostile page: markup in the title and statement runs nothing and stays text', async ({ context, routes }) => {
  const fixture = fixtures.find((f) => f.hostile === 'script')!;
  await routes({ [fixture.url]: `sites/${fixture.file}` });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(fixture.url);
  await expect(overlayBadge(page)).toBeVisible();
  await overlayBadge(page).click();
  const host = overlayHost(page);
  expect(await host.locator('script, img, iframe, [onerror], [onclick]').count()).toBe(0);
  expect(
    await page.evaluate(() => (window as unknown as { __awaitwisePwned?: unknown }).__awaitwisePwned ?? null),
  ).toBeNull();
  expect(dialogs).toEqual([]);
});

test('a hostile stylesheet does not change the overlay', async ({ context, routes }) => {
  const hostile = fixtures.find((f) => f.hostile === 'css')!;
  const clean = 'https://leetcode.com/problems/print-in-order/';
  await routes({ [hostile.url]: `sites/${hostile.file}`, [clean]: 'sites/leetcode-print-in-order.html' });
  const styleOf = async (url: string) => {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(url);
    await expect(overlayBadge(page)).toBeVisible();
    const style = await overlayBadge(page).evaluate((el) => {
      const s = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return {
        font: s.fontSize,
        display: s.display,
        radius: s.borderRadius,
        padding: s.padding,
        width: Math.round(box.width) > 0,
      };
    });
    await page.close();
    return style;
  };
  const [a, b] = [await styleOf(hostile.url), await styleOf(clean)];
  expect(a.display).toBe(b.display);
  expect(a.font).toBe(b.font);
  expect(a.radius).toBe(b.radius);
  expect(a.padding).toBe(b.padding);
  expect(a.width).toBe(true);
});

test('the toolbar badge shows the number of matches on that tab', async ({ context, routes, worker }) => {
  const url = 'https://leetcode.com/problems/print-in-order/';
  await routes({ [url]: 'sites/leetcode-print-in-order.html' });
  const page = await context.newPage();
  await page.goto(url);
  await expect(overlayBadge(page)).toBeVisible();
  await page.bringToFront();
  const tabId = await tabIdOf(worker);
  const text = await worker.evaluate(
    (id) =>
      (
        globalThis as unknown as { chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string> } } }
      ).chrome.action.getBadgeText({ tabId: id }),
    tabId,
  );
  expect(Number(text)).toBeGreaterThan(0);
});

test('the side panel follows the active tab', async ({ context, extensionId, routes }) => {
  const a = 'https://leetcode.com/problems/print-in-order/';
  const b = 'https://neetcode.io/problems/promise-pool?list=neetcode250';
  await routes({ [a]: 'sites/leetcode-print-in-order.html', [b]: 'sites/neetcode-promise-pool.html' });
  const first = await context.newPage();
  await first.goto(a);
  await expect(overlayBadge(first)).toBeVisible();
  const second = await context.newPage();
  await second.goto(b);
  await expect(overlayBadge(second)).toBeVisible();
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await first.bringToFront();
  await panel.reload();
  await expect(panel.getByTestId('detection')).toContainText('Print in Order');
  await second.bringToFront();
  await expect(panel.getByTestId('detection')).toContainText(/promise pool/i);
  await first.bringToFront();
  await expect(panel.getByTestId('detection')).toContainText('Print in Order');
});

test('100 single-page navigations leave one overlay at most and no growth in listeners', async ({
  context,
  routes,
}) => {
  const related = 'https://leetcode.com/problems/print-in-order/';
  await routes({ [related]: 'sites/leetcode-print-in-order.html' });
  const pages = {
    related: readFileSync(join(FIXTURES, 'sites/leetcode-print-in-order.html'), 'utf8'),
    unrelated: readFileSync(join(FIXTURES, 'sites/leetcode-two-sum.html'), 'utf8'),
  };
  const page = await context.newPage();
  await page.goto(related);
  await expect(overlayBadge(page)).toBeVisible();
  const cdp = await context.newCDPSession(page);
  // Listeners of every world (page and content script) on window and document, as DevTools counts them.
  const listenerCount = async () => {
    let total = 0;
    for (const expression of ['window', 'document']) {
      const { result } = await cdp.send('Runtime.evaluate', { expression });
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId!, depth: 0 });
      total += listeners.length;
    }
    return total;
  };
  const before = await listenerCount();
  for (let i = 0; i < 100; i++) {
    const kind = i % 2 === 0 ? 'unrelated' : 'related';
    await page.evaluate(
      ([markup, path]) => {
        const doc = new DOMParser().parseFromString(markup!, 'text/html');
        document.title = doc.title;
        document.body.replaceWith(document.adoptNode(doc.body));
        history.pushState({}, '', path);
      },
      [pages[kind], kind === 'related' ? '/problems/print-in-order/' : '/problems/two-sum/'],
    );
    expect(await overlayHost(page).count()).toBeLessThanOrEqual(1);
  }
  // The last navigation went to the related problem: exactly one overlay once things settle.
  await expect(overlayBadge(page)).toBeVisible();
  await page.waitForTimeout(1000);
  await expect(overlayHost(page)).toHaveCount(1);
  expect(await listenerCount()).toBeLessThanOrEqual(before);
});
