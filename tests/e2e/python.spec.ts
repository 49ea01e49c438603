/**
 * Python in the side panel, in Chromium with the built extension: a question opened by its address runs its
 * snippet in the bundled Pyodide and shows exactly the verified output; an edited copy runs and survives a
 * reload; an endless loop is stopped and the next run works; user code cannot reach the deck or the
 * network; and nothing leaves the extension.
 */
import { readFileSync } from 'node:fs';
import { expect, openExtensionPage, test } from './fixtures';

const GATHER_OUTPUT = "finished Lima\nfinished Pune\nfinished Oslo\n['Oslo: ok', 'Lima: ok', 'Pune: ok']";

test('run, edit, stop and reload a snippet; the sandbox holds; no request leaves', async ({
  context,
  extensionId,
  requests,
}) => {
  test.setTimeout(180_000);
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html#/question/gather-basics');
  await expect(panel.getByRole('heading', { level: 2 })).toContainText('gather');
  const first = panel.locator('.aw-runnable').first();
  await first.getByRole('button', { name: 'Run', exact: true }).click();
  const output = first.locator('.aw-run-output');
  await expect(output.locator('.aw-run-end')).toContainText('Same as the verified output', { timeout: 120_000 });
  expect((await output.locator('.aw-run-text').innerText()).trim()).toBe(GATHER_OUTPUT);

  // Edit: a copy with one more line, run with Ctrl+Enter.
  await first.getByRole('button', { name: 'Try it' }).click();
  const editor = first.locator('.cm-content');
  await editor.click();
  await panel.keyboard.press('Control+End');
  await panel.keyboard.insertText('\nprint("edited", 6 * 7)');
  await panel.keyboard.press('Control+Enter');
  await expect(output.locator('.aw-run-text')).toContainText('edited 42');
  await expect(output.locator('.aw-run-end')).toContainText('Finished');

  // The edit is kept across a reload.
  await panel.waitForTimeout(600);
  await panel.reload();
  const again = panel.locator('.aw-runnable').first();
  await expect(again.locator('.cm-content')).toContainText('print("edited", 6 * 7)');

  // An endless loop: Stop ends it, and the next run works on a fresh interpreter.
  await again.locator('.cm-content').click();
  await panel.keyboard.press('Control+a');
  await panel.keyboard.insertText('while True:\n    pass\n');
  await again.getByRole('button', { name: 'Run my copy' }).click();
  await expect(again.getByRole('button', { name: 'Stop' })).toBeVisible();
  await panel.waitForTimeout(1_000);
  await again.getByRole('button', { name: 'Stop' }).click();
  await expect(again.locator('.aw-run-end')).toHaveText('Stopped.');
  await again.getByRole('button', { name: 'Reset to the original' }).click();
  await again.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(again.locator('.aw-run-end')).toContainText('Same as the verified output', { timeout: 120_000 });

  // The sandbox: user code cannot delete the database or fetch; the deck is intact.
  await panel.evaluate(async () => {
    const open = indexedDB.open('awaitwise');
    await new Promise((resolve) => (open.onsuccess = resolve));
    open.result.close();
  });
  await again.getByRole('button', { name: 'Try it' }).click();
  await again.locator('.cm-content').click();
  await panel.keyboard.press('Control+a');
  await panel.keyboard.insertText(
    'import js\ntry:\n    js.indexedDB.deleteDatabase("awaitwise")\nexcept Exception as e:\n    print("db:", type(e).__name__)\n' +
      'try:\n    js.fetch("https://example.com/")\nexcept Exception as e:\n    print("net:", type(e).__name__)\n',
  );
  await again.getByRole('button', { name: 'Run my copy' }).click();
  await expect(again.locator('.aw-run-text')).toContainText('db: JsException\nnet: JsException');
  const databases = await panel.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  expect(databases).toContain('awaitwise');

  const outside = requests.filter((url) => !url.startsWith(`chrome-extension://${extensionId}/`));
  expect(outside).toEqual([]);
});

test('a snippet that needs threads says so instead of offering Run', async ({ context, extensionId }) => {
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html#/question/to-thread');
  const first = panel.locator('.aw-runnable').first();
  await expect(first.locator('.aw-runs-where')).toContainText('Uses threads');
  await expect(first.getByRole('button', { name: 'Run' })).toHaveCount(0);
});

test('practice workbench: a correct solution passes every test, a wrong one shows why', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(420_000);
  const knowledge = JSON.parse(readFileSync('data/generated/knowledge.json', 'utf8')) as {
    practice: { id: string; snippets: { code: string; runnable: boolean }[] }[];
  };
  const reference = knowledge.practice.find((p) => p.id === 'print-in-order')!.snippets.find((s) => s.runnable)!.code;
  const wrong = readFileSync('tests/fixtures/practice/print-in-order/polling-flags.py', 'utf8');
  // The user's file as the workbench stores it (Dexie `drafts`), so each version opens in the editor.
  const openWith = async (code: string) => {
    const page = await openExtensionPage(context, extensionId, 'options.html');
    await page.evaluate(async (source) => {
      const request = indexedDB.open('awaitwise');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
      });
      const tx = db.transaction('drafts', 'readwrite');
      tx.objectStore('drafts').put({ key: 'practice:print-in-order', code: source, updatedAt: Date.now() });
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    }, code);
    await page.close();
    const panel = await openExtensionPage(context, extensionId, 'sidepanel.html#/practice/print-in-order');
    return { panel, workbench: panel.getByRole('region', { name: 'Your solution' }) };
  };

  // The starter first: a fresh problem opens with it.
  const fresh = await openExtensionPage(context, extensionId, 'sidepanel.html#/practice/print-in-order');
  const editor = fresh.getByRole('region', { name: 'Your solution' }).locator('.cm-content');
  await expect(editor).toContainText('class InOrder');
  // Keys typed back to back into an emptied editor: two within one frame once hung the page for good.
  await editor.click();
  await fresh.keyboard.press('Control+a');
  await fresh.keyboard.press('Delete');
  await fresh.keyboard.type('xyz = 1');
  await expect(editor).toHaveText('xyz = 1');
  await fresh.close();

  let { panel, workbench } = await openWith(wrong);
  await expect(workbench.locator('.cm-content')).toContainText('first_done');
  await workbench.getByRole('button', { name: 'Run tests' }).click();
  const results = workbench.getByRole('list', { name: 'Test results' });
  await expect(results.locator('.aw-test-fail').first()).toBeVisible({ timeout: 150_000 });
  await expect(results.locator('.aw-test-fail .aw-test-message').first()).toContainText('polling');
  await expect(workbench).toContainText('Not solved yet');
  await panel.close();

  ({ panel, workbench } = await openWith(reference));
  await workbench.locator('.cm-content').click();
  await panel.keyboard.press('Control+Enter');
  await expect(workbench.getByText(/^All \d+ tests passed\.$/)).toBeVisible({ timeout: 150_000 });
  await expect(workbench.getByRole('list', { name: 'Test results' }).locator('.aw-test-fail')).toHaveCount(0);
  await expect(workbench).toContainText('Solved on');
  await expect(workbench).toContainText('2 test runs');
});
