/** Predict-the-output quizzes and the mock interview, used from the keyboard only; screenshots at 320 px. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openExtensionPage, screenshotPath, test } from './fixtures';
import { choiceOrder } from '../../utils/quiz/answer';
import { readFileSync } from 'node:fs';
import type { Knowledge } from '../../utils/knowledge-types';

const knowledge = JSON.parse(readFileSync('data/generated/knowledge.json', 'utf8')) as Knowledge;
const QUIZ_ID = 'quiz-gather-error-siblings-continue';
const quiz = knowledge.quizzes!.find((q) => q.id === QUIZ_ID)!;
const order = choiceOrder(quiz.id, quiz.choices.length);
/** The letter shown next to the correct choice, and next to a wrong one. */
const rightLetter = 'abcd'[order.findIndex((i) => quiz.choices[i]!.correct)]!;
const wrongLetter = 'abcd'[order.findIndex((i) => !quiz.choices[i]!.correct)]!;

async function noAxeViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${what}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('answer a quiz with the keyboard, add it to the deck, answer it wrong in Review: Again is recorded', async ({
  context,
  extensionId,
}) => {
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html#/quiz/${QUIZ_ID}`);
  await expect(panel.getByRole('heading', { name: quiz.prompt })).toBeFocused();
  // The output is the answer: not on screen before a pick.
  await expect(panel.locator('.aw-output')).toHaveCount(0);
  await panel.keyboard.press(rightLetter);
  await expect(panel.getByRole('status')).toContainText('Right');
  await expect(panel.locator('.aw-output pre')).toHaveText(quiz.snippets[0].output!);
  for (const c of quiz.choices) await expect(panel.getByText(c.explanation)).toBeVisible();
  await noAxeViolations(panel, 'quiz answered');

  // Once answered, the snippet runs in the browser's Python ("Show what happened") and can be edited.
  const runnable = panel.locator('.aw-runnable');
  await runnable.getByRole('button', { name: 'Show what happened' }).click();
  await expect(runnable.locator('.aw-run-end')).toContainText('Same as the verified output', { timeout: 120_000 });
  await runnable.getByRole('button', { name: 'Try it' }).click();
  await runnable.locator('.cm-content').click();
  await panel.keyboard.press('Control+End');
  await panel.keyboard.insertText('\nprint("edited")');
  await panel.keyboard.press('Control+Enter');
  await expect(runnable.locator('.aw-run-text')).toContainText('edited');

  // Add it to the flashcards from the keyboard, then review it.
  await panel.getByRole('button', { name: 'Add to flashcards' }).focus();
  await panel.keyboard.press('Enter');
  await expect(panel.getByRole('button', { name: 'Remove from flashcards' })).toBeVisible();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html#/review`);
  await expect(panel.locator('.aw-review-counts')).toContainText('1 new');
  await expect(panel.getByRole('heading', { name: quiz.prompt })).toBeVisible();
  // Two steps with keys of their own, said on the step line: pick with a letter, then rate.
  await expect(panel.getByTestId('quiz-step')).toContainText('Step 1 of 2');
  await panel.keyboard.press(wrongLetter.toUpperCase());
  await expect(panel.getByRole('status').filter({ hasText: 'Not quite' })).toBeVisible();
  await expect(panel.getByTestId('quiz-step')).toContainText('Step 2 of 2');
  await expect(panel.getByRole('button', { name: /^Again .*\(suggested\)$/ })).toBeVisible();
  await panel.keyboard.press('Enter');
  // Again puts it into learning: still in today's queue, now as a learning card.
  await expect(panel.locator('.aw-review-counts')).toContainText('0 new · 1 learning');
  const ratings = await panel.evaluate(
    () =>
      new Promise<number[]>((resolve, reject) => {
        const open = indexedDB.open('awaitwise');
        open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
        open.onsuccess = () => {
          const get = open.result.transaction('reviewLogs').objectStore('reviewLogs').getAll();
          get.onsuccess = () => resolve((get.result as { rating: number }[]).map((l) => l.rating));
        };
      }),
  );
  expect(ratings).toEqual([1]);
});

test('run a 2-question mock interview to its summary with the keyboard; Stats keeps it', async ({
  context,
  extensionId,
}) => {
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html#/interview');
  const start = panel.getByRole('button', { name: 'Start the interview' });
  await expect(start).toBeFocused();
  // Questions is the first field: Shift+Tab back to it, pick 2 with the arrow keys.
  await panel.getByLabel('Questions').focus();
  await panel.getByLabel('Questions').selectOption('2');
  await start.focus();
  await panel.keyboard.press('Enter');

  for (let i = 0; i < 2; i++) {
    await expect(panel.getByRole('article', { name: `Question ${i + 1} of 2` })).toBeVisible();
    const box = panel.getByLabel('Your answer, as you would say it');
    await expect(box).toBeFocused();
    await panel.keyboard.type(`It depends on the event loop, answer ${i + 1}.`);
    await panel.keyboard.press('Control+Enter');
    await expect(panel.getByRole('heading', { name: 'Model answer' })).toBeFocused();
    await expect(panel.getByText(`It depends on the event loop, answer ${i + 1}.`)).toBeVisible();
    // Tab through the full-answer toggle to the first key point; Space ticks it.
    const first = panel.getByRole('checkbox').first();
    for (let n = 0; n < 5 && !(await first.evaluate((el) => el === document.activeElement)); n++)
      await panel.keyboard.press('Tab');
    await expect(first).toBeFocused();
    await panel.keyboard.press('Space');
    await expect(first).toBeChecked();
    await panel.keyboard.press(i === 0 ? '3' : '2');
  }
  const summary = panel.getByRole('heading', { name: 'Interview summary' });
  await expect(summary).toBeFocused();
  await expect(panel.locator('.aw-interview-table tbody tr')).toHaveCount(2);
  await expect(panel.getByText(/2 answers in \d+:\d\d · 2 of \d+ key points covered/)).toBeVisible();
  await noAxeViolations(panel, 'interview summary');

  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html#/stats`);
  await expect(panel.getByRole('heading', { name: 'Mock interviews' })).toBeVisible();
  await expect(panel.getByText(/^1 interview/)).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots at 320 px: an answered quiz and an interview summary (${scheme})`, async ({
    context,
    extensionId,
  }) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 320, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html#/quiz/${QUIZ_ID}`);
    await expect(page.getByRole('heading', { name: quiz.prompt })).toBeFocused();
    await page.keyboard.press(wrongLetter);
    await expect(page.getByRole('status').filter({ hasText: 'Not quite' })).toBeVisible();
    await page.screenshot({ path: screenshotPath(`quiz-${scheme}`), fullPage: true });
    // Not kept: the same quiz in Review, with the suggested rating.
    await page.getByRole('button', { name: 'Add to flashcards' }).click();
    await expect(page.getByRole('button', { name: 'Remove from flashcards' })).toBeVisible();
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html#/review`);
    await expect(page.getByRole('heading', { name: quiz.prompt })).toBeFocused();
    await page.keyboard.press(rightLetter);
    await expect(page.getByRole('button', { name: /^Good .*\(suggested\)$/ })).toBeVisible();
    await page.screenshot({ path: `test-results/review-quiz-${scheme}.png`, fullPage: true });

    await page.goto(`chrome-extension://${extensionId}/sidepanel.html#/interview`);
    await page.getByLabel('Questions').selectOption('2');
    await page.getByRole('button', { name: 'Start the interview' }).click();
    for (let i = 0; i < 2; i++) {
      await expect(page.getByRole('article', { name: `Question ${i + 1} of 2` })).toBeVisible();
      await page.getByLabel('Your answer, as you would say it').fill('Tasks run when the loop gets control back.');
      await page.keyboard.press('Control+Enter');
      await page.getByRole('checkbox').first().check();
      // Not kept: for looking at the middle of the flow when changing it.
      if (i === 0) await page.screenshot({ path: `test-results/interview-step-${scheme}.png`, fullPage: true });
      await page.keyboard.press(i === 0 ? '3' : '4');
    }
    await expect(page.getByRole('heading', { name: 'Interview summary' })).toBeVisible();
    await page.screenshot({ path: screenshotPath(`interview-${scheme}`), fullPage: true });
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html#/stats`);
    await expect(page.getByRole('heading', { name: 'Mock interviews' })).toBeVisible();
    await page.getByRole('heading', { name: 'Mock interviews' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/stats-interviews-${scheme}.png` });
    await page.close();
  });
}
