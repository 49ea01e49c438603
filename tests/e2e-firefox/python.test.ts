/**
 * Python in the built Firefox add-on (Firefox ESR, headless, over WebDriver BiDi): a snippet runs in the
 * bundled Pyodide with exactly its verified output, the first full start leaves a snapshot that later
 * interpreters are restored from, and on that restored path user code reaches no network, storage,
 * messaging or closing, and the worker's global holds only what the lockdown keeps.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEPT_GLOBALS } from '../../utils/python/lockdown';
import { SLEEP_PROBE, sleepProbeOutput } from '../support/sleep-probe';
import { launchFirefox, recordErrors, until, type Firefox } from './firefox';

let ff: Firefox;
let server: Server;
let port = 0;
const seen: string[] = [];
beforeAll(async () => {
  ff = await launchFirefox();
  server = createServer((request, response) => {
    seen.push(request.url ?? '');
    response.end('');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  await ff?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

const knowledge = JSON.parse(readFileSync('data/generated/knowledge.json', 'utf8')) as {
  questions: { id: string; snippets?: { runsIn: string[]; output?: string }[] }[];
};
const GATHER = knowledge.questions
  .find((q) => q.id === 'gather-basics')!
  .snippets!.find((s) => s.runsIn.includes('browser'))!.output!;

/** Clicks the first snippet's button named `name` and waits for the run it starts to end. */
async function runAndWait(page: Page, name: string): Promise<{ end: string; text: string }> {
  // The previous run's ending goes away while the next one runs: mark it so it is not read as the new one.
  await page.evaluate(() => document.querySelector('.aw-run-end')?.setAttribute('data-previous', ''));
  // The view renders after its chunk loads: wait for the button rather than look once.
  const button = await until(
    async () =>
      (
        await page.$$(
          `xpath/(.//div[contains(@class,"aw-runnable")])[1]//div[contains(@class,"aw-run-bar")]//button[normalize-space()="${name}"]`,
        )
      )[0],
    `the ${name} button on the first snippet`,
    60_000,
  );
  await button.click();
  const end = await until(
    () => page.evaluate(() => document.querySelector('.aw-run-end:not([data-previous])')?.textContent),
    'the run to end',
    120_000,
  );
  const text = await page.evaluate(() => document.querySelector('.aw-run-text')?.textContent ?? '');
  return { end, text };
}

/** Replaces the first snippet's editable copy with `code` and runs it. */
async function runCode(page: Page, code: string) {
  const [tryIt] = await page.$$(
    'xpath/(.//div[contains(@class,"aw-runnable")])[1]//button[normalize-space()="Try it"]',
  );
  if (tryIt) await tryIt.click();
  await until(() => page.$('.aw-runnable .cm-content'), 'the editor');
  // BiDi types one character at a time (and the editor would indent each line again), so the text goes in
  // as one edit through CodeMirror's own view (its content element keeps a reference to it).
  await page.evaluate((text) => {
    const found = document.querySelector('.aw-runnable .cm-content');
    // BiDi scripts see extension pages through Firefox's X-ray wrappers: the page's own properties are behind.
    const wrapped: unknown = found && Reflect.get(found, 'wrappedJSObject');
    const content: object | null = typeof wrapped === 'object' && wrapped !== null ? wrapped : found;
    const root: unknown = content && Reflect.get(Reflect.get(content, 'cmTile') ?? {}, 'root');
    const view: unknown = typeof root === 'object' && root !== null ? Reflect.get(root, 'view') : null;
    if (typeof view !== 'object' || view === null) throw new Error('no CodeMirror view on the editor');
    const state = Reflect.get(view, 'state') as { doc: { length: number } };
    (Reflect.get(view, 'dispatch') as (tr: object) => void).call(view, {
      changes: { from: 0, to: state.doc.length, insert: text },
    });
  }, code);
  await until(
    () =>
      page.evaluate(
        (c) => document.querySelector('.aw-runnable .cm-content')?.textContent?.includes(c.split('\n')[0]!),
        code,
      ),
    'the code in the editor',
  );
  return runAndWait(page, 'Run my copy');
}

const attempt = (label: string, expression: string) =>
  `try:\n    ${expression}\n    print("${label}: reached")\nexcept Exception as e:\n    print("${label}: refused", type(e).__name__)\n`;
/** True in an interpreter restored from the snapshot: Emscripten's file system is not part of it. */
const RESTORED = 'import os\nprint("restored:", not os.path.isdir("/home/pyodide/awaitwise"))\n';

describe('Firefox: Python', () => {
  let page: Page;

  it('runs a snippet with its verified output, then again from the stored snapshot', async () => {
    page = await ff.extensionPage('sidepanel.html#/question/gather-basics');
    const errors = await recordErrors(page);
    const first = await runAndWait(page, 'Run');
    expect(first.end, first.text).toMatch(/^Finished in .* Same as the verified output\.$/);
    expect(first.text.trimEnd()).toBe(GATHER.trimEnd());
    const second = await runAndWait(page, 'Run');
    expect(second.end).toMatch(/Same as the verified output\./);
    const stored = await until(
      () =>
        page.evaluate(async () => {
          const request = indexedDB.open('awaitwise-python');
          const db = await new Promise<IDBDatabase>((resolve) => (request.onsuccess = () => resolve(request.result)));
          if (!db.objectStoreNames.contains('snapshots')) return null;
          const keys = db.transaction('snapshots').objectStore('snapshots').getAllKeys();
          const result = await new Promise<IDBValidKey[]>((resolve) => (keys.onsuccess = () => resolve(keys.result)));
          db.close();
          return result.length ? result.map(String) : null;
        }),
      'the stored snapshot',
    );
    expect(stored).toHaveLength(1);
    expect((await runCode(page, RESTORED)).text).toBe('restored: True\n');
    expect(await errors()).toEqual([]);
  }, 300_000);

  it('time.sleep lasts as long as asked; Firefox gives the add-on no shared memory, so it spins', async () => {
    expect((await runCode(page, SLEEP_PROBE)).text).toBe(sleepProbeOutput('spinning'));
  }, 120_000);

  it('on the restored path: no request, no storage, no messaging, no closing', async () => {
    const network = await runCode(
      page,
      RESTORED +
        'import js\n' +
        attempt('font', `js.FontFace.new("x", "url(http://127.0.0.1:${port}/font)").load()`) +
        attempt('fonts', `js.fonts.add(js.FontFace.new("y", "url(http://127.0.0.1:${port}/fonts)"))`) +
        attempt('fetch', `js.fetch("http://127.0.0.1:${port}/fetch")`) +
        attempt('import', `js.importScripts("http://127.0.0.1:${port}/script.js")`),
    );
    expect(network.text).toMatch(/^restored: True\n/);
    expect(network.text).not.toContain('reached');
    expect(network.text.match(/refused/g), network.text).toHaveLength(4);

    const storage = await runCode(
      page,
      'import js\n' +
        attempt('indexeddb', 'js.indexedDB.open("awaitwise")') +
        attempt('caches', 'js.caches.open("c")') +
        attempt('storage', 'js.navigator.storage.getDirectory()') +
        attempt('locks', 'js.navigator.locks.request("l", lambda lock: None)'),
    );
    expect(storage.text).not.toContain('reached');
    expect(storage.text.match(/refused/g), storage.text).toHaveLength(4);

    const messaging = await runCode(
      page,
      'import js\nfrom pyodide.ffi import create_proxy\n' +
        attempt('dispatch', 'js.dispatchEvent(js.MessageEvent.new("message"))') +
        attempt('listen', 'js.addEventListener("message", create_proxy(lambda e: None))') +
        attempt('post', 'js.postMessage("done")') +
        attempt('close', 'js.close()') +
        attempt('eval', 'js.Function.new("return 1")()'),
    );
    expect(messaging.text).not.toContain('reached');
    expect(messaging.text.match(/refused/g), messaging.text).toHaveLength(5);

    // The next run is clean and prompt; and the page's own font request is refused by the CSP.
    const next = await runCode(page, 'print("clean")\n');
    expect(next).toMatchObject({ text: 'clean\n' });
    await page.evaluate(async (url) => {
      await new FontFace('z', `url(${url})`).load().catch(() => undefined);
    }, `http://127.0.0.1:${port}/page-font`);
    expect(seen).toEqual([]);
  }, 300_000);

  it("leaves only what the lockdown keeps on the worker's global", async () => {
    const left = await runCode(
      page,
      [
        'import js',
        'from pyodide.ffi import jsnull',
        'names, o = set(), js',
        'while js.Object.getPrototypeOf(o) is not jsnull:',
        '    for name in js.Object.getOwnPropertyNames(o):',
        '        try:',
        '            getattr(o, name)',
        '            names.add(name)',
        '        except Exception:',
        '            pass',
        '    o = js.Object.getPrototypeOf(o)',
        'print(" ".join(sorted(names)))',
      ].join('\n'),
    );
    const kept = new Set([...KEPT_GLOBALS, 'constructor', 'navigator', 'PERSISTENT', 'TEMPORARY']);
    const methods = ['addEventListener', 'dispatchEvent', 'removeEventListener'];
    expect(
      left.text
        .trim()
        .split(' ')
        .filter((name) => !kept.has(name) && !methods.includes(name)),
    ).toEqual([]);
  }, 300_000);
});
