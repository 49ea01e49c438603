/**
 * The study-queue benchmark in Chromium: bench-srs.ts bundled by Vite into one classic script, run in a routed
 * https page so it uses the browser's own IndexedDB (the extension's database engine) with nothing else loaded.
 */
import type { BrowserContext } from '@playwright/test';
import { join } from 'node:path';
import { build } from 'vite';
import type { SrsBenchOptions, SrsBenchResult } from './bench-srs';

const SRS_PAGE = 'https://awaitwise-bench.test/';

/** The study-queue benchmark bundled for the browser (IIFE exposing `AwaitwiseBenchSrs`). */
export async function bundleSrsBench(root: string): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    resolve: { alias: { '@': root } },
    build: {
      write: false,
      minify: false,
      emptyOutDir: false,
      lib: {
        entry: join(root, 'scripts/lib/bench-srs-browser.ts'),
        formats: ['iife'],
        name: 'AwaitwiseBenchSrs',
        fileName: 'bench-srs',
      },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if ('output' in result) {
      const chunk = result.output.find((o) => o.type === 'chunk');
      if (chunk && chunk.type === 'chunk') return chunk.code;
    }
  }
  throw new Error('vite build produced no bundle for the study-queue benchmark');
}

export async function srsInBrowser(
  context: BrowserContext,
  code: string,
  options: SrsBenchOptions,
): Promise<SrsBenchResult> {
  await context.route(SRS_PAGE, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>bench</title>' }),
  );
  const tab = await context.newPage();
  try {
    await tab.goto(SRS_PAGE);
    await tab.addScriptTag({ content: code });
    return await tab.evaluate(
      (opts) =>
        (
          window as unknown as { AwaitwiseBenchSrs: { runSrsBench(o: SrsBenchOptions): Promise<SrsBenchResult> } }
        ).AwaitwiseBenchSrs.runSrsBench(opts),
      options,
    );
  } finally {
    await tab.close();
  }
}
