/**
 * Review, the deck and code as a keyboard user and a narrow panel meet them: Anki's keys, a Space straight
 * after switching to Review, the view tabs, code that wraps instead of scrolling, the deck browser.
 * Screenshots go to .output/screenshots/ux/ (not kept in the repository).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, openExtensionPage, test } from './fixtures';
import type { Knowledge } from '../../utils/knowledge-types';

const knowledge = JSON.parse(readFileSync('data/generated/knowledge.json', 'utf8')) as Knowledge;
const SHOTS = '.output/screenshots/ux';
const longestLine = (code: string) => Math.max(...code.split('\n').map((l) => l.length));
/** Question cards with the widest code, to check beside every quiz. */
const wideCards = [...knowledge.questions]
  .sort(
    (a, b) =>
      Math.max(0, ...b.snippets.map((s) => longestLine(s.code))) -
      Math.max(0, ...a.snippets.map((s) => longestLine(s.code))),
  )
  .slice(0, 4)
  .map((q) => q.id);

/** Code blocks (and quiz choices) wider than their box: each would scroll sideways. */
const sidewaysScrollers = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('pre, .aw-code, .aw-quiz-text, .cm-scroller')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.className || el.tagName}: ${el.scrollWidth} > ${el.clientWidth}`),
  );

async function noAxeViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${what}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Holds a read-write transaction on the cards until `release`: the panel's reads of the deck wait behind it. */
async function holdCards(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const g = globalThis as unknown as { __release?: boolean };
        g.__release = false;
        const open = indexedDB.open('awaitwise');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const tx = open.result.transaction('cards', 'readwrite');
          const store = tx.objectStore('cards');
          // A transaction stays open while it has requests pending: keep one in flight until released.
          const spin = () => {
            if (!g.__release) store.count().onsuccess = spin;
          };
          spin();
          tx.oncomplete = () => open.result.close();
          resolve();
        };
      }),
  );
  return () =>
    page.evaluate(() => {
      (globalThis as unknown as { __release?: boolean }).__release = true;
    });
}

async function startReview(page: Page) {
  await page.getByRole('tab', { name: 'Review' }).click();
  await page.getByRole('button', { name: /Add the fundamentals/i }).click();
  await expect(page.locator('.aw-review-question')).toBeVisible();
}

test('code wraps at 320 and 400 px in every quiz and the widest cards, each continuation marked', async ({
  context,
  extensionId,
}) => {
  // Every quiz (51), answered and not, at two widths: more page work than the default budget on a loaded machine.
  test.slow();
  const page = await openExtensionPage(context, extensionId, 'sidepanel.html');
  const quizzes = knowledge.quizzes ?? [];
  expect(quizzes.length).toBeGreaterThanOrEqual(40);
  for (const width of [320, 400]) {
    await page.setViewportSize({ width, height: 800 });
    for (const quiz of quizzes) {
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html#/quiz/${quiz.id}`);
      await expect(page.getByRole('heading', { name: quiz.prompt })).toBeVisible();
      expect(await sidewaysScrollers(page), `${quiz.id} at ${width}px`).toEqual([]);
      // Answered: the output and the runnable snippet appear; they wrap too.
      await page.keyboard.press('a');
      await expect(page.locator('.aw-output')).toBeVisible();
      expect(await sidewaysScrollers(page), `${quiz.id} answered at ${width}px`).toEqual([]);
    }
    for (const id of wideCards) {
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html#/question/${id}`);
      await expect(page.locator('.aw-code pre').first()).toBeVisible();
      expect(await sidewaysScrollers(page), `${id} at ${width}px`).toEqual([]);
    }
  }

  // The line that decides quiz-gather-result-order is in view at 320 px: wrapped, with ↪ on its second row.
  await page.setViewportSize({ width: 320, height: 900 });
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html#/quiz/quiz-gather-result-order`);
  const lines = page.locator('.aw-quiz .aw-code-line');
  await expect(lines.first()).toBeVisible();
  const wrapped = await lines.evaluateAll((els) =>
    els
      .filter((el) => el.getBoundingClientRect().height > parseFloat(getComputedStyle(el).lineHeight) * 1.5)
      .map((el) => ({ text: el.textContent ?? '', mark: getComputedStyle(el, '::before').content })),
  );
  expect(wrapped.length).toBeGreaterThan(0);
  expect(wrapped[0]!.mark).toContain('↪');
  // Copying takes the code as written: no marks, one line each.
  const code = knowledge.quizzes!.find((q) => q.id === 'quiz-gather-result-order')!.snippets[0].code;
  const copied = await page.locator('.aw-quiz .aw-code pre code').innerText();
  expect(copied.replace(/\n$/, '')).toBe(code.replace(/\n$/, ''));
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOTS}/quiz-320-${scheme}.png`, fullPage: true });
  }
});

test('Space straight after switching to Review is never lost, even while the deck is still being read', async ({
  context,
  extensionId,
}) => {
  const page = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await startReview(page);
  const answer = page.getByRole('group', { name: 'How well did you remember it?' });
  for (let i = 0; i < 4; i++) {
    // A fresh page each time: nothing of the deck is in Dexie's memory, so Review has to read it and waits.
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html#/stats`);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Statistics' })).toBeVisible();
    const release = await holdCards(page);
    await page.getByRole('tab', { name: 'Review' }).click();
    await page.keyboard.press('Space');
    // The key came while the deck was still being read.
    await expect(page.getByText('Loading your cards…')).toBeVisible();
    await release();
    await expect(answer).toBeVisible();
    await page.keyboard.press('3');
    await expect(page.locator('.aw-review-keys')).toContainText('show answer');
  }
  // And without holding anything back: the plain race of a quick user.
  for (let i = 0; i < 4; i++) {
    await page.getByRole('tab', { name: 'Deck' }).click();
    await page.getByRole('tab', { name: 'Review' }).click();
    await page.keyboard.press('Space');
    await expect(answer).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('.aw-review-keys')).toContainText('show answer');
  }
  const ratings = await page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const open = indexedDB.open('awaitwise');
        open.onsuccess = () => {
          const get = open.result.transaction('reviewLogs').objectStore('reviewLogs').getAll();
          get.onsuccess = () => resolve((get.result as { rating: number }[]).map((l) => l.rating));
        };
      }),
  );
  expect(ratings).toEqual([3, 3, 3, 3, 3, 3, 3, 3]);
});

test('an answer shown stays shown across views; Ctrl+Z undoes; - and @ bury and suspend with Undo', async ({
  context,
  extensionId,
}) => {
  const page = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await startReview(page);
  await expect(page).toHaveTitle('Review · Awaitwise');
  const first = await page.locator('.aw-review-question').innerText();
  await page.keyboard.press('Space');
  const answer = page.getByRole('group', { name: 'How well did you remember it?' });
  await expect(answer).toBeVisible();
  await page.getByRole('tab', { name: 'Browse' }).click();
  await expect(page).toHaveTitle('Browse · Awaitwise');
  await page.getByRole('tab', { name: 'Review' }).click();
  await expect(answer).toBeVisible();
  await expect(page.locator('.aw-review-question')).toHaveText(first);
  // Target size: the answer's links are at least 24 px high.
  for (const name of [/^Full answer/, 'Open in the question view']) {
    const box = await page.getByText(name).first().boundingBox();
    expect(box!.height, String(name)).toBeGreaterThanOrEqual(24);
  }
  await page.keyboard.press('Space');
  await expect(page.locator('.aw-review-question')).not.toHaveText(first);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.aw-review-question')).toHaveText(first);

  await page.keyboard.press('-');
  await expect(page.getByRole('status').filter({ hasText: 'buried' })).toBeVisible();
  await expect(page.locator('.aw-review-question')).not.toHaveText(first);
  const second = await page.locator('.aw-review-question').innerText();
  await page.keyboard.press('@');
  await expect(page.getByRole('status').filter({ hasText: 'suspended' })).toBeVisible();
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.aw-review-question')).toHaveText(second);
  await page.getByText('Card actions').click();
  await expect(page.getByRole('button', { name: 'Suspend' })).toHaveAttribute('aria-keyshortcuts', '@');
  await expect(page.getByRole('button', { name: 'Bury until tomorrow' })).toHaveAttribute('aria-keyshortcuts', '-');
});

test('the view tabs: one Tab stop, arrows, Home and End move and show, Tab leaves the list', async ({
  context,
  extensionId,
}) => {
  const page = await openExtensionPage(context, extensionId, 'sidepanel.html#/browse');
  const tabs = page.getByRole('tab');
  await expect(tabs).toHaveCount(5);
  await expect(page.locator('[role="tab"][tabindex="0"]')).toHaveCount(1);
  await page.getByRole('tab', { name: 'Browse' }).focus();
  await page.keyboard.press('ArrowRight');
  const review = page.getByRole('tab', { name: 'Review' });
  await expect(review).toBeFocused();
  await expect(review).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/#\/review$/);
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Stats' })).toBeFocused();
  await expect(page).toHaveURL(/#\/stats$/);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'This page' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Stats' })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.getByRole('tab', { name: 'This page' })).toBeFocused();
  await expect(page).toHaveURL(/#\/page$/);
  // The view loads its chunk, then the tab's state: Tab goes into what it shows once it has settled (pressed
  // earlier, focus could land past the view, and Shift+Tab come back to the view's last control instead).
  await expect(page.locator('#panel-main')).not.toBeEmpty();
  await expect(page.locator('#panel-main [aria-busy="true"]')).toHaveCount(0);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).not.toBe('tab');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('tab', { name: 'This page' })).toBeFocused();
  await expect(page.locator('[role="tab"][tabindex="0"]')).toHaveText('This page');
});

test('the review header at 400 px and 200 %: counts on one line, and the grade digits clear of their labels', async ({
  context,
  extensionId,
}) => {
  const page = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await page.setViewportSize({ width: 400, height: 800 });
  await startReview(page);
  await page.keyboard.press('Space');
  await expect(page.getByRole('group', { name: 'How well did you remember it?' })).toBeVisible();
  const header = await page.locator('.aw-review-bar').evaluate((bar) => {
    const counts = bar.querySelector('.aw-review-counts')!;
    const tops = new Set([...bar.children].map((c) => Math.round(c.getBoundingClientRect().top)));
    return {
      rows: tops.size,
      countLines: Math.round(counts.getBoundingClientRect().height / parseFloat(getComputedStyle(counts).lineHeight)),
    };
  });
  expect(header.countLines).toBe(1);
  expect(header.rows).toBeLessThanOrEqual(2);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.locator('.aw-review').screenshot({ path: `${SHOTS}/review-400-${scheme}.png` });
  }

  // Text at 200 % (the browser's text size, or zoom on a panel at its narrowest): longer labels wrap inside
  // the rating buttons; a digit placed over the label would now cover it.
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  const overlaps = await page.locator('.aw-rate').evaluateAll((buttons) =>
    buttons.flatMap((button) => {
      const digit = button.querySelector('kbd')!.getBoundingClientRect();
      const range = document.createRange();
      range.setStartAfter(button.querySelector('kbd')!);
      range.setEndAfter(button.lastChild!);
      return [...range.getClientRects()]
        .filter(
          (r) =>
            r.width > 0 && r.left < digit.right && digit.left < r.right && r.top < digit.bottom && digit.top < r.bottom,
        )
        .map(() => button.textContent);
    }),
  );
  expect(overlaps).toEqual([]);
  await page.locator('.aw-review').screenshot({ path: `${SHOTS}/review-400-text200.png` });
  await noAxeViolations(page, 'review revealed');
});

test('the deck browser: typo search, columns, sorting, card info, a selection with Undo; screenshots', async ({
  context,
  extensionId,
}) => {
  const page = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await startReview(page);
  // Some history: rate three cards.
  for (const key of ['3', '1', '4']) {
    await page.keyboard.press('Space');
    await page.keyboard.press(key);
  }
  await page.getByRole('tab', { name: 'Deck' }).click();
  await expect(page).toHaveTitle('Deck · Awaitwise');
  const rows = page.getByTestId('deck-row');
  await expect(rows).toHaveCount(10);
  await expect(page.getByRole('columnheader')).toHaveText([/^Due/, /^Interval/, /^Reviews/, /^Lapses/]);
  await page.getByRole('button', { name: 'Reviews' }).click();
  await page.getByRole('button', { name: 'Reviews' }).click();
  await expect(page.getByRole('columnheader', { name: /^Reviews/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.first().locator('.aw-deck-figures td').nth(2)).toHaveText('1');
  await rows
    .first()
    .getByRole('button', { name: /^Card info/ })
    .click();
  await expect(page.getByRole('table', { name: 'Review history, oldest first' })).toBeVisible();
  await noAxeViolations(page, 'deck with card info');
  await page.setViewportSize({ width: 320, height: 900 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOTS}/deck-320-${scheme}.png`, fullPage: true });
  }

  await page.getByRole('checkbox', { name: /^Select all/ }).check();
  const bar = page.getByRole('toolbar', { name: 'Selected cards' });
  await expect(bar).toContainText('10 selected');
  await bar.getByRole('button', { name: 'Suspend', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '10 cards suspended' })).toBeVisible();
  await expect(rows.locator('.aw-chip', { hasText: 'Suspended' })).toHaveCount(10);
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(rows.locator('.aw-chip', { hasText: 'Suspended' })).toHaveCount(0);
  await bar.getByRole('button', { name: 'Clear selection' }).click();
});

test('the deck browser finds cards with a typo ("evnt"), and fits a 200 % zoomed panel', async ({
  context,
  extensionId,
}) => {
  const page = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await startReview(page);
  const rows = page.getByTestId('deck-row');
  await page.getByRole('tab', { name: 'Deck' }).click();
  // "evnt" finds the Event card first, as in Browse.
  await page.getByRole('searchbox').fill('evnt');
  const event = knowledge.questions.find((q) => q.id === 'event-primitive')!.question.replace(/`/g, '');
  await expect(rows.first()).toContainText(event);
  await expect(page.getByText(/^\d of 10 cards$/)).toBeVisible();
  await page.getByRole('searchbox').fill('');
  await expect(rows).toHaveCount(10);

  // A 640 px panel with text at 200 %: as much text per line as 320 px, with everything else at twice its size.
  const zoomed = await context.newPage();
  await zoomed.setViewportSize({ width: 640, height: 1000 });
  await zoomed.goto(`chrome-extension://${extensionId}/sidepanel.html#/deck`);
  await zoomed.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  await expect(zoomed.getByTestId('deck-row')).toHaveCount(10);
  await zoomed
    .getByTestId('deck-row')
    .first()
    .getByRole('button', { name: /^Card info/ })
    .click();
  await zoomed.getByTestId('deck-row').first().getByRole('checkbox').check();
  const overflow = await zoomed.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await zoomed.screenshot({ path: `${SHOTS}/deck-200pc.png`, fullPage: true });
});

test('Stats lead with the day, and every panel view has its own title', async ({ context, extensionId }) => {
  const page = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await startReview(page);
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await page.getByRole('tab', { name: 'Stats' }).click();
  await expect(page).toHaveTitle('Stats · Awaitwise');
  await expect(page.getByTestId('reviews-today')).toHaveText('1 review');
  const first = page.locator('.aw-stats dt').first();
  await expect(first).toHaveText('Today');
  await expect(page.getByText(/topics not started yet$/)).toBeVisible();
  await page.setViewportSize({ width: 360, height: 1400 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOTS}/stats-${scheme}.png`, fullPage: true });
  }
  for (const [hash, title] of [
    ['#/page', 'This page'],
    ['#/question/gather-basics', 'Question'],
    ['#/practice/print-in-order', 'Practice'],
    ['#/interview', 'Mock interview'],
  ] as const) {
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html${hash}`);
    await expect(page).toHaveTitle(`${title} · Awaitwise`);
  }
});

test('the practice editor can be scrolled from the keyboard (axe: scrollable-region-focusable)', async ({
  context,
  extensionId,
}) => {
  const page = await openExtensionPage(context, extensionId, 'sidepanel.html#/practice/print-in-order');
  await page.setViewportSize({ width: 320, height: 700 });
  await expect(page.locator('.cm-editor')).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).withRules(['scrollable-region-focusable']).analyze();
  expect(violations.map((v) => v.nodes.map((n) => n.target.join(' ')).join(', '))).toEqual([]);
});

test('Export for Anki saves a file Anki imports: headers, then one note per line', async ({ context, extensionId }) => {
  const page = await openExtensionPage(context, extensionId, 'options.html');
  await page.getByRole('radio', { name: /All \d+ cards and quizzes/ }).check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export for Anki' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^awaitwise-anki-\d{4}-\d{2}-\d{2}\.txt$/);
  const text = readFileSync(await download.path(), 'utf8');
  const lines = text.split('\n');
  expect(lines.slice(0, 2)).toEqual(['#separator:tab', '#html:true']);
  expect(lines.filter((l) => l && !l.startsWith('#'))).toHaveLength(
    knowledge.questions.length + (knowledge.quizzes ?? []).length,
  );
  await expect(page.getByText(/^Exported \d+ notes for Anki\./)).toBeVisible();
  // The file as a user opening it in a text viewer sees it.
  const viewer = await context.newPage();
  await viewer.setViewportSize({ width: 1000, height: 700 });
  await viewer.setContent(`<pre style="white-space:pre;font:12px monospace"></pre>`);
  await viewer.locator('pre').evaluate((pre, t) => (pre.textContent = t.split('\n').slice(0, 14).join('\n')), text);
  await viewer.screenshot({ path: `${SHOTS}/anki-file.png` });
});
