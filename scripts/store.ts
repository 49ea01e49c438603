/**
 * `npm run store`: everything the two stores ask for, from the real product, in .output/store/: the listing
 * text for the Chrome Web Store and addons.mozilla.org (name, summary, description, single purpose, permission
 * justifications, privacy), screenshots at 1280×800 of the built extension in light and dark, the 440×280 and
 * 1400×560 promo tiles and the 128 px icon. It also rewrites PRIVACY.md and the generated parts of
 * store/REVIEWER-NOTES.md from the same sources. `--text` skips the browser and writes only the text.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { takeStoreImages } from './lib/store-images';
import { writeStoreText } from './lib/store-text';

const OUT = resolve('.output/store');
const textOnly = process.argv.includes('--text');
const CHROME_SCREENSHOTS = ['overlay-dark', 'answer-run-light', 'workbench-dark', 'review-light', 'stats-dark'];

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The reference solution of the workbench problem shown (its first runnable snippet). */
function referenceSolution(id: string): string {
  const knowledge = JSON.parse(readFileSync('data/generated/knowledge.json', 'utf8')) as {
    practice: { id: string; snippets: { code: string; runnable: boolean }[] }[];
  };
  const code = knowledge.practice.find((p) => p.id === id)?.snippets.find((s) => s.runnable)?.code;
  if (!code) throw new Error(`practice problem ${id} has no runnable solution`);
  return code;
}

async function main() {
  // Both packages: the notes' checksums are read from them, and the screenshots from the Chrome one.
  run('npx', ['wxt', 'build']);
  run('npx', ['wxt', 'build', '-b', 'firefox', '--mv3']);
  // A full run starts from an empty folder; --text leaves the images of the last full run in place.
  if (!textOnly) rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  if (!textOnly) await takeStoreImages(OUT, referenceSolution('print-in-order'));
  // AMO takes every screenshot; Chrome shows five: one of each kind, light and dark mixed.
  const taken = readdirSync(OUT).filter((f) => /^screenshot-.*\.png$/.test(f));
  const screenshots = {
    chrome: CHROME_SCREENSHOTS.map((name) => `screenshot-${name}.png`).filter((f) => taken.includes(f)),
    firefox: taken,
  };
  const written = await writeStoreText(OUT, screenshots);
  console.log(`\nWrote:\n  ${written.join('\n  ')}`);
  if (!textOnly) console.log(`  ${join(OUT, '*.png')} (${taken.length} screenshots, tiles, icon)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
