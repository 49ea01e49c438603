/**
 * The image half of `npm run store`: screenshots of the built extension in Debian's Chromium (real problem URLs
 * answered from saved pages, as in `npm start`), framed at 1280×800 with a caption: the problem page on the
 * left and the side panel on the right, the way the user sees them. Plus the promo tiles and the icon.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { NAME } from '../../store/listing';
import { chromiumArgs, ensureChromium } from './chromium';
import { OverlayProbe } from './overlay-probe';

type Scheme = 'light' | 'dark';

const WIDTH = 1280;
const HEIGHT = 800;
const CAPTION = 64;
const PANEL = 420;
const BODY = HEIGHT - CAPTION;

/**
 * The demo problem at its real URL, answered from the saved page `npm start` uses, dressed by
 * store/screenshot-page.css (the saved page has the site's markup, not its stylesheets); in light, the site's
 * own dark class is left off, so the page and the overlay that follows its theme are light.
 */
const PROBLEM_URL = 'https://leetcode.com/problems/print-in-order/';

function problemPage(scheme: Scheme): string {
  const saved = readFileSync('tests/fixtures/sites/leetcode-print-in-order.html', 'utf8');
  const dressed = saved.replace(
    '</head>',
    `<style>${readFileSync('store/screenshot-page.css', 'utf8')}</style></head>`,
  );
  if (scheme === 'dark') return dressed;
  const light = dressed.replace('<html lang="en" class="dark" style="color-scheme: dark;">', '<html lang="en">');
  if (light === dressed) throw new Error('the saved page no longer starts with its dark <html> tag');
  return light;
}

interface Frame {
  name: string;
  caption: string;
  scheme: Scheme;
  /** The whole body, or the problem page beside the panel. */
  left: Buffer;
  right?: Buffer;
}

/** The text of a quiz's right answer, so the screenshot shows a right pick with its explanations. */
function rightChoice(quizId: string): string {
  const knowledge = JSON.parse(readFileSync('data/generated/knowledge.json', 'utf8')) as {
    quizzes: { id: string; choices: { text: string; correct?: boolean }[] }[];
  };
  const choice = knowledge.quizzes.find((q) => q.id === quizId)?.choices.find((c) => c.correct);
  if (!choice) throw new Error(`no quiz ${quizId} with a right answer`);
  return choice.text.replace(/\s+/g, ' ').trim();
}

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

const BRAND = { light: '#2457c5', dark: '#1b2d55' };

/** Renders a frame: caption band, then the screenshots side by side with a divider, as one 1280×800 PNG. */
async function compose(page: Page, frame: Frame): Promise<Buffer> {
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  const right = frame.right
    ? `<img src="${dataUrl(frame.right)}" style="width:${PANEL}px;height:${BODY}px;border-left:2px solid #0b1220">`
    : '';
  await page.setContent(`<!doctype html><html><body style="margin:0;width:${WIDTH}px;height:${HEIGHT}px;overflow:hidden;
    font-family:'DejaVu Sans',system-ui,sans-serif;background:#0b1220">
    <div style="height:${CAPTION}px;display:flex;align-items:center;gap:14px;padding:0 24px;box-sizing:border-box;
      background:${BRAND[frame.scheme]};color:#fff">
      <img src="${dataUrl(readFileSync('public/icon/48.png'))}" style="width:32px;height:32px;padding:3px;border-radius:9px;background:#fff">
      <span style="font-size:25px;font-weight:700;letter-spacing:.01em">${frame.caption}</span>
    </div>
    <div style="display:flex;height:${BODY}px"><img src="${dataUrl(frame.left)}"
      style="width:${frame.right ? WIDTH - PANEL - 2 : WIDTH}px;height:${BODY}px">${right}</div>
  </body></html>`);
  return page.screenshot({ type: 'png' });
}

async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

/** A side panel view in a tab of the panel's size, in the scheme's colours. */
async function panelPage(context: BrowserContext, id: string, hash: string, scheme: Scheme): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: PANEL, height: BODY });
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`chrome-extension://${id}/sidepanel.html${hash}`);
  return page;
}

/** Stores a workbench file as the editor does (Dexie `drafts`), from an extension page. */
async function putDraft(context: BrowserContext, id: string, key: string, code: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/options.html`);
  await page.evaluate(
    async ({ key, code }) => {
      const request = indexedDB.open('awaitwise');
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        request.onsuccess = () => ok(request.result);
        request.onerror = () => fail(request.error ?? new Error('could not open the database'));
      });
      const tx = db.transaction('drafts', 'readwrite');
      tx.objectStore('drafts').put({ key, code, updatedAt: Date.now() });
      await new Promise((done) => (tx.oncomplete = done));
      db.close();
    },
    { key, code },
  );
  await page.close();
}

/** Every frame for one colour scheme: overlay, answer with a Run, workbench, quiz, review, stats. */
async function framesFor(context: BrowserContext, id: string, scheme: Scheme, solution: string): Promise<Frame[]> {
  const problem = await context.newPage();
  await problem.setViewportSize({ width: WIDTH - PANEL - 2, height: BODY });
  await problem.emulateMedia({ colorScheme: scheme });
  await problem.route(PROBLEM_URL, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: problemPage(scheme) }),
  );
  await problem.goto(PROBLEM_URL);
  await new OverlayProbe(problem).badgeVisible(30_000);
  const beside = await problem.screenshot();

  // The panel's "This page" describes the active tab: put the problem in front, then load it.
  const thisPage = await panelPage(context, id, '#/page', scheme);
  await problem.bringToFront();
  await thisPage.reload();
  await thisPage.getByTestId('detection').waitFor({ timeout: 15_000 });
  const overlay = new OverlayProbe(problem);
  await overlay.click('.aw-badge');
  await overlay.click('button', /first hint/i);
  const frames: Frame[] = [
    {
      name: 'overlay',
      caption: 'Hints on the problem itself, one at a time',
      scheme,
      left: await problem.screenshot(),
      right: await thisPage.screenshot(),
    },
  ];
  await thisPage.close();

  const answer = await panelPage(context, id, '#/question/gather-basics', scheme);
  const runnable = answer.locator('.aw-runnable').first();
  await runnable.getByRole('button', { name: 'Run', exact: true }).click();
  await runnable.locator('.aw-run-end').waitFor({ timeout: 180_000 });
  // The snippet's box at the top edge: no line of text cut in half.
  await runnable.evaluate((box) => box.scrollIntoView({ block: 'start' }));
  await answer.evaluate(() => window.scrollBy(0, -12));
  frames.push({
    name: 'answer-run',
    caption: 'Full answers with snippets you can run in real CPython',
    scheme,
    left: beside,
    right: await answer.screenshot(),
  });
  await answer.close();

  await putDraft(context, id, 'practice:print-in-order', solution);
  const practice = await panelPage(context, id, '#/practice/print-in-order', scheme);
  const workbench = practice.getByRole('region', { name: 'Your solution' });
  await workbench.getByRole('button', { name: 'Run tests' }).click();
  await workbench.getByText(/^All \d+ tests passed\.$/).waitFor({ timeout: 180_000 });
  await workbench.getByRole('list', { name: 'Test results' }).scrollIntoViewIfNeeded();
  frames.push({
    name: 'workbench',
    caption: 'Practice problems with tests, in a workbench',
    scheme,
    left: beside,
    right: await practice.screenshot(),
  });
  await practice.close();

  const quiz = await panelPage(context, id, '#/quiz/quiz-gather-result-order', scheme);
  await quiz
    .locator('.aw-quiz-pick')
    .filter({ hasText: rightChoice('quiz-gather-result-order') })
    .click();
  await quiz.locator('.aw-quiz-verdict').waitFor();
  // From the verdict down: every choice with its explanation.
  await quiz.locator('.aw-quiz-verdict').evaluate((verdict) => verdict.scrollIntoView({ block: 'start' }));
  await quiz.evaluate(() => window.scrollBy(0, -12));
  frames.push({
    name: 'quiz',
    caption: 'Predict-the-output quizzes that explain every choice',
    scheme,
    left: beside,
    right: await quiz.screenshot(),
  });
  await quiz.close();

  const review = await panelPage(context, id, '#/review', scheme);
  await review.bringToFront();
  const add = review.getByRole('button', { name: /Add the fundamentals/i });
  await review.locator('.aw-review-card').or(add).first().waitFor({ timeout: 15_000 });
  if (await add.isVisible()) await add.click();
  await review.locator('.aw-review-card').waitFor({ timeout: 15_000 });
  for (const grade of ['3', '3', '4', '1', '3']) {
    await review.keyboard.press('Space');
    await review.locator('.aw-rating').waitFor();
    await review.keyboard.press(grade);
    await review.locator('.aw-rating').waitFor({ state: 'detached' });
  }
  await review.getByRole('button', { name: 'Show answer' }).click();
  await review.locator('.aw-rating').waitFor();
  frames.push({
    name: 'review',
    caption: 'Spaced-repetition review, from the keyboard',
    scheme,
    left: beside,
    right: await review.screenshot(),
  });
  await review.goto(`chrome-extension://${id}/sidepanel.html#/stats`);
  await review.locator('svg').first().waitFor({ timeout: 15_000 });
  frames.push({
    name: 'stats',
    caption: 'Streak, forecast and retention at a glance',
    scheme,
    left: beside,
    right: await review.screenshot(),
  });
  await review.close();
  await problem.close();
  return frames;
}

/** The 440×280 small tile and the 1400×560 marquee: the icon, the name, the promise, and a real screenshot. */
async function promoTiles(page: Page, out: string, panelShot: Buffer): Promise<string[]> {
  const icon = dataUrl(readFileSync('public/icon/128.png'));
  const tile = async (file: string, width: number, height: number, body: string) => {
    await page.setViewportSize({ width, height });
    await page.setContent(`<!doctype html><html><body style="margin:0;width:${width}px;height:${height}px;
      overflow:hidden;font-family:'DejaVu Sans',system-ui,sans-serif;color:#fff;
      background:linear-gradient(135deg,#2457c5 0%,#1b2d55 100%)">${body}</body></html>`);
    writeFileSync(join(out, file), await page.screenshot({ type: 'png' }));
    return file;
  };
  return [
    await tile(
      'small-tile-440x280.png',
      440,
      280,
      `<div style="display:flex;flex-direction:column;align-items:center;justify-content:center;height:100%;gap:12px">
        <img src="${icon}" style="width:96px;height:96px">
        <div style="font-size:38px;font-weight:700">${NAME}</div>
        <div style="font-size:19px;opacity:.92">Asyncio interview practice</div></div>`,
    ),
    await tile(
      'marquee-1400x560.png',
      1400,
      560,
      `<div style="display:flex;align-items:center;height:100%;padding:0 64px;gap:56px;box-sizing:border-box">
        <div style="flex:1">
          <img src="${icon}" style="width:112px;height:112px">
          <div style="font-size:64px;font-weight:700;margin-top:18px">${NAME}</div>
          <div style="font-size:30px;line-height:1.35;margin-top:14px;opacity:.94">Asyncio interview practice,<br>right on the problem page</div>
        </div>
        <img src="${dataUrl(panelShot)}" style="height:480px;border-radius:10px;box-shadow:0 12px 40px rgba(0,0,0,.45)">
      </div>`,
    ),
  ];
}

/** Takes every image into `out`: the screenshots in both schemes, the promo tiles and the icon. */
export async function takeStoreImages(out: string, solution: string): Promise<void> {
  const extension = resolve('.output/chrome-mv3');
  const context = await chromium.launchPersistentContext('', {
    executablePath: ensureChromium(),
    headless: true,
    args: chromiumArgs(extension),
    viewport: { width: WIDTH, height: HEIGHT },
  });
  try {
    // Nothing else is reachable; each problem tab answers the demo URL itself (framesFor).
    await context.route(/^https?:\/\//, (route) =>
      route.fulfill({ status: 404, contentType: 'text/plain', body: 'not part of the store screenshots' }),
    );
    const id = await extensionIdOf(context);
    const canvas = await context.newPage();
    let panelForMarquee: Buffer | undefined;
    for (const scheme of ['light', 'dark'] as const) {
      for (const frame of await framesFor(context, id, scheme, solution)) {
        const file = `screenshot-${frame.name}-${scheme}.png`;
        writeFileSync(join(out, file), await compose(canvas, frame));
        if (frame.name === 'workbench' && scheme === 'light') panelForMarquee = frame.right;
      }
    }
    await promoTiles(canvas, out, panelForMarquee!);
    copyFileSync('public/icon/128.png', join(out, 'icon-128.png'));
  } finally {
    await context.close();
  }
}
