/**
 * `npm run screenshots`: refreshes the README's images in docs/screenshots/. `npm start --headless` and the
 * end-to-end tests named "screenshots" save into screenshots/ (ignored); every image the README shows is
 * then copied from there, and a README image that nothing produced fails the command. Tests and `npm test`
 * never write tracked files.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const SHOTS = 'screenshots';
const DOCS = 'docs/screenshots';

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, SCREENSHOT_DIR: SHOTS } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

rmSync(SHOTS, { recursive: true, force: true });
mkdirSync(SHOTS, { recursive: true });
// Builds the extension, then shoots the overlay, popup, panel, review, stats and Python views.
run('npx', ['tsx', 'scripts/start.ts', '--headless']);
// The views a test has to walk to (an answered quiz, an interview summary, a synced Options page).
run('npx', ['playwright', 'test', '--grep', 'screenshots', '--reporter=list']);

const wanted = [...readFileSync('README.md', 'utf8').matchAll(/\]\((docs\/screenshots\/[\w.-]+\.png)\)/g)].map((m) =>
  m[1]!.slice(DOCS.length + 1),
);
const missing = wanted.filter((name) => !existsSync(join(SHOTS, name)));
if (missing.length) {
  console.error(`Nothing produced these README images: ${missing.join(', ')}`);
  process.exit(1);
}
mkdirSync(DOCS, { recursive: true });
for (const name of wanted) copyFileSync(join(SHOTS, name), join(DOCS, name));
console.log(`Refreshed ${wanted.length} images in ${DOCS}/ (see git status).`);
