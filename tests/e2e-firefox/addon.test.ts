/**
 * The built Firefox add-on in Firefox ESR, headless: host permissions, the overlay (read in its closed root
 * over BiDi), sidebar views, review by keyboard, backup round trip. Python has its own file: python.test.ts.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, recordErrors, sleep, until, type Firefox } from './firefox';

const RELATED = 'https://leetcode.com/problems/print-in-order/';
const UNRELATED = 'https://leetcode.com/problems/two-sum/';

let ff: Firefox;
beforeAll(async () => {
  ff = await launchFirefox();
  ff.routes.set(RELATED, 'sites/leetcode-print-in-order.html');
  ff.routes.set(UNRELATED, 'sites/leetcode-two-sum.html');
});
afterAll(async () => ff?.close());

const text = (page: Page) => page.evaluate(() => document.body.innerText);
/** Errors the web pages logged (the overlay and the main-world editor reader run there). */
const webPageErrors = () => ff.logs.filter((entry) => entry.level === 'error').map((entry) => entry.text);

const press = async (page: Page, key: Parameters<Page['keyboard']['press']>[0]) => {
  await page.keyboard.press(key);
  await sleep(100);
};

describe('Firefox: content script', () => {
  it("has the problem pages' host permissions from install (the background injects the overlay with them)", async () => {
    // Firefox grants an MV3 add-on's host permissions at install while the pref
    // extensions.originControls.grantByDefault is true (the default in 153 ESR's greprefs.js); the user
    // can still withdraw them per site. Without them neither the loader nor scripting.executeScript would run.
    const granted = await ff.welcome.evaluate(() =>
      browser.permissions.contains({ origins: ['https://leetcode.com/problems/*'] }),
    );
    expect(granted).toBe(true);
  });

  it('shows the overlay on a related problem, opens its hints by a real click, and nothing on an unrelated one', async () => {
    const seen = await ff.recordMessages();
    const related = await ff.webPage(RELATED);
    const overlay = ff.overlay(related);
    await overlay.badgeVisible();
    expect(await overlay.hosts()).toBe(1);
    // Print in Order has an asyncio practice version, so the badge counts its hints.
    const [label] = await overlay.evaluate<string>('.aw-badge', '(el) => el.getAttribute("aria-label")');
    expect(label).toMatch(/^\d+ asyncio (hints|questions)$/);
    expect(await overlay.count('.aw-popover')).toBe(0);
    // The badge is all the loader draws: the popover's code is asked for only when the badge is opened.
    expect((await seen()).filter((m) => m.type === 'overlay/expand')).toEqual([]);
    await overlay.click('.aw-badge');
    await until(async () => (await overlay.count('.aw-popover')) === 1, 'the popover');
    // The popover, then the linter once there is code to lint.
    await until(
      async () => (await seen()).filter((m) => m.type === 'overlay/expand').length === 2,
      'the popover and the linter',
    );
    expect(await overlay.count('h3', /^Hints$/)).toBe(1);
    await overlay.click('button', /first hint/i);
    await until(async () => (await overlay.count('.aw-hint')) === 1, 'the first hint');
    expect((await overlay.texts('.aw-hint'))[0]).toMatch(/\w{4,}/);

    const unrelated = await ff.webPage(UNRELATED);
    const report = await until(
      async () => (await seen()).find((m) => m.type === 'page/report' && m.url === UNRELATED),
      "the loader's report of the unrelated problem",
    );
    // The loader's own "done": it has the background's decision and applied it. Only then does "no
    // overlay" mean anything.
    const status = await until(
      () =>
        ff.welcome.evaluate(
          (tabId) =>
            browser.tabs.sendMessage(tabId, { type: 'page/settled' }, { frameId: 0 }).then(
              (reply: unknown) => (typeof reply === 'string' ? reply : null),
              () => null,
            ),
          report.tabId!,
        ),
      "the unrelated page's loader to settle",
    );
    expect(status).toBe('not-relevant');
    expect(await ff.overlay(unrelated).hosts()).toBe(0);
    expect(webPageErrors()).toEqual([]);
    await related.close();
    await unrelated.close();
  });
});

describe('Firefox: sidebar page', () => {
  it('opens each main view by its address', async () => {
    // [address, text it shows, an element it must have rendered]
    const views: [string, RegExp, string?][] = [
      ['sidepanel.html#/browse', /Search all questions|items/],
      ['sidepanel.html#/question/gather-basics', /gather/i],
      // The workbench's CodeMirror editor, editable.
      ['sidepanel.html#/practice/print-in-order', /Practice: Print in order/, '.cm-content[contenteditable="true"]'],
      ['sidepanel.html#/review', /Review/],
      ['sidepanel.html#/deck', /Your deck/],
      ['sidepanel.html#/stats', /Statistics/],
    ];
    let errors: (() => Promise<string[]>) | undefined;
    for (const [path, expected, selector] of views) {
      const page = await ff.extensionPage(path);
      // From the first view on: the others are changes of hash in the same document.
      errors ??= await recordErrors(page);
      await until(async () => expected.test(await text(page)), path);
      if (selector) await until(() => page.$(selector), `${path}: ${selector}`);
    }
    expect(await errors!()).toEqual([]);
  });

  it('reviews by keyboard: Space reveals, 3 rates, U undoes', async () => {
    const page = await ff.extensionPage('sidepanel.html#/review');
    const counts = () => page.evaluate(() => document.querySelector('.aw-review-counts')?.textContent ?? '');
    await until(
      () =>
        page.evaluate(() =>
          [...document.querySelectorAll('button')].some((b) => /Add the fundamentals/.test(b.textContent ?? '')),
        ),
      'the empty deck',
    );
    await page.evaluate(() =>
      [...document.querySelectorAll('button')].find((b) => /Add the fundamentals/.test(b.textContent ?? ''))!.click(),
    );
    await until(async () => (await counts()).includes('10 new'), '10 new cards');
    // Focus is in the card already: no click first.
    await until(
      () => page.evaluate(() => document.activeElement?.classList.contains('aw-review-question')),
      'focus in the card',
    );
    await press(page, ' ');
    await until(() => page.evaluate(() => document.querySelector('.aw-rating') !== null), 'the rating buttons');
    await press(page, '3');
    await until(async () => (await counts()).includes('9 new'), 'one card rated');
    await press(page, 'u');
    await until(async () => (await counts()).includes('10 new'), 'the rating undone');
  });

  it('exports a backup and imports it back after the deck is emptied', async () => {
    // The deck holds the ten fundamentals from the review test.
    const page = await ff.extensionPage('options.html');
    await until(() => page.evaluate(() => document.querySelector('#import-file') !== null), 'the backup panel');
    const exported = await page.evaluate(async () => {
      // The file is read from the Blob itself: the pages' CSP (connect-src 'self') refuses fetch(blob:).
      let captured: Promise<string> | undefined;
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob) => {
        captured = blob.text();
        return create(blob);
      };
      HTMLAnchorElement.prototype.click = () => undefined;
      [...document.querySelectorAll('button')].find((b) => b.textContent === 'Export progress')!.click();
      for (let i = 0; i < 100 && !captured; i++) await new Promise((r) => setTimeout(r, 50));
      return captured ? await captured : '';
    });
    const backup = JSON.parse(exported) as { cards: { id: string }[] };
    expect(backup.cards).toHaveLength(10);

    const deleted = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('awaitwise');
          open.onsuccess = () => {
            const tx = open.result.transaction(['cards'], 'readwrite');
            tx.objectStore('cards').clear();
            tx.oncomplete = () => {
              open.result.close();
              resolve(true);
            };
          };
          open.onerror = () => resolve(false);
        }),
    );
    expect(deleted).toBe(true);

    await page.evaluate((json) => {
      const input = document.querySelector<HTMLInputElement>('#import-file')!;
      const files = new DataTransfer();
      files.items.add(new File([json], 'awaitwise-backup.json', { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, exported);
    await until(async () => /Imported|imported/.test(await text(page)), 'the import summary');
    const deck = await ff.extensionPage('sidepanel.html#/deck');
    await until(
      () => deck.evaluate(() => document.querySelectorAll('[data-testid="deck-row"]').length === 10),
      'ten cards back in the deck',
    );
  });

  it('made no request for a URL the tests do not answer (beyond Firefox asking the site for its favicon)', () => {
    expect(ff.unrouted.filter((url) => new URL(url).pathname !== '/favicon.ico')).toEqual([]);
  });
});
