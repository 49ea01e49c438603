/**
 * The Firefox sources archive rebuilds the package it came with. Spawns WXT twice (about two minutes on a busy
 * two-core machine), so it belongs with the CLI tests: in a copy of this checkout, `wxt zip -b firefox --mv3`
 * writes the package and the sources archive; the archive, unzipped into an empty folder with node_modules
 * hard-linked in (the one shortcut: `npm run check:sources` runs the real `npm ci`), builds every file of the
 * package byte for byte.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import {
  filesUnder,
  linkNodeModules,
  packageDifferences,
  rebuildFromSources,
  reviewerEnv,
  zipFiles,
} from '../../scripts/lib/sources-rebuild';
import { zipEntries } from '../../scripts/lib/zip-entries';

const ROOT = resolve(__dirname, '../..');
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
}, 120_000);

/** The checkout as a developer has it (tracked and new files, nothing ignored), with node_modules hard-linked. */
function copyOfCheckout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'awaitwise-checkout-'));
  made.push(dir);
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(ROOT, file), join(dir, file), { dereference: false, errorOnExist: false });
  }
  linkNodeModules(join(ROOT, 'node_modules'), dir);
  return dir;
}

it('the sources archive of npm run zip:firefox rebuilds the same package', { timeout: 900_000 }, () => {
  const checkout = copyOfCheckout();
  const zipped = spawnSync('npx', ['wxt', 'zip', '-b', 'firefox', '--mv3'], {
    cwd: checkout,
    encoding: 'utf8',
    env: reviewerEnv(),
  });
  expect(zipped.status, zipped.stdout + zipped.stderr).toBe(0);
  const { version } = JSON.parse(readFileSync(join(checkout, 'package.json'), 'utf8')) as { version: string };
  const sources = join(checkout, '.output', `awaitwise-${version}-sources.zip`);
  const uploaded = join(checkout, '.output', `awaitwise-${version}-firefox.zip`);

  // What a reviewer needs and nothing that is not source: no tests, no generated data, no build output.
  const paths = zipEntries(readFileSync(sources)).map((e) => e.path);
  for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'store/REVIEWER-NOTES.md', 'PRIVACY.md'])
    expect(paths).toContain(needed);
  expect(paths.filter((p) => /^(tests|bench|data\/generated|\.output|node_modules)\//.test(p))).toEqual([]);

  const built = rebuildFromSources(sources, { install: { kind: 'link', nodeModules: join(ROOT, 'node_modules') } });
  made.push(dirname(dirname(built)));
  const rebuilt = filesUnder(built);
  expect(rebuilt.size).toBeGreaterThan(20);
  expect(packageDifferences(zipFiles(uploaded), rebuilt)).toEqual([]);
});
