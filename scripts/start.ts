/**
 * `npm start`: builds the extension, launches Debian's Chromium with it on a bundled demo problem (the real
 * LeetCode URL, answered from a saved page since this machine has no network), opens the hint overlay,
 * popup and side panel, and saves screenshots of each in light and dark (with the other pages and Python in
 * the panel) to .output/screenshots, or to SCREENSHOT_DIR. Headed when a display exists (the browser stays
 * open until you close it); headless otherwise, or with --headless.
 */
import { OverlayProbe } from './lib/overlay-probe';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { chromiumArgs, ensureChromium } from './lib/chromium';

const DEMO_URL = 'https://leetcode.com/problems/print-in-order/';
const DEMO_PAGE = resolve('tests/fixtures/sites/leetcode-print-in-order.html');
const EXTENSION_DIR = resolve('.output/chrome-mv3');
const OUT = resolve(process.env.SCREENSHOT_DIR ?? '.output/screenshots');
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.argv.includes('--headless');

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

async function shoot(page: Page, name: string, saved: string[], options: { fullPage?: boolean } = {}) {
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, ...options });
  saved.push(path);
}

/** The flashcard views: add the fundamentals on first use, review two cards, show the next answer and the stats. */
async function shootReviewAndStats(panel: Page, scheme: string, saved: string[]) {
  // Keys go to the focused tab: review happens in front.
  await panel.bringToFront();
  await panel.getByRole('tab', { name: 'Review' }).click();
  const add = panel.getByRole('button', { name: /Add the fundamentals/i });
  // The deck loads asynchronously: wait for either the empty state or a card before deciding.
  await panel.locator('.aw-review-card').or(add).first().waitFor({ timeout: 10_000 });
  if (await add.isVisible()) await add.click();
  await panel.locator('.aw-review-card').waitFor({ timeout: 10_000 });
  if (scheme === 'light') {
    for (const grade of ['3', '4']) {
      await panel.keyboard.press('Space');
      await panel.locator('.aw-rating').waitFor();
      await panel.keyboard.press(grade);
      await panel.locator('.aw-rating').waitFor({ state: 'detached' });
    }
  }
  await panel.getByRole('button', { name: 'Show answer' }).click();
  await panel.locator('.aw-rating').waitFor();
  await shoot(panel, `review-${scheme}`, saved);
  await panel.getByRole('tab', { name: 'Stats' }).click();
  await panel.locator('svg').first().waitFor({ timeout: 10_000 });
  await shoot(panel, `stats-${scheme}`, saved);
  await panel.getByRole('tab', { name: 'This page' }).click();
}

/**
 * The other pages, and the narrow layouts issue 15 asked for: the deck, the welcome page, options in a wide
 * window, and review and stats at 320 px and at 200 % zoom (a 640 px panel zoomed to 320 CSS px).
 */
async function shootPages(context: BrowserContext, id: string, scheme: 'light' | 'dark', saved: string[]) {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  const open = async (path: string, size: { width: number; height: number }, zoom = 1) => {
    await page.setViewportSize(size);
    await page.goto(`chrome-extension://${id}/${path}`);
    if (zoom !== 1) await page.evaluate((z) => void (document.documentElement.style.zoom = String(z)), zoom);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
  };
  await open('sidepanel.html#/deck', { width: 400, height: 820 });
  await shoot(page, `deck-${scheme}`, saved);
  await open('welcome.html', { width: 1000, height: 900 });
  await shoot(page, `welcome-${scheme}`, saved);
  await open('options.html', { width: 1200, height: 900 });
  await shoot(page, `options-${scheme}`, saved);
  for (const [suffix, size, zoom] of [
    ['320', { width: 320, height: 720 }, 1],
    ['zoom200', { width: 640, height: 1000 }, 2],
  ] as const) {
    await open('sidepanel.html#/review', size, zoom);
    const reveal = page.getByRole('button', { name: 'Show answer' });
    if (await reveal.isVisible()) await reveal.click();
    await shoot(page, `review-${suffix}-${scheme}`, saved);
    await open('sidepanel.html#/stats', size, zoom);
    await shoot(page, `stats-${suffix}-${scheme}`, saved);
    await open('popup.html', { width: 380, height: 560 }, 1);
    if (suffix === '320') await shoot(page, `popup-empty-${scheme}`, saved);
  }
  await page.close();
}

/**
 * Python in the side panel, at 320 px: the practice workbench after Run tests on the starter file, and a
 * knowledge-base snippet run in place next to its verified output. The first run loads the runtime.
 */
async function shootPython(context: BrowserContext, id: string, scheme: 'light' | 'dark', saved: string[]) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 320, height: 900 });
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`chrome-extension://${id}/sidepanel.html#/practice/print-in-order`);
  const workbench = page.getByRole('region', { name: 'Your solution' });
  await workbench.getByRole('button', { name: 'Run tests' }).click();
  await workbench.getByRole('list', { name: 'Test results' }).waitFor({ timeout: 180_000 });
  await shootElement(workbench, `workbench-${scheme}`, saved);
  await page.goto(`chrome-extension://${id}/sidepanel.html#/question/gather-basics`);
  const snippet = page.locator('.aw-runnable').first();
  await snippet.getByRole('button', { name: 'Run', exact: true }).click();
  await snippet
    .locator('.aw-run-end')
    .filter({ hasText: /Finished|Same as/ })
    .waitFor({ timeout: 180_000 });
  await shootElement(snippet, `run-${scheme}`, saved);
  await page.close();
}

async function shootElement(element: Locator, name: string, saved: string[]) {
  const path = join(OUT, `${name}.png`);
  await element.scrollIntoViewIfNeeded();
  await element.screenshot({ path });
  saved.push(path);
}

async function main() {
  const executablePath = ensureChromium();
  // The build compiles data/ itself (modules/knowledge.ts).
  run('npx', ['wxt', 'build']);
  mkdirSync(OUT, { recursive: true });

  const context = await chromium.launchPersistentContext('', {
    executablePath,
    headless: !headed,
    args: chromiumArgs(EXTENSION_DIR),
    viewport: { width: 1280, height: 820 },
  });
  const demo = readFileSync(DEMO_PAGE, 'utf8');
  await context.route(/^https?:\/\//, (route) =>
    route.request().url() === DEMO_URL
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: demo })
      : route.fulfill({
          status: 404,
          contentType: 'text/plain',
          body: 'Awaitwise demo: only the demo problem is served.',
        }),
  );
  const id = await extensionIdOf(context);
  const saved: string[] = [];

  for (const scheme of ['light', 'dark'] as const) {
    const problem = await context.newPage();
    await problem.emulateMedia({ colorScheme: scheme });
    await problem.goto(DEMO_URL);
    // The overlay's shadow root is closed: reach it the way DevTools does, click it as a user does.
    const overlay = new OverlayProbe(problem);
    await overlay.badgeVisible(15_000);
    await overlay.click('.aw-badge');
    await overlay.click('button', /first hint/i);
    await shoot(problem, `overlay-${scheme}`, saved);

    for (const [name, size] of [
      ['popup', { width: 380, height: 560 }],
      ['sidepanel', { width: 400, height: 820 }],
    ] as const) {
      const view = await context.newPage();
      await view.setViewportSize(size);
      await view.emulateMedia({ colorScheme: scheme });
      await view.goto(`chrome-extension://${id}/${name}.html`);
      // The popup and side panel describe the active tab: put the problem in front, then load them.
      await problem.bringToFront();
      await view.reload();
      await view.getByTestId('detection').waitFor({ timeout: 10_000 });
      await shoot(view, `${name}-${scheme}`, saved);
      if (name === 'sidepanel') await shootReviewAndStats(view, scheme, saved);
      if (!headed) await view.close();
    }
    if (!headed) await problem.close();
  }
  for (const scheme of ['light', 'dark'] as const) {
    await shootPages(context, id, scheme, saved);
    await shootPython(context, id, scheme, saved);
  }

  console.log('\nAwaitwise is running on the demo problem. Screenshots:');
  for (const path of saved) console.log(`  ${path}`);
  if (headed) {
    console.log(
      '\nThe browser stays open: try the badge next to the title, the toolbar popup and the side panel. Close it to exit.',
    );
    await new Promise<void>((resolveClose) => context.on('close', () => resolveClose()));
  } else {
    console.log('\n(No display found, so the browser ran headless. With a display, npm start opens a real window.)');
    await context.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
