/**
 * The event-loop timeline in Firefox ESR with the built add-on: a card's Run draws one lane per task, named;
 * keyboard focus walks the slices; an edited copy that calls time.sleep gets its blocked stretch announced.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, recordErrors, until, type Firefox } from './firefox';

let ff: Firefox;
beforeAll(async () => {
  ff = await launchFirefox();
});
afterAll(async () => ff?.close());

/** Pyodide's cold start in Firefox on a shared 2-core machine. */
const RUN_TIMEOUT = 120_000;

const BLOCKING = [
  'import asyncio',
  'import time',
  '',
  'async def ticker():',
  '    for _ in range(6):',
  '        await asyncio.sleep(0.05)',
  '',
  'async def blocker():',
  '    await asyncio.sleep(0.08)',
  '    time.sleep(0.2)',
  '    await asyncio.sleep(0.05)',
  '',
  'async def main():',
  '    await asyncio.gather(ticker(), blocker())',
  '',
  'asyncio.run(main())',
  '',
].join('\n');

/**
 * Types code into the CodeMirror editor line by line (WebDriver BiDi sends one character at a time), undoing
 * the editor's own indentation of each new line down to the line's.
 */
async function typeCode(page: Page, code: string) {
  const lines = code.split('\n');
  for (const [i, line] of lines.entries()) {
    const want = line.length - line.trimStart().length;
    const have = await page.evaluate(() => {
      const text = document.querySelector('.aw-runnable .cm-activeLine')?.textContent ?? '';
      return text.length - text.trimStart().length;
    });
    // Backspace in leading white space goes back one indentation unit (4 spaces).
    for (let n = have; n > want; n -= 4) await page.keyboard.press('Backspace');
    await page.keyboard.type(' '.repeat(Math.max(0, want - have)) + line.trimStart());
    if (i < lines.length - 1) await page.keyboard.press('Enter');
  }
}

const laneNames = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.aw-timeline .aw-tl-lanes [role="list"]')].map((l) => l.getAttribute('aria-label')),
  );
const focusedSlice = (page: Page) =>
  page.evaluate(() =>
    document.activeElement?.getAttribute('aria-roledescription') === 'slice'
      ? document.activeElement.getAttribute('aria-label')
      : null,
  );
const statusText = (page: Page) =>
  page.evaluate(() => document.querySelector('.aw-timeline [role="status"]')?.textContent ?? '');
const clickButton = async (page: Page, name: string) => {
  const [button] = await page.$$(`xpath/.//button[normalize-space()="${name}"]`);
  if (!button) throw new Error(`no button named ${name}`);
  await button.click();
};

describe('Firefox: the timeline', () => {
  it(
    'a card run draws one lane per task and keyboard focus walks the slices',
    async () => {
      const page = await ff.extensionPage('sidepanel.html#/question/gather-basics');
      const errors = await recordErrors(page);
      await until(() => page.$('.aw-run-bar'), 'the Run button');
      await clickButton(page, 'Run');
      await until(async () => (await laneNames(page)).length > 0, 'the timeline', RUN_TIMEOUT);
      expect(await laneNames(page)).toEqual(['main', 'lookup #1', 'lookup #2', 'lookup #3']);
      expect(await statusText(page)).toMatch(/^4 tasks in \d+ ms · at most 4 running or waiting at once/);

      await page.evaluate(() => document.querySelector<SVGElement>('.aw-tl-lanes [tabindex="0"]')?.focus());
      expect(await focusedSlice(page)).toMatch(/^main: running .* line 8$/);
      await page.keyboard.press('ArrowDown');
      await until(async () => /^lookup #1: /.test((await focusedSlice(page)) ?? ''), 'focus on lookup #1');
      await page.keyboard.press('Home');
      await until(
        async () => /^lookup #1: running .* line 3$/.test((await focusedSlice(page)) ?? ''),
        'its first slice',
      );
      await page.keyboard.press('ArrowRight');
      await until(
        async () => /^lookup #1: waiting on sleep\(0\.3\) .* line 4$/.test((await focusedSlice(page)) ?? ''),
        "focus on lookup #1's sleep",
      );
      // The code's mark follows the focus on the next render.
      const marked = () => page.evaluate(() => document.querySelector('.aw-code-line-marked')?.textContent ?? '');
      await until(async () => (await marked()).includes('await asyncio.sleep(seconds)'), 'the sleep line marked');
      expect(await errors()).toEqual([]);
    },
    RUN_TIMEOUT + 30_000,
  );

  it(
    'a blocked stretch is announced with the line of time.sleep',
    async () => {
      const page = await ff.extensionPage('sidepanel.html#/question/time-sleep-vs-asyncio-sleep');
      await until(() => page.$('.aw-run-bar'), 'the Try it button');
      await clickButton(page, 'Try it');
      const editor = await until(() => page.$('.aw-runnable .cm-content'), 'the editor');
      await editor.click();
      await page.keyboard.down('Control');
      await page.keyboard.press('a');
      await page.keyboard.up('Control');
      await typeCode(page, BLOCKING);
      await until(
        () =>
          page.evaluate(() =>
            [...document.querySelectorAll('.aw-runnable .cm-line')].map((l) => l.textContent?.trimEnd()).join('\n'),
          ),
        'the edited code',
      ).then((typed) => expect(typed.trimEnd()).toBe(BLOCKING.trimEnd()));
      await clickButton(page, 'Run my copy');
      await until(async () => (await statusText(page)).includes('blocked for'), 'the blocked stretch', RUN_TIMEOUT);
      expect(await statusText(page)).toMatch(/The loop was blocked for \d+ ms by time\.sleep \(line 10\)\./);
      expect(await laneNames(page)).toEqual(['main', 'ticker', 'blocker']);
    },
    RUN_TIMEOUT + 30_000,
  );
});
